//! What kind of page this is, from what it declares, before any cleaning: the article cleaning
//! cuts a box for its class words alone (`tab`, `widget`, `hidden`...), which is right for a
//! story's furniture and wrong for a shop's description tab or a service page's sections.
//!
//! Evidence, all published conventions read the same way on every site:
//! - schema.org types in JSON-LD (a whole `@type` value) or microdata (`itemtype`): a product
//!   (`Product`, `ProductGroup`; an `Offer` alone sells a course or a ticket as well), a
//!   collection (`CollectionPage`, `ItemList`, `SearchResultsPage`), a business or a service
//!   (`LocalBusiness`, `Service`, `SoftwareApplication`);
//! - OpenGraph `og:type` of `product` or a kind of it (`product.group`, a shop's own item type);
//! - the generator a docs site names (`<meta name=generator>`).
//!
//! Against all of these, an article declared anywhere (`og:type` `article`, an `Article` or
//! `BlogPosting` type, the JSON-LD article the metadata reads) makes the page an article: a
//! review with a product box keeps the article cleaning. A `FAQPage` is no evidence: stories
//! and guides carry one too, and [`super::faq`] already keeps the FAQ itself.
//!
//! A discussion (`DiscussionForumPosting`, `QAPage`) is said apart from all of that: forum
//! engines name every post a `comment`, and on such a page the comments are what is read.

use super::jsonld;
use crate::dom::{Snapshot, Tag};

/// What the page declares itself to be.
pub struct Kind {
    /// A product page (schema.org `Product`/`Offer`, `og:type` product) that is not an article.
    pub product: bool,
    /// Positively not an article: a product, collection, business or docs page.
    pub not_article: bool,
    /// A schema.org article is declared (JSON-LD or microdata).
    pub article: bool,
    /// `og:type` says article: many sites write it on every page, their listings too.
    pub og_article: bool,
    /// A discussion (schema.org `DiscussionForumPosting`, `QAPage`): its posts are the content,
    /// however the forum engine names them.
    pub discussion: bool,
    /// A product page that declares the goods themselves (`Product`, `ProductGroup`, `og:type`
    /// product), not only an `Offer` (a course, a ticket) nor a `Service` beside them (a
    /// service's plans).
    pub goods: bool,
}

/// Types that make a page a product page, as JSON-LD writes them; the first two alone say it is
/// not an article.
const PRODUCT_TYPES: [&str; 3] = ["\"Product\"", "\"ProductGroup\"", "\"Offer\""];
/// A page whose JSON-LD states this many products side by side is a shelf of them (a category,
/// search results), not one product's page (a product's variants sit inside its `ProductGroup`).
const SHELF: usize = 3;
/// A service's type in JSON-LD.
const SERVICE: &str = "\"Service\"";
/// Types of other pages that are not articles.
const OTHER_TYPES: [&str; 6] = [
    "\"CollectionPage\"",
    "\"ItemList\"",
    "\"SearchResultsPage\"",
    "\"LocalBusiness\"",
    SERVICE,
    "\"SoftwareApplication\"",
];
/// Article types in JSON-LD, whatever else the script names.
const ARTICLE_TYPES: [&str; 3] = ["\"Article\"", "\"NewsArticle\"", "\"BlogPosting\""];
/// Types of a page that is a discussion, in JSON-LD.
const DISCUSSION_TYPES: [&str; 2] = ["\"DiscussionForumPosting\"", "\"QAPage\""];
/// Docs generators, as they name themselves (lowercase, a prefix of the `content`).
const GENERATORS: [&str; 8] =
    ["sphinx", "docutils", "mkdocs", "docusaurus", "vitepress", "starlight", "gitbook", "rustdoc"];

/// Reads the page's declarations; `has_article` is whether its JSON-LD names an article.
pub fn read(snap: &Snapshot, has_article: bool) -> Kind {
    let (mut product, mut goods, mut other) = (false, false, false);
    let (mut article, mut ld_article) = (has_article, false);
    let (mut og_article, mut discussion, mut service) = (false, false, false);
    for n in snap.iter() {
        match n.tag() {
            Some(Tag::Script) => {
                product |= jsonld::declares(n, &PRODUCT_TYPES);
                goods |= jsonld::declares(n, &PRODUCT_TYPES[..2]);
                other |= jsonld::declares(n, &OTHER_TYPES);
                ld_article |= jsonld::declares(n, &ARTICLE_TYPES);
                discussion |= jsonld::declares(n, &DISCUSSION_TYPES);
                service |= jsonld::declares(n, &[SERVICE]);
            }
            Some(Tag::Meta) => {
                let kind = n.attr("content").unwrap_or("").trim().to_ascii_lowercase();
                if n.attr("property") == Some("og:type") {
                    product |= kind == "product";
                    goods |= kind.starts_with("product");
                    og_article |= kind == "article";
                } else if n.attr("name").is_some_and(|v| v.eq_ignore_ascii_case("generator")) {
                    other |= GENERATORS.iter().any(|g| kind.starts_with(g));
                }
            }
            _ => {
                let Some(kind) = n.attr("itemtype") else { continue };
                let kind = kind.trim_end();
                product |= kind.ends_with("/Product") || kind.ends_with("/Offer");
                goods |= kind.ends_with("/Product");
                service |= kind.ends_with("/Service");
                // Microdata names a type as the last segment of a schema.org URL.
                other |= OTHER_TYPES.iter().any(|t| {
                    let name = &t[1..t.len() - 1];
                    kind.ends_with(name) && kind[..kind.len() - name.len()].ends_with('/')
                });
                article |= kind.contains("Article") || kind.ends_with("/BlogPosting");
                discussion |=
                    kind.ends_with("/DiscussionForumPosting") || kind.ends_with("/QAPage");
            }
        }
    }
    let any_article = article || og_article;
    let product = product && !any_article && super::stated::products(snap) < SHELF;
    Kind {
        product,
        goods: product && goods && !service,
        not_article: (goods || other) && !any_article && !ld_article,
        article: article || ld_article,
        og_article,
        discussion,
    }
}

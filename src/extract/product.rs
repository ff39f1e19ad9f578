//! Product pages: what a shop's page is about is the product's description and its
//! specifications. Its customer reviews are readers' posts under it, as comments are under an
//! article, and on a popular product they out-write the description and win the choice.
//!
//! A page is a product page when it says so by a published convention: a schema.org `Product` or
//! `Offer` (JSON-LD or microdata) or OpenGraph's `og:type` of `product`. Its reviews are the
//! blocks marked as such: schema.org `Review` (`itemprop="review"`, an `itemtype` of `Review`) or
//! a class or id with the word `review` or `reviews` (WooCommerce's `woocommerce-Reviews`,
//! Shopify review apps, the big shops' own review lists).

use super::class_words;
use crate::dom::{NodeRef, Snapshot, Tag};

/// schema.org types that make a page a product page, as JSON-LD writes them.
const JSON_TYPES: [&str; 3] = ["\"Product\"", "\"ProductGroup\"", "\"Offer\""];

/// True when the page declares a product. A news page that marks its paywalled text as a
/// `Product` (the subscription markup search engines ask for) writes it in a list of types
/// beside `CreativeWork`, which [`super::jsonld::declares`] does not count; and a page that
/// says it is an article (JSON-LD, `has_article`; microdata; `og:type`) is one, whatever product
/// it reviews.
pub fn is_product_page(snap: &Snapshot, has_article: bool) -> bool {
    let (mut product, mut article) = (false, has_article);
    for n in snap.iter() {
        match n.tag() {
            Some(Tag::Script) => product |= super::jsonld::declares(n, &JSON_TYPES),
            Some(Tag::Meta) if n.attr("property") == Some("og:type") => {
                let kind = n.attr("content").unwrap_or("").trim();
                product |= kind.eq_ignore_ascii_case("product");
                article |= kind.eq_ignore_ascii_case("article");
            }
            _ => {
                let kind = n.attr("itemtype").unwrap_or("");
                product |= kind.ends_with("/Product") || kind.ends_with("/Offer");
                article |= kind.contains("Article") || kind.ends_with("/BlogPosting");
            }
        }
    }
    product && !article
}

/// True for a block of customer reviews, or one review; never the page's `<body>`, whose classes
/// name the page's features (a WooCommerce theme's `single-product-reviews-01`).
pub fn is_review(n: NodeRef) -> bool {
    if n.is(Tag::Body) {
        return false;
    }
    if n.attr("itemprop").is_some_and(|p| p.starts_with("review"))
        || n.attr("itemtype").is_some_and(|t| t.ends_with("/Review"))
    {
        return true;
    }
    let ci = class_words::class_and_id(n);
    class_words::has_token(&ci, "review") || class_words::has_token(&ci, "reviews")
}

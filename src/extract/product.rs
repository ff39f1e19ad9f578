//! Product pages: what a shop's page is about is the product's description and its
//! specifications. Its customer reviews are readers' posts under it, as comments are under an
//! article, and on a popular product they out-write the description and win the choice.
//!
//! A page is a product page when it says so by a published convention ([`super::kind`]): a
//! schema.org `Product` or `Offer` (JSON-LD or microdata) or OpenGraph's `og:type` of `product`.
//! Its reviews are the blocks marked as such: schema.org `Review` (`itemprop="review"`, an
//! `itemtype` of `Review`) or a class or id with the word `review` or `reviews` (WooCommerce's
//! `woocommerce-Reviews`, Shopify review apps, the big shops' own review lists). Its questions
//! and answers are left out the same way where microdata marks them (schema.org `Question`/
//! `Answer`/`FAQPage`); a class word `faq` is not enough: shop themes name every collapsible
//! section of the description so.
//!
//! Where no paragraph votes (a description that is a spec list, short lines under headings),
//! the description is the block the page declares as one: microdata `itemprop="description"` of
//! the `Product` item, or the description container each shop platform documents for its
//! themes (WooCommerce, Shopify, Magento, BigCommerce); see [`description`].
//!
//! Inside the article, shelves of other products ("you may also like", "complete the set") are
//! what the shop sells beside it: runs of cards that each link elsewhere and state a price
//! ([`shelves`]). A run that holds a good part of the article is the page itself: a category
//! that declares a `Product` for its rating stars.
//!
//! A block whose text repeats an earlier one's is the theme's second rendering of it, for
//! another screen size ([`drop_repeats`]); only where the page declares the goods themselves
//! (`kind::Kind::goods`): a service's plans and a team's cards rightly repeat their lines.

use super::node_tables::Base;
use super::score::Piece;
use super::{class_words, listing};
use crate::dom::{NodeId, NodeRef, Snapshot, Tag};

/// A shelf is left out only where it holds less than 1/`SHELF_SHARE` of the article's text.
const SHELF_SHARE: u32 = 4;

/// True for what readers wrote under a product, never its description: a block of customer
/// reviews or one review, questions and answers marked as such. Never the page's `<body>`, whose classes name
/// the page's features (a WooCommerce theme's `single-product-reviews-01`).
pub fn is_readers_part(n: NodeRef) -> bool {
    if n.is(Tag::Body) {
        return false;
    }
    if n.attr("itemprop").is_some_and(|p| p.starts_with("review"))
        || n.attr("itemtype").is_some_and(|t| {
            ["/Review", "/Question", "/Answer", "/FAQPage"].iter().any(|k| t.ends_with(k))
        })
    {
        return true;
    }
    let ci = class_words::class_and_id(n);
    class_words::has_token(&ci, "review") || class_words::has_token(&ci, "reviews")
}

/// Class names of a product's description container in the shop platforms' documented themes:
/// WooCommerce's description tab, Shopify's Dawn and older themes, BigCommerce's Cornerstone.
const DESCRIPTION_CLASSES: [&str; 4] = [
    "woocommerce-Tabs-panel--description",
    "product__description",
    "product-single__description",
    "productView-description",
];

/// The block a product page declares as the product's description, if any: microdata
/// `itemprop="description"` whose item is the `Product` (not a review's), a platform's
/// description container ([`DESCRIPTION_CLASSES`]), or Magento's `product attribute description`.
pub fn description(snap: &Snapshot) -> Option<NodeId> {
    let found = snap.iter().find(|n| {
        if !n.is_element() || n.is(Tag::Meta) {
            return false;
        }
        if n.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "description")) {
            let item = n.ancestors().find(|a| a.attr("itemscope").is_some());
            return item.and_then(|i| i.attr("itemtype")).is_some_and(|t| t.ends_with("/Product"));
        }
        let class = n.class();
        DESCRIPTION_CLASSES.iter().any(|c| class.split_whitespace().any(|w| w == *c))
            || ["product", "attribute", "description"]
                .iter()
                .all(|c| class.split_whitespace().any(|w| w == *c))
    });
    found.map(|n| n.id())
}

/// The shelves of other products ([`listing::shelves`]) inside the article's `pieces`, each
/// holding less than 1/[`SHELF_SHARE`] of the text `drop` leaves in them.
pub fn shelves(snap: &Snapshot, page: &Base, pieces: &[Piece], drop: &[bool]) -> Vec<NodeId> {
    let range = |n: NodeRef| n.id().index()..=n.last_descendant().id().index();
    let spans: Vec<_> =
        pieces.iter().map(|p| p.first.index()..=*range(snap.node(p.last)).end()).collect();
    let text: u32 = spans.iter().map(|s| page.text_in(s.clone(), drop)).sum();
    let aside = |s: &NodeId| {
        let inside = spans.iter().any(|p| s.index() > *p.start() && p.contains(&s.index()));
        inside && page.text_in(range(snap.node(*s)), drop) * SHELF_SHARE < text
    };
    listing::shelves(snap, page).into_iter().filter(aside).collect()
}

/// Fewest words of a block dropped as a repeat: a shorter line ("Add to cart", a job title on
/// each of several cards) may rightly stand twice.
const REPEAT_WORDS: usize = 6;

/// Drops the blocks whose text repeats an earlier block's word for word: shop themes render a
/// product's description and feature blocks twice, for small and large screens, and hide one
/// with the style sheet, which the snapshot does not read.
pub fn drop_repeats(body: &mut Vec<super::Block>) {
    // A list, not a hash set: a page has tens of such blocks, and hashing would grow the reader.
    let mut seen: Vec<String> = Vec::new();
    body.retain(|b| {
        let mut text = String::new();
        super::body::block_text(b, &mut text);
        let text = super::collapse_text(&text);
        let repeat = text.split(' ').count() >= REPEAT_WORDS && seen.contains(&text);
        if !repeat {
            seen.push(text);
        }
        !repeat
    });
}

//! The article's lead image: the one the page's metadata names (OpenGraph, Twitter, JSON-LD), or,
//! when it names none, the hero picture just above the article, where pages put it, often
//! lazy-loaded. Either comes with the alt text and caption of the figure that shows it on the
//! page, and neither is given when the body already shows it (it would appear twice).
//!
//! The hero is looked for between the article's first block and the start of the container two
//! levels up (the article wrapper that also holds the headline), nearest first, outside whatever
//! extraction left out as furniture. Only a large picture qualifies: a declared width, or a
//! `srcset` width, of at least [`MIN_WIDTH`] pixels, or a lazy-loaded picture of undeclared size;
//! never an icon, an avatar or a logo with its small size declared.

use super::body::{self, Ctx};
use super::images;
use super::metadata::PageMeta;
use super::{Block, Image};
use crate::dom::{NodeId, NodeRef, Snapshot, Tag};

/// Narrowest hero image, in CSS pixels.
const MIN_WIDTH: u32 = 400;

/// Where the article is, for finding the hero above it.
pub struct Placement<'a> {
    /// The article's container.
    pub top: NodeRef<'a>,
    /// The article's first block.
    pub first: NodeId,
    /// What extraction left out (furniture, hidden boxes).
    pub drop: &'a [bool],
}

/// The lead image, unless the body already shows it.
pub fn lead_image(
    snap: &Snapshot,
    meta: &PageMeta,
    body: &[Block],
    at: &Placement,
    base: Option<&str>,
) -> Option<Image> {
    // Figures are read whole, wherever they are on the page.
    let keep_all = vec![false; snap.len()];
    let ctx = Ctx { base, drop: &keep_all, product: false };
    let image = match meta.image().and_then(|u| crate::url::resolve_image(base, &u)) {
        Some(src) => {
            let key = file(&src);
            let shown =
                snap.iter().filter(|n| n.is(Tag::Figure)).find_map(|f| figure_image(f, &key, &ctx));
            Image { src, ..shown.unwrap_or_default() }
        }
        None => hero(snap, at, &ctx)?,
    };
    let key = file(&image.src);
    let in_body = |b: &Block| matches!(b, Block::Figure { image } if file(&image.src) == key);
    (!body.iter().any(in_body)).then_some(image)
}

/// The file name of an image URL: the same picture at another size or host has the same one.
fn file(url: &str) -> String {
    url.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned()
}

/// The picture named `key` in `figure`, with its alt text and caption.
fn figure_image(figure: NodeRef, key: &str, ctx: &Ctx) -> Option<Image> {
    body::convert_range(figure, figure, ctx).into_iter().find_map(|b| match b {
        Block::Figure { image } if file(&image.src) == key => Some(image),
        _ => None,
    })
}

/// The nearest large picture above the article.
fn hero(snap: &Snapshot, at: &Placement, ctx: &Ctx) -> Option<Image> {
    let bound = at.top.parent().and_then(|p| p.parent()).unwrap_or(at.top).id().index();
    (bound..at.first.index())
        .rev()
        .map(|i| snap.node(NodeId(i as u32)))
        .filter(|n| {
            (n.is(Tag::Img) && !n.parent().is_some_and(|p| p.is(Tag::Picture)))
                || n.is(Tag::Picture)
        })
        .filter(|n| !at.drop[n.id().index()] && is_large(*n))
        .find_map(|n| {
            let image = images::image(n, ctx.base)?;
            let figure = n.ancestors().find(|a| a.is(Tag::Figure));
            Some(figure.and_then(|f| figure_image(f, &file(&image.src), ctx)).unwrap_or(image))
        })
}

/// A declared or `srcset` width of at least [`MIN_WIDTH`], or a lazy-loaded picture of unknown size.
fn is_large(el: NodeRef) -> bool {
    let img = if el.is(Tag::Img) { Some(el) } else { el.descendants().find(|d| d.is(Tag::Img)) };
    let Some(img) = img else { return false };
    let declared =
        img.attr("width").and_then(|w| w.trim().trim_end_matches("px").parse::<u32>().ok());
    let sets = std::iter::once(img).chain(el.descendants().filter(|d| d.is(Tag::Source)));
    let widest = sets.filter_map(images::srcset).filter_map(images::widest_descriptor).max();
    match declared.or(widest) {
        Some(w) => w >= MIN_WIDTH,
        None => images::is_lazy(img),
    }
}

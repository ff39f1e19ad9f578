//! Listings: a page whose content is a run of entries (a blog's or a news site's front page, a
//! category of a shop, search results), each a linked headline over a few words of summary.
//! No paragraph is long enough to vote for them, or their links make every box look like a menu,
//! so the voting finds no article; the entries are found by their structure instead.
//!
//! An entry is a box holding a headline that is a link (`<h3><a>`, or `<a><h3>`): the markup
//! feeds, card grids and result lists share, whatever their class names. The listing is the
//! element with the most such headlines in at least [`MIN_ENTRIES`] children of one tag (the
//! entries are siblings of one kind: `<article>`s, `<li>`s, cards). Menus, footers and hidden
//! boxes ([`Base::furniture`]) hold no entries. Where no headline marks them, a page may still
//! name its entries: a schema.org `ItemList` in its JSON-LD gives their URLs ([`declared`]). The
//! reader shows them as a list of links with their summaries ([`as_list`]).

use super::json::Value;
use super::node_tables::Base;
use super::{Block, Inline};
use crate::dom::{NodeId, NodeRef, Snapshot, Tag};

/// Fewer sibling entries than this are a few links under an article, not a listing.
const MIN_ENTRIES: u32 = 3;

/// The element that holds the page's entries, if it has a listing.
pub fn find(snap: &Snapshot, base: &Base) -> Option<NodeId> {
    find_by(snap, base, is_linked_headline)
}

/// The element that holds the entries the page's JSON-LD lists (a schema.org `ItemList`'s
/// `itemListElement`s, by their URLs): cards with no heading (a link around a picture and a
/// title) are entries still, and the page has said which links they are.
pub fn declared(snap: &Snapshot, base: &Base) -> Option<NodeId> {
    let mut urls = Vec::new();
    for v in super::jsonld::objects(snap) {
        if let Some(list) = super::jsonld::find(&v, 0, &|t| super::jsonld::is_type(t, "ItemList")) {
            list_urls(list, &mut urls);
        }
    }
    if urls.len() < MIN_ENTRIES as usize {
        return None;
    }
    // A link may add a tracking query to the URL the list declares.
    let known = |u: &str| urls.iter().any(|x| x == u);
    let listed = |n: NodeRef| {
        n.attr("href").is_some_and(|h| {
            let path = url_path(h);
            known(&path) || known(path.split('?').next().unwrap_or_default().trim_end_matches('/'))
        })
    };
    let heads = marks(snap, &base.furniture(snap), |n| n.is(Tag::A) && listed(n));
    let all = heads[0];
    // The smallest element that holds them all: a list split in two (a spotlight over the rest)
    // is still one list, and the intro above it goes with it.
    let top = snap.iter().filter(|n| n.is_element() && heads[n.id().index()] == all).last()?;
    (all >= MIN_ENTRIES).then_some(top.id())
}

/// The URLs of a list's items: a `ListItem`'s `url`, or its `item` as a URL or a thing with one.
fn list_urls(list: &Value, out: &mut Vec<String>) {
    let Some(Value::Array(items)) = list.get("itemListElement") else { return };
    for i in items {
        let item = i.get("item");
        let url =
            [i.get("url"), item, item.and_then(|t| t.get("url")), item.and_then(|t| t.get("@id"))]
                .into_iter()
                .flatten()
                .find_map(Value::as_str);
        if let Some(u) = url {
            out.push(url_path(u));
        }
    }
}

/// A link's path and query, without scheme, host, fragment or trailing slash: the page's links
/// are often relative where its JSON-LD writes them whole.
fn url_path(href: &str) -> String {
    let h = href.trim();
    let h = h.split('#').next().unwrap_or_default();
    let rest = match h.find("//") {
        Some(at) if h[..at].chars().all(|c| c.is_ascii_alphabetic() || c == ':') => &h[at + 2..],
        _ => h,
    };
    let path =
        if rest.len() < h.len() { rest.find('/').map_or("", |at| &rest[at..]) } else { rest };
    path.trim_end_matches('/').to_owned()
}

/// The element that holds a shop's product cards: entries that each show a price.
pub fn cards(snap: &Snapshot, base: &Base) -> Option<NodeId> {
    find_by(snap, base, |n| n.is_text() && is_price(n.text()))
}

/// A short line that states a price: a currency sign next to a number.
fn is_price(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 40
        && s.char_indices().any(|(i, c)| {
            matches!(c, '$' | '€' | '£' | '¥' | '₹')
                && (s[..i].trim_end().ends_with(|d: char| d.is_ascii_digit())
                    || s[i + c.len_utf8()..].trim_start().starts_with(|d: char| d.is_ascii_digit()))
        })
}

/// How many nodes pass `mark` in each subtree, leaving out the page's furniture.
fn marks(snap: &Snapshot, skip: &[bool], mark: impl Fn(NodeRef) -> bool) -> Vec<u32> {
    let len = snap.len();
    let mut heads = vec![0u32; len];
    for i in (1..len).rev() {
        let n = snap.node(NodeId(i as u32));
        if skip[i] {
            continue;
        }
        if mark(n) {
            heads[i] = 1;
        }
        if let Some(p) = n.parent() {
            heads[p.id().index()] += heads[i];
        }
    }
    heads
}

/// The element with the most entry marks (`mark`) in at least [`MIN_ENTRIES`] children of one tag.
fn find_by(snap: &Snapshot, base: &Base, mark: impl Fn(NodeRef) -> bool) -> Option<NodeId> {
    let heads = marks(snap, &base.furniture(snap), mark);
    let mut best: Option<(u32, NodeId)> = None;
    for p in snap.iter().filter(|p| p.is_element() && heads[p.id().index()] >= MIN_ENTRIES) {
        let mut entries = p.children().filter(|c| heads[c.id().index()] > 0);
        let Some(kind) = entries.next().and_then(|c| c.tag()) else { continue };
        let (mut count, mut held) = (0, 0);
        for c in p.children().filter(|c| c.is(kind)) {
            count += u32::from(heads[c.id().index()] > 0);
            held += heads[c.id().index()];
        }
        if count >= MIN_ENTRIES && best.is_none_or(|(b, _)| held > b) {
            best = Some((held, p.id()));
        }
    }
    best.map(|(_, id)| id)
}

/// Shelves of other products on a product's page ("you may also like", "complete the set"): each
/// outermost element with [`MIN_ENTRIES`] or more children of one tag that each link somewhere
/// and state a price. The product's own box states its price once, and its variant pickers link
/// nowhere.
pub fn shelves(snap: &Snapshot, base: &Base) -> Vec<NodeId> {
    let skip = base.furniture(snap);
    let prices = marks(snap, &skip, |n| n.is_text() && is_price(n.text()));
    let links = marks(snap, &skip, |n| n.is(Tag::A) && n.attr("href").is_some());
    let card = |c: NodeRef| prices[c.id().index()] > 0 && links[c.id().index()] > 0;
    let mut out: Vec<NodeId> = Vec::new();
    for p in snap.iter().filter(|p| p.is_element() && prices[p.id().index()] >= MIN_ENTRIES) {
        if out.last().is_some_and(|s| snap.node(*s).contains(p)) {
            continue;
        }
        let Some(kind) = p.children().find(|c| card(*c)).and_then(|c| c.tag()) else { continue };
        if p.children().filter(|c| c.is(kind) && card(*c)).count() >= MIN_ENTRIES as usize {
            out.push(p.id());
        }
    }
    out
}

/// A heading that is a link, or holds one (an `<h1>` too: HTML5 lets each `<article>` head itself
/// with one); not a post's author (schema.org `author`) over each post of a thread.
fn is_linked_headline(n: NodeRef) -> bool {
    if !matches!(n.tag(), Some(Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4))
        || n.ancestors().take(4).any(|a| a.attr("itemprop").is_some_and(|v| v.contains("author")))
    {
        return false;
    }
    // A card is often one link around its picture, headline and summary.
    if n.ancestors().take(6).any(|a| a.is(Tag::A)) {
        return true;
    }
    // A link to a place in a page (`#p123`, `viewtopic.php?pid=123#p123`) is a post's or a
    // section's permalink, not an entry's.
    n.descendants().any(|d| d.is(Tag::A) && d.attr("href").is_some_and(|h| !h.contains('#')))
}

/// An entry's line of credits under its headline: its author, source or section and its date,
/// which the listing's reader does not need to choose what to read.
fn is_credits(b: &Block) -> bool {
    if !matches!(b, Block::Paragraph { .. }) {
        return false;
    }
    let mut text = String::new();
    super::body::block_text(b, &mut text);
    super::stamps::is_dated_credit(&text)
}

/// The entries as one list of links with their summaries: each linked headline opens an item and
/// what follows it (its summary) goes with it, its line of credits left out; what comes before
/// the first stays above.
pub fn as_list(body: Vec<Block>) -> Vec<Block> {
    let opens = |b: &Block| {
        matches!(b, Block::Heading { content, .. }
            if content.iter().any(|i| matches!(i, Inline::Link { .. })))
    };
    if body.iter().filter(|b| opens(b)).count() < MIN_ENTRIES as usize {
        return body;
    }
    let mut out = Vec::new();
    let mut items: Vec<Vec<Block>> = Vec::new();
    for b in body {
        match items.last_mut() {
            _ if opens(&b) => items.push(vec![b]),
            Some(_) if is_credits(&b) => {}
            Some(item) => item.push(b),
            None => out.push(b),
        }
    }
    out.push(Block::List { ordered: false, items });
    out
}

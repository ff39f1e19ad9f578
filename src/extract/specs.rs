//! Specifications: a product's names and values ("Weight" / "1.9 kg"), which the reader shows as
//! a two-column table, a name in each row's header cell, whatever markup the page used for them.
//! Only on a declared product page (`kind::read`): an article's or a manual's
//! "Term: explanation" lists and glossaries read as the page wrote them.
//!
//! Pages write them three ways: a `<table>` (kept as a table already), a `<dl>` of terms and
//! definitions (what HTML has for name/value groups), or a list whose every item reads
//! `Name: value`. A `<dl>` or a list is taken as specifications only when every entry is a short
//! name over a short value: a glossary's definitions or a list of steps are sentences, and stay
//! as they are.

use super::body::Ctx;
use super::{collapse_text, Cell, Inline, Table};
use crate::dom::{NodeRef, Tag};

/// Longest name of a specification, in characters ("Maximum operating temperature").
const MAX_NAME_CHARS: usize = 40;
/// Most words in a name.
const MAX_NAME_WORDS: usize = 5;
/// Longest value, in characters: a measure or a short phrase, not a sentence.
const MAX_VALUE_CHARS: usize = 120;
/// Fewest entries of a `<dl>` read as specifications; a list needs one more (two `Name: value`
/// lines happen in prose lists).
const MIN_ROWS: usize = 2;

/// The table of a `<dl>` (its groups may be wrapped in `<div>`s, as HTML allows) or a list
/// (`<ul>`, `<ol>`) when every entry is a short name and a short value; `None` otherwise.
pub fn table(el: NodeRef, ctx: &Ctx) -> Option<Table> {
    let dl = el.is(Tag::Dl);
    let mut items = Vec::new();
    for c in el.children().filter(|c| !ctx.skip(*c)) {
        if dl && c.is(Tag::Div) {
            items.extend(c.children().filter(|c| !ctx.skip(*c)));
        } else {
            items.push(c);
        }
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    for c in items {
        let text = collapse_text(&ctx.text(c));
        match c.tag() {
            None if text.is_empty() => {}
            Some(Tag::Dt) if dl => {
                rows.push((text.trim_end_matches(':').to_owned(), String::new()))
            }
            Some(Tag::Dd) if dl => {
                let value = &mut rows.last_mut()?.1;
                if !value.is_empty() {
                    value.push_str("; ");
                }
                value.push_str(&text);
            }
            Some(Tag::Li) if !dl && !c.descendants().skip(1).any(|d| is_block(d, ctx)) => {
                let (name, value) = text.split_once(':')?;
                rows.push((name.trim().to_owned(), value.trim().to_owned()));
            }
            _ => return None,
        }
    }
    let short = |(name, value): &(String, String)| {
        !name.is_empty()
            && name.chars().count() <= MAX_NAME_CHARS
            && name.split_whitespace().count() <= MAX_NAME_WORDS
            && !value.is_empty()
            && value.chars().count() <= MAX_VALUE_CHARS
            // A link's scheme ("https://...") is no name.
            && !value.starts_with("//")
    };
    if rows.len() < MIN_ROWS + usize::from(!dl) || !rows.iter().all(short) {
        return None;
    }
    let cell = |header, text| Cell {
        header,
        colspan: 1,
        rowspan: 1,
        content: vec![Inline::Text { text }],
    };
    let rows = rows.into_iter().map(|(n, v)| vec![cell(true, n), cell(false, v)]).collect();
    Some(Table { caption: Vec::new(), head: Vec::new(), rows })
}

/// A kept block element or list item inside a list item: the item is more than one line.
fn is_block(d: NodeRef, ctx: &Ctx) -> bool {
    d.tag().is_some_and(|t| t.is_block() || t == Tag::Li) && !ctx.skip(d)
}

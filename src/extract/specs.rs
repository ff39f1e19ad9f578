//! Specifications: a product's names and values ("Weight" / "1.9 kg"), which the reader shows as
//! a two-column table, a name in each row's header cell, whatever markup the page used for them.
//! Only on a declared product page (`product::is_product_page`): an article's or a manual's
//! "Term: explanation" lists and glossaries read as the page wrote them.
//!
//! Pages write them three ways: a `<table>` (kept as a table already), a `<dl>` of terms and
//! definitions (what HTML has for name/value groups), or a list whose every item reads
//! `Name: value`. A `<dl>` or a list is taken as specifications only when every entry is a short
//! name over a short value: a glossary's definitions or a list of steps are sentences, and stay
//! as they are.

use super::{collapse_text, Cell, Inline, Table};
use crate::dom::{NodeRef, Tag};

/// Longest name of a specification, in characters ("Maximum operating temperature").
const MAX_NAME_CHARS: usize = 40;
/// Most words in a name.
const MAX_NAME_WORDS: usize = 5;
/// Longest value, in characters: a measure or a short phrase, not a sentence.
const MAX_VALUE_CHARS: usize = 120;
/// Fewest entries of a `<dl>` read as specifications.
const MIN_DL_ROWS: usize = 2;
/// Fewest items of a `Name: value` list (two such lines happen in prose lists).
const MIN_LIST_ROWS: usize = 3;

/// A row of a `<dl>`: its term and its definitions.
pub type DlRow<'a> = (NodeRef<'a>, Vec<NodeRef<'a>>);

/// The rows of a `<dl>` of short names and values (HTML allows each group wrapped in a `<div>`);
/// `None` for any other `<dl>`. `text` is an element's visible text, `skip` says what was dropped.
pub fn dl_rows<'a>(
    dl: NodeRef<'a>,
    text: &dyn Fn(NodeRef) -> String,
    skip: &dyn Fn(NodeRef) -> bool,
) -> Option<Vec<DlRow<'a>>> {
    let mut rows: Vec<DlRow<'a>> = Vec::new();
    let groups = dl.element_children().filter(|c| !skip(*c)).flat_map(|c| {
        let wrapped = c.is(Tag::Div);
        let inner = wrapped.then(|| c.element_children().filter(|i| !skip(*i)));
        inner.into_iter().flatten().chain((!wrapped).then_some(c))
    });
    for item in groups {
        match item.tag() {
            Some(Tag::Dt) => rows.push((item, Vec::new())),
            Some(Tag::Dd) => rows.last_mut()?.1.push(item),
            _ => return None,
        }
    }
    let short = |(name, values): &DlRow| {
        let value: usize = values.iter().map(|v| collapse_text(&text(*v)).chars().count()).sum();
        is_name(&collapse_text(&text(*name))) && !values.is_empty() && value <= MAX_VALUE_CHARS
    };
    (rows.len() >= MIN_DL_ROWS && rows.iter().all(short)).then_some(rows)
}

/// The items of a list that are all `Name: value` lines, split at the colon; `None` otherwise.
/// `items` are the list's items' visible texts.
pub fn list_rows(items: &[String]) -> Option<Vec<(String, String)>> {
    let rows: Vec<_> = items
        .iter()
        .map(|t| {
            let t = collapse_text(t);
            let (name, value) = t.split_once(':')?;
            let (name, value) = (name.trim(), value.trim());
            // A link's scheme ("https://...") is no name.
            let is_spec = is_name(name)
                && !value.is_empty()
                && !value.starts_with("//")
                && value.chars().count() <= MAX_VALUE_CHARS;
            is_spec.then(|| (name.to_owned(), value.to_owned()))
        })
        .collect::<Option<_>>()?;
    (rows.len() >= MIN_LIST_ROWS).then_some(rows)
}

/// The table of name/value rows: each name a header cell, without the colon a `<dt>` may end in
/// (the table's column says it).
pub fn table(rows: Vec<(Vec<Inline>, Vec<Inline>)>) -> Table {
    let cell = |header, content| Cell { header, colspan: 1, rowspan: 1, content };
    let rows = rows.into_iter().map(|(mut n, v)| {
        strip_colon(&mut n);
        vec![cell(true, n), cell(false, v)]
    });
    Table { caption: Vec::new(), head: Vec::new(), rows: rows.collect() }
}

/// Takes a trailing colon off the last text of a run of inlines (looking into bold and italics).
fn strip_colon(content: &mut [Inline]) {
    match content.last_mut() {
        Some(Inline::Text { text }) => {
            let kept = text.trim_end().trim_end_matches(':').trim_end().len();
            text.truncate(kept);
        }
        Some(Inline::Strong { content } | Inline::Emphasis { content }) => strip_colon(content),
        _ => {}
    }
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name.split_whitespace().count() <= MAX_NAME_WORDS
}

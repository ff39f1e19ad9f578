//! Article extraction: find the main text of a page and its metadata, as an [`Article`].
//!
//! Pure: reads a [`Snapshot`], returns an `Article` or [`ExtractError::NoArticle`]; never touches
//! the page. Scores live in side tables indexed by `NodeId`.

mod article;
mod body;
mod score;

pub use article::*;
pub use body::block_text;

use crate::dom::{Snapshot, Tag};
use thiserror::Error;

/// Why no article came out of a page.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no article found")]
    NoArticle,
}

/// Options for one extraction.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's URL, used to resolve relative links and images.
    pub url: Option<String>,
}

/// Reading speed used for `reading_minutes`.
const WORDS_PER_MINUTE: usize = 230;

/// Extracts the article from a snapshot.
pub fn extract(snap: &Snapshot, options: &Options) -> Result<Article, ExtractError> {
    let root = score::best_candidate(snap).ok_or(ExtractError::NoArticle)?;
    let body = body::convert(root, options.url.as_deref());
    let mut text = String::new();
    for b in &body {
        body::block_text(b, &mut text);
        text.push('\n');
    }
    let word_count = text.split_whitespace().count();
    if word_count == 0 {
        return Err(ExtractError::NoArticle);
    }
    let title = snap
        .find(Tag::H1)
        .map(|h| collapse_text(&h.text_content()))
        .filter(|t| !t.is_empty())
        .or_else(|| snap.find(Tag::Title).map(|t| collapse_text(&t.text_content())))
        .unwrap_or_default();
    let html = snap.document_element();
    Ok(Article {
        title,
        lang: html.and_then(|h| h.attr("lang")).map(str::to_owned),
        dir: match html.and_then(|h| h.attr("dir")) {
            Some(d) if d.eq_ignore_ascii_case("rtl") => Direction::Rtl,
            _ => Direction::Ltr,
        },
        word_count,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE) as u32,
        url: options.url.clone(),
        body,
        ..Article::default()
    })
}

/// Whitespace runs collapsed to one space, trimmed.
pub fn collapse_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

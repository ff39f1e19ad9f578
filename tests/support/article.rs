//! Reading an extracted article's parts back in tests.

use declutter::extract::{block_text, Article, Block};

/// The text of each heading in the article's body, in order, trimmed.
pub fn headings(a: &Article) -> Vec<String> {
    a.body
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .map(|b| {
            let mut s = String::new();
            block_text(b, &mut s);
            s.trim().to_owned()
        })
        .collect()
}

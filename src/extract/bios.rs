//! The author's bio box, known by what the page says of its people: schema.org's `Person`
//! `description` (in the page's JSON-LD) is the text that sites also print in a box under the
//! story ("Jane Doe is a senior editor who covers ..."). The reader names the author in its
//! header; a paragraph that repeats that description is the site's furniture, not the story.
//! Only the page's own statement counts, so a paragraph that merely mentions the author stays,
//! and only under the story.

use super::article::inline_text;
use super::Block;

/// Characters of a bio compared with a paragraph's start: enough that no sentence of the story
/// matches by chance.
const PREFIX_CHARS: usize = 40;

/// Longest line that may follow a bio box under the story (a name, a role, "Follow her").
const SHORT_LINE_CHARS: usize = 120;

/// Drops the paragraphs of `body` that are one of `bios` and sit under the story: a bio box is
/// set after the text, and a paragraph up in the story that matches is the story's own (an
/// interview's subject introduced by their own description).
pub fn drop_bios(body: &mut Vec<Block>, bios: &[String]) {
    if bios.is_empty() {
        return;
    }
    // Under the story: nothing after the bio but short lines (names, roles, links) and bios.
    let mut after_story = true;
    let mut keep = vec![true; body.len()];
    for (i, b) in body.iter().enumerate().rev() {
        let Block::Paragraph { content } = b else {
            after_story &= matches!(b, Block::Heading { .. });
            continue;
        };
        let text = super::collapse_text(&inline_text(content));
        if after_story && bios.iter().any(|bio| same_start(&text, bio)) {
            keep[i] = false;
        } else if text.chars().count() > SHORT_LINE_CHARS {
            after_story = false;
        }
    }
    let mut k = keep.into_iter();
    body.retain(|_| k.next().unwrap_or(true));
}

/// Whether the two texts open with the same [`PREFIX_CHARS`] characters.
fn same_start(a: &str, b: &str) -> bool {
    let (pa, pb) = (prefix(a), prefix(b));
    pa.chars().count() == PREFIX_CHARS && pa.eq_ignore_ascii_case(pb)
}

/// The first [`PREFIX_CHARS`] characters of `s`, or all of it.
fn prefix(s: &str) -> &str {
    s.char_indices().nth(PREFIX_CHARS).map_or(s, |(i, _)| &s[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Inline;

    fn para(s: &str) -> Block {
        Block::Paragraph { content: vec![Inline::Text { text: s.into() }] }
    }

    #[test]
    fn the_paragraph_that_repeats_a_bio_goes() {
        let bio = "Jane Doe is a senior editor who covers science and the climate.".to_owned();
        let mut body = vec![
            para("Jane Doe is a senior editor, the paper said, and she wrote this."),
            para("Jane Doe is a senior editor who covers science and the climate. Follow her."),
            para("Short."),
        ];
        drop_bios(&mut body, std::slice::from_ref(&bio));
        assert_eq!(body.len(), 2);
        assert_eq!(body[1], para("Short."));
        // Up in the story, before its last long paragraph, the same words are the story's.
        let mut body = vec![
            para("Jane Doe is a senior editor who covers science and the climate. Follow her."),
            para(
                "A paragraph of the story itself, which goes on for more than a line or two of \
                 text, as paragraphs of a story do when they tell the reader what happened.",
            ),
        ];
        drop_bios(&mut body, &[bio]);
        assert_eq!(body.len(), 2);
    }
}

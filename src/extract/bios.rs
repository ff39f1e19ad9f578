//! The author's bio box, known by what the page says of its authors: schema.org's `author`
//! `description` (in the page's JSON-LD) is the text that sites also print in a box under the
//! story ("Jane Doe is a senior editor who covers ..."). The reader names the author in its
//! header; a paragraph that repeats that description is the site's furniture, not the story.
//! Only the page's own statement counts, so a paragraph that merely mentions the author stays,
//! and only under the story.

use super::article::inline_text;
use super::Block;

/// Bytes of a bio compared with a paragraph's start: enough that no sentence of the story
/// matches by chance.
const PREFIX_BYTES: usize = 40;

/// Longest line that may follow a bio box under the story (a name, a role, "Follow her").
const SHORT_LINE_BYTES: usize = 120;

/// Drops the paragraphs at the end of `body` that open like one of `bios` (tags around a bio,
/// `<p>Jane ...`, are skipped): a bio box is set after the story, among short lines and
/// headings; a paragraph up in the story that matches is the story's own (an interview's
/// subject introduced in their own words).
pub fn drop_bios(body: &mut Vec<Block>, bios: &[String]) {
    let mut i = body.len();
    while i > 0 && !bios.is_empty() {
        i -= 1;
        let text = match &body[i] {
            Block::Paragraph { content } => super::collapse_text(&inline_text(content)),
            Block::Heading { .. } => continue,
            _ => return,
        };
        if bios.iter().any(|b| text.starts_with(prefix(b))) {
            body.remove(i);
        } else if text.len() > SHORT_LINE_BYTES {
            return;
        }
    }
}

/// The bio's first [`PREFIX_BYTES`] bytes of text; a shorter bio matches nothing.
fn prefix(bio: &str) -> &str {
    let text = bio.trim_start();
    let text = match text.strip_prefix('<') {
        Some(tagged) => tagged.split_once('>').map_or("", |(_, t)| t.trim_start()),
        None => text,
    };
    let mut end = PREFIX_BYTES;
    if text.len() < end {
        return "\u{0}";
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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
        let bio =
            "<p>Jane Doe is a senior editor who covers science and the climate.</p>".to_owned();
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

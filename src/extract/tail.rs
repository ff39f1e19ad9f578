//! The end of the article once what followed the story was cut: a heading with nothing under it
//! (the title of a comment section, a product box or a rail that is gone: "Tell us what you
//! think...", "Our favorite gear"), the comment section's count ("12 Comments") and its buttons
//! ("Reply", "Post a comment") are all that
//! is left of furniture there, never the story's last words. A heading heads something; at the
//! very end it heads nothing the reader shows.
//!
//! A label that announces other stories ("More from Example:", "Related posts") with nothing
//! but short linked blocks under it to the end is a rail of teasers that the site's editor set
//! in the post itself: its headlines, pictures and link lists go with the label. A long
//! paragraph under such a label is the story's own and keeps it.

use super::article::inline_text;
use super::class_words as words;
use super::{labels, Block, Inline};

/// The word of a line that only counts the comments under the story, in the languages the
/// other word lists cover.
const COMMENTS: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
];

/// Longest block (characters of text) of a rail of teasers: a headline, or a line about one.
const TEASER_MAX_CHARS: usize = 250;

/// Drops the furniture at the end of `body`, and with `teasers` a rail of teasers under its
/// label; the first block always stays.
pub fn trim(body: &mut Vec<Block>, teasers: bool) {
    if let Some(label) = teasers.then(|| teasers_label(body)).flatten() {
        body.truncate(label.max(1));
    }
    while body.len() > 1 {
        let furniture = match body.last() {
            Some(Block::Heading { .. }) => true,
            Some(Block::Paragraph { content }) => {
                let text = inline_text(content);
                is_comment_count(&text) || is_comment_prompt(&text)
            }
            _ => false,
        };
        if !furniture {
            break;
        }
        body.pop();
    }
}

/// The index of a label that heads a rail of teasers running to the end of `body`: every block
/// after it short, at least one of them a link.
fn teasers_label(body: &[Block]) -> Option<usize> {
    let mut label = None;
    let mut linked = false;
    for (i, b) in body.iter().enumerate().rev() {
        let mut text = String::new();
        super::body::block_text(b, &mut text);
        let short = text.chars().count() <= TEASER_MAX_CHARS;
        if !short
            || !matches!(
                b,
                Block::Heading { .. }
                    | Block::Paragraph { .. }
                    | Block::List { .. }
                    | Block::Figure { .. }
            )
        {
            break;
        }
        if linked
            && matches!(b, Block::Heading { .. } | Block::Paragraph { .. })
            && labels::is_teaser_label(&text)
        {
            label = Some(i);
        }
        linked |= has_link(b);
    }
    label
}

/// Whether a heading, paragraph or list links anywhere.
fn has_link(b: &Block) -> bool {
    fn links(content: &[Inline]) -> bool {
        content.iter().any(|i| match i {
            Inline::Link { .. } => true,
            Inline::Emphasis { content } | Inline::Strong { content } => links(content),
            _ => false,
        })
    }
    match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => links(content),
        Block::List { items, .. } => items.iter().flatten().any(has_link),
        _ => false,
    }
}

/// Words of the buttons a comment section leaves besides its count ("Reply", "Post comment",
/// "Discuss...", "Join the discussion").
const PROMPTS: &[&str] = &["reply", "discuss", "discussion"];
/// Most words of such a button.
const PROMPT_MAX_WORDS: usize = 4;

/// A short line that only asks for a comment or a reply: a button of the comment section.
fn is_comment_prompt(text: &str) -> bool {
    let lower = words::lower(text);
    words::alnum_words(&lower).count() <= PROMPT_MAX_WORDS
        && words::alnum_words(&lower).any(|x| COMMENTS.contains(&x) || PROMPTS.contains(&x))
}

/// "Comments", "12 comments", "Comments (3)".
fn is_comment_count(text: &str) -> bool {
    let lower = words::lower(text);
    let mut w = words::alnum_words(&lower).filter(|w| !w.chars().all(|c| c.is_ascii_digit()));
    w.next().is_some_and(|x| COMMENTS.contains(&x)) && w.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Inline;

    fn para(s: &str) -> Block {
        Block::Paragraph { content: vec![Inline::Text { text: s.into() }] }
    }
    fn heading(s: &str) -> Block {
        Block::Heading { level: 3, content: vec![Inline::Text { text: s.into() }] }
    }

    #[test]
    fn headings_and_comment_counts_at_the_end_go() {
        let mut body = vec![
            para("The story."),
            heading("Comments ahead"),
            para("The end."),
            heading("Tell us what YOU think..."),
            para("12 comments"),
            para("Post a comment"),
            para("Reply"),
        ];
        trim(&mut body, true);
        assert_eq!(body, vec![para("The story."), heading("Comments ahead"), para("The end.")]);
    }

    fn link(s: &str) -> Block {
        let content = vec![Inline::Text { text: s.into() }];
        Block::Paragraph {
            content: vec![Inline::Link { href: "https://example.com/a".into(), content }],
        }
    }

    #[test]
    fn a_rail_of_teasers_under_its_label_goes_and_a_section_under_one_stays() {
        let story = para("The story.");
        let mut body =
            vec![story.clone(), heading("More from Example:"), link("Ten quilts to make")];
        trim(&mut body, true);
        assert_eq!(body, vec![story.clone()]);
        // Not on a page that is no story, nor over the story's own long paragraph.
        let mut body =
            vec![story.clone(), heading("More from Example:"), link("Ten quilts to make")];
        trim(&mut body, false);
        assert_eq!(body.len(), 3);
        let long = para(&"A sentence of the story's own section. ".repeat(10));
        let mut body = vec![story, heading("Related posts"), long, link("Ten quilts to make")];
        trim(&mut body, true);
        assert_eq!(body.len(), 4);
    }

    #[test]
    fn a_last_paragraph_about_comments_stays() {
        for last in ["Comments are closed for this story, the editor said.", "Comment"] {
            let mut body = vec![para("The story."), para(last)];
            trim(&mut body, true);
            assert_eq!(body.len(), if last == "Comment" { 1 } else { 2 });
        }
        let mut alone = vec![heading("Only a heading")];
        trim(&mut alone, true);
        assert_eq!(alone.len(), 1);
    }
}

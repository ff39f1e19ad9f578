//! Page elements -> our own [`Block`]s and [`Inline`]s.
//!
//! Conversion recurses, but only to [`MAX_DEPTH`] levels; anything nested deeper is kept as plain
//! text, so a hostile page cannot overflow the stack here or in later serialisation.

use super::{collapse_text, Block, Inline};
use crate::dom::{NodeRef, Tag};

const MAX_DEPTH: usize = 48;

/// Converts the children of `root` into blocks.
pub fn convert(root: NodeRef, base: Option<&str>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut inline = Vec::new();
    blocks(root, base, 0, &mut out, &mut inline);
    flush(&mut out, &mut inline);
    out
}

fn flush(out: &mut Vec<Block>, inline: &mut Vec<Inline>) {
    let has_text = inline.iter().any(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()));
    if has_text {
        out.push(Block::Paragraph { content: std::mem::take(inline) });
    }
    inline.clear();
}

fn blocks(node: NodeRef, base: Option<&str>, depth: usize, out: &mut Vec<Block>, inline: &mut Vec<Inline>) {
    for child in node.children() {
        if child.is_text() {
            push_text(inline, child.text());
            continue;
        }
        let Some(tag) = child.tag() else { continue };
        match tag {
            Tag::Script | Tag::Style | Tag::Nav | Tag::Form | Tag::Button | Tag::Iframe | Tag::Aside => {}
            Tag::P => {
                flush(out, inline);
                let mut content = Vec::new();
                inlines(child, base, depth + 1, &mut content);
                flush(out, &mut content);
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                flush(out, inline);
                let mut content = Vec::new();
                inlines(child, base, depth + 1, &mut content);
                let level = (tag as u8 - Tag::H1 as u8 + 1).max(2);
                out.push(Block::Heading { level, content });
            }
            Tag::Pre => {
                flush(out, inline);
                out.push(Block::Code { language: None, text: child.text_content() });
            }
            _ if tag.is_block() && depth < MAX_DEPTH => {
                flush(out, inline);
                blocks(child, base, depth + 1, out, inline);
                flush(out, inline);
            }
            _ => inline_element(child, base, depth + 1, inline),
        }
    }
}

fn inlines(node: NodeRef, base: Option<&str>, depth: usize, out: &mut Vec<Inline>) {
    for child in node.children() {
        if child.is_text() {
            push_text(out, child.text());
        } else {
            inline_element(child, base, depth, out);
        }
    }
}

fn inline_element(el: NodeRef, base: Option<&str>, depth: usize, out: &mut Vec<Inline>) {
    if depth >= MAX_DEPTH {
        push_text(out, &el.text_content());
        return;
    }
    let mut content = Vec::new();
    match el.tag() {
        Some(Tag::Script | Tag::Style | Tag::Button) => {}
        Some(Tag::Br) => out.push(Inline::LineBreak),
        Some(Tag::Em | Tag::I) => {
            inlines(el, base, depth + 1, &mut content);
            out.push(Inline::Emphasis { content });
        }
        Some(Tag::Strong | Tag::B) => {
            inlines(el, base, depth + 1, &mut content);
            out.push(Inline::Strong { content });
        }
        Some(Tag::Code) => out.push(Inline::Code { text: el.text_content() }),
        Some(Tag::A) => {
            inlines(el, base, depth + 1, &mut content);
            match el.attr("href").and_then(|h| crate::render::url::resolve_link(base, h)) {
                Some(href) => out.push(Inline::Link { href, content }),
                None => out.extend(content),
            }
        }
        _ => inlines(el, base, depth + 1, out),
    }
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    // Collapse whitespace runs but keep one leading/trailing space so words don't glue together.
    let mut s = collapse_text(text);
    if text.starts_with(char::is_whitespace) && !s.is_empty() {
        s.insert(0, ' ');
    }
    if text.ends_with(char::is_whitespace) {
        s.push(' ');
    }
    if let Some(Inline::Text { text: prev }) = out.last_mut() {
        if prev.ends_with(' ') && s.starts_with(' ') {
            s.remove(0);
        }
        prev.push_str(&s);
    } else {
        out.push(Inline::Text { text: s });
    }
}

/// Appends the plain text of a block (paragraph breaks as newlines).
pub fn block_text(b: &Block, out: &mut String) {
    use super::article::inline_text;
    match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => out.push_str(&inline_text(content)),
        Block::Code { text, .. } => out.push_str(text),
        Block::List { items, .. } | Block::Footnotes { items } => {
            for item in items {
                for b in item {
                    block_text(b, out);
                    out.push('\n');
                }
            }
        }
        Block::Quote { blocks } => {
            for b in blocks {
                block_text(b, out);
                out.push('\n');
            }
        }
        Block::Figure { image } => out.push_str(&inline_text(&image.caption)),
        Block::Table(t) => {
            for row in t.head.iter().chain(&t.rows) {
                let cells: Vec<String> = row.iter().map(|c| inline_text(&c.content)).collect();
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
        }
        Block::Math { fallback, .. } => out.push_str(fallback),
        Block::Rule => {}
    }
}

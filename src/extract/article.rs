//! The [`Article`]: what extraction finds and what the overlay, the CLI and the tests share.
//!
//! The body is a tree of our own block and inline types, never page HTML: whatever the page held,
//! only these shapes can reach the reader, which is what makes the overlay safe by construction.

use serde::{Deserialize, Serialize};

/// One extracted article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    /// Authors, without "By" or dates.
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601 when the page states it.
    pub published_time: Option<String>,
    /// BCP 47 language tag from the page.
    pub lang: Option<String>,
    pub dir: Direction,
    pub excerpt: Option<String>,
    pub lead_image: Option<Image>,
    pub body: Vec<Block>,
    pub word_count: usize,
    pub reading_minutes: u32,
    /// The page's address, when known.
    pub url: Option<String>,
}

/// Text direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// An image with what the page says about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Absolute http(s) or data:image URL.
    pub src: String,
    pub alt: String,
    pub caption: Vec<Inline>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Block-level content of the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// `level` 2..=6 (the title is the only level 1).
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// A note or warning set apart from the text: a documentation page's admonition.
    Note {
        blocks: Vec<Block>,
    },
    /// Preformatted text, whitespace and line breaks kept.
    Code {
        language: Option<String>,
        text: String,
    },
    Figure {
        image: Image,
    },
    Table(Table),
    /// MathML kept as structure (see [`MathNode`]), with its text as a fallback.
    Math {
        display_block: bool,
        root: MathNode,
        fallback: String,
    },
    Rule,
    /// An embedded video or post, shown as a card linking to it (see `embeds`); a post quoted
    /// as its provider's blockquote embed code keeps its text in `quote`.
    Embed {
        title: Option<String>,
        url: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        quote: Vec<Block>,
    },
    /// Notes at the end of the article.
    Footnotes {
        items: Vec<Vec<Block>>,
    },
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// `href` is an absolute http(s) or mailto URL, or a `#fragment` within the article.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    Sub {
        content: Vec<Inline>,
    },
    Sup {
        content: Vec<Inline>,
    },
    LineBreak,
    Math {
        root: MathNode,
        fallback: String,
    },
}

/// A table: optional caption, header rows and body rows of cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: Vec<Inline>,
    pub head: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub header: bool,
    pub colspan: u32,
    pub rowspan: u32,
    pub content: Vec<Inline>,
}

/// A MathML element reduced to an allow-listed presentation-MathML tag, or text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MathNode {
    Element { tag: String, children: Vec<MathNode> },
    Text { text: String },
}

impl Inline {
    /// Plain text of this inline.
    pub fn push_text(&self, out: &mut String) {
        match self {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Math { fallback, .. } => out.push_str(fallback),
            Inline::LineBreak => out.push('\n'),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Sub { content }
            | Inline::Sup { content } => content.iter().for_each(|i| i.push_text(out)),
        }
    }
}

/// Plain text of a run of inlines.
pub fn inline_text(content: &[Inline]) -> String {
    let mut s = String::new();
    content.iter().for_each(|i| i.push_text(&mut s));
    s
}

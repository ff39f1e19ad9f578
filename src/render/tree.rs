//! Builds the reader's node tree from an [`Article`].

use crate::extract::{Article, Block, Cell, Direction, Image, Inline, MathNode};
use serde::Serialize;

/// Every tag the reader may contain. The extension's DOM builder checks against the same list.
pub const ALLOWED_TAGS: &[&str] = &[
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "span",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "sub",
    "sup",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "aside",
    "figure",
    "figcaption",
    "img",
    "small",
    "time",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "section",
    "math",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "munder",
    "mover",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "semantics",
    "annotation",
];

/// Every attribute the reader may carry. URLs in `href`/`src` are checked when the tree is built.
pub const ALLOWED_ATTRS: &[&str] = &[
    "class",
    "href",
    "src",
    "alt",
    "lang",
    "dir",
    "datetime",
    "colspan",
    "rowspan",
    "scope",
    "loading",
    "referrerpolicy",
    "rel",
    "width",
    "height",
    "id",
    "display",
    "mathvariant",
];

/// A node of the reader: an allow-listed element or text. Serialises as a string (text) or
/// `{tag, attrs, children}` for the extension's DOM builder.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RNode {
    Text(String),
    Element { tag: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<RNode> },
}

fn el(tag: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<RNode>) -> RNode {
    debug_assert!(ALLOWED_TAGS.contains(&tag));
    debug_assert!(attrs.iter().all(|(k, _)| ALLOWED_ATTRS.contains(k)));
    RNode::Element { tag, attrs, children }
}

fn text(s: &str) -> RNode {
    RNode::Text(s.to_owned())
}

fn class(c: &str) -> Vec<(&'static str, String)> {
    vec![("class", c.to_owned())]
}

/// The whole article: header (site, title, byline, date, reading time), lead image, body, and a
/// link back to the original.
pub fn article_tree(a: &Article) -> RNode {
    let mut header = Vec::new();
    if let Some(site) = &a.site_name {
        header.push(el("p", class("dc-site"), vec![text(site)]));
    }
    header.push(el("h1", class("dc-title"), vec![text(&a.title)]));
    let mut meta = Vec::new();
    if let Some(by) = &a.byline {
        meta.push(el("span", class("dc-byline"), vec![text(by)]));
    }
    if let Some(t) = &a.published_time {
        meta.push(el(
            "time",
            vec![("class", "dc-date".into()), ("datetime", t.clone())],
            vec![text(t)],
        ));
    }
    // The reading time as an ISO 8601 duration, so the extension can say it in the reader's
    // language; the English text is for the CLI's HTML.
    let minutes = a.reading_minutes.max(1);
    let reading = vec![("class", "dc-reading".into()), ("datetime", format!("PT{minutes}M"))];
    meta.push(el("time", reading, vec![text(&format!("{minutes} min read"))]));
    header.push(el("p", class("dc-meta"), meta));

    let mut children = vec![el("header", class("dc-header"), header)];
    if let Some(img) = &a.lead_image {
        children.push(figure(img, "dc-lead"));
    }
    let body = a.body.iter().map(block).collect();
    children.push(el("div", class("dc-body"), body));
    if let Some(u) = a.url.as_deref().and_then(|u| crate::url::resolve_link(None, u)) {
        let attrs =
            vec![("class", "dc-original".into()), ("href", u), ("rel", "noreferrer".into())];
        let link = el("a", attrs, vec![text("View original")]);
        children.push(el("footer", class("dc-footer"), vec![link]));
    }
    let mut attrs = class("dc-article");
    if let Some(lang) = &a.lang {
        attrs.push(("lang", lang.clone()));
    }
    attrs.push(("dir", if a.dir == Direction::Rtl { "rtl" } else { "ltr" }.into()));
    el("article", attrs, children)
}

fn figure(img: &Image, cls: &str) -> RNode {
    let mut attrs = vec![
        ("src", img.src.clone()),
        ("alt", img.alt.clone()),
        ("loading", "lazy".into()),
        ("referrerpolicy", "no-referrer".into()),
    ];
    if let (Some(w), Some(h)) = (img.width, img.height) {
        attrs.push(("width", w.to_string()));
        attrs.push(("height", h.to_string()));
    }
    let mut children = vec![el("img", attrs, vec![])];
    if !img.caption.is_empty() || img.credit.is_some() {
        let mut cap = inlines(&img.caption);
        if let Some(c) = &img.credit {
            cap.push(text(" "));
            cap.push(el("small", class("dc-credit"), vec![text(c)]));
        }
        children.push(el("figcaption", vec![], cap));
    }
    el("figure", class(cls), children)
}

/// An embed as a card: a quoted post's text, then a link to it, labelled with its title or its
/// address. Nothing is loaded from the provider until the person follows the link; the
/// extension names the provider (`extension/embeds.js`).
fn embed_card(title: Option<&str>, url: &str, quote: &[Block]) -> RNode {
    let Some(href) = crate::url::resolve_link(None, url) else { return text("") };
    let label = title.unwrap_or(url).to_owned();
    let attrs = vec![("href", href), ("rel", "noreferrer".into())];
    let mut card = Vec::new();
    if !quote.is_empty() {
        card.push(el("blockquote", vec![], quote.iter().map(block).collect()));
    }
    card.push(el("a", attrs, vec![text(&label)]));
    el("div", class("dc-embed"), card)
}

fn block(b: &Block) -> RNode {
    match b {
        Block::Heading { level, content } => {
            let tag = match level {
                0..=2 => "h2",
                3 => "h3",
                4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            el(tag, vec![], inlines(content))
        }
        Block::Paragraph { content } => el("p", vec![], inlines(content)),
        Block::List { ordered, items } => {
            let lis = items
                .iter()
                .map(|item| el("li", vec![], item.iter().map(block).collect()))
                .collect();
            el(if *ordered { "ol" } else { "ul" }, vec![], lis)
        }
        Block::Quote { blocks } => el("blockquote", vec![], blocks.iter().map(block).collect()),
        Block::Note { blocks } => el("aside", class("dc-note"), blocks.iter().map(block).collect()),
        Block::Code { language, text: t } => {
            let attrs =
                language.as_ref().map(|l| class(&format!("language-{l}"))).unwrap_or_default();
            el("pre", vec![], vec![el("code", attrs, vec![text(t)])])
        }
        Block::Figure { image } => figure(image, "dc-figure"),
        Block::Table(t) => {
            let row = |cells: &Vec<Cell>, body: bool| {
                let tds = cells
                    .iter()
                    .map(|c| {
                        let mut attrs = vec![];
                        // A header cell in a body row names its row (a specification's name).
                        if c.header && body {
                            attrs.push(("scope", "row".to_owned()));
                        }
                        if c.colspan > 1 {
                            attrs.push(("colspan", c.colspan.to_string()));
                        }
                        if c.rowspan > 1 {
                            attrs.push(("rowspan", c.rowspan.to_string()));
                        }
                        el(if c.header { "th" } else { "td" }, attrs, inlines(&c.content))
                    })
                    .collect();
                el("tr", vec![], tds)
            };
            let mut parts = Vec::new();
            if !t.caption.is_empty() {
                parts.push(el("caption", vec![], inlines(&t.caption)));
            }
            if !t.head.is_empty() {
                parts.push(el("thead", vec![], t.head.iter().map(|r| row(r, false)).collect()));
            }
            parts.push(el("tbody", vec![], t.rows.iter().map(|r| row(r, true)).collect()));
            // Names and values (a product's specifications): styled as such.
            let specs = t.head.is_empty()
                && t.rows.iter().all(|r| r.len() == 2 && r[0].header && !r[1].header);
            let kind = if specs { "dc-table dc-specs" } else { "dc-table" };
            el("div", class(kind), vec![el("table", vec![], parts)])
        }
        Block::Math { display_block, root, .. } => {
            let mut m = math(root);
            if let RNode::Element { attrs, .. } = &mut m {
                if *display_block {
                    attrs.push(("display", "block".into()));
                }
            }
            m
        }
        Block::Rule => el("hr", vec![], vec![]),
        Block::Embed { title, url, quote } => embed_card(title.as_deref(), url, quote),
        Block::Footnotes { items } => {
            let lis = items
                .iter()
                .map(|item| el("li", vec![], item.iter().map(block).collect()))
                .collect();
            el("section", class("dc-footnotes"), vec![el("ol", vec![], lis)])
        }
    }
}

fn inlines(content: &[Inline]) -> Vec<RNode> {
    inlines_in(content, false)
}

fn inlines_in(content: &[Inline], in_link: bool) -> Vec<RNode> {
    content.iter().map(|i| inline(i, in_link)).collect()
}

/// `in_link`: inside an `<a>`. A link inside a link becomes a `<span>`: HTML cannot nest
/// anchors (a parser closes the outer one, found by the fuzzer), and neither can the reader.
fn inline(i: &Inline, in_link: bool) -> RNode {
    let kids = |content: &[Inline]| inlines_in(content, in_link);
    match i {
        Inline::Text { text: t } => text(t),
        Inline::Emphasis { content } => el("em", vec![], kids(content)),
        Inline::Strong { content } => el("strong", vec![], kids(content)),
        Inline::Code { text: t } => el("code", vec![], vec![text(t)]),
        Inline::Link { href, content } => match crate::url::resolve_link(None, href)
            .filter(|_| !in_link)
        {
            Some(h) => {
                el("a", vec![("href", h), ("rel", "noreferrer".into())], inlines_in(content, true))
            }
            None => el("span", vec![], kids(content)),
        },
        Inline::Sub { content } => el("sub", vec![], kids(content)),
        Inline::Sup { content } => el("sup", vec![], kids(content)),
        Inline::LineBreak => el("br", vec![], vec![]),
        Inline::Math { root, .. } => math(root),
    }
}

/// MathML: only allow-listed presentation tags survive; anything else becomes an `<mrow>` that
/// keeps its children. Not a `<span>`: an HTML parser meeting `<span>` inside `<math>` closes the
/// math there (found by the fuzzer), so the HTML output would no longer be the tree we built.
fn math(n: &MathNode) -> RNode {
    match n {
        MathNode::Text { text: t } => text(t),
        MathNode::Element { tag, children } => {
            let known = ALLOWED_TAGS.iter().find(|t| {
                **t == tag.as_str()
                    && (t.starts_with('m') || **t == "semantics" || **t == "annotation")
            });
            el(known.copied().unwrap_or("mrow"), vec![], children.iter().map(math).collect())
        }
    }
}

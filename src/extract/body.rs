//! Page elements -> our own [`Block`]s and [`Inline`]s.
//!
//! Reads only what extraction kept (`drop[i]` false); never the page's HTML. Conversion recurses,
//! but only to [`MAX_DEPTH`] levels; anything nested deeper is kept as plain text, so a hostile
//! page cannot overflow the stack here or in later serialisation.

use super::clean::is_data_table;
use super::credits;
use super::embeds;
use super::images;
use super::specs;
use super::{collapse_text, push_collapsed, Block, Cell, Image, Inline, MathNode, Table};
use crate::dom::{Namespace, NodeRef, Tag};

const MAX_DEPTH: usize = 48;
/// Class/id/role words of a footnote list.
const FOOTNOTE_WORDS: &[&str] =
    &["footnotes", "endnotes", "doc-endnotes", "doc-footnotes", "references"];
/// Class words that mark the credit line of a caption.
const CREDIT_WORDS: &[&str] = &["credit", "copyright", "source", "attribution", "photographer"];

/// What conversion needs: the base URL and which nodes were removed.
pub struct Ctx<'a> {
    pub base: Option<&'a str>,
    pub drop: &'a [bool],
    /// A product page: its name/value lists are its specifications ([`specs`]).
    pub product: bool,
}

impl Ctx<'_> {
    pub(super) fn skip(&self, n: NodeRef) -> bool {
        self.drop[n.id().index()]
    }

    /// Visible text of a subtree (dropped parts left out).
    pub fn text(&self, n: NodeRef) -> String {
        let snap = n.snapshot();
        let mut s = String::new();
        let end = n.last_descendant().id().0;
        let mut i = n.id().0;
        while i <= end {
            let d = snap.node(crate::dom::NodeId(i));
            if self.skip(d) {
                i = d.last_descendant().id().0 + 1;
                continue;
            }
            s.push_str(d.text());
            i += 1;
        }
        s
    }
}

/// Accumulates blocks and the paragraph being built.
struct Out {
    blocks: Vec<Block>,
    inline: Vec<Inline>,
    /// Images met inside a paragraph: shown as figures after it.
    figures: Vec<Image>,
}

impl Out {
    fn flush(&mut self) {
        if let Some(content) = finish(std::mem::take(&mut self.inline)) {
            let text = super::article::inline_text(&content);
            if credits::is_credit(&text) {
                self.credit(text);
            } else {
                self.blocks.push(Block::Paragraph { content });
            }
        }
        for image in self.figures.drain(..) {
            self.blocks.push(Block::Figure { image });
        }
    }

    /// A credit line outside `<figure>` is the credit of the picture just before it; without one
    /// it is a leftover of a slideshow.
    fn credit(&mut self, text: String) {
        if let Some(Block::Figure { image }) = self.blocks.last_mut() {
            if image.credit.is_none() {
                image.credit = Some(super::collapse_text(&text));
            }
        }
    }

    fn push(&mut self, b: Block) {
        self.flush();
        self.blocks.push(b);
    }
}

/// Converts the nodes `first..=last` (siblings) into blocks.
pub fn convert_range(first: NodeRef, last: NodeRef, ctx: &Ctx) -> Vec<Block> {
    let mut out = Out { blocks: Vec::new(), inline: Vec::new(), figures: Vec::new() };
    let mut n = Some(first);
    while let Some(c) = n {
        node(c, ctx, 0, &mut out);
        if c == last {
            break;
        }
        n = c.next_sibling();
    }
    out.flush();
    out.blocks
}

fn children(el: NodeRef, ctx: &Ctx, depth: usize, out: &mut Out) {
    for c in el.children() {
        node(c, ctx, depth, out);
    }
}

fn blocks_of(el: NodeRef, ctx: &Ctx, depth: usize) -> Vec<Block> {
    let mut out = Out { blocks: Vec::new(), inline: Vec::new(), figures: Vec::new() };
    children(el, ctx, depth + 1, &mut out);
    out.flush();
    out.blocks
}

fn node(c: NodeRef, ctx: &Ctx, depth: usize, out: &mut Out) {
    if ctx.skip(c) {
        return;
    }
    if c.is_text() {
        push_text(&mut out.inline, c.text());
        return;
    }
    let Some(tag) = c.tag() else { return };
    if depth >= MAX_DEPTH {
        out.flush();
        let text = collapse_text(&ctx.text(c));
        if !text.is_empty() {
            out.blocks.push(Block::Paragraph { content: vec![Inline::Text { text }] });
        }
        return;
    }
    // A product's names and values, however marked up, are its specification table.
    if ctx.product && matches!(tag, Tag::Dl | Tag::Ul | Tag::Ol) {
        if let Some(table) = specs::table(c, ctx) {
            out.push(Block::Table(table));
            return;
        }
    }
    match tag {
        Tag::Div | Tag::Span | Tag::Figcaption | Tag::P
            if is_loose_caption(c)
                && !c
                    .parent()
                    .is_some_and(|p| p.is(Tag::P) || p.tag().is_some_and(|t| t.is_heading())) =>
        {
            // A caption outside `<figure>` (a paragraph included, as blog engines write them): it
            // belongs to the picture just before it; without one it is a leftover of a gallery or
            // slideshow.
            out.flush();
            if let Some(Block::Figure { image }) = out.blocks.last_mut() {
                if image.caption.is_empty() {
                    let (caption, credit) = caption(c, ctx, depth);
                    image.caption = caption;
                    image.credit = image.credit.take().or(credit);
                }
            }
        }
        _ if is_post_author(c) => {
            // A thread's posts each open with their author's name, as a small header.
            let name = c.descendants().find(|d| d.attr("itemprop") == Some("name")).unwrap_or(c);
            let text = collapse_text(&ctx.text(name));
            if !text.is_empty() {
                out.push(Block::Heading { level: 6, content: vec![Inline::Text { text }] });
            }
        }
        Tag::P => {
            out.flush();
            inlines(c, ctx, depth + 1, &mut out.inline, &mut out.figures);
            out.flush();
        }
        t if t.is_heading() => {
            let mut content = Vec::new();
            let mut figures = Vec::new();
            inlines(c, ctx, depth + 1, &mut content, &mut figures);
            out.flush();
            if let Some(mut content) = finish(content) {
                let level = (t as u8 - Tag::H1 as u8 + 1).max(2);
                // A card is one link around its picture and headline: the headline links there.
                let card =
                    c.ancestors().take(6).find(|a| a.is(Tag::A)).and_then(|a| a.attr("href"));
                if let Some(href) = card.and_then(|h| crate::url::resolve_link(ctx.base, h)) {
                    content = vec![Inline::Link { href, content }];
                }
                out.blocks.push(Block::Heading { level, content });
            }
            out.figures = figures;
            out.flush();
        }
        Tag::Pre if is_line_gutter(c) => {}
        Tag::Pre => out.push(code_block(c, ctx)),
        Tag::Ul | Tag::Ol | Tag::Menu if is_footnotes(c) => {
            let items = list_items(c, ctx, depth);
            if !items.is_empty() {
                out.push(Block::Footnotes { items });
            }
        }
        Tag::Ul | Tag::Ol | Tag::Menu => {
            let items = list_items(c, ctx, depth);
            if !items.is_empty() {
                out.push(Block::List { ordered: tag == Tag::Ol, items });
            }
        }
        Tag::Dl => {
            out.flush();
            // A credit set as a term and its value ("Photo:" / "Jane Doe").
            let text = ctx.text(c);
            if credits::is_credit(&text) {
                out.credit(text);
                return;
            }
            for item in c.element_children().filter(|i| !ctx.skip(*i)) {
                if item.is(Tag::Dt) {
                    let mut content = Vec::new();
                    inlines(item, ctx, depth + 1, &mut content, &mut out.figures);
                    if let Some(content) = finish(content) {
                        out.blocks
                            .push(Block::Paragraph { content: vec![Inline::Strong { content }] });
                    }
                } else {
                    out.blocks.extend(blocks_of(item, ctx, depth));
                }
            }
        }
        Tag::Blockquote => {
            let blocks = blocks_of(c, ctx, depth);
            match embeds::post(c, ctx.base) {
                Some(url) => out.push(Block::Embed { title: None, url, quote: blocks }),
                None if !blocks.is_empty() => out.push(Block::Quote { blocks }),
                None => {}
            }
        }
        Tag::Figure => figure(c, ctx, depth, out),
        Tag::Img | Tag::Picture => {
            if let Some(image) = images::image(c, ctx.base) {
                out.push(Block::Figure { image });
            }
        }
        Tag::Table if is_data_table(c) => out.push(Block::Table(table(c, ctx, depth))),
        Tag::Math => {
            let (root, fallback) = math(c, ctx);
            if c.attr("display") == Some("block") || out.inline.iter().all(is_blank) {
                out.push(Block::Math {
                    display_block: c.attr("display") == Some("block"),
                    root,
                    fallback,
                });
            } else {
                out.inline.push(Inline::Math { root, fallback });
            }
        }
        Tag::Hr => out.push(Block::Rule),
        Tag::Br => {
            // Two line breaks in a row end a paragraph, on screen and here.
            if matches!(out.inline.last(), Some(Inline::LineBreak)) {
                out.inline.pop();
                out.flush();
            } else if !out.inline.iter().all(is_blank) {
                out.inline.push(Inline::LineBreak);
            }
        }
        Tag::Section | Tag::Div | Tag::Aside if is_footnotes(c) && depth < MAX_DEPTH => {
            let items: Vec<Vec<Block>> = c
                .descendants()
                .filter(|d| d.is(Tag::Li) && !ctx.skip(*d))
                .map(|li| blocks_of(li, ctx, depth))
                .filter(|b| !b.is_empty())
                .collect();
            if items.is_empty() {
                out.flush();
                children(c, ctx, depth + 1, out);
                out.flush();
            } else {
                out.push(Block::Footnotes { items });
            }
        }
        Tag::Section | Tag::Div | Tag::Aside if is_admonition(c) && depth < MAX_DEPTH => {
            let blocks = blocks_of(c, ctx, depth);
            if !blocks.is_empty() {
                out.push(Block::Note { blocks });
            }
        }
        Tag::Iframe | Tag::Object | Tag::Embed => {
            if let Some(card) = embeds::frame(c, ctx.base) {
                out.push(card);
            }
        }
        Tag::Video | Tag::Audio | Tag::Canvas | Tag::Svg => {}
        t if t.is_block() || matches!(t, Tag::Li | Tag::Dd | Tag::Dt) => {
            out.flush();
            children(c, ctx, depth + 1, out);
            out.flush();
        }
        // A link around whole paragraphs (a card): its paragraphs stay paragraphs.
        Tag::A if c.element_children().any(|e| e.tag().is_some_and(|t| t.is_block())) => {
            children(c, ctx, depth + 1, out)
        }
        _ if is_inline(c) => inline_element(c, ctx, depth + 1, &mut out.inline, &mut out.figures),
        _ => match embeds::lite_player(c) {
            Some(card) => out.push(card),
            // Unknown elements (custom elements, `<font>`...): read through them.
            None => children(c, ctx, depth + 1, out),
        },
    }
}

fn is_blank(i: &Inline) -> bool {
    match i {
        Inline::Text { text } => text.trim().is_empty(),
        Inline::LineBreak => true,
        _ => false,
    }
}

fn is_inline(n: NodeRef) -> bool {
    use Tag::*;
    matches!(
        n.tag(),
        Some(
            A | Abbr
                | B
                | Bdi
                | Bdo
                | Big
                | Cite
                | Code
                | Data
                | Del
                | Dfn
                | Em
                | Font
                | I
                | Ins
                | Kbd
                | Label
                | Mark
                | Q
                | S
                | Samp
                | Small
                | Span
                | Strike
                | Strong
                | Sub
                | Sup
                | Time
                | Tt
                | U
                | Var
                | Wbr
                | Ruby
                | Rt
                | Rp
        )
    )
}

/// Longest text a caption outside `<figure>` may have: longer is prose in a misnamed box.
const MAX_LOOSE_CAPTION: usize = 400;

fn is_loose_caption(n: NodeRef) -> bool {
    let ci = super::class_words::class_and_id(n);
    // A gallery's caption box may set its text in a paragraph; inside `<figure>` the figure
    // decides what its caption is. A box that holds the picture too is the figure, not its caption
    // (WordPress's `div.wp-caption`).
    let paragraphs = n.descendants().filter(|d| d.is(Tag::P) && *d != n).count();
    (n.is(Tag::Figcaption)
        || ci.contains("caption")
        || super::class_words::has_token(&ci, "credit"))
        && (paragraphs == 0 || (paragraphs == 1 && !n.ancestors().any(|a| a.is(Tag::Figure))))
        && !n.descendants().any(|d| matches!(d.tag(), Some(Tag::Img | Tag::Picture | Tag::Video)))
        && !holds_entry_headline(n)
        && n.text_content().len() <= MAX_LOOSE_CAPTION
}

/// A card's text box named "caption" (Bootstrap's thumbnail: `.thumbnail > img + .caption`)
/// that holds a linked headline is a listing's entry, not a picture's caption: captions carry
/// no headlines.
fn holds_entry_headline(n: NodeRef) -> bool {
    let in_link = n.ancestors().take(6).any(|a| a.is(Tag::A));
    n.descendants().any(|d| {
        d.tag().is_some_and(|t| t.is_heading())
            && (in_link || d.descendants().any(|l| l.is(Tag::A) && l.attr("href").is_some()))
    })
}

/// schema.org types of a post in a thread (a forum's, a Q&A page's, comments).
const POST_TYPES: [&str; 5] =
    ["/Comment", "/DiscussionForumPosting", "/Answer", "/Question", "/SocialMediaPosting"];

/// The `author` of a post in a thread, in schema.org microdata: the property belongs to the
/// nearest enclosing item, which must be a post.
fn is_post_author(n: NodeRef) -> bool {
    n.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "author"))
        && n.ancestors()
            .find(|a| a.attr("itemscope").is_some())
            .and_then(|a| a.attr("itemtype"))
            .is_some_and(|t| POST_TYPES.iter().any(|p| t.trim_end().ends_with(p)))
}

/// A note set apart from the text, as documentation generators mark it: Sphinx's and MkDocs'
/// `admonition`, Docusaurus' `theme-admonition`, GitHub's `markdown-alert`, a `callout`
/// (GitBook and others), or ARIA's `role="note"`.
fn is_admonition(n: NodeRef) -> bool {
    let ci = super::class_words::class_and_id(n);
    n.attr("role") == Some("note")
        || ["admonition", "markdown-alert", "callout"]
            .iter()
            .any(|w| super::class_words::has_token(&ci, w))
}

fn is_footnotes(n: NodeRef) -> bool {
    let ci = super::class_words::class_and_id(n);
    let role = n.attr("role").unwrap_or("");
    FOOTNOTE_WORDS.iter().any(|w| super::class_words::has_token(&ci, w) || role == *w)
}

/// The items of a list. Content between items (a sub-list written straight inside the list, not
/// inside an item, as hand-written HTML often has it) belongs to the item before it, where the
/// browser shows it; content before the first item is an item of its own.
fn list_items(list: NodeRef, ctx: &Ctx, depth: usize) -> Vec<Vec<Block>> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut loose = Out { blocks: Vec::new(), inline: Vec::new(), figures: Vec::new() };
    let place = |items: &mut Vec<Vec<Block>>, loose: &mut Out| {
        loose.flush();
        if loose.blocks.is_empty() {
            return;
        }
        let blocks = std::mem::take(&mut loose.blocks);
        match items.last_mut() {
            Some(item) => item.extend(blocks),
            None => items.push(blocks),
        }
    };
    for c in list.children() {
        if ctx.skip(c) {
            continue;
        }
        if c.is(Tag::Li) {
            place(&mut items, &mut loose);
            let b = blocks_of(c, ctx, depth);
            if !b.is_empty() {
                items.push(b);
            }
        } else {
            node(c, ctx, depth + 1, &mut loose);
        }
    }
    place(&mut items, &mut loose);
    items
}

fn figure(c: NodeRef, ctx: &Ctx, depth: usize, out: &mut Out) {
    let caption_el = c.descendants().find(|d| d.is(Tag::Figcaption) && !ctx.skip(*d));
    let mut imgs: Vec<Image> = Vec::new();
    let mut seen_picture = None;
    for d in c.descendants() {
        if ctx.skip(d) || seen_picture.is_some_and(|p: NodeRef| p.contains(d)) {
            continue;
        }
        if d.is(Tag::Picture) || (d.is(Tag::Img) && !d.parent().is_some_and(|p| p.is(Tag::Picture)))
        {
            if d.is(Tag::Picture) {
                seen_picture = Some(d);
            }
            if let Some(i) = images::image(d, ctx.base) {
                imgs.push(i);
            }
        }
    }
    if imgs.is_empty()
        && !c.descendants().any(|d| {
            matches!(
                d.tag(),
                Some(Tag::Img | Tag::Picture | Tag::Table | Tag::Pre | Tag::Blockquote | Tag::Math)
            )
        })
    {
        imgs.extend(images::placeholder(c, ctx.base));
    }
    if imgs.is_empty() {
        // A figure around a table, code or a quote: its content, then the caption.
        out.flush();
        children(c, ctx, depth + 1, out);
        out.flush();
        return;
    }
    let (caption, credit) = caption_el.map(|f| caption(f, ctx, depth)).unwrap_or_default();
    let last = imgs.len() - 1;
    for (k, mut image) in imgs.into_iter().enumerate() {
        if k == last {
            image.caption = caption.clone();
            image.credit = credit.clone();
        }
        out.push(Block::Figure { image });
    }
}

/// A caption's inlines and its credit line ("Photo: Jane Doe / Agency").
fn caption(f: NodeRef, ctx: &Ctx, depth: usize) -> (Vec<Inline>, Option<String>) {
    let credit_el = f.descendants().skip(1).find(|d| {
        let ci = super::class_words::class_and_id(*d);
        CREDIT_WORDS.iter().any(|w| ci.contains(w))
            || d.attr("itemprop").is_some_and(|v| v.contains("copyright"))
    });
    let credit = credit_el.map(|e| collapse_text(&ctx.text(e))).filter(|s| !s.is_empty());
    let mut content = Vec::new();
    let mut figures = Vec::new();
    let inner = Ctx { base: ctx.base, drop: ctx.drop, product: ctx.product };
    caption_inlines(f, &inner, credit_el, depth + 1, &mut content, &mut figures);
    (finish(content).unwrap_or_default(), credit)
}

fn caption_inlines(
    n: NodeRef,
    ctx: &Ctx,
    credit: Option<NodeRef>,
    depth: usize,
    out: &mut Vec<Inline>,
    figures: &mut Vec<Image>,
) {
    for c in n.children() {
        if ctx.skip(c) || Some(c) == credit {
            continue;
        }
        if credit.is_some_and(|cr| c.contains(cr)) && depth < MAX_DEPTH {
            caption_inlines(c, ctx, credit, depth + 1, out, figures);
        } else if c.is_text() {
            push_text(out, c.text());
        } else {
            if c.tag().is_some_and(|t| t.is_block()) {
                push_text(out, " ");
            }
            inline_element(c, ctx, depth, out, figures);
        }
    }
}

/// A code block's line-number column set in a table cell of its own, beside the cell with the
/// code (Pygments' and Rouge's `linenos` tables, Chroma's table mode): numbers counting up by
/// one, which are the layout's, not the code's.
fn is_line_gutter(pre: NodeRef) -> bool {
    let Some(cell) = pre.ancestors().find(|a| a.is(Tag::Td)) else { return false };
    if !cell.next_element().is_some_and(|c| c.descendants().any(|d| d.is(Tag::Pre))) {
        return false;
    }
    let mut next = None;
    let text = pre.text_content();
    !text.trim().is_empty()
        && text.split_whitespace().all(|w| {
            let n = w.parse::<u32>().ok();
            let counts = n.is_some() && next.is_none_or(|x| n == Some(x));
            next = n.map(|n| n + 1);
            counts
        })
}

/// A box that starts a line of a code block though no newline is written before it: a block
/// element, or a highlighter's line (Shiki's `<span class="line">`, prism-react-renderer's
/// `token-line`, CodeMirror's `cm-line`), set on a line of its own by the page's style sheet.
/// Minified pages drop the newlines between such lines.
fn starts_code_line(n: NodeRef) -> bool {
    n.tag().is_some_and(|t| t.is_block() && t != Tag::Br)
        || (n.is(Tag::Span)
            && n.class().split_ascii_whitespace().any(|c| c == "line" || c.ends_with("-line")))
}

fn code_block(pre: NodeRef, ctx: &Ctx) -> Block {
    let mut text = String::new();
    for d in pre.descendants().skip(1) {
        if ctx.skip(d) {
            continue;
        }
        if d.is(Tag::Br) || (starts_code_line(d) && !text.is_empty() && !text.ends_with('\n')) {
            text.push('\n');
        }
        text.push_str(d.text());
    }
    let text = text.trim_start_matches('\n').trim_end().to_owned();
    let language = std::iter::once(pre)
        .chain(pre.descendants().filter(|d| d.is(Tag::Code)).take(1))
        .find_map(|n| {
            n.class().split_ascii_whitespace().find_map(|c| {
                c.strip_prefix("language-")
                    .or_else(|| c.strip_prefix("lang-"))
                    .or_else(|| c.strip_prefix("highlight-source-"))
                    .map(str::to_owned)
            })
        });
    Block::Code { language, text }
}

fn table(t: NodeRef, ctx: &Ctx, depth: usize) -> Table {
    let mut table = Table::default();
    for d in t.descendants().skip(1) {
        if ctx.skip(d)
            || d.ancestors().take_while(|a| *a != t).any(|a| a.is(Tag::Table) || ctx.skip(a))
        {
            continue;
        }
        match d.tag() {
            Some(Tag::Caption) => {
                let mut f = Vec::new();
                inlines(d, ctx, depth + 1, &mut table.caption, &mut f);
            }
            Some(Tag::Tr) => {
                let in_head = d.parent().is_some_and(|p| p.is(Tag::Thead));
                let row: Vec<Cell> = d
                    .element_children()
                    .filter(|c| matches!(c.tag(), Some(Tag::Td | Tag::Th)) && !ctx.skip(*c))
                    .map(|c| {
                        let span = |a| {
                            c.attr(a)
                                .and_then(|v| v.trim().parse::<u32>().ok())
                                .filter(|v| *v > 0)
                                .unwrap_or(1)
                        };
                        let mut content = Vec::new();
                        let mut f = Vec::new();
                        inlines(c, ctx, depth + 1, &mut content, &mut f);
                        Cell {
                            header: c.is(Tag::Th),
                            colspan: span("colspan"),
                            rowspan: span("rowspan"),
                            content: finish(content).unwrap_or_default(),
                        }
                    })
                    .collect();
                if row.is_empty() {
                    continue;
                }
                if in_head
                    || (table.rows.is_empty()
                        && table.head.is_empty()
                        && row.iter().all(|c| c.header))
                {
                    table.head.push(row);
                } else {
                    table.rows.push(row);
                }
            }
            _ => {}
        }
    }
    table
}

/// MathML reduced to element names and text, capped in depth; the fallback is `alttext` or text.
fn math(m: NodeRef, ctx: &Ctx) -> (MathNode, String) {
    fn walk(n: NodeRef, depth: usize) -> MathNode {
        if n.is_text() {
            return MathNode::Text { text: n.text().to_owned() };
        }
        if depth >= MAX_DEPTH {
            return MathNode::Text { text: n.text_content() };
        }
        let children = n
            .children()
            .filter(|c| c.is_text() || c.namespace() == Namespace::MathMl)
            .filter(|c| c.name() != "annotation-xml")
            .map(|c| walk(c, depth + 1))
            .collect();
        MathNode::Element { tag: n.name().to_owned(), children }
    }
    let fallback =
        m.attr("alttext").map(collapse_text).unwrap_or_else(|| collapse_text(&ctx.text(m)));
    (walk(m, 0), fallback)
}

fn inlines(el: NodeRef, ctx: &Ctx, depth: usize, out: &mut Vec<Inline>, figures: &mut Vec<Image>) {
    for c in el.children() {
        if ctx.skip(c) {
            continue;
        }
        if c.is_text() {
            push_text(out, c.text());
        } else {
            inline_element(c, ctx, depth, out, figures);
        }
    }
}

fn inline_element(
    el: NodeRef,
    ctx: &Ctx,
    depth: usize,
    out: &mut Vec<Inline>,
    figures: &mut Vec<Image>,
) {
    if ctx.skip(el) {
        return;
    }
    if depth >= MAX_DEPTH {
        push_text(out, &ctx.text(el));
        return;
    }
    let mut content = Vec::new();
    match el.tag() {
        Some(Tag::Br) => out.push(Inline::LineBreak),
        Some(Tag::Em | Tag::I | Tag::Cite | Tag::Dfn | Tag::Var) => {
            inlines(el, ctx, depth + 1, &mut content, figures);
            out.push(Inline::Emphasis { content });
        }
        Some(Tag::Strong | Tag::B) => {
            inlines(el, ctx, depth + 1, &mut content, figures);
            out.push(Inline::Strong { content });
        }
        Some(Tag::Code | Tag::Kbd | Tag::Samp | Tag::Tt) => {
            out.push(Inline::Code { text: ctx.text(el) })
        }
        Some(Tag::Sub) => {
            inlines(el, ctx, depth + 1, &mut content, figures);
            out.push(Inline::Sub { content });
        }
        Some(Tag::Sup) => {
            inlines(el, ctx, depth + 1, &mut content, figures);
            out.push(Inline::Sup { content });
        }
        Some(Tag::A) if is_permalink(el, ctx) => {}
        Some(Tag::A) => {
            inlines(el, ctx, depth + 1, &mut content, figures);
            match el.attr("href").and_then(|h| crate::url::resolve_link(ctx.base, h)) {
                Some(href) if !content.iter().all(is_blank) => {
                    out.push(Inline::Link { href, content })
                }
                _ => out.extend(content),
            }
        }
        Some(Tag::Math) => {
            let (root, fallback) = math(el, ctx);
            out.push(Inline::Math { root, fallback });
        }
        Some(Tag::Img | Tag::Picture) => {
            let emoji = el.class().contains("emoji") || el.attr("role") == Some("img");
            if emoji {
                push_text(out, el.attr("alt").unwrap_or(""));
            } else if let Some(i) = images::image(el, ctx.base) {
                figures.push(i);
            }
        }
        Some(
            Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Video
            | Tag::Audio
            | Tag::Canvas
            | Tag::Svg,
        ) => {}
        Some(t) if t.is_block() || matches!(t, Tag::Li | Tag::Dd | Tag::Dt) => {
            // A block inside inline content: keep its words apart from their neighbours.
            push_text(out, " ");
            inlines(el, ctx, depth + 1, out, figures);
            push_text(out, " ");
        }
        _ if is_link_card(el) => {}
        _ => inlines(el, ctx, depth + 1, out, figures),
    }
}

/// Marks that docs generators put after a heading as its own link (Sphinx's and MkDocs'
/// `headerlink` "¶", rustdoc's "§", "#" and link emoji elsewhere).
const PERMALINK_MARKS: [&str; 5] = ["¶", "§", "#", "🔗", "⚓"];

/// A heading's link to itself: a link to a place in the page whose text is only a mark.
fn is_permalink(a: NodeRef, ctx: &Ctx) -> bool {
    a.attr("href").is_some_and(|h| h.starts_with('#'))
        && PERMALINK_MARKS.contains(&ctx.text(a).trim())
}

/// Fewest links of a card that pops up over a name in running text.
const CARD_LINKS: usize = 3;

/// A box of links inside a sentence: the card a site pops up over a person's name (their photo,
/// full name and latest headlines) is in the markup right after the name's link, hidden until
/// hovered, and read inline it glues headlines into the sentence ("Gov. Kristi NoemKristi Lynn
/// NoemSouth Dakota governor doubles down on..."). Right after a link, only links and blanks
/// inside, and words of the sentence around it.
fn is_link_card(el: NodeRef) -> bool {
    if !el.prev_element().is_some_and(|s| s.is(Tag::A)) {
        return false;
    }
    let end = el.last_descendant().id();
    let in_link =
        |t: NodeRef| t.ancestors().take_while(|a| a.id() != el.id()).any(|a| a.is(Tag::A));
    let mut links = 0;
    for d in el.descendants() {
        if d.is(Tag::A) {
            links += 1;
        } else if d.is_text() && !d.text().trim().is_empty() && !in_link(d) {
            return false;
        }
    }
    if links < CARD_LINKS {
        return false;
    }
    let Some(block) = el.ancestors().find(|a| a.tag().is_some_and(|t| t.is_block())) else {
        return false;
    };
    block
        .descendants()
        .filter(|d| d.is_text() && (d.id() < el.id() || d.id() > end))
        .any(|t| !in_link(t) && t.text().chars().any(char::is_alphanumeric))
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    // Collapse whitespace runs but keep one leading/trailing space so words don't glue together.
    // A leading space is kept even at the start of a link or emphasis: it separates the words
    // before them. `finish` trims the paragraph's outer edges.
    let joins = matches!(out.last(), Some(Inline::Text { .. }));
    if !joins {
        out.push(Inline::Text { text: String::with_capacity(text.len()) });
    }
    if let Some(Inline::Text { text: prev }) = out.last_mut() {
        let space_before = joins && (prev.ends_with(' ') || prev.is_empty());
        if text.starts_with(char::is_whitespace) && !space_before {
            prev.push(' ');
        }
        let start = prev.len();
        push_collapsed(prev, text);
        if prev.len() > start && text.ends_with(char::is_whitespace) {
            prev.push(' ');
        }
    }
}

/// Trims a paragraph's edges; `None` when nothing visible is left.
fn finish(mut content: Vec<Inline>) -> Option<Vec<Inline>> {
    while matches!(content.last(), Some(i) if is_blank(i)) {
        content.pop();
    }
    while matches!(content.first(), Some(i) if is_blank(i)) {
        content.remove(0);
    }
    trim_edge(&mut content, true);
    trim_edge(&mut content, false);
    (!content.is_empty()).then_some(content)
}

/// Trims the whitespace at the start (or end) of a run of inlines, looking into links and
/// emphasis (bounded: inline nesting is capped by `MAX_DEPTH` when built).
fn trim_edge(content: &mut [Inline], start: bool) {
    let mut cur = content;
    loop {
        let Some(edge) = (if start { cur.first_mut() } else { cur.last_mut() }) else { return };
        match edge {
            Inline::Text { text } => {
                *text = if start { text.trim_start() } else { text.trim_end() }.to_owned();
                return;
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. }
            | Inline::Sub { content }
            | Inline::Sup { content } => {
                cur = content;
            }
            _ => return,
        }
    }
}

/// Appends the plain text of a block (paragraph breaks as newlines).
pub fn block_text(b: &Block, out: &mut String) {
    use super::article::inline_text;
    match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => {
            push_broken(&inline_text(content), out)
        }
        Block::Code { text, .. } => out.push_str(text),
        Block::List { items, .. } | Block::Footnotes { items } => {
            lines(items.iter().flatten(), out)
        }
        Block::Quote { blocks } | Block::Note { blocks } | Block::Embed { quote: blocks, .. } => {
            lines(blocks, out)
        }
        // Plain text has no pictures, and a caption without its picture is noise between
        // paragraphs; captions stay in the structured article.
        Block::Figure { .. } => {}
        Block::Table(t) => {
            // One line per row, its cells apart by tabs: a line break inside a cell is a space.
            let caption = (!t.caption.is_empty()).then(|| collapse_text(&inline_text(&t.caption)));
            let rows = t.head.iter().chain(&t.rows).map(|row| {
                row.iter()
                    .map(|c| collapse_text(&inline_text(&c.content)))
                    .collect::<Vec<_>>()
                    .join("\t")
            });
            out.push_str(&caption.into_iter().chain(rows).collect::<Vec<_>>().join("\n"));
        }
        Block::Math { fallback, .. } => out.push_str(fallback),
        Block::Rule => {}
    }
}

/// Text with line breaks (`<br>`), without the blanks around each break, and with one empty line
/// at most where several breaks follow each other.
fn push_broken(text: &str, out: &mut String) {
    let mut blank = 0;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if i > 0 && (!line.is_empty() || blank == 0) {
            out.push('\n');
        }
        blank = if line.is_empty() { blank + 1 } else { 0 };
        out.push_str(line);
    }
}

/// Blocks on lines of their own, one line break between two (none after the last, and none for
/// a block without text: a list item that is only a picture leaves no blank line).
fn lines<'a>(blocks: impl IntoIterator<Item = &'a Block>, out: &mut String) {
    for b in blocks {
        let start = out.len();
        if start > 0 && !out.ends_with('\n') {
            out.push('\n');
        }
        let mark = out.len();
        block_text(b, out);
        if out.len() == mark {
            out.truncate(start);
        }
    }
}

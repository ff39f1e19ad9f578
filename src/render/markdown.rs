//! [`Article`] -> Markdown (CommonMark with the GitHub tables and footnotes extensions).
//!
//! The CLI's `--format markdown` and the reader's Markdown exports print this same text, so the
//! native tests cover what a person copies or saves. Every string from the page is escaped so that
//! it reads back as the same text: page content can add no markup of its own.
//!
//! Footnotes: the article model keeps the notes in order but not the page's anchor ids, so a
//! reference is recognised by the published convention of numbered notes: an in-page link whose
//! text is a number `n` no larger than the count of notes becomes `[^n]`, and the notes become
//! `[^n]:` definitions. Back links inside a note (an in-page link made of arrows) are dropped.

use crate::extract::{inline_text, Article, Block, Cell, Image, Inline};

/// The article as a Markdown document: title, a line of byline, site and date, the source
/// address, the lead image, then the body.
pub fn to_markdown(article: &Article) -> String {
    let w = Writer::new(article, None);
    let mut blocks = vec![format!("# {}", escape_line(&flat(&article.title)))];
    let meta: Vec<String> = [&article.byline, &article.site_name, &article.published_time]
        .into_iter()
        .flatten()
        .map(|s| escape_line(&flat(s)))
        .collect();
    if !meta.is_empty() {
        blocks.push(meta.join(" · "));
    }
    if let Some(u) = article.url.as_deref().and_then(|u| crate::url::resolve_link(None, u)) {
        blocks.push(format!("Source: <{}>", angle_url(&u)));
    }
    if let Some(img) = &article.lead_image {
        blocks.push(w.figure(img));
    }
    w.body(&article.body, blocks)
}

/// A following page of a multi-page article, to go under page one's Markdown: a rule, the
/// page's `label` ("Page 2 of 4") and its body, without the title, byline and lead image that
/// page one already gave. Its footnotes are named `[^part-n]`, apart from other pages' notes.
pub fn to_markdown_part(article: &Article, part: u32, label: &str) -> String {
    let w = Writer::new(article, Some(part));
    let title = flat(&article.title).to_lowercase();
    let repeats_title = |b: &Block| matches!(b, Block::Heading { content, .. } if flat(&inline_text(content)).to_lowercase() == title);
    let skip = usize::from(article.body.first().is_some_and(repeats_title));
    w.body(&article.body[skip..], vec!["---".to_owned(), format!("*{}*", escape(&flat(label)))])
}

#[derive(Clone, Copy)]
struct Writer {
    /// How many footnotes the article holds: references up to this number become `[^n]`.
    notes: usize,
    /// A following page's number: its notes are `[^part-n]`.
    part: Option<u32>,
    /// Writing a note: its in-page links lead back to the text and are dropped.
    in_note: bool,
}

fn note_count(b: &Block) -> usize {
    match b {
        Block::Footnotes { items } => items.len(),
        Block::Quote { blocks } | Block::Note { blocks } => blocks.iter().map(note_count).sum(),
        _ => 0,
    }
}

impl Writer {
    fn new(article: &Article, part: Option<u32>) -> Writer {
        Writer { notes: article.body.iter().map(note_count).sum(), part, in_note: false }
    }

    /// `blocks` (the header) and then the body's blocks, as one document.
    fn body(&self, body: &[Block], mut blocks: Vec<String>) -> String {
        let mut note = 0;
        for b in body {
            let s = self.block(b, &mut note);
            if !s.is_empty() {
                blocks.push(s);
            }
        }
        let mut out = blocks.join("\n\n");
        out.push('\n');
        out
    }

    /// Footnote `n`'s label.
    fn note(&self, n: usize) -> String {
        match self.part {
            Some(p) => format!("[^{p}-{n}]"),
            None => format!("[^{n}]"),
        }
    }

    /// One block as Markdown lines, no trailing newline; empty when nothing is left of it.
    /// `note` numbers footnote definitions across the whole article.
    fn block(&self, b: &Block, note: &mut usize) -> String {
        match b {
            Block::Heading { level, content } => {
                let text = self.inlines(content);
                if text.trim().is_empty() {
                    return String::new();
                }
                let hashes = "#".repeat((*level).clamp(2, 6) as usize);
                format!("{hashes} {}", text.replace('\n', " ").trim())
            }
            Block::Paragraph { content } => guard_lines(self.inlines(content).trim()),
            Block::List { ordered, items } => self.list(*ordered, items, note),
            Block::Quote { blocks } | Block::Note { blocks } => {
                let inner = self.blocks(blocks, note);
                inner
                    .lines()
                    .map(|l| if l.is_empty() { ">".to_owned() } else { format!("> {l}") })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Block::Code { language, text } => {
                let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
                let lang = language.as_deref().map(info_string).unwrap_or_default();
                format!("{fence}{lang}\n{}\n{fence}", text.trim_end_matches('\n'))
            }
            Block::Figure { image } => self.figure(image),
            Block::Table(t) => self.table(t),
            Block::Math { display_block, fallback, .. } => {
                let text = fallback.trim();
                if text.is_empty() {
                    String::new()
                } else if *display_block {
                    format!("$$\n{text}\n$$")
                } else {
                    escape_line(&flat(text))
                }
            }
            Block::Rule => "---".to_owned(),
            // An embed stays a link to the original, as in the reader: nothing of it is fetched.
            // A quoted post's text comes first, as a quote.
            Block::Embed { title, url, quote } => {
                let quote = self.block(&Block::Quote { blocks: quote.clone() }, note);
                let link = match crate::url::resolve_link(None, url) {
                    Some(h) => {
                        let label = escape(&flat(title.as_deref().unwrap_or(&h)));
                        format!("[{label}]({})", destination(&h))
                    }
                    None => String::new(),
                };
                [quote, link].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n\n")
            }
            Block::Footnotes { items } => items
                .iter()
                .map(|item| {
                    *note += 1;
                    let w = Writer { in_note: true, ..*self };
                    let body = w.blocks(item, &mut 0);
                    indent(&format!("{}: {body}", self.note(*note)), "    ")
                })
                .collect::<Vec<_>>()
                .join("\n\n"),
        }
    }

    fn blocks(&self, blocks: &[Block], note: &mut usize) -> String {
        let parts: Vec<String> =
            blocks.iter().map(|b| self.block(b, note)).filter(|s| !s.is_empty()).collect();
        parts.join("\n\n")
    }

    /// A list; an item's later lines are indented to its marker's width, so nested lists and
    /// second paragraphs stay inside the item. Items of one paragraph each make a tight list.
    fn list(&self, ordered: bool, items: &[Vec<Block>], note: &mut usize) -> String {
        let tight = items.iter().all(|i| i.len() <= 1 || i.iter().skip(1).all(is_list));
        let mut out = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let marker = if ordered { format!("{}.", n + 1) } else { "-".to_owned() };
            let pad = " ".repeat(marker.len() + 1);
            let sep = if tight { "\n" } else { "\n\n" };
            let parts: Vec<String> =
                item.iter().map(|b| self.block(b, note)).filter(|s| !s.is_empty()).collect();
            let body = if parts.is_empty() { String::new() } else { parts.join(sep) };
            let first = format!("{marker} {body}");
            out.push(indent(first.trim_end(), &pad));
        }
        out.join(if tight { "\n" } else { "\n\n" })
    }

    /// An image with its alt text, then its caption and credit on the next line.
    fn figure(&self, img: &Image) -> String {
        let mut s = format!("![{}]({})", escape_line(&flat(&img.alt)), destination(&img.src));
        let mut cap = self.inlines(&img.caption).trim().to_owned();
        if let Some(c) = &img.credit {
            if !cap.is_empty() {
                cap.push(' ');
            }
            cap.push_str(&escape_line(&flat(c)));
        }
        if !cap.is_empty() {
            // A backslash at the end of a line is a hard line break.
            s.push_str("\\\n");
            s.push_str(&guard_lines(&cap.replace('\n', " ")));
        }
        s
    }

    /// A pipe table. Markdown has no spans: a spanning cell is followed by empty cells, and a
    /// table without header rows takes its first row as the header (the syntax needs one).
    fn table(&self, t: &crate::extract::Table) -> String {
        let mut rows: Vec<Vec<String>> =
            t.head.iter().chain(&t.rows).map(|r| self.row(r)).collect();
        if rows.is_empty() {
            return String::new();
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for r in &mut rows {
            r.resize(width, String::new());
        }
        let line = |r: &Vec<String>| format!("| {} |", r.join(" | "));
        let mut out = Vec::new();
        let caption = self.inlines(&t.caption);
        if !caption.trim().is_empty() {
            out.push(format!("{}\n", caption.trim().replace('\n', " ")));
        }
        out.push(line(&rows[0]));
        out.push(format!("|{}", " --- |".repeat(width)));
        out.extend(rows[1..].iter().map(line));
        out.join("\n")
    }

    fn row(&self, cells: &[Cell]) -> Vec<String> {
        let mut out = Vec::new();
        for c in cells {
            let text = self.inlines(&c.content).trim().replace('\n', " ");
            let text = escape_pipes(&text);
            out.push(text);
            for _ in 1..c.colspan.min(64) {
                out.push(String::new());
            }
        }
        out
    }

    fn inlines(&self, content: &[Inline]) -> String {
        let mut out = String::new();
        for i in content {
            self.inline(i, &mut out);
        }
        out
    }

    fn inline(&self, i: &Inline, out: &mut String) {
        match i {
            Inline::Text { text } => push_spaced(out, &escape(&flat_keep_edges(text))),
            Inline::Emphasis { content } => wrap(out, "*", &self.inlines(content)),
            Inline::Strong { content } => wrap(out, "**", &self.inlines(content)),
            Inline::Code { text } => code_span(out, &flat_keep_edges(text)),
            Inline::Link { href, content } => self.link(href, content, out),
            Inline::Sub { content } => wrap(out, "<sub>", &self.inlines(content)),
            Inline::Sup { content } => {
                if let Some(n) = self.sup_note(content) {
                    out.push_str(&self.note(n));
                } else {
                    wrap(out, "<sup>", &self.inlines(content));
                }
            }
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::Math { fallback, .. } => out.push_str(&escape(&flat_keep_edges(fallback))),
        }
    }

    fn link(&self, href: &str, content: &[Inline], out: &mut String) {
        let text = self.inlines(content);
        match crate::url::resolve_link(None, href) {
            Some(h) if h.starts_with('#') => {
                if self.in_note {
                    return;
                }
                if let Some(n) = self.note_number(content) {
                    out.push_str(&self.note(n));
                } else if text.chars().any(is_wordy) {
                    // Anchors into the page mean nothing in a saved file: the words stay.
                    out.push_str(&text);
                }
            }
            Some(h) if text.trim().is_empty() => out.push_str(&format!("<{}>", angle_url(&h))),
            Some(h) => {
                let (lead, inner, trail) = split_edges(&text);
                out.push_str(&format!("{lead}[{inner}]({}){trail}", destination(&h)));
            }
            None => out.push_str(&text),
        }
    }

    /// The note number of a footnote reference's text: a number, brackets allowed, within the
    /// article's notes.
    fn note_number(&self, content: &[Inline]) -> Option<usize> {
        let mut text = String::new();
        content.iter().for_each(|i| i.push_text(&mut text));
        let digits = text.trim().trim_start_matches('[').trim_end_matches(']');
        digits.parse().ok().filter(|n| (1..=self.notes).contains(n))
    }

    /// `<sup>` holding nothing but one in-page link to a note.
    fn sup_note(&self, content: &[Inline]) -> Option<usize> {
        let mut solid = content
            .iter()
            .filter(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()));
        match (solid.next(), solid.next()) {
            (Some(Inline::Link { href, content }), None) if href.starts_with('#') => {
                self.note_number(content)
            }
            _ => None,
        }
    }
}

/// Pipes not yet escaped (those of code spans), which would end a table cell.
fn escape_pipes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut escaped = false;
    for c in s.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// A character of words rather than of arrows and marks: ASCII letters and digits, and
/// anything past Latin-1 outside the punctuation, arrow and symbol blocks (U+2000-U+2BFF).
/// Not `char::is_alphanumeric`: its Unicode tables would weigh in the wasm.
fn is_wordy(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c > '\u{bf}' && !('\u{2000}'..='\u{2bff}').contains(&c))
}

fn is_list(b: &Block) -> bool {
    matches!(b, Block::List { .. })
}

/// Indents every line after the first by `pad` (blank lines stay empty).
fn indent(s: &str, pad: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(pad);
            }
        }
        out.push_str(line);
    }
    out
}

/// `mark` + content + closing mark, with the content's outer spaces moved outside: `* word*`
/// would not be emphasis.
fn wrap(out: &mut String, mark: &str, content: &str) {
    let (lead, inner, trail) = split_edges(content);
    push_spaced(out, lead);
    if !inner.is_empty() {
        let close = if mark.starts_with('<') { mark.replacen('<', "</", 1) } else { mark.into() };
        out.push_str(mark);
        out.push_str(inner);
        out.push_str(&close);
    }
    push_spaced(out, trail);
}

/// Appends `s` without doubling a space where `out` already ends with one.
fn push_spaced(out: &mut String, s: &str) {
    let s = if out.ends_with(' ') { s.trim_start_matches(' ') } else { s };
    out.push_str(s);
}

fn split_edges(s: &str) -> (&str, &str, &str) {
    let inner = s.trim();
    if inner.is_empty() {
        return (if s.is_empty() { "" } else { " " }, "", "");
    }
    let start = s.len() - s.trim_start().len();
    let end = start + inner.len();
    (&s[..start], inner, &s[end..])
}

/// An inline code span, its fence longer than any run of backticks inside.
fn code_span(out: &mut String, text: &str) {
    let fence = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(text);
    out.push_str(pad);
    out.push_str(&fence);
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// A code fence's language: one word of safe characters (anything else would end the info
/// string or be read as more of it).
fn info_string(lang: &str) -> String {
    lang.chars().filter(|c| c.is_ascii_alphanumeric() || "+-_.#".contains(*c)).take(40).collect()
}

/// A link destination: the URL as it is, or inside `<...>` where it holds what would end it.
fn destination(u: &str) -> String {
    if u.contains(|c: char| c.is_whitespace() || "()<>".contains(c)) {
        format!("<{}>", angle_url(u))
    } else {
        u.to_owned()
    }
}

/// A URL inside `<...>`: spaces, angle brackets and line breaks percent-encoded.
fn angle_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\n' | '\r' | '\t' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Whitespace runs (newlines too) as one space, ends trimmed.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace runs as one space, a space kept at either end where the text had whitespace.
fn flat_keep_edges(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Escapes what Markdown would read as markup anywhere in a line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` and friends would be read as character references.
            '&' if chars.peek().is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') => {
                out.push_str("\\&")
            }
            _ => out.push(c),
        }
    }
    out
}

/// Each line of a paragraph escaped where its start would read as a block marker.
fn guard_lines(s: &str) -> String {
    s.split('\n').map(guard_start).collect::<Vec<_>>().join("\n")
}

/// Text that starts a line of its own (title, metadata): escaped as inline text, plus what a
/// line start would make a heading, list item or quote.
fn escape_line(s: &str) -> String {
    guard_start(&escape(s))
}

/// An escaped line with a backslash before a start that would make it a heading, list item,
/// code fence, thematic break or setext underline.
fn guard_start(e: &str) -> String {
    let b = e.as_bytes();
    let spaced = |n: usize| b.get(n).is_none_or(|c| *c == b' ');
    let hashes = b.iter().take_while(|c| **c == b'#').count();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let underline = !b.is_empty()
        && b.iter().all(|c| matches!(c, b'-' | b'=' | b' '))
        && b.iter().any(|c| *c != b' ');
    let marker = (1..=6).contains(&hashes) && spaced(hashes)
        || matches!(b.first(), Some(b'-' | b'+')) && spaced(1)
        || (1..=9).contains(&digits)
            && matches!(b.get(digits), Some(b'.' | b')'))
            && spaced(digits + 1)
        || e.starts_with("~~~")
        || underline;
    if !marker {
        e.to_owned()
    } else if digits > 0 {
        format!("{}\\{}", &e[..digits], &e[digits..])
    } else {
        format!("\\{e}")
    }
}

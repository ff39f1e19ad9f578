//! Cleaning inside the chosen article: share bars, forms, embeds and the link lists, image strips
//! and empty boxes that sit between the paragraphs; lines that link another story's headline
//! ("Read more: ..."), lines that are only a timestamp or a gallery counter ([`stamps`]), the
//! site's sign-off ([`signoffs`]) or its affiliate disclaimer ([`disclaimers`]); the author's
//! bio box and a forum poster's profile details ([`super::thread`]); lists and rails of teasers
//! under a label that announces them, and the label ([`labels`]).
//!
//! One reverse pass over the article's id range: children come before parents, so when a block
//! is judged, the counts it is judged on (paragraphs, images, list items, link density) already
//! leave out whatever was cut inside it, as if the page had been cleaned bottom-up. A label comes
//! before what it heads, so it is judged after it and goes when that went.

use super::class_words::{self, has_token};
use super::disclaimers;
use super::labels;
use super::node_tables::{is_div_to_p_blocker, Tables};
use super::score::{loose_runs, Piece};
use super::signoffs;
use super::stamps;
use crate::dom::{NodeId, NodeRef, Tag};

/// Share bars with more text than this are content, not buttons.
const SHARE_MAX_CHARS: u32 = 500;
/// Bylines and datelines longer than this are prose that mentions an author or a date.
const DATELINE_MAX_CHARS: u32 = 100;
/// A block with this many commas is prose, whatever else it holds.
const PROSE_COMMAS: u32 = 10;
/// Blocks with fewer characters and some links are navigation crumbs.
const SHORT_CHARS: u32 = 25;
/// Link density above which a block of ordinary weight is a link list...
const MAX_LINKS: f32 = 0.2;
/// ...and above which even a block with a content-like class is.
const MAX_LINKS_POSITIVE: f32 = 0.5;
/// An embed in a block with less text than this is the block's point (a widget, not a story).
const EMBED_MIN_CHARS: u32 = 75;
/// Lists are judged with this many free list items before "more items than paragraphs" counts.
const LIST_ITEM_ALLOWANCE: i64 = 100;
/// Share of a block's text in lists above which the block counts as a list.
const LIST_SHARE: f32 = 0.9;
/// Share of a block's text in headings below which a short block is not a heading group.
const HEADING_SHARE: f32 = 0.9;

#[derive(Clone, Copy, Default)]
struct Agg {
    text: u32,
    link: f32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embeds: u32,
    video: bool,
    data_table: bool,
    heading_text: u32,
    textish_text: u32,
    list_text: u32,
}

/// The result of cleaning: `cut[i]` removes node `i` and its subtree; `text` is what is left.
pub struct Cleaned {
    pub cut: Vec<bool>,
    pub text: u32,
}

/// Cleans the pieces around the chosen container `top`. With `Flags::clean_conditionally` off
/// only the unconditional rules apply.
pub fn clean(t: &Tables, pieces: &[Piece], top: NodeId) -> Cleaned {
    let mut cleaned = Cleaned { cut: vec![false; t.snap.len()], text: 0 };
    let mut agg: Vec<Agg> = Vec::new();
    for piece in pieces {
        let range = Range::of(t, piece, top);
        let guard = Guard::of(t, piece, &range);
        cleaned.text += clean_range(t, &range, &guard, &mut agg, &mut cleaned.cut);
    }
    cleaned
}

/// One piece's ids, `start..=end`, and whether the piece lies beside the container rather than
/// holding it (a box the article's own may be judged as a whole: the author's bio set after
/// the text).
struct Range {
    start: usize,
    end: usize,
    beside: bool,
}

impl Range {
    fn of(t: &Tables, piece: &Piece, top: NodeId) -> Range {
        let start = piece.first.index();
        let end = t.snap.node(piece.last).last_descendant().id().index();
        Range { start, end, beside: !(start..=end).contains(&top.index()) }
    }

    /// The parent's offset in the range, if the parent lies in it.
    fn parent_of(&self, n: NodeRef) -> Option<usize> {
        n.parent().map(|p| p.id().index()).filter(|&p| p >= self.start).map(|p| p - self.start)
    }
}

/// Per node of a range, by offset: `protect`ed blocks (inside a data table, code, a marked-up FAQ
/// ([`super::faq`]) or a box of embedded posts and formulas) are kept as they are; `in_figure`
/// tells the conditional rules that a figure's parts are judged with the figure.
struct Guard {
    protect: Vec<bool>,
    in_figure: Vec<bool>,
}

impl Guard {
    /// One forward pass: parents come before children.
    fn of(t: &Tables, piece: &Piece, r: &Range) -> Guard {
        let snap = t.snap;
        let len = r.end - r.start + 1;
        let mut g = Guard { protect: vec![false; len], in_figure: vec![false; len] };
        let outer =
            snap.node(piece.first).ancestors().any(|a| a.is(Tag::Code) || a.is(Tag::Figure));
        for i in r.start..=r.end {
            let n = snap.node(NodeId(i as u32));
            let (pp, pf) = match r.parent_of(n) {
                Some(p) => (g.protect[p], g.in_figure[p]),
                None => (outer, outer),
            };
            g.protect[i - r.start] = pp
                || n.is(Tag::Code)
                || t.is_faq(n)
                || (n.is(Tag::Table) && is_data_table(n))
                || t.holds_only_quotes(n);
            g.in_figure[i - r.start] = pf || n.is(Tag::Figure);
        }
        g
    }
}

/// The reverse pass over one range: judges each node on the counts of what is left inside it,
/// marks it in `cut` or adds its counts to its parent's. Returns the text left at the range's
/// roots.
fn clean_range(t: &Tables, r: &Range, g: &Guard, agg: &mut Vec<Agg>, cut: &mut [bool]) -> u32 {
    let snap = t.snap;
    let mut text = 0;
    agg.clear();
    agg.resize(r.end - r.start + 1, Agg::default());
    for i in (r.start..=r.end).rev() {
        if t.gone[i] {
            continue;
        }
        let n = snap.node(NodeId(i as u32));
        let k = i - r.start;
        let mut a = agg[k];
        let is_root = i == r.start || r.parent_of(n).is_none();
        if n.is_text() {
            a.text = t.text[i];
            a.commas = t.commas[i];
        } else if let Some(tag) = n.tag() {
            if tag == Tag::A {
                a.link = t.link[i] / t.text[i].max(1) as f32 * a.text as f32;
            }
            // A `div` or `section` with no block inside is a paragraph, judged as one, and so is
            // a box around one paragraph, however many boxes deep.
            let paragraph = tag == Tag::P
                || (matches!(tag, Tag::Div | Tag::Section)
                    && (!t.block_desc[i] || wraps_one_paragraph(t, n)));
            if tag == Tag::Div && t.block_desc[i] {
                judge_loose_runs(t, n, r, g.protect[k], agg, cut, &mut a);
            }
            let judged = Judged { tag, paragraph, is_root, protect: g.protect[k] };
            if is_removed(t, n, &a, &judged, r.beside, g.in_figure[k], cut) {
                cut[i] = true;
                // A field is cut on sight, but the form around it is still judged by its fields:
                // a comment form's labelled paragraphs are not the article.
                if tag == Tag::Input {
                    if let Some(p) = r.parent_of(n) {
                        agg[p].input += 1;
                    }
                }
                continue;
            }
            a.count_own(n, tag, paragraph);
        }
        if is_root {
            text += a.text;
        }
        let Some(p) = r.parent_of(n) else { continue };
        agg[p].add_child(&a, n.tag());
        agg[k] = a;
    }
    text
}

/// What [`is_removed`] needs to know of a node besides its counts.
struct Judged {
    tag: Tag,
    paragraph: bool,
    is_root: bool,
    protect: bool,
}

/// Whether the rules cut this node, on the counts `a` of what is left inside it.
fn is_removed(
    t: &Tables,
    n: NodeRef,
    a: &Agg,
    j: &Judged,
    beside: bool,
    in_figure: bool,
    cut: &[bool],
) -> bool {
    if removed_always(t, n, a, j.is_root, beside) {
        return true;
    }
    if !t.flags.clean_conditionally || j.protect {
        return false;
    }
    (j.paragraph
        && (is_link_line(n, a)
            || is_ad_or_loading(n, a)
            || is_script_notice(n, a)
            || is_furniture_line(n, a)))
        || ((j.paragraph || j.tag.is_heading()) && heads_cut_teasers(n, a, cut))
        || (!j.paragraph
            && matches!(j.tag, Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul | Tag::Div)
            && removed_conditionally(t, n, a, in_figure && !n.is(Tag::Figure))
            && !super::thread::holds_poster_profile(n))
}

/// A `div` holding blocks: each run of loose inline content between them is judged like the
/// paragraph it looks like ("<span>Published ...</span>" beside the headline, a promo's link
/// between two paragraphs); runs that are cut leave `a`'s counts, the others count as paragraphs.
fn judge_loose_runs(
    t: &Tables,
    n: NodeRef,
    r: &Range,
    protect: bool,
    agg: &[Agg],
    cut: &mut [bool],
    a: &mut Agg,
) {
    let snap = t.snap;
    for run in loose_runs(t, n) {
        let ids = run.first.index()..=snap.node(run.last).last_descendant().id().index();
        let text_nodes = || {
            ids.clone().filter(|&j| snap.node(NodeId(j as u32)).is_text() && !t.gone[j] && !cut[j])
        };
        let chars = text_nodes().map(|j| t.text[j]).sum::<u32>();
        let stamp = || {
            chars as usize <= stamps::MAX_CHARS
                && stamps::is_stamp(
                    &text_nodes().map(|j| snap.node(NodeId(j as u32)).text()).collect::<String>(),
                )
        };
        if t.flags.clean_conditionally
            && !protect
            && chars > 0
            && (stamp() || is_promo_link(snap.node(run.first), run.last, chars))
        {
            let mut c = Some(snap.node(run.first));
            while let Some(x) = c {
                cut[x.id().index()] = true;
                a.link -= agg[x.id().index() - r.start].link.min(a.link);
                c = x.next_sibling().filter(|_| x.id() != run.last);
            }
            a.text -= chars.min(a.text);
            continue;
        }
        a.p += 1;
        a.textish_text += chars;
    }
}

impl Agg {
    /// The node's own contribution to its counts, once it is kept.
    fn count_own(&mut self, n: NodeRef, tag: Tag, paragraph: bool) {
        if paragraph {
            self.p += 1;
        }
        match tag {
            Tag::Img => self.img += 1,
            Tag::Li => self.li += 1,
            Tag::Input => self.input += 1,
            Tag::Table if is_data_table(n) => self.data_table = true,
            _ => {}
        }
        if matches!(tag, Tag::Object | Tag::Embed | Tag::Iframe) {
            if is_video(n) {
                self.video = true
            } else {
                self.embeds += 1
            }
        }
    }

    /// Adds a kept child's counts (`a`, of a node with tag `tag`) to its parent's.
    fn add_child(&mut self, a: &Agg, tag: Option<Tag>) {
        self.text += a.text;
        self.link += a.link;
        self.commas += a.commas;
        self.p += a.p;
        self.img += a.img;
        self.li += a.li;
        self.input += a.input;
        self.embeds += a.embeds;
        self.video |= a.video;
        self.data_table |= a.data_table;
        self.heading_text +=
            if tag.is_some_and(|t| t.is_heading()) { a.text } else { a.heading_text };
        self.textish_text += if tag.is_some_and(is_textish) { a.text } else { a.textish_text };
        self.list_text += if matches!(tag, Some(Tag::Ul | Tag::Ol)) { a.text } else { a.list_text };
    }
}

/// Elements whose text counts as running text when a box is judged: a box with text but none of
/// it inside one of these is a strip of links or labels. `<font>` is the old web's `<span>`
/// (Readability renames it before judging), so an indented `<ul><font>remark</font></ul>` reads.
fn is_textish(tag: Tag) -> bool {
    matches!(tag, Tag::Span | Tag::Font | Tag::Li | Tag::Td) || is_div_to_p_blocker(tag)
}

/// A `div` that holds one paragraph and nothing else, directly or through `div`s that each hold
/// only the next (CMSs set every paragraph in a card of two or three boxes). The paragraph's own
/// rules judge it: a sentence that links its source is not a link box.
fn wraps_one_paragraph(t: &Tables, n: NodeRef) -> bool {
    let mut cur = n;
    loop {
        match t.only_child(cur) {
            Some(only) if only.is(Tag::P) => return true,
            Some(only) if only.is(Tag::Div) => cur = only,
            _ => return false,
        }
    }
}

/// A short paragraph that is mostly a link: "Related: ...", "Read more: ...", a promo headline.
const LINK_LINE_MAX_CHARS: u32 = 200;
const LINK_LINE_DENSITY: f32 = 0.5;
/// Fewest words of a link that reads as a headline (a promo), not a name.
const HEADLINE_WORDS: usize = 5;
/// Most words a promo line holds besides its linked headline: a label ("Also read:", "Opinion |").
const PROMO_LABEL_WORDS: usize = 4;

/// Longest paragraph of several headline links, one after another ("China furious at ...
/// [INSIGHT] | Lakers vs Nets: ... [VIDEO]"): a run of promos, set on lines of one paragraph.
const LINK_RUN_MAX_CHARS: u32 = 600;
/// Link density of such a run: the links and their tags, nothing more.
const LINK_RUN_DENSITY: f32 = 0.8;

fn is_link_line(n: NodeRef, a: &Agg) -> bool {
    if a.text == 0 || a.link / a.text as f32 <= LINK_LINE_DENSITY {
        return false;
    }
    if a.text >= LINK_LINE_MAX_CHARS && !is_headline_run(n, a) {
        return false;
    }
    // A cited source spelled out as an address is part of the text.
    let text = n.text_content();
    if text.contains("http") || text.contains("www.") {
        return false;
    }
    // A promo links a headline; a paragraph that links a name ("Photo: <a>Jane Doe</a>") is a
    // credit, and one whose sentence links several of its phrases ("led to <a>canceled
    // flights</a>, <a>closed schools</a> and ...") is prose: several links are a promo only when
    // each is a headline.
    if !n.is(Tag::P) {
        return true;
    }
    let mut links = n.descendants().filter(|d| d.is(Tag::A));
    match (links.next(), links.next()) {
        // A promo's words besides its headline are a label ("Related:", "Read more:"); a
        // sentence that links its own end ("The suspect was convicted and <a>sentenced to life
        // last Thursday</a>.") has a clause of its own around the link.
        (Some(l), None) => {
            let linked = l.text_content().split_whitespace().count();
            linked >= HEADLINE_WORDS
                && text.split_whitespace().count() - linked <= PROMO_LABEL_WORDS
        }
        (Some(_), Some(_)) => is_headline_run(n, a),
        _ => false,
    }
}

/// A link alone between two blocks that is a card for another story: a label over a headline
/// ("Also on example.com" / "<headline>"). A link alone that is a sentence ("See what it can do
/// for you") or a quote to share stays: only the label tells a promo.
fn is_promo_link(first: NodeRef, last: NodeId, chars: u32) -> bool {
    if first.id() != last || !first.is(Tag::A) || chars >= LINK_LINE_MAX_CHARS {
        return false;
    }
    let mut texts = first.descendants().filter(|d| d.is_text() && !d.text().trim().is_empty());
    let Some(label) = texts.next() else { return false };
    labels::is_teaser_label(label.text())
        && texts.map(|t| t.text().split_whitespace().count()).sum::<usize>() >= HEADLINE_WORDS
}

/// Several links that are each a headline, with little text besides: promos one after another.
fn is_headline_run(n: NodeRef, a: &Agg) -> bool {
    if a.text > LINK_RUN_MAX_CHARS || a.link / (a.text as f32) < LINK_RUN_DENSITY {
        return false;
    }
    let mut links = 0;
    for l in n.descendants().filter(|d| d.is(Tag::A)) {
        if l.text_content().split_whitespace().count() < HEADLINE_WORDS {
            return false;
        }
        links += 1;
    }
    links >= 2
}

/// Fewest items of a list of headlines.
const HEADLINE_LIST_ITEMS: u32 = 3;
/// Link density of a list of headlines: nothing but the links.
const HEADLINE_LIST_DENSITY: f32 = 0.9;

/// A list whose every item is one link to a headline and nothing else: other stories ("Related
/// coverage", "More from ..."), the list form of [`is_link_line`]. Lists whose links are names or
/// terms ("See also") or come with words of their own are content, and so is a list nested in a
/// list item (an outline's sub-points: the bugs of a changelog entry).
fn is_headline_list(n: NodeRef, a: &Agg) -> bool {
    matches!(n.tag(), Some(Tag::Ul | Tag::Ol))
        && !n.ancestors().any(|p| p.is(Tag::Li))
        && a.li >= HEADLINE_LIST_ITEMS
        && a.link / a.text.max(1) as f32 >= HEADLINE_LIST_DENSITY
        && n.element_children().all(|li| {
            let mut links = li.descendants().filter(|d| d.is(Tag::A));
            links
                .next()
                .is_some_and(|l| l.text_content().split_whitespace().count() >= HEADLINE_WORDS)
                && links.next().is_none()
        })
}

/// Longest item of a list of teasers: a headline and a line about it.
const TEASER_ITEM_MAX_CHARS: u32 = 250;

/// A list or a box of cards under a label that announces other stories ("More Great Stories",
/// "Most read in ..."), whose every item is a short headline that links to another page: the
/// teasers it announces, however much of each headline the link covers (a card may link only its
/// picture, or lay an empty link over itself). Tabs of the page itself ("More ways to
/// customize": links to `#themes`, `#add-ons`) are no teasers.
fn is_labelled_link_list(t: &Tables, n: NodeRef) -> bool {
    // The label first: it rules out almost every box in a few steps, before any subtree is read.
    matches!(n.tag(), Some(Tag::Ul | Tag::Ol | Tag::Div | Tag::Section))
        && n.prev_element().is_some_and(is_label)
        && n.element_children().nth(1).is_some()
        && !n.ancestors().any(|p| p.is(Tag::Li))
        && n.element_children().all(|li| {
            t.text[li.id().index()] <= TEASER_ITEM_MAX_CHARS
                && li
                    .descendants()
                    .any(|d| d.is(Tag::A) && d.attr("href").is_some_and(|h| !h.starts_with('#')))
                && li.text_content().split_whitespace().count() >= HEADLINE_WORDS
        })
}

/// A label over a block of teasers that was cut: it goes with them.
fn heads_cut_teasers(n: NodeRef, a: &Agg, cut: &[bool]) -> bool {
    a.text > 0
        && a.text as usize <= labels::MAX_CHARS
        && n.next_element().is_some_and(|x| cut[x.id().index()])
        && labels::is_teaser_label(&n.text_content())
}

/// Most nodes of a label's subtree: a heading in a box or two, no more.
const LABEL_MAX_NODES: usize = 8;

/// A label over what follows it, shown or not: a rail's title is often in a box whose class
/// (`rail__header`) kept it out of the article, but it still says what the rail is.
fn is_label(n: NodeRef) -> bool {
    n.last_descendant().id().index() - n.id().index() < LABEL_MAX_NODES
        && labels::is_teaser_label(&n.text_content())
}

/// A check that reads a short paragraph's whole text.
type LineCheck = fn(&str) -> bool;

/// The checks that read a short paragraph as a whole, each with the longest paragraph it reads
/// (characters): the site's affiliate disclaimer ([`disclaimers`]), a timestamp or a gallery
/// counter ([`stamps`]), its sign-off ([`signoffs`]).
const LINES: [(usize, LineCheck); 3] = [
    (disclaimers::MAX_CHARS, disclaimers::is_disclaimer),
    (stamps::MAX_CHARS, stamps::is_stamp),
    (signoffs::MAX_CHARS, signoffs::is_signoff),
];

/// A short paragraph that one of [`LINES`] reads as furniture. Paragraphs with no text or too
/// long for every check are not read; the one text (borrowed when it is a single text node)
/// serves all the checks.
fn is_furniture_line(n: NodeRef, a: &Agg) -> bool {
    let chars = a.text as usize;
    if chars == 0 || LINES.iter().all(|&(max, _)| chars > max) {
        return false;
    }
    let text = n.text_cow();
    LINES.iter().any(|&(max, line)| chars <= max && line(&text))
}

/// Furniture that never belongs in the reader: forms' controls, non-video embeds, footers and
/// asides, share bars, headings styled as furniture.
fn removed_always(t: &Tables, n: NodeRef, a: &Agg, is_root: bool, beside: bool) -> bool {
    match n.tag() {
        Some(Tag::Object | Tag::Embed | Tag::Iframe) => !is_video(n) && !super::embeds::kept(n),
        Some(
            Tag::Footer
            | Tag::Link
            | Tag::Aside
            | Tag::Input
            | Tag::Textarea
            | Tag::Select
            | Tag::Button,
        ) => true,
        Some(Tag::H1 | Tag::H2) if t.class_weight(n) < 0.0 => true,
        Some(Tag::Dd) if super::thread::is_poster_detail(n) => true,
        Some(Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
            if super::thread::is_reply_title(n) =>
        {
            true
        }
        _ if is_root => beside && is_author_bio(n, &class_words::class_and_id(n), a),
        _ if n.class().is_empty() && n.id_attr().is_empty() => is_author_bio(n, "", a),
        _ => {
            let ci = class_words::class_and_id(n);
            ((has_token(&ci, "share") || has_token(&ci, "sharedaddy")) && a.text < SHARE_MAX_CHARS)
                || (a.text < DATELINE_MAX_CHARS && a.p == 0 && is_dateline(n, &ci))
                || is_author_bio(n, &ci, a)
        }
    }
}

fn removed_conditionally(t: &Tables, n: NodeRef, a: &Agg, in_figure: bool) -> bool {
    if a.data_table || a.video {
        return false;
    }
    let weight = t.class_weight(n);
    // A shop's or a service's content sits in tabs, accordions and widgets whose class words
    // mark clutter on a story: there they are held against it, never enough alone.
    if weight < 0.0 && !t.flags.not_article {
        return true;
    }
    if a.commas >= PROSE_COMMAS {
        return false;
    }
    let is_list = matches!(n.tag(), Some(Tag::Ul | Tag::Ol))
        || (a.text > 0 && a.list_text as f32 / a.text as f32 > LIST_SHARE);
    if is_ad_or_loading(n, a) || is_headline_list(n, a) || is_labelled_link_list(t, n) {
        return true;
    }
    let text = a.text.max(1) as f32;
    let link_density = a.link / text;
    let heading_density = a.heading_text as f32 / text;
    let li = a.li as i64 - LIST_ITEM_ALLOWANCE;
    let p = a.p as i64;
    let remove = (!in_figure && a.img > 1 && (a.p as f32 / a.img as f32) < 0.5)
        || (!is_list && li > p)
        || (a.input as i64 > p / 3)
        || (!is_list
            && !in_figure
            && heading_density < HEADING_SHARE
            && a.text < SHORT_CHARS
            && (a.img == 0 || a.img > 2)
            && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > MAX_LINKS)
        || (weight >= 25.0 && link_density > MAX_LINKS_POSITIVE)
        || ((a.embeds == 1 && a.text < EMBED_MIN_CHARS) || a.embeds > 1)
        || (a.img == 0 && a.textish_text == 0);
    if remove && is_list {
        // A gallery (one image per item) is content.
        let simple = n.element_children().all(|c| c.element_children().count() <= 1);
        if simple && a.img == a.li {
            return false;
        }
    }
    remove
}

/// A block whose whole text is "Advertisement", "Loading..." or "Read more".
fn is_ad_or_loading(n: NodeRef, a: &Agg) -> bool {
    if a.text == 0 || a.text > 20 {
        return false;
    }
    // Blank runs count once: a button's label is indented over lines ("Read\n   more").
    let s = super::collapse_text(&n.text_content());
    let s = class_words::lower(s.trim_end_matches("...").trim_end_matches('…'));
    class_words::AD_OR_LOADING.contains(&s.as_str())
}

/// Longest notice that the page needs scripts.
const SCRIPT_NOTICE_MAX_CHARS: u32 = 100;
/// What such a notice says: "This slideshow requires JavaScript.", "Please enable JavaScript to
/// view the comments", "JavaScript is disabled in your browser".
const SCRIPT_NOTICES: &[&str] = &[
    "requires javascript",
    "enable javascript",
    "javascript is disabled",
    "javascript is turned off",
    "javascript must be enabled",
    "turn on javascript",
];
/// Words that address the reader's browser or this page: a tutorial's "Enable JavaScript source
/// maps" says none of them.
const SCRIPT_NOTICE_CUES: &[&str] =
    &["please", "your browser", "to view", "to see", "to watch", "to use", "this "];

/// A line the page shows where its scripts did not run: the reader runs none, and what the line
/// stands in for (a slideshow, the comments) is not in the article either.
fn is_script_notice(n: NodeRef, a: &Agg) -> bool {
    if a.text == 0 || a.text > SCRIPT_NOTICE_MAX_CHARS {
        return false;
    }
    let s = class_words::lower(&super::collapse_text(&n.text_content()));
    SCRIPT_NOTICES.iter().any(|p| s.contains(p)) && SCRIPT_NOTICE_CUES.iter().any(|c| s.contains(c))
}

/// The article's byline or date line, which the reader shows in its header instead.
fn is_dateline(n: NodeRef, ci: &str) -> bool {
    // Blocks only: an inline date is often part of a sentence (measured: dropping inline
    // timestamps cost more recall than it gained precision).
    n.tag().is_some_and(|t| t.is_block())
        && (has_token(ci, "byline") || class_words::DATELINE.found_in(ci))
}

/// Longest author's bio: a few sentences about the writer, not a section of the article.
const BIO_MAX_CHARS: u32 = 800;

/// The author's box with more in it than a byline: a few sentences about the writer, their
/// links and portrait, under the article ("Jane Doe is a senior editor... Follow her on ...").
/// The reader names the author in its header; the bio is the site's furniture. Named by its
/// markup (`itemprop=author`, `rel=author`) or its class (`author-bio`, `byline`); a box that
/// merely mentions the author (`author-note`, `author-quote`) is the article's.
fn is_author_bio(n: NodeRef, ci: &str, a: &Agg) -> bool {
    a.text >= DATELINE_MAX_CHARS
        && a.text <= BIO_MAX_CHARS
        && matches!(n.tag(), Some(Tag::Div | Tag::Section | Tag::P))
        && (n.attr("rel") == Some("author")
            || n.attr("itemprop").is_some_and(|v| v.contains("author"))
            || has_token(ci, "byline")
            || class_words::AUTHOR_BOX.found_in(ci))
}

/// Embeds from video hosts are part of the article.
pub fn is_video(n: NodeRef) -> bool {
    n.attrs().any(|(_, v)| class_words::VIDEO_HOSTS.iter().any(|h| v.contains(h)))
}

/// Tables that hold data (headers, captions, many cells) rather than page layout.
pub fn is_data_table(n: NodeRef) -> bool {
    if n.attr("role") == Some("presentation") || n.attr("datatable") == Some("0") {
        return false;
    }
    if n.attr("summary").is_some() {
        return true;
    }
    let mut rows = 0u32;
    let mut cols = 0u32;
    for d in n.descendants().skip(1) {
        match d.tag() {
            Some(Tag::Caption) if d.first_child().is_some() => return true,
            Some(Tag::Col | Tag::Colgroup | Tag::Tfoot | Tag::Thead | Tag::Th) => return true,
            Some(Tag::Table) => return false,
            Some(Tag::Tr) => {
                rows += d
                    .attr("rowspan")
                    .and_then(|r| r.trim().parse().ok())
                    .filter(|r| *r > 0)
                    .unwrap_or(1);
                let c: u32 = d
                    .element_children()
                    .filter(|c| matches!(c.tag(), Some(Tag::Td | Tag::Th)))
                    .map(|c| {
                        c.attr("colspan")
                            .and_then(|r| r.trim().parse().ok())
                            .filter(|r| *r > 0)
                            .unwrap_or(1)
                    })
                    .sum();
                cols = cols.max(c);
            }
            _ => {}
        }
    }
    if rows == 1 || cols == 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

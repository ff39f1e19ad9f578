//! Per-node side tables for one extraction attempt: which nodes are out of the running, and how
//! much text, link text and commas each subtree holds.
//!
//! Built in two linear passes over the arena instead of asking `text_content()` per node (which
//! would be quadratic on deep pages): a forward pass (parents come before children in document
//! order) decides what is excluded, a reverse pass (children have larger ids than their parent)
//! sums each subtree into its parent.

use super::class_words as words;
use super::deferred;
use super::images;
use crate::charcount::{self, collapsed_len};
use crate::dom::{NodeRef, Snapshot, Tag};
use foldhash::{HashMap, HashMapExt};

/// Which of the progressively weaker heuristics an attempt uses. A page that gives too little text
/// with all of them is retried without the riskiest one first, as Readability does.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    /// Drop blocks whose class/id look like comments, menus, footers...
    pub strip_unlikely: bool,
    /// Let class/id words raise or lower scores.
    pub weight_classes: bool,
    /// Remove link-heavy, image-heavy or empty-looking blocks inside the article.
    pub clean_conditionally: bool,
    /// The page is positively not an article ([`super::kind`]): a box's class words count against
    /// it in the conditional cleaning but never cut it alone.
    pub not_article: bool,
}

impl Flags {
    pub const ALL: Flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        not_article: false,
    };
}

/// What is known about every node for one attempt.
pub struct Tables<'a> {
    pub snap: &'a Snapshot,
    base: &'a Base,
    pub flags: Flags,
    /// Excluded from the article: hidden, script-like, unlikely, the byline or title we moved to
    /// the header. Excluding a node excludes its subtree.
    pub gone: Vec<bool>,
    /// Visible characters with whitespace runs counted once.
    pub text: Vec<u32>,
    /// Characters inside links; in-page `#` links count for less (tables of contents are fine).
    pub link: Vec<f32>,
    /// ASCII and other-script commas.
    pub commas: Vec<u32>,
    /// Has a descendant that makes a `div` more than a paragraph (`p`, `div`, `img`, lists...).
    pub block_desc: Vec<bool>,
    /// Is phrasing content (text, inline elements, links holding only inline content).
    pub phrasing: Vec<bool>,
}

/// Weight of an in-page link's text in link density.
const HASH_LINK_WEIGHT: f32 = 0.3;

/// Tags that keep a `div` from being read as one paragraph.
pub fn is_div_to_p_blocker(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Blockquote
            | Tag::Dl
            | Tag::Div
            | Tag::Img
            | Tag::Ol
            | Tag::P
            | Tag::Pre
            | Tag::Table
            | Tag::Ul
    )
}

/// Inline elements by the HTML spec's phrasing content (the ones that matter on real pages).
fn is_phrasing_tag(n: NodeRef) -> bool {
    use Tag::*;
    match n.tag() {
        Some(
            Abbr | Audio | B | Bdo | Br | Button | Cite | Code | Data | Dfn | Em | Embed | I | Img
            | Input | Kbd | Label | Mark | Math | Noscript | Object | Output | Progress | Q | Ruby
            | Samp | Script | Select | Small | Span | Strong | Sub | Sup | Textarea | Time | Var
            | Wbr,
        ) => true,
        Some(Other) => n.name() == "meter" || n.name() == "datalist",
        _ => false,
    }
}

/// True when the inline style or attributes hide the element from every reader.
///
/// One pass over the attributes, and the style read declaration by declaration without copying
/// it: this runs for every element of the page, and five lookups plus a lower-cased copy of each
/// `style` were a seventh of extraction (callgrind, all corpus pages).
fn is_hidden(n: NodeRef) -> bool {
    let (mut modal, mut dialog) = (false, false);
    for (k, v) in n.attrs() {
        let hides = if k.eq_ignore_ascii_case("hidden") {
            true
        } else if k.eq_ignore_ascii_case("aria-hidden") {
            v == "true" && !n.class().contains("fallback-image")
        } else if k.eq_ignore_ascii_case("style") {
            style_hides(v)
        } else {
            modal |= k.eq_ignore_ascii_case("aria-modal") && v == "true";
            dialog |= k.eq_ignore_ascii_case("role") && v == "dialog";
            false
        };
        if hides || (modal && dialog) {
            return true;
        }
    }
    n.class().split_ascii_whitespace().any(|c| words::SCREEN_READER_ONLY.contains(&c))
}

/// `display: none` or `visibility: hidden` in an inline style.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else { return false };
        let (prop, value) = (prop.trim(), value.trim_start());
        let starts =
            |word: &str| value.get(..word.len()).is_some_and(|v| v.eq_ignore_ascii_case(word));
        (prop.eq_ignore_ascii_case("display") && starts("none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts("hidden"))
    })
}

/// Names that page builders and CMSs give the article's own blocks, each with the list word in it
/// that says how the block is laid out, not what it holds; the rest of the name still counts.
/// - Elementor names every block it places `elementor-widget-<kind>` in an
///   `elementor-widget-container`, paragraphs as well as the share bar ("widget");
/// - Drupal marks a field whose label is not shown `field--label-hidden`, the body field too
///   ("hidden");
/// - Divi sets the title of each module (a blurb's heading) in an `et_pb_module_header`
///   ("header");
/// - Substack names each section head of a post `header-anchor-post`, after the `header-anchor`
///   that markdown-it-anchor and the site generators built on it give a heading's own link
///   ("header").
const LAYOUT_NAMES: [(&str, &str); 5] = [
    ("elementor-widget", "elementor-"),
    ("label-hidden", "label-"),
    ("label-visually_hidden", "label-"),
    ("et_pb_module_header", "et_pb_module_"),
    ("header-anchor", "anchor"),
];

/// The class words with the builders' layout words left out ([`LAYOUT_NAMES`]).
fn page_builder_words(v: &str) -> std::borrow::Cow<'_, str> {
    let mut v = std::borrow::Cow::Borrowed(v);
    for (name, kept) in LAYOUT_NAMES {
        if v.contains(name) {
            v = std::borrow::Cow::Owned(v.replace(name, kept));
        }
    }
    v
}

/// What the class/id word lists say about one class attribute or id.
#[derive(Clone, Copy, Default)]
struct Named {
    unlikely: bool,
    maybe: bool,
    negative: bool,
    positive: bool,
}

impl Named {
    fn of(v: &str) -> Named {
        if v.is_empty() {
            return Named::default();
        }
        let v = words::lower(v);
        let v = page_builder_words(&v);
        Named {
            unlikely: words::UNLIKELY.found_in(&v),
            maybe: words::MAYBE.found_in(&v),
            negative: words::NEGATIVE.found_in(&v) || is_hid(&v),
            positive: words::POSITIVE.found_in(&v),
        }
    }

    /// The score a class or id adds to its element.
    fn weight(self) -> f32 {
        let mut w = 0.0;
        if self.negative {
            w -= 25.0;
        }
        if self.positive {
            w += 25.0;
        }
        w
    }
}

/// True when the class/id words say "not the article" (a comment thread, a menu, a footer).
fn looks_unlikely(n: NodeRef, class: Named, id: Named) -> bool {
    if matches!(n.tag(), Some(Tag::Body | Tag::A)) {
        return false;
    }
    if (class.unlikely || id.unlikely) && !(class.maybe || id.maybe) {
        return true;
    }
    n.attr("role").is_some_and(|r| words::UNLIKELY_ROLES.contains(&r))
}

/// What does not change between attempts, computed once per page: each text node's length and
/// commas, and each element's own verdicts (hidden, unlikely by its class/id/role, its class
/// weight). Matching class names against the word lists once per element instead of once per
/// question, together with the indexed lists (`crate::wordlist`), halved extraction's
/// instructions on the corpus pages (callgrind). Each distinct class attribute is read once: pages
/// repeat a few on most elements, and reading them again was an eighth of extraction.
pub struct Base {
    own_text: Vec<u32>,
    own_commas: Vec<u32>,
    excluded: Vec<bool>,
    unlikely: Vec<bool>,
    class_weight: Vec<f32>,
    only_quotes: Vec<bool>,
    /// The FAQ a page's JSON-LD names ([`super::faq`]).
    faq: Option<crate::dom::NodeId>,
}

impl Base {
    /// Characters of text in the ids `range` (text nodes' own, blank runs collapsed) that
    /// `dropped` does not leave out.
    pub fn text_in(&self, range: std::ops::RangeInclusive<usize>, dropped: &[bool]) -> u32 {
        range.filter(|&i| !dropped[i]).map(|i| self.own_text[i]).sum()
    }

    pub fn new(snap: &Snapshot) -> Base {
        let len = snap.len();
        let mut b = Base {
            own_text: vec![0; len],
            own_commas: vec![0; len],
            excluded: vec![false; len],
            unlikely: vec![false; len],
            class_weight: vec![0.0; len],
            only_quotes: vec![false; len],
            faq: None,
        };
        let mut classes: HashMap<&str, Named> = HashMap::new();
        for n in snap.iter() {
            let i = n.id().index();
            if n.is_text() {
                b.own_text[i] = collapsed_len(n.text());
                b.own_commas[i] = charcount::count(n.text(), b',', words::is_comma);
            } else if let Some(tag) = n.tag() {
                // A `<noscript>` holds only its pictures (`dom::wire`): content, but see
                // [`Base::leave_out_noscript_twins`].
                b.excluded[i] = matches!(
                    tag,
                    Tag::Script
                        | Tag::Style
                        | Tag::Head
                        | Tag::Title
                        | Tag::Svg
                        | Tag::Select
                        | Tag::Template
                ) || is_hidden(n);
                let class = *classes.entry(n.class()).or_insert_with(|| Named::of(n.class()));
                let id = Named::of(n.id_attr());
                b.unlikely[i] = looks_unlikely(n, class, id);
                b.class_weight[i] = class.weight() + id.weight();
            }
        }
        b.spare_quotes(snap);
        let styled = |n: NodeRef| n.attr("style").is_some_and(style_hides);
        if let Some(c) = deferred::cloak(snap, styled) {
            b.excluded[c.id().index()] = false;
        }
        b
    }

    /// A box whose only visible content is quoted material, MathML or a post embedded from a
    /// social network, is that material, whatever its class says: math renderers wrap every
    /// formula in classes that read like furniture (a context menu's), and CMSs wrap an embedded
    /// tweet in a `social-media-embed` box. Such a box is neither unlikely nor weighed down by its
    /// class, and cleaning keeps it as it is ([`Tables::holds_only_quotes`]).
    fn spare_quotes(&mut self, snap: &Snapshot) {
        let len = snap.len();
        let mut prose = vec![0u32; len];
        let mut quoted = vec![false; len];
        for i in (1..len).rev() {
            let n = snap.node(crate::dom::NodeId(i as u32));
            if self.excluded[i] {
                continue;
            }
            if n.is(Tag::Math) || is_embedded_post(n) {
                quoted[i] = true;
                prose[i] = 0;
            } else if n.is_text() {
                prose[i] = self.own_text[i];
            }
            if quoted[i] && prose[i] == 0 {
                self.only_quotes[i] = true;
                self.unlikely[i] = false;
                self.class_weight[i] = self.class_weight[i].max(0.0);
            }
            if let Some(p) = n.parent() {
                let p = p.id().index();
                prose[p] += prose[i];
                quoted[p] |= quoted[i];
            }
        }
    }
}

/// A post embedded from a social network: the `<blockquote>` its embed code writes, holding the
/// post's text until (or instead of) the network's script drawing it.
pub(super) fn is_embedded_post(n: NodeRef) -> bool {
    n.is(Tag::Blockquote)
        && n.class()
            .split_ascii_whitespace()
            .any(|c| words::EMBEDDED_POSTS.iter().any(|p| p.eq_ignore_ascii_case(c)))
}

impl Base {
    /// Of each picture and its `<noscript>` twin, one is left out (see
    /// [`images::noscript_twin_left_out`]). Extraction's step alone: the readerability check,
    /// which shares [`Base::new`] in the clutter-only module, reads no pictures.
    pub fn leave_out_noscript_twins(&mut self, snap: &Snapshot) {
        for n in snap.iter().filter(|n| n.is(Tag::Noscript)) {
            if let Some(out) = images::noscript_twin_left_out(n) {
                self.excluded[out.id().index()] = true;
            }
        }
    }

    /// Hidden, or script-like: never seen by a reader, whatever its class.
    pub fn is_hidden(&self, i: usize) -> bool {
        self.excluded[i]
    }

    /// What a button with `aria-expanded` opens is the page's text, and a reader shows it open:
    /// WAI-ARIA's disclosure pattern puts the hidden content right after its button (a "Read
    /// more" over the rest of a description), and its accordion pattern puts the button in a
    /// heading and the panel right after the heading (an FAQ's answers). Extraction's step
    /// alone, like the one above.
    pub fn open_disclosures(&mut self, snap: &Snapshot) {
        for b in snap.iter().filter(|b| b.is(Tag::Button) && b.attr("aria-expanded").is_some()) {
            let opener = b.ancestors().find(|h| h.tag().is_some_and(Tag::is_heading)).unwrap_or(b);
            let panel = opener.next_element();
            if let Some(panel) = panel.filter(|p| p.is(Tag::Div) || p.is(Tag::Section)) {
                self.excluded[panel.id().index()] = false;
            }
        }
    }

    /// Closed panels of disclosures and accordions, tied to their toggle the way WAI-ARIA's
    /// patterns publish it: the toggle (`aria-expanded="false"`) names its panel by
    /// `aria-controls`, wherever the panel stands (a button in a `role="heading"` box, a link as
    /// the toggle). A toggle that opens a popup (`aria-haspopup`) opens a menu or a dialog, and a
    /// panel in a `<nav>` or `<header>` or one with a role of its own (`dialog`, `navigation`,
    /// `tooltip`) is the site's, not the page's. Extraction's step alone, like the one above.
    pub fn open_controlled_panels(&mut self, snap: &Snapshot) {
        let named: Vec<&str> = snap
            .iter()
            .filter(|t| t.attr("aria-expanded").is_some_and(|v| v.trim() == "false"))
            .filter(|t| t.attr("aria-haspopup").is_none())
            .filter_map(|t| t.attr("aria-controls"))
            .flat_map(str::split_ascii_whitespace)
            .collect();
        let site = |n: NodeRef| n.ancestors().any(|a| a.is(Tag::Nav) || a.is(Tag::Header));
        for p in snap.iter().filter(|p| !p.id_attr().is_empty() && named.contains(&p.id_attr())) {
            if p.attr("role").is_none_or(|r| r.trim() == "region") && !site(p) {
                self.excluded[p.id().index()] = false;
            }
        }
    }

    /// Closed tab panels that a reader shows, one after another. WAI-ARIA's tabs pattern: each
    /// `tab` names the `tabpanel` it shows (`aria-controls`, or the panel names its tab,
    /// `aria-labelledby`), all panels but the chosen one hidden until their tab is picked. On a
    /// product's page only the panels that hold its specifications (a table or a `<dl>`) open,
    /// however the tab set marks them (WAI-ARIA, Bootstrap's `tab-pane`, Foundation's
    /// `tabs-panel`, WooCommerce's `woocommerce-Tabs-panel`): its other tabs are its customers'
    /// reviews and its shipping terms. Extraction's step alone, like the one above.
    pub fn open_tab_panels(&mut self, snap: &Snapshot, product: bool) {
        const PANELS: [&str; 3] = ["tab-pane", "tabs-panel", "woocommerce-Tabs-panel"];
        let role = |n: &NodeRef, r: &str| n.attr("role").is_some_and(|v| v.trim() == r);
        if product {
            for n in snap.iter().filter(|n| n.is_element()) {
                let panel = role(&n, "tabpanel")
                    || n.class().split_ascii_whitespace().any(|c| PANELS.contains(&c));
                let specs = || n.descendants().any(|d| d.is(Tag::Table) || d.is(Tag::Dl));
                if panel && specs() {
                    self.excluded[n.id().index()] = false;
                }
            }
            return;
        }
        let tabs: Vec<NodeRef> = snap.iter().filter(|t| role(t, "tab")).collect();
        let names = |list: Option<&str>, id: &str| {
            !id.is_empty() && list.is_some_and(|l| l.split_ascii_whitespace().any(|x| x == id))
        };
        for panel in snap.iter().filter(|p| role(p, "tabpanel")) {
            let tied = |t: &NodeRef| {
                names(t.attr("aria-controls"), panel.id_attr())
                    || names(panel.attr("aria-labelledby"), t.id_attr())
            };
            if tabs.iter().any(tied) {
                self.excluded[panel.id().index()] = false;
            }
        }
    }

    /// Extraction's step alone, like the one above: the FAQ box its JSON-LD names.
    pub fn find_faq(&mut self, snap: &Snapshot) {
        self.faq = super::faq::json_ld_faq(snap).map(|n| n.id());
    }

    /// Nodes no reader sees as content: scripts, `<head>`, hidden boxes, menus, footers... (a
    /// node's verdict covers its subtree).
    pub fn furniture(&self, snap: &Snapshot) -> Vec<bool> {
        let mut skip = vec![false; snap.len()];
        for n in snap.iter().skip(1) {
            let i = n.id().index();
            let p = n.parent().map_or(0, |p| p.id().index());
            skip[i] = skip[p] || self.excluded[i] || self.unlikely[i];
        }
        skip
    }
}

impl<'a> Tables<'a> {
    /// Builds the tables. `take` sees every element still in the running, in document order, and
    /// says whether to move it out of the body (the byline and the title, shown in the header).
    pub fn build(
        snap: &'a Snapshot,
        base: &'a Base,
        flags: Flags,
        take: &mut dyn FnMut(NodeRef) -> bool,
    ) -> Tables<'a> {
        let len = snap.len();
        let mut gone = vec![false; len];
        // Forward: exclusion is inherited from the parent.
        let mut table_or_code = vec![false; len];
        let mut in_body = vec![false; len];
        for n in snap.iter().skip(1) {
            let i = n.id().index();
            let p = n.parent().map_or(0, |p| p.id().index());
            if gone[p] {
                gone[i] = true;
                continue;
            }
            let Some(tag) = n.tag() else { continue };
            table_or_code[i] = table_or_code[p] || matches!(tag, Tag::Table | Tag::Code);
            in_body[i] = in_body[p]
                || n.attr("itemprop")
                    .is_some_and(|v| v.split_whitespace().any(|w| w == "articleBody"));
            // A heading inside the schema.org articleBody is the story's, whatever its class
            // words say (`<h2 class="subheader">`).
            let subhead =
                in_body[p] && matches!(tag, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6);
            gone[i] = base.excluded[i]
                || take(n)
                || (flags.strip_unlikely && base.unlikely[i] && !table_or_code[p] && !subhead);
        }
        let mut t = Tables {
            snap,
            base,
            flags,
            gone,
            text: vec![0; len],
            link: vec![0.0; len],
            commas: vec![0; len],
            block_desc: vec![false; len],
            phrasing: vec![false; len],
        };
        // Reverse: every child is summed before its parent is read.
        let mut all_phrasing = vec![true; len];
        for i in (1..len).rev() {
            let n = snap.node(crate::dom::NodeId(i as u32));
            if t.gone[i] {
                continue;
            }
            if n.is_text() {
                t.text[i] = base.own_text[i];
                t.commas[i] = base.own_commas[i];
                t.phrasing[i] = true;
            } else if let Some(tag) = n.tag() {
                if tag == Tag::A {
                    let inpage = n.attr("href").is_some_and(|h| h.len() > 1 && h.starts_with('#'));
                    t.link[i] = t.text[i] as f32 * if inpage { HASH_LINK_WEIGHT } else { 1.0 };
                }
                t.phrasing[i] = is_phrasing_tag(n)
                    || (matches!(tag, Tag::A | Tag::Del | Tag::Ins) && all_phrasing[i]);
            }
            if let Some(p) = n.parent() {
                let p = p.id().index();
                t.text[p] += t.text[i];
                t.link[p] += t.link[i];
                t.commas[p] += t.commas[i];
                t.block_desc[p] |= t.block_desc[i] || n.tag().is_some_and(is_div_to_p_blocker);
                all_phrasing[p] &= t.phrasing[i];
            }
        }
        t
    }

    /// Share of a subtree's text that sits inside links.
    pub fn link_density(&self, i: usize) -> f32 {
        if self.text[i] == 0 {
            0.0
        } else {
            self.link[i] / self.text[i] as f32
        }
    }

    /// Class/id weight: +25 for content words, -25 for furniture words, per attribute.
    pub fn class_weight(&self, n: NodeRef) -> f32 {
        if self.flags.weight_classes {
            self.base.class_weight[n.id().index()]
        } else {
            0.0
        }
    }

    /// True for a box whose visible content is only formulas and embedded posts.
    pub fn is_faq(&self, n: NodeRef) -> bool {
        self.base.faq == Some(n.id()) || super::faq::is_faq(n)
    }

    pub fn holds_only_quotes(&self, n: NodeRef) -> bool {
        self.base.only_quotes[n.id().index()]
    }

    /// The one child of `n` still in the running, not counting blank text; `None` when it has
    /// none, several, or text of its own.
    pub fn only_child<'n>(&self, n: NodeRef<'n>) -> Option<NodeRef<'n>> {
        let blank =
            |c: &NodeRef| self.gone[c.id().index()] || (c.is_text() && c.text().trim().is_empty());
        let mut kids = n.children().filter(|c| !blank(c));
        match (kids.next(), kids.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}

/// The class token `hid` (an old shorthand for hidden), on its own.
fn is_hid(v: &str) -> bool {
    v.split(' ').any(|t| t == "hid")
}

//! Article extraction: find the main text of a page and its metadata, as an [`Article`].
//!
//! Pure: reads a [`Snapshot`], returns an `Article` or [`ExtractError::NoArticle`]; never touches
//! the page. The pipeline, one module per step:
//! - [`metadata`] and [`jsonld`]: what the page says about itself (title, authors, dates...);
//! - [`tables`]: per-node side tables (excluded nodes, text and link lengths), two linear passes;
//! - [`score`]: paragraphs vote for containers; the best container and its sibling pieces win;
//! - [`clean`]: share bars, link lists and empty boxes inside the article are cut, and so are
//!   lines that are only a timestamp or a gallery counter ([`stamps`]), and lists of links under
//!   a label that announces other stories, with the label ([`labels`]), and the site's sign-off
//!   ("Email Jane at ... Follow us on Twitter", [`signoffs`]), and its affiliate disclaimer
//!   ("We may earn a commission from links on this page", [`disclaimers`]);
//! - [`body`] and [`images`]: what is left becomes our own block types; a line that is only a
//!   picture's credit ([`credits`]) goes to the picture before it; the author's bio as the page's
//!   schema.org data states it ([`bios`]) goes; a heading left with nothing
//!   under it at the end, or the comments' count, is what remains of cut furniture ([`tail`]);
//! - [`listing`]: a page of entries (linked headlines over summaries) where nothing voted;
//! - [`stated`]: where the page's DOM holds nothing readable, the text its JSON-LD states;
//! - [`lead`]: the lead image, named by the metadata or found above the article;
//! - [`readerable`]: the badge's quick "is there an article?" check, and the sign-in page test
//!   that extraction shares with it (a login form is never an article).
//!
//! When an attempt yields too little text, the riskiest heuristic is switched off and the page is
//! read again (class-name guesses first), keeping the longest result: pages that name their
//! article `<div class="comment-body">` still work.

mod article;
mod base_url;
mod bios;
mod body;
mod byline;
mod class_words;
mod clean;
mod credits;
mod deferred;
mod disclaimers;
mod docs;
mod embeds;
mod faq;
mod images;
mod json;
mod jsonld;
mod kind;
mod labels;
mod landmarks;
mod lead;
mod listing;
mod metadata;
mod node_tables;
mod product;
mod readerable;
mod score;
mod signoffs;
mod specs;
mod stamps;
mod stated;
mod tail;
mod thread;
mod title;

pub use article::*;
pub use body::block_text;
pub use readerable::readerable;

use crate::dom::{NodeId, NodeRef, Snapshot, Tag};
use node_tables::{Flags, Tables};
use thiserror::Error;

/// Why no article came out of a page.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no article found")]
    NoArticle,
}

/// Options for one extraction.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's URL, used (with the document's `<base href>`) to resolve relative links and
    /// images.
    pub url: Option<String>,
    /// The element that holds the article, when a person picked it: the heuristics then only
    /// clean inside it (metadata still comes from the whole page).
    pub root: Option<NodeId>,
}

/// Reading speed used for `reading_minutes`.
const WORDS_PER_MINUTE: usize = 230;
/// An attempt that keeps fewer characters than this is retried with weaker heuristics.
const MIN_ATTEMPT_CHARS: u32 = 500;
/// Entries that hold this many times the text of the box the vote found are the page's content.
const LISTING_OVER: u32 = 2;
/// A story is at least this long; a shorter box the vote found is an intro or one entry.
const STORY_CHARS: u32 = 1000;
/// Below this many characters of body text, and less than [`MIN_ARTICLE_SHARE`] of the page's
/// text, there is no article: what was found is a scrap of a page that is about something else
/// (a home page of links, a login form). A tiny page that is all text is its own article.
const MIN_ARTICLE_CHARS: u32 = 100;
const MIN_ARTICLE_SHARE: f32 = 0.5;
/// A page where no paragraph voted, whose text is mostly this many links or more, is a
/// navigation or sign-in page: no article.
const NAV_PAGE_LINKS: usize = 3;
const NAV_PAGE_LINK_DENSITY: f32 = 0.5;

/// The attempts, from the strictest to the most lenient.
const ATTEMPTS: [Flags; 4] = [
    Flags::ALL,
    Flags { strip_unlikely: false, ..Flags::ALL },
    Flags { strip_unlikely: false, weight_classes: false, ..Flags::ALL },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
        ..Flags::ALL
    },
];

/// Posts are read without class-name guesses: forum engines name them `comment` or `reply`.
const THREAD_FLAGS: Flags = ATTEMPTS[2];

struct Attempt {
    text: u32,
    drop: Vec<bool>,
    pieces: Vec<score::Piece>,
    top: crate::dom::NodeId,
    byline: Option<String>,
    /// Visible text of the whole page, for comparison.
    page_text: u32,
    /// True when nothing but links and controls is left of a page where no paragraph voted.
    navigation: bool,
}

/// Class and id words of a comment section ("comments-area", "comment-list", `id="comments"`).
const COMMENT_WORDS: &[&str] = &["comment", "comments", "disqus"];

/// How far above an attempt's top element a comment section is looked for: the comment list and
/// its box, not the page's `<body>`, whose classes can name comments as a feature flag.
const COMMENTS_CLIMB: usize = 3;

/// True when `n` is (or is in) a comment section.
fn in_comments(n: NodeRef) -> bool {
    std::iter::once(n)
        .chain(n.ancestors().take(COMMENTS_CLIMB))
        .take_while(|x| !x.is(Tag::Body))
        .any(|x| {
            let ci = class_words::class_and_id(x);
            COMMENT_WORDS.iter().any(|w| class_words::has_token(&ci, w))
        })
}

/// Extracts the article from a snapshot.
pub fn extract(snap: &Snapshot, options: &Options) -> Result<Article, ExtractError> {
    extract_excluding(snap, options, &[])
}

/// Extracts the article, leaving out the given subtrees (sorted by id): the clutter the
/// classifier found, so a share bar or an inline "Related:" box never reaches the reader even
/// where it sits inside the article's container. The subtrees still take part in finding the
/// article and its byline and date (an author box with social links is still the byline); they
/// are only kept out of the body.
pub fn extract_excluding(
    snap: &Snapshot,
    options: &Options,
    exclude: &[NodeId],
) -> Result<Article, ExtractError> {
    let mut page = node_tables::Base::new(snap);
    page.leave_out_noscript_twins(snap);
    page.find_faq(snap);
    page.open_disclosures(snap);
    if readerable::is_sign_in_page(snap, &page) {
        return Err(ExtractError::NoArticle);
    }
    let base = base_url::document_base(snap, options.url.as_deref());
    let base = base.as_deref();
    let meta = metadata::PageMeta::read(snap);
    let site_name = meta.site_name();
    let title = title::title(snap, &meta, site_name.as_deref());
    let meta_byline = meta.byline().and_then(|b| byline::clean(&b));
    let kind = kind::read(snap, meta.json.headline.is_some());
    // A product's tabs hold its reviews beside its specifications and a thread's its tools
    // (opening a thread's closed panels emptied one validation page: docs/performance.md).
    if !kind.discussion {
        page.open_tab_panels(snap, kind.product);
        page.open_controlled_panels(snap);
    }
    let docs_body = docs::declared_body(snap);
    let declared = Declared {
        product: kind.product,
        not_article: kind.not_article || docs_body.is_some(),
        docs_body,
    };
    let product = declared.product;
    let pass = Pass { snap, page: &page, title: &title, want_byline: meta_byline.is_none() };
    let mut best: Option<Attempt> = None;
    for flags in ATTEMPTS {
        let root = options.root.as_ref().map(std::slice::from_ref);
        let a = pass.run(flags, root, &declared);
        let Some(a) = a else { continue };
        if options.root.is_some() {
            // A picked block is the article whatever its length; a looser pass only when the
            // strict one cleaned everything away.
            if a.text > 0 {
                best = Some(a);
                break;
            }
            continue;
        }
        // Under a short post the comments hold more text, and a looser attempt (class names no
        // longer held against them) finds them: they never replace an article found before. On
        // a thread with nothing before them (a forum, a Q&A page), or on a page that declares
        // itself a discussion, the posts are the content.
        if best.as_ref().is_some_and(is_article)
            && in_comments(snap.node(a.top))
            && !kind.discussion
        {
            continue;
        }
        let done = a.text >= MIN_ATTEMPT_CHARS;
        if best.as_ref().is_none_or(|b| a.text > b.text) {
            best = Some(a);
        }
        if done {
            break;
        }
    }
    // A thread's posts each vote for their own box: where the winner is one post, all are read.
    let mut a_thread = false;
    if let Some(b) = best.as_ref().filter(|b| options.root.is_none() && is_article(b)) {
        if let Some(posts) = thread::posts(snap, &page, b.top, kind.discussion) {
            let all = pass.run(THREAD_FLAGS, Some(&posts), &declared).filter(|a| a.text > b.text);
            a_thread = all.is_some();
            best = all.or(best);
        }
    }
    // A product's description that casts no vote (a spec list, short lines) is the block the
    // page declares as its description.
    let won = |b: &Attempt| is_article(b) && !in_subtrees(snap, b.top, exclude);
    let mut picked = options.root.is_some();
    if product && !picked {
        let desc = product::description(snap).filter(|d| {
            !best.as_ref().is_some_and(|b| {
                won(b)
                    && b.pieces
                        .iter()
                        .any(|p| p.first <= *d && snap.node(p.last).last_descendant().id() >= *d)
            })
        });
        if let Some(top) = desc {
            let own_page =
                Declared { product: true, not_article: declared.not_article, docs_body: None };
            let own = pass.run(ATTEMPTS[0], Some(&[top]), &own_page);
            picked = own.as_ref().is_some_and(|a| a.text > 0);
            best = if picked { own } else { best };
        }
    }
    // The vote's own pick, before a landing page's main widens it, tells a story from an intro.
    let story = best.as_ref().is_some_and(|b| won(b) && b.text >= STORY_CHARS);
    // A page that splits its text into sections (a service's landing page) crowns one section:
    // its `<main>` holds the rest.
    if !picked && !a_thread {
        if let Some(whole) = best.as_ref().and_then(|b| main_sections(&pass, b, &declared)) {
            best = Some(whole);
        }
    }
    // A listing's entries never vote: where nothing else is an article, they are the page,
    // read whole (their links are the content, not a menu to clean away).
    // So are they where what won is clutter the classifier found (a consent banner's text).
    // On a page that declares no article and no product, they are also the page where the vote
    // found one entry, or the box around the entries that the cleaning emptied: the entries
    // then hold [`LISTING_OVER`] times its text. An `og:type` article alone declares none
    // where the vote's pick is shorter than a story ([`STORY_CHARS`]). A landing page's main
    // comes first: its sections are the page, and entries must out-write them all.
    let winner = best.as_ref().filter(|b| won(b)).map(|b| (b.top, b.text));
    let article = kind.article || kind.og_article && story;
    let (mut a_listing, mut a_grid) = (false, false);
    if !picked && !a_thread && (winner.is_none() || !product && !article) {
        if let Some((read, grid)) = entries(&pass, winner, product) {
            (a_listing, a_grid) = (true, grid);
            best = Some(read);
        }
    }
    // A picked block is the article whatever its length.
    let best = best.filter(|b| if picked { b.text > 0 } else { is_article(b) });
    // Nothing readable in the DOM (an app shell, a page cloaked until its scripts run): the
    // text its JSON-LD states, if any.
    let stated = best.is_none() && !picked;
    let best = match best {
        Some(b) => b,
        None if stated => Attempt::nothing(snap),
        None => return Err(ExtractError::NoArticle),
    };
    let mut drop = best.drop.clone();
    // Shelves of other products inside a product's article are what the shop sells beside it.
    let shelves = if product { product::shelves(snap, &page, &best.pieces, &drop) } else { vec![] };
    // A reply's quote of an earlier post repeats what already reads above it.
    let posts: Vec<NodeId> = best.pieces.iter().map(|p| p.first).collect();
    let quotes = if a_thread { thread::repeated_quotes(snap, &posts) } else { vec![] };
    for id in shelves.iter().chain(&quotes).chain(exclude) {
        let n = snap.node(*id);
        drop[n.id().index()..=n.last_descendant().id().index()].fill(true);
    }
    // Each post opens with its author's name, as a small header, in place of the page's own.
    let authors: Vec<Option<String>> = (best.pieces.iter())
        .map(|p| {
            let (by, name) = thread::author(snap.node(p.first)).filter(|_| a_thread)?;
            let by = snap.node(by);
            drop[by.id().index()..=by.last_descendant().id().index()].fill(true);
            Some(name)
        })
        .collect();
    let ctx = body::Ctx { base, drop: &drop, product };
    let mut body = Vec::new();
    let mut cards = Vec::new();
    for (p, author) in best.pieces.iter().zip(authors) {
        if let Some(text) = author {
            body.push(Block::Heading { level: 6, content: vec![Inline::Text { text }] });
        }
        let blocks = body::convert_range(snap.node(p.first), snap.node(p.last), &ctx);
        if !a_grid {
            body.extend(blocks);
        } else if !blocks.is_empty() {
            cards.push(blocks);
        }
    }
    if a_grid {
        body = vec![Block::List { ordered: false, items: cards }];
    }
    if stated {
        body = stated::body(snap);
    }
    bios::drop_bios(&mut body, &meta.json.bios);
    if kind.goods {
        product::drop_repeats(&mut body);
    }
    // Teasers are told by their label only on a page that says it is one story: a listing's
    // or a service page's last section may be headed "More from ..." and be the page's own.
    tail::trim(&mut body, article && !a_listing && !a_thread);
    if a_listing {
        body = listing::as_list(body);
    }
    let mut text = String::new();
    for b in &body {
        body::block_text(b, &mut text);
        text.push('\n');
    }
    let word_count = count_words(&text);
    if word_count == 0 || (stated && (text.trim().chars().count() as u32) < MIN_ARTICLE_CHARS) {
        return Err(ExtractError::NoArticle);
    }
    let top = snap.node(best.top);
    let html = snap.document_element();
    let dir = std::iter::once(top)
        .chain(top.ancestors())
        .find_map(|n| n.attr("dir"))
        .or_else(|| html.and_then(|h| h.attr("dir")));
    let byline = meta_byline.or_else(|| best.byline.as_deref().and_then(byline::clean));
    let excerpt = meta.excerpt().or_else(|| first_paragraph(&body));
    let published_time = meta.published().or_else(|| published_in_page(snap, &best));
    let first = best.pieces.first().map_or(best.top, |p| p.first);
    let at = lead::Placement { top, first, drop: &drop };
    let lead_image = lead::lead_image(snap, &meta, &body, &at, base);
    Ok(Article {
        title,
        byline,
        site_name,
        published_time,
        lang: html
            .and_then(|h| h.attr("lang"))
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
        dir: match dir {
            Some(d) if d.trim().eq_ignore_ascii_case("rtl") => Direction::Rtl,
            _ => Direction::Ltr,
        },
        excerpt,
        lead_image,
        word_count,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE) as u32,
        url: options.url.clone(),
        body,
    })
}

/// How much more text the whole `<main>` must keep, cleaned as an article, than the section the
/// vote crowned: less is the main's furniture around one text, not more sections of it.
const MAIN_GAIN: f32 = 1.5;

/// The page's one `<main>`, read whole where the attempt `b` crowned a box strictly inside it
/// and the whole keeps [`MAIN_GAIN`] times its text. The main is read only where it holds that
/// much text outside what `b` dropped: reading it is one more attempt.
fn main_sections(pass: &Pass, b: &Attempt, declared: &Declared) -> Option<Attempt> {
    let main = landmarks::sole_main(pass.snap)?;
    if !is_article(b) || main.id() == b.top || !main.contains(pass.snap.node(b.top)) {
        return None;
    }
    let needed = b.text as f32 * MAIN_GAIN;
    let ids = main.id().index()..=main.last_descendant().id().index();
    if (pass.page.text_in(ids, &b.drop) as f32) < needed {
        return None;
    }
    let whole = pass.run(ATTEMPTS[0], Some(&[main.id()]), declared)?;
    (whole.text as f32 >= needed).then_some(whole)
}

/// The page's entries (marked by linked headlines, or else named by its JSON-LD list), read
/// whole, around or inside the vote's `winner` (its box and text) and holding [`LISTING_OVER`]
/// times its text (once, where they sit below the box's own children); `true` with them for a
/// grid of cards, each read as an item of the reader's list.
fn entries(pass: &Pass, winner: Option<(NodeId, u32)>, product: bool) -> Option<(Attempt, bool)> {
    let snap = pass.snap;
    let around = |top: NodeId| {
        let t = snap.node(top);
        winner.is_none_or(|(w, _)| {
            let w = snap.node(w);
            w.id() != top && (t.contains(w) || w.contains(t))
        })
    };
    let heads = listing::find(snap, pass.page)
        .or_else(|| listing::declared(snap, pass.page))
        .filter(|t| around(*t));
    let grid = heads.is_none().then(|| listing::cards(snap, pass.page)).flatten();
    let grid = grid.filter(|t| !product && around(*t));
    let top = heads.or(grid)?;
    let boxes: Vec<NodeId> = match grid {
        Some(g) => snap.node(g).element_children().map(|c| c.id()).collect(),
        None => vec![top],
    };
    let read = pass.run(ATTEMPTS[ATTEMPTS.len() - 1], Some(&boxes), &Declared::NONE)?;
    // Entries deep inside the vote's box (a page-wide wrapper whose cleaning cut them as link
    // lists) need only out-write it: the box keeps the site's furniture, not a story.
    let over = winner.is_none_or(|(w, text)| {
        let t = snap.node(top);
        let deep = snap.node(w).contains(t) && t.parent().is_some_and(|p| p.id() != w);
        read.text > if deep { text } else { LISTING_OVER * text }
    });
    (is_article(&read) && over).then_some((read, grid.is_some()))
}

/// True when `n` is one of the given subtrees (sorted by id) or inside one.
fn in_subtrees(snap: &Snapshot, n: NodeId, roots: &[NodeId]) -> bool {
    let at = roots.partition_point(|r| *r <= n);
    roots[..at].iter().any(|r| snap.node(*r).last_descendant().id() >= n)
}

/// Whether an attempt found an article: not a page of links and controls, and enough text, or
/// most of the page's.
fn is_article(b: &Attempt) -> bool {
    !b.navigation
        && b.text > 0
        && (b.text >= MIN_ARTICLE_CHARS || b.text as f32 >= MIN_ARTICLE_SHARE * b.page_text as f32)
}

/// What the page says it is, for every attempt: a product page (its reviews are not the
/// description), positively not an article (cleaned less: [`kind`]), a docs page with its
/// content box.
struct Declared<'a> {
    product: bool,
    not_article: bool,
    docs_body: Option<NodeRef<'a>>,
}

impl Declared<'_> {
    const NONE: Declared<'static> =
        Declared { product: false, not_article: false, docs_body: None };
}

/// What every attempt on one page shares: the page, its tables, its title, and whether the
/// byline is still to be found in the text.
struct Pass<'a> {
    snap: &'a Snapshot,
    page: &'a node_tables::Base,
    title: &'a str,
    want_byline: bool,
}

impl Pass<'_> {
    /// One attempt with `flags`, on the given boxes or on the box the vote chooses.
    fn run(&self, flags: Flags, given: Option<&[NodeId]>, declared: &Declared) -> Option<Attempt> {
        attempt(self.snap, self.page, flags, self.title, self.want_byline, given, declared)
    }
}

/// One pass of choosing and cleaning with the given heuristics.
fn attempt(
    snap: &Snapshot,
    page: &node_tables::Base,
    flags: Flags,
    title: &str,
    want_byline: bool,
    given: Option<&[NodeId]>,
    declared: &Declared,
) -> Option<Attempt> {
    let mut byline = None;
    let mut title_seen = title.is_empty();
    let mut take = |n: NodeRef| {
        // A product's reviews and questions are its readers' posts, never its description.
        if declared.product && product::is_readers_part(n) {
            return true;
        }
        if flags.strip_unlikely && landmarks::is_site_frame(n) {
            return true;
        }
        if want_byline && byline.is_none() && byline::is_byline_node(n) {
            byline = Some(byline::node_text(n));
            return true;
        }
        if !title_seen && (n.is(Tag::H1) || n.is(Tag::H2)) {
            let h = collapse_text(&n.text_content());
            if title::similarity(title, &h) > title::SAME_TITLE {
                title_seen = true;
                return true;
            }
        }
        // A headline set in a plain box (`<p class="title">`): the title, word for word; not a
        // line of preformatted text (an RFC repeats its title inside its `<pre>`).
        if !title_seen
            && is_text_box(n)
            && n.first_child().is_some_and(|t| collapse_text(t.text()) == title)
            && !n.ancestors().any(|a| a.is(Tag::Pre))
        {
            title_seen = true;
            return true;
        }
        false
    };
    let mut t = Tables::build(snap, page, flags, &mut take);
    let choice = match given {
        Some(boxes) => score::Choice {
            top: *boxes.first()?,
            pieces: boxes.iter().map(|&b| score::Piece { first: b, last: b }).collect(),
            voted: true,
        },
        None => {
            docs::fit(score::choose(&t)?, declared.docs_body.filter(|d| !t.gone[d.id().index()]))
        }
    };
    let mut cleaned = clean::clean(&t, &choice.pieces, choice.top);
    // Attempts compare what the article cleaning leaves, on every page alike; a page that is no
    // article keeps more of the box it chose.
    if declared.not_article {
        t.flags.not_article = true;
        cleaned.cut = clean::clean(&t, &choice.pieces, choice.top).cut;
    }
    // Propagated to every descendant, so that later steps can test any node directly.
    let mut drop: Vec<bool> = t.gone.iter().zip(&cleaned.cut).map(|(g, c)| *g || *c).collect();
    for n in snap.iter().skip(1) {
        if let Some(p) = n.parent() {
            drop[n.id().index()] |= drop[p.id().index()];
        }
    }
    let body = snap.find(Tag::Body);
    let page_text = body.map_or(0, |b| t.text[b.id().index()]);
    let navigation = !choice.voted
        && body.is_some_and(|b| {
            let links = b.descendants().filter(|a| a.is(Tag::A) && !t.gone[a.id().index()]).count();
            links >= NAV_PAGE_LINKS && t.link_density(b.id().index()) > NAV_PAGE_LINK_DENSITY
        });
    Some(Attempt {
        text: cleaned.text,
        drop,
        pieces: choice.pieces,
        top: choice.top,
        byline,
        page_text,
        navigation,
    })
}

impl Attempt {
    /// An attempt that found nothing, read from the whole document.
    fn nothing(snap: &Snapshot) -> Attempt {
        let drop = vec![false; snap.len()];
        let top = snap.root().id();
        Attempt {
            text: 0,
            drop,
            pieces: Vec::new(),
            top,
            byline: None,
            page_text: 0,
            navigation: false,
        }
    }
}

/// A paragraph or box holding nothing but one text node.
fn is_text_box(n: NodeRef) -> bool {
    matches!(n.tag(), Some(Tag::P | Tag::Div | Tag::Span | Tag::Strong | Tag::B))
        && n.first_child().is_some_and(|c| c.is_text() && c.next_sibling().is_none())
}

/// Words, counting each CJK character as a word (those scripts do not separate words).
///
/// An ASCII word is one word without looking at its characters one by one: decoding every
/// character of the article was 13 M of 1,760 M instructions (callgrind, all corpus pages).
fn count_words(text: &str) -> usize {
    let is_cjk = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF);
    text.split_whitespace()
        .map(|w| if w.is_ascii() { 1 } else { w.chars().filter(|&c| is_cjk(c)).count().max(1) })
        .sum()
}

/// The text of the article's first paragraph.
fn first_paragraph(body: &[Block]) -> Option<String> {
    body.iter().find_map(|b| match b {
        Block::Paragraph { content } => {
            Some(collapse_text(&inline_text(content))).filter(|t| !t.is_empty())
        }
        _ => None,
    })
}

/// A `<time datetime>` marked as the publication date, or the first one in the article.
fn published_in_page(snap: &Snapshot, best: &Attempt) -> Option<String> {
    let marked = snap.iter().find(|n| {
        n.is(Tag::Time)
            && (n.attr("pubdate").is_some()
                || n.attr("itemprop").is_some_and(|v| v.contains("datePublished")))
    });
    let in_article = || {
        best.pieces.iter().find_map(|p| {
            let end = snap.node(p.last).last_descendant().id();
            (p.first.0..=end.0)
                .map(|i| snap.node(crate::dom::NodeId(i)))
                .find(|n| n.is(Tag::Time) && n.attr("datetime").is_some())
        })
    };
    marked
        .or_else(in_article)
        .and_then(|n| n.attr("datetime"))
        .map(|d| d.trim().to_owned())
        .filter(|d| d.len() >= 10 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit))
}

/// Whitespace runs collapsed to one space, trimmed.
pub fn collapse_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s);
    out
}

/// Appends `s` to `out` with its whitespace runs collapsed to one space and its edges trimmed,
/// without a list of its words in between (this runs for every text node of the article).
pub fn push_collapsed(out: &mut String, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

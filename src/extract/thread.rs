//! Threads: a forum topic or a Q&A page is its posts in order. Each post's paragraphs vote for
//! the post's own box, so the voting crowns one post (the longest) and leaves the others out;
//! the posts are found together instead, and each is a piece of the article.
//!
//! Two ways, the published one first:
//! - schema.org microdata: the `text` (or `articleBody`) of every `Question` and `Answer` on a
//!   Q&A page (Stack Exchange, Q&A plugins; the comments under them are not the thread), or else
//!   of every `DiscussionForumPosting` and `Comment` (Discourse, XenForo, Invision, NodeBB...).
//!   A post reads as its text, without the engine's furniture around it.
//! - Structure: forum engines write each post as one of a run of sibling boxes of one tag, with
//!   one class or an id numbered after the post (phpBB's `<div id="p123" class="post">`,
//!   vBulletin's `post_123`, Reddit-style `thing`s). Climbing from the box the voting chose, the
//!   level with the most such siblings holds the posts.
//!
//! Used only where the voting's box lies inside one post: an article with comments under it
//! keeps its article.

use super::class_words::has_token;
use super::node_tables::Base;
use crate::dom::{NodeId, NodeRef, Snapshot, Tag};

/// schema.org types of a Q&A page's posts, and of a discussion's.
const QA_TYPES: [&str; 2] = ["/Question", "/Answer"];
const DISCUSSION_TYPES: [&str; 2] = ["/DiscussionForumPosting", "/Comment"];
/// How far above the voted box a run of posts is looked for.
const MAX_CLIMB: usize = 10;
/// Fewer posts than this are not a thread.
const MIN_POSTS: usize = 2;

/// The posts of the thread the voted box `top` belongs to, in document order; `None` when `top`
/// is not in a post of a thread.
///
/// Where the marked posts leave `top` out (an engine that marks its replies and not the opening
/// post), the run of sibling posts around `top` is the thread when it holds as many. On a page
/// that declares itself a discussion (`discussion`), the marked posts are the thread wherever
/// else the vote went: the box around them all, whose replies the cleaning took for comments.
pub fn posts(snap: &Snapshot, base: &Base, top: NodeId, discussion: bool) -> Option<Vec<NodeId>> {
    let top = snap.node(top);
    let holds_top = |posts: &[NodeId]| posts.iter().any(|p| snap.node(*p).contains(top));
    let marked = marked_posts(snap, base).filter(|p| p.len() >= MIN_POSTS);
    // A marked post reads as its text: what its box holds besides (the poster's details, the
    // date, the reply and like buttons, the signature) is the engine's furniture.
    let texts = |m: &[(NodeId, NodeId)]| m.iter().map(|p| p.1).collect();
    if let Some(m) =
        marked.as_ref().filter(|m| holds_top(&m.iter().map(|p| p.0).collect::<Vec<_>>()))
    {
        return Some(texts(m));
    }
    let fewest = marked.as_ref().map_or(MIN_POSTS, Vec::len);
    let run = sibling_posts(base, top).filter(|p| p.len() >= fewest && holds_top(p));
    let run = run.map(|r| text_boxes(snap, &r).unwrap_or(r));
    run.or(marked.filter(|_| discussion).map(|m| texts(&m)))
}

/// Posts marked with schema.org microdata: each post's box and its text. The box is the largest
/// around its text that holds no other post's text.
fn marked_posts(snap: &Snapshot, base: &Base) -> Option<Vec<(NodeId, NodeId)>> {
    let mut texts = Vec::new();
    for types in [&QA_TYPES, &DISCUSSION_TYPES] {
        for n in snap.iter() {
            let prop = n.attr("itemprop").unwrap_or("");
            let text = has_token(prop, "text") || has_token(prop, "articleBody");
            // A text inside another (a quoted post) is part of that post.
            if !text
                || base.is_hidden(n.id().index())
                || texts.last().is_some_and(|l: &NodeRef| l.contains(n))
            {
                continue;
            }
            let item = n.ancestors().find(|a| a.attr("itemscope").is_some());
            let kind = item.and_then(|a| a.attr("itemtype")).unwrap_or("").trim_end();
            if types.iter().any(|ty| kind.ends_with(ty)) {
                texts.push(n);
            }
        }
        if texts.len() >= MIN_POSTS {
            break;
        }
        texts.clear();
    }
    let mut boxes = Vec::new();
    for t in &texts {
        let mut post = *t;
        while let Some(p) = post.parent().filter(|p| p.parent().is_some()) {
            if texts.iter().any(|o| o != t && p.contains(*o)) {
                break;
            }
            post = p;
        }
        boxes.push((post.id(), t.id()));
    }
    (!boxes.is_empty()).then_some(boxes)
}

/// Posts as a run of sibling boxes of one kind around the voted box: the level with the most.
fn sibling_posts(base: &Base, top: NodeRef) -> Option<Vec<NodeId>> {
    let mut best: Vec<NodeId> = Vec::new();
    let mut a = top;
    for _ in 0..MAX_CLIMB {
        let Some(parent) = a.parent() else { break };
        if let Some(own) = kind(a) {
            let mut run = Vec::new();
            for s in parent.element_children() {
                if s.tag() == a.tag()
                    && !base.is_hidden(s.id().index())
                    && kind(s).is_some_and(|k| same_kind(k, own))
                {
                    run.push(s.id());
                }
            }
            if run.len() > best.len() {
                best = run;
            }
        }
        a = parent;
    }
    (best.len() >= MIN_POSTS).then_some(best)
}

/// Words forum engines build their posts' ids and classes from: phpBB's `p123` and `post`,
/// vBulletin's and MyBB's `post_123`, SMF's `msg123`, XenForo's `message`, Invision's
/// `elComment_123`, Vanilla's `Comment_123`, Stack Exchange's `answer-123`, `reply`...
const POST_WORDS: [&str; 6] = ["post", "comment", "reply", "message", "msg", "answer"];

/// What makes boxes one kind: an id numbered after the post (`true`), or else the first class
/// name; either naming a post.
fn kind<'a>(n: NodeRef<'a>) -> Option<(bool, &'a str)> {
    let id = n.id_attr();
    if id.bytes().any(|b| b.is_ascii_digit()) && names_post(id) {
        return Some((true, id));
    }
    let class = n.class().split_ascii_whitespace().next()?;
    names_post(class).then_some((false, class))
}

/// Numbered ids are one kind when they match without their digits.
fn same_kind(a: (bool, &str), b: (bool, &str)) -> bool {
    let bare = |s: &str| s.bytes().filter(|c| !c.is_ascii_digit()).collect::<Vec<u8>>();
    a.0 == b.0 && if a.0 { bare(a.1) == bare(b.1) } else { a.1 == b.1 }
}

fn names_post(s: &str) -> bool {
    let s = s.as_bytes();
    let has = |w: &str| s.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes()));
    (s.len() > 1 && s[0] == b'p' && s[1..].iter().all(u8::is_ascii_digit))
        || POST_WORDS.iter().any(|w| has(w))
}

/// Class names forum engines give the box of a post's own text: phpBB's and vBulletin's
/// `content`, XenForo's `bbWrapper` (`messageText` in version 1), vBulletin 4's `postcontent`,
/// MyBB's `post_body`, Discourse's `cooked`, Discuz's `t_f`, Stack Exchange's `js-post-body`.
const TEXT_BOX_CLASSES: [&str; 8] = [
    "content",
    "bbWrapper",
    "messageText",
    "postcontent",
    "post_body",
    "cooked",
    "t_f",
    "js-post-body",
];

/// True for the box of a post's own text, by its engine's class name, or the attribute
/// Invision (`data-role="commentContent"`) and NodeBB (`component="post/content"`) mark it with.
fn is_text_box(n: NodeRef) -> bool {
    let class = n.class();
    TEXT_BOX_CLASSES.iter().any(|c| has_token(class, c))
        || n.attr("data-role") == Some("commentContent")
        || n.attr("component") == Some("post/content")
}

/// The box of an unmarked post's own text, when the post holds one and only one: what the post
/// holds besides is its engine's furniture (the poster's profile, post count and join date, the
/// post's title and date line, its buttons and signature).
fn text_box(post: NodeRef) -> Option<NodeRef> {
    let mut boxes = post.descendants().filter(|d| is_text_box(*d));
    let first = boxes.next()?;
    boxes.all(|b| first.contains(b)).then_some(first)
}

/// The text boxes of a run of unmarked posts, when every post holds one, of one class: an engine
/// writes every post alike, and a box in one post only is something else (a quote's).
fn text_boxes(snap: &Snapshot, run: &[NodeId]) -> Option<Vec<NodeId>> {
    let boxes: Option<Vec<NodeRef>> = run.iter().map(|p| text_box(snap.node(*p))).collect();
    let boxes = boxes?;
    let alike = boxes.windows(2).all(|w| w[0].class() == w[1].class());
    alike.then(|| boxes.iter().map(NodeRef::id).collect())
}

/// The post a piece of a thread reads from: the piece itself, or where the piece is a post's
/// text, the post around it: its item when marked, else the largest box around the engine's text
/// box that holds no other (a post's profile sits beside its text, a level or two up).
fn post_of(piece: NodeRef) -> NodeRef {
    if attr_holds(piece, "itemprop", "text") || attr_holds(piece, "itemprop", "articleBody") {
        return piece.ancestors().find(|a| a.attr("itemscope").is_some()).unwrap_or(piece);
    }
    if !is_text_box(piece) {
        return piece;
    }
    let mut post = piece;
    for _ in 0..MAX_CLIMB {
        let Some(p) = post.parent().filter(|p| p.parent().is_some()) else { break };
        if p.descendants().any(|d| d != piece && is_text_box(d) && !piece.contains(d)) {
            break;
        }
        post = p;
    }
    post
}

/// Class names forum engines give the box of a poster's profile beside each post: phpBB's
/// `<dl class="postprofile">`, FluxBB's and PunBB's `<div class="postleft"><dl>`.
const PROFILE_CLASSES: [&str; 2] = ["postprofile", "postleft"];

fn is_profile(b: NodeRef) -> bool {
    PROFILE_CLASSES.iter().any(|c| has_token(b.class(), c))
}

/// True for a line of a poster's details in a post's profile (post count, join date, rank,
/// location, avatar): the engine writes the poster's name as the profile list's `<dt>` and each
/// detail as a `<dd>`. The name stays, as the post's byline; the details are the engine's, the
/// same beside every post of the poster.
pub fn is_poster_detail(n: NodeRef) -> bool {
    let Some(list) = n.parent().filter(|p| p.is(Tag::Dl)) else { return false };
    is_profile(list) || list.parent().is_some_and(is_profile)
}

/// True for a post of an engine that writes a profile beside each post, for the box of its
/// body beside the profile, and for a box of such posts: their links (the poster's name, the
/// post's title and permalink) make a short post look like a link list, but it is the thread's.
pub fn holds_poster_profile(n: NodeRef) -> bool {
    n.descendants().any(is_profile)
        || n.parent().is_some_and(|p| p.element_children().any(is_profile))
}

/// Longest title of a reply: a longer heading is a section of an article.
const MAX_REPLY_TITLE_CHARS: usize = 200;

/// True for a reply's title as forum engines write it above each reply: the topic's title after
/// "Re: ", as mail clients have always titled replies. The topic's title heads the page already.
pub fn is_reply_title(n: NodeRef) -> bool {
    let text = n.text_cow();
    let text = text.trim_start();
    text.len() <= MAX_REPLY_TITLE_CHARS
        && text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("re:"))
}

/// Whether `n`'s attribute `attr` holds the token `word` (`itemprop="text"`, `rel="author"`).
fn attr_holds(n: NodeRef, attr: &str, word: &str) -> bool {
    has_token(n.attr(attr).unwrap_or(""), word)
}

/// Longest name taken for a post's author: a longer text is a box of the author's details.
const MAX_AUTHOR_CHARS: usize = 60;

/// The author of a post and the element that names them: schema.org's `author` (its `name`,
/// in the text or a `<meta content>`), a link with `rel="author"`, or the `username` box phpBB,
/// vBulletin, XenForo and MyBB put the poster's name in. A post read as its text is looked up in
/// the post around it ([`post_of`]), where the author sits beside the text.
pub fn author(piece: NodeRef) -> Option<(NodeId, String)> {
    let by = post_of(piece).descendants().find(|n| {
        attr_holds(*n, "itemprop", "author")
            || attr_holds(*n, "rel", "author")
            || attr_holds(*n, "class", "username")
    })?;
    let name = by.descendants().find(|d| attr_holds(*d, "itemprop", "name")).unwrap_or(by);
    let name = super::collapse_text(
        &name.attr("content").map_or_else(|| name.text_content(), str::to_owned),
    );
    (!name.is_empty() && name.chars().count() <= MAX_AUTHOR_CHARS).then_some((by.id(), name))
}

/// Share of a quote's text that must repeat an earlier post for the quote to be that post's.
const QUOTED_SHARE: f32 = 0.6;
/// Shortest line of a quote matched against earlier posts: shorter lines (a greeting) repeat
/// anywhere.
const QUOTED_LINE_CHARS: usize = 20;

/// The quotes in a thread's posts that repeat an earlier post (a reply quoting what it answers,
/// as every forum engine sets it: a `<blockquote>` with the quoted poster's name above): the
/// earlier post already reads in its place, so the reply reads without it.
pub fn repeated_quotes(snap: &Snapshot, posts: &[NodeId]) -> Vec<NodeId> {
    let mut quotes = Vec::new();
    let mut earlier = String::new();
    for post in posts.iter().map(|p| snap.node(*p)) {
        for q in post.descendants().filter(|d| d.is(Tag::Blockquote)) {
            if quotes.iter().any(|l: &NodeId| snap.node(*l).contains(q)) {
                continue;
            }
            let (mut all, mut seen) = (0, 0);
            // A quote's own text: a post's text may itself be a `<blockquote>` (XenForo 1)
            // around the quote it answers.
            let own = |t: &NodeRef| t.ancestors().find(|a| a.is(Tag::Blockquote)) == Some(q);
            for t in q.descendants().filter(|t| t.is_text() && own(t)) {
                let line = super::collapse_text(t.text());
                let n = line.chars().count();
                all += n;
                if n >= QUOTED_LINE_CHARS && earlier.contains(&line) {
                    seen += n;
                }
            }
            if all > 0 && seen as f32 >= QUOTED_SHARE * all as f32 {
                quotes.push(q.id());
            }
        }
        super::push_collapsed(&mut earlier, &post.text_content());
        earlier.push(' ');
    }
    quotes
}

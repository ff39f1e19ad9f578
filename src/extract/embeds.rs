//! Embedded videos and posts -> a card in the reader: the frame's title when it has one, a
//! quoted post's text, and a link to the embed's address or the post's.
//!
//! Why a card and not the embed: a player or a post widget is a third-party frame with script;
//! the reader loads nothing from elsewhere until the person follows the link. Dropping embeds
//! silently (as before) lost the video a story was about.
//!
//! Which provider it is and the original's address (a YouTube player URL -> the watch page) are
//! worked out by the extension as the reader opens (`extension/embeds.js`, from the providers'
//! published embed URL formats): that table costs nothing in the wasm. Posts quoted as the
//! providers' blockquote embed codes keep their text inside the card ([`post`]); the lite
//! players' custom elements become cards like the frames they stand for ([`lite_player`]).

use super::Block;
use crate::dom::{NodeRef, Tag};
use crate::url::resolve_link;

/// The address an `<iframe>`, `<embed>` or `<object>` shows; lazy-loading scripts keep an
/// iframe's real address in `data-src` until it scrolls in.
fn source<'a>(el: NodeRef<'a>) -> Option<&'a str> {
    let attr = match el.tag() {
        Some(Tag::Iframe) => {
            return ["src", "data-src"]
                .iter()
                .filter_map(|a| el.attr(a))
                .find(|s| s.trim_start().starts_with("http") || s.trim_start().starts_with("//"))
        }
        Some(Tag::Object) => "data",
        _ => "src",
    };
    el.attr(attr)
}

/// The card for an embedded frame, if it points anywhere the reader may link to.
pub fn frame(el: NodeRef, base: Option<&str>) -> Option<Block> {
    let url = resolve_link(base, source(el)?).filter(|u| u.starts_with("http"))?;
    let title = el.attr("title").map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    Some(Block::Embed { title, url, quote: Vec::new() })
}

/// The original of a post quoted as its provider's blockquote embed code (X's `twitter-tweet`,
/// `instagram-media`, `tiktok-embed`, `bluesky-embed`, `mastodon-embed`...): the blockquote's
/// `cite` (TikTok's code sets it), else the link with the longest address (query left out),
/// which in every such code is the post's own (its date or "View on ..." link; the others go to
/// profiles, tags, communities and short links).
pub fn post(el: NodeRef, base: Option<&str>) -> Option<String> {
    if !super::node_tables::is_embedded_post(el) {
        return None;
    }
    let path = |h: &&str| h.split(['?', '#']).next().map_or(0, str::len);
    let links = el.descendants().filter(|d| d.is(Tag::A)).filter_map(|a| a.attr("href"));
    let href = el.attr("cite").or_else(|| links.max_by_key(path))?;
    resolve_link(base, href).filter(|u| u.starts_with("http"))
}

/// Lite players, the custom elements that stand in for a YouTube or Vimeo player until
/// clicked (`<lite-youtube videoid>`, `<lite-vimeo videoid>`, as their packages publish them):
/// a card linking to the player's address, titled by its play label.
pub fn lite_player(el: NodeRef) -> Option<Block> {
    let player = match el.name() {
        "lite-youtube" => "https://www.youtube.com/embed/",
        "lite-vimeo" => "https://player.vimeo.com/video/",
        _ => return None,
    };
    let id = el.attr("videoid")?.trim();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return None;
    }
    let title = ["playlabel", "title"].iter().find_map(|a| el.attr(a)).map(str::trim);
    Some(Block::Embed {
        title: title.filter(|t| !t.is_empty()).map(str::to_owned),
        url: format!("{player}{id}"),
        quote: Vec::new(),
    })
}

/// Whether extraction's cleaning keeps this frame for a card: an embed player's address (the
/// providers' embed URLs all have an `/embed` or `/video/` part) or a titled frame (what
/// accessible embed codes give). Ad frames are the clutter classifier's and never get here.
pub fn kept(el: NodeRef) -> bool {
    let Some(src) = source(el) else { return false };
    el.attr("title").is_some_and(|t| !t.trim().is_empty())
        || src.contains("/embed")
        || src.contains("/video/")
}

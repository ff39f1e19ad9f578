//! Embedded videos and posts -> a card in the reader: the frame's title when it has one and a
//! link to the embed's address.
//!
//! Why a card and not the embed: a player or a post widget is a third-party frame with script;
//! the reader loads nothing from elsewhere until the person follows the link. Dropping embeds
//! silently (as before) lost the video a story was about.
//!
//! Which provider it is and the original's address (a YouTube player URL -> the watch page) are
//! worked out by the extension as the reader opens (`extension/embeds.js`, from the providers'
//! published embed URL formats): that table costs nothing in the wasm, which is at its size
//! budget. Posts quoted as the providers' blockquote embed codes (`twitter-tweet`,
//! `instagram-media`, `tiktok-embed`) need nothing here: they are quotes, and the reader keeps
//! their text and their permalink (the date link under a tweet).

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
    Some(Block::Embed { title, url })
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

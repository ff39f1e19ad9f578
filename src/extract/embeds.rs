//! Embedded videos and posts -> a card in the reader: who provides it, its title when the markup
//! has one, and a link to the original.
//!
//! Why a card and not the embed: a player or a post widget is a third-party frame with script;
//! the reader loads nothing from elsewhere until the person follows the link. Dropping embeds
//! silently (as before) lost the video a story was about.
//!
//! Providers are told by their published embed URL formats (host and path), not by page class
//! names: `youtube.com/embed/ID`, `player.vimeo.com/video/ID`, `platform.twitter.com/embed/
//! Tweet.html?id=ID`, `instagram.com/p/CODE/embed`, `tiktok.com/embed/v2/ID`, Mastodon's
//! `/@user/ID/embed`. Posts quoted as the providers' blockquote markup (`twitter-tweet`,
//! `instagram-media`, `tiktok-embed`, `mastodon-embed`, the classes their embed codes ship)
//! keep their text as a quote (the caller does that) and get the card for the link.

use super::Block;
use crate::dom::{NodeRef, Tag};
use crate::url::resolve_link;

/// Class names of the providers' own blockquote embed codes.
const POST_CLASSES: &[&str] =
    &["twitter-tweet", "instagram-media", "tiktok-embed", "mastodon-embed"];

/// The card for an `<iframe>`, `<embed>`, `<object>` or lite player element (`<lite-youtube
/// videoid>`, `<lite-vimeo videoid>`), if it points anywhere the reader may link to.
pub fn frame(el: NodeRef, base: Option<&str>) -> Option<Block> {
    let src = match el.tag() {
        Some(Tag::Iframe) => {
            // Lazy-loading scripts keep the real address in data-src until it scrolls in.
            ["src", "data-src", "data-lazy-src"]
                .iter()
                .filter_map(|a| el.attr(a))
                .find(|s| !s.trim().is_empty() && !s.trim().starts_with("about:"))?
                .to_owned()
        }
        Some(Tag::Embed) => el.attr("src")?.to_owned(),
        Some(Tag::Object) => el.attr("data")?.to_owned(),
        _ => {
            let id = el.attr("videoid").filter(|v| is_id(v))?;
            match el.name() {
                "lite-youtube" => format!("https://www.youtube.com/embed/{id}"),
                "lite-vimeo" => format!("https://player.vimeo.com/video/{id}"),
                _ => return None,
            }
        }
    };
    let url = resolve_link(base, &src).filter(|u| u.starts_with("http"))?;
    let (provider, original) = recognise(&url);
    let title = el
        .attr("title")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && !is_generic_title(t));
    Some(Block::Embed { provider, title, url: original })
}

/// The card for a provider's blockquote embed (its text is kept by the caller), if `el` is one.
pub fn post(el: NodeRef, base: Option<&str>) -> Option<Block> {
    if !POST_CLASSES.iter().any(|c| el.has_class(c)) {
        return None;
    }
    // The permalink: an attribute of the embed code, or else the post's last link (the date
    // line under a tweet's text).
    let named =
        ["cite", "data-instgrm-permalink", "data-embed-url"].iter().find_map(|a| el.attr(a));
    let last_link =
        || el.descendants().filter(|d| d.is(Tag::A)).filter_map(|a| a.attr("href")).last();
    let url = resolve_link(base, named.or_else(last_link)?).filter(|u| u.starts_with("http"))?;
    let (provider, original) = recognise(&url);
    Some(Block::Embed { provider, title: None, url: original })
}

/// Whether extraction's cleaning keeps this frame for a card: a known provider's embed, or a
/// frame with a title (what accessible embed codes give) that is not a pixel-sized tracker.
pub fn kept(el: NodeRef) -> bool {
    let src = ["src", "data-src"].iter().filter_map(|a| el.attr(a)).find(|s| s.starts_with("http"));
    let Some(src) = src else { return false };
    let (provider, _) = recognise(src);
    let tiny = ["width", "height"]
        .iter()
        .any(|a| el.attr(a).and_then(|v| v.trim().parse::<u32>().ok()).is_some_and(|v| v <= 2));
    let named = el.attr("title").is_some_and(|t| !t.trim().is_empty());
    !tiny && (provider.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || named)
}

/// "YouTube video player", "Embedded content": a frame title that names no video.
fn is_generic_title(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    t.ends_with(" player") || t.starts_with("embed") || t == "iframe"
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The provider's name and the original's address for an embed URL; unknown hosts are named by
/// their host and linked as they are.
fn recognise(url: &str) -> (String, String) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..host_end].rsplit('@').next().unwrap_or_default().to_ascii_lowercase();
    let host = host.split(':').next().unwrap_or_default();
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
    let after = &rest[host_end..];
    let path = &after[..after.find(['?', '#']).unwrap_or(after.len())];
    let query = after.split_once('?').map_or("", |(_, q)| q.split('#').next().unwrap_or(""));
    let segment = |prefix: &str| {
        path.strip_prefix(prefix).and_then(|r| r.split('/').next()).filter(|s| is_id(s))
    };
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .filter(|v| is_id(v))
    };
    let known = |p: &str, u: String| (p.to_owned(), u);
    match host {
        "youtube.com" | "youtube-nocookie.com" => {
            if let Some(id) = segment("/embed/").or_else(|| segment("/shorts/")) {
                return known("YouTube", format!("https://www.youtube.com/watch?v={id}"));
            }
            return known("YouTube", url.to_owned());
        }
        "youtu.be" => {
            if let Some(id) = segment("/") {
                return known("YouTube", format!("https://www.youtube.com/watch?v={id}"));
            }
        }
        "player.vimeo.com" => {
            if let Some(id) = segment("/video/") {
                return known("Vimeo", format!("https://vimeo.com/{id}"));
            }
        }
        "vimeo.com" => return known("Vimeo", url.to_owned()),
        "platform.twitter.com" | "twitter.com" | "x.com" => {
            if let Some(id) = param("id").filter(|_| path.starts_with("/embed/")) {
                return known("X", format!("https://x.com/i/web/status/{id}"));
            }
            // A post's address without the embed code's tracking query.
            if path.contains("/status/") {
                return known("X", url[..url.len() - after.len() + path.len()].to_owned());
            }
            return known("X", url.to_owned());
        }
        "instagram.com" => {
            for kind in ["p", "reel", "tv"] {
                if let Some(code) = segment(&format!("/{kind}/")) {
                    return known("Instagram", format!("https://www.instagram.com/{kind}/{code}/"));
                }
            }
            return known("Instagram", url.to_owned());
        }
        "tiktok.com" => return known("TikTok", url.to_owned()),
        _ => {}
    }
    // Mastodon (any server): /@user/ID/embed or /users/user/statuses/ID/embed.
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mastodon = match segments.as_slice() {
        [user, id, "embed"] => user.starts_with('@') && id.bytes().all(|b| b.is_ascii_digit()),
        [u, _, s, id, "embed"] => {
            *u == "users" && *s == "statuses" && id.bytes().all(|b| b.is_ascii_digit())
        }
        [user, id] => {
            user.starts_with('@') && id.len() > 5 && id.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    if mastodon {
        let original = url.split_once("/embed").map_or(url, |(before, _)| before);
        return (format!("Mastodon ({host})"), original.to_owned());
    }
    (host.to_owned(), url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::recognise;

    #[test]
    fn providers_by_their_embed_urls() {
        let cases = [
            (
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
                "YouTube",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ",
                "YouTube",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (
                "https://player.vimeo.com/video/76979871?h=8272103f6e",
                "Vimeo",
                "https://vimeo.com/76979871",
            ),
            (
                "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1460323737035677698",
                "X",
                "https://x.com/i/web/status/1460323737035677698",
            ),
            (
                "https://www.instagram.com/p/CxYz123/embed/captioned/",
                "Instagram",
                "https://www.instagram.com/p/CxYz123/",
            ),
            (
                "https://www.tiktok.com/embed/v2/7106594312292453675",
                "TikTok",
                "https://www.tiktok.com/embed/v2/7106594312292453675",
            ),
            (
                "https://mastodon.social/@Gargron/109315394445377283/embed",
                "Mastodon (mastodon.social)",
                "https://mastodon.social/@Gargron/109315394445377283",
            ),
            (
                "https://maps.example.org/embed?q=harbour",
                "maps.example.org",
                "https://maps.example.org/embed?q=harbour",
            ),
        ];
        for (url, provider, original) in cases {
            assert_eq!(recognise(url), (provider.to_owned(), original.to_owned()), "{url}");
        }
    }
}

//! Choosing an image's real source: the largest `srcset`/`<picture>` candidate, or the lazy-load
//! attribute (`data-src`, `data-original`, ...) when `src` is only a placeholder.

use super::Image;
use crate::dom::{NodeRef, Tag};
use crate::render::url::resolve_image;

/// Attributes lazy loaders keep the real source in, most specific first.
const LAZY_SRC: &[&str] = &[
    "data-src", "data-lazy-src", "data-original", "data-orig-file", "data-hi-res-src", "data-full-src",
    "data-url", "data-lazy", "data-echo", "data-image", "data-img-src", "data-actualsrc",
];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];
/// Words in a `src` that mark a placeholder rather than the picture.
const PLACEHOLDER: &[&str] = &["placeholder", "blank.", "spacer.", "pixel.", "grey.gif", "transparent.", "loading."];
/// Images with a declared side smaller than this are icons, pixels or avatars.
const MIN_SIDE: u32 = 48;
/// A `data:` URL this short is a placeholder, not a picture.
const MIN_DATA_URL: usize = 200;
/// File endings that make an attribute value an image URL.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];

/// The best source for an `img` or `picture`, resolved and checked, with alt text and size.
pub fn image(el: NodeRef, base: Option<&str>) -> Option<Image> {
    let img = if el.is(Tag::Img) { Some(el) } else { el.descendants().find(|d| d.is(Tag::Img)) };
    let dim = |n: Option<NodeRef>, a: &str| n.and_then(|n| n.attr(a)).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
    let (width, height) = (dim(img, "width"), dim(img, "height"));
    if width.is_some_and(|w| w < MIN_SIDE) || height.is_some_and(|h| h < MIN_SIDE) {
        return None;
    }
    let picture = if el.is(Tag::Picture) { Some(el) } else { img.and_then(|i| i.parent()).filter(|p| p.is(Tag::Picture)) };
    let mut src = None;
    if let Some(p) = picture {
        src = p
            .element_children()
            .filter(|s| s.is(Tag::Source))
            .find_map(|s| LAZY_SRCSET.iter().find_map(|a| s.attr(a)).and_then(largest));
    }
    if let Some(i) = img {
        src = src
            .or_else(|| LAZY_SRCSET.iter().find_map(|a| i.attr(a)).and_then(largest))
            .or_else(|| LAZY_SRC.iter().find_map(|a| i.attr(a)).filter(|v| !v.trim().is_empty()).map(str::to_owned))
            .or_else(|| i.attr("src").filter(|s| !is_placeholder(s)).map(str::to_owned))
            .or_else(|| {
                i.attrs()
                    .map(|(_, v)| v.trim())
                    .find(|v| !v.contains(' ') && IMAGE_ENDINGS.iter().any(|e| v.to_ascii_lowercase().split('?').next().unwrap_or("").ends_with(e)))
                    .map(str::to_owned)
            });
    }
    let src = resolve_image(base, &src?)?;
    let alt = img.and_then(|i| i.attr("alt")).map(super::collapse_text).unwrap_or_default();
    Some(Image { src, alt, width, height, ..Image::default() })
}

fn is_placeholder(src: &str) -> bool {
    let s = src.trim().to_ascii_lowercase();
    s.is_empty() || (s.starts_with("data:") && s.len() < MIN_DATA_URL) || PLACEHOLDER.iter().any(|p| s.contains(p))
}

/// The largest candidate of a `srcset` (by width descriptor, else density), per the HTML syntax:
/// a URL runs to whitespace, descriptors run to the next comma.
pub fn largest(srcset: &str) -> Option<String> {
    let mut best: Option<(f32, &str)> = None;
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..url_end];
        rest = &rest[url_end..];
        let mut descriptor = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d_end = rest.find(',').unwrap_or(rest.len());
            descriptor = rest[..d_end].trim();
            rest = &rest[d_end..];
        }
        let value = descriptor
            .strip_suffix('w')
            .and_then(|w| w.trim().parse::<f32>().ok())
            .or_else(|| descriptor.strip_suffix('x').and_then(|x| x.trim().parse::<f32>().ok()).map(|x| x * 1000.0))
            .unwrap_or(1000.0);
        if !url.is_empty() && best.is_none_or(|(v, _)| value > v) {
            best = Some((value, url));
        }
    }
    best.map(|(_, u)| u.to_owned())
}

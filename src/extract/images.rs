//! Choosing an image's real source: the largest `srcset`/`<picture>` candidate, or the lazy-load
//! attribute (`data-src`, `data-original`, ...) when `src` is only a placeholder; and the
//! picture of a figure whose `img` a script has yet to write ([`placeholder`]).

use super::Image;
use crate::dom::{NodeRef, Tag};
use crate::url::resolve_image;

/// Attributes lazy loaders keep the real source in, most specific first.
const LAZY_SRC: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-orig-file",
    "data-hi-res-src",
    "data-full-src",
    "data-url",
    "data-lazy",
    "data-echo",
    "data-image",
    "data-img-src",
    "data-actualsrc",
];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];
/// Words in a `src` that mark a placeholder rather than the picture.
const PLACEHOLDER: &[&str] =
    &["placeholder", "blank.", "spacer.", "pixel.", "grey.gif", "transparent.", "loading."];
/// Images with a declared side smaller than this are icons, pixels or avatars.
const MIN_SIDE: u32 = 48;
/// A `data:` URL this short is a placeholder, not a picture.
const MIN_DATA_URL: usize = 200;
/// File endings that make an attribute value an image URL.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];

/// The best source for an `img` or `picture`, resolved and checked, with alt text and size.
pub fn image(el: NodeRef, base: Option<&str>) -> Option<Image> {
    let img = if el.is(Tag::Img) { Some(el) } else { el.descendants().find(|d| d.is(Tag::Img)) };
    let dim = |n: Option<NodeRef>, a: &str| {
        n.and_then(|n| n.attr(a)).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    let (width, height) = (dim(img, "width"), dim(img, "height"));
    if width.is_some_and(|w| w < MIN_SIDE) || height.is_some_and(|h| h < MIN_SIDE) {
        return None;
    }
    let src = resolve_image(base, &source(el, img)?)?;
    let alt = img.and_then(|i| i.attr("alt")).map(super::collapse_text).unwrap_or_default();
    Some(Image { src, alt, width, height, ..Image::default() })
}

/// The source of an `img` or `picture` (`img` is its image element) as written: the largest
/// candidate of all its `srcset`s (every `<source>` of a picture: the first is often a phone's
/// crop), else the lazy loader's attribute, else a `src` that is no placeholder, else any
/// attribute holding an image's address.
fn source(el: NodeRef, img: Option<NodeRef>) -> Option<String> {
    let picture = if el.is(Tag::Picture) {
        Some(el)
    } else {
        img.and_then(|i| i.parent()).filter(|p| p.is(Tag::Picture))
    };
    let sources =
        picture.into_iter().flat_map(|p| p.element_children()).filter(|s| s.is(Tag::Source));
    largest(sources.chain(img).filter_map(srcset)).or_else(|| {
        let i = img?;
        LAZY_SRC
            .iter()
            .find_map(|a| i.attr(a))
            .filter(|v| !v.trim().is_empty())
            .or_else(|| i.attr("src").filter(|s| !is_placeholder(s)))
            .or_else(|| i.attrs().map(|(_, v)| v.trim()).find(|v| is_image_url(v)))
            .map(str::to_owned)
    })
}

/// Which of a picture and its `<noscript>` twin (the `img` or `picture` before a noscript that
/// holds one, past at most two empty placeholders such as the `<canvas>` a blur-up loader paints
/// into) the reader leaves out: the noscript when a lazy loader holds the twin's real source,
/// else the twin (a placeholder, an inline low-quality preview, or the same picture again). Both
/// are one picture; showing both showed it twice.
pub fn noscript_twin_left_out(noscript: NodeRef) -> Option<NodeRef> {
    noscript.first_child()?;
    let mut twin = noscript.prev_element()?;
    for _ in 0..2 {
        let empty = twin.first_child().is_none() && !matches!(twin.tag(), Some(Tag::Img));
        if !empty {
            break;
        }
        twin = twin.prev_element()?;
    }
    if !matches!(twin.tag(), Some(Tag::Img | Tag::Picture)) {
        return None;
    }
    Some(if twin.descendants().any(is_lazy) { noscript } else { twin })
}

/// The picture of a `<figure>` that has no `img` yet: a script swaps one in for the box that
/// holds its address (`<div class="js-delayed-image-load" data-src=... data-alt=...>`), as
/// Readability does for a figure's own attributes.
pub fn placeholder(figure: NodeRef, base: Option<&str>) -> Option<Image> {
    let (el, src) = figure.descendants().filter(|d| d.is_element()).find_map(|d| {
        let lazy = LAZY_SRC.iter().find_map(|a| d.attr(a)).filter(|v| !v.trim().is_empty());
        lazy.or_else(|| d.attrs().map(|(_, v)| v.trim()).find(|v| is_image_url(v))).map(|v| (d, v))
    })?;
    let dim = |a: &str| el.attr(a).and_then(|v| v.trim().parse::<u32>().ok());
    let (width, height) = (dim("data-width"), dim("data-height"));
    if width.is_some_and(|w| w < MIN_SIDE) || height.is_some_and(|h| h < MIN_SIDE) {
        return None;
    }
    let alt = el
        .attr("data-alt")
        .or_else(|| el.attr("alt"))
        .map(super::collapse_text)
        .unwrap_or_default();
    Some(Image { src: resolve_image(base, src)?, alt, width, height, ..Image::default() })
}

/// A value that is an image's address: one word that ends in an image file's ending.
fn is_image_url(v: &str) -> bool {
    !v.contains(' ')
        && IMAGE_ENDINGS
            .iter()
            .any(|e| v.to_ascii_lowercase().split('?').next().unwrap_or("").ends_with(e))
}

fn is_placeholder(src: &str) -> bool {
    let s = src.trim().to_ascii_lowercase();
    s.is_empty()
        || (s.starts_with("data:") && s.len() < MIN_DATA_URL)
        || PLACEHOLDER.iter().any(|p| s.contains(p))
}

/// The `srcset` of an `img` or `source`, lazy-loaders' attributes first.
pub fn srcset<'a>(el: NodeRef<'a>) -> Option<&'a str> {
    LAZY_SRCSET.iter().find_map(|a| el.attr(a))
}

/// True when a lazy loader holds the image's real source (`data-src`, `data-srcset`...).
pub fn is_lazy(img: NodeRef) -> bool {
    LAZY_SRC.iter().chain(LAZY_SRCSET).any(|a| *a != "srcset" && img.attr(a).is_some())
}

/// The largest candidate of some `srcset`s (by width descriptor, else density).
fn largest<'a>(srcsets: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f32, &str)> = None;
    for (size, url) in srcsets.flat_map(candidates) {
        let value = match size {
            Size::Width(w) => w,
            Size::Density(x) => x * DENSITY_RANK,
        };
        if best.is_none_or(|(v, _)| value > v) {
            best = Some((value, url));
        }
    }
    best.map(|(_, u)| u.to_owned())
}

/// The largest width descriptor (`1600w`) of a `srcset`, if it has any.
pub fn widest_descriptor(srcset: &str) -> Option<u32> {
    candidates(srcset)
        .filter_map(|(size, _)| match size {
            Size::Width(w) => Some(w as u32),
            Size::Density(_) => None,
        })
        .max()
}

/// A density descriptor (`2x`) ranks as a width this many times its value, among widths.
const DENSITY_RANK: f32 = 1000.0;

/// A `srcset` candidate's descriptor.
enum Size {
    Width(f32),
    Density(f32),
}

/// A descriptor's number, with the grammar of `f32::from_str` (sign, digits, fraction, exponent,
/// `inf`, `nan`). Not that parser: its correctly rounded tables weighed ~10 KB of the reader's
/// wasm, and a descriptor's last bit does not matter.
fn number(s: &str) -> Option<f32> {
    let (sign, s) = match s.as_bytes().first() {
        Some(b'-') => (-1.0, &s[1..]),
        Some(b'+') => (1.0, &s[1..]),
        _ => (1.0, s),
    };
    if s.eq_ignore_ascii_case("inf") || s.eq_ignore_ascii_case("infinity") {
        return Some(sign * f32::INFINITY);
    }
    if s.eq_ignore_ascii_case("nan") {
        return Some(f32::NAN);
    }
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], s[at + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10.0 + f64::from(b - b'0');
    }
    let scale = exponent.saturating_sub(fraction.len() as i32);
    Some(sign * (value * 10f64.powi(scale)) as f32)
}

/// A `srcset`'s candidates, per the HTML syntax: a URL runs to whitespace, descriptors run to the
/// next comma; a candidate with no descriptor is `1x`.
fn candidates(srcset: &str) -> impl Iterator<Item = (Size, &str)> {
    let mut rest = srcset;
    std::iter::from_fn(move || loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return None;
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
        let size = descriptor
            .strip_suffix('w')
            .and_then(|w| number(w.trim()))
            .map(Size::Width)
            .or_else(|| {
                descriptor.strip_suffix('x').and_then(|x| number(x.trim())).map(Size::Density)
            })
            .unwrap_or(Size::Density(1.0));
        if !url.is_empty() {
            return Some((size, url));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn descriptor_numbers_read_as_the_standard_parser_reads_them() {
        let inputs = [
            "800", "1.5", "2", ".5", "5.", "+3", "-1", "1e3", "2.5E-1", "1e+2", "0", "007", "1920",
            "0.75", "inf", "Infinity", "-INF", "NaN", "", ".", "e5", "1e", "1.2.3", "1,5", "--1",
            "+-1", "1x", "w", " 1", "1e1.5", "١",
        ];
        for s in inputs {
            let ours = number(s);
            let std = s.parse::<f32>().ok();
            match (ours, std) {
                (Some(a), Some(b)) if a.is_nan() => assert!(b.is_nan(), "{s:?}"),
                (a, b) => assert_eq!(a, b, "{s:?}"),
            }
        }
    }
}

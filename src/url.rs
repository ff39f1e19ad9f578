//! URL checks for everything that reaches the reader: links may be http(s), mailto or an in-page
//! `#fragment`; images may be http(s) or `data:image/*` (not SVG, which can carry script).
//! Anything else (`javascript:`, `vbscript:`, `data:text/html`, unknown schemes) is dropped.
//!
//! Relative URLs are resolved against the page URL here, with no URL crate: the rules needed are
//! few and a full WHATWG parser would double the content-script wasm.

/// Characters browsers strip or ignore while reading a URL (C0 controls, space, tab, newlines).
/// Most URLs have none inside and are copied whole (filtering them char by char made link
/// resolution 1.6% of the analysis, callgrind over all corpus pages).
fn clean(raw: &str) -> String {
    let url = raw.trim_matches(|c: char| c <= ' ');
    if url.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
    } else {
        url.to_owned()
    }
}

/// The scheme of an absolute URL, lower-cased.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let valid = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| s.to_ascii_lowercase())
}

/// Resolves `raw` against `base` (an absolute http(s) URL) into an absolute http(s) URL.
pub fn resolve(base: Option<&str>, raw: &str) -> Option<String> {
    resolve_clean(base, clean(raw))
}

/// [`resolve`] for a URL already [`clean`]ed.
fn resolve_clean(base: Option<&str>, url: String) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    if let Some(s) = scheme(&url) {
        return matches!(s.as_str(), "http" | "https").then_some(url);
    }
    let base = clean(base?);
    let base_scheme = scheme(&base).filter(|s| s == "http" || s == "https")?;
    let after_scheme = &base[base_scheme.len() + 1..];
    let rest = after_scheme.strip_prefix("//")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &base[..base_scheme.len() + 3 + host_end];
    if let Some(r) = url.strip_prefix("//") {
        return Some(format!("{base_scheme}://{r}"));
    }
    if url.starts_with('/') {
        return Some(format!("{origin}{url}"));
    }
    let path = &rest[host_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if url.starts_with('?') {
        return Some(format!("{origin}{path}{url}"));
    }
    if url.starts_with('#') {
        return Some(format!("{origin}{path}{url}"));
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let mut tail = url.as_str();
    let query_at = tail.find(['?', '#']).unwrap_or(tail.len());
    let (rel_path, suffix) = tail.split_at(query_at);
    tail = rel_path;
    let parts: Vec<&str> = tail.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            p if p.is_empty() && i + 1 < parts.len() => {}
            p => segments.push(p),
        }
    }
    let trailing = if matches!(parts.last(), Some(&"." | &"..")) { "/" } else { "" };
    Some(format!("{origin}/{}{trailing}{suffix}", segments.join("/")))
}

/// A link target allowed in the reader: http(s), mailto, or a fragment within the article.
pub fn resolve_link(base: Option<&str>, raw: &str) -> Option<String> {
    let url = clean(raw);
    if url.starts_with('#') && url.len() > 1 {
        return Some(url);
    }
    if scheme(&url).as_deref() == Some("mailto") {
        return Some(url);
    }
    resolve_clean(base, url)
}

/// An image source allowed in the reader: http(s) or a raster `data:image/...`.
pub fn resolve_image(base: Option<&str>, raw: &str) -> Option<String> {
    let url = clean(raw);
    if scheme(&url).as_deref() == Some("data") {
        let lower = url[5..].trim_start().to_ascii_lowercase();
        let raster =
            ["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif"];
        return raster.iter().any(|t| lower.starts_with(t)).then_some(url);
    }
    resolve_clean(base, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://example.com/news/world/story.html?x=1#top");

    #[test]
    fn resolves_relative_urls() {
        assert_eq!(resolve(BASE, "pic.jpg").unwrap(), "https://example.com/news/world/pic.jpg");
        assert_eq!(resolve(BASE, "../a/b.jpg").unwrap(), "https://example.com/news/a/b.jpg");
        assert_eq!(resolve(BASE, "/root.png?s=2").unwrap(), "https://example.com/root.png?s=2");
        assert_eq!(
            resolve(BASE, "//cdn.example.net/i.png").unwrap(),
            "https://cdn.example.net/i.png"
        );
        assert_eq!(
            resolve(BASE, "?page=2").unwrap(),
            "https://example.com/news/world/story.html?page=2"
        );
        assert_eq!(resolve(None, "pic.jpg"), None);
        assert_eq!(
            resolve(Some("https://example.com"), "a.png").unwrap(),
            "https://example.com/a.png"
        );
    }

    #[test]
    fn refuses_active_schemes() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
        ] {
            assert_eq!(resolve_link(BASE, bad), None, "{bad:?}");
            assert_eq!(resolve_image(BASE, bad), None, "{bad:?}");
        }
        assert_eq!(resolve_image(BASE, "data:image/svg+xml,<svg onload=alert(1)>"), None);
        assert!(resolve_image(BASE, "data:image/png;base64,iVBOR").is_some());
        assert_eq!(resolve_link(BASE, "mailto:a@b.c").unwrap(), "mailto:a@b.c");
        assert_eq!(resolve_link(BASE, "#note-1").unwrap(), "#note-1");
    }
}

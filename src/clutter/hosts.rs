//! The host of a URL found in an attribute (`href`, `src`), and whether it is a given domain or
//! one of its subdomains.
//!
//! Share endpoints, follow links and ad frames are recognised by host, never by a substring of
//! the whole URL: `x.com/intent` is inside `netflix.com/intent...` and `example.com/x.com/intent`,
//! and scanning every link for ~40 endpoint strings was a third of `classify`'s time on the corpus
//! pages (perf, native).

/// The host and what follows it (path, query, fragment) of an absolute or protocol-relative URL
/// (`https://host/path`, `//host/path`); `None` for relative URLs and other schemes. The port is
/// dropped from the host.
///
/// Read byte by byte, not by searching for `//` and splitting at `@` and `:` with string
/// searchers: those, set up for every link of a page, twice (share endpoints, then network
/// profiles), were 33 M of this function's 51 M instructions (callgrind over all corpus pages).
pub fn split(url: &str) -> Option<(&str, &str)> {
    let url = url.trim();
    let after = url.strip_prefix("//").or_else(|| {
        let scheme =
            url.bytes().take_while(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b)).count();
        url[scheme..].strip_prefix("://")
    })?;
    let end = after.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let host = &authority[authority.bytes().rposition(|b| b == b'@').map_or(0, |at| at + 1)..];
    let host = &host[..host.bytes().position(|b| b == b':').unwrap_or(host.len())];
    Some((host, rest))
}

/// True when `host` is `domain` or one of its subdomains, ignoring ASCII case.
///
/// Compared byte by byte, stopping at the first difference: every absolute link is compared with
/// each of ~35 share endpoints, and the library's slice compare cost 7 M instructions more
/// (callgrind over all corpus pages).
pub fn is_or_under(host: &str, domain: &str) -> bool {
    let (h, d) = (host.as_bytes(), domain.as_bytes());
    h.len() >= d.len()
        && h[h.len() - d.len()..].iter().zip(d).all(|(a, b)| a.eq_ignore_ascii_case(b))
        && (h.len() == d.len() || h[h.len() - d.len() - 1] == b'.')
}

/// True when `s` starts with `prefix`, ignoring ASCII case.
pub fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_absolute_urls() {
        assert_eq!(
            split("https://www.Example.com:8080/a?b#c"),
            Some(("www.Example.com", "/a?b#c"))
        );
        assert_eq!(split(" //cdn.example.net"), Some(("cdn.example.net", "")));
        assert_eq!(split("http://user@host.org?q"), Some(("host.org", "?q")));
        assert_eq!(split("/relative/x.com/intent"), None);
        assert_eq!(split("page?next=https://x.com/intent"), None);
        assert_eq!(split("mailto:someone@example.com"), None);
        assert_eq!(split("a:b//c"), None);
        assert_eq!(split("tel:+1//2"), None);
    }

    #[test]
    fn domains_and_subdomains() {
        assert!(is_or_under("www.facebook.com", "facebook.com"));
        assert!(is_or_under("X.COM", "x.com"));
        assert!(!is_or_under("netflix.com", "x.com"));
        assert!(!is_or_under("com", "x.com"));
        assert!(starts_with_ignore_case("/Intent/tweet", "/intent"));
        assert!(!starts_with_ignore_case("/in", "/intent"));
    }
}

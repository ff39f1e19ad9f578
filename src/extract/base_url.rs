//! The document's base URL: what relative links and images resolve against.
//!
//! A browser resolves them against `document.baseURI`, which is the page URL unless the document
//! has a `<base href>` (the first one in tree order counts; a relative `href` is itself resolved
//! against the page URL). The snapshot carries the `<base>` element on both hosts, so working it
//! out here gives the live reader and the CLI the same answer as the browser's `baseURI`.

use crate::dom::{Snapshot, Tag};
use crate::url;

/// The base URL of the document at `page_url`.
pub fn document_base(snap: &Snapshot, page_url: Option<&str>) -> Option<String> {
    let href = snap.iter().filter(|n| n.is(Tag::Base)).find_map(|n| n.attr("href"));
    match href.and_then(|h| url::resolve(page_url, h)) {
        Some(base) => Some(base),
        None => page_url.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html;

    fn base_of(page: &str) -> Option<String> {
        document_base(&html::parse(page).unwrap(), Some("https://site.example/news/a.html"))
    }

    #[test]
    fn first_base_href_wins_and_resolves_against_the_page() {
        assert_eq!(base_of("<p>x").unwrap(), "https://site.example/news/a.html");
        assert_eq!(
            base_of("<base target=_top><base href='/static/'><base href='https://other.example/'>")
                .unwrap(),
            "https://site.example/static/"
        );
        assert_eq!(
            base_of("<base href='https://cdn.example/v2/'>").unwrap(),
            "https://cdn.example/v2/"
        );
        // A base the reader may not use (script, other schemes) leaves the page URL.
        assert_eq!(
            base_of("<base href='javascript:void(0)'>").unwrap(),
            "https://site.example/news/a.html"
        );
    }
}

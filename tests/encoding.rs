//! Saved pages that lie about their encoding (issue 15): bytes that are valid UTF-8 with
//! non-ASCII text are read as UTF-8 whatever `<meta charset>` says; bytes that are not valid UTF-8
//! follow their declaration. Fixtures: the same Chinese page, once saved as UTF-8 under a GBK
//! declaration and once really encoded in GBK.

use declutter::dom::html;
use declutter::extract::{self, Options};

const LINE: &str = "唐代陆羽著有《茶经》";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encoding/").to_owned() + name,
    )
    .unwrap()
}

#[test]
fn gbk_declared_page_in_utf8_bytes_reads_as_utf8() {
    let bytes = fixture("gbk-declared-utf8.html");
    assert!(std::str::from_utf8(&bytes).is_ok() && !bytes.is_ascii());
    let text = html::decode(&bytes);
    assert!(text.contains(LINE), "read as {}", &text[..200.min(text.len())]);
    let article =
        extract::extract(&html::parse_bytes(&bytes).unwrap(), &Options::default()).unwrap();
    assert_eq!(article.title, "茶的历史");
}

#[test]
fn real_gbk_page_follows_its_declaration() {
    let bytes = fixture("gbk.html");
    assert!(std::str::from_utf8(&bytes).is_err());
    let text = html::decode(&bytes);
    assert!(text.contains(LINE), "read as {}", &text[..200.min(text.len())]);
    let article =
        extract::extract(&html::parse_bytes(&bytes).unwrap(), &Options::default()).unwrap();
    assert_eq!(article.title, "茶的历史");
}

#[test]
fn declared_legacy_encoding_holds_for_invalid_utf8() {
    // windows-1251 bytes that happen not to be UTF-8: the declaration decides.
    let bytes = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p>";
    assert!(html::decode(bytes).contains("Привет мир"));
}

//! The hostile fixtures (`tests/fixtures/hostile/`) through the real command line: the reader
//! HTML of `declutter extract --format html` keeps the article and nothing active (checked by the
//! independent audit in `support::audit`), and the same pages through the library also parse back
//! into exactly the tree that was rendered.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the hostile fixtures are there");
    files
}

/// The first article sentence every fixture shares: proof that extraction did not just give up.
const ARTICLE_START: &str = "The committee met on Tuesday to discuss the harbour renovation";

#[test]
fn cli_reader_html_is_inert() {
    for file in fixtures() {
        let out = Command::new(env!("CARGO_BIN_EXE_declutter"))
            .args([
                "extract",
                "--format",
                "html",
                "--url",
                "http://127.0.0.1:8642/fixtures/hostile/page.html",
            ])
            .arg(&file)
            .output()
            .unwrap();
        let name = file.file_name().unwrap().to_string_lossy();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let html = String::from_utf8(out.stdout).unwrap();
        assert!(html.contains(ARTICLE_START), "{name}: the article is in the output");
        if let Err(problem) = support::audit::inert(&html) {
            panic!("{name}: {problem}\n{html}");
        }
        // No payload text either: scripts' source and handler code stay out of the reader.
        for needle in ["postMessage", "dc-hit", "javascript:", "vbscript:", "data:text/html"] {
            assert!(
                !html.to_ascii_lowercase().contains(&needle.to_ascii_lowercase()),
                "{name}: {needle} in the output\n{html}"
            );
        }
    }
}

#[test]
fn library_output_is_inert_and_well_formed() {
    for file in fixtures() {
        let bytes = std::fs::read(&file).unwrap();
        assert_eq!(
            support::pipeline::html_bytes(&bytes),
            support::pipeline::Outcome::Article,
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_audit_catches_what_it_should() {
    // The oracle must be able to fail: each of these is active content or broken nesting.
    for bad in [
        "<p>x<script>1</script></p>",
        "<p onclick=\"x()\">x</p>",
        "<a href=\" java\tscript:x()\">x</a>",
        "<a href=\"&#106;avascript:x()\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=x()>\">",
        "<svg><a href=\"https://example.com\">x</a></svg>",
        "<iframe srcdoc=\"x\"></iframe>",
        "<p style=\"background:url(javascript:x())\">x</p>",
        "<base href=\"https://evil.example/\">",
    ] {
        assert!(support::audit::inert(bad).is_err(), "{bad} passed the audit");
    }
    assert!(support::audit::inert(
        "<p><a href=\"https://example.com/\" rel=\"noreferrer\">ok</a></p>"
    )
    .is_ok());
}

//! The command line on input that is not a nice UTF-8 HTML file: every case ends in either a
//! correct result or exactly one line on stderr and exit code 2 (nothing on stdout).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn declutter(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_declutter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // The CLI may exit before reading everything; a broken pipe here is its business.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().expect("the CLI finishes")
}

/// Exit 2, one line on stderr that starts with `declutter:` and says `what`, nothing on stdout.
fn assert_input_error(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("declutter: "), "{stderr:?}");
    assert!(stderr.contains(what), "{stderr:?} should mention {what:?}");
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("declutter-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn empty_and_blank_input() {
    for input in [&b""[..], b"   \n\t  "] {
        for cmd in ["extract", "clean"] {
            assert_input_error(&declutter(&[cmd], input), "empty");
        }
    }
}

#[test]
fn binary_garbage() {
    // A deterministic mix of all byte values, as in a PNG or an executable.
    let garbage: Vec<u8> =
        (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_input_error(&declutter(&["extract"], &garbage), "binary");
    let png = [&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &[0u8; 64]].concat();
    assert_input_error(&declutter(&["extract", "--format", "html"], &png), "binary");
}

#[test]
fn truncated_gzip() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(article_html("utf-8", "A long enough sentence about gzip. ").as_bytes()).unwrap();
    let full = gz.finish().unwrap();
    let path = temp_file("page.html.gz", &full);
    let ok = declutter(&["extract", "--format", "text", path.to_str().unwrap()], b"");
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    for cut in [2, 10, full.len() / 2, full.len() - 4] {
        assert_input_error(&declutter(&["extract"], &full[..cut]), "gzip");
    }
}

#[test]
fn directory_and_missing_file() {
    let dir = std::env::temp_dir();
    assert_input_error(&declutter(&["extract", dir.to_str().unwrap()], b""), dir.to_str().unwrap());
    let missing = dir.join("declutter-no-such-file.html");
    assert_input_error(
        &declutter(&["clean", missing.to_str().unwrap()], b""),
        "declutter-no-such-file.html",
    );
}

#[test]
fn bad_arguments_are_exit_2() {
    let out = declutter(&["extract", "--format", "pdf"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// An article page in `charset` (declared with `<meta charset>` when `declare`), whose body
/// repeats `sentence` enough for extraction.
fn article_html(charset: &str, sentence: &str) -> String {
    let meta =
        if charset.is_empty() { String::new() } else { format!("<meta charset=\"{charset}\">") };
    let para = sentence.repeat(6);
    format!("<!DOCTYPE html><html><head>{meta}<title>T</title></head><body><article><h1>T</h1><p>{para}</p><p>{para}</p></article></body></html>")
}

#[test]
fn legacy_encodings_with_and_without_meta_charset() {
    let cases = [
        (
            encoding_rs::SHIFT_JIS,
            "Shift_JIS",
            "東京の港では新しい桟橋の工事が始まり、漁師たちは深い岸壁を歓迎しています。",
        ),
        (
            encoding_rs::WINDOWS_1251,
            "windows-1251",
            "Городской совет обсудил реконструкцию гавани и новую набережную для жителей. ",
        ),
        (
            encoding_rs::GBK,
            "GBK",
            "港口改造计划在星期二的会议上讨论，渔民欢迎更深的泊位，商店老板担心游客减少。",
        ),
    ];
    for (encoding, label, sentence) in cases {
        for declared in [true, false] {
            let html = article_html(if declared { label } else { "" }, sentence);
            let (bytes, _, unmappable) = encoding.encode(&html);
            assert!(!unmappable, "{label} can encode the sample");
            assert!(std::str::from_utf8(&bytes).is_err(), "{label} bytes are not UTF-8");
            let out = declutter(&["extract", "--format", "text"], &bytes);
            let stdout = String::from_utf8(out.stdout).expect("output is UTF-8");
            assert_eq!(
                out.status.code(),
                Some(0),
                "{label} declared={declared}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(stdout.contains(sentence.trim()), "{label} declared={declared}: {stdout}");
        }
    }
}

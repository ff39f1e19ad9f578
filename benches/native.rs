//! Criterion benchmarks of the native path on named corpus pages: html5ever parse into the
//! snapshot, clutter classification, and extraction (with the overlay tree), each timed apart,
//! plus the whole pipeline. The pages are read in place from the full corpora (`$DECLUTTER_CORPUS`
//! or `../shared/corpus`, never copied).
//!
//! Pages, chosen to span the corpora: a small and a large Readability test page (`ars-1`,
//! `nytimes-3`), a long reference article (`wikipedia`), a non-Latin page (`rtl-1`), and the
//! Zyte benchmark's smallest, median and largest pages by compressed size.
//!
//! Run with `make bench-native` (or `cargo bench --bench native -- <filter>`). The browser
//! comparison with Readability.js lives in `benches/browser/run.mjs` (`make bench`).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use declutter::{clutter, dom, extract, render};
use std::path::{Path, PathBuf};

const READABILITY_PAGES: &[&str] = &["ars-1", "nytimes-3", "wikipedia", "rtl-1"];
/// Zyte benchmark pages by compressed size among the 121: smallest, median, largest.
const ZYTE_PAGES: &[(&str, &str)] = &[
    ("zyte-small", "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f"),
    ("zyte-median", "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f"),
    ("zyte-large", "d605bdef2cde7308a9f2fbd1484d4a9c3da0167177245d346da61e455f42208d"),
];

/// The full corpora: `$DECLUTTER_CORPUS`, else `../shared/corpus` beside the checkout.
fn corpus() -> PathBuf {
    let dir = std::env::var_os("DECLUTTER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("readability-test-pages").is_dir(),
        "the full corpora are not at {}: set DECLUTTER_CORPUS or put them at ../shared/corpus",
        dir.display()
    );
    dir
}

fn pages() -> Vec<(String, String)> {
    let root = corpus();
    let mut out = Vec::new();
    for name in READABILITY_PAGES {
        let path = root.join("readability-test-pages").join(name).join("source.html");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((name.to_string(), dom::html::read_text(&bytes).expect("page text")));
    }
    for (label, hash) in ZYTE_PAGES {
        let path = root.join("article-extraction-benchmark/html").join(format!("{hash}.html.gz"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((label.to_string(), dom::html::read_text(&bytes).expect("page text")));
    }
    out
}

fn bench(c: &mut Criterion) {
    let clutter_options = clutter::Options::default();
    for (name, html) in pages() {
        let snap = dom::html::parse(&html).expect("parse");
        let options =
            extract::Options { url: Some("https://example.com/article".into()), root: None };
        let mut group = c.benchmark_group(format!("{name} ({} nodes)", snap.len()));
        group.bench_function(BenchmarkId::from_parameter("parse"), |b| {
            b.iter(|| dom::html::parse(&html).unwrap())
        });
        group.bench_function(BenchmarkId::from_parameter("classify"), |b| {
            b.iter(|| clutter::classify(&snap, &clutter_options))
        });
        group.bench_function(BenchmarkId::from_parameter("extract+tree"), |b| {
            b.iter(|| extract::extract(&snap, &options).map(|a| render::article_tree(&a)))
        });
        group.bench_function(BenchmarkId::from_parameter("all"), |b| {
            b.iter(|| {
                let snap = dom::html::parse(&html).unwrap();
                let hidden = clutter::classify(&snap, &clutter_options);
                (hidden, extract::extract(&snap, &options).map(|a| render::article_tree(&a)))
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    // Fewer samples than criterion's default 100: the large pages take tens of milliseconds and
    // the machine is shared; 20 samples still give a stable median.
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

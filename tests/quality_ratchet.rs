//! The quality ratchet: extraction quality on the in-repo sample (tests/corpus/, a subset of the
//! shared corpora in their layout, chosen by benches/quality/sample.py) must not drop below the
//! floors here, per corpus and per wcxb-dev page type. Raise a floor whenever the extractor
//! improves; never lower one to make a change pass. Each page's part of the tuning/validation
//! split (benches/quality/split.tsv, docs/quality-split.md) is printed beside its figures.
//!
//! Metric: the Zyte article-extraction benchmark's (as in ../shared/corpus/score_extract.py):
//! `\w+` tokens, 4-token shingles counted as a multiset, per-page true/false positives and
//! negatives normalised to sum to 1, corpus precision and recall as the means over pages, and F1
//! of those two means. The text scored is the article body as `declutter extract --format text`
//! prints it, without the title line. The full corpora are measured by `make bench-quality`.
//! A page type's floor is a mean over its few pages: it catches a rule that breaks a kind of page,
//! not a change of a point. A floor belongs to its sample: where a page joins the sample (a test
//! reads it), its type's floor is measured again on the same build.

use declutter::clutter::ClutterKind;
use declutter::dom::{self, Snapshot, Tag};
use declutter::extract::{self, block_text, Options};
use declutter::pipeline;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Floors for the sample (measured, then rounded down a little for platform noise).
const FLOOR_READABILITY_F1: f64 = 0.985;
const FLOOR_ZYTE_F1: f64 = 0.990;
/// Per wcxb-dev page type: (type, F1 floor).
const FLOOR_WCXB: &[(&str, f64)] = &[
    ("article", 0.87),
    ("collection", 0.66),
    ("documentation", 0.86),
    ("forum", 0.87),
    ("listing", 0.8),
    ("product", 0.71),
    ("service", 0.82),
];
/// Share of the sampled Readability pages whose `readerable` answer matches the expected one.
const FLOOR_READERABLE: f64 = 0.95;
/// The URL Readability's own suite gives its test pages.
const FAKE_URL: &str = "http://fakehost/test/page.html";

fn corpus() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus")).to_owned()
}

/// The page's part of the split, as committed.
fn part(corpus: &str, id: &str) -> &'static str {
    include_str!("../benches/quality/split.tsv")
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f.len() == 4 && f[0] == corpus && f[1] == id)
        .map_or("unsplit", |f| if f[3] == "tuning" { "tuning" } else { "validation" })
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, i64> {
    let t = tokens(text);
    let mut m = HashMap::new();
    if t.is_empty() {
        return m;
    }
    for i in 0..t.len().saturating_sub(3).max(1) {
        *m.entry(t[i..(i + 4).min(t.len())].to_vec()).or_insert(0) += 1;
    }
    m
}

/// (precision, recall) of one page, `None` where the metric leaves the page out.
type PageScore = (Option<f64>, Option<f64>);

fn page_score(truth: &str, pred: &str) -> PageScore {
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &pv) in &p {
        let tv = t.get(k).copied().unwrap_or(0);
        tp += pv.min(tv);
        fp += (pv - tv).max(0);
    }
    for (k, &tv) in &t {
        fn_ += (tv - p.get(k).copied().unwrap_or(0)).max(0);
    }
    if fp == 0 && fn_ == 0 {
        return (Some(1.0), Some(1.0));
    }
    let precision = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
    let recall = (tp + fn_ > 0).then(|| tp as f64 / (tp + fn_) as f64);
    (precision, recall)
}

fn f1(scores: &[PageScore]) -> f64 {
    let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let p = mean(scores.iter().filter_map(|s| s.0).collect());
    let r = mean(scores.iter().filter_map(|s| s.1).collect());
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The body text the CLI prints (title line left out): the article read as the CLI and the
/// overlay read it, without the page's clutter.
fn predicted(snap: &Snapshot, url: &str) -> String {
    let Ok(a) = pipeline::read(snap, Some(url.to_owned()), &ClutterKind::ALL).article else {
        return String::new();
    };
    let mut s = String::new();
    for b in &a.body {
        block_text(b, &mut s);
        s.push_str("\n\n");
    }
    s
}

/// Visible text of an expected.html, with a break at every block boundary.
fn visible_text(snap: &Snapshot) -> String {
    let mut s = String::new();
    for n in snap.iter() {
        if n.tag().is_some_and(|t| t.is_block() || t == Tag::Br || t == Tag::Li) {
            s.push('\n');
        }
        s.push_str(n.text());
    }
    s
}

#[test]
fn readability_sample_stays_above_the_floor() {
    let dir = corpus().join("readability-test-pages");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    cases.sort();
    let mut scores = Vec::new();
    let mut readerable_right = 0;
    for case in &cases {
        let source =
            dom::html::parse_bytes(&std::fs::read(case.join("source.html")).unwrap()).unwrap();
        let expected =
            dom::html::parse_bytes(&std::fs::read(case.join("expected.html")).unwrap()).unwrap();
        let score = page_score(&visible_text(&expected), &predicted(&source, FAKE_URL));
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        eprintln!("{name:<40} {:<10} P={:?} R={:?}", part("readability", &name), score.0, score.1);
        scores.push(score);
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(case.join("expected-metadata.json")).unwrap())
                .unwrap();
        if meta["readerable"].as_bool() == Some(extract::readerable(&source)) {
            readerable_right += 1;
        }
    }
    let f = f1(&scores);
    let readerable = readerable_right as f64 / cases.len() as f64;
    eprintln!(
        "readability sample: {} pages, F1 {f:.4}, readerable right {readerable:.3}",
        cases.len()
    );
    assert!(f >= FLOOR_READABILITY_F1, "F1 {f:.4} fell below the floor {FLOOR_READABILITY_F1}");
    assert!(
        readerable >= FLOOR_READERABLE,
        "readerable {readerable:.3} fell below {FLOOR_READERABLE}"
    );
}

/// Scores every page of a ground-truth.json corpus in tests/corpus, grouped by page type.
fn score_gt_corpus(sub: &str, split_name: &str) -> HashMap<String, Vec<PageScore>> {
    let root = corpus().join(sub);
    let truth: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("ground-truth.json")).unwrap()).unwrap();
    let mut ids: Vec<&String> = truth.as_object().unwrap().keys().collect();
    ids.sort();
    assert!(!ids.is_empty(), "no pages in {}", root.display());
    let mut by_type: HashMap<String, Vec<_>> = HashMap::new();
    for id in ids {
        let page = &truth[id.as_str()];
        let bytes = std::fs::read(root.join("html").join(format!("{id}.html.gz"))).unwrap();
        let snap = dom::html::parse_bytes(&bytes).unwrap();
        let score = page_score(
            page["articleBody"].as_str().unwrap_or(""),
            &predicted(&snap, page["url"].as_str().unwrap_or(FAKE_URL)),
        );
        let kind = page["page_type"].as_str().unwrap_or("article").to_owned();
        let short = &id[..id.len().min(16)];
        eprintln!(
            "{short:<16} {kind:<13} {:<10} P={:?} R={:?}",
            part(split_name, id),
            score.0,
            score.1
        );
        by_type.entry(kind).or_default().push(score);
    }
    by_type
}

#[test]
fn zyte_sample_stays_above_the_floor() {
    let scores: Vec<_> =
        score_gt_corpus("article-extraction-benchmark", "zyte").into_values().flatten().collect();
    let f = f1(&scores);
    eprintln!("zyte sample: {} pages, F1 {f:.4}", scores.len());
    assert!(f >= FLOOR_ZYTE_F1, "F1 {f:.4} fell below the floor {FLOOR_ZYTE_F1}");
}

#[test]
fn every_wcxb_page_type_stays_above_its_floor() {
    let by_type = score_gt_corpus("wcxb-dev", "wcxb");
    let mut failed = Vec::new();
    for &(kind, floor) in FLOOR_WCXB {
        let scores = by_type.get(kind).unwrap_or_else(|| panic!("no {kind} pages in the sample"));
        let f = f1(scores);
        eprintln!("wcxb {kind:<13} {} pages, F1 {f:.4} (floor {floor})", scores.len());
        if f < floor {
            failed.push(format!("{kind}: F1 {f:.4} < {floor}"));
        }
    }
    assert!(failed.is_empty(), "page types below their floors: {failed:?}");
}

/// Every page of the sample goes through extraction and the readerable check without a panic.
/// Times are printed, not asserted (the machine is shared; `make bench-quality` reports them):
/// per page, extraction time over the page's node count, as the ratio to the median.
#[test]
fn every_corpus_page_extracts_without_panic() {
    let root = corpus();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("readability-test-pages"))
        .unwrap()
        .map(|e| e.unwrap().path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    for sub in ["article-extraction-benchmark/html", "wcxb-dev/html"] {
        files.extend(std::fs::read_dir(root.join(sub)).unwrap().map(|e| e.unwrap().path()));
    }
    let mut per_node = Vec::new();
    for file in &files {
        let snap = dom::html::parse_bytes(&std::fs::read(file).unwrap()).unwrap();
        let started = std::time::Instant::now();
        let _ = extract::extract(&snap, &Options { url: Some(FAKE_URL.into()), root: None });
        let _ = extract::readerable(&snap);
        per_node.push((
            started.elapsed().as_secs_f64() / snap.len().max(1) as f64,
            snap.len(),
            file,
        ));
    }
    per_node.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = per_node[per_node.len() / 2].0;
    for (t, nodes, file) in per_node.iter().rev().take(3) {
        eprintln!("{:.1}x the median time per node: {nodes} nodes, {}", t / median, file.display());
    }
}

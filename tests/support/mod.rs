//! Helpers shared by the native robustness tests (`tests/hostile.rs`, `tests/properties.rs`,
//! `tests/cli.rs`) and the fuzz target (`fuzz/`, which includes this folder by path), so that the
//! fuzzer and the tests judge output by the same rules.
#![allow(dead_code)]

pub mod article;
pub mod audit;
pub mod pipeline;

/// The corpus sample in the repository (tests/corpus/README.md): the same layout as the full
/// corpora (`readability-test-pages/`, `article-extraction-benchmark/`, `wcxb-dev/`), so that a
/// test needs nothing beside the checkout.
pub fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

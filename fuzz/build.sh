#!/usr/bin/env bash
# Builds the fuzz target with libFuzzer on STABLE Rust (see fuzz/README.md for why not cargo-fuzz).
# These are the coverage flags cargo-fuzz passes, minus `-Zsanitizer` (nightly only; the crate is
# `#![forbid(unsafe_code)]`, so AddressSanitizer has little to find: panics, aborts, hangs and
# out-of-memory are what this fuzzer is for, and libFuzzer reports all four).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks -Cforce-frame-pointers"
# An explicit --target keeps RUSTFLAGS off build scripts (they must not need libFuzzer).
cargo build --release --bin pipeline --target-dir target --target "$(rustc -vV | sed -n "s/^host: //p")"

//! Helpers shared by the native robustness tests (`tests/hostile.rs`, `tests/properties.rs`,
//! `tests/cli.rs`) and the fuzz target (`fuzz/`, which includes this folder by path), so that the
//! fuzzer and the tests judge output by the same rules.
#![allow(dead_code)]

pub mod audit;
pub mod pipeline;

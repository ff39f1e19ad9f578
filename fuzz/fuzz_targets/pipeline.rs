//! Fuzz target: arbitrary bytes through snapshot -> clutter -> extract -> render, with the
//! checks of `tests/support/pipeline.rs` (typed errors only, inert and well-formed output).
//! Inputs starting with `WIRE` are read as a wire stream instead (see `split_wire`), to reach the
//! decoder with streams no HTML parser would write.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/mod.rs"]
mod support;

/// After `WIRE`: ops count (u16), ops (u32 each, kept small so that string lengths often fit),
/// then the rest as text (lossy UTF-8).
fn split_wire(data: &[u8]) -> (Vec<u32>, String) {
    let count = data.get(..2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let rest = data.get(2..).unwrap_or_default();
    let op_bytes = rest.len().min(count * 4);
    let ops = rest[..op_bytes].chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) % 64).collect();
    (ops, String::from_utf8_lossy(&rest[op_bytes..]).into_owned())
}

fuzz_target!(|data: &[u8]| {
    match data.strip_prefix(b"WIRE") {
        Some(wire) => {
            let (ops, text) = split_wire(wire);
            support::pipeline::wire_stream(&ops, text);
        }
        None => {
            support::pipeline::html_bytes(data);
        }
    }
});

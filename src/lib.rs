//! declutter: hide page clutter and extract the article, from one snapshot of the page.
//!
//! Data flows one way: **page -> [`dom::Snapshot`] -> decisions -> apply / render**.
//! - [`dom`] builds the read-only snapshot (from the live DOM through the wire format, or from
//!   HTML text through html5ever natively);
//! - [`clutter`] decides which elements to hide and [`extract`] finds the [`extract::Article`];
//!   both are pure functions of the snapshot and never mutate anything;
//! - [`pipeline`] runs both for one page, the clutter first (so it stays out of the article);
//! - [`render`] turns an article into the reader overlay's sanitized node tree (and HTML or text);
//! - `wasm` (wasm32 only) is the one place that talks to JavaScript.
//!
//! The split exists so that every heuristic runs the same way in the browser and in native tests,
//! and so that page data crosses into wasm once per run instead of once per node.
#![forbid(unsafe_code)]

mod charcount;
pub mod clutter;
pub mod dom;
pub mod extract;
pub mod pipeline;
pub mod render;
pub mod url;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod wordlist;

//! Clutter fixtures: realistic article pages where every clutter element carries
//! `data-expect="<kind>"` and every article paragraph `data-expect="article"`. Each clutter element
//! must be hidden (by itself or an ancestor, with that kind) and each paragraph must stay visible.
//! The browser tests reuse the same files.

use declutter::clutter::{classify, classify_subtree, ClutterKind, Hidden, Options};
use declutter::dom::{html, NodeRef, Snapshot};

const FIXTURES: &[&str] = &["seed-news", "blog-modal", "magazine"];

fn load(name: &str) -> Snapshot {
    let path = format!("{}/tests/fixtures/clutter/{name}.html", env!("CARGO_MANIFEST_DIR"));
    html::parse(&std::fs::read_to_string(&path).expect("fixture exists")).expect("fixture parses")
}

/// The hidden element covering `n` (itself or an ancestor), if any.
fn cover<'a>(
    snap: &'a Snapshot,
    hidden: &[Hidden],
    n: NodeRef<'a>,
) -> Option<(NodeRef<'a>, ClutterKind)> {
    hidden.iter().map(|h| (snap.node(h.node), h.kind)).find(|(h, _)| h.contains(n))
}

fn check(name: &str, options: &Options) -> usize {
    let snap = load(name);
    let hidden = classify(&snap, options);
    let mut problems = Vec::new();
    let mut checked = 0;
    for n in snap.iter() {
        let Some(expect) = n.attr("data-expect") else { continue };
        checked += 1;
        let covered = cover(&snap, &hidden, n);
        let label =
            format!("{name}: <{} class={:?}> {:.60}", n.name(), n.class(), n.text_content().trim());
        match (expect, covered) {
            ("article", Some((h, kind))) => {
                problems.push(format!("article hidden as {} by {h:?}: {label}", kind.as_str()))
            }
            ("article", None) => {}
            (want, _) if !options.kinds.iter().any(|k| k.as_str() == want) => {
                if covered.is_some_and(|(_, k)| k.as_str() == want) {
                    problems.push(format!("{want} hidden although switched off: {label}"));
                }
            }
            (want, Some((_, kind))) if kind.as_str() == want => {}
            (want, Some((h, kind))) => {
                problems.push(format!("{want} hidden as {} by {h:?}: {label}", kind.as_str()))
            }
            (want, None) => problems.push(format!("{want} not hidden: {label}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    checked
}

#[test]
fn every_clutter_element_hidden_every_paragraph_visible() {
    for name in FIXTURES {
        assert!(check(name, &Options::default()) > 10, "{name} has expectations");
    }
}

#[test]
fn switched_off_kinds_stay_visible() {
    for off in ClutterKind::ALL {
        let options =
            Options { kinds: ClutterKind::ALL.into_iter().filter(|k| *k != off).collect() };
        for name in FIXTURES {
            check(name, &options);
        }
    }
}

#[test]
fn results_are_outermost_and_sorted() {
    for name in FIXTURES {
        let snap = load(name);
        let hidden = classify(&snap, &Options::default());
        for pair in hidden.windows(2) {
            assert!(pair[0].node < pair[1].node);
            assert!(
                !snap.node(pair[0].node).contains(snap.node(pair[1].node)),
                "{name}: nested results"
            );
        }
    }
}

#[test]
fn inserted_subtrees_alone() {
    // What the MutationObserver hands over: each prompt, banner or rail classified on its own.
    let snap = load("blog-modal");
    for n in snap.iter().filter(|n| n.attr("data-expect").is_some_and(|e| e != "article")) {
        let got = classify_subtree(n, &Options::default());
        let want = n.attr("data-expect").unwrap();
        assert!(
            got.iter().any(|h| h.node == n.id() && h.kind.as_str() == want),
            "{want} alone: {:?} gave {got:?}",
            n
        );
    }
    // An inserted article paragraph is left alone.
    for n in snap.iter().filter(|n| n.attr("data-expect") == Some("article")) {
        assert!(classify_subtree(n, &Options::default()).is_empty());
    }
}

#[test]
fn deep_pages_do_not_overflow() {
    let depth = 100_000;
    let page = format!("{}<p>Deep text</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let snap = html::parse(&page).expect("parses");
    assert!(classify(&snap, &Options::default()).is_empty());
}

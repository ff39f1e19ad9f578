//! React's streamed server rendering, completed as the page's own script would complete it.
//!
//! A page rendered with React's streaming renderer sends its slow parts late, at the end of the
//! document: each as a hidden segment, `<div hidden id="S:1">`, followed by a script call that
//! moves the segment's content into its place and drops the placeholder there. `$RC("B:0","S:1")`
//! fills a Suspense boundary, written as `<!--$?--><template id="B:0"></template>`, the loading
//! fallback and `<!--/$-->`; `$RS("S:1","P:1")` fills a placeholder, `<template id="P:1">`.
//! A live tab has run those calls before the extension reads it; a saved page read without
//! script has its content hidden at the end of the document, out of place. This does the moves
//! on the parsed tree, pairing segments and placeholders by the script calls, or by their number
//! where no call names them (a runtime loaded from a file).

use markup5ever_rcdom::{Handle, NodeData};
use std::collections::HashMap;
use std::rc::Rc;

/// Moves every streamed segment into its placeholder. `html` is the page's text, for a cheap
/// check that it was streamed at all.
pub fn complete(document: &Handle, html: &str) {
    if !html.contains("<div hidden id=\"S:") {
        return;
    }
    let mut segments: HashMap<String, Handle> = HashMap::new();
    let mut holes: HashMap<String, Handle> = HashMap::new();
    let mut scripts = String::new();
    let mut stack = vec![document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, attrs, .. } = &node.data {
            let attrs = attrs.borrow();
            let attr = |k: &str| attrs.iter().find(|a| &*a.name.local == k).map(|a| &*a.value);
            let id = attr("id").unwrap_or("");
            match &*name.local {
                "div" if id.starts_with("S:") && attr("hidden").is_some() => {
                    segments.insert(id.to_owned(), node.clone());
                }
                "template" if id.starts_with("B:") || id.starts_with("P:") => {
                    holes.insert(id.to_owned(), node.clone());
                }
                "script" => {
                    for c in node.children.borrow().iter() {
                        if let NodeData::Text { contents } = &c.data {
                            scripts.push_str(&contents.borrow());
                        }
                    }
                }
                _ => {}
            }
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    for (hole, segment) in pairs(&scripts, &holes, &segments) {
        if let (Some(h), Some(s)) = (holes.get(&hole), segments.get(&segment)) {
            fill(h, s, hole.starts_with("B:"));
        }
    }
}

/// (placeholder id, segment id) in the order the page's script moves them: the calls' order,
/// then the rest by number.
fn pairs(
    scripts: &str,
    holes: &HashMap<String, Handle>,
    segments: &HashMap<String, Handle>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (call, hole_first) in [("$RC(\"", true), ("$RS(\"", false)] {
        for rest in scripts.split(call).skip(1) {
            let mut args = rest.split('"');
            let (Some(a), Some(_), Some(b)) = (args.next(), args.next(), args.next()) else {
                continue;
            };
            let (hole, segment) = if hole_first { (a, b) } else { (b, a) };
            out.push((hole.to_owned(), segment.to_owned()));
        }
    }
    let mut unnamed: Vec<&String> =
        holes.keys().filter(|h| !out.iter().any(|(o, _)| o == *h)).collect();
    unnamed.sort();
    for hole in unnamed {
        let segment = format!("S:{}", &hole[2..]);
        if segments.contains_key(&segment) && !out.iter().any(|(_, s)| *s == segment) {
            out.push((hole.clone(), segment));
        }
    }
    out
}

/// Puts the segment's children where the placeholder is. A boundary's loading fallback, up to
/// the `<!--/$-->` that closes it, goes with the placeholder.
fn fill(hole: &Handle, segment: &Handle, boundary: bool) {
    let Some(parent) = parent_of(hole) else { return };
    let Some(seg_parent) = parent_of(segment) else { return };
    let content: Vec<Handle> = segment.children.borrow_mut().drain(..).collect();
    seg_parent.children.borrow_mut().retain(|c| !Rc::ptr_eq(c, segment));
    let mut kids = parent.children.borrow_mut();
    let Some(at) = kids.iter().position(|c| Rc::ptr_eq(c, hole)) else { return };
    let end = if boundary { fallback_end(&kids, at) } else { at + 1 };
    for c in &content {
        c.parent.set(Some(Rc::downgrade(&parent)));
    }
    kids.splice(at..end, content);
}

/// The index of the `<!--/$-->` closing the boundary whose placeholder is at `at` (nested
/// boundaries counted), or just past the placeholder when there is none.
fn fallback_end(kids: &[Handle], at: usize) -> usize {
    let mut depth = 0;
    for (i, k) in kids.iter().enumerate().skip(at + 1) {
        if let NodeData::Comment { contents } = &k.data {
            match &**contents {
                "/$" if depth == 0 => return i,
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
    }
    at + 1
}

fn parent_of(n: &Handle) -> Option<Handle> {
    let weak = n.parent.take();
    let parent = weak.as_ref().and_then(|w| w.upgrade());
    n.parent.set(weak);
    parent
}

#[cfg(test)]
mod tests {
    use crate::dom::html::parse;

    fn body_text(html: &str) -> String {
        let snap = parse(html).unwrap();
        let body = snap.find(crate::dom::Tag::Body).unwrap();
        body.descendants()
            .filter(|n| n.is_text() && !n.ancestors().any(|a| a.is(crate::dom::Tag::Script)))
            .map(|n| n.text().trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn segments_take_their_placeholders_places() {
        let html = r#"<body><p>Top</p><!--$?--><template id="B:0"></template><p>Loading</p>
            <!--$--><p>inner</p><!--/$--><p>still loading</p><!--/$--><p>Middle</p>
            <template id="P:3"></template><p>Bottom</p>
            <div hidden id="S:2"><p>Article</p></div><script>$RC("B:0","S:2")</script>
            <div hidden id="S:3"><p>Aside</p></div><script>$RS("S:3","P:3")</script>
            <div hidden id="S:9"><p>Orphan</p></div></body>"#;
        // The fallback (with a boundary nested in it) goes; a segment no one places stays hidden.
        assert_eq!(body_text(html), "Top Article Middle Aside Bottom Orphan");
        let snap = parse(html).unwrap();
        let orphan = snap.iter().find(|n| n.id_attr() == "S:9").unwrap();
        assert!(orphan.attr("hidden").is_some());
    }

    #[test]
    fn without_a_call_a_segment_fills_the_boundary_of_its_number() {
        let html = r#"<body><main><!--$?--><template id="B:1"></template><div>skeleton</div>
            <!--/$--></main><footer>Footer</footer><div hidden id="S:1"><p>Article</p></div>"#;
        assert_eq!(body_text(html), "Article Footer");
    }
}

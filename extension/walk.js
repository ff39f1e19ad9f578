// The one pass over the live DOM: writes the wire format that src/dom/wire.rs decodes.
//
// Why JavaScript: every web-sys call crosses the wasm boundary and re-encodes strings; a plain JS
// walk into flat arrays plus ONE call into Rust measured ~4x cheaper than a per-node walk from
// Rust (ARCHITECTURE.md). The format (ops as u32, all strings back to back, lengths in UTF-16
// units) is documented in src/dom/wire.rs; `nodes` keeps one entry per ELEMENT/TEXT op, so a
// decision about snapshot node `origin` applies to `nodes[origin]`.
//
// This file is an ES module for the wasm-bindgen tests; the extension build strips `export` so
// that it loads as a classic content script.

const ELEMENT = 1;
const END = 2;
const TEXT = 3;
const NAMESPACES = {
  'http://www.w3.org/1999/xhtml': 0,
  'http://www.w3.org/2000/svg': 1,
  'http://www.w3.org/1998/Math/MathML': 2,
};

// Children the decoder drops anyway; not walking them saves time on script-heavy pages.
function skipsChildren(el) {
  switch (el.localName) {
    case 'noscript':
    case 'template':
    case 'style':
      return true;
    case 'script':
      return (el.getAttribute('type') || '').trim().toLowerCase() !== 'application/ld+json';
    default:
      return false;
  }
}

// Walks a document's content. `exclude` is an element not to enter (the reader overlay's host).
export function walk(doc, exclude) {
  const out = { ops: [], strings: [], nodes: [] };
  walkInto(out, doc, exclude, false);
  return finish(out);
}

// Walks several elements, each with its subtree, into one stream (the MutationObserver's batch).
// Each becomes a top-level element of the snapshot.
export function walkSubtrees(elements, exclude) {
  const out = { ops: [], strings: [], nodes: [] };
  for (const el of elements) walkInto(out, el, exclude, true);
  return finish(out);
}

function finish(out) {
  return { ops: Uint32Array.from(out.ops), text: out.strings.join(''), nodes: out.nodes };
}

// Pre-order walk without recursion (pages can be 100,000 deep). With `includeStart` the walk
// covers `start` and its subtree; otherwise only `start`'s descendants.
function walkInto({ ops, strings, nodes }, start, exclude, includeStart) {
  let n = includeStart ? start : start.firstChild;
  while (n) {
    let descend = false;
    if (n.nodeType === 1 && n !== exclude) {
      const name = n.localName;
      // getAttributeNames + getAttribute, not `attributes[i]`: the NamedNodeMap makes an Attr
      // wrapper per attribute, which made the first walk of a page ~3x slower for attributes
      // (6.4 vs 1.7 ms on the Zyte page d605bdef, Chromium 156, benches/browser).
      const attrs = n.getAttributeNames();
      const ns = NAMESPACES[n.namespaceURI];
      ops.push(ELEMENT, ns === undefined ? 3 : ns, name.length, attrs.length);
      strings.push(name);
      for (let i = 0; i < attrs.length; i++) {
        const key = attrs[i];
        const value = n.getAttribute(key);
        ops.push(key.length, value.length);
        strings.push(key, value);
      }
      nodes.push(n);
      descend = n.firstChild !== null && !skipsChildren(n);
      if (!descend) ops.push(END);
    } else if (n.nodeType === 3) {
      const data = n.data;
      if (data.length > 0) {
        ops.push(TEXT, data.length);
        strings.push(data);
        nodes.push(n);
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    // Climb to the next node, closing each element left behind.
    for (;;) {
      if (includeStart && n === start) {
        n = null;
        break;
      }
      if (n.nextSibling !== null) {
        n = n.nextSibling;
        break;
      }
      n = n.parentNode;
      if (n === null || (!includeStart && n === start)) {
        n = null;
        break;
      }
      ops.push(END);
    }
  }
}

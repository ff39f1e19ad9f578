// The one pass over the live DOM: writes the wire format that src/dom/wire.rs decodes.
//
// Why JavaScript: every web-sys call crosses the wasm boundary and re-encodes strings; a plain JS
// walk into flat arrays plus ONE call into Rust measured ~4x cheaper than a per-node walk from
// Rust (docs/performance.md). The format (ops as u32, all strings back to back, lengths in UTF-16
// units) is documented in src/dom/wire.rs; `nodes` keeps one entry per ELEMENT/TEXT op, so a
// decision about snapshot node `origin` applies to `nodes[origin]`.
//
// An ES module that imports nothing: the wasm-bindgen tests (tests/browser_snapshot.rs) load it
// as it is, and the extension bundles it into its content script.

const ELEMENT = 1;
const END = 2;
const TEXT = 3;
const NAMESPACES = {
  'http://www.w3.org/1999/xhtml': 0,
  'http://www.w3.org/2000/svg': 1,
  'http://www.w3.org/1998/Math/MathML': 2,
};

// Work caps: past these the page is "too large" and nothing is analysed (a frozen tab is worse
// than a toast). The same numbers as MAX_NODES and MAX_TEXT_BYTES in src/dom/wire.rs, which
// explains them; tests/e2e/robust.test.mjs checks that the two files agree.
export const MAX_NODES = 500_000;
export const MAX_TEXT_UNITS = 32 << 20;

// Children the decoder drops anyway; not walking them saves time on script-heavy pages.
function skipsChildren(el, name) {
  switch (name) {
    case 'noscript':
    case 'template':
    case 'style':
      return true;
    case 'script':
      return (GET_ATTRIBUTE.call(el, 'type') || '').trim().toLowerCase() !== 'application/ld+json';
    default:
      return false;
  }
}

// Walks a document's content. `exclude` is an element not to enter (the reader overlay's host).
// The result's `tooLarge` is a message when a cap was hit; the walk stopped there and its ops are
// incomplete.
export function walk(doc, exclude) {
  const out = newOutput();
  walkInto(out, doc, exclude, false);
  return finish(out);
}

// Walks several elements, each with its subtree, into one stream (the MutationObserver's batch).
// Each becomes a top-level element of the snapshot.
export function walkSubtrees(elements, exclude) {
  const out = newOutput();
  for (const el of elements) {
    if (out.tooLarge) break;
    walkInto(out, el, exclude, true);
  }
  return finish(out);
}

// `ops` grows by doubling and `text` by concatenation (V8 keeps it as a rope until it is read):
// against pushing to plain arrays and joining them at the end, the walk took 3.5 instead of 4.7
// times the bare TreeWalker floor (median of 19 corpus pages, warm, Chromium 156).
function newOutput() {
  return { ops: new Uint32Array(1 << 12), len: 0, text: '', nodes: [], tooLarge: null, shadowRoots: [] };
}

function finish(out) {
  return { ops: out.ops.subarray(0, out.len), text: out.text, nodes: out.nodes, tooLarge: out.tooLarge, shadowRoots: out.shadowRoots };
}

// Makes room for `n` more ops.
function reserve(out, n) {
  if (out.len + n <= out.ops.length) return;
  const grown = new Uint32Array(Math.max(out.ops.length * 2, out.len + n));
  grown.set(out.ops.subarray(0, out.len));
  out.ops = grown;
}

// The DOM is read through the prototypes' own getters, never through properties of the node:
// a <form> exposes its controls by name, so `<input name="firstChild">` (or "attributes",
// "parentNode", "nodeType"...) would hand a naive walker a wrong node or loop it forever.
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const NODE_TYPE = getter(Node.prototype, 'nodeType');
const FIRST_CHILD = getter(Node.prototype, 'firstChild');
const NEXT_SIBLING = getter(Node.prototype, 'nextSibling');
const PARENT_NODE = getter(Node.prototype, 'parentNode');
const LOCAL_NAME = getter(Element.prototype, 'localName');
const NAMESPACE_URI = getter(Element.prototype, 'namespaceURI');
const GET_ATTRIBUTE_NAMES = Element.prototype.getAttributeNames;
const GET_ATTRIBUTE = Element.prototype.getAttribute;
const DATA = getter(CharacterData.prototype, 'data');
const OWNER_DOCUMENT = getter(Node.prototype, 'ownerDocument');
const CONTENT_TYPE = getter(Document.prototype, 'contentType');
const namespaceOf = (el) => NAMESPACES[NAMESPACE_URI.call(el)] ?? 3;
// The same protection for content.js, which marks and unmarks page elements.
const { hasAttribute, setAttribute, removeAttribute, closest } = Element.prototype;
const CONTAINS = Node.prototype.contains;
const GET_ROOT_NODE = Node.prototype.getRootNode;
const IS_CONNECTED = getter(Node.prototype, 'isConnected');
export const pageDom = {
  isElement: (n) => NODE_TYPE.call(n) === 1,
  hasAttribute: (el, name) => hasAttribute.call(el, name),
  setAttribute: (el, name, value) => setAttribute.call(el, name, value),
  removeAttribute: (el, name) => removeAttribute.call(el, name),
  closest: (el, selector) => closest.call(el, selector),
  contains: (a, b) => CONTAINS.call(a, b),
  isConnected: (n) => IS_CONNECTED.call(n),
  // The shadow root `n` is in, or null in the document.
  shadowRootAround: (n) => {
    const root = GET_ROOT_NODE.call(n);
    return NODE_TYPE.call(root) === 11 && root !== n ? root : null;
  },
};

function tooMuchText(out) {
  out.tooLarge = `page too large: more than ${MAX_TEXT_UNITS} bytes of text`;
}

// Shadow roots. Firefox hands content scripts every root, open or closed, through
// `openOrClosedShadowRoot`; other hosts see the open ones through `shadowRoot`, and Chrome's
// extension API reaches closed ones, asked of custom elements only (an extension API call per
// element would cost more than the whole walk). The getter is asked of every HTML element:
// filtering by the names that may host a root first cost more than the call it saved.
const SHADOW_ROOT = getter(Element.prototype, 'openOrClosedShadowRoot' in Element.prototype ? 'openOrClosedShadowRoot' : 'shadowRoot');
const CLOSED_ROOTS = 'openOrClosedShadowRoot' in Element.prototype ? null : globalThis.chrome?.dom ?? null;
const ASSIGNED_NODES = HTMLSlotElement.prototype.assignedNodes;
const FLATTEN = { flatten: true };

// `<noscript>` on a live page holds its markup as text (scripting is on). Lazy loaders and image
// components keep the real picture there, and some pages have theirs nowhere else, so its
// pictures are parsed out of the text and written as its children; the rule is in
// src/dom/wire.rs, which the native builder follows too. The parse goes into one reused
// `<template>` of a document without a window (nothing loads, nothing runs), not a new DOMParser
// document per noscript (pages carry dozens of them). Their `nodes` entries are null: no
// decision applies to an element that is not on the page.
const CREATE_DOCUMENT = DOMImplementation.prototype.createHTMLDocument;
const CREATE_ELEMENT = Document.prototype.createElement;
const SET_INNER_HTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').set;
const TEMPLATE_CONTENT = Object.getOwnPropertyDescriptor(HTMLTemplateElement.prototype, 'content').get;
const FRAGMENT_QUERY_ALL = DocumentFragment.prototype.querySelectorAll;
const HAS_IMG = /<img/i;
let holder = null;

// Returns false when a cap stopped the walk.
function noscriptMedia(out, noscript, first) {
  let text = '';
  for (let c = first; c !== null; c = NEXT_SIBLING.call(c)) if (NODE_TYPE.call(c) === 3) text += DATA.call(c);
  if (!HAS_IMG.test(text)) return true;
  holder ??= CREATE_ELEMENT.call(CREATE_DOCUMENT.call(document.implementation, ''), 'template');
  SET_INNER_HTML.call(holder, text);
  for (const el of FRAGMENT_QUERY_ALL.call(TEMPLATE_CONTENT.call(holder), 'img, picture')) {
    const picture = LOCAL_NAME.call(el) === 'picture';
    const parent = PARENT_NODE.call(el);
    if (!picture && NODE_TYPE.call(parent) === 1 && LOCAL_NAME.call(parent) === 'picture') continue;
    if (!writeInert(out, el)) return false;
    for (let c = picture ? FIRST_CHILD.call(el) : null; c !== null; c = NEXT_SIBLING.call(c)) {
      const name = NODE_TYPE.call(c) === 1 ? LOCAL_NAME.call(c) : '';
      if ((name === 'source' || name === 'img') && !writeInert(out, c)) return false;
      if (name === 'source' || name === 'img') out.ops[out.len++] = END;
    }
    reserve(out, 1);
    out.ops[out.len++] = END;
  }
  return true;
}

// Writes an element of a parsed noscript (HTML namespace) with its attributes, leaving room for
// its END.
function writeInert(out, el) {
  if (out.nodes.length >= MAX_NODES) {
    out.tooLarge = `page too large: more than ${MAX_NODES} nodes`;
    return false;
  }
  const name = LOCAL_NAME.call(el);
  const attrs = GET_ATTRIBUTE_NAMES.call(el);
  reserve(out, 5 + 2 * attrs.length);
  out.ops[out.len++] = ELEMENT;
  out.ops[out.len++] = 0;
  out.ops[out.len++] = name.length;
  out.ops[out.len++] = attrs.length;
  let text = out.text + name;
  for (const key of attrs) {
    const value = GET_ATTRIBUTE.call(el, key);
    if (text.length + key.length + value.length > MAX_TEXT_UNITS) {
      tooMuchText(out);
      return false;
    }
    out.ops[out.len++] = key.length;
    out.ops[out.len++] = value.length;
    text = text + key + value;
  }
  out.text = text;
  out.nodes.push(null);
  return true;
}

function closedShadowRoot(el) {
  try {
    return CLOSED_ROOTS.openOrClosedShadowRoot(el) ?? null;
  } catch {
    return null;
  }
}

// Pre-order walk of the flat tree (what the person sees) without recursion (pages can be
// 100,000 deep). With `includeStart` the walk covers `start` and its subtree; otherwise only
// `start`'s descendants. An element with a shadow root is walked through its shadow tree, and a
// <slot> through the nodes assigned to it (flattened, as rendered) or else its own children;
// `out.shadowRoots` lists the roots entered, for the observer.
//
// The namespace is asked of the DOM only where it can be other than HTML: for <svg> and <math>,
// inside them (`foreign` counts the open elements that are not HTML), for a subtree's own root
// (an observer batch can start inside an <svg>), and everywhere in a document that is not HTML.
// Elsewhere the HTML parser makes only HTML elements, and asking every element was a tenth of
// the walk in Firefox, which makes a new string per call (every 8th corpus page: 3.90 -> 3.52
// times the floor; Chromium unchanged).
function walkInto(out, start, exclude, includeStart) {
  const { nodes } = out;
  const doc = OWNER_DOCUMENT.call(start) ?? start;
  const anyNamespace = CONTENT_TYPE.call(doc) !== 'text/html';
  // The walk in progress covers `scope` (with itself when `inclusive`), or each node of a slot's
  // `list` in turn. Entering a shadow root or a slot saves it in `outer` and starts a walk over
  // the root's children or the slot's nodes; when that ends, the host or slot closes and the
  // saved walk resumes after it.
  const outer = [];
  let scope = start;
  let inclusive = includeStart;
  let list = null;
  let index = 0;
  let foreign = 0;
  let n = includeStart ? start : FIRST_CHILD.call(start);
  while (n) {
    if (nodes.length >= MAX_NODES) {
      out.tooLarge = `page too large: more than ${MAX_NODES} nodes`;
      return;
    }
    let descend = false;
    let child = null;
    const type = NODE_TYPE.call(n);
    if (type === 1 && n !== exclude) {
      const name = LOCAL_NAME.call(n);
      // getAttributeNames + getAttribute, not `attributes[i]`: the NamedNodeMap makes an Attr
      // wrapper per attribute, which made the first walk of a page ~3x slower for attributes
      // (6.4 vs 1.7 ms on the Zyte page d605bdef, Chromium 156, benches/browser).
      const attrs = GET_ATTRIBUTE_NAMES.call(n);
      const ns = foreign > 0 || anyNamespace || n === scope || name === 'svg' || name === 'math' ? namespaceOf(n) : 0;
      // The element, its attributes, and an END if it has no children to walk.
      reserve(out, 5 + 2 * attrs.length);
      const { ops } = out;
      let i = out.len;
      ops[i++] = ELEMENT;
      ops[i++] = ns;
      ops[i++] = name.length;
      ops[i++] = attrs.length;
      let text = out.text + name;
      for (let a = 0; a < attrs.length; a++) {
        const key = attrs[a];
        const value = GET_ATTRIBUTE.call(n, key);
        if (text.length + key.length + value.length > MAX_TEXT_UNITS) return tooMuchText(out);
        ops[i++] = key.length;
        ops[i++] = value.length;
        text = text + key + value;
      }
      out.text = text;
      nodes.push(n);
      out.len = i;
      let root = ns === 0 ? SHADOW_ROOT.call(n) : null;
      if (root === null && CLOSED_ROOTS !== null && ns === 0 && name.includes('-')) root = closedShadowRoot(n);
      // Our own hosts (reader, toast, peek, chooser) are never read: Firefox reaches their closed
      // roots, and reading them would make the observer watch and re-analyse our UI.
      if (root !== null && GET_ATTRIBUTE.call(n, 'data-declutter-ui') !== null) root = null;
      const assigned = name === 'slot' && ns === 0 ? ASSIGNED_NODES.call(n, FLATTEN) : null;
      if (root !== null) {
        out.shadowRoots.push(root);
        outer.push({ scope, inclusive, list, index, foreign, n });
        scope = root;
        inclusive = false;
        list = null;
        foreign = 0;
        n = FIRST_CHILD.call(root);
        if (n !== null) continue;
        n = scope;
      } else if (assigned !== null && assigned.length > 0) {
        outer.push({ scope, inclusive, list, index, foreign, n });
        list = assigned;
        index = 0;
        n = scope = list[0];
        inclusive = true;
        foreign = 0;
        continue;
      } else {
        child = FIRST_CHILD.call(n);
        descend = child !== null && !skipsChildren(n, name);
        if (name === 'noscript' && ns === 0 && child !== null) {
          if (!noscriptMedia(out, n, child)) return;
          reserve(out, 1);
          out.ops[out.len++] = END;
        } else if (!descend) ops[out.len++] = END;
        else if (ns !== 0) foreign++;
      }
    } else if (type === 3) {
      const data = DATA.call(n);
      // The cap is checked before the copy: one huge text node is refused without copying it.
      if (out.text.length + data.length > MAX_TEXT_UNITS) return tooMuchText(out);
      if (data.length > 0) {
        reserve(out, 2);
        out.ops[out.len++] = TEXT;
        out.ops[out.len++] = data.length;
        out.text += data;
        nodes.push(n);
      }
    }
    if (descend) {
      n = child;
      continue;
    }
    // Climb to the next node, closing each element left behind.
    for (;;) {
      if (inclusive && n === scope) {
        if (list !== null && ++index < list.length) {
          n = scope = list[index];
          break;
        }
      } else if (n !== scope) {
        const next = NEXT_SIBLING.call(n);
        if (next !== null) {
          n = next;
          break;
        }
        const parent = PARENT_NODE.call(n);
        if (parent !== null && (inclusive || parent !== scope)) {
          n = parent;
          if (foreign > 0 && namespaceOf(n) !== 0) foreign--;
          reserve(out, 1);
          out.ops[out.len++] = END;
          continue;
        }
      }
      // This walk is over: the host or slot it ran inside closes, and the walk around it goes on.
      if (outer.length === 0) {
        n = null;
        break;
      }
      ({ scope, inclusive, list, index, foreign, n } = outer.pop());
      reserve(out, 1);
      out.ops[out.len++] = END;
    }
  }
}

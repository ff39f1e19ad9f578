// The wasm engine, one per JavaScript realm: the content script runs it when the page's CSP
// allows wasm, the background when it does not.
//
// There are two modules (scripts.mjs: WASM), and neither carries the other's code:
// `createDeclutterEngines(getURL)` holds one engine for each. The clutter module classifies
// clutter (automatic cleaning loads only it, on every page); the reader module extracts and
// renders the article. A request with `article` goes to both, one after the other: the clutter
// first, then the article around it (`exclude`), and the answer carries both.
//
// `createDeclutterEngine(url, createGlue)` is one module's engine, { ready, analyze }:
// - ready() fetches and compiles the module once, and resolves when an instance is running (the
//   content script calls it as soon as it knows what it will do); it rejects when the page's CSP
//   refuses wasm;
// - analyze(ops, text, request) runs the walker's output through `analyze` in src/wasm/mod.rs.
// A panic kills the instance (panic = "abort"); the next call starts a fresh instance of the same
// compiled module, through the glue factory (extension/build.mjs makes it from wasm-bindgen's
// output and hands it to the bundler as the module 'declutter:glue/<name>').
import { createDeclutterWasm as createClutterGlue } from 'declutter:glue/clutter';
import { createDeclutterWasm as createFullGlue } from 'declutter:glue/full';
import { WASM } from './scripts.mjs';

export function createDeclutterEngines(getURL) {
  const clutter = createDeclutterEngine(getURL(WASM.clutter), createClutterGlue);
  const reader = createDeclutterEngine(getURL(WASM.full), createFullGlue);
  return {
    ready: (article) => (article ? Promise.all([clutter.ready(), reader.ready()]) : clutter.ready()),
    async analyze(ops, text, request) {
      if (!request?.article) return clutter.analyze(ops, text, request);
      const found = await clutter.analyze(ops, text, { clutter: request.clutter });
      return readAround(found, await reader.analyze(ops, text, articleRequest(request, found)));
    },
  };
}

// The reader module's request: the article around the clutter the clutter module `found`.
export function articleRequest(request, found) {
  const { clutter: _kinds, ...rest } = request;
  return { ...rest, exclude: found.hidden.map((h) => h.origin) };
}

// One answer from the two: the reader module's article and the clutter module's hidden elements.
const readAround = (found, read) => ({ ...read, hidden: found.hidden });

// The two modules' glue, running (the benches time the reader's path with them, synchronously).
export async function readyGlues(urls) {
  const [clutter, reader] = await Promise.all([
    createDeclutterEngine(urls.clutter, createClutterGlue).ready(),
    createDeclutterEngine(urls.full, createFullGlue).ready(),
  ]);
  return { clutter, reader };
}

// What `analyze` does for an article request, on glue already running (`readyGlues`).
export function declutterRead(glues, ops, text, request) {
  const found = declutterAnalyze(glues.clutter, ops, text, { clutter: request.clutter });
  return readAround(found, declutterAnalyze(glues.reader, ops, text, articleRequest(request, found)));
}

export function createDeclutterEngine(wasmUrl, createGlue) {
  let compiled = null;
  let instance = null;

  function compile() {
    compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch((e) => {
      compiled = null;
      throw e;
    });
    return compiled;
  }

  function ready() {
    instance ??= compile().then(async (module) => {
      const glue = createGlue();
      await glue({ module_or_path: module });
      return glue;
    }).catch((e) => {
      instance = null;
      throw e;
    });
    return instance;
  }

  async function analyze(ops, text, request) {
    const glue = await ready();
    try {
      return declutterAnalyze(glue, ops, text, request);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) instance = null;
      throw e;
    }
  }

  return { ready, analyze };
}

// One call into a running instance (`glue`): the text goes straight into wasm memory through
// `TextEncoder.encodeInto` (`text_buffer` in src/wasm/mod.rs says why). UTF-16 units become 1 to
// 3 bytes: first try one byte each (most pages are mostly ASCII), then make exact room for the
// rest at 3 bytes each and encode it behind what is already written.
const DECLUTTER_UTF8 = new TextEncoder();
export function declutterAnalyze(glue, ops, text, request) {
  let view = glue.text_buffer(text.length);
  let { read, written } = DECLUTTER_UTF8.encodeInto(text, view);
  if (read < text.length) {
    const rest = text.slice(read);
    view = glue.text_buffer(written + rest.length * 3);
    written += DECLUTTER_UTF8.encodeInto(rest, view.subarray(written)).written;
  }
  return glue.analyze(ops, written, request);
}

// The wasm engine, one per JavaScript realm: the content script runs it when the page's CSP
// allows wasm, the background when it does not.
//
// There are two modules (scripts.mjs: WASM): `createDeclutterEngines(getURL)` holds one engine
// for each and picks per call: the full module for a request with `article`, and for everything
// after it has been asked for once; the small clutter-only module otherwise, so that automatic
// cleaning never fetches or compiles the reader's code.
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
  const full = createDeclutterEngine(getURL(WASM.full), createFullGlue);
  let reading = false;
  const pick = (article) => {
    reading ||= Boolean(article);
    return reading ? full : clutter;
  };
  return {
    ready: (article) => pick(article).ready(),
    analyze: (ops, text, request) => pick(request?.article).analyze(ops, text, request),
  };
}

// The full module alone (the benches time the reader's path with it).
export const createFullEngine = (wasmUrl) => createDeclutterEngine(wasmUrl, createFullGlue);

function createDeclutterEngine(wasmUrl, createGlue) {
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

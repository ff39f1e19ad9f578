// The wasm engine, one per JavaScript realm: the content script runs it when the page's CSP
// allows wasm, the background when it does not.
//
// `createDeclutterEngine(url)` returns { ready, analyze }:
// - ready() fetches and compiles the module once, and resolves when an instance is running (the
//   content script calls it as soon as it is injected, automatic cleaning at document_start); it
//   rejects when the page's CSP refuses wasm;
// - analyze(ops, text, request) runs the walker's output through `analyze` in src/wasm/mod.rs.
// A panic kills the instance (panic = "abort"); the next call starts a fresh instance of the same
// compiled module, through the glue factory `createDeclutterWasm` (extension/build.mjs makes it
// from wasm-bindgen's output and hands it to the bundler as the module 'declutter:glue').
import { createDeclutterWasm } from 'declutter:glue';

export function createDeclutterEngine(wasmUrl) {
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
      const glue = createDeclutterWasm();
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

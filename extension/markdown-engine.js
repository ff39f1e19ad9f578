// The background's Markdown engine: the export module (scripts.mjs: BACKGROUND_WASM), the full
// module plus src/render/markdown.rs, compiled the first time the reader asks for Markdown. Its
// own file so that only the background bundles this module's glue.
import { createDeclutterWasm as createExportGlue } from 'declutter:glue/export';
import { createDeclutterEngine } from './engine.js';
import { BACKGROUND_WASM } from './scripts.mjs';

export function createMarkdownEngine(getURL) {
  const engine = createDeclutterEngine(getURL(BACKGROUND_WASM.export), createExportGlue);
  // The page's walk, read again as the reader read it (around the same clutter), with the
  // Markdown asked for.
  return async (ops, text, request) => {
    const result = await engine.analyze(ops, text, { ...request, article: true, markdown: true });
    if (typeof result.markdown !== 'string') throw new Error(result.error ?? 'no article');
    return result.markdown;
  };
}

// Automatic cleaning: registered for every page only when the user switched it on in the options
// and granted the optional host permission; runs at document_start. The content scripts before
// this file did the setup.
globalThis.declutterAutoClean().catch((e) => console.warn('declutter:', e));

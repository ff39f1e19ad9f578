//! The JavaScript boundary: the only module that knows wasm_bindgen.

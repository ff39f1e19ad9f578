# declutter: one entry point for building, testing, the demo and the benchmarks.
# Every target installs what it needs first (.ci/install-tools.sh skips what is present).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
NODE_BIN := node_modules/.bin
# wasm-bindgen-test waits this long (s) for a browser test; parsing real pages takes a while.
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

.PHONY: all tools wasm extension demo test test-native test-browser test-e2e lint fuzz fuzz-build bench bench-native bench-quality bench-clutter clean

all: extension

tools:
	@.ci/install-tools.sh

# The content-script wasm, two modules of the one crate (no html5ever, no CLI): the clutter
# module that automatic cleaning loads on every page (pkg/declutter_clutter_bg.wasm), and the
# reader module (extraction + render, `--features reader`, no clutter classifier: it reads the
# article around what the clutter module found) loaded on the reader click
# (pkg/declutter_bg.wasm). The 150 KB gzip budget holds for each (a test checks it). Optimised
# by npm's binaryen (Debian's wasm-opt corrupts wasm-bindgen output, see Cargo.toml) at -Os, not
# the -O2 of the release profile: smaller, and no slower (docs/performance.md). The compiler's
# producers and target-features notes are metadata no browser reads.
# A third module, pkg/declutter_export_bg.wasm (`--features markdown`), is the reader one plus the
# Markdown writer: only the background loads it, when the reader's Keep menu asks for Markdown,
# so it is no content-script module and the budget is not its.
WASM_MODULES := declutter_clutter:--no-default-features declutter:--no-default-features,--features,reader \
  declutter_export:--no-default-features,--features,markdown
wasm: tools
	@set -e; for module in $(WASM_MODULES); do \
	  name=$${module%%:*}; flags=$$(echo $${module#*:} | tr , ' '); \
	  wasm-pack build --target no-modules --release --out-dir pkg --out-name $$name $$flags; \
	  $(NODE_BIN)/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	    --enable-reference-types --enable-mutable-globals --enable-multivalue \
	    --strip-producers --strip-target-features pkg/$${name}_bg.wasm -o pkg/$${name}_bg.wasm; \
	done
	@set -e; for module in $(WASM_MODULES); do \
	  file=pkg/$${module%%:*}_bg.wasm; gz=$$(gzip -9c $$file | wc -c); \
	  printf 'wasm: %s %s bytes, %s gzipped (content-script modules: budget 150000, tests/e2e/manifest.test.mjs)\n' $$file "$$(stat -c %s $$file)" $$gz; \
	done

extension: wasm
	node extension/build.mjs

demo: extension
	node tests/e2e/demo.mjs

test: tools test-native test-browser test-e2e lint

test-native:
	cargo test

test-browser:
	wasm-pack test --headless --chrome
	wasm-pack test --headless --firefox

test-e2e: extension
	node --test --test-concurrency=1 tests/e2e/

# The style the code is written in: rustfmt.toml, clippy with every warning an error (natively
# and for both wasm modules, whose src/wasm only exists there), and web-ext lint.
lint: extension
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features reader -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	$(NODE_BIN)/web-ext lint --source-dir dist/firefox

# Speed: declutter vs Readability.js 0.6.0 vs a bare TreeWalker in headless Chromium and Firefox,
# both corpora; writes www/bench-results.json and www/bench-results-firefox.json (charts:
# www/bench.html). BENCH_ARGS e.g. "--limit 20".
bench: extension
	node benches/browser/run.mjs $(BENCH_ARGS)
	node benches/browser/run.mjs --browser firefox $(BENCH_ARGS)

# The native path (parse + snapshot + classify + extract) on named corpus pages, with criterion.
bench-native: tools
	cargo bench --bench native

# The libFuzzer target (fuzz/README.md): FUZZ_SECONDS of fuzzing, crashes kept going (fork mode)
# and written to fuzz/artifacts/. Each finding becomes a file in tests/fixtures/fuzz/.
FUZZ_SECONDS ?= 600
FUZZ_BIN := fuzz/target/$(shell rustc -vV | sed -n 's/^host: //p')/release/pipeline
fuzz-build:
	fuzz/build.sh

fuzz: fuzz-build
	mkdir -p fuzz/corpus/pipeline fuzz/artifacts
	$(FUZZ_BIN) fuzz/corpus/pipeline tests/fixtures/hostile tests/fixtures/clutter tests/fixtures/extract \
	  tests/fixtures/fuzz -dict=fuzz/html.dict -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
	  -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 \
	  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
	@if ls fuzz/artifacts/* >/dev/null 2>&1; then echo "fuzz: findings in fuzz/artifacts/"; exit 1; fi

# Extraction quality: declutter vs Readability.js vs trafilatura on the three shared corpora,
# tuning and validation parts of the split (docs/quality-split.md). BENCH_QUALITY_ARGS e.g.
# "--corpus wcxb --only declutter". Peers' outputs are cached in target/bench-quality/cache/.
VENV_BENCH := .venv-bench
bench-quality: tools $(VENV_BENCH)/.installed
	cargo build --release
	$(VENV_BENCH)/bin/python benches/quality/heldout.py
	python3 benches/quality/run.py --no-build $(BENCH_QUALITY_ARGS)

# trafilatura, pinned, in a virtual environment of its own; remade only when the pins change.
$(VENV_BENCH)/.installed: benches/quality/requirements.txt
	test -x $(VENV_BENCH)/bin/python || python3 -m venv $(VENV_BENCH)
	$(VENV_BENCH)/bin/pip install --quiet --disable-pip-version-check -r benches/quality/requirements.txt
	touch $@

bench-clutter: tools
	cargo build --release
	node benches/clutter/run.mjs

clean:
	rm -rf target pkg dist

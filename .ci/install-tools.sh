#!/usr/bin/env bash
# Installs every tool `make test` and `make demo` need on a fresh machine of this kind
# (rustup Rust, node/npm, python3, apt). Idempotent: each step is skipped when its tool is present.
# Only package registries are reachable, so nothing here may download a browser or binary by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '[tools] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v firefox-esr >/dev/null || apt_missing+=(firefox-esr)
# The browsers' German UI, for the localisation test (tests/e2e/locales.test.mjs).
[ -e /usr/lib/chromium/locales/de.pak ] || apt_missing+=(chromium-l10n)
ls /usr/lib/firefox-esr/browser/extensions/langpack-de@* >/dev/null 2>&1 || apt_missing+=(firefox-esr-l10n-de)
# The EPUB validator for the reader's Save as EPUB (tests/e2e/export.test.mjs; runs on Java).
command -v epubcheck >/dev/null || apt_missing+=(epubcheck)
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}"
fi

# wasm-pack only uses the wasm-bindgen on PATH when it is exactly the crate's version; otherwise it
# fetches its own. The version comes from Cargo.lock so the two can never drift.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  step "cargo install wasm-bindgen-cli $bindgen_version"
  # No --locked: a yanked transitive crate makes the locked install fail.
  cargo install -q wasm-bindgen-cli --version "$bindgen_version" --force
fi
if ! command -v wasm-pack >/dev/null; then
  step "cargo install wasm-pack"
  cargo install -q wasm-pack --version 0.15.1 --locked || cargo install -q wasm-pack --version 0.15.1
fi
if ! command -v geckodriver >/dev/null; then
  step "cargo install geckodriver"
  cargo install -q geckodriver --version 0.37.1 --locked
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi
step "all tools present"

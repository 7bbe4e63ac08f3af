#!/usr/bin/env bash
# Builds the extension for Chrome and Firefox, runs it, and tests it.
#
#   ./build.sh          build dist/chrome/, dist/firefox/ and their store zips
#   ./build.sh demo     build, then run the extension in headless Chromium on bundled sample pages
#   ./build.sh test     every test, cheapest first (tools/run-tests.sh)
#   ./build.sh bench    build, then measure size and speed in headless Chromium and Firefox (docs/benchmarks.md)
#
# Each command first installs what is missing (tools/provision.sh). Nothing here talks to
# AliExpress.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$PATH"
E2E=tests/e2e
# shellcheck source=tools/provision.sh
source tools/provision.sh

# --- building ---------------------------------------------------------------------------

# Fixed timestamps and order make two builds in a row give byte-identical zips.
deterministic_zip() { # dir zipfile
  find "$1" -type d -exec chmod 755 {} + && find "$1" -type f -exec chmod 644 {} +
  find "$1" -exec touch -h -d '1980-01-01T00:00:00Z' {} +
  rm -f "$2"
  (cd "$1" && find . -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -@ "$ROOT/$2")
}

build() {
  ensure_build_tools
  local name version
  name=$(awk -F'"' '/^name = /{print $2; exit}' Cargo.toml)
  version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
  [ "$(jq -r .version manifest.json)" = "$version" ] || die "manifest.json version differs from Cargo.toml ($version)"

  rm -rf dist && mkdir -p dist
  # Three WASMs from one crate (Cargo.toml, [features]): pkg-launcher/ is what every AliExpress
  # page loads (recognition and the launcher); pkg/ the whole assistant, which the launcher
  # starts where it is needed; pkg-pages/ what the extension's own pages and the background load.
  local feature out_pkg
  for feature in launcher content pages; do
    step "building the $feature WASM (release, optimised for size)"
    # Remapped paths keep the build machine's directories out of the binary (reproducible builds).
    RUSTFLAGS="--remap-path-prefix=$ROOT=/build --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
      cargo build --locked --release --lib --target wasm32-unknown-unknown --no-default-features --features "$feature"
    local names=()
    case "$feature" in
      launcher) out_pkg=dist/pkg-launcher names=(--out-name launcher --no-modules-global exit_assistant_launcher) ;;
      content) out_pkg=dist/pkg ;;
      pages) out_pkg=dist/pkg-pages ;;
    esac
    wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section "${names[@]}" --out-dir "$out_pkg" target/wasm32-unknown-unknown/release/exit_assistant.wasm
    # Short names between the WASM and its glue, and a minified glue (tools/shrink/shrink.mjs).
    node tools/shrink/shrink.mjs wasm "$out_pkg"
  done

  for browser in chrome firefox; do
    step "assembling dist/$browser"
    local out=dist/$browser
    mkdir -p "$out"
    # launcher.css and assistant.css are compiled into the WASMs (include_str!), so they are
    # not shipped twice.
    (cd extension && find . -type f ! -name assistant.css ! -name launcher.css) | while read -r f; do
      mkdir -p "$out/$(dirname "$f")" && cp "extension/$f" "$out/$f"
    done
    # What every AliExpress page loads is minified (the sources stay readable here).
    node tools/shrink/shrink.mjs js "$out/loader.js"
    # The privacy policy the extension shows is PRIVACY.md itself.
    node tools/shrink/privacy-page.mjs PRIVACY.md "$out/privacy.html"
    cp -r dist/pkg-launcher dist/pkg dist/pkg-pages "$out/"
    if [ "$browser" = chrome ]; then
      jq 'del(.background.scripts, .browser_specific_settings)' manifest.json > "$out/manifest.json"
    else
      jq 'del(.background.service_worker)' manifest.json > "$out/manifest.json"
    fi
    deterministic_zip "$out" "dist/$name-$version-$browser.zip"
  done
  rm -rf dist/pkg-launcher dist/pkg dist/pkg-pages
  step "built"
  ls -l dist/*.zip
  printf 'WASM for every AliExpress page (the launcher): %s bytes (%s gzipped)\n' "$(wc -c < dist/chrome/pkg-launcher/launcher_bg.wasm)" "$(gzip -9n < dist/chrome/pkg-launcher/launcher_bg.wasm | wc -c)"
  printf 'WASM for the whole assistant on AliExpress pages: %s bytes (%s gzipped)\n' "$(wc -c < dist/chrome/pkg/exit_assistant_bg.wasm)" "$(gzip -9n < dist/chrome/pkg/exit_assistant_bg.wasm | wc -c)"
  printf 'WASM for the extension pages: %s bytes (%s gzipped)\n' "$(wc -c < dist/chrome/pkg-pages/exit_assistant_bg.wasm)" "$(gzip -9n < dist/chrome/pkg-pages/exit_assistant_bg.wasm | wc -c)"
}

# --- benchmark ----------------------------------------------------------------------------

bench() { # figures from the release build in real Chromium, into docs/benchmarks.md
  build
  ensure_browser_tools
  step "building the benchmark's WASM (the content build, with the parser exported)"
  cargo build --locked --release --lib --target wasm32-unknown-unknown --no-default-features --features content,bench
  rm -rf target/bench && mkdir -p target/bench
  wasm-bindgen --target no-modules --no-typescript --out-dir target/bench/pkg target/wasm32-unknown-unknown/release/exit_assistant.wasm
  step "measuring in headless Chromium and Firefox (about a quarter of an hour)"
  node "$E2E/bench.mjs"
}

demo() {
  build
  ensure_browser_tools
  step "running the extension in headless Chromium on bundled sample pages"
  node "$E2E/demo.mjs" "$ROOT/demo-output"
}

case "${1:-build}" in
  build) build ;;
  demo) demo ;;
  test) exec tools/run-tests.sh ;;
  bench) bench ;;
  *) die "unknown command '$1' (use: build, demo, test, bench)" ;;
esac

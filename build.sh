#!/usr/bin/env bash
# Builds the extension for Chrome and Firefox, runs it, and tests it.
#
#   ./build.sh          build dist/chrome/, dist/firefox/ and their store zips
#   ./build.sh demo     build, then run the extension in headless Chromium on bundled sample pages
#   ./build.sh test     quality gate and all three test tiers, in Chromium and Firefox
#   ./build.sh bench    build, then measure size and speed in headless Chromium (docs/benchmarks.md)
#
# Each command first installs what is missing: Debian packages, the wasm32 target, the
# wasm-bindgen CLI at the version Cargo.lock names, the build's locked npm tools (binaryen and
# esbuild, in tools/shrink), geckodriver, and the test harness's locked npm dependencies.
# Nothing here talks to AliExpress.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$PATH"
E2E=tests/e2e

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# --- installing what is missing ---------------------------------------------------------

apt_install() { # command:package ... — installs a package only when its command (or file) is missing
  local missing=() what
  for pair in "$@"; do
    what=${pair%%:*}
    if [[ $what == /* ]]; then [ -e "$what" ]; else command -v "$what" >/dev/null 2>&1; fi || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  step "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

locked_version() { # version of a crate in Cargo.lock
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

cargo_install() { # name version: --locked first; some locked versions are missing from the registry
  step "installing $1 $2"
  cargo install "$1" --version "$2" --locked 2>/dev/null || cargo install "$1" --version "$2"
}

ensure_build_tools() {
  # Node.js may come with its own npm (NodeSource), which conflicts with Debian's npm package.
  apt_install jq:jq zip:zip node:nodejs
  apt_install npm:npm
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  local want
  want=$(locked_version wasm-bindgen)
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    cargo_install wasm-bindgen-cli "$want"
  fi
  if ! (cd tools/shrink && npm ls --depth=0 >/dev/null 2>&1); then
    step "installing the build's locked npm dependencies (binaryen, esbuild)"
    (cd tools/shrink && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_browser_tools() {
  apt_install /usr/lib/chromium/chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr openssl:openssl node:nodejs
  apt_install npm:npm
  # The end-to-end suite runs both browsers in German too: their German UI comes in packages.
  apt_install /usr/lib/chromium/locales/de.pak:chromium-l10n \
    /usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi:firefox-esr-l10n-de
  command -v geckodriver >/dev/null || cargo_install geckodriver 0.37.1
  if ! (cd "$E2E" && npm ls --depth=0 >/dev/null 2>&1); then
    step "installing the end-to-end harness's locked npm dependencies"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

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
  # Two WASMs from one crate: pkg/ is what every AliExpress page loads (the content script);
  # pkg-pages/ is what the extension's own pages and the background load.
  local feature
  for feature in content pages; do
    step "building the $feature WASM (release, optimised for size)"
    # Remapped paths keep the build machine's directories out of the binary (reproducible builds).
    RUSTFLAGS="--remap-path-prefix=$ROOT=/build --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
      cargo build --locked --release --lib --target wasm32-unknown-unknown --no-default-features --features "$feature"
    local out_pkg=dist/pkg
    [ "$feature" = pages ] && out_pkg=dist/pkg-pages
    wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section --out-dir "$out_pkg" target/wasm32-unknown-unknown/release/exit_assistant.wasm
    # Short names between the WASM and its glue, and a minified glue (tools/shrink/shrink.mjs).
    node tools/shrink/shrink.mjs wasm "$out_pkg"
  done

  for browser in chrome firefox; do
    step "assembling dist/$browser"
    local out=dist/$browser
    mkdir -p "$out"
    # assistant.css is compiled into the WASM (include_str!), so it is not shipped twice.
    (cd extension && find . -type f ! -name assistant.css) | while read -r f; do
      mkdir -p "$out/$(dirname "$f")" && cp "extension/$f" "$out/$f"
    done
    # What every AliExpress page loads is minified (the sources stay readable here).
    node tools/shrink/shrink.mjs js "$out/loader.js"
    cp -r dist/pkg "$out/pkg"
    cp -r dist/pkg-pages "$out/pkg-pages"
    if [ "$browser" = chrome ]; then
      jq 'del(.background.scripts, .browser_specific_settings)' manifest.json > "$out/manifest.json"
    else
      jq 'del(.background.service_worker)' manifest.json > "$out/manifest.json"
    fi
    deterministic_zip "$out" "dist/$name-$version-$browser.zip"
  done
  rm -rf dist/pkg dist/pkg-pages
  step "built"
  ls -l dist/*.zip
  printf 'WASM for AliExpress pages: %s bytes (%s gzipped)\n' "$(wc -c < dist/chrome/pkg/exit_assistant_bg.wasm)" "$(gzip -9n < dist/chrome/pkg/exit_assistant_bg.wasm | wc -c)"
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
  step "measuring in headless Chromium (a few minutes)"
  node "$E2E/bench.mjs"
}

# --- testing ----------------------------------------------------------------------------

SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
FAILED_STEPS=()

record() { # label passed failed
  SUMMARY+=("$(printf '%-34s %s passed, %s failed' "$1:" "$2" "$3")")
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
}

cargo_counts() { # log -> "passed failed"; counts every "test result:" line
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p + 0, f + 0 }' "$1"
}

run_logged() { # log command... ; never aborts the script, returns the command's status
  set +e
  "${@:2}" 2>&1 | tee "$1"
  local status=${PIPESTATUS[0]}
  set -e
  return "$status"
}

gate() { # label command...
  step "quality gate: $1"
  if run_logged "target/logs/gate.log" "${@:2}"; then record "gate $1" 1 0; else record "gate $1" 0 1; FAILED_STEPS+=("$1"); fi
}

tier() { # label log command...
  step "$1"
  local status=0 counts
  run_logged "$2" "${@:3}" || status=$?
  counts=$(cargo_counts "$2")
  # A runner that fails before reporting any test still counts as a failure.
  if [ "$status" -ne 0 ] && [ "${counts#* }" = 0 ]; then counts="${counts% *} 1"; fi
  record "$1" ${counts}
  [ "$status" -eq 0 ] || FAILED_STEPS+=("$1")
}

e2e_tier() {
  step "tier (c) end to end, Chromium and Firefox"
  local status=0
  run_logged target/logs/e2e.log node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination=target/logs/e2e.tap "$E2E"/*.test.mjs || status=$?
  local pass fail skip todo
  pass=$(awk '/^# pass /{print $3}' target/logs/e2e.tap); fail=$(awk '/^# fail /{print $3}' target/logs/e2e.tap)
  skip=$(awk '/^# skipped /{print $3}' target/logs/e2e.tap); todo=$(awk '/^# todo /{print $3}' target/logs/e2e.tap)
  pass=${pass:-0}; fail=${fail:-0}
  # A skipped test is not a passing one.
  fail=$((fail + ${skip:-0} + ${todo:-0}))
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
  record "tier (c) end to end" "$pass" "$fail"
  [ "$status" -eq 0 ] && [ "$fail" -eq 0 ] || FAILED_STEPS+=("end to end")
}

run_tests() {
  build
  ensure_browser_tools
  mkdir -p target/logs
  gate "cargo fmt" cargo fmt --check
  gate "clippy (native)" cargo clippy --locked --all-targets -- -D warnings
  gate "clippy (wasm32)" cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
  # Each shipped WASM alone, so neither leans on code only the other has.
  gate "clippy (wasm32, content only)" cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features --features content -- -D warnings
  gate "clippy (wasm32, pages only)" cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features --features pages -- -D warnings
  gate "fixtures up to date" node tests/fixtures/histories/generate.mjs --check
  gate "addons-linter (Firefox build)" "$E2E/node_modules/.bin/addons-linter" --output text dist/firefox

  tier "tier (a) native core" target/logs/native.log cargo test --locked
  tier "tier (b) browser layer, Chromium" target/logs/web-chromium.log \
    env CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web
  tier "tier (b) browser layer, Firefox" target/logs/web-firefox.log \
    env GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web
  e2e_tier

  printf '\n==> summary\n'
  printf '%s\n' "${SUMMARY[@]}"
  [ ${#FAILED_STEPS[@]} -eq 0 ] || printf 'failed: %s\n' "${FAILED_STEPS[*]}"
  printf 'total: %s passed, %s failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
  [ ${#FAILED_STEPS[@]} -eq 0 ] && [ "$TOTAL_FAILED" -eq 0 ]
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
  test) run_tests ;;
  bench) bench ;;
  *) die "unknown command '$1' (use: build, demo, test, bench)" ;;
esac

#!/usr/bin/env bash
# Runs every test, cheapest first, and prints one summary line per step with its counts.
# This is what `./build.sh test` runs (and `.ci/run`, through it):
#   1. the quality gate that needs no build: cargo fmt, clippy (native, wasm32, and each
#      shipped WASM alone), the fixtures being up to date;
#   2. tier (a), the native core;
#   3. the build (./build.sh), then addons-linter on the Firefox build;
#   4. tier (b), the browser layer in Chromium and Firefox;
#   5. tier (c), end to end in both browsers.
# A step that fails doesn't stop the ones after it; the exit status says whether all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
E2E=tests/e2e
# shellcheck source=tools/provision.sh
source tools/provision.sh

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
  ensure_rust
  apt_install node:nodejs
  mkdir -p target/logs
  gate "cargo fmt" cargo fmt --check
  gate "clippy (native)" cargo clippy --locked --all-targets -- -D warnings
  gate "clippy (wasm32)" cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
  # Each shipped WASM alone, so none leans on code only another has.
  gate "clippy (wasm32, launcher only)" cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features --features launcher -- -D warnings
  gate "clippy (wasm32, content only)" cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features --features content -- -D warnings
  gate "clippy (wasm32, pages only)" cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features --features pages -- -D warnings
  gate "fixtures up to date" node tests/fixtures/histories/generate.mjs --check
  tier "tier (a) native core" target/logs/native.log cargo test --locked

  gate "build" ./build.sh
  gate "size budget (what every AliExpress page loads)" node tools/sizes.mjs --check
  ensure_browser_tools
  gate "addons-linter (Firefox build)" "$E2E/node_modules/.bin/addons-linter" --output text dist/firefox
  tier "tier (b) browser layer, Chromium" target/logs/web-chromium.log \
    env CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web
  tier "tier (b) browser layer, Firefox" target/logs/web-firefox.log \
    env GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web
  e2e_tier
  # The README's first command runs this demo; it also makes the stores' screenshots.
  gate "demo (and the store screenshots, 1280×800)" node "$E2E/demo.mjs" target/demo-check

  printf '\n==> summary\n'
  printf '%s\n' "${SUMMARY[@]}"
  [ ${#FAILED_STEPS[@]} -eq 0 ] || printf 'failed: %s\n' "${FAILED_STEPS[*]}"
  printf 'total: %s passed, %s failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
  [ ${#FAILED_STEPS[@]} -eq 0 ] && [ "$TOTAL_FAILED" -eq 0 ]
}

run_tests

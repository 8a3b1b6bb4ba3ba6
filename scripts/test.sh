#!/usr/bin/env bash
# Installs what is missing, then runs every test layer in order and stops at the first failure:
# fmt, clippy (native and wasm32), native tests (with the CPython differential test), browser
# tests (wasm-bindgen-test in headless Chromium), the release build, end-to-end tests.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
ensure_chromium
ensure_python

cd "$ROOT"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
SUMMARY=()
TOTAL_PASSED=0

FAILED_LOG=""

# layer NAME PASSED FAILED [LOG]: records a layer's counts; stops everything if it failed.
layer() {
  SUMMARY+=("$1: $2 passed, $3 failed")
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  if [ "$3" != 0 ]; then FAILED_LOG="${4:-}"; finish 1; fi
}
# failures LOG: what failed, from a layer's log (the panics of cargo test and wasm-bindgen-test,
# node's failing tests), so the end of the output, which is what a truncated log keeps, says it.
failures() {
  local found
  found=$(grep -E -A4 "panicked at|^test .* FAILED$|^✖ |^  ✖ |failed to detect test|timed out" "$1" || true)
  if [ -n "$found" ]; then head -n 60 <<<"$found"; else echo "(no test names in the log: see above)"; fi
}
finish() {
  echo
  if [ -n "$FAILED_LOG" ] && [ -f "$FAILED_LOG" ]; then
    say "what failed (from $FAILED_LOG)"
    failures "$FAILED_LOG"
    echo
  fi
  say "summary"
  printf '%s\n' "${SUMMARY[@]}"
  if [ "$1" = 0 ]; then echo "total: $TOTAL_PASSED passed, 0 failed"; else echo "stopped at the first failing layer"; fi
  exit "$1"
}
# check NAME CMD...: a layer of one check that passes when CMD succeeds.
check() {
  local name="$1"; shift
  say "$name"
  if "$@"; then layer "$name" 1 0; else layer "$name" 0 1; fi
}
# count LOG: sums the "N passed; M failed" of every test result line in LOG.
count() {
  local passed failed
  passed=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  failed=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  echo "$passed $failed"
}

check "rustfmt" cargo fmt --all --check
check "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
check "clippy (wasm32)" cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

say "native tests (cargo test, with the differential test against $(python3 --version))"
set +e
cargo test --workspace --locked -- --show-output 2>&1 | tee "$LOGS/native.log"
status=${PIPESTATUS[0]}
set -e
read -r passed failed < <(count "$LOGS/native.log")
[ "$status" = 0 ] || [ "$failed" != 0 ] || failed=1
layer "native tests" "$passed" "$failed" "$LOGS/native.log"

say "browser tests (wasm-bindgen-test in headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=300
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
set +e
cargo test -p playground-runtime --profile browser-test --locked --target wasm32-unknown-unknown 2>&1 | tee "$LOGS/browser.log"
status=${PIPESTATUS[0]}
set -e
read -r passed failed < <(count "$LOGS/browser.log")
[ "$status" = 0 ] || [ "$failed" != 0 ] || failed=1
layer "browser tests" "$passed" "$failed" "$LOGS/browser.log"

check "release build (trunk build --release --offline)" trunk build --release --offline
say "dist/ sizes (raw, gzip -9)"
(cd dist && for f in $(find . -type f | sort); do
  printf '%-48s %9d B raw %9d B gzip\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
done)

say "end-to-end tests (playwright-core driving /usr/bin/chromium against dist/ as static files)"
set +e
node --test --test-reporter=spec --test-concurrency=1 tests/e2e/*.test.mjs 2>&1 | tee "$LOGS/e2e.log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo '^ℹ pass [0-9]+' "$LOGS/e2e.log" | awk '{print $3}')
failed=$(grep -Eo '^ℹ fail [0-9]+' "$LOGS/e2e.log" | awk '{print $3}')
passed=${passed:-0}; failed=${failed:-0}
[ "$status" = 0 ] || [ "$failed" != 0 ] || failed=1
layer "end-to-end tests" "$passed" "$failed" "$LOGS/e2e.log"

finish 0

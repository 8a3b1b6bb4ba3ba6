#!/usr/bin/env bash
# The benchmark: builds the release site, drives it in headless Chromium, prints one line per figure.
# Not part of the test command (machines here are shared: figures vary). BENCH_RUNS=3 for a quick look.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
ensure_chromium
cd "$ROOT"
say "release build"
trunk build --release --offline
say "benchmark"
node tests/bench/bench.mjs

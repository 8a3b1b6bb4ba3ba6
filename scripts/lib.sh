# shellcheck shell=bash
# Shared helpers for serve.sh, test.sh and bench.sh: idempotent installs of the toolchain.
# Every install says what it does; a failure stops with what failed and what to run by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
  printf '\033[31merror: %s\033[0m\n' "$1" >&2
  [ $# -gt 1 ] && printf 'To fix it by hand, run:\n  %s\n' "$2" >&2
  exit 1
}
# try "what" "command to run by hand" cmd args...: runs cmd, or dies with the hint.
try() {
  local what="$1" hint="$2"; shift 2
  say "$what"
  "$@" || die "$what failed" "$hint"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_rust_target() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then return; fi
  try "installing the wasm32-unknown-unknown target" "rustup target add wasm32-unknown-unknown" \
    rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION\$"; then return; fi
  try "installing trunk $TRUNK_VERSION (about 7 minutes, once)" \
    "cargo install trunk --version $TRUNK_VERSION --locked" \
    cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION\$" &&
    command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  # Not --locked: the CLI's lock file names a crate version the registry lacks.
  try "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)" \
    "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --force" \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
}

# npm packages (binaryen's wasm-opt, playwright-core, axe-core) from the committed lock file. They are kept
# in a cache folder keyed by the lock file's hash, so a fresh clone links them instead of installing.
ensure_node_modules() {
  command -v npm >/dev/null || die "npm is missing" "apt-get update && apt-get install -y nodejs npm"
  local hash cache
  hash=$(cat "$ROOT/package.json" "$ROOT/package-lock.json" | sha256sum | cut -c1-16)
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/asyncio-playground/npm-$hash"
  if [ ! -f "$cache/.complete" ]; then
    mkdir -p "$cache"
    cp "$ROOT/package.json" "$ROOT/package-lock.json" "$cache/"
    try "installing npm packages (binaryen, playwright-core, axe-core) from package-lock.json" \
      "cd $ROOT && npm ci" \
      npm ci --prefix "$cache" --no-audit --no-fund
    touch "$cache/.complete"
  fi
  if [ "$(readlink "$ROOT/node_modules" 2>/dev/null)" != "$cache/node_modules" ]; then
    rm -rf "$ROOT/node_modules"
    ln -s "$cache/node_modules" "$ROOT/node_modules"
  fi
  wasm-opt --version >/dev/null 2>&1 || die "wasm-opt from npm's binaryen does not run" "cd $ROOT && npm ci"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  try "installing Debian's chromium and chromium-driver" \
    "apt-get update && apt-get install -y chromium chromium-driver" \
    bash -c "$(declare -f as_root); as_root apt-get update -q && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium chromium-driver"
}

ensure_python() {
  command -v python3 >/dev/null || die "python3 is missing (the reference for asyncio)" "apt-get install -y python3"
  python3 -c 'import sys; assert sys.version_info >= (3, 11)' ||
    die "python3 is older than 3.11 (asyncio.TaskGroup is needed)" "apt-get install -y python3"
}

# What the playground needs to build and serve.
ensure_build_tools() {
  command -v cargo >/dev/null || die "cargo is missing" "curl https://sh.rustup.rs | sh"
  ensure_rust_target
  ensure_node_modules
  ensure_wasm_bindgen
  ensure_trunk
}

#!/usr/bin/env bash
# Installs what is missing, builds the playground and serves it at http://127.0.0.1:${PORT:-8080}.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
PORT="${PORT:-8080}"
say "serving the playground at http://127.0.0.1:$PORT (Ctrl-C stops; PORT=9000 $0 picks another port)"
cd "$ROOT"
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT"

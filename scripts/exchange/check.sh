#!/usr/bin/env bash
# Checks agon's exports with readers that are not agon (see check.py): installs Argdown's CLI
# (npm, into a temporary folder) and clingo (into <repo>/.venv), then runs check.py.
# AGON may name the agon binary (default: the release build).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
bash "$ROOT/scripts/aba-ref/install.sh" >/dev/null
NPM_DIR="${AGON_ARGDOWN_DIR:-$ROOT/target/argdown-cli}"
if [ ! -x "$NPM_DIR/node_modules/.bin/argdown" ]; then
    mkdir -p "$NPM_DIR"
    npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-save @argdown/cli@1 >/dev/null
fi
export AGON="${AGON:-$ROOT/target/release/agon}"
export ARGDOWN="$NPM_DIR/node_modules/.bin/argdown"
exec "$ROOT/.venv/bin/python" "$HERE/check.py"

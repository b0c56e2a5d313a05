#!/usr/bin/env bash
# What CI runs for the AF reference check (wired into .ci/run):
#   1. clingo into <repo>/.venv (the ABA check's install, idempotent)
#   2. selftest.sh   reference.py vs brute force, and compare.py's fault detection
#   3. compare.py against the release binary (agon solve), about a minute on 2 cores
# Exits non-zero on any failure.  AGON may name another agon binary (then no build).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

echo "== af-ref: install"
bash "$ROOT/scripts/aba-ref/install.sh"

echo "== af-ref: reference vs brute force"
bash "$HERE/selftest.sh"

echo "== af-ref: agon solve vs reference, every AF task"
if [ -z "${AGON:-}" ]; then
    cargo build --release -q
    AGON="$ROOT/target/release/agon"
fi
"$ROOT/.venv/bin/python" "$HERE/compare.py" --agon "$AGON"

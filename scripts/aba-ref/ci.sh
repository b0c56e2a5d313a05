#!/usr/bin/env bash
# What CI runs for the ABA reference check (the lead wires it into .ci/run):
#   1. install.sh    clingo into <repo>/.venv (idempotent)
#   2. selftest.sh   reference.py vs brute force on ~2,000 tiny frameworks + harness checks
#   3. compare.py --quick against the release binary (agon solve), < 5 min on 2 cores
# Exits non-zero on any failure.  AGON may name another agon binary (then no build).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

echo "== aba-ref: install"
bash "$HERE/install.sh"

echo "== aba-ref: reference vs brute force"
bash "$HERE/selftest.sh"

echo "== aba-ref: agon solve vs reference (quick)"
if [ -z "${AGON:-}" ]; then
    cargo build --release -q
    AGON="$ROOT/target/release/agon"
fi
"$ROOT/.venv/bin/python" "$HERE/compare.py" --quick --agon "$AGON" --fail-on-timeout

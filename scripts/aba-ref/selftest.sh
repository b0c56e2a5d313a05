#!/usr/bin/env bash
# Self-test of the ABA reference: reference.py (clingo) against brute.py (every
# assumption subset, straight from the definitions) on random tiny frameworks, every
# semantics (ADM CO ST PR SST GR ID), DC and DS for every atom, SE, and verify() on
# the subsets; then compare.py's own fault detection against fake_solver.py.
#
#   selftest.sh [N_TINY] [N_SMALL]   # defaults 1500 frameworks of 3-6 atoms, 500 of 6-9
#
# The two brute-force runs go in parallel (2 cores).  Exits non-zero on any
# disagreement.  Installs clingo into <repo>/.venv first (idempotent).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
"$HERE/install.sh" >/dev/null || exit 1
PY="$ROOT/.venv/bin/python"
N_TINY="${1:-1500}"
N_SMALL="${2:-500}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

"$PY" "$HERE/selftest.py" "$N_TINY" 0 3 6 > "$tmp/tiny.txt" 2>&1 &
p1=$!
"$PY" "$HERE/selftest.py" "$N_SMALL" 0 6 9 > "$tmp/small.txt" 2>&1 &
p2=$!
wait $p1 || fail=$((fail + 1))
wait $p2 || fail=$((fail + 1))
grep -v ': [0-9]* passed, [0-9]* failed$' "$tmp/tiny.txt"
grep -v ': [0-9]* passed, [0-9]* failed$' "$tmp/small.txt"

# compare.py must flag a faulty solver (and pass the reference against itself)
cd "$ROOT"
HARNESS_ARGS=(--sizes 25 --per-size 1 --tasks DC-CO,DS-PR,SE-ST --queries 1 --asm-queries 1 --timeout 3 --fail-on-timeout)
source "$ROOT/scripts/fault_harness.sh"
harness ok 0
harness flip 1
harness crash 1
harness garbage 1
harness hang 1

echo "aba-ref selftest: $((7 - fail)) passed, $fail failed"
[ "$fail" = 0 ]

#!/usr/bin/env bash
# Self-test of the AF reference: reference.py (clingo) against brute force (selftest.py:
# every subset of random tiny frameworks, every semantics and task), then compare.py's
# own fault detection against fake_solver.py.  Exits non-zero on any failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
bash "$ROOT/scripts/aba-ref/install.sh" >/dev/null || exit 1
PY="$ROOT/.venv/bin/python"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

"$PY" "$HERE/selftest.py" 400 0 1 7 > "$tmp/tiny.txt" 2>&1 &
p1=$!
"$PY" "$HERE/selftest.py" 80 1 8 10 > "$tmp/small.txt" 2>&1 &
p2=$!
wait $p1 || fail=$((fail + 1))
wait $p2 || fail=$((fail + 1))
cat "$tmp/tiny.txt" "$tmp/small.txt"

# compare.py must pass the reference itself and flag each kind of fault
HARNESS_ARGS=(--sizes 12,40 --per-size 3 --tasks DC-CO,DS-PR,SE-ST,SE-PR,DS-STG,SE-SST --queries 2 --timeout 20)
source "$ROOT/scripts/fault_harness.sh"
harness ok 0
harness flip 1
harness grow 1
harness crash 1
harness garbage 1

echo "af-ref selftest: $((7 - fail)) passed, $fail failed"
[ "$fail" = 0 ]

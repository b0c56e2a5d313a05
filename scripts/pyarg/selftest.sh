#!/usr/bin/env bash
# Self-test of the py_arg oracle:
#  1. runs oracle.py on every examples/*.json and compares the result with
#     examples/expected/<name>.json (JSON equality; a diff is shown on mismatch);
#  2. cross-checks the Dung solvers (py_arg, dung.py, brute force) on random
#     frameworks, and py_arg's ASPIC+ layer against a direct transcription of
#     Modgil & Prakken (2013) on random theories.
# Exits non-zero on any mismatch.  --update rewrites the expected files from the
# current output (review the diff before committing!).  Installs the venv first
# (idempotent).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
"$HERE/install.sh" >/dev/null || exit 1
PY="${PYARG_PYTHON:-$ROOT/.venv/bin/python}"
UPDATE=0
[ "${1:-}" = "--update" ] && UPDATE=1

pass=0
fail=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$HERE/examples/expected"

for input in "$HERE"/examples/*.json; do
    name="$(basename "$input" .json)"
    expected="$HERE/examples/expected/$name.json"
    if ! "$PY" "$HERE/oracle.py" < "$input" > "$tmp/raw.json" 2> "$tmp/err.txt"; then
        echo "FAIL $name: oracle exited non-zero"; cat "$tmp/err.txt"; fail=$((fail + 1)); continue
    fi
    "$PY" -m json.tool --sort-keys "$tmp/raw.json" > "$tmp/got.json"
    if [ "$UPDATE" = 1 ]; then
        cp "$tmp/got.json" "$expected"
    fi
    if [ ! -f "$expected" ]; then
        echo "FAIL $name: no $expected (run selftest.sh --update and review)"; fail=$((fail + 1)); continue
    fi
    if diff -u "$expected" "$tmp/got.json" > "$tmp/diff.txt"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name:"; cat "$tmp/diff.txt"; fail=$((fail + 1))
    fi
done
echo "examples: $pass passed, $fail failed"

if "$PY" "$HERE/check_dung.py" 600 1; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
if "$PY" "$HERE/check_aspic.py" 300 1; then pass=$((pass + 1)); else fail=$((fail + 1)); fi

echo "pyarg: $pass passed, $fail failed"
[ "$fail" = 0 ]

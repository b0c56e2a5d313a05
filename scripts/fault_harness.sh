# Sourced by the reference checks' selftest.sh (aba-ref, af-ref): compare.py must pass a
# faithful stand-in solver and flag a faulty one.  `harness MODE EXPECTED_EXIT` runs
# "$HERE/compare.py" against "$HERE/fake_solver.py MODE" with the arguments of the array
# HARNESS_ARGS, and counts an unexpected exit status in `fail`.  Needs PY, HERE and tmp.
harness() {
    "$PY" "$HERE/compare.py" --solver "$PY $HERE/fake_solver.py $1" "${HARNESS_ARGS[@]}" > "$tmp/h_$1.txt" 2>&1
    local rc=$?
    if [ "$rc" = "$2" ]; then
        echo "compare.py with a '$1' solver: exit $rc as expected"
    else
        echo "FAIL compare.py with a '$1' solver: exit $rc, expected $2"; cat "$tmp/h_$1.txt"
        fail=$((fail + 1))
    fi
}

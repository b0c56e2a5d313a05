#!/usr/bin/env python3
"""A deliberately faulty stand-in solver, to check that compare.py catches faults.

    fake_solver.py MODE -p TASK -f FILE [-a Q]

MODE: ok (answers as reference.py), flip (negates DC/DS answers), empty (SE answers
`w` with no assumptions), crash (exit 3), hang (sleeps), garbage (prints MAYBE).
"""

import sys
import time

import reference

mode, rest = sys.argv[1], sys.argv[2:]
if mode == "crash":
    sys.exit(3)
if mode == "hang":
    time.sleep(3600)
if mode == "garbage":
    print("MAYBE")
    sys.exit(0)
if mode in ("flip", "empty"):
    task = rest[rest.index("-p") + 1].upper()
    if mode == "empty" and task.startswith("SE-"):
        print("w")
        sys.exit(0)
    if mode == "flip" and not task.startswith("SE-"):
        import io
        import contextlib
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            reference.main(rest)
        print("NO" if buf.getvalue().strip() == "YES" else "YES")
        sys.exit(0)
sys.exit(reference.main(rest))

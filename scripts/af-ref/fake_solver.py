#!/usr/bin/env python3
"""A deliberately faulty stand-in solver, to check that compare.py catches faults.

    fake_solver.py MODE -p TASK -f FILE [-a Q]

MODE: ok (answers as reference.py), flip (negates DC/DS answers), grow (adds an argument
to every SE answer, so that it is no extension), crash (exit 3), garbage (prints MAYBE).
"""

import sys

import reference

mode, rest = sys.argv[1], sys.argv[2:]
if mode == "crash":
    sys.exit(3)
if mode == "garbage":
    print("MAYBE")
    sys.exit(0)
task = rest[rest.index("-p") + 1].upper()
af = reference.read(rest[rest.index("-f") + 1])
query = int(rest[rest.index("-a") + 1]) if "-a" in rest else None
exts = reference.extensions(af)
if task.startswith("SE-"):
    sem = task.split("-")[1]
    # One extension, by the listing where there is one, else the one complete and stable keep.
    one = exts[sem][2] if sem in ("CO", "ST") else reference.listing(exts, sem)[0]
    if one is not None and mode == "grow":
        one = one | {max(set(range(1, af.n + 1)) - one, default=1)}
    print("NO" if one is None else "w " + " ".join(map(str, sorted(one))))
else:
    yes = reference.answer(task, exts, query)
    print("YES" if yes != (mode == "flip") else "NO")

#!/usr/bin/env python3
"""Check reference.py against brute.py on many tiny random frameworks.

    selftest.py [COUNT] [SEED] [MIN_ATOMS] [MAX_ATOMS]     (defaults 1000 0 3 6)

For each framework (generate.tiny), each semantics and each atom as query: DC and DS
must agree; SE must return one of brute force's extensions (or NO iff there is none);
reference.verify must accept every brute-force extension and reject every other
subset (all subsets up to 32 of them, else the extensions and 32 random others).  Exits 1 on any disagreement, printing the framework.
"""

import random
import sys
import time
from collections import Counter
from itertools import combinations

import generate
import reference
from brute import Brute

SEMS = ("ADM", "CO", "ST", "PR", "SST", "GR", "ID")


def check(fw, stats):
    errors = []
    b = Brute(fw)
    e = b.ext
    stats["no stable"] += not e["ST"]
    stats["several preferred"] += len(e["PR"]) > 1
    stats["semi-stable != preferred"] += set(e["SST"]) != set(e["PR"])
    stats["ideal != grounded"] += e["ID"] != e["GR"]
    stats["grounded non-empty"] += bool(e["GR"][0])
    A = sorted(fw.assumptions)
    subsets = [frozenset(c) for k in range(len(A) + 1) for c in combinations(A, k)]
    if len(subsets) > 32:
        subsets = random.Random(len(subsets)).sample(subsets, 32)
    n_checks = 0
    for sem in SEMS:
        exts = set(b.extensions(sem))
        for kind in ("DC", "DS"):
            for q in range(1, fw.n + 1):
                want = b.accepted(kind, sem, q)
                got = reference.solve_task(fw, f"{kind}-{sem}", q)
                n_checks += 1
                if got != want:
                    errors.append(f"{kind}-{sem} -a {q}: reference {got}, brute {want}")
        got = reference.solve_task(fw, f"SE-{sem}")
        n_checks += 1
        if got is None:
            if exts:
                errors.append(f"SE-{sem}: reference NO, brute has {sorted(map(sorted, exts))}")
        elif frozenset(got) not in exts:
            errors.append(f"SE-{sem}: reference {got} not among {sorted(map(sorted, exts))}")
        for s in set(subsets) | exts:
            n_checks += 1
            if reference.verify(fw, f"SE-{sem}", s) != (s in exts):
                errors.append(f"verify SE-{sem} {sorted(s)}: says {s not in exts}")
    return errors, n_checks


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed0 = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    lo = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    hi = int(sys.argv[4]) if len(sys.argv) > 4 else 6
    stats = Counter()
    t0 = time.time()
    total = 0
    bad = 0
    for seed in range(seed0, seed0 + count):
        fw = generate.tiny(seed, lo, hi)
        errors, n = check(fw, stats)
        total += n
        if errors:
            bad += 1
            print(f"DISAGREE on tiny seed {seed}:")
            print(fw.to_iccma([f"generate.tiny({seed}, {lo}, {hi})"]), end="")
            for e in errors[:20]:
                print("   ", e)
    print(f"aba-ref selftest: {count} tiny frameworks of {lo}-{hi} atoms (seeds {seed0}..{seed0 + count - 1}), "
          f"{total} checks, {bad} frameworks with a disagreement, {time.time() - t0:.1f}s")
    print("  of which: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    print(f"aba-ref: {count - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

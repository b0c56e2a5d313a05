#!/usr/bin/env python3
"""Check reference.py against brute.py on many tiny random frameworks.

    selftest.py [COUNT] [SEED]

For each framework (generate.tiny), each semantics and each atom as query: DC and DS
must agree; SE must return one of brute force's extensions (or NO iff there is none);
reference.verify must accept every brute-force extension and reject every other
subset.  Exits 1 on any disagreement, printing the framework.
"""

import sys
import time
from itertools import combinations

import generate
import reference
from brute import Brute

SEMS = ("ADM", "CO", "ST", "PR", "SST", "GR", "ID")


def check(fw):
    errors = []
    b = Brute(fw)
    A = sorted(fw.assumptions)
    subsets = [frozenset(c) for k in range(len(A) + 1) for c in combinations(A, k)]
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
        for s in subsets:
            n_checks += 1
            if reference.verify(fw, f"SE-{sem}", s) != (s in exts):
                errors.append(f"verify SE-{sem} {sorted(s)}: says {s not in exts}")
    return errors, n_checks


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed0 = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    t0 = time.time()
    total = 0
    bad = 0
    for seed in range(seed0, seed0 + count):
        fw = generate.tiny(seed)
        errors, n = check(fw)
        total += n
        if errors:
            bad += 1
            print(f"DISAGREE on tiny seed {seed}:")
            print(fw.to_iccma([f"generate.py --tiny --seed {seed}"]), end="")
            for e in errors[:20]:
                print("   ", e)
    print(f"aba-ref selftest: {count} tiny frameworks (seeds {seed0}..{seed0 + count - 1}), "
          f"{total} checks, {bad} frameworks with a disagreement, {time.time() - t0:.1f}s")
    print(f"aba-ref: {count - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Cross-check the three Dung solvers the oracle relies on, on random small
frameworks (self-attacks included): py_arg 2.0.2's algorithms, dung.py, and a
brute force over all subsets written straight from Dung (1995) / Caminada (2006)
/ Dung, Mancarella & Toni (2007, ideal).  Usage: check_dung.py [count] [seed]"""
import itertools
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dung  # noqa: E402
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import \
    AbstractArgumentationFramework  # noqa: E402
from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: E402
from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: E402
from oracle import pyarg_extensions  # noqa: E402


def brute(n, att):
    attackers = {a: {x for (x, y) in att if y == a} for a in range(n)}

    def cf(s):
        return not any((x, y) in att for x in s for y in s)

    def defended(a, s):
        return all(any((z, b) in att for z in s) for b in attackers[a])

    subsets = [frozenset(c) for k in range(n + 1) for c in itertools.combinations(range(n), k)]
    adm = [s for s in subsets if cf(s) and all(defended(a, s) for a in s)]
    comp = [s for s in adm if all((a in s) == defended(a, s) for a in range(n))]
    pref = [s for s in adm if not any(s < t for t in adm)]

    def rng(s):
        return s | {y for (x, y) in att if x in s}
    inter = frozenset.intersection(*pref)
    return {"grounded": {min(comp, key=len)}, "preferred": set(pref), "complete": set(comp),
            "stable": {s for s in comp if len(rng(s)) == n},
            "semi-stable": {s for s in comp if not any(rng(s) < rng(t) for t in comp)},
            "ideal": {max([s for s in adm if s <= inter], key=len)}}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    bad = 0
    for _ in range(count):
        n = rnd.randint(0, 8)
        p = rnd.random() * 0.5
        att = {(i, j) for i in range(n) for j in range(n) if rnd.random() < p}
        args = [Argument("a%d" % i) for i in range(n)]
        af = AbstractArgumentationFramework("af", args, [Defeat(args[i], args[j]) for (i, j) in att])
        idx = {a.name: int(a.name[1:]) for a in args}
        got_p = {k: {frozenset(idx[a.name] for a in e) for e in v}
                 for k, v in pyarg_extensions(af).items()}
        got_n = {k: set(v) for k, v in dung.all_semantics(n, att).items()}
        exp = brute(n, att)
        for k in exp:
            for who, got in (("py_arg", got_p), ("dung.py", got_n)):
                if got[k] != exp[k]:
                    bad += 1
                    if bad <= 5:
                        print("MISMATCH %s %s n=%d attacks=%s expected %s got %s"
                              % (who, k, n, sorted(att), exp[k], got[k]))
    print("%d passed, %d failed" % (count - min(bad, count), bad) if bad else "%d passed, 0 failed" % count)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Brute-force oracle for tiny flat ABA frameworks: every subset of the assumptions,
checked straight from the definitions (no ASP, no cleverness).

    brute.py -p TASK -f FILE [-a QUERY]     # same interface and output as reference.py

Definitions (flat ABA at the level of assumption sets):
  Th(S)        closure of S under the rules
  attacks(S,a) some contrary of a is in Th(S)
  conflict-free  S attacks no member of S
  defends(S,a) no contrary of a is in Th(A minus the assumptions S attacks)
  admissible   conflict-free and defends each member
  complete     admissible and contains every assumption it defends
  preferred    ⊆-maximal admissible
  stable       conflict-free and attacks every assumption outside it
  semi-stable  complete with ⊆-maximal range S ∪ attacked(S)
  grounded     the least complete set
  ideal        the largest admissible set contained in every preferred extension
"""

import argparse
import sys
from itertools import combinations

from abaio import closure, read

MAX_ASSUMPTIONS = 16


class Brute:
    def __init__(self, fw):
        if len(fw.assumptions) > MAX_ASSUMPTIONS:
            raise ValueError(f"brute force over {len(fw.assumptions)} assumptions is too slow")
        self.fw = fw
        A = frozenset(fw.assumptions)
        self.A = A
        subsets = [frozenset(c) for k in range(len(A) + 1) for c in combinations(sorted(A), k)]
        th = {s: closure(fw, s) for s in subsets}
        self.th = th

        def attacked(s):
            return frozenset(a for a in A if fw.contraries.get(a, set()) & th[s])

        att = {s: attacked(s) for s in subsets}
        defended = {s: frozenset(a for a in A if not (fw.contraries.get(a, set()) & th[A - att[s]]))
                    for s in subsets}
        cf = [s for s in subsets if not (s & att[s])]
        adm = [s for s in cf if s <= defended[s]]
        co = [s for s in adm if defended[s] <= s]
        st = [s for s in cf if att[s] == A - s]
        pr = [s for s in adm if not any(s < t for t in adm)]
        rng = {s: s | att[s] for s in co}
        sst = [s for s in co if not any(rng[s] < rng[t] for t in co)]
        least = [s for s in co if all(s <= t for t in co)]
        assert len(least) == 1, "no least complete set"
        common = frozenset.intersection(*pr)
        inside = [s for s in adm if s <= common]
        largest = [s for s in inside if all(t <= s for t in inside)]
        assert len(largest) == 1, "no largest admissible set inside every preferred"
        self.ext = {"ADM": adm, "CO": co, "ST": st, "PR": pr, "SST": sst, "GR": least, "ID": largest}

    def extensions(self, sem):
        return self.ext[sem]

    def accepted(self, kind, sem, q):
        exts = self.ext[sem]
        if kind == "DC":
            return any(q in self.th[e] for e in exts)
        return all(q in self.th[e] for e in exts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="task", required=True)
    ap.add_argument("-f", dest="file", required=True)
    ap.add_argument("-a", dest="query", type=int)
    args = ap.parse_args(argv)
    kind, sem = args.task.upper().split("-", 1)
    b = Brute(read(args.file))
    if kind == "SE":
        exts = b.extensions(sem)
        print("NO" if not exts else " ".join(["w"] + [str(x) for x in sorted(min(exts, key=sorted))]))
    else:
        print("YES" if b.accepted(kind, sem, args.query) else "NO")
    return 0


if __name__ == "__main__":
    sys.exit(main())

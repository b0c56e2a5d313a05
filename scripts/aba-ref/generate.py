#!/usr/bin/env python3
"""Random flat ABA frameworks of the shape of the ICCMA 2023 ABA track's benchmarks.

Written from the track's published description of its generator (atoms 1..N,
the first round(ratio*N) of them assumptions; every assumption gets a contrary;
the non-assumptions are put in a random order and each one heads between 1 and
MAX_RULES rules, each rule body having between 1 and MAX_BODY members drawn from
the assumptions and the non-assumptions earlier in that order, so that the rules
are acyclic unless --cycle-prob lets later atoms in too).  Here contraries are
non-assumption atoms (as the brief for agon's ABA track asks) unless
--asm-contrary-prob says otherwise.

Deterministic: the same arguments and seed give the same file, byte for byte.

    generate.py --atoms 500 --ratio 0.3 --max-rules 5 --max-body 10 --seed 7 -o x.aba
    generate.py --tiny --seed 3              # 3 to 6 atoms, for brute-force checks
    generate.py --suite DIR --count 2        # the whole ICCMA-shaped grid into DIR

The ICCMA 2023 grid: atoms in {25, 100, 500, 2000, 5000} here (the track used
sizes from tens to 5,000), ratio in {0.1, 0.3}, max rules per head in {5, 10},
max body size in {5, 10}.
"""

import argparse
import os
import random
import sys

from abaio import Framework

SIZES = [25, 100, 500, 2000, 5000]
RATIOS = [0.1, 0.3]
MAX_RULES = [5, 10]
MAX_BODY = [5, 10]


def generate(atoms, ratio, max_rules, max_body, seed, cycle_prob=0.0, asm_contrary_prob=0.0,
             min_rules=1, min_body=1):
    """One framework; `seed` fixes everything."""
    rng = random.Random(f"aba-ref/{atoms}/{ratio}/{max_rules}/{max_body}/{cycle_prob}/"
                        f"{asm_contrary_prob}/{min_rules}/{min_body}/{seed}")
    n_asm = min(atoms - 1, max(1, int(round(ratio * atoms))))
    assumptions = list(range(1, n_asm + 1))
    others = list(range(n_asm + 1, atoms + 1))
    contraries = {}
    for a in assumptions:
        if asm_contrary_prob and rng.random() < asm_contrary_prob:
            contraries[a] = {rng.choice(assumptions)}
        else:
            contraries[a] = {rng.choice(others)}
    order = others[:]
    rng.shuffle(order)
    rules = []
    for i, head in enumerate(order):
        pool = assumptions + order[:i]
        later = order[i:]
        if cycle_prob > 0 and later:
            k = min(len(later), max(0, int(round(cycle_prob * len(order)))))
            pool = pool + rng.sample(later, k)
        for _ in range(rng.randint(min_rules, max_rules)):
            size = min(len(pool), rng.randint(min_body, max_body))
            rules.append((head, tuple(sorted(rng.sample(pool, size)))))
    return Framework(atoms, assumptions, contraries, rules)


def tiny(seed, lo=3, hi=6):
    """A tiny framework for exhaustive checks: lo to hi atoms (3 to 6 by default), about
    half of them assumptions, mostly short bodies (so that assumptions attack each other
    as in an argumentation framework, giving several preferred / semi-stable
    extensions), facts and empty bodies allowed, cycles, assumption contraries and
    heads with no rule sometimes."""
    rng = random.Random(f"aba-ref/tiny/{lo}/{hi}/{seed}")
    n = rng.randint(lo, hi)
    if rng.random() < 0.5:
        return _tiny_af_like(rng, n)
    n_asm = max(1, min(n - 1, rng.choice([n // 2, n // 2, (n + 1) // 2, rng.randint(1, n - 1)])))
    assumptions = list(range(1, n_asm + 1))
    others = list(range(n_asm + 1, n + 1))
    asm_contrary = rng.random() < 0.2
    contraries = {}
    for a in assumptions:
        pool = others + (assumptions if asm_contrary else [])
        contraries[a] = {rng.choice(pool)}
    cyclic = rng.random() < 0.5
    order = others[:]
    rng.shuffle(order)
    rules = []
    for i, head in enumerate(order):
        pool = assumptions + (others if cyclic else order[:i])
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            size = min(len(pool), rng.choice([0, 1, 1, 1, 1, 2, 2, 3]))
            rules.append((head, tuple(sorted(rng.sample(pool, size)))))
    return Framework(n, assumptions, contraries, rules)


def _tiny_af_like(rng, n):
    """Assumptions 1..k with contraries k+1..2k (mostly one each, as in an argumentation
    framework), rules 'contrary of a <- b' for a random attack graph (odd and even
    cycles, self-attacks), sometimes through a leftover intermediate atom or with a
    second body member."""
    k = max(1, n // 2)
    assumptions = list(range(1, k + 1))
    others = list(range(k + 1, n + 1))
    contraries = {a: {others[(a - 1) % len(others)] if rng.random() < 0.85 else rng.choice(others)}
                  for a in assumptions}
    extra = others[k:]  # atoms beyond the contraries: intermediates
    rules = []
    for a in assumptions:
        (c,) = contraries[a]
        for b in assumptions:
            if rng.random() < (0.08 if b == a else 0.4):
                body = [b]
                if extra and rng.random() < 0.3:
                    mid = rng.choice(extra)
                    rules.append((mid, (b,)))
                    body = [mid]
                if rng.random() < 0.15:
                    body.append(rng.choice(assumptions + others))
                rules.append((c, tuple(sorted(set(body)))))
    for x in extra:
        if rng.random() < 0.3:
            rules.append((x, tuple(sorted(rng.sample(assumptions, rng.randint(0, min(2, k)))))))
    rng.shuffle(rules)
    return Framework(n, assumptions, contraries, rules)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--atoms", type=int, default=100)
    ap.add_argument("--ratio", type=float, default=0.1)
    ap.add_argument("--max-rules", type=int, default=5)
    ap.add_argument("--max-body", type=int, default=5)
    ap.add_argument("--cycle-prob", type=float, default=0.0,
                    help="share of the non-assumptions also allowed in each body out of order (cycles)")
    ap.add_argument("--asm-contrary-prob", type=float, default=0.0,
                    help="chance that an assumption's contrary is an assumption")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tiny", action="store_true", help="a 3-6 atom framework (ignores the size flags)")
    ap.add_argument("--suite", metavar="DIR", help="write the ICCMA-shaped grid into DIR")
    ap.add_argument("--count", type=int, default=1, help="instances per grid point (--suite)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="atom counts for --suite")
    ap.add_argument("-o", "--output", help="file to write (default stdout)")
    args = ap.parse_args(argv)

    if args.suite:
        os.makedirs(args.suite, exist_ok=True)
        for atoms in [int(s) for s in args.sizes.split(",")]:
            for ratio in RATIOS:
                for mr in MAX_RULES:
                    for mb in MAX_BODY:
                        for i in range(args.count):
                            fw = generate(atoms, ratio, mr, mb, args.seed * 1000 + i, args.cycle_prob)
                            name = f"aba_{atoms}_{ratio}_{mr}_{mb}_{i}.aba"
                            with open(os.path.join(args.suite, name), "w") as f:
                                f.write(fw.to_iccma())
                            print(name)
        return 0
    if args.tiny:
        fw = tiny(args.seed)
        desc = f"aba-ref tiny seed={args.seed}"
    else:
        if args.atoms < 2:
            ap.error("--atoms must be at least 2")
        fw = generate(args.atoms, args.ratio, args.max_rules, args.max_body, args.seed,
                      args.cycle_prob, args.asm_contrary_prob)
        desc = (f"aba-ref atoms={args.atoms} ratio={args.ratio} max_rules={args.max_rules} "
                f"max_body={args.max_body} cycle_prob={args.cycle_prob} seed={args.seed}")
    text = fw.to_iccma([desc])
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

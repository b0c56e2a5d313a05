#!/usr/bin/env python3
"""Deterministic generators of abstract argumentation frameworks in the ICCMA 2023 `p af` format.

Families (each seeded from its name and size, so a file is the same on every machine):

- random:  Erdos-Renyi style, each argument attacks `--degree` targets drawn uniformly
           (self-attacks and repeats dropped);
- scale:   Barabasi-Albert-like scale-free graph: each new argument links to two earlier ones
           picked in proportion to their degree; each link is an attack one way, the other
           way, or both;
- grid:    a near-square grid; each cell is linked to its right and lower neighbour, one way,
           the other way, or both;
- chain:   the reported hard case, a1 <-> a2 <-> ... <-> an: every argument undecided by the
           grounded labelling, exponentially many stable extensions.

Usage: gen_af.py OUT_DIR [--sizes 1000,5000,20000] [--families random,scale,grid,chain]
Writes OUT_DIR/FAMILY-N.af and prints the paths.
"""

import argparse
import math
import os
import random
import zlib


def rng_for(family, n):
    return random.Random(zlib.crc32(f"{family}-{n}".encode()))


def random_af(n, degree=3):
    rng = rng_for("random", n)
    attacks = set()
    for a in range(1, n + 1):
        for _ in range(degree):
            b = rng.randint(1, n)
            if b != a:
                attacks.add((a, b))
    return attacks


def orient(rng, a, b, attacks):
    """One way, the other way, or both, with equal odds."""
    k = rng.randrange(3)
    if k != 1:
        attacks.add((a, b))
    if k != 0:
        attacks.add((b, a))


def scale_free_af(n, links=2):
    rng = rng_for("scale", n)
    attacks = set()
    # Endpoints of every link so far: picking uniformly from it is picking by degree.
    ends = []
    seed = min(n, links + 1)
    for a in range(1, seed + 1):
        for b in range(a + 1, seed + 1):
            orient(rng, a, b, attacks)
            ends += [a, b]
    for a in range(seed + 1, n + 1):
        chosen = set()
        while len(chosen) < min(links, a - 1):
            chosen.add(rng.choice(ends) if ends else rng.randint(1, a - 1))
        for b in sorted(chosen):
            orient(rng, a, b, attacks)
            ends += [a, b]
    return attacks


def grid_af(n):
    rng = rng_for("grid", n)
    width = max(1, math.isqrt(n))
    attacks = set()
    for a in range(1, n + 1):
        i = a - 1
        if (i + 1) % width != 0 and a + 1 <= n:
            orient(rng, a, a + 1, attacks)
        if a + width <= n:
            orient(rng, a, a + width, attacks)
    return attacks


def chain_af(n):
    attacks = set()
    for a in range(1, n):
        attacks.add((a, a + 1))
        attacks.add((a + 1, a))
    return attacks


FAMILIES = {
    "random": random_af,
    "scale": scale_free_af,
    "grid": grid_af,
    "chain": chain_af,
}


def write(path, n, attacks):
    with open(path, "w") as f:
        f.write(f"p af {n}\n")
        f.writelines(f"{a} {b}\n" for a, b in sorted(attacks))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--sizes", default="1000,5000,20000")
    p.add_argument("--families", default=",".join(FAMILIES))
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for family in args.families.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            if not 1 <= n <= 20_000_000:
                raise SystemExit(f"size {n} out of range")
            path = os.path.join(args.out, f"{family}-{n}.af")
            write(path, n, FAMILIES[family](n))
            print(path)


if __name__ == "__main__":
    main()

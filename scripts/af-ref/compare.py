#!/usr/bin/env python3
"""Differential test: a solver (agon) against reference.py (clingo) on generated abstract
argumentation frameworks, every ICCMA 2023 AF task (DC/DS/SE under CO, PR, ST, SST, STG,
ID, and GR), at sizes past brute force.

    compare.py --agon target/release/agon                 # CI: about a minute on 2 cores
    compare.py --agon target/release/agon --sizes 300 --per-size 8 -v

The solver is called ICCMA style, a fresh process per call: CMD -p TASK -f FILE [-a Q].
The reference lists every extension of each framework once, in-process.  DC/DS answers
must be equal; an SE answer must be NO exactly when there is no extension, and otherwise
one of the reference's extensions.  Complete and stable questions need no list (clingo's
brave and cautious consequences decide them); where a framework has more preferred,
semi-stable or stage extensions than --cap, the tasks under that semantics are not asked
there, and the summary counts them: the reference's list would be incomplete.

Families (deterministic from --seed): `random` (each argument attacks about d others,
a few attack themselves), `cycles` (odd and even cycles of 2-7 arguments joined by a few
attacks: no stable extension, semi-stable and stage apart from preferred), `scale`
(attacks drawn in proportion to degree, some both ways).  Queries favour the arguments
the grounded extension leaves undecided, where the semantics differ.

Exit status 1 on any disagreement, crash or timeout, else 0.
"""

import argparse
import os
import random
import shlex
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.append(os.path.dirname(HERE))

import reference  # noqa: E402
from iccma_calls import parse_answer, run, show, solver_command  # noqa: E402

TASKS = [f"{k}-{s}" for s in ("CO", "PR", "ST", "SST", "STG", "ID", "GR") for k in ("DC", "DS", "SE")]
FAMILIES = ("random", "cycles", "scale")


def random_af(rng, n):
    d = rng.choice([1.0, 1.5, 2.0, 3.0])
    attacks = {(a, rng.randint(1, n)) for a in range(1, n + 1) for _ in range(int(d) + (rng.random() < d % 1))}
    attacks |= {(a, a) for a in range(1, n + 1) if rng.random() < 0.02}
    return attacks


def cycles_af(rng, n):
    attacks, start = set(), 1
    while start <= n:
        k = min(rng.randint(2, 7), n - start + 1)
        ring = list(range(start, start + k))
        attacks |= {(ring[i], ring[(i + 1) % k]) for i in range(k)} if k > 1 else {(start, start)}
        start += k
    attacks |= {(rng.randint(1, n), rng.randint(1, n)) for _ in range(n // 3)}
    return attacks


def scale_af(rng, n):
    attacks, ends = set(), [1]
    for a in range(2, n + 1):
        for _ in range(2):
            b = rng.choice(ends)
            attacks |= {(a, b)} if rng.random() < 0.45 else {(b, a)} if rng.random() < 0.8 else {(a, b), (b, a)}
            ends += [a, b]
    return attacks


def instances(sizes, per_size, seed):
    rng = random.Random(f"af-ref/{seed}")
    for n in sizes:
        for i in range(per_size):
            family = FAMILIES[i % len(FAMILIES)]
            attacks = {"random": random_af, "cycles": cycles_af, "scale": scale_af}[family](rng, n)
            yield f"{family}-{n}-{i}", reference.AF(n, attacks)


def queries(af, exts, count, rng):
    grounded = exts["GR"][0]
    out = {b for a in grounded for b in af.targets[a]}
    open_ = [a for a in range(1, af.n + 1) if a not in grounded and a not in out]
    rest = [a for a in range(1, af.n + 1) if a not in open_]
    picked = rng.sample(open_, min(count, len(open_)))
    return picked + rng.sample(rest, min(count - len(picked), len(rest)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = ap.add_mutually_exclusive_group()
    who.add_argument("--agon", metavar="PATH", help="agon binary (called as PATH solve ...)")
    who.add_argument("--solver", metavar="CMD", help="any ICCMA-style command line")
    ap.add_argument("--sizes", default="15,30,60,120,250", help="comma-separated argument counts")
    ap.add_argument("--per-size", type=int, default=6, help="frameworks per size")
    ap.add_argument("--queries", type=int, default=3, help="query arguments per framework (DC/DS)")
    ap.add_argument("--tasks", help="comma-separated (default: all 21)")
    ap.add_argument("--cap", type=int, default=2000, help="most extensions listed per framework and semantics")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per solver call")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every call")
    args = ap.parse_args(argv)
    tasks = [t.strip().upper() for t in args.tasks.split(",")] if args.tasks else TASKS
    solver = solver_command(args)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"af-ref compare: sizes {args.sizes}, {args.per_size} per size, tasks {len(tasks)}, "
          f"solver: {' '.join(solver)}")

    workdir = tempfile.mkdtemp(prefix="af-compare-")
    times = {t: [] for t in tasks}
    problems, skipped, skipped_in, calls = [], {}, {}, 0
    for name, af in instances(sizes, args.per_size, args.seed):
        exts = reference.extensions(af, args.cap)
        path = os.path.join(workdir, name + ".af")
        with open(path, "w") as f:
            f.write(f"p af {af.n}\n" + "".join(f"{a} {b}\n" for a, b in af.attacks))
        qs = queries(af, exts, args.queries, random.Random(f"queries/{args.seed}/{name}"))
        for task in tasks:
            for q in ([None] if task.startswith("SE-") else qs):
                call = ["-p", task, "-f", path] + ([] if q is None else ["-a", str(q)])
                where = f"{task} {name}" + ("" if q is None else f" -a {q}")
                repro = " ".join(map(shlex.quote, solver + call))
                sem = task.split("-")[1]
                try:
                    if task.startswith("SE-"):
                        expected = reference.exists(exts, sem)
                    else:
                        expected = reference.answer(task, exts, q)
                except reference.TooMany as e:
                    skipped[task] = skipped.get(task, 0) + 1
                    skipped_in.setdefault(name, f"{sem} ({e})")
                    continue
                calls += 1
                status, out, dt = run(solver + call, args.timeout, ROOT)
                times[task].append(dt)
                if status != "ok":
                    problems.append(f"{where}: solver {status}\n      {repro}")
                    continue
                try:
                    got = parse_answer(task, out)
                except ValueError as e:
                    problems.append(f"{where}: {e}\n      {repro}")
                    continue
                if task.startswith("SE-"):
                    # Whichever extension the solver chose: it must be one.
                    ok = (got is not None) == expected and (got is None or reference.is_extension(af, sem, got, exts))
                    expected = "an extension" if expected else "NO"
                else:
                    ok = got == expected
                    expected = "YES" if expected else "NO"
                if args.verbose:
                    print(f"  {where}: {show(task, got)} in {dt:.2f}s ({'ok' if ok else 'DISAGREE'})")
                if not ok:
                    problems.append(f"{where}: solver {show(task, got)}, reference {expected}\n"
                                    f"      {repro}")
    for p in problems:
        print("FAIL " + p)
    for name, why in skipped_in.items():
        print(f"not asked on {name}: too many extensions to list, first under {why}")
    print(f"\n{'task':8} {'calls':>5} {'median':>8} {'worst':>8} {'not asked':>9}")
    for t in tasks:
        if times[t]:
            print(f"{t:8} {len(times[t]):5} {statistics.median(times[t]):7.3f}s {max(times[t]):7.3f}s "
                  f"{skipped.get(t, 0):9}")
    kept = f" (files in {workdir})" if problems else ""
    if not problems:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\naf-ref compare: {calls - len(problems)} passed, {len(problems)} failed, "
          f"{sum(skipped.values())} calls not asked{kept}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Differential test and benchmark: a solver (agon) against reference.py on generated
ICCMA-2023-shaped ABA frameworks.

    compare.py --quick --agon target/release/agon          # CI: < 5 min on 2 cores
    compare.py --full  --agon target/release/agon          # 25..5,000 atoms benchmark
    compare.py --solver ".venv/bin/python scripts/aba-ref/reference.py" --quick   # harness check

The solver is called ICCMA style: CMD -p TASK -f FILE [-a QUERY], default command
`cargo run --release -q -- solve` (from the repository root); --agon PATH means
`PATH solve`; --solver takes any command line.  reference.py is run the same way (a
fresh process per call, so both sides pay their start-up).  DC/DS answers must be
equal; an SE answer must be NO exactly when the reference says NO, and otherwise an
extension that reference.verify accepts (SE-GR and SE-ID: equal to the reference's).

Prints every disagreement, crash (non-zero exit, unreadable output) and timeout with
the command that reproduces it, then per task the median and worst time of each side
and their ratio.  Exit status 1 on any disagreement or crash (or timeout of the solver
with --fail-on-timeout), else 0.
"""

import argparse
import os
import random
import shlex
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.append(os.path.dirname(HERE))

import generate  # noqa: E402
import reference  # noqa: E402
from abaio import read  # noqa: E402
from iccma_calls import parse_answer, run, show, solver_command  # noqa: E402

MAIN_TASKS = ["DC-CO", "DC-ST", "DS-PR", "DS-ST", "SE-PR", "SE-ST"]
ALL_TASKS = [f"{k}-{s}" for s in ("CO", "ST", "PR", "SST", "GR", "ID") for k in ("DC", "DS", "SE")]

QUICK = dict(sizes=[25, 50, 100, 250, 500, 1000], per_size=2, queries=2, asm_queries=1, timeout=60.0)
FULL = dict(sizes=[25, 100, 500, 1000, 2000, 5000], per_size=4, queries=2, asm_queries=1, timeout=120.0)


def suite(args, workdir):
    """[(path, framework, description)] generated deterministically from args.seed."""
    rng = random.Random(f"compare/{args.seed}")
    out = []
    for size in args.sizes:
        for i in range(args.per_size):
            ratio = rng.choice(generate.RATIOS)
            mr = rng.choice(generate.MAX_RULES)
            mb = rng.choice(generate.MAX_BODY)
            seed = rng.randrange(10**6)
            cyc = args.cycle_prob if i % 2 else 0.0
            fw = generate.generate(size, ratio, mr, mb, seed, cycle_prob=cyc)
            desc = (f"--atoms {size} --ratio {ratio} --max-rules {mr} --max-body {mb} "
                    f"--cycle-prob {cyc} --seed {seed}")
            path = os.path.join(workdir, f"aba_{size}_{ratio}_{mr}_{mb}_{i}.aba")
            with open(path, "w") as f:
                f.write(fw.to_iccma([f"generate.py {desc}"]))
            out.append((path, fw, desc))
    return out


def queries(fw, args, rng):
    non = fw.non_assumptions()
    qs = rng.sample(non, min(args.queries, len(non)))
    qs += rng.sample(fw.assumptions, min(args.asm_queries, len(fw.assumptions)))
    return qs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="the CI budget (default)")
    mode.add_argument("--full", action="store_true", help="the 25..5,000-atom benchmark suite")
    who = ap.add_mutually_exclusive_group()
    who.add_argument("--agon", metavar="PATH", help="agon binary (called as PATH solve ...)")
    who.add_argument("--solver", metavar="CMD", help="any ICCMA-style command line")
    ap.add_argument("--tasks", help="comma-separated, 'main' (default: " + ",".join(MAIN_TASKS) + ") or 'all'")
    ap.add_argument("--sizes", help="comma-separated atom counts")
    ap.add_argument("--per-size", type=int, help="instances per size")
    ap.add_argument("--queries", type=int, help="random non-assumption queries per instance (DC/DS)")
    ap.add_argument("--asm-queries", type=int, help="random assumption queries per instance (DC/DS)")
    ap.add_argument("--timeout", type=float, help="seconds per solver call (the reference gets the same)")
    ap.add_argument("--cycle-prob", type=float, default=0.05,
                    help="cycle share for every other instance (0 = all acyclic as in ICCMA 2023)")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--dir", help="write the instances here (kept) instead of a temporary folder "
                    "(removed at the end unless a call failed)")
    ap.add_argument("--fail-on-timeout", action="store_true", help="a solver timeout fails the run")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every call")
    args = ap.parse_args(argv)

    preset = FULL if args.full else QUICK
    args.sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else preset["sizes"]
    for k in ("per_size", "queries", "asm_queries", "timeout"):
        if getattr(args, k) is None:
            setattr(args, k, preset[k])
    if args.tasks in (None, "main"):
        tasks = MAIN_TASKS
    elif args.tasks == "all":
        tasks = ALL_TASKS
    else:
        tasks = [t.strip().upper() for t in args.tasks.split(",")]
    solver = solver_command(args)
    ref = [sys.executable, os.path.join(HERE, "reference.py")]

    workdir = args.dir or tempfile.mkdtemp(prefix="aba-compare-")
    os.makedirs(workdir, exist_ok=True)
    instances = suite(args, workdir)
    print(f"aba-ref compare: {len(instances)} instances ({','.join(map(str, args.sizes))} atoms), "
          f"tasks {','.join(tasks)}, timeout {args.timeout:g}s, solver: {' '.join(solver)}")
    print(f"instances in {workdir}")

    times = {t: ([], []) for t in tasks}  # task -> (solver times, reference times)
    problems = []  # (kind, line)
    timeouts = 0
    calls = 0
    t_start = time.perf_counter()
    for path, fw, desc in instances:
        rng = random.Random(f"queries/{args.seed}/{os.path.basename(path)}")
        qs = queries(fw, args, rng)
        for task in tasks:
            for q in ([None] if task.startswith("SE-") else qs):
                extra = [] if q is None else ["-a", str(q)]
                call = ["-p", task, "-f", path] + extra
                where = f"{task} {os.path.basename(path)}" + (f" -a {q}" if q is not None else "")
                repro = f"{' '.join(map(shlex.quote, solver + call))}   # generate.py {desc}"
                calls += 1
                st_s, out_s, dt_s = run(solver + call, args.timeout, ROOT)
                st_r, out_r, dt_r = run(ref + call, args.timeout, ROOT)
                if args.verbose:
                    print(f"  {where}: solver {st_s} {dt_s:.2f}s {out_s.strip()[:40]!r}; "
                          f"reference {st_r} {dt_r:.2f}s {out_r.strip()[:40]!r}", flush=True)
                if st_r != "ok":
                    problems.append(("reference " + st_r.split(":")[0], f"{where}: reference {st_r}"))
                    continue
                ans_r = parse_answer(task, out_r)
                if st_s == "timeout":
                    timeouts += 1
                    problems.append(("timeout", f"{where}: solver timed out after {args.timeout:g}s\n      {repro}"))
                    times[task][1].append(dt_r)
                    continue
                if st_s != "ok":
                    problems.append(("crash", f"{where}: solver {st_s}\n      {repro}"))
                    continue
                try:
                    ans_s = parse_answer(task, out_s)
                except ValueError as e:
                    problems.append(("crash", f"{where}: {e}\n      {repro}"))
                    continue
                times[task][0].append(dt_s)
                times[task][1].append(dt_r)
                if task.startswith("SE-"):
                    if ans_r is None or ans_s is None:
                        ok = ans_r is None and ans_s is None
                    else:
                        ok = reference.verify(read(path), task, ans_s)
                else:
                    ok = ans_s == ans_r
                if not ok:
                    problems.append(("disagree", f"{where}: solver {show(task, ans_s)}, "
                                                 f"reference {show(task, ans_r)}\n      {repro}"))
    wall = time.perf_counter() - t_start

    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        for kind, line in problems:
            print(f"  [{kind}] {line}")
    else:
        print("no disagreement, crash or timeout")
    print()
    hdr = f"{'task':8} {'calls':>5} {'solver med':>11} {'worst':>8} {'ref med':>9} {'worst':>8} {'med ratio':>9} {'worst ratio':>11}"
    print(hdr)
    print("-" * len(hdr))
    for t in tasks:
        s, r = times[t]
        if not r:
            continue
        sm = statistics.median(s) if s else float("nan")
        sw = max(s) if s else float("nan")
        rm, rw = statistics.median(r), max(r)
        print(f"{t:8} {len(r):>5} {sm:>10.3f}s {sw:>7.3f}s {rm:>8.3f}s {rw:>7.3f}s "
              f"{sm / rm:>9.2f} {sw / rw:>11.2f}")
    n_dis = sum(1 for k, _ in problems if k == "disagree")
    n_crash = sum(1 for k, _ in problems if k == "crash")
    n_ref = sum(1 for k, _ in problems if k.startswith("reference"))
    print(f"\n{calls} calls in {wall:.1f}s: {n_dis} disagreements, {n_crash} crashes, "
          f"{timeouts} solver timeouts, {n_ref} reference failures")
    n_ref_crash = sum(1 for k, _ in problems if k.startswith("reference exit"))
    failed = n_dis + n_crash + n_ref_crash + (timeouts if args.fail_on_timeout else 0)
    print(f"aba-compare: {calls - failed} passed, {failed} failed")
    if not args.dir:
        if problems:
            # The commands printed above read these files.
            print(f"instances kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs ICCMA 2023 solvers on `p af` files, checks that they agree, and tabulates CPU times.

    run.py --solver agon='target/release/agon solve' --solver other='/path/other solve' \
           [--tasks DC-CO,DS-PR,...] [--timeout 60] [--seed 1] [--queries 1] FILE.af ...

Every solver is called as `CMD -p TASK -f FILE [-a ARG]`, one run at a time, and its CPU time
(user + system of the child) is measured. DC/DS queries are drawn per instance and task from
a generator seeded by `--seed`, so every solver gets the same ones.

Checks, each of which makes the script exit 1:
- DC and DS: every solver that answered says the same YES or NO (a `w ...` witness line after
  the answer, as ICCMA 2023's main track allows, is ignored);
- SE: every solver agrees on whether an extension exists, and every extension printed is
  checked here, independently of the solvers: conflict-free (STG), admissible (PR, SST),
  complete (CO, ID), stable (ST, and SST/STG whenever some solver found a stable extension
  for the same file); ID extensions, being unique, must be identical.
A run that times out or fails is reported, and counted at the timeout in the times.

Prints, per task, a table with one row per framework size: each solver's median and worst CPU
time over the files of that size, and the ratio of the first solver's median to the best
median of the others, or of the `--best-of` solvers (below 1: the first solver is ahead;
medians under 1 ms count as 1 ms).
"""

import argparse
import json
import os
import random
import re
import resource
import shlex
import signal
import statistics
import subprocess
import sys
import zlib
from collections import defaultdict

DEFAULT_TASKS = [
    f"{p}-{s}" for s in ["CO", "PR", "ST", "SST", "STG", "ID"] for p in ["DC", "DS", "SE"]
]


def read_af(path):
    with open(path) as f:
        lines = [ln.split() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    assert lines[0][:2] == ["p", "af"], f"{path}: not a p af file"
    n = int(lines[0][2])
    attacks = [(int(a), int(b)) for a, b in lines[1:]]
    return n, attacks


class Af:
    def __init__(self, path):
        self.n, attacks = read_af(path)
        self.attackers = defaultdict(set)
        self.targets = defaultdict(set)
        for a, b in attacks:
            self.attackers[b].add(a)
            self.targets[a].add(b)

    def attacked(self, ext):
        out = set()
        for a in ext:
            out |= self.targets[a]
        return out

    def problems(self, ext, kind):
        """What is wrong with `ext` as an extension of `kind`, or None."""
        ext = set(ext)
        if any(not 1 <= a <= self.n for a in ext):
            return "names an argument outside 1..n"
        hit = self.attacked(ext)
        if ext & hit:
            return "not conflict-free"
        if kind == "CF":
            return None
        if kind == "ST":
            missing = set(range(1, self.n + 1)) - ext - hit
            return f"{len(missing)} argument(s) neither in nor attacked" if missing else None
        for a in ext:
            if not self.attackers[a] <= hit:
                return f"argument {a} is not defended"
        if kind == "ADM":
            return None
        for a in range(1, self.n + 1):
            if a not in ext and self.attackers[a] <= hit:
                return f"argument {a} is defended but left out"
        return None


def parse_output(task, out):
    """`YES`/`NO` for DC and DS; a sorted tuple of arguments, or `NO`, for SE; else None."""
    lines = [ln.split() for ln in out.splitlines() if ln.strip()]
    if task.startswith("SE"):
        for ln in lines:
            if ln[0] == "w":
                return tuple(sorted(int(x) for x in ln[1:]))
            if ln[0] == "NO":
                return "NO"
        return None
    for ln in lines:
        if ln[0] in ("YES", "NO"):
            return ln[0]
    return None


def run_once(cmd, task, path, query, timeout):
    argv = shlex.split(cmd) + ["-p", task, "-f", path]
    if query is not None:
        argv += ["-a", str(query)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        status = "timeout"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if status == "timeout":
        cpu = max(cpu, timeout)
    answer = parse_output(task, out) if status == "ok" else None
    if status == "ok" and answer is None:
        status = "no answer"
    return {"status": status, "cpu": cpu, "answer": answer, "stderr": err[-500:]}


def se_kind(task):
    return {"CO": "CO", "ID": "CO", "PR": "ADM", "SST": "CO", "ST": "ST", "STG": "CF"}[
        task.split("-")[1]
    ]


def fmt_time(t, timeouts, timeout):
    if timeouts:
        return f">{timeout:g}"
    return f"{t:.3f}"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="+")
    p.add_argument("--solver", action="append", required=True, help="NAME=CMD")
    p.add_argument("--tasks", default=",".join(DEFAULT_TASKS))
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--queries", type=int, default=1, help="DC/DS queries per file and task")
    p.add_argument("--json", help="also write every run here")
    p.add_argument(
        "--best-of",
        help="NAME,NAME: the solvers the first one's ratio is taken against (default: all others)",
    )
    args = p.parse_args()
    solvers = []
    for s in args.solver:
        name, _, cmd = s.partition("=")
        if not cmd:
            p.error(f"--solver {s}: expected NAME=CMD")
        solvers.append((name, cmd))
    names = [n for n, _ in solvers]
    rivals = args.best_of.split(",") if args.best_of else names[1:]
    tasks = args.tasks.split(",")
    afs = {f: Af(f) for f in args.files}
    runs = []
    failures = []
    for task in tasks:
        for path in args.files:
            af = afs[path]
            rng = random.Random(zlib.crc32(f"{args.seed}:{os.path.basename(path)}:{task}".encode()))
            queries = (
                [rng.randint(1, af.n) for _ in range(args.queries)]
                if not task.startswith("SE")
                else [None]
            )
            for q in queries:
                got = {}
                for name, cmd in solvers:
                    r = run_once(cmd, task, path, q, args.timeout)
                    r.update(task=task, file=path, n=af.n, query=q, solver=name)
                    runs.append(r)
                    got[name] = r
                    where = f"{task} {os.path.basename(path)}" + (f" -a {q}" if q else "")
                    if r["status"] != "ok":
                        print(f"# {name}: {r['status']} on {where} {r['stderr']!r}", file=sys.stderr)
                answered = {k: v["answer"] for k, v in got.items() if v["status"] == "ok"}
                where = f"{task} {os.path.basename(path)}" + (f" -a {q}" if q else "")
                if task.startswith("SE"):
                    exists = {k: v != "NO" for k, v in answered.items()}
                    if len(set(exists.values())) > 1:
                        failures.append(f"{where}: existence differs {exists}")
                    some_stable = any(
                        v != "NO" and af.problems(v, "ST") is None for v in answered.values()
                    )
                    for k, v in answered.items():
                        if v == "NO":
                            continue
                        kind = se_kind(task)
                        problem = af.problems(v, kind)
                        if problem is None and some_stable and task in ("SE-SST", "SE-STG"):
                            problem = af.problems(v, "ST")
                            problem = problem and f"a stable extension exists, but {problem}"
                        if problem:
                            failures.append(f"{where}: {k}'s extension: {problem}")
                    if task == "SE-ID" and len(set(answered.values())) > 1:
                        failures.append(f"{where}: ideal extensions differ")
                elif len(set(answered.values())) > 1:
                    failures.append(f"{where}: answers differ {answered}")
    # Tables.
    print(f"timeout {args.timeout:g} s; CPU seconds (user + system); "
          f"ratio = {names[0]} median / best median of {', '.join(rivals)}\n")
    sizes = sorted({r["n"] for r in runs})
    for task in tasks:
        print(f"### {task}\n")
        head = "| n | " + " | ".join(f"{s} median | {s} worst" for s in names)
        print(head + f" | {names[0]} ratio |")
        print("|---" * (2 + 2 * len(names)) + "|")
        for n in sizes:
            cells = []
            medians = {}
            for s in names:
                rs = [r for r in runs if r["task"] == task and r["n"] == n and r["solver"] == s]
                if not rs:
                    cells += ["", ""]
                    continue
                times = [r["cpu"] for r in rs]
                bad = [r for r in rs if r["status"] != "ok"]
                med = statistics.median(times)
                medians[s] = med
                worst = max(times)
                tag = f" ({len(bad)} failed)" if bad else ""
                cells += [f"{med:.3f}", fmt_time(worst, [b for b in bad if b['status'] == 'timeout'], args.timeout) + tag]
            others = [medians[s] for s in rivals if s in medians]
            ratio = (
                f"{medians[names[0]] / max(min(others), 1e-3):.2f}"
                if others and names[0] in medians
                else ""
            )
            print(f"| {n} | " + " | ".join(cells) + f" | {ratio} |")
        print()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1, default=list)
    if failures:
        print("## Disagreements\n")
        for x in failures:
            print(f"- {x}")
        sys.exit(1)
    print("All solvers agree.")


if __name__ == "__main__":
    main()

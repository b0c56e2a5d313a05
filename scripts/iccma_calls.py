"""Calling an ICCMA-style solver and reading its answer: shared by the reference checks
(`aba-ref/compare.py`, `af-ref/compare.py`)."""

import os
import shlex
import signal
import subprocess
import time


def solver_command(args):
    """The solver's command line: `--agon PATH` (PATH solve), `--solver CMD`, or by
    default `cargo run --release -q -- solve` (from the repository root)."""
    if args.agon:
        return [os.path.abspath(args.agon), "solve"]
    if args.solver:
        return shlex.split(args.solver)
    return ["cargo", "run", "--release", "-q", "--", "solve"]


def run(cmd, timeout, cwd):
    """(status, stdout, seconds): status is 'ok', 'exit N' or 'timeout'."""
    t0 = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                             start_new_session=True, text=True)
    except OSError as e:
        return f"cannot run: {e}", "", time.perf_counter() - t0
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)  # the whole group: cargo and its child
        except ProcessLookupError:
            pass
        p.communicate()
        return "timeout", "", time.perf_counter() - t0
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        tail = (err or "").strip().splitlines()[-3:]
        return f"exit {p.returncode}" + (": " + " | ".join(tail) if tail else ""), out, dt
    return "ok", out, dt


def parse_answer(task, out):
    """True/False for DC/DS, a frozenset or None (NO) for SE; raises ValueError."""
    lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
    if not lines:
        raise ValueError("no output")
    first = lines[0].split()
    if task.startswith("SE-"):
        if first == ["NO"]:
            return None
        if first[0] != "w":
            raise ValueError(f"unreadable SE output {lines[0]!r}")
        return frozenset(int(t) for t in first[1:])
    if first[0] in ("YES", "NO"):
        return first[0] == "YES"
    raise ValueError(f"unreadable output {lines[0]!r}")


def show(task, ans):
    if task.startswith("SE-"):
        return "NO" if ans is None else "w " + " ".join(map(str, sorted(ans)))
    return "YES" if ans else "NO"

#!/usr/bin/env python3
"""Reference answers for flat ABA, from ASP encodings run through clingo's Python API.

    reference.py -p TASK -f FILE [-a QUERY]

TASK is DC-σ, DS-σ or SE-σ with σ in CO, ST, PR, SST, GR, ID, ADM.  Prints ICCMA
2023 output: YES / NO, or for SE `w a1 a2 ...` (the assumptions of one extension)
or NO when there is none.  An atom is credulously (sceptically) accepted iff some
(every) extension's closure contains it; DS is vacuously YES with no extension.

The encodings (encodings/*.lp) guess the in-assumptions and check conflict-freeness,
defence, completeness, stability.  What needs a ⊆-maximality condition on top of an
NP check is done by a small CEGAR loop in Python over one grounded clingo program
(multi-shot: extra constraints are added as new program parts switched on by
externals), not by a saturation encoding:

* preferred (σ = PR): `extension_with(cond)` finds an admissible set satisfying
  `cond` (e.g. "the query is not supported"), grows it ⊆-maximally while keeping
  `cond`, then asks whether it has an admissible strict superset at all; if not it
  is a preferred extension satisfying `cond`; if so the superset is grown to a
  preferred extension E (which violates `cond`), and later candidates must not lie
  strictly inside E.  Finitely many preferred extensions, so this stops.
* semi-stable (σ = SST): the same loop over complete sets with the range
  S ∪ defeated(S) in place of S.
* grounded: a complete set shrunk while a complete strict subset exists (the least
  complete set is unique).
* ideal: the intersection of all preferred extensions (shrunk by the preferred loop
  with `cond` = "misses one of the current intersection"), then the largest
  admissible subset of it.

Exit status 0 on an answer, 2 on bad input.
"""

import argparse
import os
import sys

import clingo

from abaio import FormatError, closure, read

HERE = os.path.dirname(os.path.abspath(__file__))
ENC = os.path.join(HERE, "encodings")
SEMANTICS = ("CO", "ST", "PR", "SST", "GR", "ID", "ADM")
FILES = {
    "ADM": ["common", "admissible"],
    "CO": ["common", "admissible", "complete"],
    "ST": ["common", "stable"],
    "PR": ["common", "admissible"],
    "SST": ["common", "admissible", "complete", "range"],
    "GR": ["common", "admissible", "complete"],
    "ID": ["common", "admissible"],
}
_enc_cache = {}


def encoding(name):
    if name not in _enc_cache:
        with open(os.path.join(ENC, name + ".lp")) as f:
            _enc_cache[name] = f.read()
    return _enc_cache[name]


def facts(fw):
    out = [f"assumption({x})." for x in fw.assumptions]
    for x, ys in fw.contraries.items():
        out += [f"contrary({x},{y})." for y in ys]
    for i, (h, body) in enumerate(fw.rules):
        out.append(f"head({i},{h}).")
        out += [f"body({i},{b})." for b in body]
    return "\n".join(out)


class Model:
    """One answer set: the in-assumptions and the defeated assumptions."""

    def __init__(self, symbols):
        self.inn = set()
        self.defeated = set()
        for s in symbols:
            if s.name == "in":
                self.inn.add(s.arguments[0].number)
            elif s.name == "defeated":
                self.defeated.add(s.arguments[0].number)

    def range(self):
        return self.inn | self.defeated


class Engine:
    """One framework grounded once with the encodings of one semantics; constraints
    are added as new parts, temporary ones behind an external switched on for one
    solve call."""

    def __init__(self, fw, sem):
        self.fw = fw
        self.sem = sem
        self.ctl = clingo.Control(["--warn=none"])
        self.ctl.add("base", [], facts(fw) + "\n" + "\n".join(encoding(n) for n in FILES[sem]))
        self.ctl.ground([("base", [])])
        self.k = 0
        self.calls = 0

    def _part(self, text):
        self.k += 1
        name = f"p{self.k}"
        self.ctl.add(name, [], text)
        self.ctl.ground([(name, [])])

    def add(self, rules):
        """Permanent rules/constraints (a list of strings)."""
        if rules:
            self._part("\n".join(rules))

    def switch(self, rules):
        """Rules behind a fresh external; returns its symbol (assume it True to use them)."""
        self.k += 1
        sw = f"sw{self.k}"
        # (the rule '{sw}_on :- {sw}.' keeps the external in the ground program even
        # when nothing else uses it yet, so that assuming it true is meaningful)
        self._part(f"#external {sw}.\n{sw}_on :- {sw}.\n" + "\n".join(r.replace("SW", sw) for r in rules))
        sym = clingo.Function(sw)
        # externals are fixed to false by default; make it free so that a solve
        # call can assume it true
        self.ctl.assign_external(sym, None)
        return sym

    def solve(self, temp=(), on=(), assume=()):
        """First model under the temporary constraints `temp` (strings using SW as
        the switch), the switches `on`, and literal assumptions [(symbol, bool)]."""
        self.calls += 1
        lits = [(s, True) for s in on] + list(assume)
        sw = None
        if temp:
            sw = self.switch(temp)
            lits.append((sw, True))
        model = None
        with self.ctl.solve(yield_=True, assumptions=lits) as h:
            for m in h:
                model = Model(m.symbols(shown=True))
                break
        if sw is not None:
            self.ctl.release_external(sw)
        return model


def atom(name, x):
    return clingo.Function(name, [clingo.Number(x)])


def body_all(name, xs, neg=False):
    """The body 'name(x) for every x in xs' (or 'not name(x)')."""
    p = "not " if neg else ""
    return ", ".join(f"{p}{name}({x})" for x in sorted(xs))


def bigger(eng, measure, current, on=()):
    """A model whose measure ('in' or 'inrange') strictly contains `current`."""
    outside = set(eng.fw.assumptions) - current
    if not outside:
        return None
    return eng.solve(temp=[f":- SW, {body_all(measure, outside, neg=True)}."], on=on,
                     assume=[(atom(measure, x), True) for x in current])


def measure_of(measure, m):
    return set(m.inn) if measure == "in" else m.range()


def grow(eng, measure, m, on=()):
    while True:
        m2 = bigger(eng, measure, measure_of(measure, m), on)
        if m2 is None:
            return m
        m = m2


class Maximal:
    """σ-extensions for σ in {PR, SST}: ⊆-maximal `measure` over the base models."""

    def __init__(self, eng, measure):
        self.eng = eng
        self.measure = measure
        self.cand = eng.switch([])  # blocking constraints apply under this switch
        self.nblocks = 0

    def block(self, m):
        """Later candidates' measure must not lie strictly inside measure(m)."""
        self.nblocks += 1
        b = f"blk{self.nblocks}"
        cand = str(self.cand)
        r = measure_of(self.measure, m)
        rules = [f"{b}_out :- {self.measure}({x})." for x in sorted(set(self.eng.fw.assumptions) - r)]
        rules.append(f"{b}_full :- {body_all(self.measure, r)}." if r else f"{b}_full.")
        rules.append(f":- {cand}, not {b}_out, not {b}_full.")
        self.eng.add(rules)

    def extension_with(self, cond_rules):
        """A σ-extension satisfying the constraints `cond_rules` (strings using SW), or None."""
        cond = self.eng.switch(cond_rules) if cond_rules else None
        on_c = [cond] if cond is not None else []
        while True:
            m = self.eng.solve(on=on_c + [self.cand])
            if m is None:
                return None
            m = grow(self.eng, self.measure, m, on_c)
            top = bigger(self.eng, self.measure, measure_of(self.measure, m))
            if top is None:
                return m
            self.block(grow(self.eng, self.measure, top))


def supported_cond(q, accepted):
    """Constraint: the query is (accepted=True) / is not supported."""
    return [f":- SW, not supported({q})."] if accepted else [f":- SW, supported({q})."]


def grounded(fw):
    eng = Engine(fw, "GR")
    m = eng.solve()
    while True:
        s = m.inn
        if not s:
            return m
        m2 = eng.solve(temp=[f":- SW, {body_all('in', s)}."],
                       assume=[(atom("in", x), False) for x in set(fw.assumptions) - s])
        if m2 is None:
            return m
        m = m2


def ideal(fw):
    eng = Engine(fw, "ID")
    mx = Maximal(eng, "in")
    e = mx.extension_with(None)
    common = set(e.inn)
    while common:
        e = mx.extension_with([f":- SW, {body_all('in', common)}."])
        if e is None:
            break
        common &= e.inn
    # the largest admissible subset of `common` (admissible sets are closed under union)
    m = eng.solve(assume=[(atom("in", x), False) for x in set(fw.assumptions) - common])
    return grow(eng, "in", m, on=[eng.switch([f":- SW, in({x})." for x in sorted(set(fw.assumptions) - common)])])


def solve_task(fw, task, query=None):
    """The answer: True/False for DC/DS, a sorted list of assumptions or None for SE."""
    kind, sem = task.split("-", 1)
    if sem not in SEMANTICS or kind not in ("DC", "DS", "SE"):
        raise ValueError(f"unsupported task {task}")
    if kind != "SE" and query is None:
        raise ValueError(f"{task} needs a query (-a)")
    if sem == "GR" or sem == "ID":
        m = grounded(fw) if sem == "GR" else ideal(fw)
        if kind == "SE":
            return sorted(m.inn)
        return query in closure(fw, m.inn)
    eng = Engine(fw, sem)
    if sem in ("PR", "SST"):
        mx = Maximal(eng, "in" if sem == "PR" else "inrange")
        if kind == "SE":
            return sorted(mx.extension_with(None).inn)
        m = mx.extension_with(supported_cond(query, kind == "DC"))
        return (m is not None) if kind == "DC" else (m is None)
    if kind == "SE":
        m = eng.solve()
        return None if m is None else sorted(m.inn)
    m = eng.solve(temp=supported_cond(query, kind == "DC"))
    return (m is not None) if kind == "DC" else (m is None)


def verify(fw, task, ext):
    """Is `ext` (a set of assumptions) an extension of the task's semantics?  For checking
    another solver's SE answer.  GR and ID are unique: compared with ours."""
    sem = task.split("-", 1)[1]
    ext = set(ext)
    a = set(fw.assumptions)
    if not ext <= a:
        return False
    if sem in ("GR", "ID"):
        return ext == set(solve_task(fw, "SE-" + sem))
    eng = Engine(fw, sem if sem != "PR" else "ADM")
    fix = [(atom("in", x), x in ext) for x in sorted(a)]
    m = eng.solve(assume=fix)
    if m is None:
        return False
    if sem in ("PR", "SST"):
        measure = "in" if sem == "PR" else "inrange"
        return bigger(eng, measure, measure_of(measure, m)) is None
    return True


def format_answer(task, ans):
    if task.startswith("SE-"):
        return "NO" if ans is None else " ".join(["w"] + [str(x) for x in ans])
    return "YES" if ans else "NO"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="task", required=True)
    ap.add_argument("-f", dest="file", required=True)
    ap.add_argument("-a", dest="query", type=int)
    ap.add_argument("--fo", default="i23", help="file format (only i23, accepted for ICCMA compatibility)")
    args = ap.parse_args(argv)
    try:
        fw = read(args.file)
    except (OSError, FormatError) as e:
        print(f"reference.py: {e}", file=sys.stderr)
        return 2
    if not fw.is_flat():
        print("reference.py: not flat (an assumption heads a rule)", file=sys.stderr)
        return 2
    if args.query is not None and not 1 <= args.query <= fw.n:
        print(f"reference.py: query {args.query} outside 1..{fw.n}", file=sys.stderr)
        return 2
    try:
        ans = solve_task(fw, args.task.upper(), args.query)
    except ValueError as e:
        print(f"reference.py: {e}", file=sys.stderr)
        return 2
    print(format_answer(args.task.upper(), ans))
    return 0


if __name__ == "__main__":
    sys.exit(main())

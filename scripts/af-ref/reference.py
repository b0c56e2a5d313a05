#!/usr/bin/env python3
"""Reference answers to the ICCMA 2023 AF tasks (`p af` files), from clingo, to check
`agon solve` against on frameworks too large for brute force and written by no one here.

    reference.py -p DC-PR -f x.af -a 3        # answers like an ICCMA solver
    reference.py --all x.af                   # every extension under every semantics

The complete extensions are the answer sets of a guess of the set S with three
constraints straight from Dung 1995: S is conflict-free, every member is defended by S,
every argument S defends is in S.  Stable ones also attack everything outside S.  Then:

* complete and stable semantics: clingo's brave and cautious consequences (the union and
  the intersection of all extensions) decide DC and DS without listing anything;
* DC-PR: some admissible set, hence some complete one, holds the query (brave, again);
* grounded: the least fixpoint of F from the empty set (Dung 1995, Thm. 25), in Python;
* preferred: the ⊆-maximal complete sets, listed by clingo's domain heuristic
  (`--heuristic=Domain --enum-mode=domRec`, maximising `in`);
* semi-stable (Caminada 2006) and stage (Verheij 1996): the complete, respectively
  conflict-free, sets of ⊆-maximal range S ∪ S⁺: domRec lists the maximal ranges, then one
  enumeration per range lists every set with exactly that range;
* ideal (Dung, Mancarella & Toni 2007): the largest admissible subset X' of the
  intersection X of the preferred extensions, the greatest fixpoint of S ↦ X ∩ F(S);
* whether a given set is an extension (to check an SE answer): complete and stable by
  definition; preferred, semi-stable and stage when clingo finds no complete (conflict-free)
  set strictly above it, by set or by range.

selftest.py checks all of this against brute force over every subset of tiny frameworks.

DC-σ: some σ-extension contains the query; DS-σ: every one does (YES when there is none,
as in ICCMA 2023); SE-σ: one extension, or NO.  A list longer than its cap is a TooMany,
which `answer` raises: the caller must skip those questions and say so, never guess.
"""

import argparse
import sys

import clingo

COMPLETE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
undefended(X) :- att(Y, X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
"""

STABLE = COMPLETE + """
:- out(X), not defeated(X).
"""

CONFLICT_FREE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
"""

RANGE = """
range(X) :- in(X).
range(X) :- in(Y), att(Y, X).
"""

MAXIMISE_IN = """
#heuristic in(X) : arg(X). [1, true]
"""

MAXIMISE_RANGE = """
#heuristic range(X) : arg(X). [1, true]
"""

EXACT_RANGE = """
:- want(X), not range(X).
:- range(X), not want(X).
"""

SEMANTICS = ("CO", "GR", "PR", "ST", "SST", "STG", "ID")


class TooMany(Exception):
    """More models than the cap: the answers would be incomplete."""


class AF:
    def __init__(self, n, attacks):
        self.n = n
        self.attacks = sorted(set(attacks))
        self.attackers = {a: set() for a in range(1, n + 1)}
        self.targets = {a: set() for a in range(1, n + 1)}
        for a, b in self.attacks:
            self.attackers[b].add(a)
            self.targets[a].add(b)

    def facts(self):
        parts = [f"arg({a})." for a in range(1, self.n + 1)]
        parts += [f"att({a},{b})." for a, b in self.attacks]
        return "\n".join(parts) + "\n"

    def range_of(self, s):
        r = set(s)
        for a in s:
            r |= self.targets[a]
        return frozenset(r)

    def defended(self, s):
        """F(S): the arguments all of whose attackers S attacks."""
        hit = {b for a in s for b in self.targets[a]}
        return frozenset(a for a in range(1, self.n + 1) if self.attackers[a] <= hit)


def parse(text, name="<input>"):
    n = None
    attacks = []
    for no, line in enumerate(text.splitlines(), 1):
        t = line.split()
        if not t or t[0] == "#":
            continue
        if t[0] == "p":
            if len(t) != 3 or t[1] != "af":
                raise ValueError(f"{name}:{no}: expected `p af N`")
            n = int(t[2])
            continue
        if n is None or len(t) != 2:
            raise ValueError(f"{name}:{no}: expected an attack `a b` after `p af N`")
        a, b = int(t[0]), int(t[1])
        if not (1 <= a <= n and 1 <= b <= n):
            raise ValueError(f"{name}:{no}: argument out of 1..{n}")
        attacks.append((a, b))
    if n is None:
        raise ValueError(f"{name}: no `p af N` line")
    return AF(n, attacks)


def read(path):
    with open(path) as f:
        return parse(f.read(), path)


def control(program, af, args, extra="", shown="in"):
    # Quiet: domRec says so when a framework leaves it no atom to maximise.
    ctl = clingo.Control(["--warn=none"] + args, logger=lambda code, message: None)
    ctl.add("base", [], af.facts() + extra + program + f"#show {shown}/1.\n")
    ctl.ground([("base", [])])
    return ctl


def atoms(model, shown):
    return frozenset(s.arguments[0].number for s in model.symbols(shown=True) if s.name == shown)


def models(program, af, args, shown, cap, extra="", limit=None):
    """Every answer set's atoms of predicate `shown` (as frozensets of arguments, each
    once: answer sets are projected onto them), or the first `limit` of them."""
    found = []

    def keep(m):
        found.append(atoms(m, shown))
        return len(found) <= cap and len(found) != limit

    control(program, af, ["0", "--project"] + args, extra, shown).solve(on_model=keep)
    if len(found) > cap:
        raise TooMany(f"over {cap} extensions")
    return found


def consequences(program, af, mode):
    """The brave (in some answer set) or cautious (in every one) `in` atoms; None when
    there is no answer set."""
    last = []
    control(program, af, ["0", f"--enum-mode={mode}"]).solve(on_model=lambda m: last.append(atoms(m, "in")))
    return last[-1] if last else None


def maximal(sets, key=lambda s: s):
    keys = [key(s) for s in sets]
    return [s for s, k in zip(sets, keys) if not any(k < other for other in keys)]


def range_maximal(af, base, cap):
    """The sets of `base` (a program guessing `in`) of ⊆-maximal range: clingo's domain
    heuristic (domRec) finds the maximal ranges, then every set with each is listed."""
    ranges = models(base + RANGE + MAXIMISE_RANGE, af, ["--heuristic=Domain", "--enum-mode=domRec"],
                    "range", cap)
    found = []
    for r in maximal(list(set(ranges))):
        want = "".join(f"want({a})." for a in sorted(r)) + "\n"
        try:
            found += models(base + RANGE + EXACT_RANGE, af, [], "in", cap - len(found), want)
        except TooMany:
            raise TooMany(f"over {cap} extensions") from None
    return found


def grounded(af):
    """The least fixpoint of F, from the empty set (Dung 1995, Thm. 25)."""
    g = frozenset()
    while af.defended(g) != g:
        g = af.defended(g)
    return g


def extensions(af, cap=20000):
    """What decides every task: the brave and cautious consequences of complete and stable
    semantics (no listing), and the lists of grounded, preferred, semi-stable, stage and
    ideal extensions; a list longer than `cap` is a TooMany instead, which `answer`
    raises."""
    pr = listed(lambda: maximal(models(COMPLETE + MAXIMISE_IN, af, ["--heuristic=Domain", "--enum-mode=domRec"],
                                       "in", cap)))
    if isinstance(pr, TooMany):
        ideal = pr
    else:
        inside = frozenset.intersection(*pr)
        ideal = inside
        while inside & af.defended(ideal) != ideal:
            ideal = inside & af.defended(ideal)
        ideal = [ideal]
    stable = models(STABLE, af, [], "in", 1, limit=1)
    return {
        # (brave, cautious, one extension); the grounded extension is complete.
        "CO": (consequences(COMPLETE, af, "brave"), consequences(COMPLETE, af, "cautious"), grounded(af)),
        "ST": (consequences(STABLE, af, "brave"), consequences(STABLE, af, "cautious"),
               stable[0] if stable else None),
        "GR": [grounded(af)],
        "PR": pr,
        "SST": listed(lambda: range_maximal(af, COMPLETE, cap)),
        "STG": listed(lambda: range_maximal(af, CONFLICT_FREE, cap)),
        "ID": ideal,
    }


def listed(compute):
    """The list, or the TooMany that cut it short."""
    try:
        return compute()
    except TooMany as e:
        return e


def listing(exts, sem):
    """The σ-extensions listed; raises TooMany where the listing was cut short."""
    if isinstance(exts[sem], TooMany):
        raise exts[sem]
    return exts[sem]


def is_extension(af, sem, s, exts):
    """Whether the set `s` is a σ-extension, with no list but the ideal one: complete and
    stable by definition (Dung 1995); preferred, semi-stable and stage as a complete
    (conflict-free for stage) set that clingo finds nothing strictly above, by set or by
    range."""
    conflict_free = not any(b in af.targets[a] for a in s for b in s)
    complete = conflict_free and af.defended(s) == s
    if sem == "CO":
        return complete
    if sem == "ST":
        return conflict_free and af.range_of(s) == frozenset(range(1, af.n + 1))
    if sem == "GR":
        return s == grounded(af)
    if sem == "ID":
        return s in listing(exts, sem)
    base, what, below = {"PR": (COMPLETE, "in", s), "SST": (COMPLETE + RANGE, "range", af.range_of(s)),
                         "STG": (CONFLICT_FREE + RANGE, "range", af.range_of(s))}[sem]
    above = f":- below(X), not {what}(X).\ngrows :- {what}(X), not below(X).\n:- not grows.\n"
    facts = "".join(f"below({a})." for a in sorted(below)) + "\n"
    larger = models(base + above, af, [], what, 1, facts, limit=1)
    return (conflict_free if sem == "STG" else complete) and not larger


def exists(exts, sem):
    """Whether there is a σ-extension: always, but for stable semantics (and for the ideal
    one, a TooMany when the preferred list was cut short)."""
    if sem == "ST":
        return exts["ST"][2] is not None
    if sem == "ID":
        listing(exts, sem)
    return True


def answer(task, exts, query=None):
    """True/False for DC/DS, an extension or None (NO) for SE."""
    kind, sem = task.split("-")
    if task == "DC-PR":
        # In some preferred extension iff in some admissible set iff in some complete one.
        sem = "CO"
    if sem in ("CO", "ST"):
        brave, cautious, one = exts[sem]
        if kind == "DC":
            return brave is not None and query in brave
        if kind == "DS":
            return cautious is None or query in cautious
        return one
    es = listing(exts, sem)
    if kind == "DC":
        return any(query in e for e in es)
    if kind == "DS":
        return all(query in e for e in es)
    return min(es, key=sorted) if es else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="task")
    ap.add_argument("-f", dest="file")
    ap.add_argument("-a", dest="query", type=int)
    ap.add_argument("--all", metavar="FILE", help="what decides every task on FILE")
    args = ap.parse_args(argv)
    if args.all:
        show = lambda e: "-" if e is None else "{" + ",".join(map(str, sorted(e))) + "}"  # noqa: E731
        for sem, es in extensions(read(args.all)).items():
            if isinstance(es, TooMany):
                print(sem, es)
            elif sem in ("CO", "ST"):
                print(sem, "brave", show(es[0]), "cautious", show(es[1]), "one", show(es[2]))
            else:
                print(sem, len(es), " ".join(map(show, es)))
        return 0
    if not args.task or not args.file:
        ap.error("-p TASK -f FILE [-a QUERY], or --all FILE")
    ans = answer(args.task.upper(), extensions(read(args.file)), args.query)
    if isinstance(ans, bool):
        print("YES" if ans else "NO")
    else:
        print("NO" if ans is None else "w " + " ".join(map(str, sorted(ans))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Cross-check py_arg's ASPIC+ layer (as driven by oracle.py) against a direct,
deliberately naive transcription of Modgil & Prakken (2013) Sect. 3 on random
theories: same arguments, same defeats.  A mismatch is either a py_arg deviation
from the definitions (document it in README.md) or a bug here.

Arguments are built with py_arg's restriction (no literal twice on a root-to-leaf
path, see README "deviations"), since M&P's argument set is infinite when rules
are cyclic.  Usage: check_aspic.py [count] [seed]
"""
import itertools
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402


def neg(x):
    return x[1:] if x.startswith("-") else "-" + x


class Arg:
    """prem: literal (a premise argument) or None; rule: (kind, name, ants, cons)."""

    def __init__(self, conc, kind, rule=None, subs=()):
        self.conc, self.kind, self.rule, self.subs = conc, kind, rule, tuple(subs)
        self.key = (conc, kind, rule[1] if rule else None, tuple(sorted(s.key for s in subs)))
        self.sub_all = {self}.union(*[s.sub_all for s in subs]) if subs else {self}
        self.concs = {conc}.union(*[s.concs for s in subs]) if subs else {conc}
        self.prem_p = ({conc} if kind == "premise" else set()).union(*[s.prem_p for s in subs])
        self.defrules = ({rule[1]} if kind == "defeasible" else set()).union(
            *[s.defrules for s in subs])

    def __hash__(self):
        return hash(self.key)

    def __eq__(self, other):
        return self.key == other.key

    @property
    def last_def(self):
        if self.kind == "defeasible":
            return {self.rule[1]}
        return set().union(*[s.last_def for s in self.subs])


def arguments(t):
    args = {Arg(a, "axiom") for a in set(t.get("axioms", []))}
    args |= {Arg(p, "premise") for p in set(t.get("premises", []))}
    rules = [("strict", None, tuple(sorted(set(r["antecedents"]))), r["consequent"])
             for r in t.get("strict", [])]
    rules += [("defeasible", r["name"], tuple(sorted(set(r["antecedents"]))), r["consequent"])
              for r in t.get("defeasible", [])]
    rules = sorted(set(rules), key=str)
    while True:
        new = set()
        for rule in rules:
            choices = [[a for a in args if a.conc == ant and rule[3] not in a.concs]
                       for ant in rule[2]]
            for subs in itertools.product(*choices):
                a = Arg(rule[3], rule[0], rule, subs)
                if a not in args:
                    new.add(a)
        if not new:
            return args
        args |= new


def strictly_less(x, y, weaker):
    return (x, y) in weaker


def set_less(g1, g2, weaker, s):
    """M&P 2013 Sect. 3.5: Gamma <|_s Gamma'."""
    if not g1:
        return False
    if not g2:
        return True
    if s == "elitist":
        return any(all(strictly_less(x, y, weaker) for y in g2) for x in g1)
    return all(any(strictly_less(x, y, weaker) for y in g2) for x in g1)


def arg_less(a, b, t, rw, pw):
    s = t.get("comparison", "elitist")
    if t.get("ordering", "last-link") == "last-link":
        if set_less(a.last_def, b.last_def, rw, s):
            return True
        return not a.last_def and not b.last_def and set_less(a.prem_p, b.prem_p, pw, s)
    if not a.defrules and not b.defrules:
        return set_less(a.prem_p, b.prem_p, pw, s)
    if not a.prem_p and not b.prem_p:
        return set_less(a.defrules, b.defrules, rw, s)
    return set_less(a.prem_p, b.prem_p, pw, s) and set_less(a.defrules, b.defrules, rw, s)


def defeats(t, args):
    bar = {}
    lits = set()
    for a in args:
        lits |= a.concs
    for x in lits | {neg(x) for x in lits}:
        bar.setdefault(x, set()).add(neg(x))
        bar.setdefault(neg(x), set()).add(x)
    for p, q in t.get("contraries", []):
        bar.setdefault(q, set()).add(p)
    for p, q in t.get("contradictories", []):
        bar.setdefault(q, set()).add(p)
        bar.setdefault(p, set()).add(q)
    ucut = {}
    for u, d in t.get("undercutters", []):
        ucut.setdefault(d, set()).add(u)

    def closure(pairs):
        w = {(y, x) for x, y in pairs}
        while True:
            extra = {(a, d) for (a, b) in w for (c, d) in w if b == c} - w
            if not extra:
                return w
            w |= extra
    rw = closure(t.get("rule_preferences", []))
    pw = closure(t.get("premise_preferences", []))

    def contrary(x, y):     # x is a contrary (not contradictory) of y
        return x in bar.get(y, ()) and y not in bar.get(x, ())

    out = set()
    for a in args:
        for b in args:
            hit = False
            for b1 in b.sub_all:
                if b1.kind == "defeasible":
                    if a.conc in ucut.get(b1.rule[1], ()):                 # undercut
                        hit = True
                    elif a.conc in bar.get(b1.conc, ()) and (               # rebut
                            contrary(a.conc, b1.conc) or not arg_less(a, b1, t, rw, pw)):
                        hit = True
                if b1.kind == "premise" and a.conc in bar.get(b1.conc, ()) and (  # undermine
                        contrary(a.conc, b1.conc) or not arg_less(a, b1, t, rw, pw)):
                    hit = True
            if hit:
                out.add((a.key, b.key))
    return out


def pyarg_key(arg):
    if arg.top_rule is None:
        kind = "axiom" if arg.axiom_premises else "premise"
        return (str(arg.conclusion), kind, None, ())
    rid = arg.top_rule.id
    if rid.startswith(oracle.RULE_PREFIX):
        kind, name = "defeasible", rid[len(oracle.RULE_PREFIX):]
    else:
        kind, name = "strict", None
    return (str(arg.conclusion), kind, name, tuple(sorted(pyarg_key(s) for s in arg.direct_sub_arguments)))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
    bad = checked = 0
    for i in range(count):
        t = random_theory(rnd)
        try:
            theory, order, _ = oracle.build(t)
        except (oracle.Unsupported, oracle.InputError):
            continue
        if len(theory.all_arguments) > 60:
            continue
        checked += 1
        af = theory.create_abstract_argumentation_framework("af", order)
        got_args = {pyarg_key(a) for a in af.arguments}
        got_def = {(pyarg_key(d.from_argument), pyarg_key(d.to_argument)) for d in af.defeats}
        mine = arguments(t)
        exp_args = {a.key for a in mine}
        exp_def = defeats(t, mine)
        if got_args != exp_args or got_def != exp_def:
            bad += 1
            if bad <= 3:
                print("MISMATCH theory", t)
                print("  args only py_arg:", got_args - exp_args, " only here:", exp_args - got_args)
                print("  defeats only py_arg:", sorted(got_def - exp_def)[:4])
                print("  defeats only here:", sorted(exp_def - got_def)[:4])
    print("%d passed, %d failed" % (checked - bad, bad))
    return 1 if bad else 0


def random_theory(rnd):
    atoms = ["p%d" % i for i in range(rnd.randint(2, 6))]

    def lit():
        return rnd.choice(["", "-"]) + rnd.choice(atoms)
    kb = sorted({lit() for _ in range(rnd.randint(1, 4))})
    axioms = [x for x in kb if rnd.random() < 0.3]
    premises = [x for x in kb if x not in axioms]
    strict, defeasible = [], []
    for i in range(rnd.randint(1, 8)):
        r = {"antecedents": sorted({lit() for _ in range(rnd.randint(0, 2))}), "consequent": lit()}
        if rnd.random() < 0.3:
            strict.append(r)
        else:
            r["name"] = "d%d" % i
            defeasible.append(r)
    names = [r["name"] for r in defeasible]
    order = rnd.sample(names, len(names))        # a random strict order: never cyclic
    prem_order = rnd.sample(premises, len(premises))
    return {
        "axioms": axioms, "premises": premises, "strict": strict, "defeasible": defeasible,
        "undercutters": [[lit(), rnd.choice(names)] for _ in range(rnd.randint(0, 2))] if names else [],
        "contraries": [[lit(), lit()] for _ in range(rnd.randint(0, 2))],
        "contradictories": [[lit(), lit()] for _ in range(rnd.randint(0, 1))],
        "rule_preferences": [[order[i], order[j]] for i in range(len(order))
                             for j in range(i + 1, len(order)) if rnd.random() < 0.4],
        "premise_preferences": [[prem_order[i], prem_order[j]] for i in range(len(prem_order))
                                for j in range(i + 1, len(prem_order)) if rnd.random() < 0.4],
        "ordering": rnd.choice(["last-link", "weakest-link"]),
        "comparison": rnd.choice(["elitist", "democratic"]),
    }


if __name__ == "__main__":
    sys.exit(main())

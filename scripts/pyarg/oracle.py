#!/usr/bin/env python3
"""Reference ASPIC+ oracle for differential testing of agon, built on py_arg.

Reads ONE JSON theory (an object) or a JSON array of theories on stdin and
prints the result (an object, or an array in the same order) on stdout.
The input/output contract is documented in scripts/pyarg/README.md; keep the
two in step.

The ASPIC+ part -- argument construction, attacks, defeats, the last-link /
weakest-link elitist / democratic orderings -- is done by the PyPI package
python-argumentation==2.0.2 (import name ``py_arg``).  This file translates the
contract into py_arg objects, refuses what py_arg cannot represent faithfully
({"unsupported": ...}), and turns extensions into accepted / credulous sets.

The Dung semantics come from py_arg's own algorithms when the framework has at
most --pyarg-limit arguments (and are then cross-checked against dung.py), and
from dung.py above that, because py_arg's enumeration is exponential without
pruning (minutes at ~35 arguments).  "dung_solver" in the output says which.

Options:
  --explain            also output every argument (py_arg name, conclusion), the
                       defeat relation and the extensions (argument indices),
                       for investigating a disagreement.
  --time               per-theory wall-clock timings on stderr.
  --dung auto|pyarg|native
                       which Dung solver (default auto, as above).
  --pyarg-limit N      auto: py_arg's algorithms up to N arguments (default 12).
  --max-arguments N    refuse ({"unsupported": ...}) larger theories (default 200).
  --labelling-limit N  refuse theories with more than N complete labellings in
                       dung.py (default 20000).
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dung  # noqa: E402  (scripts/pyarg/dung.py)

from py_arg.aspic_classes.argumentation_system import ArgumentationSystem
from py_arg.aspic_classes.argumentation_theory import ArgumentationTheory
from py_arg.aspic_classes.defeasible_rule import DefeasibleRule
from py_arg.aspic_classes.literal import Literal
from py_arg.aspic_classes.orderings.argument_orderings.last_link_ordering import (
    LastLinkDemocraticOrdering, LastLinkElitistOrdering)
from py_arg.aspic_classes.orderings.argument_orderings.weakest_link_ordering import (
    WeakestLinkDemocraticOrdering, WeakestLinkElitistOrdering)
from py_arg.aspic_classes.orderings.preference_preorder import PreferencePreorder
from py_arg.aspic_classes.strict_rule import StrictRule
from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_ideal_extension import get_ideal_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
from py_arg.algorithms.semantics.get_semistable_extensions import get_semistable_extensions
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions
from py_arg.logic.is_c_consistent import is_c_consistent as pyarg_closure_has_conflict

# Rule-name literals n(d) live in py_arg's language next to the claims.  They
# are prefixed so that a rule named like a claim cannot collide with it.
RULE_PREFIX = "@rule:"

ORDERINGS = {
    ("last-link", "elitist"): LastLinkElitistOrdering,
    ("last-link", "democratic"): LastLinkDemocraticOrdering,
    ("weakest-link", "elitist"): WeakestLinkElitistOrdering,
    ("weakest-link", "democratic"): WeakestLinkDemocraticOrdering,
}

SEMANTICS = ("grounded", "preferred", "stable", "complete", "semi-stable", "ideal")

KEYS = {"axioms", "premises", "strict", "defeasible", "undercutters", "contraries",
        "contradictories", "rule_preferences", "premise_preferences", "ordering",
        "comparison", "transposition"}


class InputError(Exception):
    """The theory breaks the contract: reported as {"error": ...}."""


class Unsupported(Exception):
    """py_arg cannot represent the theory faithfully: reported as {"unsupported": ...}."""


def neg(literal):
    """Built-in contradictory: a <-> -a."""
    return literal[1:] if literal.startswith("-") else "-" + literal


def check_literal(x, where):
    if not isinstance(x, str) or x in ("", "-") or x.startswith("--"):
        raise InputError("%s: %r is not a literal (a name, or -name)" % (where, x))
    if x.lstrip("-").startswith(RULE_PREFIX):
        raise InputError("%s: literal %r uses the reserved prefix %r" % (where, x, RULE_PREFIX))
    return x


def check_pairs(value, where):
    if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 for p in value):
        raise InputError("%s must be a list of [x, y] pairs" % where)
    return value


def check_rules(value, where):
    if not isinstance(value, list):
        raise InputError("%s must be a list" % where)
    rules = []
    for i, r in enumerate(value):
        if not isinstance(r, dict) or set(r) - {"name", "antecedents", "consequent"}:
            raise InputError("%s[%d] must be {name, antecedents, consequent}" % (where, i))
        name = r.get("name")
        if name is not None and (not isinstance(name, str) or not name):
            raise InputError("%s[%d]: name must be a non-empty string" % (where, i))
        ants = r.get("antecedents", [])
        if not isinstance(ants, list):
            raise InputError("%s[%d]: antecedents must be a list" % (where, i))
        ants = [check_literal(a, "%s[%d].antecedents" % (where, i)) for a in ants]
        cons = check_literal(r.get("consequent"), "%s[%d].consequent" % (where, i))
        # Antecedents are a set (M&P write phi_1..phi_n; repeating one means nothing,
        # and py_arg would crash matching sub-arguments to a repeated antecedent).
        rules.append((name, tuple(sorted(set(ants))), cons))
    return rules


def strict_order_closure(pairs, kind):
    """pairs: [better, worse] (better strictly preferred).  Returns the set of
    (weaker, stronger) tuples of the transitive closure -- py_arg's
    PreferencePreorder does no closure of its own.  A cycle cannot be a strict
    order: refuse it rather than guess."""
    weaker = set((w, b) for b, w in pairs)
    changed = True
    while changed:
        changed = False
        for (a, b) in list(weaker):
            for (c, d) in list(weaker):
                if b == c and (a, d) not in weaker:
                    weaker.add((a, d))
                    changed = True
    cyc = sorted(a for (a, b) in weaker if a == b)
    if cyc:
        raise Unsupported("%s preferences contain a cycle through %s; a strict "
                          "preference relation cannot be cyclic" % (kind, cyc[0]))
    return weaker


def directly_consistent(literals, contrariness):
    """No phi, psi in the set with phi in contrariness(psi)."""
    return not any(phi in contrariness.get(psi, ()) for psi in literals for phi in literals)


def transposition_closed(strict_rules):
    """M&P 2013 Def. of transposition, with the built-in negation."""
    have = set((frozenset(a), c) for (_, a, c) in strict_rules)
    for (_, ants, cons) in strict_rules:
        for i, phi in enumerate(ants):
            t = frozenset(ants[:i] + ants[i + 1:] + (neg(cons),))
            if (t, neg(phi)) not in have:
                return False
    return True


def build(t):
    if not isinstance(t, dict):
        raise InputError("a theory must be a JSON object")
    unknown = set(t) - KEYS
    if unknown:
        raise InputError("unknown keys: %s" % sorted(unknown))

    def lst(key):
        v = t.get(key, [])
        if not isinstance(v, list):
            raise InputError("%s must be a list" % key)
        return v

    axioms = sorted(set(check_literal(x, "axioms") for x in lst("axioms")))
    premises = sorted(set(check_literal(x, "premises") for x in lst("premises")))
    strict = check_rules(lst("strict"), "strict")
    defeasible = check_rules(lst("defeasible"), "defeasible")
    undercutters = check_pairs(lst("undercutters"), "undercutters")
    contraries = check_pairs(lst("contraries"), "contraries")
    contradictories = check_pairs(lst("contradictories"), "contradictories")
    rule_prefs = check_pairs(lst("rule_preferences"), "rule_preferences")
    prem_prefs = check_pairs(lst("premise_preferences"), "premise_preferences")
    ordering = t.get("ordering", "last-link")
    comparison = t.get("comparison", "elitist")
    transposition = t.get("transposition", False)
    if (ordering, comparison) not in ORDERINGS:
        raise InputError("ordering must be last-link|weakest-link and comparison "
                         "elitist|democratic, got %r/%r" % (ordering, comparison))
    if not isinstance(transposition, bool):
        raise InputError("transposition must be a boolean")

    both = sorted(set(axioms) & set(premises))
    if both:
        # M&P 2013 (knowledge base, Sect. 3.1): K = Kn u Kp with Kn, Kp disjoint.
        # py_arg would build two different arguments for the literal.
        raise Unsupported("literal %r is both an axiom and an ordinary premise "
                          "(Kn and Kp must be disjoint)" % both[0])

    # Defeasible rules: names are required and unique.
    def_names = {}
    for (name, ants, cons) in defeasible:
        if name is None:
            raise InputError("every defeasible rule needs a name")
        if name in def_names:
            raise InputError("defeasible rule name %r is used twice" % name)
        def_names[name] = (ants, cons)
    # py_arg identifies a rule by its text "a,b=>c" (Rule.__eq__/__hash__) and an
    # argument by a name built from sub-argument names and the consequent only, so
    # two named defeasible rules with the same body would be merged into one.
    seen = {}
    for name, body in sorted(def_names.items()):
        if body in seen:
            raise Unsupported("defeasible rules %r and %r have the same antecedents and "
                              "consequent; py_arg identifies rules and arguments by their "
                              "text and would merge them" % (seen[body], name))
        seen[body] = name
    # Strict rules are unnamed in M&P (R_s is a set): identical ones are one rule.
    strict_bodies = sorted(set((ants, cons) for (_, ants, cons) in strict))
    strict = [(None, ants, cons) for (ants, cons) in strict_bodies]

    for pair in undercutters:
        check_literal(pair[0], "undercutters")
        if pair[1] not in def_names:
            raise InputError("undercutter %r: %r is not a defeasible rule (only defeasible "
                             "rules have names n(d))" % (pair[0], pair[1]))
    for key, pairs in (("contraries", contraries), ("contradictories", contradictories),
                       ("premise_preferences", prem_prefs)):
        for p in pairs:
            check_literal(p[0], key)
            check_literal(p[1], key)
    for p in rule_prefs:
        for r in p:
            if r not in def_names:
                raise InputError("rule_preferences: %r is not a defeasible rule (M&P order "
                                 "only defeasible rules)" % (r,))

    # ---- the language L: every literal mentioned, closed under the built-in negation
    mentioned = set(axioms) | set(premises)
    for (_, ants, cons) in strict + defeasible:
        mentioned |= set(ants) | {cons}
    for (u, _) in undercutters:
        mentioned.add(u)
    for p in contraries + contradictories + prem_prefs:
        mentioned |= set(p)
    claims = set()
    for x in mentioned:
        claims |= {x, neg(x)}

    # contrariness function: bar[x] = the literals that attack x
    bar = {x: {neg(x)} for x in claims}
    for (p, q) in contraries:
        bar[q].add(p)                       # p is a contrary of q
    for (p, r) in contradictories:
        bar[r].add(p)
        bar[p].add(r)

    language = {x: Literal(x) for x in sorted(claims)}
    contr = {x: {language[y] for y in ys} for x, ys in bar.items()}

    def_rule_objs = {}
    for name, (ants, cons) in sorted(def_names.items()):
        def_rule_objs[name] = DefeasibleRule(RULE_PREFIX + name,
                                             {language[a] for a in ants}, language[cons])
    strict_objs = [StrictRule("s%d" % i, {language[a] for a in ants}, language[cons])
                   for i, (_, ants, cons) in enumerate(strict)]

    rule_weaker = strict_order_closure(rule_prefs, "rule")
    prem_weaker = strict_order_closure(prem_prefs, "premise")
    rule_preorder = PreferencePreorder(
        [(def_rule_objs[a], def_rule_objs[b]) for (a, b) in sorted(rule_weaker)]
        + [(r, r) for _, r in sorted(def_rule_objs.items())])
    prem_preorder = PreferencePreorder(
        [(language[a], language[b]) for (a, b) in sorted(prem_weaker)]
        + [(language[p], language[p]) for p in premises])

    system = ArgumentationSystem(language, contr, strict_objs,
                                 [def_rule_objs[n] for n in sorted(def_rule_objs)],
                                 rule_preorder, add_defeasible_rule_literals=True)
    # Undercutters: an argument for u undercuts d iff u is in bar(n(d)).  py_arg has
    # just created n(d) (= RULE_PREFIX+d) and -n(d) as mutual contradictories.
    for (u, d) in undercutters:
        system.language[RULE_PREFIX + d].contraries_and_contradictories.add(language[u])

    theory = ArgumentationTheory(system, [language[a] for a in axioms],
                                 [language[p] for p in premises], prem_preorder)
    order = ORDERINGS[(ordering, comparison)](system.rule_preferences,
                                              theory.ordinary_premise_preferences)
    info = dict(axioms=axioms, premises=premises, strict=strict, bar=bar,
                transposition=transposition, strict_objs=strict_objs)
    return theory, order, info


def pyarg_extensions(af):
    """All six semantics by py_arg's own algorithms: {semantics: [set of Argument]}."""
    ideal = list(get_ideal_extension(af))
    assert len(ideal) == 1, "py_arg returned %d ideal sets" % len(ideal)
    return {
        "grounded": [get_grounded_extension(af)],
        "preferred": list(get_preferred_extensions(af)),
        "stable": list(get_stable_extensions(af)),
        "complete": list(get_complete_extensions(af)),
        "semi-stable": list(get_semistable_extensions(af)),
        "ideal": ideal,
    }


def native_extensions(af, limit):
    """The same six semantics by dung.py, mapped back to py_arg Arguments."""
    args = sorted(af.arguments, key=lambda a: a.name)
    index = {a.name: i for i, a in enumerate(args)}
    attacks = {(index[d.from_argument.name], index[d.to_argument.name]) for d in af.defeats}
    try:
        result = dung.all_semantics(len(args), attacks, limit)
    except OverflowError as e:
        raise Unsupported("native Dung solver: %s" % e)
    return {sem: [set(args[i] for i in ext) for ext in exts] for sem, exts in result.items()}


def same_extensions(x, y):
    key = lambda exts: sorted(sorted(a.name for a in e) for e in exts)  # noqa: E731
    return all(key(x[s]) == key(y[s]) for s in SEMANTICS)


def evaluate(t, explain=False, max_arguments=200, dung_mode="auto", pyarg_limit=12,
             labelling_limit=20000):
    try:
        theory, order, info = build(t)
        arguments = theory.all_arguments
        if len(arguments) > max_arguments:
            raise Unsupported("%d arguments exceed --max-arguments %d"
                              % (len(arguments), max_arguments))
        af = theory.create_abstract_argumentation_framework("af", order)
        if dung_mode == "pyarg" or (dung_mode == "auto" and len(arguments) <= pyarg_limit):
            extensions, solver = pyarg_extensions(af), "py_arg"
            if dung_mode == "auto":
                # Keep the native solver honest wherever py_arg can check it.
                if not same_extensions(extensions, native_extensions(af, labelling_limit)):
                    return {"error": "internal: py_arg and dung.py disagree on this framework"}
        else:
            extensions, solver = native_extensions(af, labelling_limit), "native"
            # py_arg's grounded fixpoint is cheap at any size: check against it.
            pyarg_grounded = sorted(a.name for a in get_grounded_extension(af))
            if pyarg_grounded != sorted(a.name for a in extensions["grounded"][0]):
                return {"error": "internal: py_arg and dung.py disagree on the grounded extension"}
    except InputError as e:
        return {"error": str(e)}
    except Unsupported as e:
        return {"unsupported": str(e)}

    bar = info["bar"]
    semantics = {}
    for sem in SEMANTICS:
        concl = [set(str(a.conclusion) for a in ext) for ext in extensions[sem]]
        semantics[sem] = {
            "extensions": len(concl),
            # With no extension (stable may have none) both lists are empty: we do
            # not use the vacuous reading "accepted = every literal".
            "accepted": sorted(set.intersection(*concl)) if concl else [],
            "credulous": sorted(set.union(*concl)) if concl else [],
            # Caminada & Amgoud's direct consistency, per extension, all of them.
            "consistent": all(directly_consistent(c, bar) for c in concl),
        }

    strict_set = set(info["strict_objs"])
    lang = theory.argumentation_system.language
    kb = {lang[x] for x in info["axioms"] + info["premises"]}
    kn = {lang[x] for x in info["axioms"]}
    result = {
        "arguments": len(arguments),
        "dung_solver": solver,
        "semantics": semantics,
        # py_arg 2.0.2's is_c_consistent(S, Rs) returns True when Cl_Rs(S) contains
        # phi and psi with phi in bar(psi), i.e. when S is c-INconsistent: its name
        # says the opposite of what it computes.  We negate it, so these fields mean
        # what they say (M&P 2013: S is c-consistent iff Cl_Rs(S) is directly
        # consistent).  c_consistent is about K = Kn u Kp; axioms_c_consistent is
        # M&P's well-formedness condition "axiom consistent" about Kn alone.
        "c_consistent": not pyarg_closure_has_conflict(kb, strict_set),
        "axioms_c_consistent": not pyarg_closure_has_conflict(kn, strict_set),
        "transposition_closed": transposition_closed(info["strict"]),
    }
    if explain:
        names = sorted(a.name for a in arguments)
        index = {n: i for i, n in enumerate(names)}
        by_name = {a.name: a for a in arguments}
        result["argument_list"] = [
            {"name": n, "conclusion": str(by_name[n].conclusion)} for n in names]
        result["defeats"] = sorted([index[d.from_argument.name], index[d.to_argument.name]]
                                   for d in af.defeats)
        result["extensions"] = {
            sem: sorted(sorted(index[a.name] for a in ext) for ext in extensions[sem])
            for sem in SEMANTICS}
    return result


def option(argv, name, default, convert=int):
    if name in argv:
        return convert(argv[argv.index(name) + 1])
    return default


def main(argv):
    explain = "--explain" in argv
    timing = "--time" in argv
    kwargs = dict(
        max_arguments=option(argv, "--max-arguments", 200),
        dung_mode=option(argv, "--dung", "auto", str),
        pyarg_limit=option(argv, "--pyarg-limit", 12),
        labelling_limit=option(argv, "--labelling-limit", 20000),
    )
    if kwargs["dung_mode"] not in ("auto", "pyarg", "native"):
        sys.stderr.write("--dung must be auto, pyarg or native\n")
        return 2
    data = json.load(sys.stdin)
    theories = data if isinstance(data, list) else [data]
    out = []
    for i, t in enumerate(theories):
        start = time.perf_counter()
        out.append(evaluate(t, explain=explain, **kwargs))
        if timing:
            sys.stderr.write("theory %d: %.1f ms\n" % (i, 1000 * (time.perf_counter() - start)))
    json.dump(out if isinstance(data, list) else out[0], sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

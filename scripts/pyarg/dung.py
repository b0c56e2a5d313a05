"""A small labelling-based Dung solver, used by oracle.py when an argumentation
framework is too large for py_arg 2.0.2's extension algorithms.

py_arg's preferred/stable/complete/semi-stable/ideal algorithms branch IN/UNDEC
on every argument without propagation; on ASPIC+ frameworks of ~35 arguments
they already take minutes.  This solver enumerates complete labellings
(Caminada's labellings: IN iff every attacker is OUT, OUT iff some attacker is
IN, UNDEC otherwise) by backtracking with sound propagation and a final exact
check, and derives the other semantics from them:

  grounded    = the complete extension with the least IN set
  preferred   = complete extensions with subset-maximal IN
  stable      = complete extensions with no UNDEC
  semi-stable = complete extensions with subset-minimal UNDEC (maximal range)
  ideal       = the greatest admissible subset of the intersection of the
                preferred extensions (greatest fixpoint of S -> S n F(S))

It is checked against py_arg and against brute force by check_dung.py (run by
selftest.sh), and oracle.py re-checks it against py_arg on every framework small
enough for py_arg.

Arguments are integers 0..n-1; attacks a set of (attacker, target) pairs.
"""

IN, OUT, UND = 1, 2, 3


def _adjacency(n, attacks):
    attackers = [[] for _ in range(n)]
    targets = [[] for _ in range(n)]
    for (a, b) in set(attacks):
        attackers[b].append(a)
        targets[a].append(b)
    return attackers, targets


def grounded(n, attacks):
    attackers, targets = _adjacency(n, attacks)
    ins, outs = set(), set()
    changed = True
    while changed:
        changed = False
        for a in range(n):
            if a not in ins and a not in outs and all(b in outs for b in attackers[a]):
                ins.add(a)
                changed = True
                for t in targets[a]:
                    outs.add(t)
    return frozenset(ins)


def complete_labellings(n, attacks, limit=None):
    """Yield every complete labelling as a tuple of IN/OUT/UND (index = argument)."""
    attackers, targets = _adjacency(n, attacks)
    neighbours = [set(attackers[a]) | set(targets[a]) for a in range(n)]

    # Every complete labelling extends the grounded one: start from it.
    g = grounded(n, attacks)
    g_out = {t for a in g for t in targets[a]}
    start = [None] * n
    for a in g:
        start[a] = IN
    for a in g_out:
        start[a] = OUT

    def violated(lab, a):
        """Is a constraint around argument a already unsatisfiable?"""
        la = lab[a]
        att = [lab[b] for b in attackers[a]]
        if la == IN:
            return any(x in (IN, UND) for x in att)
        if la == OUT:
            return all(x in (OUT, UND) for x in att)
        if la == UND:
            return any(x == IN for x in att) or all(x == OUT for x in att)
        # unlabelled: fine unless forced both ways
        return False

    def forced(lab, a):
        """Label forced on unlabelled a by its attackers, or None."""
        att = [lab[b] for b in attackers[a]]
        if any(x == IN for x in att):
            return OUT
        if all(x == OUT for x in att):
            return IN
        if all(x is not None for x in att):   # no IN, some UND, none open
            return UND
        return None

    def propagate(lab, queue):
        """Apply forced labels until fixpoint; False on contradiction."""
        while queue:
            a = queue.pop()
            for b in [a] + list(neighbours[a]):
                if lab[b] is None:
                    f = forced(lab, b)
                    if f is not None:
                        lab[b] = f
                        queue.append(b)
                        if violated(lab, b):
                            return False
                elif violated(lab, b):
                    return False
                # the attackers of an IN argument are OUT
                if lab[b] == IN:
                    for c in attackers[b]:
                        if lab[c] is None:
                            lab[c] = OUT
                            queue.append(c)
                            if violated(lab, c):
                                return False
                # an OUT argument whose only open attacker is the last hope
                if lab[b] == OUT:
                    open_att = [c for c in attackers[b] if lab[c] is None]
                    if not any(lab[c] == IN for c in attackers[b]):
                        if not open_att:
                            return False
                        if len(open_att) == 1:
                            c = open_att[0]
                            lab[c] = IN
                            queue.append(c)
                            if violated(lab, c):
                                return False
        return True

    def is_complete(lab):
        for a in range(n):
            att = [lab[b] for b in attackers[a]]
            if lab[a] == IN and not all(x == OUT for x in att):
                return False
            if lab[a] == OUT and not any(x == IN for x in att):
                return False
            if lab[a] == UND and (any(x == IN for x in att) or all(x == OUT for x in att)):
                return False
        return True

    count = [0]

    def search(lab):
        try:
            a = lab.index(None)
        except ValueError:
            if is_complete(lab):
                count[0] += 1
                if limit is not None and count[0] > limit:
                    raise OverflowError("more than %d complete labellings" % limit)
                yield tuple(lab)
            return
        for choice in (IN, OUT, UND):
            new = list(lab)
            new[a] = choice
            if violated(new, a):
                continue
            if propagate(new, [a]):
                yield from search(new)

    lab = list(start)
    if propagate(lab, list(range(n))):
        yield from search(lab)


def all_semantics(n, attacks, limit=None):
    """Return {semantics: [frozenset of arguments, ...]} for the six semantics."""
    attackers, targets = _adjacency(n, attacks)
    labs = list(complete_labellings(n, attacks, limit))
    comp = sorted({frozenset(a for a in range(n) if lab[a] == IN) for lab in labs},
                  key=sorted)
    undec = {}
    for lab in labs:
        undec[frozenset(a for a in range(n) if lab[a] == IN)] = \
            frozenset(a for a in range(n) if lab[a] == UND)
    pref = [e for e in comp if not any(e < f for f in comp)]
    stable = [e for e in comp if not undec[e]]
    semi = [e for e in comp if not any(undec[f] < undec[e] for f in comp)]
    grd = [min(comp, key=len)]
    assert grd[0] == grounded(n, attacks)
    s = frozenset.intersection(*pref)
    while True:
        t = frozenset(a for a in s
                      if all(any(c in s for c in attackers[b]) for b in attackers[a]))
        if t == s:
            break
        s = t
    return {"grounded": grd, "preferred": pref, "stable": stable, "complete": comp,
            "semi-stable": semi, "ideal": [s]}

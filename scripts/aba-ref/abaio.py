"""Reading and writing flat ABA frameworks in the ICCMA 2023 `p aba N` format.

A framework is a `Framework`: atoms 1..n, a sorted list of assumptions, a dict
from each assumption to the set of its contraries (ICCMA gives exactly one; the
tools here accept any number, an assumption with none can never be attacked) and
a list of rules `(head, (b1, ..., bk))`.
"""

from dataclasses import dataclass, field


class FormatError(ValueError):
    pass


@dataclass
class Framework:
    n: int
    assumptions: list
    contraries: dict = field(default_factory=dict)  # assumption -> set of atoms
    rules: list = field(default_factory=list)  # (head, tuple(body))

    def non_assumptions(self):
        a = set(self.assumptions)
        return [x for x in range(1, self.n + 1) if x not in a]

    def is_flat(self):
        a = set(self.assumptions)
        return all(h not in a for h, _ in self.rules)

    def to_iccma(self, comments=()):
        out = [f"# {c}" for c in comments]
        out.append(f"p aba {self.n}")
        out += [f"a {x}" for x in self.assumptions]
        for x in self.assumptions:
            for y in sorted(self.contraries.get(x, ())):
                out.append(f"c {x} {y}")
        for h, body in self.rules:
            out.append(" ".join(["r", str(h)] + [str(b) for b in body]))
        return "\n".join(out) + "\n"


def parse(text, name="<input>"):
    n = None
    assumptions = []
    seen = set()
    contraries = {}
    rules = []

    def atom(tok, lineno):
        try:
            v = int(tok)
        except ValueError:
            raise FormatError(f"{name}:{lineno}: not an atom: {tok!r}")
        if n is None or not 1 <= v <= n:
            raise FormatError(f"{name}:{lineno}: atom {v} outside 1..{n}")
        return v

    for lineno, line in enumerate(text.splitlines(), 1):
        toks = line.split()
        if not toks or toks[0].startswith("#"):
            continue
        kind = toks[0]
        if kind == "p":
            if len(toks) != 3 or toks[1] != "aba" or n is not None:
                raise FormatError(f"{name}:{lineno}: bad header {line!r}")
            n = int(toks[2])
            continue
        if n is None:
            raise FormatError(f"{name}:{lineno}: line before the 'p aba N' header")
        if kind == "a" and len(toks) == 2:
            x = atom(toks[1], lineno)
            if x not in seen:
                seen.add(x)
                assumptions.append(x)
        elif kind == "c" and len(toks) == 3:
            contraries.setdefault(atom(toks[1], lineno), set()).add(atom(toks[2], lineno))
        elif kind == "r" and len(toks) >= 2:
            rules.append((atom(toks[1], lineno), tuple(atom(t, lineno) for t in toks[2:])))
        else:
            raise FormatError(f"{name}:{lineno}: cannot read {line!r}")
    if n is None:
        raise FormatError(f"{name}: no 'p aba N' header")
    for x in contraries:
        if x not in seen:
            raise FormatError(f"{name}: contrary given for {x}, which is not an assumption")
    return Framework(n, sorted(assumptions), contraries, rules)


def read(path):
    with open(path) as f:
        return parse(f.read(), path)


def closure(fw, s):
    """Th(s): the atoms derivable from the assumption set s (naive forward chaining)."""
    derived = set(s)
    changed = True
    while changed:
        changed = False
        for h, body in fw.rules:
            if h not in derived and all(b in derived for b in body):
                derived.add(h)
                changed = True
    return frozenset(derived)

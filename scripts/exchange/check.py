"""Checks agon's exports with readers that are not agon, on every shipped school and the
debate fixture (run by check.sh, which installs the readers):

- AIF JSON: an independent structure check of the AIF as AIFdb/OVA read it (node types, every
  edge joins two nodes, an RA has antecedent I-nodes and one conclusion, a CA or PA one edge in
  and one out);
- GraphML: Python's XML parser, the GraphML namespace, every edge's ends are nodes;
- the argument framework: clingo computes the grounded extension of the `apx` export (the
  least model of a positive program, the grounded semantics' fixpoint), and it must equal what
  `agon solve -p SE-GR` says on the `p af` export of the same school;
- Argdown: Argdown's own CLI (`argdown json`) must parse the export without a syntax error and
  find one argument per inference.

Exits 1 on the first disagreement, naming the school and the format."""

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import clingo

AGON = os.environ["AGON"]
ARGDOWN = os.environ["ARGDOWN"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def agon(*args):
    return subprocess.run([AGON, *args], check=True, capture_output=True, text=True, cwd=ROOT).stdout


def fail(school, fmt, why):
    print(f"FAIL {school} ({fmt}): {why}")
    sys.exit(1)


def check_aif(school, doc):
    nodes = {str(n["nodeID"]): n for n in doc["nodes"]}
    kinds = {"I", "RA", "CA", "PA", "L", "YA", "TA", "MA"}
    for n in nodes.values():
        if n["type"] not in kinds or not isinstance(n.get("text"), str):
            fail(school, "aif", f"node {n} has no AIF type or text")
    into, out = {}, {}
    for e in doc["edges"]:
        a, b = str(e["fromID"]), str(e["toID"])
        if a not in nodes or b not in nodes:
            fail(school, "aif", f"edge {e} joins a missing node")
        out.setdefault(a, []).append(b)
        into.setdefault(b, []).append(a)
    for i, n in nodes.items():
        ins, outs = into.get(i, []), out.get(i, [])
        if n["type"] == "RA":
            # Antecedents are I-nodes; a CA (undercut), a PA or, in a dialogue, the YA that
            # anchors the inference in a transition may also point at an RA.
            if not any(nodes[x]["type"] == "I" for x in ins) or any(
                nodes[x]["type"] not in ("I", "CA", "PA", "YA") for x in ins
            ):
                fail(school, "aif", f"RA {i} needs I-node antecedents")
            # One conclusion; an RA may also be preferred to another (an edge to a PA).
            conclusions = [x for x in outs if nodes[x]["type"] == "I"]
            if len(conclusions) != 1 or any(nodes[x]["type"] not in ("I", "PA", "YA") for x in outs):
                fail(school, "aif", f"RA {i} needs one I-node conclusion")
        if n["type"] in ("CA", "PA") and (len(ins) != 1 or len(outs) != 1):
            fail(school, "aif", f"{n['type']} {i} needs one edge in and one out")
    return sum(1 for n in nodes.values() if n["type"] == "RA")


def check_graphml(school, text):
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(text)
    if root.tag != ns + "graphml":
        fail(school, "graphml", f"root element is {root.tag}")
    graph = root.find(ns + "graph")
    ids = {n.get("id") for n in graph.findall(ns + "node")}
    for e in graph.findall(ns + "edge"):
        if e.get("source") not in ids or e.get("target") not in ids:
            fail(school, "graphml", f"edge {e.get('id')} joins a missing node")


GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- in(Y), att(Y,X).
#show in/1.
"""


def clingo_grounded(apx):
    ctl = clingo.Control(["--warn=none"])
    ctl.add("base", [], apx + GROUNDED)
    ctl.ground([("base", [])])
    found = []
    ctl.solve(on_model=lambda m: found.append({int(str(s.arguments[0])[1:]) for s in m.symbols(shown=True)}))
    if len(found) != 1:
        raise RuntimeError(f"{len(found)} models")
    return found[0]


def check_framework(school, path, tmp):
    apx = agon("export", "--to", "apx", "--school", school, path)
    p_af = os.path.join(tmp, "f.af")
    agon("export", "--to", "af", "--school", school, "--output", p_af, path)
    said = agon("solve", "-p", "SE-GR", "-f", p_af).split()
    if not said or said[0] != "w":
        fail(school, "af", f"agon solve said {said}")
    ours = {int(x) for x in said[1:]}
    theirs = clingo_grounded(apx)
    if ours != theirs:
        fail(school, "af/apx", f"agon solve {sorted(ours)} but clingo {sorted(theirs)}")
    return len(theirs)


def check_argdown(school, text, inferences, tmp):
    f = os.path.join(tmp, "s.argdown")
    with open(f, "w") as out:
        out.write(text)
    run = subprocess.run([ARGDOWN, "json", f, "--stdout"], capture_output=True, text=True)
    printed = run.stdout + run.stderr
    if "syntax error" in printed.lower() or run.returncode != 0:
        fail(school, "argdown", printed[:2000])
    start = run.stdout.find("{")
    doc, _ = json.JSONDecoder().raw_decode(run.stdout[start:])
    if len(doc.get("arguments", {})) != inferences:
        fail(school, "argdown", f"Argdown found {len(doc.get('arguments', {}))} arguments, agon wrote {inferences}")


def main():
    checked = 0
    # The structure check must accept what AIFdb itself writes.
    with open(os.path.join(ROOT, "tests/fixtures/aif/aifdb-6064.json")) as real:
        check_aif("AIFdb nodeset 6064", json.load(real))
    with tempfile.TemporaryDirectory() as tmp:
        for path in ["theories", "tests/fixtures/debate"]:
            schools = [s["name"] for s in json.loads(agon("status", "--format", "json", path))["schools"]]
            for school in schools:
                inferences = check_aif(school, json.loads(agon("export", "--to", "aif", "--school", school, path)))
                check_graphml(school, agon("export", "--to", "graphml", "--school", school, path))
                accepted = check_framework(school, path, tmp)
                check_argdown(school, agon("export", "--to", "argdown", "--school", school, path), inferences, tmp)
                print(f"ok {school}: AIF ({inferences} inferences), GraphML, Argdown, p af = apx ({accepted} arguments in the grounded extension)")
                checked += 1
    print(f"exchange formats: {checked} schools checked by readers that are not agon")


if __name__ == "__main__":
    main()

//! The Argument Interchange Format as AIFdb and OVA write it (JSON: `nodes` with `nodeID`,
//! `text`, `type`; `edges` with `fromID`, `toID`), both ways.
//!
//! **Export** (one school): an I-node per literal the school speaks of (its claim's sentence),
//! an RA-node per inference (edges from its antecedents, to its conclusion), a CA-node per
//! attack a conflict licenses (two for `contradicts` and for `x` / `not x`, one for a
//! contrary, one from an exception to the inference it undercuts), and a PA-node per
//! preference (from the preferred node to the other). What AIF cannot say (which literal an
//! I-node is, axiom or premise, strict or defeasible, the ordering) goes in an extra `agon`
//! field on the node, which AIF readers ignore and `import` reads back.
//!
//! **Import**: any AIFdb/OVA/xAIF JSON (also wrapped as `{"AIF": {...}}`). Dialogue nodes
//! (L, YA, TA) are skipped. I-nodes become claims (ids from the `agon` field, else from their
//! text), I-nodes no RA concludes become premises, RA-nodes inferences (defeasible unless
//! marked strict), CA-nodes conflicts (`contradicts` when both directions are stated, else
//! `is contrary to`) or exceptions (a CA aimed at an RA), PA-nodes preferences. The result is
//! one school in the theory language, written out so the user can read and edit it.

use crate::model::{ConflictKind, Literal, Preferable, PremiseKind, RuleKind, SchoolId, Theory};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

/// An AIF document as agon writes it. Fields are declared in alphabetical order, the order
/// JSON objects are written in elsewhere.
#[derive(serde::Serialize)]
pub struct Document {
    agon: DocumentExtra,
    edges: Vec<Edge>,
    locutions: [(); 0],
    nodes: Vec<AifNode>,
}

#[derive(serde::Serialize)]
struct DocumentExtra {
    ordering: String,
    school: String,
    title: String,
}

#[derive(serde::Serialize)]
#[allow(non_snake_case)]
struct Edge {
    edgeID: String,
    formEdgeID: (),
    fromID: String,
    toID: String,
}

#[derive(serde::Serialize)]
#[allow(non_snake_case)]
struct AifNode {
    agon: NodeExtra,
    nodeID: String,
    text: String,
    timestamp: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// What AIF cannot say about a node, for `import` to read back.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum NodeExtra {
    Literal {
        literal: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        premise: Option<&'static str>,
    },
    Inference {
        name: Option<String>,
        strict: bool,
    },
    Nothing {},
}

/// The school as an AIF JSON document (typed, so that a school of 100,000 inferences is
/// written without a JSON tree of it in memory).
pub fn export(theory: &Theory, school: SchoolId) -> Document {
    let s = theory.school(school);
    let mut nodes: Vec<AifNode> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut i_node: BTreeMap<Literal, usize> = BTreeMap::new();
    let premise: HashMap<Literal, PremiseKind> =
        s.premises.iter().map(|p| (p.literal, p.kind)).collect();
    let literals = super::literals(s);
    let edge = |edges: &mut Vec<Edge>, from: usize, to: usize| {
        let id = edges.len() + 1;
        edges.push(Edge {
            edgeID: id.to_string(),
            formEdgeID: (),
            fromID: from.to_string(),
            toID: to.to_string(),
        });
    };
    let node = |nodes: &mut Vec<AifNode>, kind: &'static str, text: String, agon: NodeExtra| {
        let id = nodes.len() + 1;
        nodes.push(AifNode {
            agon,
            nodeID: id.to_string(),
            text,
            timestamp: "",
            kind,
        });
        id
    };
    for &l in &literals {
        let extra = NodeExtra::Literal {
            literal: theory.show(l),
            premise: premise.get(&l).map(|kind| match kind {
                PremiseKind::Axiom => "axiom",
                PremiseKind::Ordinary => "premise",
            }),
        };
        let id = node(&mut nodes, "I", theory.sentence(l), extra);
        i_node.insert(l, id);
    }
    let mut ra: Vec<usize> = Vec::with_capacity(s.rules.len());
    for r in &s.rules {
        let text = r.name.clone().unwrap_or_else(|| "Default Inference".into());
        let extra = NodeExtra::Inference {
            name: r.name.clone(),
            strict: r.kind == RuleKind::Strict,
        };
        let id = node(&mut nodes, "RA", text, extra);
        for a in &r.antecedents {
            edge(&mut edges, i_node[a], id);
        }
        edge(&mut edges, id, i_node[&r.consequent]);
        ra.push(id);
    }
    let conflict = |nodes: &mut Vec<AifNode>, edges: &mut Vec<Edge>, from: usize, to: usize| {
        let id = node(
            nodes,
            "CA",
            "Default Conflict".into(),
            NodeExtra::Nothing {},
        );
        edge(edges, from, id);
        edge(edges, id, to);
    };
    for (&l, &id) in &i_node {
        if !l.negated {
            if let Some(&neg) = i_node.get(&l.negate()) {
                conflict(&mut nodes, &mut edges, id, neg);
                conflict(&mut nodes, &mut edges, neg, id);
            }
        }
    }
    for c in &s.conflicts {
        let (from, to) = (i_node[&c.from], i_node[&c.to]);
        conflict(&mut nodes, &mut edges, from, to);
        if c.kind == ConflictKind::Contradictory {
            conflict(&mut nodes, &mut edges, to, from);
        }
    }
    for e in &s.exceptions {
        conflict(
            &mut nodes,
            &mut edges,
            i_node[&e.literal],
            ra[e.rule.0 as usize],
        );
    }
    for p in &s.preferences {
        let side = |x: Preferable| match x {
            Preferable::Rule(r) => ra[r.0 as usize],
            Preferable::Premise(l) => i_node[&l],
        };
        let id = node(
            &mut nodes,
            "PA",
            "Default Preference".into(),
            NodeExtra::Nothing {},
        );
        edge(&mut edges, side(p.better), id);
        edge(&mut edges, id, side(p.worse));
    }
    Document {
        agon: DocumentExtra {
            ordering: format!("{} {}", word(s.ordering.link), word(s.ordering.comparison)),
            school: s.name.clone(),
            title: s.title.clone(),
        },
        edges,
        locutions: [],
        nodes,
    }
}

/// An ordering word as the theory language writes it.
fn word<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Why an AIF document cannot be imported.
#[derive(Debug)]
pub struct ImportError(pub String);

/// One AIF node as read.
struct Node {
    kind: String,
    text: String,
    agon: Value,
}

/// Reads an AIF JSON document and writes it as a theory file with one school, `name`.
pub fn import(text: &str, name: &str, origin: &str) -> Result<String, ImportError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        ImportError(format!(
            "not JSON: {e} (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    let aif = doc.get("AIF").unwrap_or(&doc);
    let id_of = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let nodes_json = aif
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError("no `nodes` list: this is not AIF JSON".into()))?;
    let edges_json = aif
        .get("edges")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError("no `edges` list: this is not AIF JSON".into()))?;
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (k, n) in nodes_json.iter().enumerate() {
        let id = n
            .get("nodeID")
            .and_then(id_of)
            .ok_or_else(|| ImportError(format!("node {} has no `nodeID`", k + 1)))?;
        let kind = n
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let text = n
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        order.push(id.clone());
        nodes.insert(
            id,
            Node {
                kind,
                text,
                agon: n.get("agon").cloned().unwrap_or(Value::Null),
            },
        );
    }
    let mut into: HashMap<String, Vec<String>> = HashMap::new();
    let mut out_of: HashMap<String, Vec<String>> = HashMap::new();
    for (k, e) in edges_json.iter().enumerate() {
        let (Some(from), Some(to)) = (
            e.get("fromID").and_then(id_of),
            e.get("toID").and_then(id_of),
        ) else {
            return Err(ImportError(format!(
                "edge {} has no `fromID` or `toID`",
                k + 1
            )));
        };
        if !nodes.contains_key(&from) || !nodes.contains_key(&to) {
            return Err(ImportError(format!(
                "edge {} joins `{from}` to `{to}`, and one of them is not a node",
                k + 1
            )));
        }
        into.entry(to.clone()).or_default().push(from.clone());
        out_of.entry(from).or_default().push(to);
    }
    let kind = |id: &str| nodes.get(id).map_or("", |n| n.kind.as_str());
    // Claims: one per I-node text (AIFdb repeats a proposition's text in several I-nodes).
    let mut claims = Claims::default();
    let mut literal_of: HashMap<String, (String, bool)> = HashMap::new();
    for id in &order {
        let n = &nodes[id];
        if n.kind != "I" {
            continue;
        }
        let written = n.agon.get("literal").and_then(Value::as_str);
        let lit = claims.literal(written, &n.text);
        literal_of.insert(id.clone(), lit);
    }
    let show = |id: &str| -> Option<String> {
        let (claim, negated) = literal_of.get(id)?;
        Some(if *negated {
            format!("not {claim}")
        } else {
            claim.clone()
        })
    };
    let mut body = String::new();
    let mut notes: Vec<String> = Vec::new();
    let mut concluded: BTreeSet<String> = BTreeSet::new();
    let mut rule_name: HashMap<String, String> = HashMap::new();
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    for id in &order {
        if matches!(kind(id), "CA" | "PA") {
            referenced.extend(out_of.get(id).into_iter().flatten().cloned());
            referenced.extend(into.get(id).into_iter().flatten().cloned());
        }
    }
    let mut rules = String::new();
    for id in &order {
        let n = &nodes[id];
        if n.kind != "RA" {
            continue;
        }
        let ants: Vec<String> = into
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|a| show(a))
            .collect();
        let concl: Vec<&String> = out_of
            .get(id)
            .into_iter()
            .flatten()
            .filter(|c| kind(c) == "I")
            .collect();
        let ([conclusion], false) = (concl.as_slice(), ants.is_empty()) else {
            notes.push(format!(
                "RA node {id} skipped: an inference needs antecedents and one conclusion (it has {} and {})",
                ants.len(),
                concl.len()
            ));
            continue;
        };
        concluded.insert((*conclusion).clone());
        let strict = n
            .agon
            .get("strict")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let named = n
            .agon
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string);
        let name = named.or_else(|| referenced.contains(id).then(|| format!("ra{}", slug(id))));
        let head = match &name {
            Some(x) => {
                rule_name.insert(id.clone(), x.clone());
                format!("{x}: ")
            }
            None => String::new(),
        };
        let verb = if strict {
            "follows from"
        } else {
            "usually follows from"
        };
        let _ = writeln!(
            rules,
            "    {head}{} {verb} {}.",
            show(conclusion).unwrap_or_default(),
            ants.join(", ")
        );
    }
    for id in &order {
        let n = &nodes[id];
        if n.kind != "I" {
            continue;
        }
        let Some(lit) = show(id) else { continue };
        // agon's own export says which I-nodes are premises; in another tool's map, every
        // I-node no inference concludes is one.
        let kw = match n.agon.get("premise").and_then(Value::as_str) {
            Some("axiom") => "axiom",
            Some(_) => "premise",
            None if n.agon.get("literal").is_some() || concluded.contains(id) => continue,
            None => "premise",
        };
        let line = format!("    {kw} {lit}.\n");
        if !body.contains(&line) {
            body.push_str(&line);
        }
    }
    body.push_str(&rules);
    let mut conflicts: BTreeMap<(String, String), bool> = BTreeMap::new();
    let mut exceptions = String::new();
    let mut preferences = String::new();
    for id in &order {
        let from: Vec<&String> = into.get(id).into_iter().flatten().collect();
        let to: Vec<&String> = out_of.get(id).into_iter().flatten().collect();
        let ([from], [to]) = (from.as_slice(), to.as_slice()) else {
            if matches!(kind(id), "CA" | "PA") {
                notes.push(format!(
                    "{} node {id} skipped: it needs one edge in and one out",
                    kind(id)
                ));
            }
            continue;
        };
        match (kind(id), kind(from), kind(to)) {
            ("CA", "I", "I") => {
                let (Some(a), Some(b)) = (literal_of.get(*from), literal_of.get(*to)) else {
                    continue;
                };
                if a.0 == b.0 {
                    continue; // `x` and `not x` conflict without saying so
                }
                let (x, y) = (show(from).unwrap_or_default(), show(to).unwrap_or_default());
                if let Some(both) = conflicts.get_mut(&(y.clone(), x.clone())) {
                    *both = true;
                } else {
                    conflicts.entry((x, y)).or_insert(false);
                }
            }
            ("CA", "I", "RA") => match (show(from), rule_name.get(*to)) {
                (Some(x), Some(r)) => {
                    let _ = writeln!(exceptions, "    {r} does not apply when {x}.");
                }
                _ => notes.push(format!(
                    "CA node {id} skipped: it attacks an inference that was skipped"
                )),
            },
            ("PA", "RA", "RA") => {
                if let (Some(a), Some(b)) = (rule_name.get(*from), rule_name.get(*to)) {
                    let _ = writeln!(preferences, "    prefer {a} over {b}.");
                }
            }
            ("PA", "I", "I") => {
                if let (Some(a), Some(b)) = (show(from), show(to)) {
                    let _ = writeln!(preferences, "    prefer {a} over {b}.");
                }
            }
            ("CA" | "PA", x, y) => {
                notes.push(format!(
                "{} node {id} skipped: agon has no counterpart for a {} between {x} and {y} nodes",
                kind(id),
                if kind(id) == "CA" { "conflict" } else { "preference" }
            ))
            }
            _ => {}
        }
    }
    body.push_str(&exceptions);
    body.push_str(&preferences);
    if let Some(o) = aif
        .get("agon")
        .and_then(|a| a.get("ordering"))
        .and_then(Value::as_str)
    {
        let _ = writeln!(body, "    ordering {o}.");
    }
    let mut out = format!("// Imported by `agon import aif` from {origin}.\n");
    for n in &notes {
        let _ = writeln!(out, "// {n}");
    }
    out.push('\n');
    for (id, sentence) in &claims.declared {
        let _ = writeln!(out, "claim {id} \"{}\".", escape(sentence));
    }
    out.push('\n');
    for ((x, y), both) in &conflicts {
        let verb = if *both {
            "contradicts"
        } else {
            "is contrary to"
        };
        let _ = writeln!(out, "{x} {verb} {y}.");
    }
    let title = aif
        .get("agon")
        .and_then(|a| a.get("title"))
        .and_then(Value::as_str)
        .map_or_else(|| format!("Imported from {origin}"), str::to_string);
    let _ = write!(out, "\nschool {name} \"{}\" {{\n{body}}}\n", escape(&title));
    Ok(crate::format::format(&out).unwrap_or(out))
}

/// Claim ids for I-node texts: from an `agon` literal when the export wrote one, else a
/// readable slug of the text, made unique.
#[derive(Default)]
struct Claims {
    declared: Vec<(String, String)>,
    by_text: HashMap<String, String>,
}

impl Claims {
    fn literal(&mut self, written: Option<&str>, text: &str) -> (String, bool) {
        if let Some(w) = written {
            let (negated, id) = match w.strip_prefix("not ") {
                Some(id) => (true, id),
                None => (false, w),
            };
            if !self.declared.iter().any(|(d, _)| d == id) {
                let sentence = if negated {
                    text.strip_prefix("It is not the case that: ")
                        .unwrap_or(text)
                } else {
                    text
                };
                self.declared.push((id.to_string(), sentence.to_string()));
            }
            return (id.to_string(), negated);
        }
        if let Some(id) = self.by_text.get(text) {
            return (id.clone(), false);
        }
        let base = slug(text);
        let mut id = base.clone();
        let mut k = 2;
        while self.declared.iter().any(|(d, _)| *d == id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        self.declared.push((id.clone(), text.to_string()));
        self.by_text.insert(text.to_string(), id.clone());
        (id, false)
    }
}

/// A name made from text: lower-case words joined by hyphens, at most six words, starting
/// with a letter, and never a keyword.
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    let mut s = words.join("-");
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s = format!("n-{s}");
    }
    let s = s.trim_end_matches('-').to_string();
    let lexed = crate::syntax::lexer::lex(&s).0;
    match lexed.as_slice() {
        [(_, crate::syntax::lexer::Token::Ident(x), _)] if *x == s => s,
        _ => format!("n-{s}"),
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

//! Inheritance along `extends`: the order schools are built in (parents first; a cycle is
//! reported and its members are left out), and the content a school starts from, merged from
//! its parents.
//!
//! # Several parents
//! `school s "…" extends a, b { … }` starts from everything `a` and `b` hold, each statement
//! kept once (a grandparent the two share is inherited once): premises (an axiom in either
//! parent stays an axiom), inferences, exceptions, preferences, conflicts and denials. Where
//! the parents disagree, the child must settle it, and until it does agon warns
//! (`agon::parents-disagree`):
//! - one parent holds (as a premise or a conclusion of an inference) a claim that conflicts
//!   with one the other holds: settled by a `prefer` between the two in the child;
//! - the parents prefer in opposite directions: both preferences are dropped; settled by
//!   restating one direction in the child;
//! - one parent denies an inference the other draws: the denial wins, as in a joint debate;
//!   settled by restating either the inference or the denial in the child;
//! - the parents choose different orderings: the first parent's is taken; settled by an
//!   `ordering` statement in the child.

use super::clashes::{pref_key, Clashes};
use super::*;

impl<'a> Resolver<'a> {
    /// Builds schools parents first, so each child starts from its parents' flattened content.
    pub(super) fn build_schools(&mut self, declared: &[Declared<'_>]) {
        let parents = self.parents(declared);
        let order = self.build_order(declared, &parents);
        let mut built: HashMap<usize, SchoolId> = HashMap::new();
        for i in order {
            let of: Vec<SchoolId> = parents[i]
                .iter()
                .filter_map(|p| built.get(p).copied())
                .collect();
            let school = self.build_school(&declared[i], &of);
            built.insert(i, SchoolId(self.theory.schools.len() as u32));
            self.theory.schools.push(school);
        }
        // Keep the declaration order for output, remapping `extends`.
        let mut by_decl: Vec<(usize, SchoolId)> = built.into_iter().collect();
        by_decl.sort();
        let remap: HashMap<SchoolId, SchoolId> = by_decl
            .iter()
            .enumerate()
            .map(|(new, (_, old))| (*old, SchoolId(new as u32)))
            .collect();
        let mut schools: Vec<Option<School>> = std::mem::take(&mut self.theory.schools)
            .into_iter()
            .map(Some)
            .collect();
        self.theory.schools = by_decl
            .iter()
            .map(|(_, old)| {
                let mut s = schools[old.0 as usize]
                    .take()
                    .expect("each school is placed once");
                s.extends = s.extends.iter().map(|p| remap[p]).collect();
                s
            })
            .collect();
    }

    /// Each declared school's parents (indices into `declared`); unknown and repeated names
    /// are reported and left out.
    fn parents(&mut self, declared: &[Declared<'_>]) -> Vec<Vec<usize>> {
        let names: Vec<&str> = declared.iter().map(|d| d.name.text.as_str()).collect();
        let mut all = Vec::with_capacity(declared.len());
        for d in declared {
            let mut mine: Vec<usize> = Vec::new();
            for (k, ext) in d.extends.iter().enumerate() {
                if d.extends[..k].iter().any(|e| e.text == ext.text) {
                    self.error(
                        Diagnostic::error(
                            "agon::duplicate-parent",
                            format!("`{}` is named twice after `extends`", ext.text),
                        )
                        .with_label(ext.span, "named again here")
                        .with_help("name each parent once"),
                    );
                    continue;
                }
                match names.iter().position(|n| *n == ext.text) {
                    Some(p) => mine.push(p),
                    None => self.error(
                        Diagnostic::error(
                            "agon::unknown-school",
                            format!("no school is named `{}`", ext.text),
                        )
                        .with_label(ext.span, "unknown school")
                        .with_help(
                            did_you_mean(&ext.text, &names).unwrap_or_else(|| {
                                "name a school declared in the files read".into()
                            }),
                        ),
                    ),
                }
            }
            all.push(mine);
        }
        all
    }

    /// The order to build schools in: every school after its parents (Kahn's algorithm). A
    /// cycle of `extends` is reported once and its members are not built; their children are
    /// built without them.
    fn build_order(&mut self, declared: &[Declared<'_>], parents: &[Vec<usize>]) -> Vec<usize> {
        let n = declared.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut waiting: Vec<usize> = vec![0; n];
        for (c, ps) in parents.iter().enumerate() {
            waiting[c] = ps.len();
            for &p in ps {
                children[p].push(c);
            }
        }
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        let mut ready: Vec<usize> = (0..n).rev().filter(|&i| waiting[i] == 0).collect();
        loop {
            while let Some(i) = ready.pop() {
                done[i] = true;
                order.push(i);
                for &c in &children[i] {
                    waiting[c] -= 1;
                    if waiting[c] == 0 {
                        ready.push(c);
                    }
                }
            }
            let Some(stuck) = (0..n).find(|&i| !done[i]) else {
                return order;
            };
            // Walk up through parents not yet built until a school repeats: that is a cycle.
            let mut path = vec![stuck];
            let cycle_start = loop {
                let at = *path.last().expect("the path is never empty");
                let up = parents[at]
                    .iter()
                    .copied()
                    .find(|&p| !done[p])
                    .expect("a school that waits has a parent not yet built");
                if let Some(k) = path.iter().position(|&q| q == up) {
                    break k;
                }
                path.push(up);
            };
            let cycle = &path[cycle_start..];
            let closer = &declared[*cycle.last().expect("a cycle has a member")];
            let closing = closer
                .extends
                .iter()
                .find(|e| e.text == declared[cycle[0]].name.text)
                .map_or(closer.name.span, |e| e.span);
            self.error(
                Diagnostic::error(
                    "agon::extends-cycle",
                    format!(
                        "school `{}` extends itself through a chain of `extends`",
                        closer.name.text
                    ),
                )
                .with_label(closing, "the chain closes here")
                .with_help("a school may build on another, but not on itself"),
            );
            // Leave the cycle's members out; their children no longer wait for them.
            for &m in cycle {
                done[m] = true;
            }
            for &m in cycle {
                for &c in &children[m] {
                    if !done[c] {
                        waiting[c] -= 1;
                        if waiting[c] == 0 {
                            ready.push(c);
                        }
                    }
                }
            }
        }
    }

    /// The content a school starts from: a copy of its one parent, or its parents merged
    /// (see the module documentation), with what they disagree on.
    pub(super) fn inherited(
        &mut self,
        d: &Declared<'_>,
        parents: &[SchoolId],
    ) -> (School, Clashes) {
        let mut school = empty_school(d);
        school.extends = parents.to_vec();
        let mut clashes = Clashes::default();
        let globals = self.global_conflicts.len();
        for (k, &p) in parents.iter().enumerate() {
            let base = self.theory.school(p).clone();
            if k == 0 {
                school.ordering = base.ordering;
            } else if base.ordering != school.ordering {
                clashes.orderings = true;
            }
            self.merge(&mut school, base, globals, d, &mut clashes);
        }
        if parents.len() > 1 {
            clashes.claims = self.claim_clashes(parents);
            self.settle_denials(&mut school, &mut clashes);
        }
        (school, clashes)
    }

    /// Adds a parent's statements to `school`, each kept once.
    fn merge(
        &mut self,
        school: &mut School,
        base: School,
        globals: usize,
        d: &Declared<'_>,
        clashes: &mut Clashes,
    ) {
        let own_conflicts = base.conflicts.len() - globals;
        let empty = school.premises.is_empty()
            && school.rules.is_empty()
            && school.conflicts.is_empty()
            && school.denials.is_empty();
        if empty {
            // The first parent (or an empty one before it): a plain copy.
            school.premises = base.premises;
            school.rules = base.rules;
            school.exceptions = base.exceptions;
            school.preferences = base.preferences;
            school.conflicts = base.conflicts;
            school.conflicts.truncate(own_conflicts);
            school.denials = base.denials;
            return;
        }
        let mut premise_at: HashMap<Literal, usize> = (school.premises.iter().enumerate())
            .map(|(i, p)| (p.literal, i))
            .collect();
        for p in base.premises {
            match premise_at.get(&p.literal) {
                Some(&i) if p.kind == PremiseKind::Axiom => {
                    school.premises[i].kind = PremiseKind::Axiom
                }
                Some(_) => {}
                None => {
                    premise_at.insert(p.literal, school.premises.len());
                    school.premises.push(p);
                }
            }
        }
        type Key = (Option<String>, RuleKind, Literal, Vec<Literal>);
        let key =
            |r: &Rule| -> Key { (r.name.clone(), r.kind, r.consequent, sorted(&r.antecedents)) };
        let mut rule_at: HashMap<Key, RuleId> = (school.rules.iter().enumerate())
            .map(|(i, r)| (key(r), RuleId(i as u32)))
            .collect();
        let mut named: HashMap<String, usize> = (school.rules.iter().enumerate())
            .filter_map(|(i, r)| Some((r.name.clone()?, i)))
            .collect();
        let mut local: Vec<RuleId> = Vec::with_capacity(base.rules.len());
        for mut r in base.rules {
            if let Some(&id) = rule_at.get(&key(&r)) {
                local.push(id);
                continue;
            }
            if let Some(&first) = r.name.as_ref().and_then(|n| named.get(n)) {
                let name = r.name.take().unwrap_or_default();
                let at = super::clashes::parents_span(d);
                self.error(
                    Diagnostic::error(
                        "agon::parents-name-clash",
                        format!(
                            "the parents of `{}` name different inferences `{name}`",
                            d.name.text
                        ),
                    )
                    .with_label(school.rules[first].span, "one inference of this name")
                    .with_label(r.span, "another")
                    .with_label(at, "inherited together here")
                    .with_help("rename one of the two inferences in its school"),
                );
            }
            let id = RuleId(school.rules.len() as u32);
            rule_at.insert(key(&r), id);
            if let Some(n) = &r.name {
                named.insert(n.clone(), id.0 as usize);
            }
            local.push(id);
            school.rules.push(r);
        }
        let mut exceptions: HashSet<(RuleId, Literal)> = school
            .exceptions
            .iter()
            .map(|e| (e.rule, e.literal))
            .collect();
        for mut e in base.exceptions {
            e.rule = local[e.rule.0 as usize];
            if exceptions.insert((e.rule, e.literal)) {
                school.exceptions.push(e);
            }
        }
        let map = |x: Preferable| match x {
            Preferable::Rule(r) => Preferable::Rule(local[r.0 as usize]),
            other => other,
        };
        let mut preferred: HashSet<(Preferable, Preferable)> = school
            .preferences
            .iter()
            .map(|p| (p.better, p.worse))
            .collect();
        for mut p in base.preferences {
            p.better = map(p.better);
            p.worse = map(p.worse);
            if preferred.contains(&(p.better, p.worse)) {
                continue;
            }
            if preferred.remove(&(p.worse, p.better)) {
                let i = (school.preferences.iter())
                    .position(|q| q.better == p.worse && q.worse == p.better)
                    .expect("a preference in the set is in the list");
                let other = school.preferences.remove(i);
                let keys = [pref_key(school, p.better), pref_key(school, p.worse)];
                clashes.preferences.push((other, keys));
                clashes.preferences.push((p, keys));
                continue;
            }
            preferred.insert((p.better, p.worse));
            school.preferences.push(p);
        }
        let mut conflicts: HashSet<(ConflictKind, Literal, Literal)> = school
            .conflicts
            .iter()
            .map(|c| (c.kind, c.from, c.to))
            .collect();
        for c in base.conflicts.into_iter().take(own_conflicts) {
            if conflicts.insert((c.kind, c.from, c.to)) {
                school.conflicts.push(c);
            }
        }
        for x in base.denials {
            if !school.denials.iter().any(|q| q.same(&x)) {
                school.denials.push(x);
            }
        }
    }

    /// A denial inherited from one parent meets the inference another parent draws: the
    /// denial wins (the inference is dropped), recorded as a clash.
    fn settle_denials(&mut self, school: &mut School, clashes: &mut Clashes) {
        let denied: Vec<bool> = school
            .rules
            .iter()
            .map(|r| school.denials.iter().any(|x| x.matches(r)))
            .collect();
        if !denied.contains(&true) {
            return;
        }
        for (r, _) in school.rules.iter().zip(&denied).filter(|(_, &d)| d) {
            let x = school
                .denials
                .iter()
                .find(|x| x.matches(r))
                .expect("matched above");
            clashes.denied.push((r.clone(), x.clone()));
        }
        school.drop_rules(|i| !denied[i.0 as usize]);
    }
}

/// A list of literals sorted, each once.
pub(super) fn sorted(list: &[Literal]) -> Vec<Literal> {
    let mut v = list.to_vec();
    v.sort();
    v.dedup();
    v
}

//! A flat assumption-based argumentation framework (Bondarenko, Dung, Kowalski & Toni 1997;
//! Čyras, Fan, Schulz & Toni 2018, "Assumption-based argumentation: disputes, explanations,
//! preferences"): atoms `0..n`, a set of assumptions among them, Horn rules `head ← body`, and
//! for each assumption the atoms whose derivation attacks it. *Flat* means no assumption is the
//! head of a rule; [`Framework::check_flat`] says where that is broken.
//!
//! Standard ABA gives each assumption one contrary; here an assumption may have several
//! attacking atoms (deriving any one attacks it), which is the same as one fresh contrary atom
//! with a rule from each of them, without the extra atoms. Owns the data and its indices only:
//! no semantics.

/// Index of an assumption in [`Framework::assumptions`].
pub type AsmId = u32;

/// A Horn rule `head ← body` (the body a set: no atom twice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub head: u32,
    pub body: Vec<u32>,
}

/// A flat ABA framework. Build it with [`Framework::new`] and the `add_*` methods, then
/// [`Framework::freeze`] it (the reasoners call `freeze` themselves if needed).
#[derive(Clone, Debug, Default)]
pub struct Framework {
    atoms: usize,
    /// The atom each assumption is.
    assumptions: Vec<u32>,
    /// `asm_of[atom]` is the assumption the atom is, or `u32::MAX`.
    asm_of: Vec<u32>,
    rules: Vec<Rule>,
    /// Per assumption: the atoms whose derivation attacks it, sorted, each once.
    contraries: Vec<Vec<u32>>,
    /// Per atom, in compressed rows (built by `freeze`): the rules whose body holds it, the
    /// rules with it as head, the assumptions it attacks.
    uses: Rows,
    heads: Rows,
    attacks: Rows,
    frozen: bool,
}

impl Framework {
    /// A framework over atoms `0..atoms`, with no assumption and no rule yet.
    pub fn new(atoms: usize) -> Self {
        Framework {
            atoms,
            asm_of: vec![u32::MAX; atoms],
            ..Framework::default()
        }
    }

    /// Adds a fresh atom and returns it.
    pub fn add_atom(&mut self) -> u32 {
        self.frozen = false;
        self.asm_of.push(u32::MAX);
        self.atoms += 1;
        (self.atoms - 1) as u32
    }

    /// Makes `atom` an assumption (once; a second call returns the same id).
    pub fn add_assumption(&mut self, atom: u32) -> AsmId {
        self.frozen = false;
        let slot = &mut self.asm_of[atom as usize];
        if *slot == u32::MAX {
            *slot = self.assumptions.len() as u32;
            self.assumptions.push(atom);
            self.contraries.push(Vec::new());
        }
        *slot
    }

    /// Adds the rule `head ← body` (repeated body atoms count once).
    pub fn add_rule(&mut self, head: u32, mut body: Vec<u32>) {
        self.frozen = false;
        body.sort_unstable();
        body.dedup();
        self.rules.push(Rule { head, body });
    }

    /// Deriving `by` attacks the assumption `atom` (which must be an assumption).
    pub fn add_contrary(&mut self, atom: u32, by: u32) {
        self.frozen = false;
        let a = self.asm_of[atom as usize];
        assert_ne!(a, u32::MAX, "atom {atom} is not an assumption");
        let c = &mut self.contraries[a as usize];
        if !c.contains(&by) {
            c.push(by);
        }
    }

    /// Builds the indices the reasoners walk. Idempotent.
    pub fn freeze(&mut self) {
        if self.frozen {
            return;
        }
        let n = self.atoms;
        for cs in &mut self.contraries {
            cs.sort_unstable();
        }
        let rules = &self.rules;
        self.heads = Rows::new(
            n,
            rules
                .iter()
                .enumerate()
                .map(|(r, rule)| (rule.head, r as u32)),
        );
        self.uses = Rows::new(
            n,
            rules
                .iter()
                .enumerate()
                .flat_map(|(r, rule)| rule.body.iter().map(move |&b| (b, r as u32))),
        );
        let contraries = &self.contraries;
        self.attacks = Rows::new(
            n,
            contraries
                .iter()
                .enumerate()
                .flat_map(|(a, cs)| cs.iter().map(move |&c| (c, a as u32))),
        );
        self.frozen = true;
    }

    /// Whether some atom depends on itself through rule bodies (a positive loop). Without
    /// one, the Clark completion of the rules has only founded models.
    pub fn has_loops(&self) -> bool {
        self.looped_atoms().contains(&true)
    }

    /// Per atom: whether it lies on a positive loop or depends on one through rule bodies.
    /// Only these can be unfounded in a model of the completion whose other atoms are founded.
    pub fn looped_atoms(&self) -> Vec<bool> {
        self.ranks().iter().map(|&r| r == u32::MAX).collect()
    }

    /// Per atom: its place in an order where every atom comes after the atoms of its rules'
    /// bodies, or `u32::MAX` when it lies on a positive loop or above one. Kahn's algorithm,
    /// linear (after [`Framework::freeze`]): the atoms it cannot settle are the looped ones.
    pub fn ranks(&self) -> Vec<u32> {
        let mut waiting: Vec<usize> = vec![0; self.atoms];
        for r in &self.rules {
            waiting[r.head as usize] += r.body.len();
        }
        let mut ready: Vec<u32> = (0..self.atoms as u32)
            .filter(|&p| waiting[p as usize] == 0)
            .collect();
        let mut rank = vec![u32::MAX; self.atoms];
        let mut next = 0;
        while let Some(p) = ready.pop() {
            rank[p as usize] = next;
            next += 1;
            // Bodies hold each atom once (see [`Framework::add_rule`]).
            for &r in self.uses(p) {
                let h = self.rules[r as usize].head;
                waiting[h as usize] -= 1;
                if waiting[h as usize] == 0 {
                    ready.push(h);
                }
            }
        }
        rank
    }

    /// The first rule whose head is an assumption, if any: the framework is then not flat.
    pub fn check_flat(&self) -> Option<&Rule> {
        self.rules.iter().find(|r| self.is_assumption(r.head))
    }

    pub fn atom_count(&self) -> usize {
        self.atoms
    }

    pub fn assumption_count(&self) -> usize {
        self.assumptions.len()
    }

    /// The atom of an assumption.
    pub fn atom_of(&self, a: AsmId) -> u32 {
        self.assumptions[a as usize]
    }

    /// The assumption an atom is, if it is one.
    pub fn assumption(&self, atom: u32) -> Option<AsmId> {
        let a = self.asm_of[atom as usize];
        (a != u32::MAX).then_some(a)
    }

    pub fn is_assumption(&self, atom: u32) -> bool {
        self.asm_of[atom as usize] != u32::MAX
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The atoms whose derivation attacks assumption `a`.
    pub fn contraries(&self, a: AsmId) -> &[u32] {
        &self.contraries[a as usize]
    }

    /// The rules whose body holds `atom` (after [`Framework::freeze`]).
    pub fn uses(&self, atom: u32) -> &[u32] {
        self.uses.row(atom)
    }

    /// The rules concluding `atom` (after [`Framework::freeze`]).
    pub fn heads(&self, atom: u32) -> &[u32] {
        self.heads.row(atom)
    }

    /// The assumptions that deriving `atom` attacks (after [`Framework::freeze`]).
    pub fn attacked_by_atom(&self, atom: u32) -> &[AsmId] {
        self.attacks.row(atom)
    }

    pub fn is_frozen(&self) -> bool {
        self.frozen
    }

    /// Rules plus body atoms plus contraries: what linear bounds refer to.
    pub fn size(&self) -> usize {
        self.atoms
            + self.rules.iter().map(|r| 1 + r.body.len()).sum::<usize>()
            + self.contraries.iter().map(Vec::len).sum::<usize>()
    }
}

/// Compressed rows: `values[at[k]..at[k + 1]]` belong to key `k`, in input order. One
/// allocation per index instead of one per atom.
#[derive(Clone, Debug, Default)]
struct Rows {
    at: Vec<usize>,
    values: Vec<u32>,
}

impl Rows {
    /// Rows over keys `0..n` from `(key, value)` pairs (counting sort, linear).
    fn new(n: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let (at, values) = crate::dung::buckets(n, pairs);
        Rows { at, values }
    }

    fn row(&self, k: u32) -> &[u32] {
        let k = k as usize;
        &self.values[self.at[k]..self.at[k + 1]]
    }
}

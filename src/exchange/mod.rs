//! Exchange formats: a school written for other tools, and AIF read back. AIF JSON (AIFdb,
//! OVA; export and import, [`aif`]), Argdown ([`argdown`]), GraphML ([`graphml`]), the argument
//! framework as ICCMA `p af` or ASPARTIX `apx` ([`af`]); the flat ABA form (`p aba`) lives in
//! [`crate::iccma::write`] and py_arg's JSON in [`crate::aspic::pyarg`].

pub mod af;
pub mod aif;
pub mod argdown;
pub mod graphml;

use crate::model::{Literal, School};
use std::collections::BTreeSet;

/// Every literal a school speaks of: its premises, what its inferences use and conclude, its
/// exceptions and both sides of its conflicts, in order.
pub fn literals(s: &School) -> BTreeSet<Literal> {
    let mut all: BTreeSet<Literal> = s.premises.iter().map(|p| p.literal).collect();
    for r in &s.rules {
        all.insert(r.consequent);
        all.extend(r.antecedents.iter().copied());
    }
    all.extend(s.exceptions.iter().map(|e| e.literal));
    for c in &s.conflicts {
        all.insert(c.from);
        all.insert(c.to);
    }
    all
}

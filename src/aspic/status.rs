//! Standings of literals under a semantics, from the labellings of its extensions
//! (Caminada 2006), with the usual sceptical and credulous readings of extensions over
//! conclusions (as in Modgil & Prakken 2013 and the 2014 tutorial): a literal φ of a school is
//! - **accepted**: every extension contains an argument for φ (grounded: one is labelled in);
//! - **credulous**: some extensions contain one, not all;
//! - **rejected**: φ has arguments and all of them are out in every labelling; or φ has
//!   none and its negation is accepted (only in [`Structured::statuses`]);
//! - **undecided**: φ has arguments, none accepted, not all out (grounded: none in, some
//!   undecided); also when the semantics has no extension at all (stable may have none), as
//!   agon does not read "every extension" vacuously;
//! - **unsupported** ([`Standing::NotAddressed`]): no argument for φ, and its negation is not
//!   accepted.
//!
//! The per-argument labels are [`Evaluation::labellings`] (and
//! [`Evaluation::sceptical_label`]).

use super::{Evaluation, Structured};
use crate::diverge::Standing;
use crate::dung::Label;
use crate::model::Literal;
use std::collections::HashMap;

/// The kinds of standing a literal can have; agon calls "unsupported" `NotAddressed`.
pub type Status = Standing;

impl Structured {
    /// The standing of every literal the school has an argument for (accepted, credulous,
    /// undecided or rejected by its own arguments). Literals without arguments are left out;
    /// [`Structured::statuses`] also judges those.
    pub fn standings(&self, eval: &Evaluation) -> HashMap<Literal, Standing> {
        let mut out = HashMap::new();
        for (&lit, ids) in &self.args.by_conclusion {
            out.insert(lit, standing_of(ids, eval));
        }
        out
    }

    /// The standing of one literal, by the full definition above.
    pub fn status(&self, eval: &Evaluation, lit: Literal) -> Standing {
        let ids = self.args.for_literal(lit);
        if !ids.is_empty() {
            return standing_of(ids, eval);
        }
        let neg = self.args.for_literal(lit.negate());
        if !neg.is_empty() && standing_of(neg, eval) == Standing::Accepted {
            Standing::Rejected
        } else {
            Standing::NotAddressed
        }
    }

    /// The standing of every literal over the claims the school mentions (both polarities),
    /// sorted by literal.
    pub fn statuses(&self, eval: &Evaluation) -> Vec<(Literal, Status)> {
        self.mentioned
            .iter()
            .map(|&l| (l, self.status(eval, l)))
            .collect()
    }
}

fn standing_of(ids: &[super::argument::ArgId], eval: &Evaluation) -> Standing {
    let in_ext = |l: &Vec<Label>| ids.iter().any(|a| l[a.0 as usize] == Label::In);
    let all_out = |l: &Vec<Label>| ids.iter().all(|a| l[a.0 as usize] == Label::Out);
    let count = eval.labellings.iter().filter(|l| in_ext(l)).count();
    if eval.labellings.is_empty() {
        Standing::Undecided
    } else if count == eval.labellings.len() {
        Standing::Accepted
    } else if count > 0 {
        Standing::Credulous
    } else if eval.labellings.iter().all(all_out) {
        Standing::Rejected
    } else {
        Standing::Undecided
    }
}

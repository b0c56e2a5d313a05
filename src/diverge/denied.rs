//! Divergence on inferences: one school draws an inference that another denies
//! (`x does not follow from y.`). This is read off the schools' statements, not their
//! standings: the two may still agree on `x` (say, both reject it for other reasons), but they
//! part on whether `y` supports it.

use crate::model::{SchoolId, Theory};
use serde::Serialize;

/// "`draws` draws `conclusion` from `from`; `denies` denies it."
#[derive(Clone, Debug, Serialize)]
pub struct DeniedInference {
    pub draws: String,
    pub denies: String,
    pub conclusion: String,
    /// The antecedents, in the order the drawing school states them.
    pub from: Vec<String>,
    /// The inference's name in the school that draws it, if it has one.
    pub rule: Option<String>,
    /// Whether the drawing school states it as strict (`follows from`).
    pub strict: bool,
}

impl DeniedInference {
    /// `realism draws self-help from anarchy (sh); constructivism denies it`.
    pub fn sentence(&self) -> String {
        let name = self
            .rule
            .as_ref()
            .map_or(String::new(), |r| format!(" (`{r}`)"));
        let how = if self.strict { "strictly " } else { "" };
        format!(
            "{} {how}draws `{}` from `{}`{name}; {} denies it",
            self.draws,
            self.conclusion,
            self.from.join(", "),
            self.denies
        )
    }
}

/// The inferences one of the two schools draws and the other denies, the first school's
/// first.
pub fn between(theory: &Theory, (a, b): (SchoolId, SchoolId)) -> Vec<DeniedInference> {
    let mut out = one_way(theory, a, b);
    out.extend(one_way(theory, b, a));
    out
}

fn one_way(theory: &Theory, draws: SchoolId, denies: SchoolId) -> Vec<DeniedInference> {
    let (d, n) = (theory.school(draws), theory.school(denies));
    if n.denials.is_empty() {
        return Vec::new();
    }
    d.rules
        .iter()
        .filter(|r| n.denials.iter().any(|x| x.matches(r)))
        .map(|r| DeniedInference {
            draws: d.name.clone(),
            denies: n.name.clone(),
            conclusion: theory.show(r.consequent),
            from: r.antecedents.iter().map(|l| theory.show(*l)).collect(),
            rule: r.name.clone(),
            strict: r.kind == crate::model::RuleKind::Strict,
        })
        .collect()
}

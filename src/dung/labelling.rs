//! Labellings (Caminada 2006): the three-valued view of an extension, and the legality
//! conditions that make a labelling complete. Owns the conversion between extensions and
//! labellings; computes no semantics itself.

use super::{Extension, Framework};
use serde::Serialize;

/// An argument's label (Caminada 2006): in, out (attacked by an in argument) or
/// undecided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    In,
    Out,
    Undec,
}

/// A labelling (Caminada 2006): `labelling[a]` is argument `a`'s label.
pub type Labelling = Vec<Label>;

/// The labelling of an extension, `Ext2Lab` (Caminada 2006): in = its members,
/// out = the arguments they attack, undec = the rest. Linear in the extension's attacks.
pub fn labelling(af: &Framework, extension: &[u32]) -> Labelling {
    let mut labels = vec![Label::Undec; af.len()];
    for &a in extension {
        labels[a as usize] = Label::In;
    }
    for &a in extension {
        for &b in af.attacked_by(a) {
            if labels[b as usize] != Label::In {
                labels[b as usize] = Label::Out;
            }
        }
    }
    labels
}

/// The extension of a labelling, `Lab2Ext` (Caminada 2006): its in arguments, sorted.
pub fn in_arguments(labels: &[Label]) -> Extension {
    (0..labels.len() as u32)
        .filter(|&a| labels[a as usize] == Label::In)
        .collect()
}

/// Whether a labelling is complete (Caminada 2006): an argument is in exactly when all
/// its attackers are out, and out exactly when some attacker is in. Linear in the framework.
pub fn is_complete_labelling(af: &Framework, labels: &[Label]) -> bool {
    labels.len() == af.len()
        && (0..af.len() as u32).all(|a| {
            let attackers = af.attackers(a).iter().map(|&b| labels[b as usize]);
            let all_out = attackers.clone().all(|l| l == Label::Out);
            let some_in = attackers.clone().any(|l| l == Label::In);
            match labels[a as usize] {
                Label::In => all_out,
                Label::Out => some_in,
                Label::Undec => !all_out && !some_in,
            }
        })
}

//! The grounded extension (Dung 1995, Def. 20) as a labelling, in time linear in the number
//! of arguments and attacks: an argument is in when all its attackers are out, and out as
//! soon as one attacker is in; what is never settled is undecided.

use super::{Framework, Label, Labelling};
use std::collections::VecDeque;

/// The grounded labelling (Caminada 2006: the complete labelling with the fewest in): its in
/// arguments are the grounded extension, the least fixpoint of the characteristic function
/// (Dung 1995, Def. 20). Time and space `O(n + m)`: each attack is looked at at most twice.
pub fn grounded(af: &Framework) -> Labelling {
    let n = af.len();
    let mut labels = vec![Label::Undec; n];
    // Attackers of each argument not yet labelled out.
    let mut live: Vec<usize> = (0..n as u32).map(|a| af.attackers(a).len()).collect();
    let mut queue: VecDeque<u32> = (0..n as u32).filter(|&a| live[a as usize] == 0).collect();
    while let Some(a) = queue.pop_front() {
        if labels[a as usize] != Label::Undec {
            continue;
        }
        labels[a as usize] = Label::In;
        for &b in af.attacked_by(a) {
            if labels[b as usize] != Label::Undec {
                continue;
            }
            labels[b as usize] = Label::Out;
            for &c in af.attacked_by(b) {
                let l = &mut live[c as usize];
                *l -= 1;
                if *l == 0 && labels[c as usize] == Label::Undec {
                    queue.push_back(c);
                }
            }
        }
    }
    labels
}

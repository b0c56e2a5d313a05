//! Byte-level mutations of a corpus file: delete, duplicate or move a range, insert a
//! language token or random bytes, flip a byte. Most results do not parse; they must still be
//! rejected with located errors, never crash agon.

use crate::synth::Rng;

const TOKENS: [&str; 16] = [
    ".",
    "{",
    "}",
    ",",
    ":",
    "not ",
    "follows from ",
    "usually ",
    "[@src, p. 1]",
    "\"",
    "[",
    "//",
    "///",
    "school x \"X\" {",
    "claim z \"Z.\".",
    "\u{3000}",
];

/// One mutation of `input` (as bytes: the result need not be UTF-8).
pub fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        let span = rng.below(64).min(len - at.min(len));
        match rng.below(6) {
            0 => {
                out.drain(at..at + span);
            }
            1 => {
                let piece: Vec<u8> = out[at..at + span].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, piece);
            }
            2 | 3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, t.iter().copied());
            }
            4 => {
                let bytes: Vec<u8> = (0..1 + rng.below(8))
                    .map(|_| rng.next_u64() as u8)
                    .collect();
                out.splice(at..at, bytes);
            }
            _ => {
                if at < out.len() {
                    out[at] ^= 1 << rng.below(8);
                }
            }
        }
    }
    out
}

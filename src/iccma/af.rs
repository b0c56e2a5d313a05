//! Reading an abstract framework in the ICCMA 2023 format: after `p af N`, each line `i j`
//! says argument `i` attacks argument `j` (arguments `1..N`, stored as `0..N`). Repeated
//! attacks count once. Owns the meaning of the lines only; tokens come from `lines`.

use super::lines::{self, Header, Line};
use super::Errors;
use crate::diagnostic::Diagnostic;
use crate::dung::Framework;

const FORM: &str = "after the header, each line of a `p af` file is an attack `i j` (argument i attacks argument j) or a `#` comment";

/// The framework the lines after the header describe, or every error found in them.
pub(crate) fn read(header: Header, body: &[&Line], errors: &mut Errors) -> Framework {
    let n = header.size;
    let mut attacks = Vec::new();
    for line in body {
        let t = &line.tokens;
        if lines::number(&t[0]).is_err() {
            errors.push(
                Diagnostic::error(
                    "agon::iccma-line",
                    format!("`{}` does not start an attack", t[0].text),
                )
                .with_label(t[0].span, "expected an argument number")
                .with_help(FORM),
            );
            continue;
        }
        if t.len() == 1 {
            errors.push(
                Diagnostic::error("agon::iccma-line", "this attack has no target")
                    .with_label(line.span, "expected a second argument")
                    .with_help(FORM),
            );
            continue;
        }
        if t.len() > 2 {
            errors.push(lines::too_many(&t[2..], &t[2], FORM));
            continue;
        }
        let from = lines::id(&t[0], n, "argument");
        let to = lines::id(&t[1], n, "argument");
        match (from, to) {
            (Ok(a), Ok(b)) => attacks.push((a, b)),
            (from, to) => {
                errors.extend(from.err());
                errors.extend(to.err());
            }
        }
    }
    if errors.is_empty() {
        Framework::new(n, attacks)
    } else {
        Framework::default()
    }
}

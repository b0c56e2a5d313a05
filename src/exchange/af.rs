//! A school's argument framework — its ASPIC+ arguments and the defeats between them — as an
//! ICCMA 2023 `p af` file or an ASPARTIX `apx` file, for abstract-argumentation solvers. Built
//! arguments are finite only up to agon's limits: a school past them is refused, never written
//! cut short.

use crate::aspic::{self, Options};
use crate::model::{SchoolId, Theory};
use std::fmt::Write;

/// Defeats a written framework may hold.
pub const MAX_DEFEATS: usize = 5_000_000;

/// The two text forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// ICCMA 2023: `p af N`, then `a b` per defeat (arguments numbered from 1).
    Iccma,
    /// ASPARTIX: `arg(aN).` and `att(aN,aM).`
    Apx,
}

/// The framework as text, with a comment naming each argument's conclusion; `Err` says why it
/// cannot be written exactly.
pub fn export(
    theory: &Theory,
    school: SchoolId,
    options: &Options,
    form: Form,
) -> Result<String, String> {
    let s = aspic::build(theory, school, options);
    if s.args.truncated {
        return Err(format!(
            "`{}` has more arguments than agon builds ({}); its framework cannot be written whole (export it as `--to iccma`, the ABA form, instead)",
            theory.school(school).name,
            s.args.all.len()
        ));
    }
    let f = s.framework(MAX_DEFEATS).ok_or_else(|| {
        format!(
            "`{}` has more than {MAX_DEFEATS} defeats; its framework is too large to write",
            theory.school(school).name
        )
    })?;
    let n = f.len();
    // Each form's header, argument line (number, conclusion) and attack line.
    type Line<A, B> = fn(A, B) -> String;
    let (header, argument, attack): (String, Line<usize, String>, Line<u32, u32>) = match form {
        Form::Iccma => (
            format!("p af {n}\n"),
            |i, c| format!("# {i} {c}"),
            |a, b| format!("{} {}", a + 1, b + 1),
        ),
        Form::Apx => (
            String::new(),
            |i, c| format!("arg(a{i}). % {c}"),
            |a, b| format!("att(a{},a{}).", a + 1, b + 1),
        ),
    };
    let mut out = header;
    for i in 0..n {
        let conclusion = s.args.get(aspic::argument::ArgId(i as u32)).conclusion;
        let _ = writeln!(out, "{}", argument(i + 1, theory.show(conclusion)));
    }
    for (a, b) in f.attacks() {
        let _ = writeln!(out, "{}", attack(a, b));
    }
    Ok(out)
}

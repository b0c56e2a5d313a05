//! The comparison table as text (a terminal), Markdown (footnoted citations), LaTeX (booktabs,
//! `\cite[p.~N]{key}`) and CSV (RFC 4180), each followed, except CSV, by the agreement counts.

use super::{Cell, Table};
use crate::model::{Citation, Theory};
use std::fmt::Write;

/// A cell's words without citations: the accepted answers, or what stands for none.
fn words(c: &Cell) -> String {
    match c.kind {
        "answers" => c.accepts.join(", "),
        "open" => "open".into(),
        "none" => "none of these".into(),
        "unknown" => "unknown (agon cannot vouch for it)".into(),
        _ => "—".into(),
    }
}

fn cite_text(c: &Citation) -> String {
    c.to_string()
}

/// `[@key, p. N; ...]` after each accepted answer.
fn inline(c: &Cell) -> String {
    if c.kind != "answers" {
        return words(c);
    }
    c.accepts
        .iter()
        .zip(&c.cites)
        .map(|(a, cites)| {
            if cites.is_empty() {
                a.clone()
            } else {
                let all: Vec<String> = cites.iter().map(cite_text).collect();
                format!("{a} [{}]", all.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn text(t: &Table) -> String {
    let mut out = String::new();
    let w = t.schools.iter().map(|s| s.0.len()).max().unwrap_or(0);
    for row in &t.rows {
        let _ = writeln!(out, "{} — {}", row.question, row.text);
        for ((name, _), cell) in t.schools.iter().zip(&row.cells) {
            let _ = writeln!(out, "  {name:w$}  {}", inline(cell));
        }
        let _ = writeln!(out);
    }
    out.push_str(&agreement_text(t));
    out
}

/// The agreement counts as lines, one per pair.
fn agreement_text(t: &Table) -> String {
    let mut out = String::from(
        "Agreement over the questions both schools answer (alike / apart of both answer):\n",
    );
    for i in 0..t.schools.len() {
        for j in i + 1..t.schools.len() {
            if let Some(c) = t.agreement[i][j] {
                let _ = writeln!(
                    out,
                    "  {} and {}: {} alike, {} apart of {}",
                    t.schools[i].0, t.schools[j].0, c.alike, c.apart, c.both_answer
                );
            }
        }
    }
    out
}

pub fn markdown(theory: &Theory, t: &Table) -> String {
    let mut out = String::new();
    let mut notes: Vec<String> = Vec::new();
    let _ = write!(out, "| Question |");
    for (_, title) in &t.schools {
        let _ = write!(out, " {} |", md_escape(title));
    }
    let _ = write!(out, "\n|---|");
    for _ in &t.schools {
        out.push_str("---|");
    }
    out.push('\n');
    for row in &t.rows {
        let _ = write!(out, "| {} |", md_escape(&row.text));
        for cell in &row.cells {
            let mut parts = Vec::new();
            if cell.kind == "answers" {
                for (a, cites) in cell.accepts.iter().zip(&cell.cites) {
                    let mut s = format!("`{a}`");
                    if !cites.is_empty() {
                        let all: Vec<String> = cites.iter().map(cite_text).collect();
                        let note = all.join("; ");
                        let number = match notes.iter().position(|n| *n == note) {
                            Some(i) => i + 1,
                            None => {
                                notes.push(note);
                                notes.len()
                            }
                        };
                        let _ = write!(s, "[^{number}]");
                    }
                    parts.push(s);
                }
            } else {
                parts.push(md_escape(&words(cell)));
            }
            let _ = write!(out, " {} |", parts.join(", "));
        }
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push('\n');
        for (i, n) in notes.iter().enumerate() {
            let _ = writeln!(out, "[^{}]: {}", i + 1, md_escape(n));
        }
    }
    let used = used_sources(t);
    if !used.is_empty() {
        out.push_str("\nSources: ");
        let refs: Vec<String> = used
            .iter()
            .filter_map(|k| theory.sources.iter().find(|s| &s.key == k))
            .map(|s| format!("@{}: {}", s.key, md_escape(&s.reference)))
            .collect();
        out.push_str(&refs.join(" "));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&agreement_markdown(t));
    out
}

/// The agreement counts as a Markdown matrix: `alike/apart of N` questions both answer.
fn agreement_markdown(t: &Table) -> String {
    let mut out = String::from(
        "Agreement: questions both schools answer, as *alike/apart of both*:\n\n|   |",
    );
    for (name, _) in &t.schools {
        let _ = write!(out, " {name} |");
    }
    out.push_str("\n|---|");
    for _ in &t.schools {
        out.push_str("---|");
    }
    out.push('\n');
    for (i, (name, _)) in t.schools.iter().enumerate() {
        let _ = write!(out, "| {name} |");
        for cell in &t.agreement[i] {
            match cell {
                Some(c) if c.both_answer > 0 => {
                    let _ = write!(out, " {}/{} of {} |", c.alike, c.apart, c.both_answer);
                }
                _ => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }
    out
}

/// Source keys cited anywhere in the table, in order of first use.
fn used_sources(t: &Table) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for c in t.rows.iter().flat_map(|r| &r.cells) {
        for cite in c.cites.iter().flatten() {
            if !keys.contains(&cite.source) {
                keys.push(cite.source.clone());
            }
        }
    }
    keys
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn latex(t: &Table) -> String {
    let n = t.schools.len().max(1);
    let width = 0.75 / n as f64;
    let mut out = String::new();
    out.push_str("% agon compare --format latex: needs \\usepackage{booktabs,array}\n");
    out.push_str("\\begin{table}\n\\centering\n\\small\n");
    let _ = writeln!(
        out,
        "\\begin{{tabular}}{{@{{}}>{{\\raggedright\\arraybackslash}}p{{0.22\\linewidth}}*{{{n}}}{{>{{\\raggedright\\arraybackslash}}p{{{width:.2}\\linewidth}}}}@{{}}}}"
    );
    out.push_str("\\toprule\n");
    let heads: Vec<String> = t.schools.iter().map(|(_, title)| tex(title)).collect();
    let _ = writeln!(out, "Question & {} \\\\", heads.join(" & "));
    out.push_str("\\midrule\n");
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                if c.kind != "answers" {
                    return tex(&words(c));
                }
                c.accepts
                    .iter()
                    .zip(&c.cites)
                    .map(|(a, cites)| {
                        let cites: Vec<String> = cites.iter().map(tex_cite).collect();
                        if cites.is_empty() {
                            format!("\\texttt{{{}}}", tex(a))
                        } else {
                            format!("\\texttt{{{}}}~{}", tex(a), cites.join("; "))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let _ = writeln!(out, "{} & {} \\\\", tex(&row.text), cells.join(" & "));
    }
    out.push_str("\\bottomrule\n\\end{tabular}\n");
    out.push_str(
        "\\caption{Each school's answer to each question (---: the school does not address it).}\n",
    );
    out.push_str("\\end{table}\n");
    out
}

/// `\cite[p.~12]{key}`: the locator's spaces after a full stop become ties; a prefix is the
/// prenote (`\cite[see][p.~12]{key}`, as natbib and biblatex read two optional arguments) and a
/// stance ends the postnote (`p.~487, conceded`).
fn tex_cite(c: &Citation) -> String {
    let mut post: Vec<String> = c
        .locator
        .iter()
        .map(|l| tex(l).replace(". ", ".~"))
        .collect();
    post.extend(c.stance.map(|s| s.word().to_string()));
    let post = post.join(", ");
    match (&c.prefix, post.is_empty()) {
        (Some(pre), _) => format!("\\cite[{}][{post}]{{{}}}", tex(pre), c.source),
        (None, false) => format!("\\cite[{post}]{{{}}}", c.source),
        (None, true) => format!("\\cite{{{}}}", c.source),
    }
}

/// Escapes LaTeX's special characters.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '—' => out.push_str("---"),
            _ => out.push(ch),
        }
    }
    out
}

pub fn csv(t: &Table) -> String {
    let mut out = String::new();
    let mut head = vec!["question".to_string(), "text".to_string()];
    head.extend(t.schools.iter().map(|s| s.0.clone()));
    push_record(&mut out, &head);
    for row in &t.rows {
        let mut rec = vec![row.question.clone(), row.text.clone()];
        rec.extend(row.cells.iter().map(inline));
        push_record(&mut out, &rec);
    }
    out
}

fn push_record(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stance;

    fn cite(prefix: Option<&str>, locator: Option<&str>, stance: Option<Stance>) -> Citation {
        Citation {
            source: "grieco1988".into(),
            prefix: prefix.map(Into::into),
            locator: locator.map(Into::into),
            stance,
            span: crate::source::Span::new(crate::source::FileId(0), 0, 0),
        }
    }

    #[test]
    fn latex_citations_carry_prefix_locator_and_stance() {
        assert_eq!(
            tex_cite(&cite(None, Some("p. 487"), None)),
            "\\cite[p.~487]{grieco1988}"
        );
        assert_eq!(
            tex_cite(&cite(Some("see"), Some("p. 487"), Some(Stance::Conceded))),
            "\\cite[see][p.~487, conceded]{grieco1988}"
        );
        assert_eq!(
            tex_cite(&cite(Some("cf."), None, None)),
            "\\cite[cf.][]{grieco1988}"
        );
        assert_eq!(tex_cite(&cite(None, None, None)), "\\cite{grieco1988}");
        assert_eq!(
            cite(Some("see"), Some("p. 487"), Some(Stance::Conceded)).to_string(),
            "see @grieco1988, p. 487, conceded"
        );
    }
}

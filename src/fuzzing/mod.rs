//! A fuzzer that runs on stable Rust, in process: inputs come from a grammar-aware generator
//! ([`generate`]) and from byte mutations of a corpus ([`mutate`]); each goes through parsing,
//! resolution, rendering of its diagnostics, reasoning (when it resolves) and the formatter,
//! and must satisfy the oracles of [`check`]. `cargo test` runs a short fixed budget
//! (`tests/fuzz.rs`); `scripts/fuzz.sh` a long one, with figures. The cargo-fuzz targets in
//! `fuzz/` drive the same [`check`] from libFuzzer.

pub mod generate;
pub mod mutate;

use crate::diagnostic::Diagnostic;
use crate::dung::Semantics;
use crate::model::SchoolId;
use crate::reason::Reasoner;
use crate::report::{self, Format};
use crate::workspace::Workspace;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// An input that broke an oracle.
#[derive(Debug)]
pub struct Failure {
    pub oracle: &'static str,
    pub detail: String,
    pub input: Vec<u8>,
}

/// What one input did: whether it resolved without errors, and how long it took (wall clock,
/// and the CPU time of this thread where the system says, which other load does not inflate).
pub struct Checked {
    pub valid: bool,
    pub took: Duration,
    pub cpu: Option<Duration>,
}

/// The CPU time this thread has used so far (Linux: `/proc/thread-self/schedstat`, in ns).
pub fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The oracles, on one input:
/// - parsing, resolving, rendering the diagnostics, reasoning and the divergence report never
///   panic;
/// - every diagnostic's labels lie inside the text, on character boundaries;
/// - a text that parses is formatted (never refused), the result has the same tokens and
///   comments in the same order, and formatting it again changes nothing.
pub fn check(input: &[u8]) -> Result<Checked, Failure> {
    let fail = |oracle, detail: String| Failure {
        oracle,
        detail,
        input: input.to_vec(),
    };
    let text = String::from_utf8_lossy(input).into_owned();
    let started = Instant::now();
    let cpu_started = thread_cpu();
    let mut ws = catch_unwind(|| Workspace::from_text("fuzz.agon", &text))
        .map_err(|p| fail("no panic (parse, resolve)", panic_text(p)))?;
    spans_inside(&ws.diagnostics, &text).map_err(|d| fail("spans inside the file", d))?;
    let parsed = {
        let mut sources = crate::source::SourceMap::default();
        let file = sources.add("fuzz.agon", text.as_str());
        !crate::syntax::parse(file, &text)
            .diagnostics
            .iter()
            .any(Diagnostic::is_error)
    };
    let valid = !ws.has_errors();
    if valid {
        catch_unwind(AssertUnwindSafe(|| {
            ws.reason(crate::aspic::Options::default())
        }))
        .map_err(|p| fail("no panic (reasoning)", panic_text(p)))?;
        catch_unwind(AssertUnwindSafe(|| diverge_all(&ws.theory)))
            .map_err(|p| fail("no panic (diverge)", panic_text(p)))?;
        spans_inside(&ws.diagnostics, &text).map_err(|d| fail("spans inside the file", d))?;
    }
    catch_unwind(AssertUnwindSafe(|| {
        report::render(&ws.diagnostics, &ws.sources, Format::Plain)
    }))
    .map_err(|p| fail("no panic (rendering)", panic_text(p)))?;
    let took = started.elapsed();
    let cpu = thread_cpu()
        .zip(cpu_started)
        .map(|(end, start)| end.saturating_sub(start));
    if parsed {
        let once = catch_unwind(|| crate::format::format(&text))
            .map_err(|p| fail("no panic (format)", panic_text(p)))?
            .ok_or_else(|| fail("the formatter formats what parses", String::new()))?;
        if !crate::format::same_content(&text, &once) {
            return Err(fail("format keeps tokens and comments in order", once));
        }
        if crate::format::format(&once).as_deref() != Some(once.as_str()) {
            return Err(fail("format is idempotent", once));
        }
    }
    Ok(Checked { valid, took, cpu })
}

/// The divergence report over every school, as `agon diverge` computes it (at least two).
fn diverge_all(theory: &crate::model::Theory) {
    let ids: Vec<SchoolId> = (0..theory.schools.len() as u32).map(SchoolId).collect();
    if ids.len() >= 2 {
        let mut r = Reasoner::new(
            theory,
            crate::aspic::Options::default(),
            Semantics::Grounded,
        );
        crate::diverge::report::compute(theory, &ids, &mut r);
    }
}

/// Standings of every school's literals, by name: for comparing two orders of one theory.
pub fn standings(text: &str, semantics: Semantics) -> Option<BTreeMap<String, String>> {
    let ws = Workspace::from_text("fuzz.agon", text);
    if ws.has_errors() {
        return None;
    }
    let ids: Vec<SchoolId> = (0..ws.theory.schools.len() as u32).map(SchoolId).collect();
    let mut r = Reasoner::new(&ws.theory, crate::aspic::Options::default(), semantics);
    let st = r.all_standings(&ids, semantics);
    let mut out = BTreeMap::new();
    for (s, m) in &st.by_school {
        for (l, v) in m {
            out.insert(
                format!("{} {}", ws.theory.school(*s).name, ws.theory.show(*l)),
                v.word().to_string(),
            );
        }
    }
    Some(out)
}

/// The generated theory with each school's statements in another order (and the top-level
/// declarations before the schools in another order too).
pub fn shuffled(text: &str, rng: &mut crate::synth::Rng) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut top: Vec<&str> = Vec::new();
    let shuffle = |v: &mut Vec<&str>, rng: &mut crate::synth::Rng| {
        for i in (1..v.len()).rev() {
            v.swap(i, rng.below(i + 1));
        }
    };
    let mut in_school = false;
    for line in text.lines() {
        if line.starts_with("school ") {
            in_school = true;
            out.push(line.to_string());
        } else if in_school && line == "}" {
            shuffle(&mut block, rng);
            out.extend(block.drain(..).map(str::to_string));
            out.push(line.to_string());
            in_school = false;
        } else if in_school {
            block.push(line);
        } else if line.starts_with("claim ") || line.starts_with("source ") {
            top.push(line);
        } else {
            out.push(line.to_string());
        }
    }
    shuffle(&mut top, rng);
    let mut all: Vec<String> = top.into_iter().map(str::to_string).collect();
    all.extend(out);
    all.join("\n") + "\n"
}

/// The corpus for mutation: every `.agon` file under 64 KB in `theories/` and
/// `tests/fixtures/` below `root`.
pub fn corpus(root: &std::path::Path) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut stack = vec![root.join("theories"), root.join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "agon")
                && p.metadata().is_ok_and(|m| m.is_file() && m.len() < 64_000)
            {
                files.push(std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    files.sort();
    files
}

fn spans_inside(diagnostics: &[Diagnostic], text: &str) -> Result<(), String> {
    for d in diagnostics {
        for l in &d.labels {
            let (s, e) = (l.span.start as usize, l.span.end as usize);
            if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                return Err(format!(
                    "{}: label {s}..{e} in a text of {} bytes",
                    d.code,
                    text.len()
                ));
            }
        }
    }
    Ok(())
}

fn panic_text(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

//! The ICCMA 2023 solver interface (<https://iccma2023.github.io>): reading its abstract (`p af`)
//! and flat ABA (`p aba`) files, its task names, and answering them in its output format, so
//! agon can be measured on the competition's benchmarks. Reasoning is not done here: AF tasks
//! go to `dung` (and `dung::stage`), ABA tasks to `aba::Solver`.
//!
//! - `lines`: tokens with spans, the header, numbers and 1-based ids;
//! - `af`, `aba`: the meaning of each format's lines;
//! - [`task`]: task names and which framework kinds support them;
//! - [`answer`]: deciding a task and printing `YES`, `NO` or `w a1 a2 ...`.
//!
//! Every problem in a file is a located [`Diagnostic`] (rendered by `report` like any other);
//! a path that cannot be read at all is a [`PathError`], as for theory files.

mod aba;
mod af;
pub mod answer;
mod lines;
pub mod task;
pub mod write;

pub use answer::{answer, Answer};
pub use task::{Problem, Task, TaskSemantics};

use crate::diagnostic::Diagnostic;
use crate::load::{io_reason, read_text, text_of, PathError, ReadProblem, MAX_FILE_BYTES};
use crate::source::{FileId, SourceMap, Span};
use std::io::Read;
use std::path::Path;

/// Most arguments (or atoms) a header may declare: frameworks are allocated up front, and a
/// header alone must not exhaust memory.
pub const MAX_SIZE: usize = 10_000_000;

/// At most this many errors are reported for one file; a count says how many more there were.
const MAX_ERRORS: usize = 50;

/// The two kinds of ICCMA 2023 input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `p af N`: an abstract argumentation framework.
    Af,
    /// `p aba N`: a flat assumption-based argumentation framework.
    Aba,
}

impl Kind {
    /// The header's word for the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Af => "af",
            Kind::Aba => "aba",
        }
    }
}

/// A framework read from an ICCMA file, with its ids made 0-based.
#[derive(Debug)]
pub enum Instance {
    Af(crate::dung::Framework),
    /// Frozen and flat.
    Aba(crate::aba::Framework),
}

impl Instance {
    pub fn kind(&self) -> Kind {
        match self {
            Instance::Af(_) => Kind::Af,
            Instance::Aba(_) => Kind::Aba,
        }
    }

    /// The number of arguments (AF) or atoms (ABA): valid queries are `1..=size()`.
    pub fn size(&self) -> usize {
        match self {
            Instance::Af(af) => af.len(),
            Instance::Aba(aba) => aba.atom_count(),
        }
    }
}

/// A file read: its text (for rendering diagnostics) and the framework or what is wrong.
#[derive(Debug)]
pub struct Loaded {
    pub sources: SourceMap,
    pub instance: Result<Instance, Vec<Diagnostic>>,
}

/// Reads and parses an ICCMA file (`-` reads standard input), at most
/// [`MAX_FILE_BYTES`] long like theory files.
pub fn load(path: &Path) -> Result<Loaded, PathError> {
    let unreadable = |reason: String| PathError {
        path: path.to_path_buf(),
        reason,
    };
    let read = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(io_reason(&e)))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            Err(ReadProblem::TooLarge(bytes.len() as u64))
        } else {
            text_of(bytes)
        }
    } else {
        read_text(path)
    };
    let name = if path == Path::new("-") {
        Path::new("<stdin>")
    } else {
        path
    };
    let mut sources = SourceMap::default();
    let instance = match read {
        Ok(text) => {
            let file = sources.add(name, text.as_str());
            parse(file, &text)
        }
        Err(ReadProblem::Io(reason)) => return Err(unreadable(reason)),
        Err(ReadProblem::TooLarge(bytes)) => {
            let file = sources.add(name, "");
            Err(vec![Diagnostic::error(
                "agon::file-too-large",
                format!(
                    "`{}` is over {MAX_FILE_BYTES} bytes ({bytes} or more); agon reads ICCMA files up to that size",
                    name.display()
                ),
            )
            .with_label(Span::new(file, 0, 0), "this file")
            .with_help("the limit is the one agon applies to theory files")])
        }
        Err(ReadProblem::NotUtf8 { lossy, at }) => {
            let end = lossy[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let file = sources.add(name, lossy);
            Err(vec![Diagnostic::error(
                "agon::not-utf8",
                format!("`{}` is not text", name.display()),
            )
            .with_label(Span::new(file, at, end), "the first byte that is not UTF-8")
            .with_help(
                "ICCMA files are plain ASCII text: a header, numbers and `#` comments",
            )])
        }
    };
    Ok(Loaded { sources, instance })
}

/// Parses the text of an ICCMA 2023 file, collecting every error (up to a cap).
pub fn parse(file: FileId, text: &str) -> Result<Instance, Vec<Diagnostic>> {
    let lines = lines::lines(file, text);
    let Some((first, body)) = lines.split_first() else {
        return Err(vec![Diagnostic::error(
            "agon::empty-file",
            "this file holds no framework",
        )
        .with_label(Span::new(file, 0, text.len()), "no header here")
        .with_help(
            "an ICCMA 2023 file starts with `p af N` (N arguments) or `p aba N` (N atoms)",
        )]);
    };
    let header = lines::header(first).map_err(|e| vec![e])?;
    let mut errors = Errors::default();
    // A second header is an error wherever it is; the rest is read as usual.
    let body: Vec<&lines::Line> = body
        .iter()
        .filter(|line| {
            let again = line.tokens[0].text == "p";
            if again {
                errors.push(
                    Diagnostic::error("agon::iccma-header", "a second header")
                        .with_label(line.span, "the file already began with a header")
                        .with_help("an ICCMA file holds one framework and one `p` line"),
                );
            }
            !again
        })
        .collect();
    let instance = match header.kind {
        Kind::Af => Instance::Af(af::read(header, &body, &mut errors)),
        Kind::Aba => Instance::Aba(aba::read(header, &body, &mut errors)),
    };
    if errors.is_empty() {
        Ok(instance)
    } else {
        Err(errors.finish())
    }
}

/// The errors found in one file: the first [`MAX_ERRORS`] kept, the rest counted.
#[derive(Default)]
pub(crate) struct Errors {
    kept: Vec<Diagnostic>,
    count: usize,
}

impl Errors {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.count += 1;
        if self.kept.len() < MAX_ERRORS {
            self.kept.push(d);
        }
    }

    pub(crate) fn extend(&mut self, d: impl IntoIterator<Item = Diagnostic>) {
        for d in d {
            self.push(d);
        }
    }

    /// How many errors were found (kept or not).
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        let more = self.count - self.kept.len();
        if more > 0 {
            self.kept.push(
                Diagnostic::error(
                    "agon::too-many-errors",
                    format!("{more} more error(s) not shown"),
                )
                .with_help("fix the errors above first; the rest are often the same mistake"),
            );
        }
        self.kept
    }
}

//! Reading theory files from disk: folders are walked for `*.agon`, `use` statements pull in
//! further files, every file is read once, and files that cannot be theory text (not UTF-8,
//! empty, huge) are reported as located diagnostics rather than failures.

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::{self, ast};
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// Largest theory file agon reads (bytes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Every file of a run, parsed, with what went wrong while reading and parsing.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: SourceMap,
    /// Parsed files, in the order they were read.
    pub files: Vec<(FileId, ast::File)>,
    /// The text of each `bibliography` file, by the span of the path that names it.
    pub bibliographies: std::collections::HashMap<Span, String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A problem with the paths the user named (exit code 2): nothing to read at all.
#[derive(Debug)]
pub struct PathError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for PathError {}

/// The path that names standard input.
pub const STDIN: &str = "-";

/// Reads the named files and folders and everything they `use`. The path `-` is standard
/// input (read once; its `use` paths are relative to the current folder).
pub fn load(paths: &[PathBuf]) -> Result<Loaded, PathError> {
    let mut overlay = Overlay::new();
    if paths.iter().any(|p| p.as_os_str() == STDIN) {
        let text = read_stdin().map_err(|reason| PathError {
            path: PathBuf::from(STDIN),
            reason,
        })?;
        overlay.insert(PathBuf::from(STDIN), text);
    }
    load_with(paths, &overlay)
}

/// Texts that stand in for files (an editor's unsaved buffers, standard input), by path as
/// given or canonical.
pub type Overlay = std::collections::HashMap<PathBuf, String>;

/// [`load`], reading the files `overlay` holds from it rather than from disk.
pub fn load_with(paths: &[PathBuf], overlay: &Overlay) -> Result<Loaded, PathError> {
    let mut loader = Loader {
        done: Loaded::default(),
        seen: HashSet::new(),
        overlay,
    };
    let (roots, diagnostics) = discover_with(paths, overlay)?;
    loader.done.diagnostics = diagnostics;
    for root in roots {
        loader.read(&root, None);
    }
    Ok(loader.done)
}

/// Parses one in-memory file (its `use` statements are not followed): for tests and benchmarks.
pub fn load_str(name: &str, text: &str) -> Loaded {
    let mut done = Loaded::default();
    let file = done.sources.add(name, text);
    let parsed = syntax::parse(file, text);
    done.diagnostics = parsed.diagnostics;
    done.files.push((file, parsed.file));
    done
}

/// The theory files the paths name: files as given, folders walked for `*.agon` (sorted,
/// each folder once, so a symbolic-link loop is reported and skipped).
pub fn discover(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), PathError> {
    discover_with(paths, &Overlay::new())
}

fn discover_with(
    paths: &[PathBuf],
    overlay: &Overlay,
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), PathError> {
    let mut diagnostics = Vec::new();
    let mut roots = Vec::new();
    for path in paths {
        if overlay.contains_key(path) {
            roots.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| PathError {
            path: path.clone(),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            let mut found = BTreeSet::new();
            walk(path, &mut found, &mut HashSet::new(), &mut diagnostics);
            if found.is_empty() {
                return Err(PathError {
                    path: path.clone(),
                    reason: "the folder holds no `.agon` files".into(),
                });
            }
            roots.extend(found);
        } else {
            roots.push(path.clone());
        }
    }
    Ok((roots, diagnostics))
}

fn walk(
    dir: &Path,
    found: &mut BTreeSet<PathBuf>,
    visiting: &mut HashSet<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Ok(canonical) = dir.canonicalize() else {
        return;
    };
    if !visiting.insert(canonical) {
        diagnostics.push(
            Diagnostic::warning(
                "agon::directory-loop",
                format!(
                    "`{}` leads back to a folder already being read; skipped",
                    dir.display()
                ),
            )
            .with_help("a symbolic link points at one of its own parent folders"),
        );
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, visiting, diagnostics);
        } else if path.extension().is_some_and(|e| e == "agon") {
            if path.metadata().is_ok_and(|m| m.is_file()) {
                found.insert(path);
            } else {
                diagnostics.push(
                    Diagnostic::warning(
                        "agon::not-a-regular-file",
                        format!(
                            "`{}` is not a regular file (a FIFO, device, socket or broken link); skipped",
                            path.display()
                        ),
                    )
                    .with_help("agon reads only regular files; remove it or point the link at a file"),
                );
            }
        }
    }
}

struct Loader<'o> {
    done: Loaded,
    seen: HashSet<PathBuf>,
    overlay: &'o Overlay,
}

impl Loader<'_> {
    /// The text of a file: from the overlay (by the path as given or canonical), else disk.
    fn text(&self, path: &Path, key: &Path) -> Result<String, ReadProblem> {
        match self.overlay.get(path).or_else(|| self.overlay.get(key)) {
            Some(text) => Ok(text.clone()),
            None => read_text(path),
        }
    }

    /// Reads one file (once), parses it and follows its `use` statements.
    fn read(&mut self, path: &Path, used_at: Option<Span>) {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key.clone()) {
            return;
        }
        let text = match self.text(path, &key) {
            Ok(text) => text,
            Err(problem) => {
                let diagnostic = problem.diagnostic(&mut self.done.sources, path, used_at);
                self.done.diagnostics.push(diagnostic);
                return;
            }
        };
        let shown = if path.as_os_str() == STDIN {
            Path::new("<stdin>")
        } else {
            path
        };
        let file = self.done.sources.add(shown, text.as_str());
        if text.trim().is_empty() {
            self.done.diagnostics.push(
                Diagnostic::error("agon::empty-file", "this theory file is empty")
                    .with_label(Span::new(file, 0, text.len()), "nothing to read")
                    .with_help("write at least one statement, or remove the file"),
            );
            return;
        }
        let parsed = syntax::parse(file, &text);
        self.done.diagnostics.extend(parsed.diagnostics);
        let uses: Vec<(PathBuf, Span)> = parsed
            .file
            .items
            .iter()
            .filter_map(|item| match &item.kind {
                ast::ItemKind::Use { path: p } => Some((relative_to(path, &p.value), p.span)),
                _ => None,
            })
            .collect();
        for item in &parsed.file.items {
            if let ast::ItemKind::Bibliography { path: p } = &item.kind {
                let full = relative_to(path, &p.value);
                match read_text_or_reason(&full) {
                    Ok(text) => {
                        self.done.bibliographies.insert(p.span, text);
                    }
                    Err(reason) => self.done.diagnostics.push(
                        Diagnostic::error(
                            "agon::unreadable-file",
                            format!(
                                "cannot read the bibliography `{}`: {reason}",
                                full.display(),
                            ),
                        )
                        .with_label(p.span, "named here")
                        .with_help("the path is relative to the file that names it"),
                    ),
                }
            }
        }
        // What a file uses is read first, so its declarations come first.
        for (target, span) in uses {
            self.read(&target, Some(span));
        }
        self.done.files.push((file, parsed.file));
    }
}

/// Standard input as UTF-8 text of at most [`MAX_FILE_BYTES`].
pub fn read_stdin() -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "standard input is over {MAX_FILE_BYTES} bytes, the most agon reads"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "standard input is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Resolves a path written in a theory file against the folder of that file.
pub fn relative_to(file: &Path, written: &str) -> PathBuf {
    file.parent().unwrap_or(Path::new(".")).join(written)
}

/// Why a file could not be read as text (shared with the ICCMA reader, which words its own
/// diagnostics).
pub(crate) enum ReadProblem {
    Io(String),
    TooLarge(u64),
    NotUtf8 { lossy: String, at: usize },
}

/// Reads a file as UTF-8 text of at most [`MAX_FILE_BYTES`]. Every route agon reads a file by
/// (paths, folders, `use`, `bibliography`, `fmt`) comes here: only regular files are opened
/// (opening a FIFO would block, a device would never end), and at most the limit is read even
/// if the file grows meanwhile.
pub(crate) fn read_text(path: &Path) -> Result<String, ReadProblem> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| ReadProblem::Io(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(ReadProblem::Io("it is a folder, not a file".into()));
    }
    if !meta.is_file() {
        return Err(ReadProblem::Io(
            "it is not a regular file (a FIFO, device or socket); agon reads only regular files"
                .into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| ReadProblem::Io(io_reason(&e)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadProblem::Io(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge(bytes.len() as u64));
    }
    text_of(bytes)
}

/// A file's text for a caller that words its own error: the reason in words.
pub fn read_text_or_reason(path: &Path) -> Result<String, String> {
    read_text(path).map_err(|p| match p {
        ReadProblem::Io(reason) => reason,
        ReadProblem::TooLarge(bytes) => {
            format!("it is {bytes} bytes; agon reads files up to {MAX_FILE_BYTES} bytes")
        }
        ReadProblem::NotUtf8 { at, .. } => format!("it is not UTF-8 text (byte {at})"),
    })
}

/// The bytes as UTF-8 text, or where they stop being UTF-8.
pub(crate) fn text_of(bytes: Vec<u8>) -> Result<String, ReadProblem> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        ReadProblem::NotUtf8 {
            lossy: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            at,
        }
    })
}

impl ReadProblem {
    fn diagnostic(self, sources: &mut SourceMap, path: &Path, used_at: Option<Span>) -> Diagnostic {
        let name = path.display();
        let located = |d: Diagnostic, text: &str| match used_at {
            Some(span) => d.with_label(span, text.to_string()),
            None => d,
        };
        match self {
            ReadProblem::Io(reason) => located(
                Diagnostic::error(
                    "agon::unreadable-file",
                    format!("cannot read `{name}`: {reason}"),
                ),
                "used here",
            )
            .with_help("check the path; `use` paths are relative to the file that says them"),
            ReadProblem::TooLarge(bytes) => {
                let file = sources.add(path, "");
                located(
                    Diagnostic::error(
                        "agon::file-too-large",
                        format!("`{name}` is {bytes} bytes; agon reads theory files up to {MAX_FILE_BYTES} bytes"),
                    )
                    .with_label(Span::new(file, 0, 0), "this file"),
                    "used here",
                )
                .with_help("split the theory into several files joined with `use`")
            }
            ReadProblem::NotUtf8 { lossy, at } => {
                let end = lossy[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                let file = sources.add(path, lossy);
                Diagnostic::error("agon::not-utf8", format!("`{name}` is not UTF-8 text"))
                    .with_label(Span::new(file, at, end), "the first byte that is not UTF-8")
                    .with_help("save the file as UTF-8 (theory files are plain text)")
            }
        }
    }
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

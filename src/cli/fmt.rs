//! `agon fmt`: rewrite theory files in the canonical layout. A file is written only when it
//! parses without errors and its formatted text has exactly the same tokens and comments,
//! and then atomically (a temporary file beside it, renamed over it).

use super::Outcome;
use agon::load::discover;
use agon::report::{self, Format};
use agon::source::SourceMap;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct FmtArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Change nothing; exit 1 if any file is not in the canonical layout.
    #[arg(long)]
    check: bool,
}

pub fn run(args: FmtArgs) -> Outcome {
    if args.paths.len() == 1 && args.paths[0].as_os_str() == agon::load::STDIN {
        return format_stdin(args.check);
    }
    let defaulted = args.paths.is_empty();
    let (files, _) = match discover(&super::paths_or_default(args.paths)) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("error: {e}");
            if defaulted {
                eprintln!("{}", super::DEFAULT_HELP);
            }
            return Outcome::Usage;
        }
    };
    let mut outcome = Outcome::Clean;
    for path in files {
        let result = format_file(&path, args.check);
        match result {
            Ok(false) => {}
            Ok(true) if args.check => {
                outln!("{} is not formatted", path.display());
                outcome = Outcome::Findings;
            }
            Ok(true) => outln!("formatted {}", path.display()),
            Err(message) => {
                eprintln!("{message}");
                outcome = Outcome::Findings;
            }
        }
    }
    outcome
}

/// `agon fmt -`: standard input formatted to standard output (unchanged when it does not
/// parse, with the errors on standard error and exit 1), as editors' format-on-save expects.
fn format_stdin(check: bool) -> Outcome {
    let text = match agon::load::read_stdin() {
        Ok(text) => text,
        Err(reason) => {
            eprintln!("error: cannot read standard input: {reason}");
            return Outcome::Usage;
        }
    };
    match formatted(Path::new("<stdin>"), &text) {
        Ok(f) if check => {
            if f != text {
                outln!("<stdin> is not formatted");
                return Outcome::Findings;
            }
            Outcome::Clean
        }
        Ok(f) => {
            out!("{f}");
            Outcome::Clean
        }
        Err(message) => {
            eprintln!("{message}");
            if !check {
                out!("{text}");
            }
            Outcome::Findings
        }
    }
}

/// Formats one file; `Ok(true)` when its layout changes (or would, with `check`).
fn format_file(path: &Path, check: bool) -> Result<bool, String> {
    let text = agon::load::read_text_or_reason(path)
        .map_err(|reason| format!("error: cannot read {}: {reason}", path.display()))?;
    let formatted = formatted(path, &text)?;
    if formatted == text {
        return Ok(false);
    }
    if !check {
        write_atomically(path, &formatted)
            .map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    }
    Ok(true)
}

/// The text in the canonical layout, or why it is left unchanged.
fn formatted(path: &Path, text: &str) -> Result<String, String> {
    let mut sources = SourceMap::default();
    let file = sources.add(path, text);
    let parsed = agon::syntax::parse(file, text);
    let errors: Vec<_> = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    if !errors.is_empty() {
        return Err(format!(
            "{}agon fmt: {} left unchanged because it does not parse",
            report::render(&errors, &sources, Format::detect()),
            path.display()
        ));
    }
    agon::format::format(text).ok_or_else(|| {
        format!("agon fmt: {} left unchanged: its layout could not be changed without changing its text", path.display())
    })
}

/// Writes the formatted text without losing anything the user has:
/// - a symbolic link is followed: its target is rewritten and the link stays a link;
/// - a read-only file is refused;
/// - a file with several hard links is rewritten in place (renaming over it would split the
///   links), after a backup copy beside it that is removed once the new text is on disk;
/// - any other file gets a temporary file beside it, renamed over it, so a crash leaves the
///   old or the new text; permissions are kept.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "it is read-only; agon fmt leaves read-only files unchanged",
        ));
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if links(&meta) > 1 {
        let backup = dir.join(format!(".{name}.agon-fmt-backup-{}", std::process::id()));
        std::fs::copy(&target, &backup)?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&target)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        return std::fs::remove_file(&backup);
    }
    let tmp = dir.join(format!(".{name}.agon-fmt-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, meta.permissions())?;
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// How many hard links the file has (1 where the platform cannot say).
fn links(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

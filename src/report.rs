//! Rendering diagnostics for people and machines: miette's graphical report (with or without
//! colour), JSON with 1-based lines and columns as well as byte spans, and GitHub Actions
//! workflow commands. No other module formats a diagnostic.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap, Span, Window};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use serde::Serialize;
use std::fmt;

/// How findings are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// miette's report with colour (for a terminal).
    Human,
    /// The same report without colour or hyperlinks (for logs and pipes).
    Plain,
    /// A JSON document (schema version 1).
    Json,
    /// GitHub Actions `::error` / `::warning` workflow commands.
    Github,
    /// SARIF 2.1.0, with each diagnostic code as a stable rule id.
    Sarif,
}

impl Format {
    /// The default: `AGON_FORMAT` is handled by clap; then GitHub Actions, then colour on a
    /// terminal and plain text in a pipe, where `NO_COLOR` (any non-empty value) turns colour
    /// off and `CLICOLOR_FORCE` (any value but `0`) turns it on (no-color.org, bixense.com/clicolors).
    pub fn detect() -> Format {
        use std::io::IsTerminal;
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
            Format::Github
        } else if var("NO_COLOR").is_some() {
            Format::Plain
        } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") || std::io::stderr().is_terminal()
        {
            Format::Human
        } else {
            Format::Plain
        }
    }
}

/// Renders diagnostics in the chosen format.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, format: Format) -> String {
    match format {
        Format::Human | Format::Plain => {
            let theme = if format == Format::Human {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let handler = GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(100);
            let mut out = String::new();
            for d in diagnostics {
                let report = Rendered::new(d, sources);
                // Writing into a String cannot fail.
                let _ = handler.render_report(&mut out, &report);
                out.push('\n');
            }
            out
        }
        Format::Github => diagnostics.iter().map(|d| github(d, sources)).collect(),
        Format::Json => {
            serde_json::to_string_pretty(&to_json(diagnostics, sources)).unwrap_or_default()
        }
        Format::Sarif => {
            serde_json::to_string_pretty(&sarif(diagnostics, sources)).unwrap_or_default()
        }
    }
}

/// A one-line count such as `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// A diagnostic as miette sees it: labels in the primary file, and a related note for each
/// label that points into another file.
#[derive(Debug)]
struct Rendered {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Window>,
    labels: Vec<LabeledSpan>,
    related: Vec<Rendered>,
}

/// Past this column a source line is not drawn (miette cannot draw past column 65,535, and no
/// reader wants to): the finding names its place in words instead.
const MAX_DRAWN_COLUMN: usize = 4_096;

impl Rendered {
    fn new(d: &Diagnostic, sources: &SourceMap) -> Self {
        let wide = d.labels.iter().find(|l| {
            let file = sources.get(l.span.file);
            let (_, start) = file.line_col(l.span.start as usize);
            let (_, end) = file.line_col(l.span.end as usize);
            start.max(end) > MAX_DRAWN_COLUMN
        });
        if let Some(label) = wide {
            let at = Location::new(label.span, sources);
            return Rendered {
                message: format!(
                    "{} (at {}:{}:{}: {}; the line is too long to draw)",
                    d.message, at.file, at.line, at.column, label.text
                ),
                code: Some(d.code),
                severity: match d.severity {
                    Severity::Error => miette::Severity::Error,
                    Severity::Warning => miette::Severity::Warning,
                },
                help: d.help.clone(),
                source: None,
                labels: Vec::new(),
                related: Vec::new(),
            };
        }
        let primary = d.primary().map(|s| s.file);
        let in_file = |f: Option<FileId>| -> Vec<LabeledSpan> {
            d.labels
                .iter()
                .filter(|l| Some(l.span.file) == f)
                .enumerate()
                .map(|(i, l)| {
                    let text = Some(l.text.clone());
                    if i == 0 {
                        LabeledSpan::new_primary_with_span(text, l.span.miette())
                    } else {
                        LabeledSpan::new_with_span(text, l.span.miette())
                    }
                })
                .collect()
        };
        let related = d
            .labels
            .iter()
            .filter(|l| Some(l.span.file) != primary)
            .map(|l| Rendered {
                message: l.text.clone(),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: Some(window(sources, l.span.file, &[l.span])),
                labels: vec![LabeledSpan::new_primary_with_span(None, l.span.miette())],
                related: Vec::new(),
            })
            .collect();
        Rendered {
            message: d.message.clone(),
            code: Some(d.code),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            help: d.help.clone(),
            source: primary.map(|f| {
                let spans: Vec<Span> = d
                    .labels
                    .iter()
                    .map(|l| l.span)
                    .filter(|s| s.file == f)
                    .collect();
                window(sources, f, &spans)
            }),
            labels: in_file(primary),
            related,
        }
    }
}

/// The lines of `file` that hold the spans, with a few lines of context.
fn window(sources: &SourceMap, file: FileId, spans: &[Span]) -> Window {
    let from = spans.iter().map(|s| s.start as usize).min().unwrap_or(0);
    let to = spans.iter().map(|s| s.end as usize).max().unwrap_or(0);
    sources.get(file).window(from, to, 3)
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty())
            .then(|| Box::new(self.labels.iter().cloned()) as Box<dyn Iterator<Item = _>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        (!self.related.is_empty()).then(|| {
            Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic))
                as Box<dyn Iterator<Item = _>>
        })
    }
}

/// A location as CI tools want it: file, 1-based line and column of both ends, and bytes.
#[derive(Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: u32,
    pub end: u32,
}

impl Location {
    pub fn new(span: Span, sources: &SourceMap) -> Self {
        let file = sources.get(span.file);
        let (line, column) = file.line_col(span.start as usize);
        let (end_line, end_column) = file.line_col(span.end as usize);
        Location {
            file: file.name.clone(),
            line,
            column,
            end_line,
            end_column,
            start: span.start,
            end: span.end,
        }
    }
}

#[derive(Serialize)]
struct JsonLabel {
    #[serde(flatten)]
    location: Location,
    text: String,
}

#[derive(Serialize)]
struct JsonDiagnostic {
    code: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    labels: Vec<JsonLabel>,
}

impl JsonDiagnostic {
    fn new(d: &Diagnostic, sources: &SourceMap) -> Self {
        JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            help: d.help.clone(),
            labels: d
                .labels
                .iter()
                .map(|l| JsonLabel {
                    location: Location::new(l.span, sources),
                    text: l.text.clone(),
                })
                .collect(),
        }
    }
}

/// The JSON form of diagnostics (also embedded in other JSON documents).
pub fn to_json(diagnostics: &[Diagnostic], sources: &SourceMap) -> serde_json::Value {
    let json: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic::new(d, sources))
        .collect();
    serde_json::to_value(json).unwrap_or_default()
}

fn github(d: &Diagnostic, sources: &SourceMap) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let escape = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let props = |s: &str| escape(s).replace(':', "%3A").replace(',', "%2C");
    match d.primary() {
        Some(span) => {
            let l = Location::new(span, sources);
            format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                props(&l.file),
                l.line,
                l.column,
                l.end_line,
                l.end_column,
                props(d.code),
                escape(&message)
            )
        }
        None => format!("::{level} title={}::{}\n", props(d.code), escape(&message)),
    }
}

/// A SARIF 2.1.0 log with one run: rules are the diagnostic codes that occur, results carry
/// 1-based regions, and labels after the first become related locations.
pub fn sarif(diagnostics: &[Diagnostic], sources: &SourceMap) -> serde_json::Value {
    use serde_json::json;
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let region = |span: Span| {
        let l = Location::new(span, sources);
        json!({
            "artifactLocation": { "uri": l.file.replace('\\', "/") },
            "region": {
                "startLine": l.line, "startColumn": l.column,
                "endLine": l.end_line, "endColumn": l.end_column,
            }
        })
    };
    let results: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(". Help: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": codes.binary_search(&d.code).unwrap_or(0),
                "level": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": { "text": text },
            });
            if let Some(first) = d.labels.first() {
                result["locations"] =
                    json!([{ "physicalLocation": region(first.span), "message": { "text": first.text } }]);
            }
            if d.labels.len() > 1 {
                let related: Vec<_> = d.labels[1..]
                    .iter()
                    .enumerate()
                    .map(|(i, l)| json!({ "id": i + 1, "physicalLocation": region(l.span), "message": { "text": l.text } }))
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let rules: Vec<serde_json::Value> = codes
        .iter()
        .map(|c| json!({ "id": c, "name": c.trim_start_matches("agon::"), "shortDescription": { "text": c } }))
        .collect();
    json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "agon", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
            "results": results,
        }]
    })
}

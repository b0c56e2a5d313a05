//! Positions and addresses as the Language Server Protocol counts them: a line index that
//! turns byte offsets into (line, character) and back, in UTF-16 code units (the protocol's
//! default) or UTF-8 bytes (when the client offers it), and `file://` URIs to and from paths.

use lsp_types::{Position, Range, Uri};
use std::path::{Path, PathBuf};

/// How a `character` in a [`Position`] is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// Where each line of a text starts.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, range: std::ops::Range<usize>) -> Range {
        Range::new(self.position(range.start), self.position(range.end))
    }

    /// The byte offset of a position (clamped to its line, and to the text).
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |&e| e);
        let line = &self.text[start..end];
        let want = position.character as usize;
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            if counted >= want || c == '\n' {
                return start + i;
            }
            counted += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        end
    }

    /// The whole text's range.
    pub fn everything(&self) -> Range {
        self.range(0..self.text.len())
    }
}

/// The path of a `file://` URI (percent-escapes decoded), or `None` for another scheme.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` (empty authority) or `file://localhost/path`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let text = String::from_utf8(out).ok()?;
    Some(PathBuf::from(text))
}

/// The `file://` URI of an absolute path, escaping what a URI path may not hold.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let mut s = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_code_units_and_utf8_counts_bytes() {
        let text = "ab\n«é» x\n";
        let x = text.find('x').unwrap();
        let utf16 = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(x), Position::new(1, 4));
        assert_eq!(utf16.offset(Position::new(1, 4)), x);
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(1, 7));
        assert_eq!(utf8.offset(Position::new(1, 7)), x);
        // Past the end of a line: its end; past the last line: the text's end.
        assert_eq!(utf16.offset(Position::new(0, 99)), 2);
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let path = Path::new("/tmp/a b/théorie.agon");
        let uri = uri_of(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/th%C3%A9orie.agon");
        assert_eq!(path_of(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&other), None);
    }
}

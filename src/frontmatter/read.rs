//! Reading a Markdown file off the disk, checked before it is parsed: its size, that it is a
//! file, and its encoding (UTF-8, a byte-order mark dropped).

use std::io::Read;
use std::path::Path;

use super::MAX_IMPORT_BYTES;
use crate::error::{Error, Result};
use crate::i18n::{Arg, Text};

/// Reads `path` as UTF-8 text, refusing a file over [`MAX_IMPORT_BYTES`] before reading it
/// and saying where the first byte that is not UTF-8 is.
pub fn read_text(path: &Path) -> Result<String> {
    let bad = |message: Text| Error::BadImport {
        path: path.to_path_buf(),
        message,
    };
    let too_big = |len: u64| {
        bad(Text::new("import-too-big")
            .arg(
                "size",
                Arg::Tenths((len as f64 / (1024.0 * 1024.0) * 10.0).round() as i64),
            )
            .arg("max", MAX_IMPORT_BYTES / (1024 * 1024)))
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(bad(Text::new("import-folder")));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(too_big(meta.len()));
    }
    // The size can change between the check and the read (or lie, for special files): never
    // read more than the limit plus one byte.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        bad(Text::new("import-not-utf8")
            .arg("line", line.to_string())
            .arg("byte", format!("0x{:02X}", bytes[at]))
            .arg("column", column)
            .arg("offset", at.to_string()))
    })?;
    // UTF-8 allows the NUL character; no text file holds one (it marks a binary or damaged
    // file), and it would cut the text short in other programs.
    if let Some(at) = text.find('\0') {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        return Err(bad(Text::new("import-nul")
            .arg("line", line.to_string())
            .arg("column", column)));
    }
    Ok(text)
}

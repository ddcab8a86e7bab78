//! Markdown files in and out: an article as a `.md` file whose front matter holds its fields
//! and whose text is the body. Dateline writes YAML front matter with its own keys
//! (`headline`, `dek`, `slug`, `section`, `tags`, `language`, `dateline`, `bylines`,
//! `status`); it reads that, and the front matter of Jekyll, Hugo and Zola sites too: YAML
//! between `---` lines or TOML between `+++` lines, their well-known keys mapped onto
//! Dateline's fields (see [`MAPPING`]) and every other key kept verbatim.
//!
//! This is the only room that imports a YAML library (serde-saphyr, which only reads) and a
//! TOML library (`toml`, used only to read). What it writes it composes itself, every string
//! quoted, so a headline that looks like a number, a boolean or syntax stays text. It checks a
//! file before anything is stored — its size, its encoding, its front matter — and says which
//! file and which line is wrong; [`Workspace::import_markdown`] then creates the article in one
//! transaction, so nothing is ever half-imported. What is worth knowing but does not stop an
//! import (a key Dateline does not use) comes back as a warning with its line. It does not
//! know photos: a hero and its crops belong to the desk, not to the file.
//!
//! **Keys kept.** A front-matter key Dateline does not use — an unknown one (`layout`,
//! `aliases`, `[extra]`), or an alternative that lost to a preferred key (`excerpt` when
//! `description` gave the dek) — is kept with the article as source text (the comment and
//! blank lines just above it travel with it) and written back on export, after Dateline's own
//! keys, in the file's own format: a TOML front matter comes back as TOML.
//!
//! **Round trip.** `import(export(a)) == a` for every article, kept keys included, and the
//! body comes back byte for byte. The only normalization is on the way in: a UTF-8 byte-order
//! mark is dropped; the front matter and the one blank line after its closing fence are not
//! body; in a file without a headline key the leading `# Headline` (or `Headline` + `===`)
//! and the blank lines after it are not body. Nothing else is touched: no trailing newline is
//! added or removed, and CRLF line ends stay CRLF. A foreign file's mapped keys come back
//! under Dateline's names (`title` is written as `headline`).

mod entries;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{ArticleDraft, Byline, ImportReport, ImportWarning, Status};
use crate::workspace::Workspace;
pub use entries::Format;
use entries::{Block, Entry};

/// The largest Markdown file an import reads. Larger files are refused before being read.
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;

/// The keys a Dateline front matter may hold, in the order export writes them.
pub const KEYS: &[&str] = &[
    "headline", "dek", "slug", "section", "tags", "language", "dateline", "bylines", "status",
];

/// Which front-matter keys fill which field, in order of preference. The first key of each
/// row is Dateline's own (and the field's name): when it is present it decides, even blank.
/// Without it, the first other key of the row whose value is not blank fills the field, and
/// the other keys of the row are kept as they are. Tags are the exception: every tag key is
/// read and merged, in this order, a tag repeated (in any case) only once.
///
/// Decks before descriptions: `deck`, `dek` and `subtitle` are an editor's line under the
/// headline, as Dateline's dek is; `description` and `summary` are written for listings and
/// search engines; `excerpt` is the text a site shows before "read more". Authors are bylines
/// by name: a string is one name even when it says "Ana and Luis" (the desk splits it if it
/// means two), a list is one byline per name, `{ name, role }` maps are read as such.
pub const MAPPING: &[(&str, &[&str])] = &[
    ("headline", &["headline", "title"]),
    (
        "dek",
        &[
            "dek",
            "deck",
            "subtitle",
            "description",
            "summary",
            "excerpt",
        ],
    ),
    ("slug", &["slug"]),
    ("section", &["section", "category"]),
    ("tags", &["tags", "topics", "keywords", "categories"]),
    ("language", &["language", "lang"]),
    ("dateline", &["dateline"]),
    ("bylines", &["bylines", "authors", "author"]),
    ("status", &["status"]),
];

/// A file read into a draft, with what is worth knowing about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub draft: ArticleDraft,
    /// Keys kept or not used, by line, in the file's order.
    pub notes: Vec<Note>,
    /// The file line each field came from, to place later errors (a taken slug).
    field_lines: Vec<(&'static str, usize)>,
}

/// Something about one key at one line of the file, for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub key: String,
    pub message: String,
}

impl Parsed {
    /// The notes as import warnings naming the file and line.
    pub fn warnings(&self, path: &Path) -> Vec<ImportWarning> {
        self.notes
            .iter()
            .map(|n| ImportWarning {
                line: u32::try_from(n.line).unwrap_or(u32::MAX),
                key: n.key.clone(),
                message: format!("{}: line {}: {}", path.display(), n.line, n.message),
            })
            .collect()
    }

    fn line_of(&self, field: &str) -> usize {
        self.field_lines
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(1, |(_, l)| *l)
    }
}

/// Reads a Markdown file into an article draft and its warnings, without storing anything.
pub fn import_file(path: &Path) -> Result<(ArticleDraft, Vec<ImportWarning>)> {
    let text = read_text(path)?;
    let parsed = parse(&text).map_err(|e| e.at(path))?;
    let warnings = parsed.warnings(path);
    Ok((parsed.draft, warnings))
}

/// Writes an article as a Markdown file (see the module's round-trip rule): YAML front matter
/// with Dateline's keys, or the format of the kept front matter, whose keys follow Dateline's.
/// The hero is not written: it names photos of this desk.
pub fn export(a: &ArticleDraft) -> String {
    let (format, kept) = a
        .front_matter_extra
        .as_deref()
        .and_then(kept_block)
        .unwrap_or((Format::Yaml, ""));
    // A kept alternative of a field (an `excerpt` that lost to the dek) must keep losing when
    // the file is read back, even if the field is now blank: Dateline's key is then written
    // blank, because when present it decides.
    let kept_keys: BTreeSet<String> = Block {
        format,
        text: kept,
        first_line: 2,
    }
    .entries()
    .map(|es| es.into_iter().map(|e| e.key).collect())
    .unwrap_or_default();
    let has_alternative = |field: &str| {
        MAPPING
            .iter()
            .find(|(f, _)| *f == field)
            .is_some_and(|(_, keys)| keys[1..].iter().any(|k| kept_keys.contains(*k)))
    };
    let mut w = Writer {
        format,
        out: String::with_capacity(a.body.len() + kept.len() + 512),
    };
    w.out.push_str(format.fence());
    w.out.push('\n');
    w.text("headline", &a.headline);
    if !a.dek.is_empty() || has_alternative("dek") {
        w.text("dek", &a.dek);
    }
    if let Some(slug) = &a.slug {
        w.text("slug", slug);
    }
    match &a.section {
        Some(section) => w.text("section", section),
        None if has_alternative("section") => w.text("section", ""),
        None => {}
    }
    if !a.tags.is_empty() {
        w.list("tags", &a.tags);
    }
    match &a.language {
        Some(language) => w.text("language", language),
        None if has_alternative("language") => w.text("language", ""),
        None => {}
    }
    if !a.dateline.is_empty() {
        w.text("dateline", &a.dateline);
    }
    if !a.bylines.is_empty() || has_alternative("bylines") {
        w.bylines(&a.bylines);
    }
    if let Some(status) = a.status {
        w.text("status", status.as_str());
    }
    w.out.push_str(kept);
    w.out.push_str(format.fence());
    w.out.push_str("\n\n");
    w.out.push_str(&a.body);
    w.out
}

/// The format and the text between the fences of a kept front matter.
fn kept_block(extra: &str) -> Option<(Format, &str)> {
    let (first, rest) = extra.split_once('\n')?;
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return None,
    };
    let inner = rest.trim_end_matches(['\n', '\r']);
    let inner = inner.strip_suffix(format.fence())?;
    if !(inner.is_empty() || inner.ends_with('\n')) {
        return None;
    }
    Some((format, inner))
}

/// Checks front matter to keep with an article (it may come from the app, not only from an
/// import): one block between `---` or `+++` fences whose keys parse, none of them a key
/// Dateline writes itself or merges into the tags. The message is for a person.
pub fn check_kept(extra: &str) -> std::result::Result<(), String> {
    let (format, inner) = kept_block(extra).ok_or_else(|| {
        "kept front matter must be one block between --- lines (YAML) or +++ lines (TOML)."
            .to_string()
    })?;
    let entries = Block {
        format,
        text: inner,
        first_line: 2,
    }
    .entries()
    .map_err(|e| format!("kept front matter, line {}: {}", e.line, e.message))?;
    let tags = MAPPING
        .iter()
        .find(|(f, _)| *f == "tags")
        .map_or(&[][..], |(_, keys)| keys);
    for e in entries {
        if KEYS.contains(&e.key.as_str()) || tags.contains(&e.key.as_str()) {
            return Err(format!(
                "kept front matter, line {}: `{}` is one of Dateline's own fields; edit the \
                 field instead.",
                e.line, e.key
            ));
        }
    }
    Ok(())
}

/// Writes Dateline's keys in YAML or TOML, every string quoted.
struct Writer {
    format: Format,
    out: String,
}

impl Writer {
    fn key(&mut self, key: &str) {
        self.out.push_str(key);
        self.out.push_str(match self.format {
            Format::Yaml => ": ",
            Format::Toml => " = ",
        });
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(&quote(value));
        self.out.push('\n');
    }

    fn list(&mut self, key: &str, values: &[String]) {
        self.key(key);
        let items: Vec<String> = values.iter().map(|t| quote(t)).collect();
        self.out.push_str(&format!("[{}]\n", items.join(", ")));
    }

    fn bylines(&mut self, bylines: &[Byline]) {
        match self.format {
            Format::Yaml if bylines.is_empty() => self.out.push_str("bylines: []\n"),
            Format::Yaml => {
                self.out.push_str("bylines:\n");
                for b in bylines {
                    self.out
                        .push_str(&format!("  - name: {}\n", quote(&b.name)));
                    if let Some(role) = &b.role {
                        self.out.push_str(&format!("    role: {}\n", quote(role)));
                    }
                }
            }
            Format::Toml => {
                // Inline tables, so the keys kept after Dateline's may open tables of their own.
                let items: Vec<String> = bylines
                    .iter()
                    .map(|b| match &b.role {
                        Some(role) => {
                            format!("{{ name = {}, role = {} }}", quote(&b.name), quote(role))
                        }
                        None => format!("{{ name = {} }}", quote(&b.name)),
                    })
                    .collect();
                self.out
                    .push_str(&format!("bylines = [{}]\n", items.join(", ")));
            }
        }
    }
}

/// A double-quoted string that YAML and TOML read the same way. Everything that is not plainly
/// printable on one line is escaped, including the characters YAML 1.1 readers take for line
/// breaks (NEL, LS, PS) and the controls TOML forbids.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => q.push_str("\\r"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                q.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// Reads `path` as UTF-8 text, refusing a file over [`MAX_IMPORT_BYTES`] before reading it
/// and saying where the first byte that is not UTF-8 is.
pub fn read_text(path: &Path) -> Result<String> {
    let bad = |message: String| Error::BadImport {
        path: path.to_path_buf(),
        message,
    };
    let too_big = |len: u64| {
        bad(format!(
            "the file is {:.1} MB; Dateline imports Markdown files up to {} MB. Split it, or \
             move its images out of the text.",
            len as f64 / (1024.0 * 1024.0),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ))
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(bad("this is a folder, not a Markdown file.".into()));
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
        bad(format!(
            "line {line}: the file is not UTF-8 text (byte 0x{:02X} at column {column}, byte \
             offset {at} is the first that is not). Save it as UTF-8 and import it again.",
            bytes[at]
        ))
    })?;
    // UTF-8 allows the NUL character; no text file holds one (it marks a binary or damaged
    // file), and it would cut the text short in other programs.
    if let Some(at) = text.find('\0') {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        return Err(bad(format!(
            "line {line}: the file holds a NUL (zero) byte at column {column}, which text never \
             has: it is damaged or not a Markdown file."
        )));
    }
    Ok(text)
}

/// What went wrong in a file's text, and on which line (1-based, of the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }

    /// The error of importing the file at `path`.
    pub fn at(self, path: &Path) -> Error {
        Error::BadImport {
            path: path.to_path_buf(),
            message: format!("line {}: {}", self.line, self.message),
        }
    }
}

/// Parses a Markdown file's text into a draft and notes (see the module's round-trip rule).
pub fn parse(text: &str) -> std::result::Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::new(
            1,
            "the file is empty: there is no text in it to import.",
        ));
    }
    let (depth, line) = crate::markdown::nesting(text);
    if depth > crate::markdown::MAX_NESTING {
        return Err(ParseError::new(
            line,
            format!(
                "the text nests quotes, lists, links or emphasis {depth} levels deep, and \
                 Dateline imports up to {}. No article looks like this: check that it is the \
                 right file.",
                crate::markdown::MAX_NESTING
            ),
        ));
    }
    let format = match text.lines().next().unwrap_or("").trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => {
            let draft = headline_from_heading(text, ArticleDraft::default(), 1)?;
            return Ok(Parsed {
                draft,
                notes: Vec::new(),
                field_lines: Vec::new(),
            });
        }
    };
    let (block, body) = split_front_matter(text, format)?;
    let mut parsed = read_front_matter(&block)?;
    parsed.draft.body = body.to_string();
    if parsed.draft.headline.trim().is_empty() {
        // The headline is missing from the front matter: a leading `# Headline` will do.
        parsed.draft = headline_from_heading(body, parsed.draft, 1)?;
    }
    Ok(parsed)
}

/// Splits `fence\n front matter fence\n body` into the front matter block and the body
/// (without the one blank line after the closing fence).
fn split_front_matter(
    text: &str,
    format: Format,
) -> std::result::Result<(Block<'_>, &str), ParseError> {
    let mut offset = 0;
    let mut block_start = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if n == 0 {
            block_start = offset;
            continue;
        }
        let bare = line.trim_end();
        if bare == format.fence() || (format == Format::Yaml && bare == "...") {
            let block = Block {
                format,
                text: &text[block_start..start],
                first_line: 2,
            };
            let rest = &text[offset..];
            let body = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .unwrap_or(rest);
            return Ok((block, body));
        }
    }
    let fence = format.fence();
    Err(ParseError::new(
        1,
        format!(
            "the front matter that opens on line 1 with {fence} is never closed: add a line \
             with just {fence} after its last key."
        ),
    ))
}

/// One field's value as read from one key.
enum Value {
    Text(Option<String>),
    Tags(Vec<String>),
    Bylines(Vec<Byline>),
    Status(Option<Status>),
}

impl Value {
    fn read(
        field: &str,
        parts: &[&Entry<'_>],
        format: Format,
    ) -> std::result::Result<Value, ParseError> {
        fn read<T: DeserializeOwned>(
            parts: &[&Entry<'_>],
            format: Format,
        ) -> std::result::Result<T, ParseError> {
            Entry::value_of(parts, format)
        }
        Ok(match field {
            "tags" => Value::Tags(read::<Tags>(parts, format)?.0),
            "bylines" => Value::Bylines(
                read::<Bylines>(parts, format)?
                    .0
                    .into_iter()
                    .map(|b| Byline {
                        name: b.name,
                        role: b.role,
                        author_id: None,
                    })
                    .collect(),
            ),
            "status" => Value::Status(read::<FmStatus>(parts, format)?.0),
            _ => Value::Text(read::<Option<String>>(parts, format)?),
        })
    }

    fn is_blank(&self) -> bool {
        match self {
            Value::Text(t) => t.as_deref().is_none_or(|t| t.trim().is_empty()),
            Value::Tags(t) => t.iter().all(|t| t.trim().is_empty()),
            Value::Bylines(b) => b.iter().all(|b| b.name.trim().is_empty()),
            Value::Status(s) => s.is_none(),
        }
    }

    fn apply(self, field: &str, d: &mut ArticleDraft) {
        match (field, self) {
            ("tags", Value::Tags(t)) => d.tags.extend(t),
            ("bylines", Value::Bylines(b)) => d.bylines = b,
            ("status", Value::Status(s)) => d.status = s,
            (field, Value::Text(t)) => {
                // As written: the article's validation trims and drops what is blank.
                match field {
                    "headline" => d.headline = t.unwrap_or_default(),
                    "dek" => d.dek = t.unwrap_or_default(),
                    "slug" => d.slug = t,
                    "section" => d.section = t,
                    "language" => d.language = t,
                    "dateline" => d.dateline = t.unwrap_or_default(),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// Reads a front matter block: Dateline's fields by [`MAPPING`], the keys not used kept as
/// source text, each with a note.
fn read_front_matter(block: &Block<'_>) -> std::result::Result<Parsed, ParseError> {
    let entries = block.entries()?;
    let parts =
        |key: &str| -> Vec<&Entry<'_>> { entries.iter().filter(|e| e.key == key).collect() };
    let mut draft = ArticleDraft::default();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    // The key and line each field came from.
    let mut field_lines: Vec<(&'static str, usize)> = Vec::new();
    let mut chosen: Vec<(&str, &str, usize)> = Vec::new(); // (field, key, line)
    for &(field, keys) in MAPPING {
        for (i, &key) in keys.iter().enumerate() {
            let p = parts(key);
            let Some(first) = p.first() else { continue };
            let value = Value::read(field, &p, block.format)?;
            if field == "tags" {
                value.apply(field, &mut draft);
                used.insert(key);
                if i == 0 || !field_lines.iter().any(|(f, _)| *f == field) {
                    field_lines.push((field, first.line));
                }
                continue;
            }
            // Dateline's own key decides, even blank; an alternative only when it says something.
            if i == 0 || !value.is_blank() {
                value.apply(field, &mut draft);
                used.insert(key);
                field_lines.push((field, first.line));
                chosen.push((field, key, first.line));
                break;
            }
        }
    }
    let mut notes = Vec::new();
    let mut kept = String::new();
    let mut noted: BTreeSet<&str> = BTreeSet::new();
    for e in &entries {
        if used.contains(e.key.as_str()) {
            continue;
        }
        kept.push_str(e.text);
        if !noted.insert(&e.key) {
            continue;
        }
        let row = MAPPING
            .iter()
            .find(|(_, keys)| keys.contains(&e.key.as_str()));
        let message = match row {
            None => format!(
                "`{}` is not a Dateline field; kept as is and written back on export.",
                e.key
            ),
            Some((field, _)) => match chosen.iter().find(|(f, _, _)| f == field) {
                Some((_, key, line)) => format!(
                    "`{}` could give the {field}, but `{key}` (line {line}) gives it; `{}` is \
                     kept as is and written back on export.",
                    e.key, e.key
                ),
                None => format!(
                    "`{}` is empty, so it gives no {field}; kept as is and written back on \
                     export.",
                    e.key
                ),
            },
        };
        notes.push(Note {
            line: e.line,
            key: e.key.clone(),
            message,
        });
    }
    if !kept.is_empty() {
        let fence = block.format.fence();
        draft.front_matter_extra = Some(format!("{fence}\n{kept}{fence}\n"));
    }
    Ok(Parsed {
        draft,
        notes,
        field_lines,
    })
}

/// Takes the headline from a leading `# Headline` (or setext `Headline` + `===`) of `text`;
/// what follows it, without the blank lines after it, becomes the body.
fn headline_from_heading(
    text: &str,
    mut draft: ArticleDraft,
    first_line: usize,
) -> Result<ArticleDraft, ParseError> {
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let bare = line.trim_end();
        if bare.trim().is_empty() {
            offset += line.len();
            continue;
        }
        let heading = atx_h1(bare).map(|h| (h, line.len())).or_else(|| {
            let next = lines.peek()?;
            let underline = next.trim();
            let indent = bare.len() - bare.trim_start().len();
            (indent <= 3 && !underline.is_empty() && underline.chars().all(|c| c == '='))
                .then(|| (bare.trim().to_string(), line.len() + next.len()))
        });
        if let Some((headline, len)) = heading.filter(|(h, _)| !h.is_empty()) {
            let rest = &text[offset + len..];
            let rest = rest.trim_start_matches(['\n', '\r']);
            draft.headline = headline;
            draft.body = rest.to_string();
            return Ok(draft);
        }
        break;
    }
    Err(ParseError::new(
        first_line,
        "this file has no headline: add front matter with `headline: …` between --- lines, \
         or start the text with a line `# Headline`.",
    ))
}

/// The text of an ATX level-1 heading line (`# Title`, `# Title #`), if it is one.
fn atx_h1(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.trim_start_matches(' ').strip_prefix('#')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // A closing sequence of #s is not part of the heading.
    let without_close = rest.trim_end_matches('#');
    let text = if without_close.is_empty() || without_close.ends_with([' ', '\t']) {
        without_close.trim_end()
    } else {
        rest
    };
    Some(text.to_string())
}

#[derive(Debug)]
struct FmByline {
    name: String,
    role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FmBylineMap {
    name: String,
    #[serde(default)]
    role: Option<String>,
}

/// A byline is `{ name, role }` or, for short, just the name.
impl<'de> Deserialize<'de> for FmByline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FmByline;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a byline: a name, or `{ name: …, role: … }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<FmByline, E> {
                Ok(FmByline {
                    name: v.to_string(),
                    role: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<FmByline, A::Error> {
                let m = FmBylineMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FmByline {
                    name: m.name,
                    role: m.role,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Tags are a list, or for short one tag.
#[derive(Debug, Default)]
struct Tags(Vec<String>);

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Tags;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of tags, like [economy, mexico]")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Tags, E> {
                Ok(Tags(vec![v.to_string()]))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Tags, E> {
                Ok(Tags::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Tags, A::Error> {
                let mut tags = Vec::new();
                while let Some(t) = seq.next_element::<String>()? {
                    tags.push(t);
                }
                Ok(Tags(tags))
            }
        }
        d.deserialize_any(V)
    }
}

/// A status by machine name or newsroom label ("in_edit", "In edit").
#[derive(Debug, Default)]
struct FmStatus(Option<Status>);

impl<'de> Deserialize<'de> for FmStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = Option::<String>::deserialize(d)?;
        match s {
            None => Ok(FmStatus(None)),
            Some(s) => Status::parse(&s)
                .map(|st| FmStatus(Some(st)))
                .ok_or_else(|| {
                    let known: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                    de::Error::custom(format!(
                        "“{s}” is not a status; use one of {}",
                        known.join(", ")
                    ))
                }),
        }
    }
}

/// Bylines are a list of names or `{ name, role }` maps; for short, one name or one map.
#[derive(Debug, Default)]
struct Bylines(Vec<FmByline>);

impl<'de> Deserialize<'de> for Bylines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bylines;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bylines: a name, a list of names, or `{ name: …, role: … }` maps")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Bylines, E> {
                // "Ana and Luis" stays one name: splitting it is the desk's call, not ours.
                Ok(Bylines(vec![FmByline {
                    name: v.to_string(),
                    role: None,
                }]))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Bylines, E> {
                Ok(Bylines::default())
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<Bylines, E> {
                Ok(Bylines::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Bylines, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<FmByline>()? {
                    out.push(b);
                }
                Ok(Bylines(out))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Bylines, A::Error> {
                let b = FmByline::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bylines(vec![b]))
            }
        }
        d.deserialize_any(V)
    }
}

impl Workspace {
    /// Imports a Markdown file (front matter optional) as a new article, in one transaction:
    /// on any error nothing is stored, and the error names the file and line. Keys Dateline
    /// does not use are kept with the article and come back as warnings.
    pub fn import_markdown(&mut self, path: &Path) -> Result<ImportReport> {
        let text = read_text(path)?;
        let parsed = parse(&text).map_err(|e| e.at(path))?;
        let warnings = parsed.warnings(path);
        let article = self
            .create_article(parsed.draft.clone())
            .map_err(|e| match e {
                Error::DuplicateSlug(s) => ParseError::new(
                    parsed.line_of("slug"),
                    format!(
                        "the slug “{s}” is already used by another article in this desk. Change \
                     `slug:` in the front matter, or remove it to derive one from the headline."
                    ),
                )
                .at(path),
                Error::Invalid { field, message } => {
                    ParseError::new(parsed.line_of(field), format!("{field}: {message}")).at(path)
                }
                other => other,
            })?;
        Ok(ImportReport { article, warnings })
    }

    /// The article (by id or slug) as a Markdown file with its front matter.
    pub fn export_markdown(&self, key: &str) -> Result<String> {
        let a = self.article(key)?;
        Ok(export(&ArticleDraft::from(&a)))
    }

    /// Writes [`Workspace::export_markdown`] to `dest` through a temporary file renamed into
    /// place, so a crash leaves the old file or the new one, never half of one.
    pub fn export_markdown_to(&self, key: &str, dest: &Path) -> Result<()> {
        let text = self.export_markdown(key)?;
        crate::workspace::write_atomically(dest, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `text` and expects an error on `line` whose message contains `needle`.
    fn check_error(text: &str, line: usize, needle: &str) {
        let e = parse(text).expect_err(text);
        assert_eq!(e.line, line, "{text}\n→ {}", e.message);
        assert!(e.message.contains(needle), "{text}\n→ {}", e.message);
    }

    #[test]
    fn malformed_front_matter_names_the_line() {
        let cases = [
            (
                "---\nheadline: Hi\n\n\nbylines:\n  - nom: X\n---\n",
                6,
                "unknown field `nom`",
            ),
            ("---\nheadline: [unclosed\n---\nBody", 2, "not valid YAML"),
            (
                "---\nheadline: Hi\nstatus: lost\n---\n",
                3,
                "“lost” is not a status",
            ),
            ("---\nheadline: Hi\nheadline: Again\n---\n", 3, "duplicate"),
            (
                "---\nheadline: Hi\nlayout: a\nlayout: b\n---\n",
                4,
                "duplicate",
            ),
            ("---\nheadline: Hi\ntags: {a: 1}\n---\n", 3, "list of tags"),
            ("---\nheadline: Hi\ntags: 3\n---\n", 3, "list of tags"),
            ("---\ntitle: [a, b]\n---\n", 2, "not valid YAML"),
            ("---\nheadline: Hi\n", 1, "never closed"),
            ("---\n- a\n- b\n---\n", 2, "not valid YAML"),
            ("---\ndek: no headline\n---\n\nJust text.", 1, "no headline"),
            ("No heading here.\n\n# Late heading\n", 1, "no headline"),
            ("", 1, "the file is empty"),
            // TOML between +++ lines.
            ("+++\ntitle = \"Hi\"\n", 1, "with +++ is never closed"),
            ("+++\ntitle = \"Hi\"\nbad line\n+++\n", 3, "not valid TOML"),
            (
                "+++\ntitle = \"Hi\"\ntitle = \"Again\"\n+++\n",
                3,
                "not valid TOML",
            ),
            ("+++\ntitle = \"Hi\"\ntags = 3\n+++\n", 3, "`tags`"),
            ("+++\ntitle = 1984\n+++\n", 2, "`title`"),
            (
                "+++\ntitle = \"Hi\"\nstatus = \"lost\"\n+++\n",
                3,
                "not a status",
            ),
            ("+++\npath = \"x\"\n+++\n\nNo heading.", 1, "no headline"),
        ];
        for (text, line, needle) in cases {
            check_error(text, line, needle);
        }
    }

    fn check(text: &str, headline: &str, body: &str) {
        let d = parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .draft;
        assert_eq!(
            (d.headline.as_str(), d.body.as_str()),
            (headline, body),
            "{text}"
        );
    }

    #[test]
    fn headline_and_body_are_found() {
        let cases = [
            ("---\nheadline: Hola\n---\n\nCuerpo\n", "Hola", "Cuerpo\n"),
            ("---\nheadline: Hola\n---\nCuerpo", "Hola", "Cuerpo"),
            ("---\nheadline: Hola\n---\n\n\nDos", "Hola", "\nDos"),
            (
                "---\r\nheadline: Hola\r\n---\r\n\r\nCRLF\r\n",
                "Hola",
                "CRLF\r\n",
            ),
            ("\u{feff}---\nheadline: BOM\n---\n\nx", "BOM", "x"),
            ("# Title\n\nBody\n", "Title", "Body\n"),
            ("\n\n# Title #\nBody", "Title", "Body"),
            ("Setext title\n===\n\nBody", "Setext title", "Body"),
            (
                "---\nlanguage: es\n---\n\n# Desde el título\n\nTexto",
                "Desde el título",
                "Texto",
            ),
            ("# Keeps ## inner\n", "Keeps ## inner", ""),
        ];
        for (text, headline, body) in cases {
            check(text, headline, body);
        }
    }

    #[test]
    fn every_field_is_read() {
        let text = "---\n# a comment\nheadline: \"Diputados aprueban\"\ndek: Sí\nslug: diputados\n\
                    section: Política\ntags: [México, Congreso]\nlanguage: es-MX\n\
                    dateline: CIUDAD DE MÉXICO\nbylines:\n  - name: Ana Pérez\n    role: \
                    Corresponsal\n  - Luis Gómez\nstatus: In edit\n---\n\nTexto.\n";
        let d = parse(text).expect("valid").draft;
        assert_eq!(d.headline, "Diputados aprueban");
        assert_eq!(d.dek, "Sí");
        assert_eq!(d.slug.as_deref(), Some("diputados"));
        assert_eq!(d.section.as_deref(), Some("Política"));
        assert_eq!(d.tags, vec!["México", "Congreso"]);
        assert_eq!(d.language.as_deref(), Some("es-MX"));
        assert_eq!(d.dateline, "CIUDAD DE MÉXICO");
        assert_eq!(d.bylines.len(), 2);
        assert_eq!(d.bylines[0].role.as_deref(), Some("Corresponsal"));
        assert_eq!(d.bylines[1].name, "Luis Gómez");
        assert_eq!(d.status, Some(Status::InEdit));
        assert_eq!(d.body, "Texto.\n");
    }

    #[test]
    fn values_that_look_like_yaml_stay_text() {
        for tricky in [
            "yes",
            "null",
            "~",
            "1984",
            "0x1F",
            "- a",
            "a: b",
            "#hash",
            "'q'",
            "\"q\"",
            "[x]",
            "line\nbreak",
            "tab\there",
            "\u{2028}",
            "back\\slash",
            " lead",
            "trail ",
            "*ref",
            "&anchor",
            "!tag",
            "%",
            "@",
            "`",
            "|",
            ">",
        ] {
            // A headline is never blank, so it gets letters around the tricky part.
            let headline = format!("x{tricky}x");
            for extra in [None, Some("+++\nx = 1\n+++\n"), Some("---\nx: 1\n---\n")] {
                let d = ArticleDraft {
                    headline: headline.clone(),
                    dek: tricky.into(),
                    body: tricky.into(),
                    tags: vec![tricky.into()],
                    bylines: vec![Byline {
                        name: tricky.into(),
                        role: Some(tricky.into()),
                        author_id: None,
                    }],
                    front_matter_extra: extra.map(str::to_string),
                    ..Default::default()
                };
                let back = parse(&export(&d))
                    .unwrap_or_else(|e| panic!("{tricky:?} {extra:?}: {e:?}"))
                    .draft;
                assert_eq!(back, d, "{tricky:?} {extra:?}");
            }
        }
    }

    /// What a front matter gives: `(headline, dek, section, tags, language, bylines)`.
    type Fields<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
        Option<&'a str>,
        &'a [&'a str],
    );

    /// Parses `front_matter` (with its fences) and checks the fields and the keys kept.
    fn check_mapping(front_matter: &str, expected: Fields<'_>, kept: &[&str]) {
        let text = format!("{front_matter}\nBody\n");
        let p = parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let d = &p.draft;
        let bylines: Vec<&str> = d.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            (
                d.headline.as_str(),
                d.dek.as_str(),
                d.section.as_deref(),
                d.tags
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .as_slice(),
                d.language.as_deref(),
                bylines.as_slice(),
            ),
            expected,
            "{text}"
        );
        let noted: Vec<&str> = p.notes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(noted, kept, "{text}");
        assert_eq!(d.body, "Body\n");
    }

    #[test]
    fn foreign_keys_map_onto_dateline_fields() {
        check_mapping(
            "---\ntitle: T\nsubtitle: S\nsummary: Sum\nauthor: Ana and Luis\ncategory: News\n\
             lang: es\nkeywords: [a]\ncategories: [B, a]\nlayout: post\n---",
            (
                "T",
                "S",
                Some("News"),
                &["a", "B", "a"],
                Some("es"),
                &["Ana and Luis"],
            ),
            &["summary", "layout"],
        );
        // Dateline's own keys decide, even blank; the alternatives are kept.
        check_mapping(
            "---\nheadline: H\ntitle: T\ndek: \"\"\ndeck: D\nsection: S\ncategory: C\n\
             bylines: [X]\nauthors: [Y]\nlanguage: en\nlang: es\n---",
            ("H", "", Some("S"), &[], Some("en"), &["X"]),
            &["title", "deck", "category", "authors", "lang"],
        );
        // Blank alternatives give nothing and are kept; the next one speaks.
        check_mapping(
            "---\ntitle: T\ndeck: \"  \"\ndescription:\nexcerpt: E\nauthors: []\nauthor: Z\n---",
            ("T", "E", None, &[], None, &["Z"]),
            &["deck", "description", "authors"],
        );
        // Tags from every tag key, merged in order.
        check_mapping(
            "---\nheadline: H\ncategories: c\ntopics: [t]\ntags: [x]\n---",
            ("H", "", None, &["x", "t", "c"], None, &[]),
            &[],
        );
        check_mapping(
            "+++\ntitle = \"T\"\ndescription = \"D\"\nauthors = [\"Trevor Gross\"]\n\
             aliases = [\"a.html\"]\n\n[extra]\nteam = \"Lang\"\n+++",
            ("T", "D", None, &[], None, &["Trevor Gross"]),
            &["aliases", "extra"],
        );
    }

    #[test]
    fn kept_keys_come_back_verbatim_after_datelines_own() {
        let text = "---\n# Jekyll\nlayout: post\ntitle: \"T\"\ndate: 2024-04-16 # when\n\
                    excerpt: >\n  Folded\n  text\n---\nBody";
        let p = parse(text).expect("valid");
        assert_eq!(
            p.draft.front_matter_extra.as_deref(),
            Some("---\n# Jekyll\nlayout: post\ndate: 2024-04-16 # when\n---\n")
        );
        assert_eq!(p.draft.dek, "Folded text\n");
        let out = export(&p.draft);
        assert!(
            out.starts_with(
                "---\nheadline: \"T\"\ndek: \"Folded text\\n\"\n# Jekyll\nlayout: post\n"
            ),
            "{out}"
        );
        let back = parse(&out).expect("re-import").draft;
        assert_eq!(back, p.draft);
        assert_eq!(export(&back), out, "export is stable");
    }

    #[test]
    fn notes_name_the_line_of_the_key() {
        let p = parse(
            "---\n# about the layout\nlayout: post\ntitle: T\nexcerpt: E\ndescription: D\n---\n",
        )
        .expect("valid");
        let notes: Vec<(usize, &str)> = p
            .notes
            .iter()
            .map(|n| (n.line, n.message.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                (
                    3,
                    "`layout` is not a Dateline field; kept as is and written back on export."
                ),
                (
                    5,
                    "`excerpt` could give the dek, but `description` (line 6) gives it; \
                     `excerpt` is kept as is and written back on export."
                ),
            ]
        );
    }

    #[test]
    fn kept_front_matter_is_checked() {
        assert_eq!(check_kept("---\nlayout: post\n---\n"), Ok(()));
        assert_eq!(check_kept("+++\n[extra]\nteam = \"x\"\n+++\n"), Ok(()));
        for bad in [
            "layout: post",
            "---\nlayout: post\n",
            "---\nheadline: x\n---\n",
            "+++\ntopics = [\"x\"]\n+++\n",
            "+++\nbad line\n+++\n",
        ] {
            assert!(check_kept(bad).is_err(), "{bad}");
        }
    }
}

//! Parsing a Markdown file's text: the front matter split from the body, its keys mapped onto
//! Dateline's fields (foreign names included, see `MAPPING`), what is not used kept, and the
//! headline taken from a leading heading when no key gives it. Errors name the line.

use std::collections::BTreeSet;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::entries::{Block, Entry, Format};
use super::lenient::{Bylines, FmStatus, Tags};
use super::{Note, Parsed, MAPPING};
use crate::error::Error;
use crate::i18n::Text;
use crate::model::{ArticleDraft, Byline, Status};

/// What went wrong in a file's text, and on which line (1-based, of the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: Text,
}

impl ParseError {
    pub(crate) fn new(line: usize, message: impl Into<Text>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }

    /// The error of importing the file at `path`.
    pub fn at(self, path: &Path) -> Error {
        Error::BadImport {
            path: path.to_path_buf(),
            message: Text::new("import-at-line")
                .arg("line", self.line.to_string())
                .arg("message", self.message),
        }
    }
}

/// Parses a Markdown file's text into a draft and notes (see the module's round-trip rule).
pub fn parse(text: &str) -> std::result::Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::new(1, Text::new("import-empty")));
    }
    let (depth, line) = crate::markdown::nesting(text);
    if depth > crate::markdown::MAX_NESTING {
        return Err(ParseError::new(
            line,
            Text::new("import-too-deep")
                .arg("depth", depth)
                .arg("max", crate::markdown::MAX_NESTING),
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
        Text::new("import-never-closed").arg("fence", fence),
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
            None => Text::new("import-note-unknown-key").arg("key", &e.key),
            Some((field, _)) => match chosen.iter().find(|(f, _, _)| f == field) {
                Some((_, key, line)) => Text::new("import-note-other-key")
                    .arg("key", &e.key)
                    .arg("field", crate::error::field_name(field))
                    .arg("other", key.to_string())
                    .arg("line", line.to_string()),
                None => Text::new("import-note-empty-key")
                    .arg("key", &e.key)
                    .arg("field", crate::error::field_name(field)),
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
    Err(ParseError::new(first_line, Text::new("import-no-headline")))
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

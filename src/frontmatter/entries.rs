//! A front matter block cut into its top-level entries, each with its key, the file line of
//! that key and its source text, verbatim; and each entry's value read as a typed field.
//!
//! This is where the two front-matter formats differ: YAML (between `---` lines, read with
//! serde-saphyr) and TOML (between `+++` lines, read with the `toml` crate). Neither library
//! keeps source text, so the cut is made on lines and then checked by the libraries
//! themselves: the whole block must parse; each entry, parsed alone, must hold exactly its
//! own key; and the entries' keys must be the block's keys. A block that cannot be cut that way
//! (anchors and aliases between keys, a key spread over several places) is an error naming
//! its line, never a silent loss of text. Comment and blank lines just above a key travel with
//! that key.
//!
//! It does not decide what a key means to Dateline: that is the mapping in the parent room.

use std::collections::BTreeSet;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::ParseError;
use crate::i18n::Text;

/// The two front-matter formats Dateline reads and writes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines (Jekyll, Hugo, Dateline's own).
    Yaml,
    /// Between `+++` lines (Hugo, Zola).
    Toml,
}

impl Format {
    /// The line that opens and closes a block of this format.
    pub fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }
}

/// The text between the fences of a front matter, and where it sits in the file.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    pub format: Format,
    pub text: &'a str,
    /// The file line (1-based) of the block's first line.
    pub first_line: usize,
}

/// One top-level key of a block and its source text.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub key: String,
    /// The file line of the key itself (not of the comments above it).
    pub line: usize,
    /// The entry's lines, verbatim: comments and blank lines above the key, the key, its
    /// value, each line with its own line end.
    pub text: &'a str,
    /// The file line of `text`'s first line.
    first_line: usize,
}

/// The lines of `text` with their byte offsets, line ends included.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let start = offset;
            offset += l.len();
            (start, l)
        })
        .collect()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

impl<'a> Block<'a> {
    /// True when the block holds nothing but blank and comment lines.
    pub fn is_empty(&self) -> bool {
        self.text.lines().all(is_blank_or_comment)
    }

    /// The file line of byte `offset` of the block.
    fn line_at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.first_line + self.text[..offset].matches('\n').count()
    }

    /// Cuts the block into its entries, in the order they are written.
    pub fn entries(&self) -> Result<Vec<Entry<'a>>, ParseError> {
        if self.is_empty() {
            return Ok(Vec::new());
        }
        let keys = self.keys()?;
        let lines = lines(self.text);
        let candidates = self.candidate_lines(&lines)?;
        // Each candidate key line starts an entry; the comment and blank lines just above it
        // come with it. Lines before the first key belong to the first entry.
        let mut starts: Vec<(usize, usize)> = Vec::new(); // (first line index, key line index)
        for (n, &c) in candidates.iter().enumerate() {
            let mut start = c;
            if n == 0 {
                start = 0;
            } else {
                let floor = candidates[n - 1] + 1;
                while start > floor && is_blank_or_comment(lines[start - 1].1) {
                    start -= 1;
                }
            }
            starts.push((start, c));
        }
        let offset_of = |i: usize| lines.get(i).map_or(self.text.len(), |l| l.0);
        let mut entries: Vec<Entry<'a>> = Vec::new();
        // A candidate that does not parse on its own (a line inside a multi-line value that
        // looked like a key) is joined to the entry before it until the entry parses.
        let mut current: Option<(usize, usize)> = None;
        for (n, &(start, key_line)) in starts.iter().enumerate() {
            let (first, key_line) = current.unwrap_or((start, key_line));
            let end = starts
                .get(n + 1)
                .map_or(self.text.len(), |s| offset_of(s.0));
            let text = &self.text[offset_of(first)..end];
            match self.format.keys_of(text) {
                Ok(found) if found.len() == 1 => {
                    entries.push(Entry {
                        key: found.into_iter().next().unwrap_or_default(),
                        line: self.first_line + key_line,
                        text,
                        first_line: self.first_line + first,
                    });
                    current = None;
                }
                Ok(found) => {
                    return Err(ParseError::new(
                        self.first_line + key_line,
                        Text::new("import-keys-run-together")
                            .arg("count", found.len())
                            .arg("keys", found.join(", ")),
                    ))
                }
                Err(_) => current = Some((first, key_line)),
            }
        }
        if let Some((_, key_line)) = current {
            return Err(ParseError::new(
                self.first_line + key_line,
                Text::new("import-key-not-alone").arg("format", self.format.name()),
            ));
        }
        // The cut must account for every key of the block, once (TOML tables may come back).
        let mut seen: Vec<&str> = Vec::new();
        for e in &entries {
            if !seen.contains(&e.key.as_str()) {
                seen.push(&e.key);
            }
        }
        let same = match self.format {
            Format::Yaml => seen == keys.iter().map(String::as_str).collect::<Vec<_>>(),
            Format::Toml => {
                seen.iter().copied().collect::<BTreeSet<_>>()
                    == keys.iter().map(String::as_str).collect::<BTreeSet<_>>()
            }
        };
        if !same {
            return Err(ParseError::new(
                self.first_line,
                Text::new("import-keys-not-separable").arg("format", self.format.name()),
            ));
        }
        Ok(entries)
    }

    /// The block's top-level keys, checking its syntax; errors name the file line.
    fn keys(&self) -> Result<Vec<String>, ParseError> {
        match self.format {
            Format::Yaml => yaml::<KeyList>(self.text)
                .map(|k| k.0)
                .map_err(|(line, message)| {
                    ParseError::new(self.first_line + line.saturating_sub(1), message)
                }),
            Format::Toml => toml_keys(self.text)
                .map(|ks| ks.into_iter().map(|(k, _)| k).collect())
                .map_err(|e| self.toml_error(&e)),
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ParseError {
        let line = e.span().map_or(self.first_line, |s| self.line_at(s.start));
        ParseError::new(
            line,
            Text::new("import-not-valid-toml")
                .arg("detail", e.message().trim().trim_end_matches('.')),
        )
    }

    /// Line indices that may start a top-level key.
    fn candidate_lines(&self, lines: &[(usize, &str)]) -> Result<Vec<usize>, ParseError> {
        Ok(match self.format {
            Format::Yaml => lines
                .iter()
                .enumerate()
                .filter(|(_, (_, l))| {
                    let mut chars = l.chars();
                    match chars.next() {
                        None | Some(' ' | '\t' | '\r' | '\n' | '#') => false,
                        // A block sequence may sit at the left margin under its key.
                        Some('-') => !matches!(chars.next(), None | Some(' ' | '\t' | '\r' | '\n')),
                        Some(_) => true,
                    }
                })
                .map(|(i, _)| i)
                .collect(),
            Format::Toml => {
                let key_offsets = toml_keys(self.text).map_err(|e| self.toml_error(&e))?;
                let line_of = |offset: usize| {
                    lines
                        .partition_point(|(start, _)| *start <= offset)
                        .saturating_sub(1)
                };
                let mut set: BTreeSet<usize> =
                    key_offsets.into_iter().map(|(_, o)| line_of(o)).collect();
                // Table headers that extend a table named earlier (`[extra.more]` after
                // `[[bylines]]`) are not among the top-level keys: every line that opens
                // with `[` may start one. Those inside a multi-line array are joined back.
                set.extend(
                    lines
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, l))| l.trim_start().starts_with('['))
                        .map(|(i, _)| i),
                );
                set.into_iter().collect()
            }
        })
    }
}

impl Format {
    /// The top-level keys of `text` parsed on its own.
    fn keys_of(self, text: &str) -> Result<Vec<String>, ()> {
        match self {
            Format::Yaml => yaml::<KeyList>(text).map(|k| k.0).map_err(|_| ()),
            Format::Toml => toml_keys(text)
                .map(|ks| ks.into_iter().map(|(k, _)| k).collect())
                .map_err(|_| ()),
        }
    }
}

impl Entry<'_> {
    /// The value of a key as a `T`, from its entries read together (a TOML table may be
    /// extended further down); errors name the file line.
    pub fn value_of<T: DeserializeOwned>(parts: &[&Self], format: Format) -> Result<T, ParseError> {
        let text: String = parts.iter().map(|e| e.text).collect();
        // Maps a line of the joined text back to the file.
        let file_line = |line_in_text: usize| {
            let mut remaining = line_in_text.saturating_sub(1);
            for e in parts {
                let n = e.text.matches('\n').count().max(1);
                if remaining < n {
                    return e.first_line + remaining;
                }
                remaining -= n;
            }
            parts.first().map_or(1, |e| e.line)
        };
        let key = parts.first().map(|e| e.key.clone()).unwrap_or_default();
        let map: Result<std::collections::BTreeMap<String, T>, ParseError> = match format {
            Format::Yaml => yaml(&text).map_err(|(line, m)| ParseError::new(file_line(line), m)),
            Format::Toml => toml::from_str(&text).map_err(|e| {
                let line = e.span().map_or(1, |s| {
                    text[..s.start.min(text.len())].matches('\n').count() + 1
                });
                ParseError::new(
                    file_line(line),
                    Text::new("import-key-problem")
                        .arg("key", key.as_str())
                        .arg("detail", e.message().trim().trim_end_matches('.')),
                )
            }),
        };
        map?.remove(&key).ok_or_else(|| {
            ParseError::new(
                parts.first().map_or(1, |e| e.line),
                Text::new("import-key-no-value").arg("key", key.as_str()),
            )
        })
    }
}

/// Parses YAML as Dateline does everywhere: strict booleans, duplicate keys refused. Errors
/// are `(line in text, message for a journalist)`.
fn yaml<T: DeserializeOwned>(text: &str) -> Result<T, (usize, Text)> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let line = e
            .location()
            .map(|l| l.line() as usize)
            .filter(|&l| l > 0)
            .unwrap_or(1);
        (line, yaml_message(&e))
    })
}

/// The YAML library's message without its own (block-relative) position.
fn yaml_message(e: &serde_saphyr::Error) -> Text {
    let rendered = e.render_with_options(serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    });
    let message = match rendered.rfind(" at line ") {
        Some(i) => &rendered[..i],
        None => &rendered,
    };
    let message = message.trim();
    if message.contains("unknown field") {
        // serde names the allowed keys already; say what to do about it.
        Text::new("import-unknown-key").arg("detail", message)
    } else {
        Text::new("import-not-valid-yaml").arg("detail", message)
    }
}

/// The top-level keys of a TOML text with the byte offset of each key, in written order.
fn toml_keys(text: &str) -> Result<Vec<(String, usize)>, toml::de::Error> {
    let table = toml::de::DeTable::parse(text)?;
    let mut keys: Vec<(String, usize)> = table
        .get_ref()
        .iter()
        .map(|(k, _)| (k.get_ref().to_string(), k.span().start))
        .collect();
    keys.sort_by_key(|(_, at)| *at);
    Ok(keys)
}

/// The keys of a YAML mapping, in written order; values are checked for syntax only.
struct KeyList(Vec<String>);

impl<'de> de::Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("keys and values (`headline: …` on each line)")
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyList, E> {
                Ok(KeyList(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(k);
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cuts `text` as a block of `format` and returns `(key, key line, text)` per entry.
    fn cut(format: Format, text: &str) -> Vec<(String, usize, String)> {
        Block {
            format,
            text,
            first_line: 2,
        }
        .entries()
        .unwrap_or_else(|e| panic!("{text}: {e:?}"))
        .into_iter()
        .map(|e| (e.key, e.line, e.text.to_string()))
        .collect()
    }

    fn check(format: Format, text: &str, expected: &[(&str, usize, &str)]) {
        let got = cut(format, text);
        let got: Vec<(&str, usize, &str)> = got
            .iter()
            .map(|(k, l, t)| (k.as_str(), *l, t.as_str()))
            .collect();
        assert_eq!(got, expected, "{text}");
        let joined: String = got.iter().map(|e| e.2).collect();
        assert_eq!(joined, text, "every byte is in exactly one entry");
    }

    #[test]
    fn yaml_entries_keep_their_lines_and_comments() {
        check(
            Format::Yaml,
            "title: A\ntags:\n- x\n- y\n# about b\n\nb: |\n  two\n  lines\nc: [1,\n2]\n",
            &[
                ("title", 2, "title: A\n"),
                ("tags", 3, "tags:\n- x\n- y\n"),
                ("b", 8, "# about b\n\nb: |\n  two\n  lines\n"),
                ("c", 11, "c: [1,\n2]\n"),
            ],
        );
        check(
            Format::Yaml,
            "# lead\ntitle: A\r\nx: 1\r\n\r\n",
            &[
                ("title", 3, "# lead\ntitle: A\r\n"),
                ("x", 4, "x: 1\r\n\r\n"),
            ],
        );
    }

    #[test]
    fn toml_entries_keep_tables_and_multiline_values() {
        check(
            Format::Toml,
            "title = \"\"\"a\n[b]\n\"\"\"\nauthors = [\"T\",\n  [\"U\"]]\n\n[extra]\nteam = \"x\"\n\
             [[bylines]]\nname = \"n\"\n[extra.more]\nz = 1\n",
            &[
                ("title", 2, "title = \"\"\"a\n[b]\n\"\"\"\n"),
                ("authors", 5, "authors = [\"T\",\n  [\"U\"]]\n"),
                ("extra", 8, "\n[extra]\nteam = \"x\"\n"),
                ("bylines", 10, "[[bylines]]\nname = \"n\"\n"),
                ("extra", 12, "[extra.more]\nz = 1\n"),
            ],
        );
    }

    #[test]
    fn blocks_that_cannot_be_cut_name_a_line() {
        let cases = [
            (Format::Yaml, "a: &x 1\nb: *x\n", 3),
            (Format::Yaml, "{a: 1, b: 2}\n", 2),
            (Format::Toml, "a = 1\nb = [\n", 3),
        ];
        for (format, text, line) in cases {
            let e = Block {
                format,
                text,
                first_line: 2,
            }
            .entries()
            .expect_err(text);
            assert_eq!(e.line, line, "{text}: {}", e.message);
        }
    }
}

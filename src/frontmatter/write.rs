//! Writing an article as a Markdown file: Dateline's keys first, every string quoted, then
//! the kept front matter in its own format, then the body byte for byte.

use std::collections::BTreeSet;

use super::entries::{Block, Format};
use super::{KEYS, MAPPING};
use crate::model::{ArticleDraft, Byline};

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

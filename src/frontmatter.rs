//! Markdown files in and out: an article as a `.md` file whose YAML front matter holds its
//! fields (`headline`, `dek`, `slug`, `section`, `tags`, `language`, `dateline`, `bylines`,
//! `status`) and whose text is the body.
//!
//! This is the only room that imports a YAML library (serde-saphyr, which only reads; the
//! few lines we write are composed here, every value double-quoted, so a headline that looks
//! like a number, a boolean or YAML syntax stays text). It checks a file before anything
//! is stored — its size, its encoding, its front matter — and says which file and which line
//! is wrong; [`Workspace::import_markdown`] then creates the article in one transaction, so
//! nothing is ever half-imported. It does not know photos: a hero and its crops belong to the
//! desk, not to the file, and are neither written nor read.
//!
//! **Round trip.** `import(export(a))` gives back every field the file carries, and the body
//! byte for byte. The only normalization is on the way in: a UTF-8 byte-order mark is
//! dropped; the front matter and the one blank line after its closing `---` are not body;
//! in a file without front matter the leading `# Headline` (or `Headline` + `===`) and the
//! blank lines after it are not body. Nothing else is touched: no trailing newline is added
//! or removed, and CRLF line ends stay CRLF.

use std::io::Read;
use std::path::Path;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Article, ArticleDraft, Byline, Status};
use crate::workspace::Workspace;

/// The largest Markdown file an import reads. Larger files are refused before being read.
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;

/// The keys a Dateline front matter may hold, in the order export writes them.
pub const KEYS: &[&str] = &[
    "headline", "dek", "slug", "section", "tags", "language", "dateline", "bylines", "status",
];

/// Reads a Markdown file into an article draft, without storing anything.
pub fn import_file(path: &Path) -> Result<ArticleDraft> {
    let text = read_text(path)?;
    parse(&text).map_err(|e| e.at(path))
}

/// Writes an article as a Markdown file with YAML front matter (see the module's round-trip
/// rule). The hero is not written: it names photos of this desk.
pub fn export(a: &ArticleDraft) -> String {
    let mut out = String::with_capacity(a.body.len() + 512);
    out.push_str("---\n");
    field(&mut out, "headline", &a.headline);
    if !a.dek.is_empty() {
        field(&mut out, "dek", &a.dek);
    }
    if let Some(slug) = &a.slug {
        field(&mut out, "slug", slug);
    }
    if let Some(section) = &a.section {
        field(&mut out, "section", section);
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| quote(t)).collect();
        out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    if let Some(language) = &a.language {
        field(&mut out, "language", language);
    }
    if !a.dateline.is_empty() {
        field(&mut out, "dateline", &a.dateline);
    }
    if !a.bylines.is_empty() {
        out.push_str("bylines:\n");
        for b in &a.bylines {
            out.push_str(&format!("  - name: {}\n", quote(&b.name)));
            if let Some(role) = &b.role {
                out.push_str(&format!("    role: {}\n", quote(role)));
            }
        }
    }
    if let Some(status) = a.status {
        out.push_str(&format!("status: {}\n", status.as_str()));
    }
    out.push_str("---\n\n");
    out.push_str(&a.body);
    out
}

fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(": ");
    out.push_str(&quote(value));
    out.push('\n');
}

/// A YAML double-quoted scalar. Everything that is not plainly printable on one line is
/// escaped, including the characters YAML 1.1 readers take for line breaks (NEL, LS, PS).
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
    String::from_utf8(bytes).map_err(|e| {
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
    })
}

/// What went wrong in a file's text, and on which line (1-based, of the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl ParseError {
    fn new(line: usize, message: impl Into<String>) -> Self {
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

/// Parses a Markdown file's text into a draft (see the module's round-trip rule).
pub fn parse(text: &str) -> Result<ArticleDraft, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("").trim_end();
    if first == "+++" {
        return Err(ParseError::new(
            1,
            "this front matter is TOML (between +++ lines); Dateline reads YAML front matter \
             between --- lines, with the keys "
                .to_string()
                + &KEYS.join(", ")
                + ".",
        ));
    }
    if first != "---" {
        return headline_from_heading(text, ArticleDraft::default(), 1);
    }
    let (yaml, body) = split_front_matter(text)?;
    let fm = read_front_matter(yaml)?;
    let draft = ArticleDraft {
        headline: fm.headline.unwrap_or_default(),
        dek: fm.dek.unwrap_or_default(),
        body: body.to_string(),
        dateline: fm.dateline.unwrap_or_default(),
        section: fm.section,
        tags: fm.tags.0,
        language: fm.language,
        status: fm.status.0,
        slug: fm.slug,
        bylines: fm
            .bylines
            .into_iter()
            .map(|b| Byline {
                name: b.name,
                role: b.role,
                author_id: None,
            })
            .collect(),
        hero: None,
    };
    if draft.headline.trim().is_empty() {
        // The headline is missing from the front matter: a leading `# Headline` will do.
        return headline_from_heading(body, draft, 1);
    }
    Ok(draft)
}

/// Splits `---\n yaml ---\n body` into the YAML and the body (without the one blank line
/// after the closing delimiter).
fn split_front_matter(text: &str) -> Result<(&str, &str), ParseError> {
    let mut offset = 0;
    let mut yaml_start = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if n == 0 {
            yaml_start = Some(offset);
            continue;
        }
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &text[yaml_start.unwrap_or(0)..start];
            let rest = &text[offset..];
            let body = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .unwrap_or(rest);
            return Ok((yaml, body));
        }
    }
    Err(ParseError::new(
        1,
        "the front matter that opens on line 1 with --- is never closed: add a line with \
         just --- after its last key.",
    ))
}

/// The front matter's YAML (its first line is the file's line 2).
fn read_front_matter(yaml: &str) -> Result<FrontMatter, ParseError> {
    const FIRST_LINE: usize = 2;
    let has_content = yaml.lines().any(|l| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#')
    });
    if !has_content {
        return Ok(FrontMatter::default());
    }
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<FrontMatter>(yaml, options).map_err(|e| {
        let line = e
            .location()
            .map(|l| l.line() as usize)
            .filter(|&l| l > 0)
            .unwrap_or(1);
        ParseError::new(line + FIRST_LINE - 1, yaml_message(&e))
    })
}

/// The YAML library's message without its own (front-matter-relative) position.
fn yaml_message(e: &serde_saphyr::Error) -> String {
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
        format!("{message}. Remove that key or rename it to one Dateline knows.")
    } else {
        format!("the front matter is not valid YAML for Dateline: {message}.")
    }
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    headline: Option<String>,
    dek: Option<String>,
    slug: Option<String>,
    section: Option<String>,
    #[serde(default)]
    tags: Tags,
    language: Option<String>,
    dateline: Option<String>,
    #[serde(default)]
    bylines: Vec<FmByline>,
    #[serde(default)]
    status: FmStatus,
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

/// The line of the front matter where `key:` is written, for errors found after parsing.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.lines().next().map(str::trim_end) != Some("---") {
        return None;
    }
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| !matches!(l.trim_end(), "---" | "..."))
        .find(|(_, l)| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|(n, _)| n + 1)
}

impl Workspace {
    /// Imports a Markdown file (YAML front matter optional) as a new article, in one
    /// transaction: on any error nothing is stored, and the error names the file and line.
    pub fn import_markdown(&mut self, path: &Path) -> Result<Article> {
        let text = read_text(path)?;
        let draft = parse(&text).map_err(|e| e.at(path))?;
        self.create_article(draft).map_err(|e| {
            let line = |key: &str| key_line(&text, key).unwrap_or(1);
            match e {
                Error::DuplicateSlug(s) => ParseError::new(
                    line("slug"),
                    format!(
                        "the slug “{s}” is already used by another article in this desk. \
                         Change `slug:` in the front matter, or remove it to derive one from \
                         the headline."
                    ),
                )
                .at(path),
                Error::Invalid { field, message } => {
                    ParseError::new(line(field), format!("{field}: {message}")).at(path)
                }
                other => other,
            }
        })
    }

    /// The article (by id or slug) as a Markdown file with YAML front matter.
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
                "---\nheadline: Hi\ntitle: Old\n---\nBody",
                3,
                "unknown field `title`",
            ),
            (
                "---\nheadline: Hi\ntitle: Old\n---\nBody",
                3,
                "expected one of headline, dek, slug",
            ),
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
            ("---\nheadline: Hi\ntags: {a: 1}\n---\n", 3, "list of tags"),
            ("---\nheadline: Hi\n", 1, "never closed"),
            ("+++\ntitle = \"x\"\n+++\n", 1, "TOML"),
            ("---\ndek: no headline\n---\n\nJust text.", 1, "no headline"),
            ("No heading here.\n\n# Late heading\n", 1, "no headline"),
            ("", 1, "no headline"),
        ];
        for (text, line, needle) in cases {
            check_error(text, line, needle);
        }
    }

    fn check(text: &str, headline: &str, body: &str) {
        let d = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
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
        let d = parse(text).expect("valid");
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
            let d = ArticleDraft {
                headline: headline.clone(),
                dek: tricky.into(),
                body: tricky.into(),
                tags: vec![tricky.into()],
                ..Default::default()
            };
            let back = parse(&export(&d)).unwrap_or_else(|e| panic!("{tricky:?}: {e:?}"));
            assert_eq!(back.headline, headline);
            assert_eq!(back.dek, tricky);
            assert_eq!(back.body, tricky);
            assert_eq!(back.tags, vec![tricky.to_string()]);
        }
    }
}

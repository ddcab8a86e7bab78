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
//! file and which line is wrong; `Workspace::import_markdown` then creates the article in one
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
mod lenient;
mod parse;
mod read;
mod write;

use std::path::Path;

use crate::error::Result;
use crate::model::{ArticleDraft, ImportWarning};
pub use entries::Format;
pub use parse::{parse, ParseError};
pub use read::read_text;
pub use write::{check_kept, export};

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
    pub message: crate::i18n::Text,
}

impl Parsed {
    /// The notes as import warnings naming the file and line.
    pub fn warnings(&self, path: &Path) -> Vec<ImportWarning> {
        self.notes
            .iter()
            .map(|n| ImportWarning {
                line: u32::try_from(n.line).unwrap_or(u32::MAX),
                key: n.key.clone(),
                message: crate::i18n::Text::new("import-warning")
                    .arg("path", path)
                    .arg("line", n.line.to_string())
                    .arg("message", n.message.clone())
                    .render(crate::i18n::interface_language()),
            })
            .collect()
    }

    pub(crate) fn line_of(&self, field: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Byline, Status};

    /// Parses `text` and expects an error on `line` whose message contains `needle`.
    fn check_error(text: &str, line: usize, needle: &str) {
        let e = parse(text).expect_err(text);
        assert_eq!(e.line, line, "{text}\n→ {}", e.message);
        assert!(
            e.message.to_string().contains(needle),
            "{text}\n→ {}",
            e.message
        );
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
        let owned: Vec<(usize, String)> = p
            .notes
            .iter()
            .map(|n| (n.line, n.message.to_string()))
            .collect();
        let notes: Vec<(usize, &str)> = owned.iter().map(|(l, m)| (*l, m.as_str())).collect();
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

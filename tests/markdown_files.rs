//! Markdown files in and out (issue 3): round trips over every fixture article and over
//! generated articles, and import errors that name the file and line and store nothing.

use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use dateline::frontmatter;
use dateline::model::{ArticleDraft, Byline, Status};
use dateline::{ErrorCode, Workspace};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles")
}

fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::open(dir.path()).expect("open desk");
    (dir, ws)
}

/// The fields a Markdown file carries, as the desk stores them.
fn carried(a: &dateline::model::Article) -> ArticleDraft {
    let mut d = ArticleDraft::from(a);
    d.hero = None;
    for b in &mut d.bylines {
        b.author_id = None;
    }
    d
}

/// Every fixture article, imported as it is. `(file, headline, body starts with, text the
/// export must hold: foreign keys kept)`.
const FIXTURES: &[(&str, &str, &str, &[&str])] = &[
    (
        "18f-how-to-use-more-open-source.md",
        "How to use more open source in your next federal IT acquisition",
        "The history of open source",
        &[
            "---\n",
            "layout: post\n",
            "excerpt: The history of open source",
        ],
    ),
    (
        "18f-micro-purchase-design-philosophy.md",
        "Micro-purchase’s design philosophy: Do one thing well",
        "Though we pride ourselves",
        &["excerpt: \"Rather than wait"],
    ),
    (
        "digitalgov-true-value-of-a-website.md",
        "Determining the true value of a website: A GSA case study",
        "## Cleaning up",
        &[
            "date: 2024-04-16\n",
            "summary: GSA has developed",
            "primary_image: \n",
            "# 1 -- visible\nweight: 1\n",
        ],
    ),
    (
        "rustblog-i128-layout-update.md",
        "Changes to `u128`/`i128` layout in 1.77 and 1.78",
        "Rust has long had",
        &[
            "+++\n",
            "path = \"2024/03/30/i128-layout-update\"\n",
            "aliases = [\"2024/03/30/i128-layout-update.html\"]\n",
            "[extra]\nteam = \"The Rust Lang Team\"\n",
        ],
    ),
    (
        "rustblog-test-infra-jan-feb-2025.md",
        "This Month in Our Test Infra: January and February 2025",
        "# This Month in Our Test Infra",
        &["+++\n", "[extra]\nteam = \"the Bootstrap Team\"\n"],
    ),
    (
        "rustblog-what-do-people-love-about-rust.md",
        "What do people love about Rust?",
        "Rust has been named",
        &["+++\n", "[extra]\nteam = \"Vision Doc group\"\n"],
    ),
    (
        "synthetic-long-article-10k.md",
        "Synthetic long article",
        "The history of open source",
        &["---\n"],
    ),
];

/// The body by the documented rule, computed apart from the importer: everything after the
/// closing fence of the front matter and the one blank line after it; in a file without
/// front matter, everything after the leading `# Headline` line and the blank lines after it.
fn expected_body(text: &str) -> &str {
    for fence in ["---\n", "+++\n"] {
        if let Some(rest) = text.strip_prefix(fence) {
            let end = rest
                .find(&format!("\n{fence}"))
                .expect("closed front matter");
            let body = &rest[end + 1 + fence.len()..];
            return body.strip_prefix('\n').unwrap_or(body);
        }
    }
    let after_heading = text.split_once('\n').map_or("", |(_, rest)| rest);
    after_heading.trim_start_matches('\n')
}

#[test]
fn every_fixture_round_trips_with_its_front_matter_issue_3() {
    let listed: Vec<&str> = FIXTURES.iter().map(|f| f.0).collect();
    for entry in std::fs::read_dir(fixtures()).expect("fixtures") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".md") && name != "SOURCES.md" && name != "stress-1mb.md" {
            assert!(
                listed.contains(&name.as_str()),
                "fixture {name} is not in the test"
            );
        }
    }
    let (dir, mut ws) = desk();
    let (_other_dir, mut other) = desk();
    for (file, headline, starts, kept) in FIXTURES {
        let original = std::fs::read_to_string(fixtures().join(file)).expect("fixture");
        let body = expected_body(&original);
        assert!(body.starts_with(starts), "{file}: {:?}", &body[..40]);

        let report = ws
            .import_markdown(&fixtures().join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let a = &report.article;
        assert_eq!(a.headline, *headline, "{file}");
        assert!(a.body == body, "{file}: body differs after import");

        let exported = ws.export_markdown(&a.slug).expect("export");
        for k in *kept {
            assert!(
                exported.contains(k),
                "{file}: {k:?} not kept in\n{exported:.1500}"
            );
        }
        let again = frontmatter::parse(&exported).expect("re-import").draft;
        assert_eq!(again, carried(a), "{file}");
        assert!(
            again.body == body,
            "{file}: body differs after the round trip"
        );
        // Exporting the re-imported draft gives the same file, byte for byte.
        assert_eq!(frontmatter::export(&again), exported, "{file}");

        // And through a second desk, as a correspondent would carry the file.
        let path = dir.path().join(file);
        std::fs::write(&path, &exported).expect("write");
        let b = other
            .import_markdown(&path)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(carried(&b.article), carried(a), "{file}");
        assert!(b.warnings.len() == report.warnings.len(), "{file}");
    }
}

#[test]
fn foreign_front_matter_is_mapped_issue_3() {
    let (_dir, mut ws) = desk();
    let r = ws
        .import_markdown(&fixtures().join("18f-how-to-use-more-open-source.md"))
        .expect("18F");
    let a = &r.article;
    let names: Vec<&str> = a.bylines.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["robert", "eric"]);
    assert_eq!(
        a.tags,
        ["open source", "acquisition services", "best practices"]
    );
    assert!(a.dek.starts_with("The history of open source software"));

    let r = ws
        .import_markdown(&fixtures().join("digitalgov-true-value-of-a-website.md"))
        .expect("digital.gov");
    let a = &r.article;
    assert_eq!(a.dek, "It’s more complicated than you might think");
    assert_eq!(a.tags, ["analytics", "usability", "customer-experience"]);
    assert_eq!(
        a.slug,
        "determining-the-true-value-of-a-website-a-gsa-case-study"
    );

    let r = ws
        .import_markdown(&fixtures().join("rustblog-i128-layout-update.md"))
        .expect("Rust blog");
    let a = &r.article;
    assert_eq!(a.bylines[0].name, "Trevor Gross");
    assert!(a
        .front_matter_extra
        .as_deref()
        .is_some_and(|x| x.starts_with("+++\npath = ") && x.ends_with("\n+++\n")));
}

#[test]
fn unknown_keys_are_warnings_naming_file_and_line_issue_3() {
    let (_dir, mut ws) = desk();
    let cases: &[(&str, &[(u32, &str)])] = &[
        (
            "18f-how-to-use-more-open-source.md",
            &[(3, "layout"), (12, "excerpt")],
        ),
        (
            "digitalgov-true-value-of-a-website.md",
            &[
                (2, "date"),
                (5, "summary"),
                (20, "primary_image"),
                (25, "weight"),
            ],
        ),
        (
            "rustblog-i128-layout-update.md",
            &[(2, "path"), (5, "aliases"), (7, "extra")],
        ),
        ("synthetic-long-article-10k.md", &[]),
    ];
    for (file, expected) in cases {
        let r = ws
            .import_markdown(&fixtures().join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<(u32, &str)> = r
            .warnings
            .iter()
            .map(|w| (w.line, w.key.as_str()))
            .collect();
        assert_eq!(got, *expected, "{file}");
        for w in &r.warnings {
            assert!(
                w.message.contains(file)
                    && w.message.contains(&format!("line {}: `{}`", w.line, w.key))
                    && w.message.contains("written back on export"),
                "{}",
                w.message
            );
        }
    }
}

#[test]
fn a_fixture_without_a_headline_is_refused_clearly_issue_3() {
    let (_dir, mut ws) = desk();
    let e = ws
        .import_markdown(&fixtures().join("stress-1mb.md"))
        .expect_err("no headline");
    assert_eq!(e.code(), ErrorCode::BadImport);
    let message = e.to_string();
    assert!(message.contains("stress-1mb.md"), "{message}");
    assert!(
        message.contains("line 1: this file has no headline"),
        "{message}"
    );
    assert!(ws.is_empty().expect("count"), "nothing was stored");
}

/// A small deterministic generator: the same cases on every run, no extra dependency.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn text(&mut self, max_parts: u64) -> String {
        const PARTS: &[&str] = &[
            "Peña",
            "Diputados",
            "aprueban",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\n\n",
            "---",
            "--- ",
            "...",
            "\"",
            "'",
            ":",
            ": ",
            "#",
            "# ",
            "- ",
            "* ",
            "[",
            "]",
            "{",
            "}",
            "&",
            "*",
            "!",
            "%",
            "@",
            "`",
            "|",
            ">",
            "yes",
            "no",
            "null",
            "~",
            "1984",
            "0x1F",
            "1e3",
            "«",
            "»",
            "—",
            "\t",
            "\\",
            "\u{a0}",
            "\u{2028}",
            "\u{85}",
            "\u{feff}",
            "é",
            "ñ",
            "日本",
            "🙂",
            "<script>",
            "+++",
            "key: value",
            "\u{7}",
        ];
        let n = 1 + self.next() % max_parts;
        (0..n).map(|_| self.pick(PARTS)).collect()
    }
}

/// Front matter an article may keep from a foreign file: none, YAML, TOML, with comments,
/// tables and alternatives of Dateline's fields that must stay unused.
const KEPT: &[Option<&str>] = &[
    None,
    Some("---\nlayout: post\n---\n"),
    Some("---\n# why\nexcerpt: >\n  folded\ntitle: Old\nauthor: X\ncategory: C\nlang: fr\n\n---\n"),
    Some("+++\npath = \"a/b\"\n\n[extra]\nteam = \"T\"\n+++\n"),
    Some("+++\ndescription = \"\"\"\nx\n\"\"\"\nauthors = [\"Y\"]\n[[more]]\nn = 1\n+++\n"),
];

#[test]
fn generated_articles_round_trip_through_a_desk_issue_3() {
    let (dir, mut ws) = desk();
    let (_other_dir, mut other) = desk();
    let mut g = Gen(0x5EED_1234_ABCD_0001);
    for case in 0..150 {
        let headline = format!("Case {case} {}", g.text(6));
        let draft = ArticleDraft {
            headline,
            dek: g.text(8),
            body: g.text(40),
            dateline: g.text(3),
            section: (g.next() % 2 == 0).then(|| format!("Sección {}", g.text(2))),
            tags: (0..g.next() % 4).map(|_| g.text(3)).collect(),
            language: Some(g.pick(&["en", "es", "es-MX", "pt-BR"]).to_string()),
            status: Some(Status::ALL[(g.next() % 7) as usize]),
            slug: None,
            bylines: (0..g.next() % 3)
                .map(|_| Byline {
                    name: g.text(3),
                    role: (g.next() % 2 == 0).then(|| g.text(2)),
                    author_id: None,
                })
                .collect(),
            hero: None,
            front_matter_extra: KEPT[(g.next() % KEPT.len() as u64) as usize].map(str::to_string),
        };
        let a = ws.create_article(draft).expect("create");
        let path = dir.path().join(format!("case-{case}.md"));
        ws.export_markdown_to(&a.slug, &path).expect("export");
        let b = other
            .import_markdown(&path)
            .unwrap_or_else(|e| panic!("case {case}: {e}\n{:?}", std::fs::read(&path)));
        assert_eq!(carried(&b.article), carried(&a), "case {case}");
    }
}

#[test]
fn import_errors_name_file_and_line_and_store_nothing() {
    let (dir, mut ws) = desk();
    ws.create_article(ArticleDraft {
        headline: "Taken".into(),
        slug: Some("taken".into()),
        ..Default::default()
    })
    .expect("first article");
    let cases: &[(&[u8], &str)] = &[
        (
            b"---\nheadline: A\ntags: 3\n---\n",
            "line 3: the front matter is not valid YAML",
        ),
        (b"---\ntitle: A\nauthors:\n  - [x]\n---\n", "line 4:"),
        (
            b"+++\ntitle = \"A\"\nlayout = post\n+++\n",
            "line 3: the front matter is not valid TOML",
        ),
        (b"+++\ntitle = \"A\"\ntags = 3\n+++\n", "line 3: `tags`"),
        (
            b"+++\ntitle = \"A\"\nslug = \"taken\"\n+++\n",
            "line 3: the slug “taken” is already used",
        ),
        (
            b"+++\ntitle = \"A\"\nlang = \"english!\"\n+++\n",
            "line 3: language:",
        ),
        (
            b"+++\ntitle = \"A\"\n",
            "line 1: the front matter that opens on line 1 with +++ is never closed",
        ),
        (
            b"---\nheadline: A\nslug: taken\n---\n",
            "line 3: the slug “taken” is already used",
        ),
        (
            b"---\nheadline: A\nlanguage: spanish!\n---\n",
            "line 3: language:",
        ),
        (
            b"---\nheadline: A\nslug: Not A Slug!\n---\n",
            "line 3: slug",
        ),
        (b"---\nheadline: A\ntags: [a, b\n---\n", "line 3"),
        (b"---\nheadline: \"A\n---\n", "line 2"),
        (
            b"---\ndek: only a dek\n---\n\ntext",
            "line 1: this file has no headline",
        ),
        (
            b"# Ok\n\ncaf\xe9 con leche\n",
            "line 3: the file is not UTF-8 text (byte 0xE9 at column 4",
        ),
        (
            b"---\nheadline: A\n",
            "line 1: the front matter that opens on line 1",
        ),
    ];
    for (i, (bytes, needle)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("bad-{i}.md"));
        std::fs::write(&path, bytes).expect("write");
        let e = ws.import_markdown(&path).expect_err(needle);
        let message = e.to_string();
        assert_eq!(e.code(), ErrorCode::BadImport, "{message}");
        assert!(message.contains(&format!("bad-{i}.md")), "{message}");
        assert!(message.contains(needle), "expected {needle:?} in {message}");
    }
    assert_eq!(
        ws.articles().expect("list").len(),
        1,
        "nothing half-imported"
    );
}

#[test]
fn a_file_over_10_mb_is_refused_before_it_is_read() {
    let (dir, mut ws) = desk();
    let path = dir.path().join("huge.md");
    let f = std::fs::File::create(&path).expect("create");
    // A sparse file: 11 MB long without writing 11 MB.
    f.set_len(11 * 1024 * 1024).expect("grow");
    let e = ws.import_markdown(&path).expect_err("too big");
    assert_eq!(e.code(), ErrorCode::BadImport);
    let message = e.to_string();
    assert!(
        message.contains("huge.md") && message.contains("up to 10 MB"),
        "{message}"
    );
    assert!(ws.is_empty().expect("count"));
}

#[test]
fn export_md_writes_atomically_and_replaces() {
    let (dir, mut ws) = desk();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Hola".into(),
            body: "Texto".into(),
            ..Default::default()
        })
        .expect("create");
    let dest = dir.path().join("out.md");
    std::fs::write(&dest, "old").expect("write");
    ws.export_markdown_to(&a.slug, &dest).expect("export");
    let text = std::fs::read_to_string(&dest).expect("read");
    assert!(text.starts_with("---\nheadline: \"Hola\"\n"), "{text}");
    assert!(text.ends_with("---\n\nTexto"), "{text}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

// ---- Revisions ------------------------------------------------------------------------------

fn at(minutes: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::minutes(minutes)
}

fn body(ws: &mut Workspace, id: i64, text: &str, when: i64) {
    let mut d = ArticleDraft::from(&ws.article_by_id(id).expect("article"));
    d.body = text.into();
    ws.save_article_at(id, d, at(when)).expect("save");
}

#[test]
fn saves_coalesce_into_revisions() {
    let (_dir, mut ws) = desk();
    // The history lists revisions by when they were made: the story is made before its saves.
    let a = ws
        .create_article_at(
            ArticleDraft {
                headline: "Coalesce".into(),
                ..Default::default()
            },
            at(-1),
        )
        .expect("create");
    body(&mut ws, a.id, "one", 0);
    body(&mut ws, a.id, "one two", 1);
    body(&mut ws, a.id, "one two three", 4);
    // 5 minutes after the autosave revision began: a new one.
    body(&mut ws, a.id, "one two three four", 5);
    let mut d = ArticleDraft::from(&ws.article_by_id(a.id).expect("article"));
    d.status = Some(Status::InEdit);
    ws.save_article_at(a.id, d, at(6)).expect("status");
    let reasons: Vec<String> = ws
        .revisions(a.id)
        .expect("revisions")
        .into_iter()
        .map(|r| r.reason)
        .collect();
    assert_eq!(
        reasons,
        ["status: Draft → In edit", "autosave", "autosave", "created"]
    );
}

#[test]
fn restore_adds_a_revision_and_changes_no_old_one() {
    let (_dir, mut ws) = desk();
    let a = ws
        .create_article_at(
            ArticleDraft {
                headline: "El ministro dijo sí".into(),
                body: "Primera versión.".into(),
                ..Default::default()
            },
            at(0),
        )
        .expect("create");
    let first = ws.revisions(a.id).expect("revs")[0].id;
    let mut d = ArticleDraft::from(&a);
    d.headline = "La ministra dijo no".into();
    d.body = "Segunda versión, más larga.".into();
    ws.save_article_at(a.id, d, at(10)).expect("save");
    let second = ws.revisions(a.id).expect("revs")[0].id;
    let before: Vec<ArticleDraft> = [first, second]
        .iter()
        .map(|&r| ws.revision(r).expect("snapshot"))
        .collect();

    let slug_before = ws.article_by_id(a.id).expect("article").slug;
    let restored = ws.restore_revision(first).expect("restore");
    assert_eq!(restored.headline, "El ministro dijo sí");
    assert_eq!(restored.body, "Primera versión.");
    // A draft's slug followed its headline (issue 11's tryout); a restore keeps the address
    // the story has now.
    assert_eq!(restored.slug, slug_before, "a restore keeps the address");
    assert_eq!(
        ws.article_by_id(a.id).expect("article").body,
        "Primera versión."
    );

    let revs = ws.revisions(a.id).expect("revs");
    assert_eq!(revs.len(), 3);
    assert_eq!(revs[0].reason, format!("restored #{first}"));
    assert_eq!(
        ws.revision(revs[0].id).expect("snapshot").body,
        "Primera versión."
    );
    let after: Vec<ArticleDraft> = [first, second]
        .iter()
        .map(|&r| ws.revision(r).expect("snapshot"))
        .collect();
    assert_eq!(before, after, "old revisions are never rewritten");

    let diff = ws.diff_revisions(second, revs[0].id).expect("diff");
    use dateline::model::DiffOp::*;
    let spans: Vec<_> = diff
        .headline
        .iter()
        .map(|s| (s.op, s.text.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            (Delete, "La ministra"),
            (Insert, "El ministro"),
            (Equal, " dijo "),
            (Delete, "no"),
            (Insert, "sí")
        ]
    );
    assert!(ws.restore_revision(9999).is_err());
}

#[test]
fn kept_front_matter_travels_with_revisions_issue_3() {
    let (_dir, mut ws) = desk();
    let a = ws
        .import_markdown(&fixtures().join("rustblog-i128-layout-update.md"))
        .expect("import")
        .article;
    let kept = a.front_matter_extra.clone();
    assert!(kept.is_some());
    let first = ws.revisions(a.id).expect("revs")[0].id;
    assert_eq!(
        ws.revision(first).expect("snapshot").front_matter_extra,
        kept
    );

    let mut d = ArticleDraft::from(&a);
    d.front_matter_extra = None;
    d.body = "Rewritten.".into();
    ws.save_article_at(a.id, d, at(10)).expect("save");
    assert!(!ws
        .export_markdown(&a.slug)
        .expect("export")
        .contains("[extra]"));

    let restored = ws.restore_revision(first).expect("restore");
    assert_eq!(restored.front_matter_extra, kept);
    assert!(ws
        .export_markdown(&a.slug)
        .expect("export")
        .contains("[extra]\nteam = \"The Rust Lang Team\"\n"));
}

//! Every message the core puts in front of a journalist reads as plain words (issue 12): no
//! run of spaces left by a string broken over two source lines, no decoder or OS jargon. The
//! messages come from three places: each [`Error`] variant with realistic values (a `match`
//! without a wildcard makes a new variant fail to compile here until it has a sample), every
//! move the workflow refuses, and real calls on a real desk that a person can provoke from the
//! window or the CLI (bad input to every action, missing things, a folder to generate from
//! without articles). Preflight findings are checked rule by rule in `tests/preflight.rs`, and
//! the importers' refusals in `tests/bad_input.rs`, with the same check.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dateline::model::{ArticleDraft, Focus, HeroPhoto, Status};
use dateline::photo::CropRequest;
use dateline::{workflow, Error, Workspace};

mod plain;

/// One sample of each variant, with the values a desk really produces.
fn every_variant() -> Vec<Error> {
    let desk = PathBuf::from("/home/ana/Dateline/dateline.sqlite");
    let photo = PathBuf::from("/home/ana/Pictures/pleno.jpg");
    let os = |n| std::io::Error::from_raw_os_error(n);
    vec![
        Error::not_found("article", "la-reforma"),
        Error::invalid(
            "headline",
            "The headline is empty: every article needs one.",
        ),
        Error::DuplicateSlug("la-reforma".into()),
        Error::NewerSchema {
            path: desk.clone(),
            found: 9,
            known: 4,
        },
        Error::NotADatabase { path: desk.clone() },
        Error::Storage("database is locked".into()),
        Error::DiskFull,
        Error::io(&photo, os(2)),
        Error::io(&photo, os(13)),
        Error::io(&photo, os(28)),
        Error::io(&photo, os(21)),
        Error::io(&photo, std::io::ErrorKind::UnexpectedEof.into()),
        Error::BadPhoto {
            path: photo.clone(),
            message: "the file ends before the photo does: it was cut short.".into(),
        },
        Error::BadImport {
            path: PathBuf::from("/home/ana/story.md"),
            message: "line 3: the front matter is never closed.".into(),
        },
        Error::Cancelled,
        Error::ExportFailed {
            path: PathBuf::from("/home/ana/Exports/la-reforma"),
            cause: Box::new(Error::Cancelled),
        },
        Error::ExportFailed {
            path: PathBuf::from("/home/ana/Exports/la-reforma"),
            cause: Box::new(Error::io("/home/ana/Exports", os(28))),
        },
        Error::Blocked(
            "“La reforma” cannot be published yet. Fix first: The story has no byline. Add \
             the name of whoever wrote it."
                .into(),
        ),
        Error::InUse(
            "The section “México” still has 2 stories (the trash counts); move them to \
             another section first."
                .into(),
        ),
        Error::Newsroom(
            "The newsroom ana@db.example.org:5432/news cannot be reached (Connection refused). \
             The desk keeps working offline; sync again when the network is back."
                .into(),
        ),
        Error::Refused(
            "The newsroom refused the change: Only an editor can move a story from Copy desk \
             to Ready."
                .into(),
        ),
        Error::Login(
            "The newsroom ana@db.example.org:5432/news did not let “ana” in: the user does not \
             exist there or the password is wrong. Check both with the newsroom's admin."
                .into(),
        ),
    ]
}

/// Which variant `e` is; no wildcard, so a new variant must be given a sample above.
fn variant(e: &Error) -> usize {
    match e {
        Error::NotFound { .. } => 0,
        Error::Invalid { .. } => 1,
        Error::DuplicateSlug(_) => 2,
        Error::NewerSchema { .. } => 3,
        Error::NotADatabase { .. } => 4,
        Error::Storage(_) => 5,
        Error::DiskFull => 6,
        Error::Io { .. } => 7,
        Error::BadPhoto { .. } => 8,
        Error::BadImport { .. } => 9,
        Error::Cancelled => 10,
        Error::ExportFailed { .. } => 11,
        Error::Blocked(_) => 12,
        Error::InUse(_) => 13,
        Error::Newsroom(_) => 14,
        Error::Refused(_) => 15,
        Error::Login(_) => 16,
    }
}

#[test]
fn every_error_variant_reads_as_plain_words_issue_12() {
    let samples = every_variant();
    let mut seen: Vec<usize> = samples.iter().map(variant).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        (0..=16).collect::<Vec<_>>(),
        "a sample of every variant"
    );
    for e in &samples {
        plain::assert_plain_words(&format!("{e:?}"), &e.to_string());
        assert_eq!(e.to_dto().message, e.to_string());
    }
}

#[test]
fn a_file_that_is_not_there_is_said_in_plain_words_issue_12() {
    let e = Error::io(
        "/home/ana/Pictures/pleno.jpg",
        std::io::Error::from_raw_os_error(2),
    );
    assert_eq!(
        e.to_string(),
        "/home/ana/Pictures/pleno.jpg: there is no such file or folder."
    );
}

#[test]
fn every_refused_workflow_move_reads_as_plain_words_issue_12() {
    let mut refused = 0;
    for from in Status::ALL {
        for to in Status::ALL {
            if let Err(e) = workflow::check(from, to) {
                refused += 1;
                plain::assert_plain_words(&format!("{from:?} → {to:?}"), &e.to_string());
            }
        }
    }
    assert!(refused > 20, "the table refuses most moves ({refused})");
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn story(ws: &mut Workspace, headline: &str) -> i64 {
    ws.create_article(ArticleDraft {
        headline: headline.into(),
        body: "Words.".into(),
        ..Default::default()
    })
    .expect("story")
    .id
}

#[test]
fn what_a_person_can_get_wrong_is_answered_in_plain_words_issue_12() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let a = story(&mut ws, "First story");
    let b = story(&mut ws, "Second story");
    let photo = ws
        .import_photo(&fixtures().join("photos/orient2-landscape.jpg"))
        .expect("photo")
        .id;
    let rev_a = ws.revisions(a).expect("revisions")[0].id;
    let rev_b = ws.revisions(b).expect("revisions")[0].id;
    let draft = |f: &dyn Fn(&mut ArticleDraft)| {
        let mut d = ArticleDraft {
            headline: "A headline".into(),
            ..Default::default()
        };
        f(&mut d);
        d
    };
    let crop = |name: &str, aspect: &str, focus: Option<Focus>| CropRequest {
        name: name.into(),
        aspect: aspect.into(),
        focus,
        rect: None,
    };
    let no_cancel = AtomicBool::new(false);
    let empty = tempfile::tempdir().expect("empty folder");
    let no_headlines = tempfile::tempdir().expect("folder");
    std::fs::write(
        no_headlines.path().join("notes.md"),
        "A paragraph long enough to be taken as prose by the generator, which wants eighty \
         characters or more.\n",
    )
    .expect("write");
    let missing = dir.path().join("not-here.jpg");

    let refusals: Vec<(&str, Error)> = vec![
        ("unknown story", ws.article("no-such-story").unwrap_err()),
        ("unknown photo", ws.photo(999).unwrap_err()),
        (
            "empty headline",
            ws.create_article(draft(&|d| d.headline = "  ".into()))
                .unwrap_err(),
        ),
        (
            "bad slug",
            ws.create_article(draft(&|d| d.slug = Some("Not A Slug".into())))
                .unwrap_err(),
        ),
        (
            "slug taken",
            ws.create_article(draft(&|d| d.slug = Some("first-story".into())))
                .unwrap_err(),
        ),
        (
            "bad language",
            ws.create_article(draft(&|d| d.language = Some("english!".into())))
                .unwrap_err(),
        ),
        (
            "kept front matter not a block",
            ws.create_article(draft(&|d| d.front_matter_extra = Some("loose".into())))
                .unwrap_err(),
        ),
        (
            "kept front matter names a field",
            ws.create_article(draft(&|d| {
                d.front_matter_extra = Some("---\nheadline: x\n---\n".into())
            }))
            .unwrap_err(),
        ),
        (
            "skipping the copy desk",
            ws.set_status(&a.to_string(), Status::Published)
                .unwrap_err(),
        ),
        ("empty note", ws.add_note(&a.to_string(), "  ").unwrap_err()),
        (
            "revisions of two stories",
            ws.diff_revisions(rev_a, rev_b).unwrap_err(),
        ),
        ("unknown revision", ws.restore_revision(9999).unwrap_err()),
        (
            "unknown template",
            ws.create_from_template("obituary", "X", "en").unwrap_err(),
        ),
        (
            "crop without a name",
            ws.set_crop(photo, crop("", "16:9", None)).unwrap_err(),
        ),
        (
            "unknown aspect",
            ws.set_crop(photo, crop("hero", "sideways", None))
                .unwrap_err(),
        ),
        (
            "focus outside",
            ws.set_crop(photo, crop("hero", "16:9", Some(Focus { x: 2.0, y: 0.5 })))
                .unwrap_err(),
        ),
        (
            "composite of one",
            ws.composite_hero(
                &[HeroPhoto {
                    photo_id: photo,
                    crop: None,
                }],
                1200,
                "16:9",
                None,
                &dateline::credit::HouseWords::english(),
                &no_cancel,
            )
            .unwrap_err(),
        ),
        (
            "code with a space",
            ws.set_code_replacement("= rtr =", "Reuters").unwrap_err(),
        ),
        (
            "unknown code",
            ws.remove_code_replacement("=nope=").unwrap_err(),
        ),
        (
            "author without name",
            ws.upsert_author(" ", "", "").unwrap_err(),
        ),
        ("tag without name", ws.add_tag(" ").unwrap_err()),
        (
            "rename tag to nothing",
            ws.rename_tag("News", " ").unwrap_err(),
        ),
        ("missing photo file", ws.import_photo(&missing).unwrap_err()),
        (
            "missing Markdown file",
            ws.import_markdown(&dir.path().join("not-here.md"))
                .unwrap_err(),
        ),
        (
            "generate from an empty folder",
            ws.generate_library(empty.path(), 10, 1).unwrap_err(),
        ),
        (
            "generate from files without headlines",
            ws.generate_library(no_headlines.path(), 10, 1).unwrap_err(),
        ),
    ];
    for (what, e) in &refusals {
        plain::assert_plain_words(what, &e.to_string());
    }

    // A desk file that is not a database.
    let junk = tempfile::tempdir().expect("temp dir");
    std::fs::write(junk.path().join("dateline.sqlite"), "notes").expect("write");
    let e = Workspace::open(junk.path()).err().expect("refused");
    plain::assert_plain_words("not a database", &e.to_string());
}

#[test]
fn the_markdown_checks_read_as_plain_words_issue_12() {
    let nested = dateline::frontmatter::parse(&">".repeat(200)).unwrap_err();
    plain::assert_plain_words("nested quotes", &nested.message.to_string());
    let dir = tempfile::tempdir().expect("temp dir");
    let nul = dir.path().join("nul.md");
    std::fs::write(&nul, "# Headline\n\nText\0with a NUL byte.\n").expect("write");
    let e = dateline::frontmatter::read_text(&nul).unwrap_err();
    plain::assert_plain_words("NUL byte", &e.to_string());
}

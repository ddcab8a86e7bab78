//! The test-library generator (issue 6): a generated library has the asked number of
//! articles, in English and Spanish, whose words the search finds (without accents, and as
//! prefixes), and the same seed gives the same library.

use std::path::{Path, PathBuf};

use dateline::model::Status;
use dateline::Workspace;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles")
}

#[test]
fn a_generated_library_has_the_count_both_languages_and_searchable_words_issue_6() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("open");
    let report = ws.generate_library(&fixtures(), 200, 42).expect("generate");
    assert_eq!(report.articles, 200);
    assert!(report.english > 0 && report.spanish > 0, "{report:?}");
    assert!(
        report.sources >= 6,
        "every fixture article is a source: {report:?}"
    );

    let list = ws.articles().expect("list");
    assert_eq!(list.len(), 200);
    assert!(list.iter().any(|a| a.status == Status::Published));
    assert!(list.iter().any(|a| a.status == Status::Draft));
    assert!(
        list.iter().any(|a| a.bylines.len() > 1),
        "some stories have several bylines"
    );
    let first = list.last().expect("oldest").updated_at;
    let last = list[0].updated_at;
    assert!(
        (last - first).num_days() > 600,
        "dates spread over years: {first} .. {last}"
    );

    // Diacritic-free and prefix queries find the Spanish and English bodies.
    for query in ["Mexico", "Pena", "economia", "commoditiz", "open source"] {
        let hits = ws.search(query).expect("search");
        assert!(!hits.is_empty(), "{query:?} finds generated articles");
    }
    let es = ws.search("Mexico").expect("search");
    let a = ws.article(&es[0].slug).expect("hit");
    assert_eq!(a.language, "es");
    assert_eq!(ws.integrity_check().expect("check"), "ok");
}

#[test]
fn the_same_seed_gives_the_same_library() {
    let headlines = |seed| {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(tmp.path()).expect("open");
        ws.generate_library(&fixtures(), 30, seed)
            .expect("generate");
        let mut h: Vec<_> = ws
            .articles()
            .expect("list")
            .into_iter()
            .map(|a| a.slug)
            .collect();
        h.sort();
        h
    };
    assert_eq!(headlines(5), headlines(5));
    assert_ne!(headlines(5), headlines(6));
}

#[test]
fn a_folder_without_articles_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let empty = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("open");
    let err = ws
        .generate_library(empty.path(), 10, 1)
        .expect_err("refused");
    assert!(err.to_string().contains("no Markdown article"), "{err}");
    assert!(ws.is_empty().expect("empty"));
}

#[test]
fn files_without_a_headline_are_refused_in_plain_words_issue_12() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let from = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        from.path().join("notes.md"),
        "A paragraph long enough to be taken as prose, but no headline anywhere in the file \
         and no title in front matter.\n",
    )
    .expect("write");
    let mut ws = Workspace::open(tmp.path()).expect("open");
    let err = ws
        .generate_library(from.path(), 10, 1)
        .expect_err("refused, not a panic");
    let msg = err.to_string();
    assert!(msg.contains("headline"), "{msg}");
    assert!(msg.contains(&from.path().display().to_string()), "{msg}");
    assert!(ws.is_empty().expect("empty"));
}

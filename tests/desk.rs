//! The desk on real SQLite files in temporary folders: opening, refusing files it must not
//! touch, creating, editing and reopening articles, revisions and full-text search. Upgrades
//! from every earlier desk format are tested in `src/store/upgrade_tests.rs`, which writes its
//! data with raw SQL at the old format before migrating.

use std::path::Path;

use chrono::{Duration, Utc};
use dateline::model::{ArticleDraft, Byline, Status};
use dateline::store::{Store, SCHEMA_VERSION};
use dateline::workspace::DB_FILE;
use dateline::{ErrorCode, Workspace};

fn draft(headline: &str, body: &str) -> ArticleDraft {
    ArticleDraft {
        headline: headline.into(),
        body: body.into(),
        ..Default::default()
    }
}

fn open(dir: &Path) -> Workspace {
    Workspace::open(dir).expect("open workspace")
}

#[test]
fn create_edit_and_reopen_keeps_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    {
        let mut ws = open(dir.path());
        let a = ws
            .create_article(ArticleDraft {
                headline: "Diputados aprueban la reforma".into(),
                dek: "La votación fue de 300 a 120".into(),
                body: "Primer párrafo.\n\n> Una cita.\n".into(),
                dateline: "CIUDAD DE MÉXICO".into(),
                section: Some("México".into()),
                tags: vec!["Congreso".into(), "Reforma".into()],
                language: Some("es".into()),
                bylines: vec![
                    Byline {
                        name: "Ana Pérez".into(),
                        role: Some("Corresponsal".into()),
                        author_id: None,
                    },
                    Byline {
                        name: "Luis Gómez".into(),
                        role: None,
                        author_id: None,
                    },
                ],
                ..Default::default()
            })
            .unwrap();
        id = a.id;
        assert_eq!(a.slug, "diputados-aprueban-la-reforma");
        let mut d = ArticleDraft::from(&a);
        d.body.push_str("\nSegundo párrafo añadido.\n");
        d.status = Some(Status::InEdit);
        ws.save_article(id, d).unwrap();
    }
    let ws = open(dir.path());
    let a = ws.article(&id.to_string()).unwrap();
    assert_eq!(a.headline, "Diputados aprueban la reforma");
    assert_eq!(a.dek, "La votación fue de 300 a 120");
    assert!(a.body.ends_with("Segundo párrafo añadido.\n"));
    assert_eq!(a.dateline, "CIUDAD DE MÉXICO");
    assert_eq!(a.section.as_deref(), Some("México"));
    assert_eq!(a.tags, vec!["Congreso", "Reforma"]);
    assert_eq!(a.language, "es");
    assert_eq!(a.status, Status::InEdit);
    let names: Vec<_> = a.bylines.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Ana Pérez", "Luis Gómez"], "byline order is kept");
    assert_eq!(a.bylines[0].role.as_deref(), Some("Corresponsal"));
    // Found by slug as well as by id.
    assert_eq!(ws.article("diputados-aprueban-la-reforma").unwrap().id, id);
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

#[test]
fn full_text_search_finds_a_word_of_the_body_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    ws.create_article(draft("Elecciones", "El candidato Peña habló en Michoacán."))
        .unwrap();
    ws.create_article(draft("Weather", "Sunny in Monterrey."))
        .unwrap();
    let hits = ws.search("michoacan").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].headline, "Elecciones");
    assert!(
        hits[0].snippet.contains("<mark>Michoacán</mark>"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(ws.search("Pen").unwrap().len(), 1, "prefix match");
    assert!(ws.search("Guadalajara").unwrap().is_empty());
    // Edits are indexed too.
    let a = ws.article("elecciones").unwrap();
    let mut d = ArticleDraft::from(&a);
    d.body = "Ahora en Guadalajara.".into();
    ws.save_article(a.id, d).unwrap();
    assert_eq!(ws.search("guadalajara").unwrap().len(), 1);
    assert!(ws.search("michoacan").unwrap().is_empty());
}

#[test]
fn derived_slugs_are_made_unique_but_chosen_ones_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let a = ws.create_article(draft("Peña", "")).unwrap();
    let b = ws.create_article(draft("Pena", "")).unwrap();
    assert_eq!(a.slug, "pena");
    assert_eq!(b.slug, "pena-2");
    let mut d = ArticleDraft::from(&b);
    d.slug = Some("pena".into());
    let e = ws.save_article(b.id, d).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.to_string().contains("“pena”"), "{e}");
    assert_eq!(
        ws.article_by_id(b.id).unwrap().slug,
        "pena-2",
        "nothing saved"
    );
}

/// Issue 11's tryout: the slug stuck to the first words typed as a headline ("mex"). A
/// draft's slug follows its headline until a person types one or the story is filed; then the
/// address stays, since links may point to it.
#[test]
fn issue11_a_drafts_slug_follows_its_headline_until_it_is_filed() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let taken = ws.create_article(draft("Lluvias en Oaxaca", "")).unwrap();
    let a = ws.create_article(draft("Lluv", "")).unwrap();
    assert_eq!(a.slug, "lluv");

    // The form sends back the slug it was given; the headline grows.
    let mut d = ArticleDraft::from(&a);
    d.headline = "Lluvias en Oaxaca".into();
    let a = ws.save_article(a.id, d).unwrap();
    assert_eq!(
        a.slug, "lluvias-en-oaxaca-2",
        "follows, beside {}",
        taken.slug
    );

    let mut d = ArticleDraft::from(&a);
    d.headline = "Lluvias torrenciales en Oaxaca".into();
    let a = ws.save_article(a.id, d).unwrap();
    assert_eq!(a.slug, "lluvias-torrenciales-en-oaxaca");

    // A slug the person typed stays.
    let mut d = ArticleDraft::from(&a);
    d.slug = Some("oaxaca-lluvias".into());
    let a = ws.save_article(a.id, d).unwrap();
    let mut d = ArticleDraft::from(&a);
    d.headline = "Lluvias torrenciales en Oaxaca y Guerrero".into();
    let a = ws.save_article(a.id, d).unwrap();
    assert_eq!(a.slug, "oaxaca-lluvias");

    // Once filed, a derived slug stays too.
    let b = ws.create_article(draft("Sismo", "")).unwrap();
    let mut d = ArticleDraft::from(&b);
    d.status = Some(Status::InEdit);
    let b = ws.save_article(b.id, d).unwrap();
    let mut d = ArticleDraft::from(&b);
    d.headline = "Sismo de magnitud 6 en Chiapas".into();
    let b = ws.save_article(b.id, d).unwrap();
    assert_eq!(b.slug, "sismo");
}

#[test]
fn saves_are_coalesced_into_revisions() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let a = ws.create_article(draft("H", "one")).unwrap();
    let t0 = Utc::now();
    let mut d = ArticleDraft::from(&a);
    for (i, body) in ["one two", "one two three", "one two three four"]
        .iter()
        .enumerate()
    {
        d.body = body.to_string();
        ws.save_article_at(a.id, d.clone(), t0 + Duration::seconds(i as i64 * 10))
            .unwrap();
    }
    // created + one autosave (the later two fall within the interval).
    assert_eq!(ws.revisions(a.id).unwrap().len(), 2);
    d.body = "much later".into();
    ws.save_article_at(a.id, d.clone(), t0 + Duration::minutes(10))
        .unwrap();
    d.status = Some(Status::InEdit);
    ws.save_article_at(a.id, d.clone(), t0 + Duration::minutes(10))
        .unwrap();
    let revs = ws.revisions(a.id).unwrap();
    assert_eq!(revs.len(), 4);
    assert_eq!(revs[0].reason, "status: Draft → In edit");
    let first = revs.last().unwrap();
    assert_eq!(first.reason, "created");
    assert_eq!(ws.revision(first.id).unwrap().body, "one");
}

#[test]
fn a_newer_desk_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut ws = open(dir.path());
        ws.create_article(draft("H", "b")).unwrap();
    }
    let db = dir.path().join(DB_FILE);
    {
        // Simulate a desk written by a future Dateline.
        let store = Store::open(&db).unwrap();
        drop(store);
        let conn = rusqlite_free_set_version(&db, SCHEMA_VERSION + 5);
        assert!(conn);
    }
    let before = std::fs::read(&db).unwrap();
    let e = Workspace::open(dir.path()).err().expect("refused");
    assert_eq!(e.code(), ErrorCode::NewerSchema);
    assert!(e.to_string().contains("newer version of Dateline"), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "file untouched");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    let junk = b"These are my notes, not a database.\n".repeat(200);
    std::fs::write(&db, &junk).unwrap();
    let e = Workspace::open(dir.path()).err().expect("refused");
    assert_eq!(e.code(), ErrorCode::NotADatabase);
    assert!(e.to_string().contains("dateline.sqlite"), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), junk);
}

#[test]
fn the_demo_desk_holds_the_model_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let a = dateline::demo::seed_if_empty(&mut ws)
        .unwrap()
        .expect("seeded");
    assert!(dateline::demo::seed_if_empty(&mut ws).unwrap().is_none());
    // The model article is number 1 and the newest: the library lists it on top.
    assert_eq!(a.id, 1);
    assert_eq!(ws.articles().unwrap()[0].id, a.id);
    assert_eq!(
        a.headline,
        "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels"
    );
    assert_eq!(a.section.as_deref(), Some("Mexico"));
    assert_eq!(a.bylines[0].name, "Dionys Duroc");
    assert_eq!(
        a.bylines[0].role.as_deref(),
        Some("Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media")
    );
    assert!(a.bylines[0].author_id.is_some(), "linked to his profile");
    let html = ws.render_article(&a.slug).unwrap();
    assert!(html.contains("<blockquote>"), "the quote is a blockquote");
    assert!(html.contains("Nicolás Maduro"));
    assert_eq!(
        ws.hero_caption(&a).unwrap(),
        "U.S. President Donald Trump (left) at the White House on Inauguration Day in \
         Washington, D.C. on January 20, 2025. Credit: Carlos Barria/Reuters; Mexican President \
         Claudia Sheinbaum at a press conference on November 6 in Mexico City. Credit: Stephania \
         Corpi/Bloomberg via Getty Images. Edited by Sociedad Media"
    );
    let photos = ws.photos().unwrap();
    assert_eq!(photos.len(), 2);
    for p in &photos {
        assert!(ws.photo_original(p.id).unwrap().is_file());
        assert!(!p.fields.alt_text.is_empty());
    }
}

/// Sets `user_version` through SQLite's own file format, without the store: the header's
/// user-version field is a big-endian u32 at offset 60.
fn rusqlite_free_set_version(db: &Path, version: i64) -> bool {
    // Checkpoint the WAL into the main file first so the header is current.
    let store = Store::open(db).unwrap();
    drop(store);
    let mut bytes = std::fs::read(db).unwrap();
    bytes[60..64].copy_from_slice(&(version as u32).to_be_bytes());
    std::fs::write(db, bytes).is_ok()
}

/// Issue 11's tryout: the last second of typing was lost to a kill -9. What the window keeps
/// beside the desk comes back while it is newer than the stored story and differs from it,
/// and goes once the store has it.
#[test]
fn issue11_what_was_typed_and_not_stored_comes_back_until_it_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let a = ws
        .create_article(draft("Apagón en Oaxaca", "Primer párrafo."))
        .unwrap();
    assert_eq!(ws.unsaved(Some(a.id)).unwrap(), None, "nothing kept yet");

    let mut typed = ArticleDraft::from(&a);
    typed.body = "Primer párrafo.\n\nSegundo párrafo, sin guardar.".into();
    ws.keep_unsaved(Some(a.id), &typed).unwrap();
    // The desk is closed (a crash) and opened again.
    drop(ws);
    let mut ws = open(dir.path());
    let back = ws
        .unsaved(Some(a.id))
        .unwrap()
        .expect("the typed words come back");
    assert_eq!(back.draft.body, typed.body);

    // Once saved, the kept form is let go.
    ws.save_article(a.id, typed.clone()).unwrap();
    assert_eq!(ws.unsaved(Some(a.id)).unwrap(), None);
    assert!(
        !dir.path()
            .join(".unsaved")
            .join(format!("{}.json", a.id))
            .exists(),
        "the file is gone"
    );

    // A kept form older than what is stored (a save won the race) is let go too.
    let mut older = typed.clone();
    older.body = "Una versión vieja.".into();
    ws.keep_unsaved(Some(a.id), &older).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut newer = typed.clone();
    newer.body = "La versión guardada después.".into();
    ws.save_article(a.id, newer).unwrap();
    assert_eq!(ws.unsaved(Some(a.id)).unwrap(), None);

    // A new story without a headline is kept under no id.
    let untitled = draft("", "Palabras de una nota sin título.");
    ws.keep_unsaved(None, &untitled).unwrap();
    assert_eq!(ws.unsaved(None).unwrap().unwrap().draft.body, untitled.body);
    ws.forget_unsaved(None).unwrap();
    assert_eq!(ws.unsaved(None).unwrap(), None);

    // A file that is not a kept form is put aside, not deleted, and not offered.
    std::fs::write(dir.path().join(".unsaved").join("7.json"), b"{ not json").unwrap();
    assert_eq!(ws.unsaved(Some(7)).unwrap(), None);
    assert!(dir.path().join(".unsaved").join("7.unreadable").exists());
}

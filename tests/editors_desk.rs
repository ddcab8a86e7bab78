//! The editor's desk on real SQLite files: the workflow's transition rules and who moved what,
//! the trash (restore brings back every revision, note, move and photo link), full-text search
//! (diacritics, prefixes, captions and credits), byline order and roles, the library's filters
//! and sorts, managed sections and tags, notes that no export carries, duplicates and
//! templates.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{Duration, TimeZone, Utc};
use dateline::export::ExportOptions;
use dateline::model::{
    ArticleDraft, Author, Byline, FoundIn, Hero, HeroPhoto, LibraryQuery, LibrarySort, Photo,
    Status,
};
use dateline::{ErrorCode, Workspace};

fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.set_identity("Ana Editor").expect("identity");
    (dir, ws)
}

fn story(ws: &mut Workspace, headline: &str, body: &str) -> i64 {
    ws.create_article(ArticleDraft {
        headline: headline.into(),
        body: body.into(),
        ..Default::default()
    })
    .expect("create")
    .id
}

fn byline(name: &str, role: Option<&str>) -> Byline {
    Byline {
        name: name.into(),
        role: role.map(str::to_string),
        author_id: None,
    }
}

/// A real photo from the fixtures, imported into the desk.
fn import_photo(ws: &mut Workspace) -> Photo {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos/meta-iptc-ref-std2024.1.jpg");
    ws.import_photo(&path).expect("photo")
}

/// Makes photo `photo_id` the story's lead image.
fn lead_photo(ws: &mut Workspace, key: &str, photo_id: i64) {
    let hero = Hero {
        photos: vec![HeroPhoto {
            photo_id,
            crop: None,
        }],
        edited_by: None,
    };
    ws.set_hero(key, Some(hero)).expect("hero");
}

fn headlines(ws: &Workspace, q: &LibraryQuery) -> Vec<String> {
    ws.library(q)
        .expect("library")
        .into_iter()
        .map(|a| a.headline)
        .collect()
}

fn search_ids(ws: &Workspace, q: &str) -> Vec<i64> {
    ws.search(q)
        .expect("search")
        .into_iter()
        .map(|h| h.id)
        .collect()
}

// ---- Workflow -------------------------------------------------------------------------------

#[test]
fn a_story_moves_step_by_step_and_each_move_says_who_and_when() {
    let (_dir, mut ws) = desk();
    let id = ws
        .create_article(ArticleDraft {
            headline: "Congress passes the budget".into(),
            body: "Text.".into(),
            bylines: vec![byline("Ana Editor", None)],
            ..Default::default()
        })
        .expect("create")
        .id;
    let key = id.to_string();

    let err = ws.set_status(&key, Status::Ready).expect_err("skip");
    assert_eq!(err.to_dto().code, ErrorCode::Invalid);
    assert!(
        err.to_string()
            .contains("Draft cannot move to Ready; it can move to In edit or Spiked"),
        "{err}"
    );
    assert_eq!(ws.article(&key).unwrap().status, Status::Draft);
    assert!(ws.transitions(&key).unwrap().is_empty());
    assert_eq!(
        ws.revisions(id).unwrap().len(),
        1,
        "a refused move records nothing"
    );

    for to in [Status::InEdit, Status::CopyDesk, Status::Ready] {
        assert_eq!(ws.set_status(&key, to).unwrap().status, to);
    }
    ws.set_identity("Luis Copy").unwrap();
    ws.set_status(&key, Status::Published).unwrap();

    let moves = ws.transitions(&key).unwrap();
    let path: Vec<(Status, Status, &str)> = moves
        .iter()
        .map(|t| (t.from, t.to, t.who.as_str()))
        .collect();
    assert_eq!(
        path,
        [
            (Status::Draft, Status::InEdit, "Ana Editor"),
            (Status::InEdit, Status::CopyDesk, "Ana Editor"),
            (Status::CopyDesk, Status::Ready, "Ana Editor"),
            (Status::Ready, Status::Published, "Luis Copy"),
        ]
    );
    assert!(moves.windows(2).all(|w| w[0].at <= w[1].at));
    assert!((Utc::now() - moves[3].at) < Duration::minutes(1));

    // Each move is in the article's history too, newest first, stamped with the identity.
    let revs = ws.revisions(id).unwrap();
    let reasons: Vec<(&str, &str)> = revs
        .iter()
        .map(|r| (r.reason.as_str(), r.author.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("status: Ready → Published", "Luis Copy"),
            ("status: Copy desk → Ready", "Ana Editor"),
            ("status: In edit → Copy desk", "Ana Editor"),
            ("status: Draft → In edit", "Ana Editor"),
            ("created", "Ana Editor"),
        ]
    );
}

#[test]
fn a_save_that_would_skip_the_workflow_is_refused_and_keeps_the_saved_text() {
    let (_dir, mut ws) = desk();
    let id = story(&mut ws, "Floods in Tabasco", "Saved words.");
    let mut d = ArticleDraft::from(&ws.article_by_id(id).unwrap());
    d.body = "Changed words.".into();
    d.status = Some(Status::Published);
    let err = ws.save_article(id, d.clone()).expect_err("skips the desk");
    assert!(
        err.to_string().contains("cannot move to Published"),
        "{err}"
    );
    assert_eq!(ws.article_by_id(id).unwrap().body, "Saved words.");

    // The same save with the status it has goes through.
    d.status = Some(Status::Draft);
    assert_eq!(ws.save_article(id, d).unwrap().body, "Changed words.");
}

#[test]
fn a_restore_brings_back_words_not_a_place_in_the_workflow() {
    let (_dir, mut ws) = desk();
    let id = story(&mut ws, "Old words", "First version.");
    let first = ws.revisions(id).unwrap()[0].id;
    ws.set_status(&id.to_string(), Status::InEdit).unwrap();
    let mut d = ArticleDraft::from(&ws.article_by_id(id).unwrap());
    d.body = "Second version, typed after the last revision.".into();
    ws.save_article(id, d).unwrap();
    let a = ws.restore_revision(first).unwrap();
    assert_eq!(a.body, "First version.");
    assert_eq!(a.status, Status::InEdit);
    // The words typed since are kept in the history.
    let bodies: Vec<String> = ws
        .revisions(id)
        .unwrap()
        .iter()
        .map(|r| ws.revision(r.id).unwrap().body)
        .collect();
    assert!(bodies.contains(&"Second version, typed after the last revision.".to_string()));
}

/// A story whose newest edit was folded into the autosave revision before it (saves a minute
/// apart), so the article holds `last` while no revision does. Returns the story and its
/// first revision.
fn story_with_an_edit_in_no_revision(ws: &mut Workspace, last: ArticleDraft) -> (i64, i64) {
    let t0 = Utc
        .with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .single()
        .expect("time");
    let a = ws
        .create_article_at(
            ArticleDraft {
                headline: "Old words".into(),
                body: "First version.".into(),
                tags: vec!["Congress".into()],
                bylines: vec![byline("Ana Pérez", None)],
                ..Default::default()
            },
            t0,
        )
        .expect("create");
    let first = ws.revisions(a.id).expect("revisions")[0].id;
    let mut d = ArticleDraft::from(&a);
    d.body = "Second version.".into();
    ws.save_article_at(a.id, d, t0 + Duration::minutes(1))
        .expect("autosave that starts a revision");
    ws.save_article_at(a.id, last, t0 + Duration::minutes(2))
        .expect("autosave folded into it");
    let newest = ws.revisions(a.id).expect("revisions")[0].id;
    assert_eq!(
        ws.revision(newest).expect("snapshot").body,
        "Second version.",
        "the second save made no revision of its own"
    );
    (a.id, first)
}

/// The words of the history, newest first: body, tags and byline names of each revision.
fn history(ws: &Workspace, id: i64) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    ws.revisions(id)
        .expect("revisions")
        .iter()
        .map(|r| {
            let d = ws.revision(r.id).expect("snapshot");
            (
                r.reason.clone(),
                d.body,
                d.tags,
                d.bylines.into_iter().map(|b| b.name).collect(),
            )
        })
        .collect()
}

#[test]
fn a_restore_first_keeps_words_that_are_in_no_revision_issue_12() {
    let (_dir, mut ws) = desk();
    let last = ArticleDraft {
        headline: "Old words".into(),
        body: "Third version, in no revision yet.".into(),
        tags: vec!["Congress".into()],
        bylines: vec![byline("Ana Pérez", None)],
        ..Default::default()
    };
    let (id, first) = story_with_an_edit_in_no_revision(&mut ws, last);
    let a = ws.restore_revision(first).expect("restore");
    assert_eq!(a.body, "First version.");
    let h = history(&ws, id);
    assert_eq!(h[0].0, format!("restored #{first}"));
    assert_eq!(h[1].0, "before restore");
    assert_eq!(h[1].1, "Third version, in no revision yet.");
}

#[test]
fn a_restore_first_keeps_tags_and_bylines_that_are_in_no_revision_issue_12() {
    let (_dir, mut ws) = desk();
    // Only the tags and the bylines changed since the newest revision: the words are the same.
    let last = ArticleDraft {
        headline: "Old words".into(),
        body: "Second version.".into(),
        tags: vec!["Congress".into(), "Budget".into()],
        bylines: vec![byline("Ana Pérez", None), byline("Luis Gómez", None)],
        ..Default::default()
    };
    let (id, first) = story_with_an_edit_in_no_revision(&mut ws, last);
    let a = ws.restore_revision(first).expect("restore");
    assert_eq!(a.tags, ["Congress"], "the restore brings back the old tags");
    let h = history(&ws, id);
    assert_eq!(h[0].0, format!("restored #{first}"));
    assert_eq!(
        h[1],
        (
            "before restore".to_string(),
            "Second version.".to_string(),
            vec!["Congress".to_string(), "Budget".to_string()],
            vec!["Ana Pérez".to_string(), "Luis Gómez".to_string()],
        ),
        "the tags and bylines typed since the newest revision are in the history"
    );
}

#[test]
fn a_restore_right_after_a_revision_adds_no_before_restore_issue_12() {
    let (_dir, mut ws) = desk();
    // A byline linked to a profile, a tag, a section: the revision holds them as they were
    // typed, the article as the desk stores them; they are the same words all the same.
    ws.upsert_author("Ana Pérez", "Correspondent", "")
        .expect("author");
    let a = ws
        .create_article(ArticleDraft {
            headline: "Old words".into(),
            body: "First version.".into(),
            section: Some("Politics".into()),
            tags: vec!["Congress".into()],
            bylines: vec![byline("Ana Pérez", Some("Correspondent"))],
            ..Default::default()
        })
        .expect("create");
    let id = a.id;
    assert!(a.bylines[0].author_id.is_some(), "linked to the profile");
    let first = ws.revisions(id).expect("revisions")[0].id;
    ws.set_status(&id.to_string(), Status::InEdit)
        .expect("move");
    ws.restore_revision(first).expect("restore");
    let reasons: Vec<String> = history(&ws, id).into_iter().map(|h| h.0).collect();
    assert_eq!(
        reasons,
        [
            format!("restored #{first}"),
            "status: Draft → In edit".to_string(),
            "created".to_string()
        ]
    );
}

// ---- Trash ----------------------------------------------------------------------------------

#[test]
fn trash_and_restore_bring_back_every_revision_note_move_and_photo() {
    let (dir, mut ws) = desk();
    let photo = import_photo(&mut ws);
    let id = story(
        &mut ws,
        "Sheinbaum rejects the offer",
        "Mexico's president said no.",
    );
    let key = id.to_string();
    lead_photo(&mut ws, &key, photo.id);
    ws.set_status(&key, Status::InEdit).unwrap();
    ws.add_note(&key, "Check the quote with the desk in Mexico City.")
        .unwrap();
    let before = ws.article(&key).unwrap();
    let revisions = ws.revisions(id).unwrap();
    let notes = ws.notes(&key).unwrap();
    let moves = ws.transitions(&key).unwrap();

    ws.trash_article(&key).unwrap();
    assert!(ws.articles().unwrap().iter().all(|a| a.id != id));
    assert!(
        search_ids(&ws, "Sheinbaum").is_empty(),
        "the trash is not searched"
    );
    let err = ws.article(&key).expect_err("in the trash");
    assert!(
        err.to_string()
            .contains("is in the trash; restore it first"),
        "{err}"
    );
    let trash = ws.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].headline, "Sheinbaum rejects the offer");
    assert!(trash[0].deleted_at.is_some());
    // The photo desk keeps the photo while its story is in the trash.
    assert_eq!(ws.photos().unwrap().len(), 1);

    // Reopening the desk changes nothing: the trash is on disk.
    drop(ws);
    let mut ws = Workspace::open(dir.path()).unwrap();
    let back = ws.restore_article(&key).unwrap();
    assert_eq!(back, before);
    assert_eq!(ws.revisions(id).unwrap(), revisions);
    assert_eq!(ws.notes(&key).unwrap(), notes);
    assert_eq!(ws.transitions(&key).unwrap(), moves);
    assert_eq!(search_ids(&ws, "Sheinbaum"), [id]);
    assert!(ws.trash().unwrap().is_empty());
    let err = ws.restore_article(&key).expect_err("not in the trash");
    assert!(err.to_string().contains("is not in the trash"), "{err}");
}

#[test]
fn emptying_the_trash_deletes_only_the_trash() {
    let (_dir, mut ws) = desk();
    let keep = story(&mut ws, "Keep me", "Kept.");
    let gone = story(&mut ws, "Delete me", "Gone.");
    ws.add_note(&gone.to_string(), "a note").unwrap();
    ws.trash_article(&gone.to_string()).unwrap();
    assert_eq!(ws.empty_trash().unwrap(), 1);
    assert!(ws.trash().unwrap().is_empty());
    assert_eq!(ws.articles().unwrap().len(), 1);
    assert_eq!(ws.articles().unwrap()[0].id, keep);
    assert_eq!(
        ws.restore_article(&gone.to_string())
            .unwrap_err()
            .to_dto()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

// ---- Search ---------------------------------------------------------------------------------

#[test]
fn search_ignores_accents_matches_prefixes_and_marks_the_words() {
    let (_dir, mut ws) = desk();
    let es = ws
        .create_article(ArticleDraft {
            headline: "El Congreso aprueba el presupuesto".into(),
            body: "Enrique Peña Nieto habló en México sobre la reforma energética.".into(),
            language: Some("es".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let en = story(
        &mut ws,
        "Sheinbaum rejects U.S. offer",
        "President Claudia Sheinbaum of Mexico said no.",
    );
    assert_eq!(search_ids(&ws, "Pena"), [es]);
    assert_eq!(search_ids(&ws, "peña"), [es]);
    assert_eq!(search_ids(&ws, "energetica"), [es]);
    let mut both = search_ids(&ws, "Mexico");
    both.sort();
    assert_eq!(both, [es, en]);
    assert_eq!(search_ids(&ws, "Shein"), [en], "a prefix of a word");
    assert_eq!(
        search_ids(&ws, "she rej"),
        [en],
        "every word, each a prefix"
    );
    assert!(
        search_ids(&ws, "Sheinbaum Peña").is_empty(),
        "all words must match"
    );
    assert!(
        search_ids(&ws, "\"OR\" NEAR(").is_empty(),
        "operators are plain words"
    );

    let hit = &ws.search("pena").unwrap()[0];
    assert!(hit.snippet.contains("<mark>Peña</mark>"), "{}", hit.snippet);
    assert_eq!(hit.found_in, FoundIn::Text);
}

#[test]
fn search_finds_a_story_by_its_hero_photos_caption_and_credit() {
    let (_dir, mut ws) = desk();
    let photo = import_photo(&mut ws);
    let mut fields = photo.fields.clone();
    fields.caption = "Migrantes cruzan el río Bravo cerca de Ciudad Juárez".into();
    fields.creator = "Stephania Corpi".into();
    fields.agency = "Bloomberg".into();
    fields.distributor = "Getty Images".into();
    ws.update_photo(photo.id, fields, photo.focus).unwrap();
    let id = story(
        &mut ws,
        "Border crossings fall",
        "Fewer people crossed in May.",
    );
    let other = story(&mut ws, "Unrelated", "Nothing about the river.");
    lead_photo(&mut ws, &id.to_string(), photo.id);
    assert_eq!(search_ids(&ws, "juarez"), [id], "a word of the caption");
    assert_eq!(search_ids(&ws, "corpi"), [id], "the photographer");
    assert_eq!(search_ids(&ws, "getty"), [id], "the distributor");
    let hit = &ws.search("rio bravo").unwrap()[0];
    assert_eq!(hit.found_in, FoundIn::Photo);
    assert!(hit.snippet.contains("<mark>río</mark>"), "{}", hit.snippet);
    // A word in the story's own text ranks it as a text hit, once.
    assert_eq!(search_ids(&ws, "river"), [other]);
    assert_eq!(search_ids(&ws, "crossed"), [id]);
}

// ---- People and places ----------------------------------------------------------------------

#[test]
fn bylines_keep_their_order_and_roles_and_link_to_profiles() {
    let (dir, mut ws) = desk();
    ws.upsert_author(
        "Dionys Duroc",
        "Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media",
        "Covers Mexico.",
    )
    .unwrap();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Three names".into(),
            bylines: vec![
                byline("Zoe Zamora", None),
                byline("Dionys Duroc", Some("Special to Sociedad Media")),
                byline("Ana Álvarez", Some("Guest")),
            ],
            ..Default::default()
        })
        .unwrap();
    drop(ws);
    let mut ws = Workspace::open(dir.path()).unwrap();
    let got = ws.article_by_id(a.id).unwrap().bylines;
    let names: Vec<&str> = got.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Zoe Zamora", "Dionys Duroc", "Ana Álvarez"]);
    assert_eq!(got[1].role.as_deref(), Some("Special to Sociedad Media"));
    assert!(got[1].author_id.is_some(), "linked to the profile");
    assert!(got[0].author_id.is_none(), "a guest byline");

    // Reordered, the new order is kept.
    let mut d = ArticleDraft::from(&ws.article_by_id(a.id).unwrap());
    d.bylines.reverse();
    let names: Vec<String> = ws
        .save_article(a.id, d)
        .unwrap()
        .bylines
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Ana Álvarez", "Dionys Duroc", "Zoe Zamora"]);

    // A profile added later links the guest's existing bylines; its count follows.
    let zoe = ws.upsert_author("Zoe Zamora", "Photographer", "").unwrap();
    assert_eq!(zoe.articles, 1);
    // Renaming a profile renames its bylines.
    let mut renamed = zoe.clone();
    renamed.name = "Zoë Zamora".into();
    ws.update_author(&renamed).unwrap();
    let names: Vec<String> = ws
        .article_by_id(a.id)
        .unwrap()
        .bylines
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Ana Álvarez", "Dionys Duroc", "Zoë Zamora"]);
    let clash = ws.upsert_author("Dionys Duroc", "r", "").unwrap();
    let mut dup = clash.clone();
    dup.id = renamed.id;
    assert!(ws
        .update_author(&dup)
        .unwrap_err()
        .to_string()
        .contains("already an author"));
}

#[test]
fn the_page_says_by_a_b_and_c_with_each_role_and_the_profiles_portrait() {
    let (dir, mut ws) = desk();
    let photo = import_photo(&mut ws);
    let mut duroc = ws
        .upsert_author("Dionys Duroc", "Foreign Correspondent", "Covers Mexico.")
        .unwrap();
    duroc.portrait_photo_id = Some(photo.id);
    assert_eq!(
        ws.update_author(&duroc).unwrap().portrait_photo_id,
        Some(photo.id)
    );
    let a = ws
        .create_article(ArticleDraft {
            headline: "Three names".into(),
            body: "Text.".into(),
            bylines: vec![
                byline("Zoe Zamora", Some("Staff")),
                byline("Dionys Duroc", Some("Foreign Correspondent")),
                byline("Ana Álvarez", None),
            ],
            ..Default::default()
        })
        .unwrap();
    ws.add_note(
        &a.slug,
        "INTERNAL-NOTE-7f3a: do not publish the source's name",
    )
    .unwrap();
    let out = dir.path().join("out");
    ws.export(
        &a.slug,
        &out,
        &ExportOptions { zip: false },
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("export");
    let html = std::fs::read_to_string(out.join(&a.slug).join("index.html")).unwrap();
    let byline_line = html
        .lines()
        .find(|l| l.contains("class=\"byline\""))
        .expect("byline line");
    let text: String = strip_tags(byline_line);
    // One line: each name with its role, set apart by semicolons when roles are given.
    assert_eq!(
        text.trim(),
        "By Zoe Zamora, Staff; Dionys Duroc, Foreign Correspondent; and Ana Álvarez"
    );
    // The profile's portrait: a square JPEG in the package, shown in the second author's box.
    let portrait = out.join(&a.slug).join("images/author-2-1x1-320.jpg");
    let (w, h) = image_size(&portrait);
    assert_eq!((w, h), (320, 320));
    let box2 = html
        .split("id=\"author-2\"")
        .nth(1)
        .expect("second author box");
    assert!(
        box2.split("</section>")
            .next()
            .unwrap()
            .contains("src=\"images/author-2-1x1-320.jpg\""),
        "{box2}"
    );
    assert!(
        !html.contains("author-1-1x1"),
        "a guest byline has no portrait"
    );

    // Notes are for the desk: no file of the package carries them.
    for entry in walk(&out) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("INTERNAL-NOTE-7f3a"),
            "{} carries an editor's note",
            entry.display()
        );
    }
}

/// A JPEG's pixel size, read from its SOF marker.
fn image_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut i = 2;
    while i + 9 < b.len() {
        let (marker, len) = (
            b[i + 1],
            usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]])),
        );
        if (0xC0..=0xC2).contains(&marker) {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return (u32::from(w), u32::from(h));
        }
        i += 2 + len;
    }
    panic!("{} has no frame header", path.display());
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn sections_and_tags_are_managed_lists_and_renames_follow_every_story() {
    let (_dir, mut ws) = desk();
    let mk = |ws: &mut Workspace, h: &str, section: &str, tags: &[&str]| {
        ws.create_article(ArticleDraft {
            headline: h.into(),
            section: Some(section.into()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let a = mk(&mut ws, "One", "Mexico", &["Cartels", "Security"]);
    let b = mk(&mut ws, "Two", "mexico", &["Security"]);
    let mex = ws.sections().unwrap();
    assert_eq!(mex.len(), 1, "one section whatever the case: {mex:?}");
    assert_eq!(mex[0].articles, 2);
    let renamed = ws.rename_section(mex[0].id, "México").unwrap();
    assert_eq!(renamed.name, "México");
    assert_eq!(renamed.slug, "mexico");
    assert_eq!(
        ws.article_by_id(b).unwrap().section.as_deref(),
        Some("México")
    );
    ws.add_section("World").unwrap();
    let clash = ws.rename_section(renamed.id, "world").unwrap_err();
    assert!(clash.to_string().contains("already a section"), "{clash}");

    ws.add_tag("Elections").unwrap();
    let tags: Vec<(String, u32)> = ws
        .tags()
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.articles))
        .collect();
    assert_eq!(
        tags,
        [
            ("Cartels".to_string(), 1),
            ("Elections".to_string(), 0),
            ("Security".to_string(), 2)
        ]
    );
    // Renaming onto an existing tag merges: story `a` keeps one "Security".
    assert_eq!(ws.rename_tag("Cartels", "Security").unwrap(), 0);
    assert_eq!(ws.article_by_id(a).unwrap().tags, ["Security"]);
    assert_eq!(ws.rename_tag("Security", "Seguridad").unwrap(), 2);
    assert_eq!(ws.article_by_id(b).unwrap().tags, ["Seguridad"]);
    let names: Vec<String> = ws.tags().unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["Elections", "Seguridad"]);
}

// ---- Library --------------------------------------------------------------------------------

#[test]
fn the_library_filters_by_status_section_author_tag_and_date_and_sorts() {
    let (_dir, mut ws) = desk();
    let day = |d: u32| Utc.with_ymd_and_hms(2026, 3, d, 12, 0, 0).unwrap();
    let mk = |ws: &mut Workspace, h: &str, section: &str, who: &str, tag: &str, d: u32| {
        ws.create_article_at(
            ArticleDraft {
                headline: h.into(),
                section: Some(section.into()),
                bylines: vec![byline(who, None)],
                tags: vec![tag.into()],
                ..Default::default()
            },
            day(d),
        )
        .unwrap()
        .id
    };
    let a = mk(&mut ws, "Bravo", "Mexico", "Dionys Duroc", "Cartels", 1);
    mk(&mut ws, "Alpha", "World", "Ana Pérez", "Trade", 5);
    mk(&mut ws, "Charlie", "Mexico", "Ana Pérez", "Trade", 9);
    ws.set_status(&a.to_string(), Status::InEdit).unwrap();

    let q = |f: fn(&mut LibraryQuery)| {
        let mut q = LibraryQuery::default();
        f(&mut q);
        q
    };
    // Last change first: the move touched Bravo just now.
    assert_eq!(
        headlines(&ws, &LibraryQuery::default()),
        ["Bravo", "Charlie", "Alpha"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.sort = LibrarySort::Headline)),
        ["Alpha", "Bravo", "Charlie"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.sort = LibrarySort::Created)),
        ["Charlie", "Alpha", "Bravo"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.sort = LibrarySort::Status)),
        ["Charlie", "Alpha", "Bravo"],
        "Drafts before In edit"
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.status = Some(Status::InEdit))),
        ["Bravo"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.section = Some("mexico".into()))),
        ["Bravo", "Charlie"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.author = Some("Ana Pérez".into()))),
        ["Charlie", "Alpha"]
    );
    assert_eq!(
        headlines(&ws, &q(|q| q.tag = Some("trade".into()))),
        ["Charlie", "Alpha"]
    );
    assert_eq!(
        headlines(
            &ws,
            &q(|q| {
                q.from = Some("2026-03-05".into());
                q.to = Some("2026-03-09".into());
            })
        ),
        ["Charlie", "Alpha"],
        "both ends of the range are included"
    );
    assert_eq!(
        headlines(
            &ws,
            &q(|q| {
                q.author = Some("Ana Pérez".into());
                q.section = Some("Mexico".into());
            })
        ),
        ["Charlie"],
        "filters combine"
    );
    let err = ws
        .library(&q(|q| q.from = Some("March 5".into())))
        .unwrap_err();
    assert!(err.to_string().contains("is not a date"), "{err}");
    let row = &ws.library(&LibraryQuery::default()).unwrap()[0];
    assert_eq!(row.bylines, ["Dionys Duroc"]);
    assert_eq!(row.tags, ["Cartels"]);
    assert_eq!(row.section.as_deref(), Some("Mexico"));
}

// ---- Duplicate, templates, identity ----------------------------------------------------------

#[test]
fn a_duplicate_is_a_new_draft_with_the_same_words_and_its_own_history() {
    let (_dir, mut ws) = desk();
    let id = story(&mut ws, "Original", "Every word.");
    ws.set_status(&id.to_string(), Status::InEdit).unwrap();
    ws.add_note(&id.to_string(), "stays with the original")
        .unwrap();
    let copy = ws.duplicate_article(&id.to_string()).unwrap();
    assert_ne!(copy.id, id);
    // Issue 11: the copy says it is one, so two identical headlines never sit side by side.
    assert_eq!(copy.headline, "Original (copy)");
    assert_eq!(copy.slug, "original-copy");
    assert_eq!(copy.body, "Every word.");
    assert_eq!(copy.status, Status::Draft);
    let revs = ws.revisions(copy.id).unwrap();
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].reason, format!("duplicated from #{id}"));
    assert!(ws.notes(&copy.id.to_string()).unwrap().is_empty());
}

#[test]
fn templates_start_a_draft_with_the_genre_and_the_writer_on_the_byline() {
    let (_dir, mut ws) = desk();
    for (t, tag) in [
        ("news", "News"),
        ("Analysis", "Analysis"),
        ("photo_story", "Photo story"),
    ] {
        let a = ws.create_from_template(t, "", "en").unwrap();
        assert_eq!(a.status, Status::Draft);
        assert_eq!(a.tags, [tag]);
        assert_eq!(a.bylines[0].name, "Ana Editor");
        assert!(!a.body.is_empty());
    }
    let a = ws
        .create_from_template("news", "Quake hits Oaxaca", "en")
        .unwrap();
    assert_eq!(a.slug, "quake-hits-oaxaca");
    assert_eq!(
        ws.create_from_template("obituary", "x", "en")
            .unwrap_err()
            .to_dto()
            .code,
        ErrorCode::NotFound
    );
    // A Spanish-speaking correspondent's story from a template is a Spanish story: its
    // placeholder headline, its shape and its tag are in Spanish, and so is its page.
    let es = ws.create_from_template("analysis", "", "es-MX").unwrap();
    assert_eq!(
        (es.headline.as_str(), es.language.as_str()),
        ("Nuevo análisis", "es-MX")
    );
    assert_eq!(es.tags, ["Análisis"]);
    assert!(es.body.contains("## Lo que sabemos"), "{}", es.body);
    assert!(!es.body.contains("evidence"), "{}", es.body);
}

#[test]
fn the_identity_is_required_and_stamped_on_revisions() {
    let (_dir, mut ws) = desk();
    let err = ws.set_identity("   ").unwrap_err();
    assert!(err.to_string().contains("Type your name"), "{err}");
    assert_eq!(ws.identity().unwrap(), "Ana Editor");
    ws.set_identity("  María   José  ").unwrap();
    let id = story(&mut ws, "Stamped", "");
    assert_eq!(ws.revisions(id).unwrap()[0].author, "María José");
    let n = ws.add_note(&id.to_string(), "  ").unwrap_err();
    assert!(n.to_string().contains("The note is empty"), "{n}");
    assert_eq!(
        ws.add_note(&id.to_string(), "Looks good").unwrap().who,
        "María José"
    );
}

// ---- Issue 11 ---------------------------------------------------------------------------

#[test]
fn issue11_a_spanish_duplicate_is_marked_in_spanish() {
    let (_dir, mut ws) = desk();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Nota original".into(),
            language: Some("es".into()),
            ..Default::default()
        })
        .unwrap();
    let copy = ws.duplicate_article(&a.slug).unwrap();
    assert_eq!(copy.headline, "Nota original (copia)");
}

#[test]
fn issue11_a_byline_becomes_an_author_profile_when_the_story_moves() {
    let (_dir, mut ws) = desk();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Filed from Caracas".into(),
            bylines: vec![byline("Luis Pérez", Some("Correspondent"))],
            ..Default::default()
        })
        .unwrap();
    // Autosaves of a half-typed name never make people.
    let mut d = ArticleDraft::from(&a);
    d.bylines = vec![byline("Luis P", None)];
    ws.save_article(a.id, d.clone()).unwrap();
    d.bylines = vec![byline("Luis Pérez", Some("Correspondent"))];
    ws.save_article(a.id, d).unwrap();
    assert!(ws.authors().unwrap().is_empty());
    // Filing the story makes the profile, with the byline's role, linked to the byline.
    let moved = ws.set_status(&a.slug, Status::InEdit).unwrap();
    let authors = ws.authors().unwrap();
    assert_eq!(authors.len(), 1, "{authors:?}");
    assert_eq!(authors[0].name, "Luis Pérez");
    assert_eq!(authors[0].role, "Correspondent");
    assert_eq!(moved.bylines[0].author_id, Some(authors[0].id));
}

#[test]
fn issue11_unused_sections_and_tags_can_be_deleted_used_ones_cannot() {
    let (_dir, mut ws) = desk();
    let used = ws.add_section("Mexico").unwrap();
    let unused = ws.add_section("Mex").unwrap();
    ws.add_tag("Water").unwrap();
    ws.add_tag("Wat").unwrap();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Rationing".into(),
            section: Some("Mexico".into()),
            tags: vec!["Water".into()],
            ..Default::default()
        })
        .unwrap();
    ws.trash_article(&a.slug).unwrap();
    let e = ws
        .delete_section(used.id)
        .expect_err("in use, in the trash");
    assert_eq!(e.code(), ErrorCode::InUse);
    assert!(e.to_string().contains("1 story"), "{e}");
    assert_eq!(ws.delete_tag("Water").unwrap_err().code(), ErrorCode::InUse);
    ws.delete_section(unused.id).unwrap();
    ws.delete_tag("Wat").unwrap();
    let names: Vec<String> = ws.sections().unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Mexico"]);
    let tags: Vec<String> = ws.tags().unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(tags, ["Water"]);
}

#[test]
fn issue11_settings_live_in_the_desk_and_explain_bad_values() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut ws = Workspace::open(dir.path()).unwrap();
        let s = ws.settings().unwrap();
        assert_eq!(s.hero_aspect, "16:9", "today's rule is the default");
        assert_eq!(s.desk_folder, dir.path().display().to_string());
        assert!(s.export_folder_now.ends_with("Dateline exports"));
        let gone = dir.path().join("gone");
        let saved = ws
            .save_settings(dateline::settings::Settings {
                publication: "Diario del Sur".into(),
                hero_aspect: "3:2".into(),
                export_folder: Some(gone.display().to_string()),
                ..s.clone()
            })
            .unwrap();
        // A remembered folder that no longer exists falls back to ~/Dateline exports.
        assert!(saved.export_folder_now.ends_with("Dateline exports"));
        std::fs::create_dir(&gone).unwrap();
        assert_eq!(
            ws.settings().unwrap().export_folder_now,
            gone.display().to_string()
        );
        let e = ws
            .save_settings(dateline::settings::Settings {
                hero_aspect: "7:5".into(),
                ..s
            })
            .unwrap_err();
        assert!(e.to_string().contains("16:9, 3:2"), "{e}");
    }
    let ws = Workspace::open(dir.path()).unwrap();
    let s = ws.settings().unwrap();
    assert_eq!(
        (s.publication.as_str(), s.hero_aspect.as_str()),
        ("Diario del Sur", "3:2")
    );
    assert_eq!(ws.info().unwrap().publication, "Diario del Sur");
}

/// The People screen's save: a new profile with a portrait in one call, a second "new" profile
/// of the same name takes the new role and keeps the portrait, and a profile that cannot be
/// saved (a name another profile has) changes nothing.
#[test]
fn saving_an_author_keeps_the_portrait_and_refuses_a_taken_name_whole() {
    let (_tmp, mut ws) = desk();
    let photo = import_photo(&mut ws);
    let new = |name: &str, role: &str, portrait: Option<i64>| Author {
        id: 0,
        name: name.into(),
        role: role.into(),
        bio: String::new(),
        portrait_photo_id: portrait,
        articles: 0,
    };
    let ana = ws
        .save_author(&new("Ana Ruiz", "Corresponsal", Some(photo.id)))
        .expect("a new profile with a portrait");
    assert_eq!(ana.portrait_photo_id, Some(photo.id));
    let again = ws
        .save_author(&new("Ana Ruiz", "Jefa de corresponsales", None))
        .expect("the same name again");
    assert_eq!(again.id, ana.id, "one profile per name");
    assert_eq!(again.role, "Jefa de corresponsales");
    assert_eq!(
        ws.author("Ana Ruiz").expect("profile").portrait_photo_id,
        Some(photo.id),
        "a save without a portrait keeps the one the profile has"
    );

    let luis = ws
        .save_author(&new("Luis Pérez", "Fotógrafo", None))
        .expect("another profile");
    let taken = Author {
        name: "Ana Ruiz".into(),
        role: "Editor".into(),
        ..luis.clone()
    };
    let e = ws
        .save_author(&taken)
        .expect_err("a name another profile has");
    assert_eq!(e.code(), ErrorCode::Invalid, "{e}");
    let kept = ws.author(&luis.id.to_string()).expect("unchanged");
    assert_eq!((kept.name, kept.role), (luis.name, luis.role));
}

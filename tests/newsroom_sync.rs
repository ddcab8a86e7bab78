//! Desks sharing one library through a real PostgreSQL (issue 13): a correspondent's story
//! travels whole to the editor's desk (fields, bylines, section, tags, hero photo with its
//! crop and the original's bytes, revisions with the same global ids, moves, notes), the
//! editor's moves and words travel back, a move the newsroom refuses keeps the words and says
//! why, syncing twice or after losing the acknowledgement sends nothing twice, and edits of
//! different paragraphs made while apart merge into a revision with two parents.

mod newsroom_pg;

use std::path::{Path, PathBuf};

use dateline::model::{Article, ArticleDraft, Byline, Hero, HeroPhoto, PhotoFields, Status};
use dateline::newsroom::{self, Role, SyncReport};
use dateline::photo::CropRequest;
use dateline::Workspace;
use postgres::{Client, NoTls};

const PASSWORD: &str = "correct horse battery";

/// The person at the desk, typing the password when sync asks (the desk keeps none).
fn ask(_question: &str) -> Option<String> {
    Some(PASSWORD.to_string())
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos")
        .join(name)
}

/// A desk's folder (removed when dropped) and the desk.
type Desk = (tempfile::TempDir, Workspace);

struct Newsroom {
    db: String,
}

impl Newsroom {
    fn new(hint: &str, people: &[(&str, Role)]) -> Newsroom {
        let pg = newsroom_pg::cluster();
        let db = pg.database(hint);
        newsroom::init(&pg.admin(&db), None).expect("init");
        for (who, role) in people {
            newsroom::add_user(
                &pg.admin(&db),
                None,
                &format!("{who}_{db}"),
                who,
                *role,
                PASSWORD,
            )
            .expect("user add");
        }
        Newsroom { db }
    }

    /// The usual pair: Ana, a correspondent, and Eva, an editor, each at her own desk.
    fn ana_and_eva(hint: &str) -> (Newsroom, Desk, Desk) {
        let room = Newsroom::new(hint, &[("ana", Role::Correspondent), ("eva", Role::Editor)]);
        let ana = room.desk("ana");
        let eva = room.desk("eva");
        (room, ana, eva)
    }

    fn login(&self, who: &str) -> String {
        format!("{who}_{}", self.db)
    }

    /// A desk in a temporary folder, joined as `who`.
    fn desk(&self, who: &str) -> Desk {
        let pg = newsroom_pg::cluster();
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(dir.path()).expect("desk");
        ws.newsroom_join(&pg.url(&self.login(who), PASSWORD, &self.db), None)
            .expect("join");
        (dir, ws)
    }

    fn superuser(&self) -> Client {
        Client::connect(&newsroom_pg::cluster().admin(&self.db), NoTls).expect("superuser")
    }

    fn count(&self, table: &str) -> i64 {
        self.superuser()
            .query_one(&format!("SELECT count(*) FROM newsroom.{table}"), &[])
            .expect("count")
            .get(0)
    }
}

/// A story of a headline and a body, written on `ws`.
fn write(ws: &mut Workspace, headline: &str, body: &str) -> Article {
    ws.create_article(ArticleDraft {
        headline: headline.into(),
        body: body.into(),
        ..ArticleDraft::default()
    })
    .expect("story")
}

/// A sync that must go through (what it refused or merged is in the report).
fn sync(ws: &mut Workspace) -> SyncReport {
    ws.sync(Some(&ask)).expect("sync")
}

fn uuids(ws: &Workspace, key: &str) -> Vec<String> {
    let a = ws.article(key).expect("article");
    let mut v: Vec<String> = ws
        .newsroom_revision_graph(a.id)
        .expect("graph")
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    v.sort();
    v
}

#[test]
fn a_story_travels_whole_and_the_editors_work_comes_back_issue_13() {
    let (room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_whole");
    // Eva's desk already has a photo of its own, so the desks' photo numbers differ.
    let own = eva
        .import_photo(&fixture("orient6-landscape.jpg"))
        .expect("eva's own photo");

    // Ana writes offline: a story with everything a story has.
    let photo = ana
        .import_photo(&fixture("large-canon-eos5d3-22mp.jpg"))
        .expect("photo");
    ana.update_photo(
        photo.id,
        PhotoFields {
            caption: "El pleno de la Cámara.".into(),
            creator: "Carlos Barria".into(),
            agency: "Reuters".into(),
            alt_text: "Diputados votan en el pleno".into(),
            ..PhotoFields::default()
        },
        photo.focus,
    )
    .expect("fields");
    ana.set_crop(
        photo.id,
        CropRequest {
            name: "hero".into(),
            aspect: "16:9".into(),
            focus: None,
            rect: None,
        },
    )
    .expect("crop");
    let story = ana
        .create_article(ArticleDraft {
            headline: "Diputados aprueban la reforma".into(),
            dek: "Por 300 votos".into(),
            body: format!(
                "El pleno votó.\n\n![El pleno](photo:{}#hero)\n\nLa oposición salió.\n\n\
                 Habrá recurso.\n",
                photo.id
            ),
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
            hero: Some(Hero {
                photos: vec![HeroPhoto {
                    photo_id: photo.id,
                    crop: Some("hero".into()),
                }],
                edited_by: Some("Sociedad Media".into()),
            }),
            ..ArticleDraft::default()
        })
        .expect("story");
    ana.add_note(&story.slug, "Fuente confirmada por teléfono.")
        .expect("note");
    ana.set_status(&story.slug, Status::InEdit).expect("filed");
    let before = ana.newsroom_status(Some(&ask)).expect("status");
    assert!(
        before.to_send >= 3,
        "revisions, a move and a note wait: {before:?}"
    );

    let r = sync(&mut ana);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    assert_eq!(r.pushed_photos, 1);
    assert_eq!(ana.newsroom_status(Some(&ask)).expect("status").to_send, 0);

    // Eva receives it whole.
    let r = sync(&mut eva);
    assert_eq!(r.pulled_stories, 1);
    let got = eva
        .article(&story.slug)
        .expect("the story is on the editor's desk");
    assert_eq!(got.headline, story.headline);
    assert_eq!(got.dek, story.dek);
    // The body's photo is the same photo on Eva's desk, under Eva's number for it.
    let hero_here = got.hero.as_ref().expect("hero").photos[0].photo_id;
    assert_ne!(hero_here, photo.id, "the desks number photos differently");
    assert_ne!(hero_here, own.id);
    assert_eq!(
        got.body,
        story.body.replace(
            &format!("photo:{}#hero", photo.id),
            &format!("photo:{hero_here}#hero")
        )
    );
    assert_eq!(got.dateline, story.dateline);
    assert_eq!(got.section.as_deref(), Some("México"));
    assert_eq!(got.tags, story.tags);
    assert_eq!(got.language, "es");
    assert_eq!(got.status, Status::InEdit);
    let names: Vec<_> = got
        .bylines
        .iter()
        .map(|b| (b.name.as_str(), b.role.as_deref()))
        .collect();
    assert_eq!(
        names,
        [("Ana Pérez", Some("Corresponsal")), ("Luis Gómez", None)]
    );
    let hero = got.hero.expect("the hero travels");
    assert_eq!(hero.edited_by.as_deref(), Some("Sociedad Media"));
    assert_eq!(hero.photos[0].crop.as_deref(), Some("hero"));
    let their_photo = eva.photo(hero.photos[0].photo_id).expect("the hero photo");
    assert_eq!(their_photo.sha256, photo.sha256);
    assert_eq!(their_photo.fields.creator, "Carlos Barria");
    assert_eq!(their_photo.fields.alt_text, "Diputados votan en el pleno");
    assert_eq!(eva.crops(their_photo.id).expect("crops").len(), 1);
    let bytes = std::fs::read(eva.photo_original(their_photo.id).expect("path")).expect("original");
    assert_eq!(
        bytes,
        std::fs::read(fixture("large-canon-eos5d3-22mp.jpg")).expect("fixture")
    );
    assert_eq!(
        uuids(&eva, &story.slug),
        uuids(&ana, &story.slug),
        "same history, same ids"
    );
    let notes = eva.notes(&story.slug).expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].who, room.login("ana"), "stamped by the newsroom");
    let moves = eva.transitions(&story.slug).expect("moves");
    assert_eq!(moves.len(), 1);
    assert_eq!(
        (moves[0].from, moves[0].to),
        (Status::Draft, Status::InEdit)
    );

    // Eva edits and publishes; Ana sees it.
    let mut d = ArticleDraft::from(&eva.article(&story.slug).expect("story"));
    d.body = d
        .body
        .replace("Habrá recurso.", "Habrá recurso ante la Corte.");
    eva.save_article(got.id, d).expect("edit");
    for s in [Status::CopyDesk, Status::Ready, Status::Published] {
        eva.set_status(&story.slug, s).expect("move");
    }
    let r = sync(&mut eva);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    sync(&mut ana);
    let back = ana.article(&story.slug).expect("story");
    assert_eq!(back.status, Status::Published);
    assert!(back.body.contains("ante la Corte"), "{}", back.body);
    assert!(
        back.body.contains(&format!("photo:{}#hero", photo.id)),
        "back on Ana's desk under Ana's number: {}",
        back.body
    );
    assert_eq!(uuids(&eva, &story.slug), uuids(&ana, &story.slug));

    // A sync with nothing to do sends nothing.
    let revisions = room.count("revisions");
    let r = sync(&mut ana);
    assert_eq!(
        (r.pushed_revisions, r.pushed_moves, r.pushed_notes),
        (0, 0, 0)
    );
    sync(&mut eva);
    assert_eq!(room.count("revisions"), revisions);
    assert_eq!(room.count("stories"), 1);
    assert_eq!(room.count("photos"), 2, "Ana's and Eva's own");
    assert_eq!(
        room.count("original_chunks"),
        3 + 1,
        "2.2 MB in 1 MiB chunks and 138 KB in one, once each"
    );
}

#[test]
fn a_refused_move_keeps_the_words_and_says_why_issue_13() {
    let room = Newsroom::new("sync_refused", &[("ana", Role::Correspondent)]);
    let (_a, mut ana) = room.desk("ana");
    let s = write(&mut ana, "Crónica", "Primer párrafo.\n");
    ana.set_status(&s.slug, Status::InEdit).expect("filed");
    // Offline, her own desk lets her push it on to the copy desk and keep writing.
    ana.set_status(&s.slug, Status::CopyDesk)
        .expect("the desk allows it");
    let mut d = ArticleDraft::from(&ana.article(&s.slug).expect("story"));
    d.body
        .push_str("\nSegundo párrafo, escrito sin conexión.\n");
    ana.save_article(s.id, d).expect("words");

    let r = sync(&mut ana);
    assert_eq!(r.refused.len(), 1, "{:?}", r.refused);
    assert_eq!(r.refused[0].kind, "move");
    assert!(
        r.refused[0].reason.contains("Only an editor"),
        "{}",
        r.refused[0].reason
    );
    let a = ana.article(&s.slug).expect("story");
    assert_eq!(
        a.status,
        Status::InEdit,
        "the story stays where the newsroom has it"
    );
    assert!(
        a.body.contains("sin conexión"),
        "the words stay: {}",
        a.body
    );
    let status = ana.newsroom_status(Some(&ask)).expect("status");
    assert_eq!(status.refused.len(), 1);
    assert!(
        status.refused[0].reason.contains("Copy desk"),
        "{:?}",
        status.refused
    );
    // The words reached the newsroom; the refused move did not.
    let body: String = room
        .superuser()
        .query_one("SELECT body FROM newsroom.stories", &[])
        .expect("story")
        .get(0);
    assert!(body.contains("sin conexión"), "{body}");
    // And it is not tried again and again.
    let r = sync(&mut ana);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
}

#[test]
fn a_sync_whose_acknowledgement_was_lost_sends_nothing_twice_issue_13() {
    let room = Newsroom::new("sync_again", &[("eva", Role::Editor)]);
    let (dir, mut eva) = room.desk("eva");
    let s = write(&mut eva, "Nota", "Texto.\n");
    eva.add_note(&s.slug, "Revisar cifras.").expect("note");
    eva.set_status(&s.slug, Status::InEdit).expect("move");
    sync(&mut eva);
    // Once more, so the desk's cursor is past its own rows: what it sends again next is
    // not brought back by the pull first.
    sync(&mut eva);
    let counts =
        |room: &Newsroom| ["stories", "revisions", "moves", "notes"].map(|t| room.count(t));
    let after_first = counts(&room);
    // The desk is killed after the server's commit and before it recorded the
    // acknowledgement: its record of what was sent is gone, as if never written.
    drop(eva);
    assert!(
        forget_acknowledgements(dir.path()) > 0,
        "the desk had recorded what it sent"
    );
    let mut eva = Workspace::open(dir.path()).expect("reopen");
    let r = sync(&mut eva);
    assert!(
        r.refused.is_empty(),
        "a move sent twice is not refused: {:?}",
        r.refused
    );
    assert!(
        r.pushed_revisions > 0,
        "the revisions were sent again: {r:?}"
    );
    assert_eq!(counts(&room), after_first, "the newsroom keeps one of each");
    assert_eq!(eva.article(&s.slug).expect("story").status, Status::InEdit);
}

/// Forgets the desk's acknowledgements, as a kill between the server's commit and the desk's
/// would: returns how many there were.
fn forget_acknowledgements(dir: &Path) -> i64 {
    let c = rusqlite::Connection::open(dir.join("dateline.sqlite")).expect("the desk's file");
    let n: i64 = c
        .query_row("SELECT count(*) FROM newsroom_sent", [], |r| r.get(0))
        .expect("count");
    c.execute("DELETE FROM newsroom_sent", []).expect("delete");
    n
}

#[test]
fn edits_of_different_paragraphs_made_apart_merge_with_two_parents_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_merge");
    let s = write(&mut ana, "Tres párrafos", "Uno.\n\nDos.\n\nTres.\n");
    sync(&mut ana);
    sync(&mut eva);
    // Apart: Ana edits the first paragraph, Eva the last.
    let edit = |ws: &mut Workspace, from: &str, to: &str| {
        let a = ws.article(&s.slug).expect("story");
        let mut d = ArticleDraft::from(&a);
        d.body = d.body.replace(from, to);
        ws.save_article(a.id, d).expect("edit");
    };
    edit(&mut ana, "Uno.", "Uno, corregido por Ana.");
    edit(&mut eva, "Tres.", "Tres, corregido por Eva.");
    sync(&mut eva);
    let r = sync(&mut ana);
    assert_eq!(r.merged, 1, "{r:?}");
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    sync(&mut eva);
    let want = "Uno, corregido por Ana.\n\nDos.\n\nTres, corregido por Eva.\n";
    assert_eq!(ana.article(&s.slug).expect("a").body, want);
    assert_eq!(eva.article(&s.slug).expect("e").body, want);
    let graph = ana
        .newsroom_revision_graph(ana.article(&s.slug).expect("a").id)
        .expect("graph");
    assert!(
        graph.iter().any(|(_, parents)| parents.len() == 2),
        "a merge revision with two parents: {graph:?}"
    );
    assert_eq!(uuids(&ana, &s.slug), uuids(&eva, &s.slug));
}

#[test]
fn overlapping_edits_keep_both_versions_as_a_conflict_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_conflict");
    let s = write(&mut ana, "Un párrafo", "El ministro dijo que no.\n");
    sync(&mut ana);
    sync(&mut eva);
    let edit = |ws: &mut Workspace, to: &str| {
        let a = ws.article(&s.slug).expect("story");
        let mut d = ArticleDraft::from(&a);
        d.body = to.into();
        ws.save_article(a.id, d).expect("edit");
    };
    edit(&mut ana, "El ministro dijo que sí.\n");
    edit(&mut eva, "La ministra dijo que no.\n");
    sync(&mut eva);
    let r = sync(&mut ana);
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    assert_eq!(r.conflicts[0].field, "body");
    // Both versions are whole in Ana's history, and the status says so.
    let status = ana.newsroom_status(Some(&ask)).expect("status");
    assert_eq!(status.conflicts.len(), 1);
    let a = ana.article(&s.slug).expect("a");
    let texts: Vec<String> = ana
        .revisions(a.id)
        .expect("history")
        .iter()
        .map(|r| ana.revision(r.id).expect("rev").body)
        .collect();
    assert!(texts.iter().any(|t| t.contains("dijo que sí")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("La ministra")), "{texts:?}");
}

#[test]
fn a_credit_changed_on_two_desks_blocks_the_export_until_someone_chooses_issue_13() {
    let room = Newsroom::new(
        "sync_credit",
        &[("ana", Role::Correspondent), ("pia", Role::Photo)],
    );
    let (_a, mut ana) = room.desk("ana");
    let (_p, mut pia) = room.desk("pia");
    let photo = ana
        .import_photo(&fixture("orient3-landscape.jpg"))
        .expect("photo");
    let credit = |creator: &str| PhotoFields {
        caption: "La marcha en Reforma.".into(),
        creator: creator.into(),
        agency: "Reuters".into(),
        alt_text: "Manifestantes en la avenida".into(),
        ..PhotoFields::default()
    };
    ana.update_photo(photo.id, credit("Carlos Barria"), photo.focus)
        .expect("fields");
    let s = ana
        .create_article(ArticleDraft {
            headline: "La marcha".into(),
            body: "Miles marcharon.\n".into(),
            bylines: vec![Byline {
                name: "Ana".into(),
                role: None,
                author_id: None,
            }],
            hero: Some(Hero {
                photos: vec![HeroPhoto {
                    photo_id: photo.id,
                    crop: None,
                }],
                edited_by: None,
            }),
            ..ArticleDraft::default()
        })
        .expect("story");
    sync(&mut ana);
    sync(&mut pia);
    let theirs = pia.photos().expect("photos")[0].clone();
    // Apart, both correct the credit differently.
    pia.update_photo(theirs.id, credit("C. Barria"), theirs.focus)
        .expect("pia's credit");
    ana.update_photo(photo.id, credit("Carlos Barría"), photo.focus)
        .expect("ana's credit");
    sync(&mut pia);
    let r = sync(&mut ana);
    assert!(
        r.refused.is_empty(),
        "a correspondent's own photo: {:?}",
        r.refused
    );
    let conflicts = ana.photo_conflicts(photo.id).expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].0, "photo.credit");
    assert!(conflicts[0].1.contains("Carlos Barría"), "{conflicts:?}");
    assert!(conflicts[0].2.contains("C. Barria"), "{conflicts:?}");
    // The newsroom's credit is the one shown meanwhile, and preflight blocks the story.
    assert_eq!(
        ana.photo(photo.id).expect("photo").fields.creator,
        "C. Barria"
    );
    let p = ana.preflight(&s.slug).expect("preflight");
    assert!(!p.exportable, "{p:?}");
    let finding = p
        .findings
        .iter()
        .find(|f| f.code == dateline::model::FindingCode::PhotoFieldConflict)
        .expect("the conflict is a finding");
    assert_eq!(finding.severity, dateline::model::Severity::Blocking);
    assert!(
        finding.message.contains("Carlos Barría"),
        "{}",
        finding.message
    );
    // The photo desk chooses; the story may go.
    ana.update_photo(photo.id, credit("Carlos Barria"), photo.focus)
        .expect("the chosen credit");
    assert_eq!(ana.settle_photo_conflicts(photo.id).expect("settle"), 1);
    let p = ana.preflight(&s.slug).expect("preflight");
    assert!(
        p.findings
            .iter()
            .all(|f| f.code != dateline::model::FindingCode::PhotoFieldConflict),
        "{p:?}"
    );
}

#[test]
fn an_overlapping_conflict_is_resolved_by_taking_a_revision_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_resolve");
    let s = write(&mut ana, "Un párrafo", "El ministro dijo que no.\n");
    sync(&mut ana);
    sync(&mut eva);
    let edit = |ws: &mut Workspace, to: &str| {
        let a = ws.article(&s.slug).expect("story");
        let mut d = ArticleDraft::from(&a);
        d.body = to.into();
        ws.save_article(a.id, d).expect("edit");
    };
    edit(&mut ana, "El ministro dijo que sí.\n");
    edit(&mut eva, "La ministra dijo que no.\n");
    sync(&mut eva);
    sync(&mut ana);
    assert_eq!(ana.newsroom_conflicts(&s.slug).expect("c").len(), 1);
    // Ana takes the editor's version.
    let a = ana.article(&s.slug).expect("a");
    let theirs = ana
        .revisions(a.id)
        .expect("history")
        .into_iter()
        .find(|r| {
            ana.revision(r.id)
                .expect("rev")
                .body
                .contains("La ministra")
        })
        .expect("the editor's revision is in Ana's history");
    let resolved = ana
        .resolve_conflict(&s.slug, Some(theirs.id), None)
        .expect("resolve");
    assert_eq!(resolved.body, "La ministra dijo que no.\n");
    assert!(ana.newsroom_conflicts(&s.slug).expect("c").is_empty());
    sync(&mut ana);
    sync(&mut eva);
    assert_eq!(
        eva.article(&s.slug).expect("e").body,
        "La ministra dijo que no.\n"
    );
    assert_eq!(uuids(&ana, &s.slug), uuids(&eva, &s.slug));
    let graph = eva
        .newsroom_revision_graph(eva.article(&s.slug).expect("e").id)
        .expect("graph");
    assert!(graph.iter().any(|(_, p)| p.len() == 2), "{graph:?}");
}

#[test]
fn a_bundle_carries_a_story_without_network_and_applies_once_issue_13() {
    let (room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_bundle");
    let photo = ana
        .import_photo(&fixture("orient3-landscape.jpg"))
        .expect("photo");
    let s = ana
        .create_article(ArticleDraft {
            headline: "Desde la sierra".into(),
            body: "Uno.\n\nDos.\n".into(),
            // Her byline keeps the story hers on the newsroom whoever sends it up first.
            bylines: vec![Byline {
                name: "ana".into(),
                role: None,
                author_id: None,
            }],
            hero: Some(Hero {
                photos: vec![HeroPhoto {
                    photo_id: photo.id,
                    crop: None,
                }],
                edited_by: None,
            }),
            ..ArticleDraft::default()
        })
        .expect("story");
    ana.add_note(&s.slug, "Sin señal desde el martes.")
        .expect("note");
    // No network: the story goes by USB stick.
    let stick = tempfile::tempdir().expect("stick");
    let file = stick.path().join("sierra.dateline");
    let b = ana.newsroom_bundle(&s.slug, &file).expect("bundle");
    assert_eq!(b.photos, 1);
    let r = eva.newsroom_apply(&file).expect("apply");
    assert!(r.revisions >= 1, "{r:?}");
    let got = eva
        .article(&s.slug)
        .expect("the story is on the editor's desk");
    assert_eq!(got.body, "Uno.\n\nDos.\n");
    let hero = got.hero.expect("hero");
    let p = eva.photo(hero.photos[0].photo_id).expect("photo");
    assert_eq!(p.sha256, photo.sha256);
    assert_eq!(eva.notes(&s.slug).expect("notes").len(), 1);
    assert_eq!(uuids(&eva, &s.slug), uuids(&ana, &s.slug));
    // Applied twice: nothing new.
    let again = eva.newsroom_apply(&file).expect("apply again");
    assert_eq!(again.revisions, 0);
    assert_eq!(eva.articles().expect("library").len(), 1);
    // A bundle cut short is refused in words, and changes nothing.
    let bytes = std::fs::read(&file).expect("read");
    let cut = stick.path().join("cut.dateline");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let e = eva.newsroom_apply(&cut).expect_err("cut short");
    assert!(e.to_string().contains("cut short"), "{e}");
    // The editor syncs it up; the correspondent's own sync later sends nothing twice.
    sync(&mut eva);
    sync(&mut ana);
    assert_eq!(room.count("stories"), 1);
    assert_eq!(room.count("notes"), 1);
    assert_eq!(room.count("photos"), 1);
    assert_eq!(uuids(&eva, &s.slug), uuids(&ana, &s.slug));
}

#[test]
fn online_desks_see_who_holds_a_story_and_an_editor_takes_over_issue_13() {
    let room = Newsroom::new(
        "sync_holders",
        &[
            ("ana", Role::Correspondent),
            ("eva", Role::Editor),
            ("luis", Role::Correspondent),
        ],
    );
    let (_a, mut ana) = room.desk("ana");
    let (_e, mut eva) = room.desk("eva");
    let s = ana
        .create_article(ArticleDraft {
            headline: "En curso".into(),
            body: "Texto.\n".into(),
            bylines: vec![Byline {
                name: "ana".into(),
                role: None,
                author_id: None,
            }],
            ..ArticleDraft::default()
        })
        .expect("story");
    let e = ana
        .newsroom_hold(&s.slug, Some(&ask))
        .expect_err("not on the newsroom yet");
    assert!(e.to_string().contains("sync first"), "{e}");
    sync(&mut ana);
    sync(&mut eva);
    let held = ana.newsroom_hold(&s.slug, Some(&ask)).expect("hold");
    assert_eq!(held.len(), 1);
    assert!(held[0].me);
    // The editor sees Ana on it.
    let seen = eva.newsroom_holders(&s.slug, Some(&ask)).expect("holders");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].login, room.login("ana"));
    assert!(!seen[0].me);
    // It warns; it never stops the editor from writing.
    let a = eva.article(&s.slug).expect("story");
    let mut d = ArticleDraft::from(&a);
    d.body = "Texto corregido.\n".into();
    eva.save_article(a.id, d)
        .expect("the editor writes regardless");
    // A correspondent cannot remove someone else's hold, not even with raw SQL.
    let pg = newsroom_pg::cluster();
    let mut luis =
        Client::connect(&pg.url(&room.login("luis"), PASSWORD, &room.db), NoTls).expect("luis");
    let n = luis
        .execute("DELETE FROM newsroom.holders", &[])
        .expect("a delete that finds nothing it may remove");
    assert_eq!(n, 0);
    assert!(luis
        .execute(
            "UPDATE newsroom.holders SET refreshed_at = now() + interval '1 day'",
            &[]
        )
        .map(|n| n == 0)
        .unwrap_or(true));
    // The editor takes it over: Ana's hold goes.
    let now = eva
        .newsroom_take_over(&s.slug, Some(&ask))
        .expect("take over");
    assert_eq!(now.len(), 1);
    assert!(now[0].me);
    assert_eq!(
        ana.newsroom_holders(&s.slug, Some(&ask)).expect("h")[0].login,
        room.login("eva")
    );
    // A hold not refreshed for a few minutes has expired.
    // (As the superuser, with triggers off: the server stamps every refresh with its clock.)
    room.superuser()
        .batch_execute(
            "SET session_replication_role = replica;
             UPDATE newsroom.holders SET refreshed_at = now() - interval '6 minutes'",
        )
        .expect("age the holds");
    assert!(ana
        .newsroom_holders(&s.slug, Some(&ask))
        .expect("h")
        .is_empty());
    // Only an editor takes a story over.
    eva.newsroom_hold(&s.slug, Some(&ask)).expect("eva holds");
    let e = ana
        .newsroom_take_over(&s.slug, Some(&ask))
        .expect_err("a correspondent cannot take over");
    assert_eq!(e.code(), dateline::ErrorCode::Refused, "{e}");
    assert!(e.to_string().contains("Only an editor"), "{e}");
    eva.newsroom_release(&s.slug, Some(&ask))
        .expect("eva closes it");
    // Releasing is one's own.
    ana.newsroom_hold(&s.slug, Some(&ask)).expect("hold again");
    assert!(ana
        .newsroom_release(&s.slug, Some(&ask))
        .expect("release")
        .is_empty());
}

#[test]
fn an_upload_cut_short_resumes_and_a_damaged_chunk_is_sent_again_issue_13() {
    let room = Newsroom::new("sync_resume", &[("eva", Role::Editor)]);
    let (_e, mut eva) = room.desk("eva");
    let photo = eva
        .import_photo(&fixture("large-canon-eos5d3-22mp.jpg"))
        .expect("photo");
    let bytes = std::fs::read(fixture("large-canon-eos5d3-22mp.jpg")).expect("fixture");
    // A first sync that was cut after its first chunk, and whose second chunk arrived
    // damaged: what the server holds of the upload.
    let pg = newsroom_pg::cluster();
    let mut raw =
        Client::connect(&pg.url(&room.login("eva"), PASSWORD, &room.db), NoTls).expect("eva");
    let size = bytes.len() as i64;
    raw.execute(
        "INSERT INTO newsroom.originals (sha256, size, chunks) VALUES ($1, $2, 3)",
        &[&photo.sha256, &size],
    )
    .expect("the upload began");
    raw.execute(
        "INSERT INTO newsroom.original_chunks (sha256, n, data) VALUES ($1, 0, $2), ($1, 1, $3)",
        &[&photo.sha256, &&bytes[..1 << 20], &&b"damaged"[..]],
    )
    .expect("two chunks, one damaged");
    sync(&mut eva);
    let mut admin = room.superuser();
    let row = admin
        .query_one(
            "SELECT o.complete, count(c.n),
                    encode(sha256(string_agg(c.data, ''::bytea ORDER BY c.n)), 'hex')
             FROM newsroom.originals o JOIN newsroom.original_chunks c USING (sha256)
             WHERE o.sha256 = $1 GROUP BY o.complete",
            &[&photo.sha256],
        )
        .expect("original");
    let (complete, chunks, sha): (bool, i64, String) = (row.get(0), row.get(1), row.get(2));
    assert!(complete);
    assert_eq!(chunks, 3);
    assert_eq!(sha, photo.sha256);
}

#[test]
fn the_trash_travels_as_a_state_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_trash");
    let s = write(&mut ana, "Borrador", "Texto.\n");
    sync(&mut ana);
    sync(&mut eva);
    eva.trash_article(&s.slug).expect("the editor trashes it");
    sync(&mut eva);
    sync(&mut ana);
    assert_eq!(ana.trash().expect("trash").len(), 1, "in Ana's trash too");
    assert!(ana.articles().expect("library").is_empty());
    ana.restore_article(&s.slug).expect("she brings it back");
    sync(&mut ana);
    sync(&mut eva);
    assert!(
        eva.trash().expect("trash").is_empty(),
        "back on the editor's desk"
    );
    assert_eq!(eva.articles().expect("library").len(), 1);
}

#[test]
fn a_note_in_the_newsroom_stays_on_every_desk_and_one_not_sent_can_go_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_notes");
    let s = write(&mut ana, "Notas", "Texto.\n");
    let sent = ana
        .add_note(&s.slug, "Fotos llegan a las 18 h")
        .expect("note");
    sync(&mut ana);
    sync(&mut eva);
    let at_eva = eva.notes(&s.slug).expect("notes");
    assert_eq!(at_eva.len(), 1, "the note reached the editor");
    assert!(at_eva[0].in_newsroom, "and it says it is in the newsroom");

    // Neither the writer nor the editor can make one desk differ from the others.
    let mine = ana.notes(&s.slug).expect("notes");
    assert!(mine[0].in_newsroom);
    let refused = ana
        .delete_note(sent.id)
        .expect_err("a sent note is history");
    assert!(
        refused.to_string().contains("already in the newsroom"),
        "says why: {refused}"
    );
    let refused = eva
        .delete_note(at_eva[0].id)
        .expect_err("so is one that came from there");
    assert!(refused.to_string().contains("Add a new note"), "{refused}");
    assert_eq!(ana.notes(&s.slug).expect("notes").len(), 1, "kept");
    assert_eq!(eva.notes(&s.slug).expect("notes").len(), 1, "kept");

    // A note written and deleted before it travelled never reaches anyone.
    let typo = eva.add_note(&s.slug, "Nota con errata").expect("note");
    assert!(!eva.notes(&s.slug).expect("notes")[1].in_newsroom);
    eva.delete_note(typo.id).expect("not sent yet: it can go");
    sync(&mut eva);
    sync(&mut ana);
    let bodies: Vec<String> = ana
        .notes(&s.slug)
        .expect("notes")
        .into_iter()
        .map(|n| n.body)
        .collect();
    assert_eq!(bodies, vec!["Fotos llegan a las 18 h".to_string()]);
}

#[test]
fn emptying_the_trash_travels_and_a_deleted_story_never_changes_again_issue_13() {
    let (room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_purge");
    let s = write(&mut ana, "Borrador viejo", "Texto.\n");
    let keep = write(&mut ana, "La que queda", "Texto.\n");
    sync(&mut ana);
    sync(&mut eva);
    eva.trash_article(&s.slug).expect("the editor trashes it");
    assert_eq!(eva.empty_trash().expect("empty the trash"), 1);
    let r = sync(&mut eva);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    let purged: i64 = room
        .superuser()
        .query_one(
            "SELECT count(*) FROM newsroom.stories WHERE purged_at IS NOT NULL",
            &[],
        )
        .expect("purged")
        .get(0);
    assert_eq!(purged, 1, "the newsroom deleted it from its trash");
    sync(&mut ana);
    assert!(
        ana.article(&s.slug).is_err(),
        "gone from the correspondent's desk"
    );
    assert!(ana.trash().expect("trash").is_empty());
    assert_eq!(ana.articles().expect("library").len(), 1);
    ana.article(&keep.slug).expect("the other story stays");
    // A desk that joins later never sees it.
    let (_l, mut late) = room.desk("eva");
    sync(&mut late);
    assert_eq!(late.articles().expect("library").len(), 1);
    assert!(late.trash().expect("trash").is_empty());
    // Nobody changes a deleted story, not even with raw SQL as the schema's owner.
    let e = room
        .superuser()
        .execute(
            "UPDATE newsroom.stories SET trashed_at = NULL WHERE purged_at IS NOT NULL",
            &[],
        )
        .expect_err("refused");
    let message = e.as_db_error().map(|d| d.message().to_string());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("deleted from the newsroom")),
        "{e:?}"
    );
}

#[test]
fn renames_of_sections_authors_and_tags_and_portraits_travel_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_renames");
    let section = eva.add_section("Política").expect("section");
    let portrait = eva
        .import_photo(&fixture("orient6-landscape.jpg"))
        .expect("portrait");
    let author = eva
        .save_author(&dateline::model::Author {
            id: 0,
            name: "Ana Pérez".into(),
            role: "Corresponsal".into(),
            bio: "Cubre el Congreso.".into(),
            portrait_photo_id: Some(portrait.id),
            articles: 0,
        })
        .expect("author");
    let s = eva
        .create_article(ArticleDraft {
            headline: "Con etiqueta".into(),
            body: "Texto.\n".into(),
            tags: vec!["congreso".into()],
            ..ArticleDraft::default()
        })
        .expect("story");
    eva.set_status(&s.slug, Status::InEdit).expect("in edit");
    sync(&mut eva);
    // The photo travels with the hero only when a story shows it; the portrait's photo is
    // the editor's to send, and the correspondent gets it from the newsroom.
    sync(&mut ana);
    let got = ana.author("Ana Pérez").expect("the author is on her desk");
    let p = ana
        .photo(got.portrait_photo_id.expect("with her portrait"))
        .expect("portrait photo");
    assert_eq!(p.sha256, portrait.sha256);

    eva.rename_section(section.id, "Nacional").expect("rename");
    let mut a = eva.author("Ana Pérez").expect("author");
    a.name = "Ana Pérez Gil".into();
    a.portrait_photo_id = None;
    assert_eq!(a.id, author.id);
    eva.update_author(&a).expect("rename the author");
    eva.rename_tag("congreso", "cámara")
        .expect("rename the tag");
    let r = sync(&mut eva);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    sync(&mut ana);
    let names: Vec<String> = ana
        .sections()
        .expect("sections")
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, vec!["Nacional".to_string()]);
    let got = ana.author("Ana Pérez Gil").expect("renamed on her desk");
    assert_eq!(got.portrait_photo_id, None, "the portrait was taken off");
    assert!(ana.author("Ana Pérez").is_err(), "no second author");
    let tags: Vec<String> = ana
        .tags()
        .expect("tags")
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert!(tags.contains(&"cámara".to_string()), "{tags:?}");
    assert!(!tags.contains(&"congreso".to_string()), "{tags:?}");

    // A correspondent may not rename: refused, said, and the newsroom's name comes back.
    let nacional = ana.sections().expect("sections")[0].clone();
    ana.rename_section(nacional.id, "Mía")
        .expect("her desk allows it");
    let r = sync(&mut ana);
    assert_eq!(r.refused.len(), 1, "{:?}", r.refused);
    assert_eq!(r.refused[0].kind, "section");
    sync(&mut ana);
    assert_eq!(ana.sections().expect("sections")[0].name, "Nacional");
}

#[test]
fn code_replacements_travel_and_their_removal_too_issue_13() {
    let room = Newsroom::new("sync_codes", &[("pia", Role::Photo), ("eva", Role::Editor)]);
    let (_p, mut pia) = room.desk("pia");
    let (_e, mut eva) = room.desk("eva");
    pia.set_code_replacement("=rtr=", "Reuters").expect("code");
    pia.set_code_replacement("=ap=", "Associated Press")
        .expect("code");
    sync(&mut pia);
    sync(&mut eva);
    let codes = |ws: &Workspace| -> Vec<(String, String)> {
        ws.code_replacements()
            .expect("codes")
            .into_iter()
            .map(|c| (c.code, c.expansion))
            .collect()
    };
    assert_eq!(codes(&eva), codes(&pia));
    assert_eq!(codes(&eva).len(), 2);
    pia.set_code_replacement("=rtr=", "Reuters/Thomson")
        .expect("changed");
    pia.remove_code_replacement("=ap=").expect("removed");
    sync(&mut pia);
    sync(&mut eva);
    assert_eq!(
        codes(&eva),
        vec![("=rtr=".to_string(), "Reuters/Thomson".to_string())]
    );
}

#[test]
fn a_slug_changed_after_the_first_push_travels_issue_13() {
    let (room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_slug");
    let s = write(&mut ana, "Reforma", "Texto.\n");
    sync(&mut ana);
    sync(&mut eva);
    let mut d = ArticleDraft::from(&eva.article(&s.slug).expect("story"));
    d.slug = Some("reforma-electoral".into());
    eva.save_article(eva.article(&s.slug).expect("story").id, d)
        .expect("new slug");
    let r = sync(&mut eva);
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    let slug: String = room
        .superuser()
        .query_one("SELECT slug FROM newsroom.stories", &[])
        .expect("story")
        .get(0);
    assert_eq!(slug, "reforma-electoral");
    sync(&mut ana);
    let got = ana
        .article("reforma-electoral")
        .expect("the correspondent's desk follows");
    assert_eq!(got.id, s.id);
    assert!(ana.article("reforma").is_err());
    // And it does not bounce back.
    sync(&mut ana);
    sync(&mut eva);
    eva.article("reforma-electoral").expect("still");
}

/// A bundle relayed by another desk: the newsroom records who sent it (the connection's
/// login, the sender of record) and who wrote it (as the writing desk stamped it), and other
/// desks show the writer.
#[test]
fn a_relayed_bundle_keeps_who_wrote_it_issue_13() {
    let room = Newsroom::new(
        "sync_relay",
        &[
            ("ana", Role::Correspondent),
            ("eva", Role::Editor),
            ("max", Role::Editor),
        ],
    );
    let (_a, mut ana) = room.desk("ana");
    let (_e, mut eva) = room.desk("eva");
    let (_m, mut max) = room.desk("max");
    let s = write(&mut ana, "Desde la sierra", "Uno.\n");
    let stick = tempfile::tempdir().expect("stick");
    let file = stick.path().join("sierra.dateline");
    ana.newsroom_bundle(&s.slug, &file).expect("bundle");
    eva.newsroom_apply(&file).expect("apply");
    sync(&mut eva);
    let rows = room
        .superuser()
        .query(
            "SELECT author::text, written_by FROM newsroom.revisions",
            &[],
        )
        .expect("revisions");
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(
            r.get::<_, String>(0),
            room.login("eva"),
            "the sender of record"
        );
        assert_eq!(
            r.get::<_, Option<String>>(1).as_deref(),
            Some(room.login("ana").as_str()),
            "who wrote it"
        );
    }
    sync(&mut max);
    let got = max.article(&s.slug).expect("story");
    for r in max.revisions(got.id).expect("history") {
        assert_eq!(r.author, room.login("ana"), "{r:?}");
    }
}

/// The one question before a sync: a sync with nothing to do pulls nothing, and a change
/// made after it is still pulled (the counter never hides a change).
#[test]
fn a_sync_with_nothing_to_do_asks_once_and_misses_nothing_issue_13() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("sync_noop");
    let s = write(&mut eva, "Solo del editor", "Texto.\n");
    sync(&mut eva);
    // The correspondent cannot see it: her cursor still moves past it.
    sync(&mut ana);
    let status = ana.newsroom_status(Some(&ask)).expect("status");
    assert_eq!(status.to_receive, Some(0), "{status:?}");
    let r = sync(&mut ana);
    assert_eq!(r, SyncReport::default());
    // With her byline, it comes to her.
    let mut d = ArticleDraft::from(&eva.article(&s.slug).expect("story"));
    d.bylines = vec![Byline {
        name: "ana".into(),
        role: None,
        author_id: None,
    }];
    eva.save_article(s.id, d).expect("byline");
    sync(&mut eva);
    let r = sync(&mut ana);
    assert_eq!(r.pulled_stories, 1, "{r:?}");
    ana.article(&s.slug).expect("the published story");
}

/// `verify-ca` and `verify-full` insist on TLS: a server without it is refused in words, and
/// the desk does not join (the test server has no certificate; a real one is checked
/// against the system's authorities or `sslrootcert`).
#[test]
fn verify_ca_and_verify_full_refuse_a_server_without_tls_issue_13() {
    let room = Newsroom::new("sync_tls", &[("ana", Role::Correspondent)]);
    let url = newsroom_pg::cluster().url(&room.login("ana"), PASSWORD, &room.db);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("desk");
    for mode in ["verify-ca", "verify-full"] {
        let e = ws
            .newsroom_join(&format!("{url}?sslmode={mode}"), None)
            .expect_err("no TLS, no join");
        assert!(e.to_string().contains("secure connection"), "{mode}: {e}");
    }
    assert_eq!(ws.newsroom_conninfo().expect("conninfo"), None);
    ws.newsroom_join(&format!("{url}?sslmode=prefer"), None)
        .expect("prefer joins without TLS");
}

/// The window's form as a person left it: the story as it loaded, and the words typed since.
fn form(ws: &Workspace, slug: &str) -> (i64, dateline::workspace::SaveBase) {
    let a = ws.article(slug).expect("story");
    (
        a.id,
        dateline::workspace::SaveBase {
            updated_at: a.updated_at,
            draft: ArticleDraft::from(&a),
        },
    )
}

#[test]
fn typing_saved_over_a_story_a_sync_changed_keeps_both_edits_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("over_merge");
    let s = write(&mut ana, "Tres párrafos", "Uno.\n\nDos.\n\nTres.\n");
    sync(&mut ana);
    sync(&mut eva);
    // Ana's window has the story open; she types in the first paragraph.
    let (id, base) = form(&ana, &s.slug);
    let mut typed = base.draft.clone();
    typed.body = typed.body.replace("Uno.", "Uno, escrito por Ana.");
    // Meanwhile Eva's edit of the last paragraph arrives by the background sync.
    let e = eva.article(&s.slug).expect("story");
    let mut d = ArticleDraft::from(&e);
    d.body = d.body.replace("Tres.", "Tres, corregido por Eva.");
    eva.save_article(e.id, d).expect("edit");
    sync(&mut eva);
    sync(&mut ana);
    assert!(ana.article(&s.slug).expect("a").body.contains("por Eva"));
    // Then Ana's autosave lands: it must not write Eva's paragraph back out.
    let saved = ana.save_article_over(id, typed, base).expect("save");
    let want = "Uno, escrito por Ana.\n\nDos.\n\nTres, corregido por Eva.\n";
    assert_eq!(saved.article.body, want);
    assert!(saved.merged && !saved.conflict, "{saved:?}");
    sync(&mut ana);
    sync(&mut eva);
    assert_eq!(eva.article(&s.slug).expect("e").body, want);
    // A save over what the form saw last, with nothing changed elsewhere, is a plain save.
    let (id, base) = form(&ana, &s.slug);
    let mut more = base.draft.clone();
    more.body.push_str("\nCuatro.\n");
    let plain = ana.save_article_over(id, more, base).expect("save");
    assert!(!plain.merged && !plain.conflict);
    assert!(plain.article.body.ends_with("Cuatro.\n"));
}

#[test]
fn typing_saved_over_the_same_words_changed_elsewhere_keeps_both_as_a_conflict_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("over_conflict");
    let s = write(&mut ana, "Un párrafo", "El ministro dijo que no.\n");
    sync(&mut ana);
    sync(&mut eva);
    let (id, base) = form(&ana, &s.slug);
    let mut typed = base.draft.clone();
    typed.body = "El ministro dijo que sí.\n".into();
    let e = eva.article(&s.slug).expect("story");
    let mut d = ArticleDraft::from(&e);
    d.body = "La ministra dijo que no.\n".into();
    eva.save_article(e.id, d).expect("edit");
    sync(&mut eva);
    sync(&mut ana);
    let saved = ana.save_article_over(id, typed, base).expect("save");
    assert!(saved.conflict, "{saved:?}");
    // What she typed is what she sees; Eva's words are whole in the history; the conflict
    // is listed for someone to settle.
    assert_eq!(saved.article.body, "El ministro dijo que sí.\n");
    let texts: Vec<String> = ana
        .revisions(id)
        .expect("history")
        .iter()
        .map(|r| ana.revision(r.id).expect("rev").body)
        .collect();
    assert!(texts.iter().any(|t| t.contains("La ministra")), "{texts:?}");
    let conflicts = ana.newsroom_conflicts(&s.slug).expect("conflicts");
    assert!(conflicts.iter().any(|c| c.field == "body"), "{conflicts:?}");
    // Ana's words stand beside Eva's, not after them: Eva's desk keeps her words until
    // someone settles it.
    sync(&mut ana);
    sync(&mut eva);
    assert_eq!(
        eva.article(&s.slug).expect("e").body,
        "La ministra dijo que no.\n"
    );
    // Settled with a text of both; it reaches Eva.
    ana.resolve_conflict(&s.slug, None, Some("La ministra dijo que sí.\n".into()))
        .expect("resolve");
    sync(&mut ana);
    sync(&mut eva);
    assert_eq!(
        eva.article(&s.slug).expect("e").body,
        "La ministra dijo que sí.\n"
    );
}

#[test]
fn a_bundle_opened_over_words_not_yet_in_a_revision_keeps_them_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("over_bundle");
    let s = write(&mut ana, "Tres párrafos", "Uno.\n\nDos.\n\nTres.\n");
    sync(&mut ana);
    sync(&mut eva);
    let edit = |ws: &mut Workspace, from: &str, to: &str| {
        let a = ws.article(&s.slug).expect("story");
        let mut d = ArticleDraft::from(&a);
        d.body = d.body.replace(from, to);
        ws.save_article(a.id, d).expect("edit");
    };
    // Two saves within a minute: the second one's words are in the story, not yet in a
    // revision of their own (autosave folds them into the next one).
    edit(&mut ana, "Uno.", "Uno, de Ana.");
    edit(&mut ana, "Dos.", "Dos, de Ana.");
    edit(&mut eva, "Tres.", "Tres, de Eva.");
    let stick = tempfile::tempdir().expect("stick");
    let file = stick.path().join("eva.dateline");
    eva.newsroom_bundle(&s.slug, &file).expect("bundle");
    ana.newsroom_apply(&file).expect("apply");
    assert_eq!(
        ana.article(&s.slug).expect("a").body,
        "Uno, de Ana.\n\nDos, de Ana.\n\nTres, de Eva.\n"
    );
}

/// The library marks what others changed since the person last opened it (issue 14): a story
/// new from the newsroom is "new", an edit, a move or a note from another desk makes it
/// "changed", opening it clears the mark, and the person's own changes coming back never mark.
#[test]
fn stories_changed_elsewhere_are_marked_until_opened_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("unseen");
    let unseen = |ws: &mut Workspace| -> Vec<(i64, bool)> {
        ws.desk_newsroom()
            .expect("desk")
            .unseen
            .iter()
            .map(|u| (u.article_id, u.new))
            .collect()
    };
    let s = write(&mut ana, "Lluvias en Oaxaca", "Llovió toda la noche.\n");
    sync(&mut ana);
    sync(&mut ana);
    assert!(
        unseen(&mut ana).is_empty(),
        "her own story is not news to her"
    );
    sync(&mut eva);
    let on_eva = eva.article(&s.slug).expect("on Eva's desk");
    assert_eq!(
        unseen(&mut eva),
        vec![(on_eva.id, true)],
        "new to Eva's desk"
    );
    eva.mark_opened(on_eva.id).expect("open");
    assert!(unseen(&mut eva).is_empty());

    // Eva edits it: Ana's desk marks it changed; Eva's own edit coming back does not.
    let mut d = ArticleDraft::from(&on_eva);
    d.body.push_str("\nEl río creció dos metros.\n");
    eva.save_article(on_eva.id, d).expect("edit");
    sync(&mut eva);
    sync(&mut ana);
    assert_eq!(unseen(&mut ana), vec![(s.id, false)], "changed elsewhere");
    sync(&mut eva);
    assert!(
        unseen(&mut eva).is_empty(),
        "her own edit is not news to Eva"
    );
    ana.mark_opened(s.id).expect("open");
    assert!(unseen(&mut ana).is_empty());
    // A sync that brings nothing new leaves it seen.
    sync(&mut ana);
    assert!(unseen(&mut ana).is_empty());
}

/// Two desks changed the headline and the same paragraph apart: the text is settled with a
/// merged text and the headline by choosing one value; both reach the other desk (issue 14).
#[test]
fn a_headline_and_a_paragraph_changed_apart_are_settled_and_travel_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("field_and_body");
    let s = write(
        &mut ana,
        "El pleno vota",
        "El pleno se reunió a las nueve.\n",
    );
    sync(&mut ana);
    sync(&mut eva);
    // Keys by each desk's id: a headline changed before publishing may change the slug.
    let on_ana = s.id.to_string();
    let on_eva = eva.article(&s.slug).expect("on Eva's desk").id.to_string();
    let edit = |ws: &mut Workspace, key: &str, headline: &str, body: &str| {
        let a = ws.article(key).expect("story");
        let mut d = ArticleDraft::from(&a);
        d.headline = headline.into();
        d.body = body.into();
        ws.save_article(a.id, d).expect("edit");
    };
    edit(
        &mut ana,
        &on_ana,
        "El pleno vota otra vez",
        "Por fin, el pleno se reunió a las nueve.\n",
    );
    edit(
        &mut eva,
        &on_eva,
        "El pleno aplaza el presupuesto",
        "El pleno se reunió a las nueve en punto.\n",
    );
    sync(&mut eva);
    sync(&mut ana);
    let fields: Vec<String> = ana
        .newsroom_conflicts(&on_ana)
        .expect("c")
        .into_iter()
        .map(|c| c.field)
        .collect();
    assert!(
        fields.contains(&"body".to_string()) && fields.contains(&"headline".to_string()),
        "{fields:?}"
    );
    // Rounds of the background sync come and go before anyone settles: nothing doubles.
    sync(&mut ana);
    sync(&mut ana);
    let open = |ws: &mut Workspace| -> Vec<String> {
        ws.desk_newsroom()
            .expect("desk")
            .conflicts
            .into_iter()
            .map(|c| c.field)
            .collect()
    };
    let mut fields = open(&mut ana);
    fields.sort();
    assert_eq!(fields, ["body", "headline"]);
    let merged = "Por fin, el pleno se reunió a las nueve en punto.\n";
    ana.resolve_conflict(&on_ana, None, Some(merged.into()))
        .expect("resolve the text");
    sync(&mut ana);
    sync(&mut eva);
    sync(&mut ana);
    assert_eq!(
        open(&mut ana),
        ["headline"],
        "the text is settled; the headline waits"
    );
    assert_eq!(eva.article(&on_eva).expect("e").body, merged);
    // The headline: Ana keeps hers (the form saves it, then settles).
    let a = ana.article(&on_ana).expect("a");
    let mut d = ArticleDraft::from(&a);
    d.headline = "El pleno vota otra vez".into();
    ana.save_article(a.id, d).expect("save");
    ana.settle_field_conflict(&on_ana, "headline")
        .expect("settle");
    assert!(ana.newsroom_conflicts(&on_ana).expect("c").is_empty());
    sync(&mut ana);
    sync(&mut eva);
    assert_eq!(
        eva.article(&on_eva).expect("e").headline,
        "El pleno vota otra vez"
    );
}

/// The demo desk's examples never travel (issue 14's tryout: a desk seeded with the demo,
/// then joined, sent its three example stories — two of them Published — into the real
/// newsroom, and every desk got refusals and duplicates). What the person writes does.
#[test]
fn the_demo_desks_examples_stay_on_the_desk_issue_14() {
    let (_room, (_a, mut ana), (_e, mut eva)) = Newsroom::ana_and_eva("demo_local");
    // A story written before the demo was seeded (a desk emptied, then seeded again) is hers.
    let before = write(&mut ana, "Antes del demo", "Esto también viaja.\n");
    let demo = dateline::demo::seed(&mut ana).expect("demo");
    let s = write(&mut ana, "Crónica propia", "Esto sí viaja.\n");
    let report = sync(&mut ana);
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    assert_eq!(
        ana.desk_newsroom().expect("desk").to_send,
        0,
        "nothing waits: the examples are not waiting to be sent"
    );
    sync(&mut eva);
    assert!(eva.article(&s.slug).is_ok(), "her own story travels");
    assert!(
        eva.article(&before.slug).is_ok(),
        "and so does the one written before the demo was seeded"
    );
    assert!(
        eva.article(&demo.slug).is_err(),
        "the demo's model article stays on Ana's desk"
    );
    assert!(
        eva.photos().expect("photos").is_empty(),
        "and so do its photos"
    );
}

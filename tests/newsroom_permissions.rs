//! Who may do what in a newsroom is the database's rule, not only the app's (issue 13): each
//! person connects to a real PostgreSQL (started by the test, real SCRAM passwords) with raw
//! SQL, as someone with `psql` would, and every forbidden write is tried and refused — either
//! with an error, or (where row-level security hides a row) by changing nothing, which the
//! test checks by reading the row back as the superuser. Each case also has its allowed twin
//! where there is one, so a rule that refuses everything would fail here too.

mod newsroom_pg;

use dateline::newsroom::{self, Role};
use dateline::ErrorCode;
use postgres::{Client, NoTls};

const PASSWORD: &str = "correct horse battery";

/// A newsroom in its own database, with one person of each role.
struct Room {
    db: String,
    ana: String,
    luis: String,
    eva: String,
    pia: String,
    adm: String,
}

impl Room {
    fn new(hint: &str) -> Room {
        let pg = newsroom_pg::cluster();
        let db = pg.database(hint);
        let report = newsroom::init(&pg.admin(&db), None).expect("newsroom init");
        assert_eq!(report.version, newsroom::SERVER_SCHEMA_VERSION);
        let name = |who: &str| format!("{who}_{db}");
        let room = Room {
            ana: name("ana"),
            luis: name("luis"),
            eva: name("eva"),
            pia: name("pia"),
            adm: name("adm"),
            db,
        };
        for (login, display, role) in [
            (&room.ana, "Ana Pérez", Role::Correspondent),
            (&room.luis, "Luis Gómez", Role::Correspondent),
            (&room.eva, "Eva Ruiz", Role::Editor),
            (&room.pia, "Pía Soto", Role::Photo),
            (&room.adm, "Admin", Role::Admin),
        ] {
            let m = newsroom::add_user(&pg.admin(&room.db), None, login, display, role, PASSWORD)
                .expect("user add");
            assert_eq!(m.role, role);
        }
        room
    }

    fn as_(&self, login: &str) -> Client {
        let pg = newsroom_pg::cluster();
        Client::connect(&pg.url(login, PASSWORD, &self.db), NoTls)
            .unwrap_or_else(|e| panic!("{login} connects: {e}"))
    }

    fn superuser(&self) -> Client {
        Client::connect(&newsroom_pg::cluster().admin(&self.db), NoTls).expect("superuser")
    }

    /// One value of a story, read past every policy.
    fn story(&self, id: &str, column: &str) -> String {
        self.superuser()
            .query_one(
                &format!("SELECT {column}::text FROM newsroom.stories WHERE id = '{id}'"),
                &[],
            )
            .expect("story row")
            .get(0)
    }
}

const A: &str = "01900000-0000-7000-8000-00000000000a"; // Ana's draft
const B: &str = "01900000-0000-7000-8000-00000000000b"; // Ana's story at the copy desk
const L: &str = "01900000-0000-7000-8000-00000000000c"; // Luis's draft
const P: &str = "01900000-0000-7000-8000-00000000000d"; // published by Eva
const PHOTO: &str = "01900000-0000-7000-8000-0000000000f1"; // imported by Pía
const SHA: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn new_story(c: &mut Client, id: &str, headline: &str) {
    c.execute(
        "INSERT INTO newsroom.stories (id, slug, headline, body)
         VALUES ($1::text::uuid, $2, $2, 'First words.')",
        &[&id, &headline],
    )
    .unwrap_or_else(|e| panic!("insert {headline}: {e}"));
}

fn move_story(c: &mut Client, story: &str, from: &str, to: &str) -> Result<u64, postgres::Error> {
    c.execute(
        "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
         VALUES (gen_random_uuid(), $1::text::uuid, $2, $3, now())",
        &[&story, &from, &to],
    )
}

/// The newsroom's library as the test starts it, written by its people through raw SQL.
fn seed(room: &Room) {
    let mut ana = room.as_(&room.ana);
    new_story(&mut ana, A, "Ana draft");
    new_story(&mut ana, B, "Ana filed");
    move_story(&mut ana, B, "draft", "in_edit").expect("a correspondent files her story");
    ana.execute(
        "INSERT INTO newsroom.revisions (id, story_id, created_at, snapshot)
         VALUES (gen_random_uuid(), $1::text::uuid, now(), '{}')",
        &[&A],
    )
    .expect("a correspondent records a revision of her story");
    let mut luis = room.as_(&room.luis);
    new_story(&mut luis, L, "Luis draft");
    let mut eva = room.as_(&room.eva);
    move_story(&mut eva, B, "in_edit", "copy_desk").expect("an editor moves Ana's story");
    new_story(&mut eva, P, "Published");
    for (from, to) in [
        ("draft", "in_edit"),
        ("in_edit", "copy_desk"),
        ("copy_desk", "ready"),
        ("ready", "published"),
    ] {
        move_story(&mut eva, P, from, to).expect("an editor publishes");
    }
    let mut pia = room.as_(&room.pia);
    pia.execute(
        "INSERT INTO newsroom.photos (id, sha256, original_name, mime, width, height, caption,
                                      imported_at)
         VALUES ($1::text::uuid, $2, 'pleno.jpg', 'image/jpeg', 6000, 4000, 'El pleno.', now())",
        &[&PHOTO, &SHA],
    )
    .expect("the photo desk imports a photo");
}

/// What a forbidden statement must meet.
#[derive(Debug, Clone, Copy)]
enum Refused {
    /// An error from the server (a grant, a policy or a trigger).
    Error,
    /// No error, but no row changed (row-level security hid the row).
    NoRow,
}

fn refused(c: &mut Client, who: &str, sql: &str, how: Refused) {
    match (c.execute(sql, &[]), how) {
        (Err(_), Refused::Error) => {}
        (Ok(0), Refused::NoRow) => {}
        // An error is a refusal too, only a louder one.
        (Err(_), Refused::NoRow) => {}
        (Ok(n), _) => panic!("{who} was allowed to run {sql:?} ({n} rows changed)"),
    }
}

#[test]
fn a_correspondent_cannot_write_anothers_story_nor_publish_issue_13() {
    let room = Room::new("perm_corr");
    seed(&room);
    let mut ana = room.as_(&room.ana);
    let who = "a correspondent";

    // She sees her own stories and the published one, not Luis's draft.
    let seen: Vec<String> = ana
        .query(
            "SELECT headline FROM newsroom.stories ORDER BY headline",
            &[],
        )
        .expect("select")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(seen, ["Ana draft", "Ana filed", "Published"]);

    for (sql, how) in [
        // Another correspondent's story: hidden, so nothing changes.
        (
            format!("UPDATE newsroom.stories SET body = 'mine now' WHERE id = '{L}'"),
            Refused::NoRow,
        ),
        // A published story she is not bylined on: visible, not writable.
        (
            format!("UPDATE newsroom.stories SET headline = 'Changed' WHERE id = '{P}'"),
            Refused::NoRow,
        ),
        (
            format!(
                "INSERT INTO newsroom.revisions (id, story_id, created_at, snapshot)
                 VALUES (gen_random_uuid(), '{L}', now(), '{{}}')"
            ),
            Refused::Error,
        ),
        (
            format!(
                "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
                 VALUES (gen_random_uuid(), '{L}', 'draft', 'in_edit', now())"
            ),
            Refused::Error,
        ),
        // Ready and Published are an editor's moves, raw UPDATE or recorded move alike.
        (
            format!("UPDATE newsroom.stories SET status = 'ready' WHERE id = '{B}'"),
            Refused::Error,
        ),
        (
            format!(
                "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
                 VALUES (gen_random_uuid(), '{B}', 'copy_desk', 'ready', now())"
            ),
            Refused::Error,
        ),
        (
            format!("UPDATE newsroom.stories SET status = 'published' WHERE id = '{A}'"),
            Refused::Error,
        ),
        (
            format!("UPDATE newsroom.stories SET status = 'copy_desk' WHERE id = '{A}'"),
            Refused::Error,
        ),
        (
            "INSERT INTO newsroom.stories (id, slug, headline, status)
             VALUES (gen_random_uuid(), 'straight-out', 'Straight out', 'published')"
                .to_string(),
            Refused::Error,
        ),
        // History is append-only; stories are never deleted; the people list is the admin's.
        (
            format!("UPDATE newsroom.revisions SET reason = 'x' WHERE story_id = '{A}'"),
            Refused::Error,
        ),
        ("DELETE FROM newsroom.revisions".to_string(), Refused::Error),
        ("DELETE FROM newsroom.moves".to_string(), Refused::Error),
        (
            format!("DELETE FROM newsroom.stories WHERE id = '{A}'"),
            Refused::Error,
        ),
        (
            "TRUNCATE newsroom.stories CASCADE".to_string(),
            Refused::Error,
        ),
        (
            "INSERT INTO newsroom.members (login, display_name, role) VALUES ('x', 'X', 'editor')"
                .to_string(),
            Refused::Error,
        ),
        (
            format!(
                "UPDATE newsroom.members SET role = 'editor' WHERE login = '{}'",
                room.ana
            ),
            Refused::Error,
        ),
        ("SET ROLE dateline_editor".to_string(), Refused::Error),
        ("CREATE ROLE sneaky LOGIN".to_string(), Refused::Error),
        (
            "CREATE TABLE newsroom.mine (x int)".to_string(),
            Refused::Error,
        ),
        (
            "CREATE TABLE public.mine (x int)".to_string(),
            Refused::Error,
        ),
        (
            "UPDATE newsroom.workflow_moves SET correspondent = true".to_string(),
            Refused::Error,
        ),
        // Photos someone else imported.
        (
            format!("UPDATE newsroom.photos SET caption = 'x' WHERE id = '{PHOTO}'"),
            Refused::NoRow,
        ),
        // Renaming the lists is an editor's; code replacements are the photo desk's and
        // editors'; a story is deleted for good only from the trash, and only if hers.
        (
            "UPDATE newsroom.sections SET name = 'Mine'".to_string(),
            Refused::Error,
        ),
        (
            "UPDATE newsroom.tags SET name = 'mine'".to_string(),
            Refused::Error,
        ),
        (
            "UPDATE newsroom.authors SET name = 'Mine'".to_string(),
            Refused::Error,
        ),
        (
            "INSERT INTO newsroom.code_replacements (code, expansion) VALUES ('=x=', 'X')"
                .to_string(),
            Refused::Error,
        ),
        (
            format!("UPDATE newsroom.stories SET purged_at = now() WHERE id = '{P}'"),
            Refused::NoRow,
        ),
        (
            format!("UPDATE newsroom.stories SET purged_at = now() WHERE id = '{A}'"),
            Refused::Error,
        ),
    ] {
        refused(&mut ana, who, &sql, how);
    }
    assert_eq!(
        room.story(A, "coalesce(purged_at::text, '')"),
        "",
        "not in the trash: not deleted"
    );
    assert_eq!(room.story(L, "body"), "First words.");
    assert_eq!(room.story(P, "headline"), "Published");
    assert_eq!(room.story(B, "status"), "copy_desk");
    assert_eq!(room.story(A, "status"), "draft");

    // Identity comes from the connection: a name she types is replaced by her login.
    ana.execute(
        "INSERT INTO newsroom.stories (id, slug, headline, created_by)
         VALUES ('01900000-0000-7000-8000-0000000000aa', 'posing', 'Posing', 'luis')",
        &[],
    )
    .expect("a story of her own");
    assert_eq!(
        room.story("01900000-0000-7000-8000-0000000000aa", "created_by"),
        room.ana
    );
    ana.execute(
        &format!(
            "UPDATE newsroom.stories SET created_by = '{}' WHERE id = '{A}'",
            room.luis
        ),
        &[],
    )
    .expect("an update of her own story");
    assert_eq!(room.story(A, "created_by"), room.ana);
    let author: String = room
        .superuser()
        .query_one(
            &format!("SELECT author::text FROM newsroom.revisions WHERE story_id = '{A}'"),
            &[],
        )
        .expect("revision")
        .get(0);
    assert_eq!(
        author, room.ana,
        "the revision is stamped with the connection's user"
    );

    // And what she may do, she can: edit and file her own.
    let n = ana
        .execute(
            &format!("UPDATE newsroom.stories SET body = 'Rewritten.' WHERE id = '{A}'"),
            &[],
        )
        .expect("her own story");
    assert_eq!(n, 1);
    move_story(&mut ana, A, "draft", "in_edit").expect("she files it");
    assert_eq!(room.story(A, "status"), "in_edit");
}

#[test]
fn the_photo_desk_cannot_write_story_text_issue_13() {
    let room = Room::new("perm_photo");
    seed(&room);
    let mut pia = room.as_(&room.pia);
    for (sql, how) in [
        (format!("UPDATE newsroom.stories SET body = 'x' WHERE id = '{A}'"), Refused::Error),
        (format!("UPDATE newsroom.stories SET headline = 'x' WHERE id = '{P}'"), Refused::Error),
        (
            "INSERT INTO newsroom.stories (id, slug, headline) VALUES (gen_random_uuid(), 'p', 'P')"
                .to_string(),
            Refused::Error,
        ),
        (
            format!(
                "INSERT INTO newsroom.revisions (id, story_id, created_at, snapshot)
                 VALUES (gen_random_uuid(), '{P}', now(), '{{}}')"
            ),
            Refused::Error,
        ),
        (
            format!(
                "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
                 VALUES (gen_random_uuid(), '{P}', 'published', 'archived', now())"
            ),
            Refused::Error,
        ),
        ("DELETE FROM newsroom.photos".to_string(), Refused::Error),
        ("INSERT INTO newsroom.members (login, display_name, role) VALUES ('y', 'Y', 'photo')".to_string(), Refused::Error),
    ] {
        refused(&mut pia, "the photo desk", &sql, how);
    }
    assert_eq!(room.story(A, "body"), "First words.");
    assert_eq!(room.story(P, "status"), "published");

    // Every photo's fields and crops are hers, whoever imported the photo.
    let mut ana = room.as_(&room.ana);
    ana.execute(
        "INSERT INTO newsroom.photos (id, sha256, original_name, mime, width, height, imported_at)
         VALUES ('01900000-0000-7000-8000-0000000000f2',
                 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
                 'calle.jpg', 'image/jpeg', 100, 100, now())",
        &[],
    )
    .expect("a correspondent imports a photo");
    let n = pia
        .execute(
            "UPDATE newsroom.photos SET creator = 'Carlos Barria', agency = 'Reuters'
             WHERE id = '01900000-0000-7000-8000-0000000000f2'",
            &[],
        )
        .expect("the photo desk credits it");
    assert_eq!(n, 1);
    pia.execute(
        "INSERT INTO newsroom.crops (photo_id, name, aspect, x, y, w, h)
         VALUES ('01900000-0000-7000-8000-0000000000f2', 'hero', '16:9', 0, 0, 1, 0.5625)",
        &[],
    )
    .expect("and crops it");
}

#[test]
fn editors_publish_but_the_rules_hold_for_them_too_issue_13() {
    let room = Room::new("perm_editor");
    seed(&room);
    let mut eva = room.as_(&room.eva);
    // An original whose chunks do not hash to its name is never complete (below).
    eva.batch_execute(&format!(
        "INSERT INTO newsroom.originals (sha256, size, chunks) VALUES ('{SHA}', 3, 1);
         INSERT INTO newsroom.original_chunks (sha256, n, data) VALUES ('{SHA}', 0, 'abc')"
    ))
    .expect("an editor sends a photo's bytes");
    // Everything in the workflow is hers…
    move_story(&mut eva, B, "copy_desk", "ready").expect("an editor readies a story");
    move_story(&mut eva, B, "ready", "published").expect("and publishes it");
    assert_eq!(room.story(B, "status"), "published");
    // …along the allowed moves only, and history stays append-only.
    for (sql, how) in [
        (
            format!("UPDATE newsroom.stories SET status = 'published' WHERE id = '{L}'"),
            Refused::Error,
        ),
        (
            format!(
                "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
                 VALUES (gen_random_uuid(), '{L}', 'in_edit', 'copy_desk', now())"
            ),
            Refused::Error,
        ),
        (
            "UPDATE newsroom.revisions SET reason = 'x'".to_string(),
            Refused::Error,
        ),
        ("DELETE FROM newsroom.stories".to_string(), Refused::Error),
        ("DELETE FROM newsroom.notes".to_string(), Refused::Error),
        (
            "INSERT INTO newsroom.members (login, display_name, role) VALUES ('z', 'Z', 'admin')"
                .to_string(),
            Refused::Error,
        ),
        ("CREATE ROLE sneaky2 LOGIN".to_string(), Refused::Error),
        (
            format!("UPDATE newsroom.originals SET complete = true WHERE sha256 = '{SHA}'"),
            Refused::Error,
        ),
    ] {
        refused(&mut eva, "an editor", &sql, how);
    }
    assert_eq!(room.story(L, "status"), "draft");
    let complete: bool = room
        .superuser()
        .query_one(
            &format!("SELECT coalesce(bool_or(complete), false) FROM newsroom.originals WHERE sha256 = '{SHA}'"),
            &[],
        )
        .expect("originals")
        .get(0);
    assert!(
        !complete,
        "an original whose bytes do not match is never complete"
    );
}

#[test]
fn an_admin_manages_people_not_stories_issue_13() {
    let room = Room::new("perm_admin");
    seed(&room);
    let pg = newsroom_pg::cluster();
    let mut adm = room.as_(&room.adm);
    for sql in [
        format!("UPDATE newsroom.stories SET body = 'x' WHERE id = '{P}'"),
        "INSERT INTO newsroom.stories (id, slug, headline) VALUES (gen_random_uuid(), 'a', 'A')"
            .to_string(),
        "SELECT 1 FROM newsroom.stories".to_string(),
    ] {
        refused(&mut adm, "an admin", &sql, Refused::Error);
    }
    // The admin's own login adds people, through Dateline.
    let login = format!("nina_{}", room.db);
    let m = newsroom::add_user(
        &pg.url(&room.adm, PASSWORD, &room.db),
        None,
        &login,
        "Nina",
        Role::Correspondent,
        PASSWORD,
    )
    .expect("an admin adds a correspondent");
    assert_eq!(m.login, login);
    room.as_(&login);
    // Nobody else can.
    let e = newsroom::add_user(
        &pg.url(&room.eva, PASSWORD, &room.db),
        None,
        &format!("omar_{}", room.db),
        "Omar",
        Role::Editor,
        PASSWORD,
    )
    .expect_err("an editor cannot add people");
    assert_eq!(e.code(), ErrorCode::Refused, "{e}");
    assert!(e.to_string().contains("only an admin"), "{e}");
}

#[test]
fn a_wrong_password_or_a_missing_user_is_refused_issue_13() {
    let room = Room::new("perm_login");
    let pg = newsroom_pg::cluster();
    // Raw connections.
    assert!(Client::connect(&pg.url(&room.ana, "wrong password", &room.db), NoTls).is_err());
    assert!(Client::connect(
        &pg.url(&format!("ghost_{}", room.db), PASSWORD, &room.db),
        NoTls
    )
    .is_err());
    assert!(Client::connect(&pg.url("dateline_editor", PASSWORD, &room.db), NoTls).is_err());
    // Through Dateline, in words a journalist understands.
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = dateline::Workspace::open(tmp.path()).expect("desk");
    for url in [
        pg.url(&room.ana, "wrong password", &room.db),
        pg.url(&format!("ghost_{}", room.db), PASSWORD, &room.db),
    ] {
        let e = ws.newsroom_join(&url, None).expect_err("refused");
        // A login of its own (issue 15): the window asks for the password again by the code.
        assert_eq!(e.code(), ErrorCode::Login, "{e}");
        assert!(e.to_string().contains("did not let"), "{e}");
        assert!(!e.to_string().contains(PASSWORD), "{e}");
    }
    // A password nobody gave: no prompt (no terminal), and a message saying where it goes.
    let e = ws
        .newsroom_join(&pg.url_without_password(&room.ana, &room.db), None)
        .expect_err("no password");
    assert_eq!(e.code(), ErrorCode::Login, "{e}");
    assert!(e.to_string().contains("PGPASSWORD"), "{e}");
    // Nothing was joined.
    assert!(ws.newsroom_conninfo().expect("read").is_none());
    // The right one joins, and the desk's identity becomes the login.
    let s = ws
        .newsroom_join(&pg.url(&room.ana, PASSWORD, &room.db), None)
        .expect("joins");
    assert_eq!(s.login.as_deref(), Some(room.ana.as_str()));
    assert_eq!(ws.identity().expect("identity"), room.ana);
    let kept = ws.newsroom_conninfo().expect("read").expect("kept");
    assert!(
        !kept.contains(PASSWORD),
        "the desk keeps no password: {kept}"
    );
}

#[test]
fn init_twice_changes_nothing_and_a_desk_needs_an_initialised_server_issue_13() {
    let pg = newsroom_pg::cluster();
    let db = pg.database("init_twice");
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = dateline::Workspace::open(tmp.path()).expect("desk");
    let e = ws
        .newsroom_join(&pg.admin(&db), None)
        .expect_err("no newsroom yet");
    assert_eq!(e.code(), ErrorCode::Newsroom, "{e}");
    assert!(e.to_string().contains("newsroom init"), "{e}");
    let first = newsroom::init(&pg.admin(&db), None).expect("init");
    assert_eq!(first.from_version, 0);
    let again = newsroom::init(&pg.admin(&db), None).expect("init again");
    assert_eq!(again.from_version, again.version);
    // A newsroom a newer Dateline set up is refused clearly, before anything is synced.
    let mut admin = Client::connect(&pg.admin(&db), NoTls).expect("admin");
    admin
        .execute("INSERT INTO newsroom.migrations (version) VALUES (99)", &[])
        .expect("a newer format");
    let e = ws.newsroom_join(&pg.admin(&db), None).expect_err("newer");
    assert_eq!(e.code(), ErrorCode::Newsroom, "{e}");
    assert!(e.to_string().contains("newer Dateline"), "{e}");
    let e = newsroom::init(&pg.admin(&db), None).expect_err("init refuses to go back");
    assert!(e.to_string().contains("Update Dateline"), "{e}");
}

/// A sequence is not a commit order (docs/NEWSROOM.md): two writers take change numbers, and
/// the one that took its number first has not committed. The second waits for it (the
/// advisory lock every numbered write takes), so no desk that pulls "after my cursor" in
/// between can ever skip the first one's rows.
#[test]
fn change_numbers_are_handed_out_in_commit_order_issue_13() {
    let room = Room::new("commit_order");
    seed(&room);
    let mut first = room.as_(&room.eva);
    let mut tx = first.transaction().expect("first writer");
    tx.execute(
        &format!(
            "INSERT INTO newsroom.notes (id, story_id, body, created_at)
             VALUES ('01900000-0000-7000-8000-0000000000e1', '{P}', 'first', now())"
        ),
        &[],
    )
    .expect("the first writer takes its number");
    let login = room.luis.clone();
    let db = room.db.clone();
    let second = std::thread::spawn(move || {
        let pg = newsroom_pg::cluster();
        let mut c = Client::connect(&pg.url(&login, PASSWORD, &db), NoTls).expect("second");
        c.execute(
            &format!(
                "INSERT INTO newsroom.notes (id, story_id, body, created_at)
                 VALUES ('01900000-0000-7000-8000-0000000000e2', '{P}', 'second', now())"
            ),
            &[],
        )
        .expect("the second writer");
        std::time::Instant::now()
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    // A desk pulling now sees neither: the first is not committed, the second is waiting.
    let visible: i64 = room
        .superuser()
        .query_one(
            "SELECT count(*) FROM newsroom.notes WHERE body IN ('first', 'second')",
            &[],
        )
        .expect("pull")
        .get(0);
    assert_eq!(visible, 0);
    assert!(
        !second.is_finished(),
        "the second writer waits for the first"
    );
    // The second writer may finish as soon as the server has committed, before the commit's
    // answer reaches this thread: compare with the moment the commit was asked for.
    let committing = std::time::Instant::now();
    tx.commit().expect("the first commits");
    let second_done = second.join().expect("second writer");
    assert!(
        second_done >= committing,
        "the second writer waited for the first's commit"
    );
    let rows = room
        .superuser()
        .query(
            "SELECT body FROM newsroom.notes WHERE body IN ('first', 'second') ORDER BY seq",
            &[],
        )
        .expect("pull");
    let order: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(order, ["first", "second"], "numbers follow the commits");
}

/// Past the editors' door a correspondent's story is the editors' (issue 14's tryout: a
/// correspondent changed a Published story's headline and trashed it). Tried as raw SQL, as
/// someone with `psql` would; each refusal says why in words, and the allowed twins (her
/// draft, her filed story, an editor on the same story) still work.
#[test]
fn a_correspondent_cannot_change_her_story_once_an_editor_has_it_issue_14() {
    let room = Room::new("perm_past");
    seed(&room);
    let mut ana = room.as_(&room.ana);
    let mut eva = room.as_(&room.eva);
    let who = "a correspondent";
    let revision_of = |story: &str| {
        format!(
            "INSERT INTO newsroom.revisions (id, story_id, created_at, snapshot)
                 VALUES (gen_random_uuid(), '{story}', now(), '{{}}')"
        )
    };
    let forbidden = |story: &str| {
        [
            format!("UPDATE newsroom.stories SET headline = 'Mine again' WHERE id = '{story}'"),
            format!("UPDATE newsroom.stories SET body = 'Rewritten.' WHERE id = '{story}'"),
            format!("UPDATE newsroom.stories SET trashed_at = now() WHERE id = '{story}'"),
            format!("UPDATE newsroom.stories SET head = gen_random_uuid() WHERE id = '{story}'"),
            revision_of(story),
        ]
    };

    // B is hers, at the copy desk: every change is refused, with the reason.
    for sql in forbidden(B) {
        refused(&mut ana, who, &sql, Refused::Error);
    }
    let e = ana
        .execute(forbidden(B)[0].as_str(), &[])
        .expect_err("refused");
    let said = e
        .as_db_error()
        .map(|d| d.message().to_string())
        .unwrap_or_default();
    assert!(
        said.contains("Copy desk") && said.contains("only an editor"),
        "the refusal says why: {said}"
    );
    let e = ana
        .execute(revision_of(B).as_str(), &[])
        .expect_err("refused");
    let said = e
        .as_db_error()
        .map(|d| d.message().to_string())
        .unwrap_or_default();
    assert!(said.contains("only an editor"), "{said}");

    // The editor changes it, then publishes it; still not hers to change, nor to trash.
    eva.execute(
        &format!("UPDATE newsroom.stories SET headline = 'Edited' WHERE id = '{B}'"),
        &[],
    )
    .expect("an editor edits a story at the copy desk");
    eva.execute(&revision_of(B), &[])
        .expect("an editor records a revision");
    for (from, to) in [("copy_desk", "ready"), ("ready", "published")] {
        move_story(&mut eva, B, from, to).expect("an editor publishes");
    }
    for sql in forbidden(B) {
        refused(&mut ana, who, &sql, Refused::Error);
    }
    assert_eq!(room.story(B, "headline"), "Edited");
    assert_eq!(room.story(B, "body"), "First words.");
    assert_eq!(room.story(B, "coalesce(trashed_at::text, '')"), "");

    // Her draft and a story she filed are hers to change: edit, record, trash.
    let filed = "01900000-0000-7000-8000-0000000000ab";
    new_story(&mut ana, filed, "Ana filed too");
    move_story(&mut ana, filed, "draft", "in_edit").expect("she files it");
    for story in [A, filed] {
        for sql in forbidden(story) {
            ana.execute(sql.as_str(), &[])
                .unwrap_or_else(|e| panic!("{sql:?} on her own story: {e}"));
        }
    }
    assert_eq!(room.story(filed, "body"), "Rewritten.");
}

//! A newsroom under faults (issue 13): many desks, one PostgreSQL, seeded random work —
//! stories written, the same stories edited on several desks while apart, notes, moves,
//! photo imports (the same photo on several desks) — with desks cut off for random stretches,
//! `dateline sync` killed with SIGKILL in the middle, and the server stopped dead
//! (`pg_ctl -m immediate`) and restarted in the middle of a sync. After healing, conflicts are
//! settled as a person would (taking the newsroom's version) and everyone syncs again; then it
//! checks that every desk and the server hold the same stories with the same heads and text,
//! every revision any desk saved is on the server, every conflict was explicit and kept both
//! versions, every photo original matches its SHA-256, every desk file is sound, and that raw
//! SQL permission attempts were all refused.
//!
//! The seed is printed; `DATELINE_SEED=N` replays a run. Size: `DATELINE_DESKS` (default 50)
//! and `DATELINE_ROUNDS` (default 6, about 1.5 minutes); the long mode is e.g. `DATELINE_DESKS=50
//! DATELINE_ROUNDS=30`. This file is its own test binary, so its server restarts disturb no
//! other test.

mod newsroom_pg;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use dateline::model::{ArticleDraft, Byline, Status};
use dateline::newsroom::{self, Role};
use dateline::Workspace;
use postgres::{Client, NoTls};

const PASSWORD: &str = "correct horse battery";

fn ask(_question: &str) -> Option<String> {
    Some(PASSWORD.to_string())
}

/// SplitMix64: ten lines, the same numbers for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Desk {
    dir: tempfile::TempDir,
    login: String,
    role: Role,
}

impl Desk {
    fn open(&self) -> Workspace {
        Workspace::open(self.dir.path()).expect("desk opens")
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos")
        .join(name)
}

/// Runs `dateline sync` for the desk as a separate process and kills it with SIGKILL after
/// `after` (it may have finished already, or not yet connected).
fn sync_killed(desk: &Desk, after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--workspace")
        .arg(desk.dir.path())
        .args(["--json", "sync"])
        .env("PGPASSWORD", PASSWORD)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dateline sync starts");
    std::thread::sleep(after);
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
}

fn paragraphs(seed: &str) -> String {
    (1..=5)
        .map(|i| format!("Paragraph {i} as {seed} wrote it."))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

#[test]
fn desks_converge_under_partitions_kills_and_server_restarts_issue_13() {
    let seed = env_number(
        "DATELINE_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(13),
    );
    let n_desks = env_number("DATELINE_DESKS", 50) as usize;
    let rounds = env_number("DATELINE_ROUNDS", 6) as usize;
    println!(
        "newsroom simulation: seed {seed}, {n_desks} desks, {rounds} rounds \
         (replay with DATELINE_SEED={seed} DATELINE_DESKS={n_desks} DATELINE_ROUNDS={rounds})"
    );
    let mut rng = Rng(seed);
    let pg = newsroom_pg::cluster();
    let db = pg.database("simulation");
    newsroom::init(&pg.admin(&db), None).expect("init");

    // Most desks are editors; a few correspondents and one photo desk keep the rules busy.
    let mut desks = Vec::new();
    for i in 0..n_desks {
        let role = match i % 5 {
            1 => Role::Correspondent,
            3 if i % 10 == 3 => Role::Photo,
            _ => Role::Editor,
        };
        let login = format!("desk{i}_{db}");
        newsroom::add_user(&pg.admin(&db), None, &login, &login, role, PASSWORD).expect("user add");
        let d = Desk {
            dir: tempfile::tempdir().expect("temp dir"),
            login,
            role,
        };
        d.open()
            .newsroom_join(&pg.url_without_password(&d.login, &db), Some(&ask))
            .expect("join");
        desks.push(d);
    }
    let photos = [
        "orient3-landscape.jpg",
        "meta-news-usnavy-reagan.jpg",
        "orient6-landscape.jpg",
    ];
    let mut kills = 0;
    let mut restarts = 0;
    let mut failed_syncs = 0;
    let restart_round = rounds / 2;

    for round in 0..rounds {
        let offline: Vec<bool> = (0..n_desks).map(|_| rng.chance(30)).collect();
        for (i, d) in desks.iter().enumerate() {
            let mut ws = d.open();
            let tag = format!("desk {i} in round {round}");
            let mine: Vec<_> = ws.articles().expect("library");
            // Write.
            if d.role != Role::Photo && (mine.is_empty() || rng.chance(35)) {
                ws.create_article(ArticleDraft {
                    headline: format!("Story by {tag}"),
                    body: paragraphs(&tag),
                    bylines: vec![Byline {
                        name: d.login.clone(),
                        role: None,
                        author_id: None,
                    }],
                    tags: vec![format!("round{round}")],
                    ..ArticleDraft::default()
                })
                .expect("a new story");
            }
            let list = ws.articles().expect("library");
            // Edit a paragraph of a story the desk has (several desks often pick the same).
            if d.role != Role::Photo && !list.is_empty() && rng.chance(80) {
                let s = &list[rng.below(list.len().min(3))];
                let a = ws.article_by_id(s.id).expect("story");
                let mut paras: Vec<String> =
                    a.body.trim_end().split("\n\n").map(String::from).collect();
                let k = rng.below(paras.len());
                paras[k] = format!("Paragraph {} rewritten by {tag}.", k + 1);
                let mut draft = ArticleDraft::from(&a);
                draft.body = paras.join("\n\n") + "\n";
                ws.save_article(a.id, draft).expect("an edit");
            }
            if !list.is_empty() && rng.chance(30) {
                let s = &list[rng.below(list.len())];
                ws.add_note(&s.id.to_string(), &format!("Note from {tag}"))
                    .expect("a note");
            }
            if !list.is_empty() && rng.chance(25) {
                let s = &list[rng.below(list.len())];
                let next = dateline::workflow::next_statuses(s.status);
                let to = next[rng.below(next.len())];
                if to != Status::Published {
                    let _ = ws.set_status(&s.id.to_string(), to);
                }
            }
            if rng.chance(15) {
                let name = photos[rng.below(photos.len())];
                ws.import_photo(&fixture(name)).expect("a photo");
            }
            drop(ws);
            if offline[i] {
                continue;
            }
            // Sync: now and then killed mid-way, once with the server stopped dead under it.
            if round == restart_round && restarts == 0 {
                let desk = &desks[i];
                let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
                    .arg("--workspace")
                    .arg(desk.dir.path())
                    .args(["--json", "sync"])
                    .env("PGPASSWORD", PASSWORD)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("sync starts");
                std::thread::sleep(Duration::from_millis(5 + rng.below(60) as u64));
                pg.crash();
                let _ = child.wait();
                pg.start();
                restarts += 1;
                continue;
            }
            if rng.chance(20) {
                sync_killed(d, Duration::from_millis(rng.below(120) as u64));
                kills += 1;
                continue;
            }
            if d.open().sync(Some(&ask)).is_err() {
                failed_syncs += 1;
            }
        }
    }

    // Healing: everyone online, a few rounds until nothing moves.
    let all_sync = |desks: &[Desk]| {
        for d in desks {
            d.open().sync(Some(&ask)).expect("a sync after healing");
        }
    };
    for _ in 0..3 {
        all_sync(&desks);
    }
    // Conflicts were explicit and kept both versions; a person settles each by taking the
    // newsroom's version.
    let mut conflicts = 0;
    for d in &desks {
        let mut ws = d.open();
        let status = ws.newsroom_status(Some(&ask)).expect("status");
        // One resolution settles every open conflict on a story's text: take the newest.
        let mut newest = BTreeMap::new();
        for c in status.conflicts.iter().filter(|c| c.field == "body") {
            conflicts += 1;
            newest.insert(c.article.clone(), c.clone());
        }
        for c in newest.values() {
            let slug = c.article.clone().expect("a story's conflict");
            let a = ws.article(&slug).expect("story");
            let graph = ws.newsroom_revision_graph(a.id).expect("graph");
            assert!(
                graph.iter().any(|(u, _)| *u == c.ours)
                    && graph.iter().any(|(u, _)| *u == c.theirs),
                "both versions are kept whole in {}'s history of {slug}",
                d.login
            );
            let theirs = ws
                .revisions(a.id)
                .expect("history")
                .into_iter()
                .find(|r| {
                    ws.newsroom_revision_uuid(r.id).ok().as_deref() == Some(c.theirs.as_str())
                })
                .expect("the newsroom's version is in the history");
            ws.resolve_conflict(&slug, Some(theirs.id), None)
                .expect("resolve");
        }
    }
    for _ in 0..3 {
        all_sync(&desks);
    }

    // The server's truth, read past every policy.
    let mut admin = Client::connect(&pg.admin(&db), NoTls).expect("admin");
    let server: BTreeMap<String, (Option<String>, String)> = admin
        .query(
            "SELECT id::text, head::text, body FROM newsroom.stories",
            &[],
        )
        .expect("stories")
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect();
    let server_revisions: BTreeSet<String> = admin
        .query("SELECT id::text FROM newsroom.revisions", &[])
        .expect("revisions")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!server.is_empty(), "stories reached the newsroom");

    for d in &desks {
        let mut ws = d.open();
        assert_eq!(
            ws.integrity_check().expect("integrity"),
            "ok",
            "{}",
            d.login
        );
        let status = ws.newsroom_status(Some(&ask)).expect("status");
        assert!(
            status.conflicts.iter().all(|c| c.field != "body"),
            "{}: conflicts left after resolving: {:?}",
            d.login,
            status.conflicts
        );
        assert_eq!(status.to_send, 0, "{}: everything was sent", d.login);
        let mut seen = BTreeSet::new();
        for s in ws.library(&Default::default()).expect("library") {
            let a = ws.article_by_id(s.id).expect("story");
            let uuid = ws.newsroom_article_uuid(a.id).expect("uuid");
            let graph = ws.newsroom_revision_graph(a.id).expect("graph");
            let refused: BTreeSet<String> = status.refused.iter().map(|r| r.id.clone()).collect();
            for (rev, _) in &graph {
                assert!(
                    server_revisions.contains(rev) || refused.contains(rev),
                    "{}: revision {rev} of {} never reached the newsroom",
                    d.login,
                    a.slug
                );
            }
            if let Some((head, body)) = server.get(&uuid) {
                assert_eq!(&a.body, body, "{}: the text of {}", d.login, a.slug);
                assert_eq!(
                    ws.newsroom_article_head(a.id).expect("head").as_ref(),
                    head.as_ref(),
                    "{}: the head of {}",
                    d.login,
                    a.slug
                );
            } else {
                panic!("{}: story {} is not in the newsroom", d.login, a.slug);
            }
            seen.insert(uuid);
        }
        if d.role == Role::Editor || d.role == Role::Photo {
            let all: BTreeSet<String> = server.keys().cloned().collect();
            assert_eq!(seen, all, "{}: the same stories as the newsroom", d.login);
        }
        for p in ws.photos().expect("photos") {
            let bytes = std::fs::read(ws.photo_original(p.id).expect("path")).expect("original");
            use sha2::Digest;
            assert_eq!(
                format!("{:x}", sha2::Sha256::digest(&bytes)),
                p.sha256,
                "{}: photo {} matches its SHA-256",
                d.login,
                p.id
            );
        }
    }
    // The same photo imported on several desks is one photo in the newsroom.
    let photo_rows: i64 = admin
        .query_one("SELECT count(*) FROM newsroom.photos", &[])
        .expect("photos")
        .get(0);
    assert!(
        photo_rows <= photos.len() as i64,
        "{photo_rows} photos for {} files",
        photos.len()
    );

    // Raw SQL from a correspondent's own login is refused as ever, after all of it.
    if let Some(c) = desks.iter().find(|d| d.role == Role::Correspondent) {
        let mut raw = Client::connect(&pg.url(&c.login, PASSWORD, &db), NoTls).expect("raw");
        let n = raw
            .execute(
                "UPDATE newsroom.stories SET body = 'x' WHERE created_by <> session_user",
                &[],
            )
            .expect("an update that finds nothing it may change");
        assert_eq!(n, 0);
        assert!(raw
            .execute("UPDATE newsroom.stories SET status = 'published'", &[])
            .is_err());
        assert!(raw.execute("DELETE FROM newsroom.revisions", &[]).is_err());
    }
    println!(
        "newsroom simulation: {} stories, {} revisions, {kills} syncs killed, {restarts} server \
         restarts, {failed_syncs} syncs failed (server down), {conflicts} conflicts settled",
        server.len(),
        server_revisions.len()
    );
}

//! The newsroom's figures (issue 13; docs/PERFORMANCE.md): a sync with nothing to do, a desk
//! back from a week offline with 500 edits, how long until another online desk sees a change
//! (LISTEN/NOTIFY, no polling), how 200 stories travel, and the bytes stored per edit. Each is
//! printed for docs/PERFORMANCE.md; as everywhere in this project, timings are not asserted
//! (what is asserted is that the work was done: 200 stories arrived, 500 edits were sent, the
//! watching desk saw the change without being asked to sync, every desk holds every story).
//!
//! The convergence figure: `DATELINE_DESKS` desks (50) each writing `DATELINE_STORIES`
//! stories (4 by default, so `make test` stays short; 200 for the figure of issue 13).

mod newsroom_pg;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use dateline::model::ArticleDraft;
use dateline::newsroom::{self, Role};
use dateline::Workspace;
use postgres::{Client, NoTls};

const PASSWORD: &str = "correct horse battery";

fn ask(_question: &str) -> Option<String> {
    Some(PASSWORD.to_string())
}

fn desk(db: &str, login: &str) -> (tempfile::TempDir, Workspace) {
    let pg = newsroom_pg::cluster();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("desk");
    ws.newsroom_join(&pg.url_without_password(login, db), Some(&ask))
        .expect("join");
    (dir, ws)
}

fn body(i: usize) -> String {
    (1..=6)
        .map(|p| format!("Paragraph {p} of story {i}, with a few dozen words of reporting in it so that the size is realistic for a news story's paragraph."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn newsroom_figures_issue_13() {
    let pg = newsroom_pg::cluster();
    let db = pg.database("figures");
    newsroom::init(&pg.admin(&db), None).expect("init");
    let a_login = format!("a_{db}");
    let b_login = format!("b_{db}");
    for l in [&a_login, &b_login] {
        newsroom::add_user(&pg.admin(&db), None, l, l, Role::Editor, PASSWORD).expect("user");
    }
    let (_da, mut a) = desk(&db, &a_login);
    let (db_dir, mut b) = desk(&db, &b_login);

    // 200 stories from one desk to another.
    for i in 0..200 {
        a.create_article(ArticleDraft {
            headline: format!("Story {i}"),
            body: body(i),
            ..ArticleDraft::default()
        })
        .expect("story");
    }
    let t = Instant::now();
    a.sync(Some(&ask)).expect("push 200");
    let push_200 = t.elapsed();
    let t = Instant::now();
    b.sync(Some(&ask)).expect("pull 200");
    let pull_200 = t.elapsed();
    assert_eq!(b.articles().expect("library").len(), 200);

    // A sync with nothing to do, on the connection kept from the sync before (as `newsroom
    // watch` and the app sync), and as a new process's first sync (connecting first).
    a.sync(Some(&ask)).expect("settle");
    let mut idle = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        a.sync(Some(&ask)).expect("no-op");
        idle.push(t.elapsed());
    }
    idle.sort();
    let noop = idle[2];

    // Of which: connecting (TCP, TLS offer, SCRAM-SHA-256's 4096 rounds on both sides).
    let target = newsroom::Target::parse(&pg.url_without_password(&a_login, &db)).expect("url");
    let mut connects = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        target.connect(Some(&ask)).expect("connect");
        connects.push(t.elapsed());
    }
    connects.sort();
    let connect = connects[2];
    // Of which: the TLS setup (the system's authorities read) and the rest (TCP, SCRAM).
    let mut tls = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        drop(native_tls::TlsConnector::new().expect("tls"));
        tls.push(t.elapsed());
    }
    tls.sort();
    let tls = tls[2];

    // A week offline: 500 edits across 50 stories, each its own revision.
    let ids: Vec<i64> = b
        .articles()
        .expect("library")
        .iter()
        .map(|s| s.id)
        .take(50)
        .collect();
    let start = Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap();
    for e in 0..500 {
        let id = ids[e % ids.len()];
        let art = b.article_by_id(id).expect("story");
        let mut d = ArticleDraft::from(&art);
        d.body = format!("{}\n\nEdit {e} made offline.", d.body);
        b.save_article_at(id, d, start + chrono::Duration::minutes(10 * e as i64))
            .expect("edit");
    }
    let t = Instant::now();
    let r = b.sync(Some(&ask)).expect("back online");
    let week = t.elapsed();
    assert!(r.pushed_revisions >= 500, "{r:?}");

    // How long until another online desk sees a change: A watches, B edits and syncs.
    let (tx, rx) = mpsc::channel::<Instant>();
    let a_dir = _da.path().to_path_buf();
    let watcher = std::thread::spawn(move || {
        let mut ws = Workspace::open(&a_dir).expect("desk A");
        let mut n = 0;
        ws.newsroom_watch(Some(&ask), 3, Duration::from_secs(20), |r| {
            n += 1;
            if n > 1 && r.pulled_revisions > 0 {
                let _ = tx.send(Instant::now());
            }
        })
        .expect("watch");
    });
    std::thread::sleep(Duration::from_millis(500));
    let story = b.article_by_id(ids[0]).expect("story");
    let mut d = ArticleDraft::from(&story);
    d.body.push_str("\n\nA change another desk must see.");
    b.save_article(story.id, d).expect("edit");
    b.sync(Some(&ask)).expect("sync");
    let sent = Instant::now();
    let seen = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the watching desk saw the change");
    let latency = seen.saturating_duration_since(sent);
    let _ = db_dir;
    drop(watcher);

    // 50 desks with `DATELINE_STORIES` new stories each, until every desk has all of them:
    // each desk syncs once to send, then once more to receive what the later ones sent.
    let env = |k: &str, default: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let n_desks = env("DATELINE_DESKS", 50);
    let per_desk = env("DATELINE_STORIES", 4);
    let mut many = Vec::new();
    for i in 0..n_desks {
        let login = format!("d{i}_{db}");
        newsroom::add_user(&pg.admin(&db), None, &login, &login, Role::Editor, PASSWORD)
            .expect("user");
        let (dir, mut ws) = desk(&db, &login);
        for k in 0..per_desk {
            ws.create_article(ArticleDraft {
                headline: format!("Desk {i} story {k}"),
                body: body(k),
                ..ArticleDraft::default()
            })
            .expect("story");
        }
        many.push((dir, ws));
    }
    let t = Instant::now();
    for _ in 0..2 {
        for (_, ws) in many.iter_mut() {
            ws.sync(Some(&ask)).expect("sync");
        }
    }
    let converge = t.elapsed();
    let total = 200 + n_desks * per_desk;
    for (_, ws) in &many {
        assert_eq!(
            ws.articles().expect("library").len(),
            total,
            "every desk has every story"
        );
    }

    // Bytes stored per edit: each revision is the story's whole snapshot.
    let mut admin = Client::connect(&pg.admin(&db), NoTls).expect("admin");
    let row = admin
        .query_one(
            "SELECT avg(pg_column_size(snapshot))::float8,
                    avg(octet_length(snapshot::text))::float8 FROM newsroom.revisions",
            &[],
        )
        .expect("sizes");
    let (per_edit, on_wire): (f64, f64) = (row.get(0), row.get(1));

    println!(
        "newsroom figures (debug build): push 200 stories {push_200:?}, pull 200 stories \
         {pull_200:?}, sync with nothing to do {noop:?} on a kept connection (median of 5; a new process \
         connects first: {connect:?} more, of which {tls:?} setting up TLS), a week \
         offline with 500 edits {week:?}, another desk sees a change after {latency:?}, \
         {per_edit:.0} bytes stored per edit (compressed snapshot), {on_wire:.0} bytes of \
         snapshot sent per edit, {n_desks} desks with {per_desk} new stories each (and the 200 \
         above) converge in {converge:?}"
    );
}

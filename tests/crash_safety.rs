//! "Never lose a word", checked with `kill -9`: a child process (this test binary, re-run in
//! a child role) edits a desk through the real `Workspace` API as fast as it can — creating
//! articles, autosaving growing bodies, checkpoints, status changes, photo imports — and
//! after every call returns it appends an fsync'd acknowledgement to a log. The harness kills
//! it with SIGKILL at a random moment, reopens the desk and checks what a journalist would
//! notice: the database is sound, everything acknowledged is there (or a later version of
//! it), no revision or photo is half-written, and no temporary file is left behind.
//! A second test kills exports midway and checks that a package is whole or absent.
//!
//! The kills are seeded (`DATELINE_SEED`), and the seed is printed; `DATELINE_KILLS` sets how
//! many (200 by default, `DATELINE_KILLS=1000` for the long run), `DATELINE_EXPORT_KILLS` how
//! many exports are killed (10; half of them while the package is being written). Only Unix
//! has SIGKILL.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dateline::durable::sha256_hex;
use dateline::export::manifest::Manifest;
use dateline::export::ExportOptions;
use dateline::model::{ArticleDraft, Byline, Status};
use dateline::Workspace;

/// The environment variable that turns this binary into the child of a test.
const CHILD_ENV: &str = "DATELINE_CRASH_CHILD";
const READY: &str = "dateline-crash-child ready";
const COMMITTING: &str = "dateline-crash-child writing the package";
/// The demo desk's model article, which the export children export.
const MODEL: &str = "sheinbaum-rejects-u-s-offer-to-help-combat-drug-cartels";

// ---- A small seeded random source (no dependency for eight lines) ---------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn seed() -> u64 {
    std::env::var("DATELINE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(7)
        })
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos")
        .join(name)
}

// ---- What the child writes, so the harness can recognise it -------------------------------

/// The body of save `k` of the article of round `round`: it grows with every save, and its
/// first line names the save, so the stored body tells which save it is — and must equal
/// exactly what that save wrote.
fn body(round: u64, k: u64) -> String {
    let mut s = format!("Round {round}, save {k}.\n\n");
    let words = (k * 40).min(6_000);
    for i in 0..words {
        s.push_str(["Lluvia", "sobre", "Monterrey", "y", "«comillas»", "año"][(i % 6) as usize]);
        s.push(if i % 90 == 89 { '\n' } else { ' ' });
    }
    s.push('\n');
    s
}

fn save_number(body: &str) -> Option<(u64, u64)> {
    let line = body.lines().next()?;
    let rest = line.strip_prefix("Round ")?;
    let (round, rest) = rest.split_once(", save ")?;
    Some((round.parse().ok()?, rest.strip_suffix('.')?.parse().ok()?))
}

/// A fixture JPEG made unique by a comment segment after SOI, so every import writes a new
/// original (same pixels, different bytes and SHA-256).
fn unique_jpeg(base: &[u8], tag: &str) -> Vec<u8> {
    let text = format!("dateline crash test {tag}");
    let len = (text.len() + 2) as u16;
    let mut out = Vec::with_capacity(base.len() + text.len() + 4);
    out.extend_from_slice(&base[..2]);
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&base[2..]);
    out
}

// ---- The child -------------------------------------------------------------------------------

struct Acks(std::fs::File);

impl Acks {
    /// Appends one line and waits until it is on disk: the acknowledgement is never ahead of
    /// the commit it reports (it is written after the call returned).
    fn ack(&mut self, line: &str) {
        self.0
            .write_all(format!("{line}\n").as_bytes())
            .expect("ack write");
        self.0.sync_data().expect("ack sync");
    }
}

/// The child's role: runs only when the harness re-runs this binary with [`CHILD_ENV`] set,
/// and edits until it is killed.
#[test]
fn crash_child_role() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut parts = spec.splitn(4, '|');
    let (role, round, desk, log) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("0").parse::<u64>().unwrap_or(0),
        PathBuf::from(parts.next().unwrap_or_default()),
        PathBuf::from(parts.next().unwrap_or_default()),
    );
    let mut acks = Acks(
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("ack log"),
    );
    let mut ws = Workspace::open(&desk).expect("child opens the desk");
    println!("{READY}");
    std::io::stdout().flush().ok();
    match role {
        "edit" => edit_forever(&mut ws, round, &mut acks),
        "export" => export_forever(&mut ws, &desk, &mut acks),
        other => panic!("unknown child role {other}"),
    }
}

fn edit_forever(ws: &mut Workspace, round: u64, acks: &mut Acks) -> ! {
    let mut rng = Rng(round.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xDA7E);
    let jpeg = std::fs::read(fixture("orient3-landscape.jpg")).expect("fixture photo");
    let draft = |k: u64, status: Status| ArticleDraft {
        headline: format!("Crash round {round}"),
        body: body(round, k),
        bylines: vec![Byline {
            name: "Ana Pérez".into(),
            role: None,
            author_id: None,
        }],
        status: Some(status),
        ..Default::default()
    };
    let a = ws
        .create_article(draft(0, Status::Draft))
        .expect("create article");
    acks.ack(&format!("create {round} {} 0", a.id));
    let mut k = 0;
    let mut status = 0usize;
    let mut photo = 0;
    loop {
        match rng.below(10) {
            0..=5 => {
                k += 1;
                ws.save_article(a.id, draft(k, Status::ALL[status]))
                    .expect("save");
                acks.ack(&format!("save {round} {} {k}", a.id));
            }
            6 => {
                let r = ws.checkpoint(&a.id.to_string()).expect("checkpoint");
                acks.ack(&format!("checkpoint {round} {} {k} {}", a.id, r.id));
            }
            7 => {
                // Draft ⇄ In edit: a move every workflow allows.
                status = 1 - status;
                ws.save_article(a.id, draft(k, Status::ALL[status]))
                    .expect("status");
                acks.ack(&format!("status {round} {} {k} {status}", a.id));
            }
            _ => {
                photo += 1;
                let bytes = unique_jpeg(&jpeg, &format!("{round}-{photo}"));
                let p = ws
                    .import_photo_bytes(&bytes, Path::new("crash.jpg"), Default::default())
                    .expect("photo");
                acks.ack(&format!("photo {round} {} {}", p.id, p.sha256));
            }
        }
    }
}

fn export_forever(ws: &mut Workspace, desk: &Path, acks: &mut Acks) -> ! {
    let out = desk.join("out");
    let mut zip = false;
    // Says when only the writing of the package is left (the next step is "written"), so
    // the harness can aim some kills at the files being written and renamed.
    let progress = |p: &dateline::model::ExportProgress| {
        if p.total > 0 && p.done + 1 == p.total {
            println!("{COMMITTING}");
            std::io::stdout().flush().ok();
        }
    };
    loop {
        ws.export(
            MODEL,
            &out,
            &ExportOptions { zip },
            &progress,
            &AtomicBool::new(false),
        )
        .expect("export");
        acks.ack(&format!("export {zip}"));
        zip = !zip;
    }
}

// ---- The harness ---------------------------------------------------------------------------

fn spawn(role: &str, round: u64, desk: &Path, log: &Path) -> Child {
    let stderr = std::fs::File::create(log.with_extension("stderr")).expect("child stderr");
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "crash_child_role",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            CHILD_ENV,
            format!("{role}|{round}|{}|{}", desk.display(), log.display()),
        )
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("child starts")
}

type ChildLines = std::io::Lines<BufReader<std::process::ChildStdout>>;

/// Waits for the child's "ready" line (it has opened the desk), and hands back the rest of
/// its output. None if it died first.
fn wait_ready(child: &mut Child) -> Option<ChildLines> {
    let out = child.stdout.take()?;
    let mut lines = BufReader::new(out).lines();
    // libtest may print "test crash_child_role ... " on the same line first.
    lines
        .any(|l| l.is_ok_and(|l| l.ends_with(READY)))
        .then_some(lines)
}

/// Kills the child with SIGKILL. It must still be running: a child that stopped by itself
/// failed (its stderr, beside the log, tells why).
fn kill(mut child: Child, log: &Path, context: &str) {
    if let Ok(Some(status)) = child.try_wait() {
        let why = std::fs::read_to_string(log.with_extension("stderr")).unwrap_or_default();
        panic!("{context}: the child stopped by itself ({status}) before the kill:\n{why}");
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

fn stray_temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.') && n.contains(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}

/// What the child acknowledged last, per round: (kind, fields).
#[derive(Default)]
struct Acked {
    /// round → (article id, last save number acknowledged, status index or None)
    articles: BTreeMap<u64, (i64, u64, Option<usize>)>,
    /// revision id → (round, save number) of acknowledged checkpoints
    checkpoints: BTreeMap<i64, (u64, u64)>,
    /// photo id → sha256
    photos: BTreeMap<i64, String>,
}

fn read_acks(log: &Path) -> Acked {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut a = Acked::default();
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let n = |i: usize| f[i].parse::<u64>().expect("ack number");
        match f[0] {
            "create" | "save" => {
                let e = a.articles.entry(n(1)).or_insert((n(2) as i64, 0, None));
                e.1 = n(3);
            }
            "checkpoint" => {
                a.checkpoints.insert(n(4) as i64, (n(1), n(3)));
            }
            "status" => {
                let e = a.articles.entry(n(1)).or_insert((n(2) as i64, 0, None));
                e.1 = n(3);
                e.2 = Some(n(4) as usize);
            }
            "photo" => {
                a.photos.insert(n(2) as i64, f[3].to_string());
            }
            other => panic!("unknown ack {other}"),
        }
    }
    a
}

/// What earlier checks already proved and cannot change: revisions are append-only (the
/// highest id checked) and originals are content-addressed and never modified (names whose
/// bytes matched their SHA-256). Without it each check would redo all earlier ones.
#[derive(Default)]
struct Checked {
    revisions: i64,
    originals: std::collections::BTreeSet<String>,
}

/// Everything a journalist relies on after the crash, checked on the reopened desk.
fn check_desk(desk: &Path, log: &Path, checked: &mut Checked, context: &str) {
    let ws = Workspace::open(desk).unwrap_or_else(|e| panic!("{context}: reopen: {e}"));
    assert_eq!(ws.integrity_check().expect("integrity"), "ok", "{context}");
    let acked = read_acks(log);
    for (&round, &(id, k, status)) in &acked.articles {
        let a = ws
            .article_by_id(id)
            .unwrap_or_else(|e| panic!("{context}: acknowledged article {id} is gone: {e}"));
        assert_eq!(a.headline, format!("Crash round {round}"), "{context}");
        let (r, stored) = save_number(&a.body)
            .unwrap_or_else(|| panic!("{context}: body of {id} is not one the child wrote"));
        assert_eq!(r, round, "{context}");
        // The call in flight when the kill came may or may not have committed: the stored
        // body is the acknowledged save or the one after it, whole.
        assert!(
            stored == k || stored == k + 1,
            "{context}: article {id} holds save {stored}, acknowledged {k}"
        );
        assert_eq!(a.body, body(round, stored), "{context}: torn body");
        if let Some(s) = status {
            let now = Status::ALL.iter().position(|x| *x == a.status).unwrap_or(9);
            assert!(
                now == s || now == 1 - s,
                "{context}: article {id} status {:?}, acknowledged {:?}",
                a.status,
                Status::ALL[s]
            );
        }
    }
    // Every revision not checked before, acknowledged or not, is a whole snapshot the child
    // wrote (revisions are append-only, so one checked once stays checked).
    let mut newest = checked.revisions;
    for a in ws.articles().expect("articles") {
        for rev in ws.revisions(a.id).expect("revisions") {
            newest = newest.max(rev.id);
            if rev.id <= checked.revisions {
                continue;
            }
            let snap = ws
                .revision(rev.id)
                .unwrap_or_else(|e| panic!("{context}: revision {} unreadable: {e}", rev.id));
            let (r, n) = save_number(&snap.body).expect("revision body is the child's");
            assert_eq!(snap.body, body(r, n), "{context}: torn revision {}", rev.id);
        }
    }
    checked.revisions = newest;
    for (&rev, &(round, k)) in &acked.checkpoints {
        let snap = ws
            .revision(rev)
            .unwrap_or_else(|e| panic!("{context}: acknowledged checkpoint {rev} is gone: {e}"));
        assert_eq!(snap.body, body(round, k), "{context}: checkpoint {rev}");
    }
    let photos = ws.photos().expect("photos");
    for (id, sha) in &acked.photos {
        assert!(
            photos.iter().any(|p| p.id == *id && &p.sha256 == sha),
            "{context}: acknowledged photo {id} is gone"
        );
    }
    // No row names a missing or half-written original.
    for p in &photos {
        let path = ws.photo_original(p.id).expect("original path");
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.as_ref().is_some_and(|n| checked.originals.contains(n)) {
            assert!(
                path.is_file(),
                "{context}: original of photo {} vanished",
                p.id
            );
            continue;
        }
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{context}: original of photo {} missing: {e}", p.id));
        assert_eq!(sha256_hex(&bytes), p.sha256, "{context}: photo {}", p.id);
        checked.originals.extend(name);
    }
    // An original without a row (killed between the rename and the commit) is allowed: it is
    // whole, and the next import of the same bytes uses it. It is never half a file.
    let originals = desk.join(dateline::workspace::ORIGINALS_DIR);
    for e in std::fs::read_dir(&originals).expect("originals").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if checked.originals.contains(&name) {
            continue;
        }
        let sha = name.split('.').next().unwrap_or_default();
        assert_eq!(
            sha256_hex(&std::fs::read(e.path()).expect("read original")),
            sha,
            "{context}: {name} is not whole"
        );
        checked.originals.insert(name);
    }
    assert_eq!(
        stray_temp_files(&originals),
        Vec::<String>::new(),
        "{context}: temporary files survived reopening"
    );
}

#[test]
fn kill_9_while_editing_loses_nothing_acknowledged() {
    let kills: u64 = std::env::var("DATELINE_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let seed = seed();
    println!("crash safety: {kills} kills, DATELINE_SEED={seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().expect("temp dir");
    let desk = tmp.path().join("desk");
    let log = tmp.path().join("acks.log");
    let started = Instant::now();
    let mut checked = Checked::default();
    let mut during_open = 0;
    for round in 0..kills {
        let mut child = spawn("edit", round, &desk, &log);
        // One kill in eight lands while the child is still opening the desk (WAL recovery,
        // migrations); the rest at a random moment of its editing.
        if rng.below(8) == 0 {
            std::thread::sleep(Duration::from_millis(rng.below(15)));
            during_open += 1;
        } else {
            assert!(
                wait_ready(&mut child).is_some(),
                "round {round}: the child died early"
            );
            // Mostly within the first few calls; one time in four, later in a longer session.
            let span = if rng.below(4) == 0 { 300_000 } else { 40_000 };
            std::thread::sleep(Duration::from_micros(1_000 + rng.below(span)));
        }
        let context = format!("round {round} (DATELINE_SEED={seed})");
        kill(child, &log, &context);
        check_desk(&desk, &log, &mut checked, &context);
    }
    // Once more over everything from the start, now that the desk is at its largest.
    check_desk(&desk, &log, &mut Checked::default(), "final check");
    let acked = read_acks(&log);
    let saves = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .count();
    println!(
        "crash safety: {kills} kills ({during_open} while opening) in {:.1} s; {} articles, \
         {} photos, {saves} acknowledged calls survived",
        started.elapsed().as_secs_f64(),
        acked.articles.len(),
        acked.photos.len()
    );
    // Not a timing claim: only that the kills did not all land before any work was done
    // (then the checks above would have had nothing to check).
    assert!(
        acked.articles.len() as u64 >= kills / 5,
        "too few children got as far as creating their article: {}",
        acked.articles.len()
    );
}

/// Checks that `dir` is a whole package: every file its manifest lists, with its size and
/// SHA-256, and nothing else.
fn assert_whole_package(dir: &Path, context: &str) {
    let manifest = std::fs::read(dir.join("manifest.json"))
        .unwrap_or_else(|e| panic!("{context}: {} has no manifest: {e}", dir.display()));
    let m: Manifest = serde_json::from_slice(&manifest).expect("manifest parses");
    let mut on_disk = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("read dir").flatten() {
            if e.path().is_dir() {
                walk(base, &e.path(), out);
            } else {
                let rel = e.path().strip_prefix(base).expect("inside").to_owned();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    walk(dir, dir, &mut on_disk);
    on_disk.retain(|p| p != "manifest.json");
    on_disk.sort();
    let listed: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(on_disk, listed, "{context}");
    for f in &m.files {
        let bytes = std::fs::read(dir.join(&f.path)).expect("listed file");
        assert_eq!(sha256_hex(&bytes), f.sha256, "{context}: {}", f.path);
    }
}

fn check_zip(zip: &Path, context: &str) {
    let bytes = std::fs::read(zip).expect("zip");
    // A whole zip ends with its end-of-central-directory record (no comment is written).
    let eocd = bytes.len().checked_sub(22).map(|at| &bytes[at..at + 4]);
    assert_eq!(
        eocd,
        Some(&b"PK\x05\x06"[..]),
        "{context}: {} is not a whole zip",
        zip.display()
    );
}

#[test]
fn kill_9_during_export_leaves_a_whole_package_or_none() {
    let seed = seed();
    let kills: u64 = std::env::var("DATELINE_EXPORT_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    println!("export kills: {kills}, DATELINE_SEED={seed}");
    let mut rng = Rng(seed ^ 0xE4_9087);
    let tmp = tempfile::tempdir().expect("temp dir");
    let desk = tmp.path().join("desk");
    let log = tmp.path().join("acks.log");
    let out = desk.join("out");
    // One export first, here: it makes the renditions (cached for the children) and tells
    // how long an export takes, so the kills can fall anywhere in one, writing included.
    let took = {
        let mut ws = Workspace::open(&desk).expect("open");
        dateline::demo::seed(&mut ws).expect("demo desk");
        let warm = tmp.path().join("warm");
        ws.export(
            MODEL,
            &warm,
            &ExportOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("first export");
        let t = Instant::now();
        ws.export(
            MODEL,
            &warm,
            &ExportOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("timed export");
        t.elapsed()
    };
    let slug = MODEL.to_string();
    let started = Instant::now();
    let mut killed_mid_write = 0;
    for round in 0..kills {
        let mut child = spawn("export", round, &desk, &log);
        let mut lines = wait_ready(&mut child).expect("the export child died early");
        if round % 2 == 0 {
            // Anywhere in the export.
            let span = (took.as_micros() as u64 * 3 / 2).max(1_000);
            std::thread::sleep(Duration::from_micros(rng.below(span)));
        } else {
            // While the package's files are written, synced and renamed.
            assert!(
                lines.any(|l| l.is_ok_and(|l| l.ends_with(COMMITTING))),
                "round {round}: the export child died before writing"
            );
            std::thread::sleep(Duration::from_micros(rng.below(150_000)));
        }
        let context = format!("export round {round} (DATELINE_SEED={seed})");
        kill(child, &log, &context);
        let entries: Vec<String> = std::fs::read_dir(&out)
            .map(|r| {
                r.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if entries.iter().any(|n| n.starts_with('.')) {
            killed_mid_write += 1;
        }
        // What a person sees in the folder: the package is whole, or it is not there.
        let folder = out.join(&slug);
        if folder.exists() {
            assert_whole_package(&folder, &context);
        }
        let zip = out.join(format!("{slug}.zip"));
        if zip.exists() {
            check_zip(&zip, &context);
        }
        let ws = Workspace::open(&desk).expect("reopen");
        assert_eq!(ws.integrity_check().expect("integrity"), "ok", "{context}");
        assert_eq!(ws.article(MODEL).expect("model article").slug, MODEL);
    }
    // The next export to the same place tidies what the killed ones left and succeeds.
    let mut ws = Workspace::open(&desk).expect("reopen");
    for zip in [false, true] {
        ws.export(
            &slug,
            &out,
            &ExportOptions { zip },
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("export after the kills");
    }
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, [slug.clone(), format!("{slug}.zip")]);
    assert_whole_package(&out.join(&slug), "after the kills");
    check_zip(&out.join(format!("{slug}.zip")), "after the kills");
    let renditions = desk.join(dateline::workspace::RENDITIONS_DIR);
    assert_eq!(stray_temp_files(&renditions), Vec::<String>::new());
    println!(
        "export kills: {kills} in {:.1} s (one export takes {} ms), {killed_mid_write} left \
         temporary names that the next export cleared",
        started.elapsed().as_secs_f64(),
        took.as_millis()
    );
}

//! The newsroom from the command line (issue 13), as an admin and two people would use it:
//! the built `dateline` binary against a throwaway PostgreSQL. `newsroom init` (twice),
//! `newsroom user add` with the password on standard input, `newsroom join` with the password
//! from `PGPASSWORD` and from `~/.pgpass` (and refused with a wrong one, in words and with the
//! `refused` code), `sync`, `newsroom status`, and a story that goes from one desk to another.

mod newsroom_pg;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const PASSWORD: &str = "correct horse battery";

fn dateline(desk: &Path, home: &Path, env: &[(&str, &str)], args: &[&str], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("--workspace")
        .arg(desk)
        .arg("--json")
        .args(args)
        .env("HOME", home)
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE")
        .env_remove("PGUSER")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run dateline");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("dateline ends")
}

fn ok(out: Output, what: &str) -> Value {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn refused(out: Output, what: &str) -> (String, String) {
    assert!(!out.status.success(), "{what} should fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
    let e: Value = serde_json::from_str(stderr.trim())
        .unwrap_or_else(|_| panic!("{what}: stderr is not an error as JSON: {stderr}"));
    (
        e["code"].as_str().unwrap_or_default().to_string(),
        e["message"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn an_admin_sets_up_a_newsroom_and_two_desks_share_a_story_issue_13() {
    let pg = newsroom_pg::cluster();
    let db = pg.database("cli");
    let home = tempfile::tempdir().expect("home");
    let admin_desk = tempfile::tempdir().expect("admin desk");
    let run = |desk: &Path, env: &[(&str, &str)], args: &[&str], stdin: &str| {
        dateline(desk, home.path(), env, args, stdin)
    };
    let admin = pg.admin(&db);

    let r = ok(
        run(admin_desk.path(), &[], &["newsroom", "init", &admin], ""),
        "init",
    );
    assert_eq!(r["from_version"], 0);
    let r = ok(
        run(admin_desk.path(), &[], &["newsroom", "init", &admin], ""),
        "init again",
    );
    assert_eq!(r["from_version"], r["version"]);

    let ana = format!("ana_{db}");
    let eva = format!("eva_{db}");
    for (login, role, name) in [
        (&ana, "correspondent", "Ana Pérez"),
        (&eva, "editor", "Eva Ruiz"),
    ] {
        let r = ok(
            run(
                admin_desk.path(),
                &[],
                &[
                    "newsroom",
                    "user",
                    "add",
                    login,
                    "--role",
                    role,
                    "--name",
                    name,
                    "--url",
                    &admin,
                    "--password-stdin",
                ],
                &format!("{PASSWORD}\n"),
            ),
            "user add",
        );
        assert_eq!(r["login"], login.as_str());
        assert_eq!(r["role"], role);
    }
    let (code, message) = refused(
        run(
            admin_desk.path(),
            &[],
            &[
                "newsroom",
                "user",
                "add",
                "Bad Name",
                "--role",
                "editor",
                "--url",
                &admin,
                "--password-stdin",
            ],
            &format!("{PASSWORD}\n"),
        ),
        "a login with a space",
    );
    assert_eq!(code, "invalid");
    assert!(message.contains("cannot be a newsroom login"), "{message}");
    let people = ok(
        run(
            admin_desk.path(),
            &[],
            &["newsroom", "user", "list", "--url", &admin],
            "",
        ),
        "user list",
    );
    assert_eq!(people.as_array().map(Vec::len), Some(2), "{people}");

    // Ana joins with the password in PGPASSWORD; a wrong one is refused in words.
    let ana_desk = tempfile::tempdir().expect("ana's desk");
    let url = pg.url_without_password(&ana, &db);
    let (code, message) = refused(
        run(
            ana_desk.path(),
            &[("PGPASSWORD", "nope nope nope")],
            &["newsroom", "join", &url],
            "",
        ),
        "a wrong password",
    );
    assert_eq!(
        code, "login",
        "issue 15: a login of its own, not a refused change"
    );
    assert!(message.contains("did not let"), "{message}");
    let (code, message) = refused(
        run(ana_desk.path(), &[], &["newsroom", "join", &url], ""),
        "no password at all",
    );
    assert_eq!(code, "login");
    assert!(message.contains("PGPASSWORD"), "{message}");
    let joined = ok(
        run(
            ana_desk.path(),
            &[("PGPASSWORD", PASSWORD)],
            &["newsroom", "join", &url],
            "",
        ),
        "join",
    );
    assert_eq!(joined["login"], ana.as_str());
    assert_eq!(joined["role"], "correspondent");

    // She writes and files a story, and syncs.
    let body = ana_desk.path().join("body.md");
    std::fs::write(&body, "Primer párrafo.\n").expect("body");
    let story = ok(
        run(
            ana_desk.path(),
            &[],
            &[
                "article",
                "new",
                "--headline",
                "Crónica de Caracas",
                "--body-file",
                body.to_str().expect("utf-8"),
            ],
            "",
        ),
        "article new",
    );
    let slug = story["slug"].as_str().expect("slug").to_string();
    ok(
        run(
            ana_desk.path(),
            &[],
            &["article", "status", &slug, "in_edit"],
            "",
        ),
        "file",
    );
    let status = ok(
        run(
            ana_desk.path(),
            &[("PGPASSWORD", PASSWORD)],
            &["newsroom", "status"],
            "",
        ),
        "status before",
    );
    assert!(status["to_send"].as_u64().unwrap_or(0) >= 2, "{status}");
    ok(
        run(ana_desk.path(), &[("PGPASSWORD", PASSWORD)], &["sync"], ""),
        "sync",
    );
    let status = ok(
        run(
            ana_desk.path(),
            &[("PGPASSWORD", PASSWORD)],
            &["newsroom", "status"],
            "",
        ),
        "status after",
    );
    assert_eq!(status["to_send"], 0, "{status}");
    assert!(status["last_sync"].is_string(), "{status}");

    // Eva's password is in her password file (as libpq reads it), and the story reaches her.
    let eva_home = tempfile::tempdir().expect("eva's home");
    let pgpass = eva_home.path().join(".pgpass");
    std::fs::write(
        &pgpass,
        format!("# newsroom\n127.0.0.1:{}:{db}:{eva}:{PASSWORD}\n", pg.port),
    )
    .expect("pgpass");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let eva_desk = tempfile::tempdir().expect("eva's desk");
    let run_eva = |args: &[&str]| dateline(eva_desk.path(), eva_home.path(), &[], args, "");
    ok(
        run_eva(&["newsroom", "join", &pg.url_without_password(&eva, &db)]),
        "eva joins",
    );
    ok(run_eva(&["sync"]), "eva syncs");
    let got = ok(run_eva(&["article", "show", &slug]), "show");
    assert_eq!(got["headline"], "Crónica de Caracas");
    assert_eq!(got["status"], "in_edit");
    let moves = ok(run_eva(&["article", "moves", &slug]), "moves");
    assert_eq!(moves[0]["who"], ana.as_str(), "{moves}");
}

#[test]
fn a_conflict_is_shown_and_resolved_from_the_command_line_issue_13() {
    let pg = newsroom_pg::cluster();
    let db = pg.database("cli_conflict");
    let home = tempfile::tempdir().expect("home");
    let admin = pg.admin(&db);
    let scratch = tempfile::tempdir().expect("admin desk");
    ok(
        dateline(
            scratch.path(),
            home.path(),
            &[],
            &["newsroom", "init", &admin],
            "",
        ),
        "init",
    );
    let ana = format!("ana_{db}");
    let eva = format!("eva_{db}");
    for (login, role) in [(&ana, "correspondent"), (&eva, "editor")] {
        ok(
            dateline(
                scratch.path(),
                home.path(),
                &[],
                &[
                    "newsroom",
                    "user",
                    "add",
                    login,
                    "--role",
                    role,
                    "--url",
                    &admin,
                    "--password-stdin",
                ],
                &format!("{PASSWORD}\n"),
            ),
            "user add",
        );
    }
    let env = [("PGPASSWORD", PASSWORD)];
    let ana_desk = tempfile::tempdir().expect("ana");
    let eva_desk = tempfile::tempdir().expect("eva");
    let a = |args: &[&str]| dateline(ana_desk.path(), home.path(), &env, args, "");
    let e = |args: &[&str]| dateline(eva_desk.path(), home.path(), &env, args, "");
    ok(
        a(&["newsroom", "join", &pg.url_without_password(&ana, &db)]),
        "ana joins",
    );
    ok(
        e(&["newsroom", "join", &pg.url_without_password(&eva, &db)]),
        "eva joins",
    );
    let body = |desk: &Path, text: &str| {
        let f = desk.join("body.md");
        std::fs::write(&f, text).expect("body");
        f.display().to_string()
    };
    let first = body(ana_desk.path(), "El ministro dijo que no.\n");
    let story = ok(
        a(&[
            "article",
            "new",
            "--headline",
            "Un párrafo",
            "--body-file",
            &first,
        ]),
        "new",
    );
    let slug = story["slug"].as_str().expect("slug").to_string();
    ok(a(&["sync"]), "ana");
    ok(e(&["sync"]), "eva");
    let mine = body(ana_desk.path(), "El ministro dijo que sí.\n");
    ok(
        a(&["article", "edit", &slug, "--body-file", &mine]),
        "ana edits",
    );
    let theirs = body(eva_desk.path(), "La ministra dijo que no.\n");
    ok(
        e(&["article", "edit", &slug, "--body-file", &theirs]),
        "eva edits",
    );
    ok(e(&["sync"]), "eva first");
    ok(a(&["sync"]), "ana: a conflict");
    let status = ok(a(&["newsroom", "status"]), "status");
    assert_eq!(status["conflicts"][0]["field"], "body", "{status}");
    // `article show` says so, in words.
    let shown = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--workspace")
        .arg(ana_desk.path())
        .args(["article", "show", &slug])
        .output()
        .expect("show");
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains("Newsroom conflict on the body"), "{text}");
    assert!(text.contains("article resolve"), "{text}");
    // Settled with a file of the agreed text.
    let agreed = body(ana_desk.path(), "La ministra dijo que sí.\n");
    ok(
        a(&["article", "resolve", &slug, "--file", &agreed]),
        "resolve",
    );
    let status = ok(a(&["newsroom", "status"]), "status after");
    assert_eq!(
        status["conflicts"].as_array().map(Vec::len),
        Some(0),
        "{status}"
    );
    ok(a(&["sync"]), "ana sends it");
    ok(e(&["sync"]), "eva receives it");
    let got = ok(e(&["article", "show", &slug]), "eva's story");
    assert_eq!(got["body"], "La ministra dijo que sí.\n");
    let (code, message) = refused(
        a(&["article", "resolve", &slug, "--file", &agreed]),
        "again",
    );
    assert_eq!(code, "invalid");
    assert!(message.contains("no conflict"), "{message}");
}

//! App security in the real window (issue 7): the page cannot reach the network, the window
//! cannot make the app read or write files outside what the user chose, and commands outside
//! the capability are refused. Each refusal is checked beside an allowed twin, so a test
//! cannot pass because everything is broken.

use std::path::Path;

use dateline_e2e::{App, Result};
use serde_json::Value;

const JPEG: &str = "../../../shared/fixtures/photos/meta-iptc-ref-std2024.1.jpg";

/// Calls a command the way a compromised page could: straight through Tauri's IPC, bypassing
/// the UI. Resolves to `{ ok: value }` or `{ err: error }`.
fn invoke(command: &str, args: &str) -> String {
    format!(
        "try {{ return {{ ok: await window.__TAURI_INTERNALS__.invoke({command:?}, {args}) }}; }}
         catch (e) {{ return {{ err: e }}; }}"
    )
}

/// A progress channel argument, as `@tauri-apps/api`'s `Channel` serializes itself.
const CHANNEL: &str = "'__CHANNEL__:' + window.__TAURI_INTERNALS__.transformCallback(() => {})";

fn error_code(v: &Value) -> Option<&str> {
    v["err"]["code"].as_str()
}

#[tokio::test(flavor = "multi_thread")]
async fn remote_requests_from_the_page_are_refused_issue_7() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    let got = app
        .js_await(
            r#"
            const violations = [];
            document.addEventListener("securitypolicyviolation", (e) =>
              violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            const fetched = await fetch("https://example.com/").then(
              () => "loaded", (e) => `refused: ${e}`);
            const img = await new Promise((resolve) => {
              const i = new Image();
              i.onload = () => resolve("loaded");
              i.onerror = () => resolve("refused");
              i.src = "https://example.com/pixel.png";
              document.body.appendChild(i);
            });
            const xhr = await new Promise((resolve) => {
              const x = new XMLHttpRequest();
              x.onload = () => resolve("loaded");
              x.onerror = () => resolve("refused");
              try { x.open("GET", "https://example.com/"); x.send(); }
              catch (e) { resolve(`refused: ${e}`); }
            });
            // The app's own channel still works: the refusals are the policy, not a dead page.
            const own = await window.__TAURI_INTERNALS__.invoke("desk_info").then(() => true, () => false);
            await new Promise((r) => setTimeout(r, 300));
            return { fetched, img, xhr, own, violations };
            "#,
        )
        .await?;
    eprintln!("remote requests: {got}");
    assert!(
        got["fetched"]
            .as_str()
            .is_some_and(|s| s.starts_with("refused")),
        "{got}"
    );
    assert_eq!(got["img"], "refused", "{got}");
    assert!(
        got["xhr"]
            .as_str()
            .is_some_and(|s| s.starts_with("refused")),
        "{got}"
    );
    assert_eq!(got["own"], true, "{got}");
    // The Content Security Policy is what refused them (this machine has no network either,
    // so a refusal alone would prove nothing).
    let violations: Vec<String> = got["violations"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    for directive in ["connect-src", "img-src"] {
        assert!(
            violations
                .iter()
                .any(|v| v.starts_with(directive) && v.contains("example.com")),
            "a {directive} violation for example.com: {violations:?}"
        );
    }
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn paths_outside_the_scope_are_refused_and_nothing_is_written_issue_7() -> Result<()> {
    let ws = tempfile::tempdir()?;
    // A real JPEG outside the desk, never picked nor dropped; its twin inside the desk folder.
    let outside = tempfile::tempdir()?;
    let jpeg = Path::new(env!("CARGO_MANIFEST_DIR")).join(JPEG);
    let stray = outside.path().join("stray.jpg");
    std::fs::copy(&jpeg, &stray)?;
    std::fs::create_dir_all(ws.path().join("incoming"))?;
    let inside = ws.path().join("incoming/inside.jpg");
    std::fs::copy(&jpeg, &inside)?;
    let elsewhere = outside.path().join("elsewhere");

    let app = App::start_named(ws.path()).await?;
    for path in [Path::new("/etc/hostname"), stray.as_path()] {
        let got = app
            .js_await(&invoke(
                "import_photo",
                &format!("{{ path: {:?} }}", path.display().to_string()),
            ))
            .await?;
        assert_eq!(error_code(&got), Some("out_of_scope"), "{path:?}: {got}");
        let message = got["err"]["message"].as_str().unwrap_or("");
        assert!(
            message.contains(&*path.to_string_lossy()),
            "the message names the path: {message}"
        );
    }
    let photos = app.js_await(&invoke("list_photos", "{}")).await?;
    assert_eq!(
        photos["ok"].as_array().map(Vec::len),
        Some(2),
        "only the demo photos: {photos}"
    );
    // The allowed twin: a file inside the desk's folder imports.
    let got = app
        .js_await(&invoke(
            "import_photo",
            &format!("{{ path: {:?} }}", inside.display().to_string()),
        ))
        .await?;
    assert!(got["ok"]["id"].is_number(), "{got}");

    let articles = app.js_await(&invoke("list_articles", "{}")).await?;
    let id = articles["ok"][0]["id"].as_i64().ok_or("the demo article")?;
    let export = |dest: &Path| {
        invoke(
            "export_article",
            &format!(
                "{{ id: {id}, destination: {:?}, zip: false, progress: {CHANNEL} }}",
                dest.display().to_string()
            ),
        )
    };
    for dest in [
        elsewhere.as_path(),
        Path::new("/tmp"),
        Path::new("~/../../tmp"),
    ] {
        let got = app.js_await(&export(dest)).await?;
        assert_eq!(error_code(&got), Some("out_of_scope"), "{dest:?}: {got}");
    }
    assert!(!elsewhere.exists(), "nothing was written outside the scope");
    // The allowed twin: a folder inside the desk takes the package.
    let got = app.js_await(&export(&ws.path().join("exports"))).await?;
    let written = got["ok"]["path"]
        .as_str()
        .ok_or(format!("exported: {got}"))?;
    assert!(Path::new(written).join("index.html").is_file(), "{written}");

    // The export dialog, with its folder picker, for people to look at.
    app.find(r#"[data-testid="export-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="export-choose-folder"]"#)
        .await?;
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&shots)?;
    app.screenshot(&shots.join("export-choose-folder.png"))
        .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn commands_outside_the_capability_are_refused_issue_7() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    let allowed = app.js_await(&invoke("desk_info", "{}")).await?;
    assert!(allowed["ok"]["dir"].is_string(), "{allowed}");
    for (command, args) in [
        // The dialog is opened by the Rust side only now; the window lost its permission.
        ("plugin:dialog|open", "{ options: {} }"),
        // No file-system plugin, and no core command beyond events and closing.
        ("plugin:fs|read_file", "{ path: '/etc/hostname' }"),
        (
            "plugin:window|set_title",
            "{ label: 'main', value: 'pwned' }",
        ),
        (
            "plugin:webview|create_webview_window",
            "{ options: { label: 'x', url: 'https://example.com' } }",
        ),
        ("plugin:opener|open_url", "{ url: 'https://example.com' }"),
    ] {
        let got = app.js_await(&invoke(command, args)).await?;
        let err = got["err"].as_str().unwrap_or_default();
        assert!(
            got.get("ok").is_none() && (err.contains("not allowed") || err.contains("not found")),
            "{command} must be refused: {got}"
        );
    }
    let title = app.client.title().await?;
    assert_ne!(title, "pwned");
    app.quit().await
}

//! Issue 15: Dateline as people install it. The Debian package that `make dist` builds
//! (target/dist/dateline_*.deb; `make test` builds it before this test) is installed into this
//! machine with apt, as a person would; the installed `dateline` answers its version and makes
//! a demo desk; the installed window opens on it under Xvfb and shows the model article; and
//! removing the package leaves the person's desk exactly as it was.
//!
//! This test changes the machine's packages (it runs as root in CI and under `make test`),
//! and removes what it installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dateline_e2e::{App, Result};

const INSTALLED_APP: &str = "/usr/bin/dateline-app";
const INSTALLED_CLI: &str = "/usr/bin/dateline";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The package `make dist` built; an error that says how to build it when there is none.
fn built_package() -> Result<PathBuf> {
    let dir = repo().join("target/dist");
    let mut debs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| {
            format!(
                "{}: {e} (run `make dist`, or `make test`, first)",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("dateline_") && n.ends_with(".deb"))
        })
        .collect();
    debs.sort();
    debs.pop()
        .ok_or_else(|| format!("no dateline_*.deb in {} (run `make dist`)", dir.display()).into())
}

/// Runs apt-get as root: directly when this test is root (CI, `make test` as root), else
/// through sudo, as setup does.
fn apt_get(args: &[&str]) -> Result<String> {
    let root = run("id", &["-u"])?.trim() == "0";
    if root {
        run("apt-get", args)
    } else {
        let mut with = vec!["apt-get"];
        with.extend_from_slice(args);
        run("sudo", &with)
    }
}

/// Runs `program args`, failing with what it printed when it fails.
fn run(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        return Err(format!("{program} {args:?} failed ({}):\n{text}", out.status).into());
    }
    Ok(text)
}

/// Every file under `dir` with its bytes' SHA-256 (by `sha256sum`).
fn fingerprint(dir: &Path) -> Result<BTreeMap<PathBuf, String>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let sum = run("sha256sum", &[p.to_str().ok_or("path")?])?;
                out.insert(p, sum.split_whitespace().next().unwrap_or("").to_string());
            }
        }
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread")]
async fn issue15_the_debian_package_installs_runs_and_removes_cleanly() -> Result<()> {
    let deb = built_package()?;
    let deb_arg = deb.to_str().ok_or("path")?.to_string();

    // What the package declares: the window's libraries, so apt brings them.
    let depends = run("dpkg-deb", &["--field", &deb_arg, "Depends"])?;
    for lib in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(
            depends.contains(lib),
            "the package depends on {lib}: {depends}"
        );
    }

    // Installed as a person would.
    run(
        "apt-get",
        &["install", "-y", "--allow-downgrades", &deb_arg],
    )?;
    let installed = run("dpkg-query", &["--listfiles", "dateline"])?;
    for f in [
        INSTALLED_APP,
        INSTALLED_CLI,
        "/usr/share/applications/dateline.desktop",
        "/usr/share/icons/hicolor/128x128/apps/dateline.png",
    ] {
        assert!(
            installed.lines().any(|l| l == f),
            "the package installs {f}:\n{installed}"
        );
    }
    // The desktop entry passes freedesktop's own validator.
    run(
        "desktop-file-validate",
        &["/usr/share/applications/dateline.desktop"],
    )?;

    // The installed command line is the core's, not the window renamed (the bundler's trap).
    let version = run(INSTALLED_CLI, &["--version"])?;
    assert!(
        version.contains(env!("CARGO_PKG_VERSION")),
        "`dateline --version` names the version: {version:?}"
    );
    let desk = tempfile::tempdir()?;
    let ws = desk.path().to_str().ok_or("path")?;
    run(INSTALLED_CLI, &["--workspace", ws, "init", "--demo"])?;
    let list = run(INSTALLED_CLI, &["--workspace", ws, "article", "list"])?;
    assert!(
        list.contains("Sheinbaum"),
        "the demo desk holds the model article: {list}"
    );

    // The installed window opens the demo desk.
    let app = App::start_binary(Path::new(INSTALLED_APP), desk.path()).await?;
    app.wait_for(r#".app[data-desk="loaded"]"#).await?;
    if app
        .js(r#"return !!document.querySelector('[data-testid="identity-dialog"][open]');"#)
        .await?
        == serde_json::Value::Bool(true)
    {
        app.answer_identity("Ana Pérez").await?;
    }
    app.wait_for_text(r#"[data-testid="library"]"#, |t| t.contains("Sheinbaum"))
        .await?;
    let shots = repo().join("target/e2e");
    std::fs::create_dir_all(&shots)?;
    app.screenshot(&shots.join("installed-app.png")).await?;
    // And the whole screen, as X draws it (the window's frame and all).
    run(
        "import",
        &[
            "-window",
            "root",
            shots.join("installed-screen.png").to_str().ok_or("path")?,
        ],
    )?;
    app.quit().await?;
    // The window closes its desk on the way out; wait until it has gone.
    let deadline = std::time::Instant::now() + dateline_e2e::WAIT;
    while Command::new("pgrep")
        .args(["-f", INSTALLED_APP])
        .status()?
        .success()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the installed window did not exit after quitting"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Removing the package leaves the person's desk as it was.
    let before = fingerprint(desk.path())?;
    apt_get(&["remove", "-y", "dateline"])?;
    assert!(!Path::new(INSTALLED_APP).exists(), "the window is gone");
    assert!(
        !Path::new(INSTALLED_CLI).exists(),
        "the command line is gone"
    );
    let after = fingerprint(desk.path())?;
    assert_eq!(before, after, "apt-get remove left the desk untouched");
    assert!(
        after.keys().any(|p| p.ends_with("dateline.sqlite")),
        "the desk's database is still there: {after:?}"
    );
    Ok(())
}

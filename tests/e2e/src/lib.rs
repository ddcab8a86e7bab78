//! The end-to-end harness: starts `tauri-driver` (which drives WebKitWebDriver), opens the
//! real `dateline-app` binary on a temporary workspace, and offers the few waits the tests
//! need. Tests assert what a person sees in the window; they wait for UI state, never sleep.
//!
//! Needs a display (the test command runs under `xvfb-run`), `tauri-driver` on PATH and the
//! app built at `target/debug/dateline-app` (or `$DATELINE_APP`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(30);

pub fn app_path() -> PathBuf {
    if let Some(p) = std::env::var_os("DATELINE_APP") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/dateline-app")
}

/// Runs the `dateline` command line built beside the app on the desk `ws`; its stdout, or an
/// error with what it printed on stderr.
pub fn dateline(ws: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(app_path().with_file_name("dateline"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "dateline {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// A desk with nothing on it, as a new user meets it minus the demo. The app seeds the demo
/// into a desk without any story, so the desk is made with the command line and its one
/// placeholder story put in the trash: no story on the desk, no photo, no author, no name.
pub fn empty_desk(ws: &Path) -> Result<()> {
    dateline(ws, &["init"])?;
    dateline(ws, &["article", "new", "--headline", "Placeholder"])?;
    dateline(ws, &["article", "trash", "placeholder"])?;
    Ok(())
}

/// A copy of the fixture `fixture` (a path from this crate's folder) with every metadata
/// field removed by exiftool, as `incoming/NAME` inside the desk's folder, where a typed path
/// may point. Fails unless exiftool left no IPTC or XMP field.
pub fn bare_photo(ws: &Path, fixture: &str, name: &str) -> Result<PathBuf> {
    let incoming = ws.join("incoming");
    std::fs::create_dir_all(&incoming)?;
    let to = incoming.join(name);
    let status = Command::new("exiftool")
        .args(["-q", "-all=", "-o"])
        .arg(&to)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture))
        .status()
        .map_err(|e| format!("could not run exiftool: {e}"))?;
    if !status.success() {
        return Err(format!("exiftool could not strip {fixture}").into());
    }
    let left = Command::new("exiftool")
        .args(["-s", "-IPTC:all", "-XMP:all"])
        .arg(&to)
        .output()?;
    if !left.stdout.is_empty() {
        return Err(format!("exiftool left fields in {name}").into());
    }
    Ok(to)
}

/// The app's process for the workspace `ws` (its command line names it), found in /proc.
pub fn app_pid(ws: &Path) -> Option<u32> {
    binary_pid("dateline-app", ws)
}

/// The process of the binary named `name` started on the workspace `ws` (tauri-driver passes
/// `--workspace WS` to any binary, the empty window of scripts/measure.sh too), from /proc.
pub fn binary_pid(name: &str, ws: &Path) -> Option<u32> {
    let needle = ws.to_string_lossy().into_owned();
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let cmd = String::from_utf8_lossy(&cmd);
        let argv0 = cmd.split('\0').next()?;
        (argv0.ends_with(name) && cmd.contains(&needle)).then_some(pid)
    })
}

/// One running app under one tauri-driver.
pub struct App {
    pub client: Client,
    driver: Child,
    /// The app's own home, data, config and cache folders (issue 11: a test run never touches
    /// the person's real WebKit storage, settings or `~/Dateline exports`).
    home: tempfile::TempDir,
}

impl App {
    /// Starts the app on the workspace folder `workspace`.
    pub async fn start(workspace: &Path) -> Result<App> {
        App::start_binary(&app_path(), workspace).await
    }

    /// Starts the app binary `app` (the installed package's, say) on `workspace`.
    pub async fn start_binary(app: &Path, workspace: &Path) -> Result<App> {
        let app = App::launch(app, workspace).await?;
        app.wait_for(r#"[data-testid="library"]"#).await?;
        Ok(app)
    }

    /// Starts the binary `app` (Dateline's window or another one: scripts/measure.sh's empty
    /// window) on `workspace` and returns once the page has an element matching `css`. For
    /// measuring a start: the moment itself comes from the page's own performance marks, not
    /// from this wait (asking the page every 5 ms with a script, as this once did, held up
    /// its frames: the start it measured took 10 s in a debug build instead of 2 s); the tests
    /// use [`App::start_binary`].
    pub async fn start_binary_until(app: &Path, workspace: &Path, css: &str) -> Result<App> {
        let app = App::launch(app, workspace).await?;
        app.wait_for(css).await?;
        Ok(app)
    }

    /// Starts tauri-driver and a WebDriver session on the binary `app`, without waiting for
    /// anything in the page.
    async fn launch(app: &Path, workspace: &Path) -> Result<App> {
        if !app.is_file() {
            return Err(format!(
                "the app is not built at {} (run `make test`, which builds it)",
                app.display()
            )
            .into());
        }
        // Each app gets two ports the OS says are free. A counter from 4444 in each test binary
        // handed the next binary the ports of the previous one's drivers, which may still be
        // shutting down: the new tauri-driver cannot listen and exits, and the client talks to
        // the dying one ("Remote end closed connection").
        let (port, native) = free_ports()?;
        let home = tempfile::tempdir()?;
        for d in [".local/share", ".config", ".cache"] {
            std::fs::create_dir_all(home.path().join(d))?;
        }
        let mut driver = Command::new("tauri-driver")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("could not start tauri-driver (is it installed?): {e}"))?;
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": app,
                // `--demo`: an empty desk gets the demo desk, as the README's run command
                // opens it (a desk made beforehand with the command line keeps what it holds).
                "args": ["--workspace", workspace, "--demo"],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + WAIT;
        // Only creating the session is retried (the driver takes a moment to listen); nothing
        // a test asserts ever is.
        let client = loop {
            if let Ok(Some(status)) = driver.try_wait() {
                return Err(format!(
                    "tauri-driver exited before the session started ({status}); is port \
                     {port} or {native} taken?"
                )
                .into());
            }
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => {
                    terminate(&driver);
                    return Err(format!("could not connect to tauri-driver: {e}").into());
                }
            }
        };
        Ok(App {
            client,
            driver,
            home,
        })
    }

    /// The home folder this app runs with (its `~/Dateline exports` is under it).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Starts the app like [`App::start`] and, on a desk's first start (when the window asks
    /// for the person's name), answers "Demo Desk", so a test can go on to what it is about.
    pub async fn start_named(workspace: &Path) -> Result<App> {
        let app = App::start(workspace).await?;
        app.wait_for(r#".app[data-desk="loaded"]"#).await?;
        let asked = app
            .js(r#"return !!document.querySelector('[data-testid="identity-dialog"][open]');"#)
            .await?;
        if asked == serde_json::Value::Bool(true) {
            app.answer_identity("Demo Desk").await?;
        }
        Ok(app)
    }

    /// Answers the "Your name" question a desk without an identity asks before anything else
    /// (a desk made with the CLI; the demo desk comes with one), as a person would.
    pub async fn answer_identity(&self, name: &str) -> Result<()> {
        let input = self
            .wait_for(r#"[data-testid="identity-dialog"][open] [data-testid="identity-input"]"#)
            .await?;
        input.send_keys(name).await?;
        self.find(r#"[data-testid="identity-save"]"#)
            .await?
            .click()
            .await?;
        self.wait_for_text(r#"[data-testid="identity"]"#, |t| t == name)
            .await?;
        Ok(())
    }

    /// Closes the window the way a person quits, and stops the driver.
    pub async fn quit(mut self) -> Result<()> {
        let r = self.client.clone().close().await;
        terminate(&self.driver);
        let _ = self.driver.wait();
        r.map_err(|e| e.into())
    }

    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waited {WAIT:?} for {css}: {e}"))?)
    }

    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self.client.find(Locator::Css(css)).await?)
    }

    /// Waits until `check` accepts the text of the element at `css` (its text content with
    /// runs of white space collapsed); returns that text. Text content rather than WebDriver's
    /// rendered text, because WebKit's driver drops line-clamped text that a person does see.
    pub async fn wait_for_text(&self, css: &str, check: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Some(t) = self.text(css).await? {
                if check(&t) {
                    return Ok(t);
                }
                last = t;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("{css} never showed the expected text; last seen: {last:?}").into())
    }

    /// The text content of the first element at `css`, white space collapsed, if there is one.
    pub async fn text(&self, css: &str) -> Result<Option<String>> {
        let v = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]);
                 return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;",
                vec![serde_json::Value::String(css.to_string())],
            )
            .await?;
        Ok(v.as_str().map(str::to_string))
    }

    /// On the photo desk: types `photo`'s path into the import field and clicks Import, as a
    /// photo editor imports from a folder the desk can reach.
    pub async fn import_by_path(&self, photo: &Path) -> Result<()> {
        let field = self.wait_for(r#"[data-testid="import-path"]"#).await?;
        field.clear().await?;
        field.send_keys(&photo.to_string_lossy()).await?;
        self.find(r#"[data-testid="import-photo"]"#)
            .await?
            .click()
            .await?;
        Ok(())
    }

    /// Waits for an element at `css` whose text content contains `needle`, and clicks it.
    /// Lists re-render as the desk refreshes, so the search is retried until it succeeds.
    pub async fn click_containing(&self, css: &str, needle: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(items) = self.client.find_all(Locator::Css(css)).await {
                for item in items {
                    let text = item.prop("textContent").await.ok().flatten();
                    if text.is_some_and(|t| t.contains(needle)) && item.click().await.is_ok() {
                        return Ok(());
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(format!("no {css} containing {needle:?} could be clicked").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The `value` of a form field.
    pub async fn value(&self, css: &str) -> Result<String> {
        Ok(self
            .find(css)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Runs a script in the page and returns its JSON result.
    pub async fn js(&self, script: &str) -> Result<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Reloads the page, as a restart of the window's page does, and returns once the new page
    /// has loaded. The reload is started after the script has answered (a reload inside the
    /// script unloads the page before WebDriver hears back: "Callback was not called before the
    /// unload event"), and the old page is marked so that it is never taken for the new one.
    pub async fn reload(&self) -> Result<()> {
        self.js(
            "window.__datelineBeforeReload = true; setTimeout(() => location.reload(), 0); return null;",
        )
        .await?;
        let deadline = Instant::now() + WAIT;
        loop {
            // While the page unloads, WebDriver may answer with an error: keep asking.
            let fresh = self
                .js("return !window.__datelineBeforeReload && document.readyState === 'complete';")
                .await
                .unwrap_or(serde_json::Value::Bool(false));
            if fresh == serde_json::Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err("the page did not load again after the reload".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `body` as the body of an async function in the page and returns what it resolves
    /// to; a rejection comes back as `{ "thrown": "<the error>" }`.
    pub async fn js_await(&self, body: &str) -> Result<serde_json::Value> {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             (async () => {{ {body} }})().then(done, (e) => done({{ thrown: String(e) }}));"
        );
        Ok(self.client.execute_async(&script, vec![]).await?)
    }

    /// Saves a PNG of the window, for people to look at (not for assertions).
    /// Waits for the page to paint first: WebKit's driver can otherwise capture a frame from
    /// before the last change that a wait saw in the DOM (a screen switched, a list filtered).
    pub async fn screenshot(&self, path: &Path) -> Result<()> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
                vec![],
            )
            .await?;
        // The X display's own pixels (ImageMagick's `import`, installed by setup), not
        // WebDriver's snapshot: WebKitWebDriver's never returns for some screens (Settings)
        // when the page is painted without accelerated compositing (DATELINE_GPU=0).
        let display =
            std::env::var("DISPLAY").map_err(|_| "no X display to take a screenshot of")?;
        let out = std::process::Command::new("import")
            .args(["-display", &display, "-window", "root"])
            .arg(path)
            .output()
            .map_err(|e| format!("could not run ImageMagick's import (setup installs it): {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "import could not take the screenshot: {}",
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // SIGTERM, never SIGKILL: a killed tauri-driver orphans WebKitWebDriver on its port.
        // Then wait for it, so a test that failed leaves no driver behind for the next one.
        // (After `quit` it is gone already, and its process id may belong to another.)
        if let Ok(None) = self.driver.try_wait() {
            terminate(&self.driver);
            let _ = self.driver.wait();
        }
    }
}

/// Two ports nothing listens on now, picked by the OS (both held at once, so they differ).
fn free_ports() -> Result<(u16, u16)> {
    let a = std::net::TcpListener::bind("127.0.0.1:0")?;
    let b = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok((a.local_addr()?.port(), b.local_addr()?.port()))
}

fn terminate(child: &Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .stderr(Stdio::null())
        .status();
}

/// Field `n` (1-based, as in proc(5)) of /proc/PID/stat.
pub fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(n - 3)?.parse().ok()
}

/// When process `pid` was started, in ms since the epoch. /proc gives a process's start in
/// clock ticks since boot; here the ticks are tied to the wall clock by a process started
/// just now (its ticks, and the time just before it was spawned), because /proc/uptime can
/// run apart from those ticks in a container: reading "now − (uptime − start)" put the app's
/// exec 7–8 s too early on this machine.
pub fn exec_ms(pid: u32) -> Option<f64> {
    let before = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_secs_f64()
        * 1000.0;
    let mut probe = Command::new("sleep").arg("5").spawn().ok()?;
    let probe_ticks = stat_field(probe.id(), 22);
    let _ = probe.kill();
    let _ = probe.wait();
    let ticks = stat_field(pid, 22)?;
    Some(before + (ticks as f64 - probe_ticks? as f64) * 10.0)
}

//! Measurements in the real app, not assertions: cold start to interactive, idle memory of
//! the app and its WebKit processes, and keystroke-to-preview time on the 10,000-word fixture.
//! Run on demand (they print figures; timing is never asserted):
//!
//! ```sh
//! cargo build -p dateline-app --release
//! DATELINE_APP=target/release/dateline-app xvfb-run -a -s "-screen 0 1440x900x24" \
//!   cargo test -p dateline-e2e --test latency -- --ignored --nocapture
//! ```

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dateline_e2e::{app_pid, App, Result};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/articles")
        .join(name)
}

/// The CLI beside the app that is measured (release beside release).
fn cli() -> std::path::PathBuf {
    dateline_e2e::app_path().with_file_name("dateline")
}

/// Field `n` (1-based, as in proc(5)) of /proc/PID/stat.
fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(n - 3)?.parse().ok()
}

/// `pid` and every process below it (WebKit's web and network processes).
fn family(pid: u32) -> Vec<u32> {
    let mut out = vec![pid];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        if let Ok(entries) = std::fs::read_dir("/proc") {
            for e in entries.flatten() {
                if let Some(child) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) {
                    if stat_field(child, 4) == Some(parent as u64) && !out.contains(&child) {
                        out.push(child);
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// A `kB` line of a /proc file (`VmRSS:` of status, `Pss:` of smaps_rollup), in kB.
fn kb(path: &str, key: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Seconds since the process `pid` started (from its start time in clock ticks since boot;
/// 100 ticks a second on Linux).
fn age(pid: u32) -> Option<f64> {
    let start = stat_field(pid, 22)? as f64 / 100.0;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(uptime - start)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: run with --ignored --nocapture"]
async fn cold_start_and_idle_memory() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let t0 = Instant::now();
    let app = App::start(ws.path()).await?;
    let through_driver = t0.elapsed();
    let pid = app_pid(ws.path()).ok_or("the app's process is not in /proc")?;
    // The app process's own age when the library was first seen: launch to interactive,
    // without tauri-driver's start and the WebDriver session (10 ms resolution).
    let process = age(pid).unwrap_or(f64::NAN);
    println!(
        "cold start to interactive (demo desk's library shown): {:.2} s from the app's exec, \
         {:.2} s including tauri-driver and the WebDriver session",
        process,
        through_driver.as_secs_f64()
    );
    // Idle: nothing typed, nothing loading.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (mut rss, mut pss) = (0, 0);
    for p in family(pid) {
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        let r = kb(&format!("/proc/{p}/status"), "VmRSS:");
        let s = kb(&format!("/proc/{p}/smaps_rollup"), "Pss:");
        println!(
            "  {p:>7} {:<20} RSS {:>6.1} MB  PSS {:>6.1} MB",
            name.trim(),
            r as f64 / 1024.0,
            s as f64 / 1024.0
        );
        rss += r;
        pss += s;
    }
    println!(
        "idle memory 5 s after start (app + WebKit processes): RSS {:.0} MB, PSS {:.0} MB",
        rss as f64 / 1024.0,
        pss as f64 / 1024.0
    );
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: run with --ignored --nocapture"]
async fn keystroke_to_preview_on_10k_words() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let status = Command::new(cli())
        .args(["--workspace"])
        .arg(ws.path())
        .args(["article", "import"])
        .arg(fixture("synthetic-long-article-10k.md"))
        .status()?;
    assert!(
        status.success(),
        "import the 10k-word fixture with the CLI (cargo build first)"
    );

    let t0 = Instant::now();
    let app = App::start(ws.path()).await?;
    let cold = t0.elapsed();
    // A desk made with the CLI has no identity yet: the window asks for a name first.
    app.answer_identity("Latency Test").await?;

    app.wait_for_text(r#"[data-testid="library"]"#, |t| {
        t.contains("Synthetic long article")
    })
    .await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Synthetic long article")
        .await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains("open source")
    })
    .await?;
    let editor = app
        .wait_for(r#"[data-testid="body-editor"] .cm-content"#)
        .await?;
    editor.click().await?;
    // Go to the end of the document, as a writer adding a paragraph would.
    editor.send_keys("\u{E009}\u{E010}").await?; // Ctrl+End
    editor.send_keys("\u{E007}\u{E007}").await?; // Enter Enter

    let mut samples = Vec::new();
    for i in 0..30 {
        let word = format!("zq{i}x ");
        let start = Instant::now();
        editor.send_keys(&word).await?;
        let needle = format!("zq{i}x");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if app
                .text(r#"[data-testid="preview-body"]"#)
                .await?
                .is_some_and(|t| t.contains(&needle))
            {
                break;
            }
            assert!(Instant::now() < deadline, "preview never showed {needle}");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        samples.push(start.elapsed());
    }
    samples.sort();
    // Inside the page: from each key event to the frame after the preview's DOM held it
    // (ui/src/lib/desk/latency.ts), without WebDriver's round trips.
    let inside: Vec<f64> = serde_json::from_value(
        app.js("return Array.from(window.__datelineLatency || []);")
            .await?,
    )?;
    let mut inside: Vec<Duration> = inside
        .into_iter()
        .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        .collect();
    inside.sort();
    if !inside.is_empty() {
        println!(
            "keystroke-to-preview-painted inside the page, {} keys: p50 {:?}, p95 {:?}, max {:?}",
            inside.len(),
            percentile(&inside, 0.5),
            percentile(&inside, 0.95),
            inside[inside.len() - 1]
        );
    }
    println!(
        "cold start to interactive (library shown): {cold:?}\n\
         keystroke-to-preview on 10k words, {} words typed: p50 {:?}, p95 {:?}, max {:?} \
         (includes WebDriver round trips of a few ms)",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        samples[samples.len() - 1]
    );
    app.quit().await
}

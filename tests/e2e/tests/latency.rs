//! Measurements in the real app, not assertions: cold start to interactive, idle memory of
//! the app and its WebKit processes, and keystroke-to-preview time on the 10,000-word fixture.
//! Run on demand (they print figures; timing is never asserted):
//!
//! ```sh
//! make measure    # scripts/measure.sh: the release app beside an empty Tauri 2 window
//! ```
//!
//! or by hand, on any build (`$DATELINE_APP`, the `dateline` CLI beside it; `$DATELINE_FLOOR`,
//! an empty window to compare with; `$DATELINE_RUNS`, starts of each):
//!
//! ```sh
//! DATELINE_APP=target/release/dateline-app xvfb-run -a -s "-screen 0 1440x900x24" \
//!   cargo test -p dateline-e2e --test latency -- --ignored --nocapture --test-threads=1
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dateline_e2e::{binary_pid, exec_ms, stat_field, App, Result};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/articles")
        .join(name)
}

/// The CLI beside the app that is measured (release beside release).
fn cli() -> std::path::PathBuf {
    dateline_e2e::app_path().with_file_name("dateline")
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

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// One start of a window to measure: its binary, what it is called in the figures, the element
/// that says it is ready, and whether its desk is the demo desk.
struct Subject {
    label: &'static str,
    binary: PathBuf,
    ready: &'static str,
    /// The performance mark the page sets itself when it is painted and takes input (the
    /// app's `dateline-library-painted`, ui/src/lib/desk/startup.ts); `None`: the page's first
    /// contentful paint (the empty window's true first paint).
    mark: Option<&'static str>,
    demo_desk: bool,
}

/// What one start measured: exec to ready, and the idle memory 5 s later (kB).
struct Start {
    cold: f64,
    rss: u64,
    pss: u64,
}

/// Starts `s` on a new desk (the demo desk for the app) and measures from the process's exec
/// to the first frame painted after its ready element was in the page, then the memory of the
/// process and of every process below it (WebKitWebProcess, WebKitNetworkProcess) after 5 s
/// idle.
async fn start_once(s: &Subject) -> Result<Start> {
    let ws = tempfile::tempdir()?;
    if s.demo_desk {
        let status = Command::new(cli())
            .arg("--workspace")
            .arg(ws.path())
            .args(["init", "--demo"])
            .stdout(std::process::Stdio::null())
            .status()?;
        assert!(status.success(), "dateline init --demo");
    }
    let app = App::start_binary_until(&s.binary, ws.path(), s.ready).await?;
    // The page's clock when WebDriver saw the ready element (Date.now() in the page is the
    // system clock): an upper bound, with WebDriver's polling in it.
    let seen_at = app
        .js("return Date.now();")
        .await?
        .as_f64()
        .ok_or("no Date.now() from the page")?;
    let name = s.binary.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let pid = binary_pid(name, ws.path()).ok_or("the window's process is not in /proc")?;
    let exec = exec_ms(pid).ok_or("no start time in /proc")?;
    let seen = (seen_at - exec) / 1000.0;
    // The page's own clock of the moment: the mark it sets on the frame after it was painted.
    // Read with plain scripts: a script that waits inside the page (for a frame, or a timer)
    // held up the page's own frames under WebKitWebDriver, by seconds.
    let script = format!(
        r#"const m = performance.getEntriesByName({:?})[0];
           return m ? performance.timeOrigin + m.startTime : null;"#,
        s.mark.unwrap_or("first-contentful-paint")
    );
    let mut own = None;
    for _ in 0..300 {
        own = app.js(&script).await?.as_f64();
        if own.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let own = own.ok_or("the page never set its painted mark")?;
    let cold = (own - exec) / 1000.0;
    // Where the time went: the page's navigation started (the webview up, the page asked for)
    // its DOMContentLoaded (the scripts parsed and run) and first contentful paint, from exec.
    let nav = app
        .js(r#"const n = performance.getEntriesByType("navigation")[0];
               const p = performance.getEntriesByName("first-contentful-paint")[0];
               return [performance.timeOrigin, n ? n.domContentLoadedEventEnd : null,
                       p ? p.startTime : null];"#)
        .await?;
    if let Some(origin) = nav[0].as_f64() {
        let at = |v: &serde_json::Value| {
            v.as_f64().map_or("?".into(), |d| {
                format!("{:.3}", (origin + d - exec) / 1000.0)
            })
        };
        println!(
            "  {:<8} page asked for {:.3} s after exec, DOMContentLoaded {} s, first \
             contentful paint {} s; ready seen through WebDriver {:.3} s; \
             painted and taking input by the page's own mark {:.3} s",
            s.label,
            (origin - exec) / 1000.0,
            at(&nav[1]),
            at(&nav[2]),
            seen,
            cold
        );
    }
    // The start step by step, from exec: the app's own marks (with `DATELINE_TIMELINE=DIR`,
    // written by `src-tauri/src/timeline.rs`) and the page's (`dateline-*`, set by main.ts,
    // App.svelte and desk/startup.ts), with the page's navigation and first paint.
    let mut steps: Vec<(String, f64)> = Vec::new();
    if let Some(dir) = std::env::var_os("DATELINE_TIMELINE") {
        let file = Path::new(&dir).join(format!("timeline-{pid}.txt"));
        for line in std::fs::read_to_string(file).unwrap_or_default().lines() {
            if let Some((name, ms)) = line.rsplit_once(' ') {
                if let Ok(ms) = ms.parse::<f64>() {
                    steps.push((name.to_string(), ms));
                }
            }
        }
    }
    let marks = app
        .js(r#"const o = performance.timeOrigin;
               const fcp = performance.getEntriesByName("first-contentful-paint")[0];
               const n = performance.getEntriesByType("navigation")[0];
               return [["page-asked-for", o]]
                 .concat(n ? [["page-dom-content-loaded", o + n.domContentLoadedEventEnd]] : [])
                 .concat(n && n.loadEventEnd ? [["page-load-event", o + n.loadEventEnd]] : [])
                 .concat(fcp ? [["page-first-contentful-paint", o + fcp.startTime]] : [])
                 .concat(performance.getEntriesByType("mark")
                   .filter((m) => m.name.startsWith("dateline-"))
                   .map((m) => [m.name, o + m.startTime]));"#)
        .await?;
    for m in marks.as_array().into_iter().flatten() {
        if let (Some(name), Some(at)) = (m[0].as_str(), m[1].as_f64()) {
            steps.push((name.to_string(), at));
        }
    }
    steps.sort_by(|a, b| a.1.total_cmp(&b.1));
    let shown: Vec<String> = steps
        .iter()
        .map(|(name, at)| format!("{name} {:.3}", (at - exec) / 1000.0))
        .collect();
    println!("  {:<8} STEPS (s from exec): {}", s.label, shown.join(", "));

    // Idle: nothing typed, nothing loading.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (mut rss, mut pss) = (0, 0);
    for p in family(pid) {
        let comm = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        let r = kb(&format!("/proc/{p}/status"), "VmRSS:");
        let m = kb(&format!("/proc/{p}/smaps_rollup"), "Pss:");
        println!(
            "  {:<8} {p:>7} {:<20} RSS {:>6.1} MB  PSS {:>6.1} MB",
            s.label,
            comm.trim(),
            r as f64 / 1024.0,
            m as f64 / 1024.0
        );
        rss += r;
        pss += m;
    }
    app.quit().await?;
    Ok(Start { cold, rss, pss })
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Cold start and idle memory of the app on the demo desk (`$DATELINE_APP`, the debug build by
/// default) and, when `$DATELINE_FLOOR` names one, of an empty Tauri 2 window side by side
/// (scripts/measure.sh builds both in release). `$DATELINE_RUNS` starts of each, alternating
/// (5 by default). Lines starting with `SUMMARY` are what measure.sh reads.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: run with --ignored --nocapture"]
async fn cold_start_and_idle_memory() -> Result<()> {
    let runs: usize = std::env::var("DATELINE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let mut subjects = vec![Subject {
        label: "app",
        binary: dateline_e2e::app_path(),
        ready: r#".app[data-desk="loaded"] [data-testid="library-item"]"#,
        mark: Some("dateline-library-painted"),
        demo_desk: true,
    }];
    if let Some(floor) = std::env::var_os("DATELINE_FLOOR") {
        subjects.push(Subject {
            label: "floor",
            binary: PathBuf::from(floor),
            ready: r#"[data-testid="floor-input"]"#,
            mark: None,
            demo_desk: false,
        });
    }
    let mut starts: Vec<Vec<Start>> = subjects.iter().map(|_| Vec::new()).collect();
    for run in 1..=runs {
        for (s, out) in subjects.iter().zip(starts.iter_mut()) {
            let m = start_once(s).await?;
            println!(
                "run {run} {}: exec to painted {:.3} s; idle RSS {:.0} MB, PSS {:.0} MB (with its \
                 WebKit processes)",
                s.label,
                m.cold,
                m.rss as f64 / 1024.0,
                m.pss as f64 / 1024.0
            );
            out.push(m);
        }
    }
    for (s, m) in subjects.iter().zip(&starts) {
        let cold: Vec<f64> = m.iter().map(|m| m.cold).collect();
        let pss: Vec<f64> = m.iter().map(|m| m.pss as f64 / 1024.0).collect();
        let rss: Vec<f64> = m.iter().map(|m| m.rss as f64 / 1024.0).collect();
        println!(
            "SUMMARY cold_start {} runs={} median_s={:.3} worst_s={:.3}",
            s.label,
            m.len(),
            median(&cold),
            cold.iter().cloned().fold(f64::MIN, f64::max)
        );
        println!(
            "SUMMARY idle_memory {} pss_median_mb={:.0} pss_max_mb={:.0} rss_median_mb={:.0}",
            s.label,
            median(&pss),
            pss.iter().cloned().fold(f64::MIN, f64::max),
            median(&rss)
        );
    }
    Ok(())
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
    if std::env::var_os("DATELINE_HIDE_PREVIEW").is_some() {
        // For comparison: the preview hidden (distraction-free, Ctrl+Shift+F); its DOM is
        // still patched, but not laid out or painted.
        editor.send_keys("\u{E009}\u{E008}F\u{E000}").await?;
        let hidden = app
            .js("return document.querySelector('.preview-slot')?.hidden === true;")
            .await?;
        println!("preview hidden: {hidden}");
    }

    // The page's frames while typing: the interval between animation frames (how long one
    // frame takes to make on this machine, paint included).
    app.js(
        "window.__frames = []; const f = (t) => { window.__frames.push(t); \
         if (window.__frames.length < 20000) requestAnimationFrame(f); }; requestAnimationFrame(f); return 0;",
    )
    .await?;
    // DATELINE_PROFILE: the page times its own work per key (ui/src/lib/desk/latency.ts).
    let profiling = std::env::var_os("DATELINE_PROFILE").is_some();
    if profiling {
        app.js(
            "window.__datelineProfile.on = true; window.__datelineProfile.spans = {}; return 0;",
        )
        .await?;
    }
    // DATELINE_PROFILE_MARK=FILE: the file exists while keys are typed (for `perf record`).
    let mark = std::env::var_os("DATELINE_PROFILE_MARK");
    if let Some(m) = &mark {
        std::fs::write(m, b"typing")?;
    }
    let typing = Instant::now();
    let mut samples = Vec::new();
    for i in 0..30 {
        let word = format!("zq{i}x ");
        let start = Instant::now();
        editor.send_keys(&word).await?;
        let needle = format!("zq{i}x");
        // Looks only at the last few blocks (the words go in before the footnotes), with
        // `textContent`: reading the whole preview's rendered text every few milliseconds
        // would lay out 10,000 words on the page's main thread and slow what is measured.
        let seen = format!(
            r#"let n = document.querySelector('[data-testid="preview-body"]')?.lastElementChild;
               for (let i = 0; n && i < 4; i += 1, n = n.previousElementSibling)
                 if (n.textContent.includes({})) return true;
               return false;"#,
            serde_json::to_string(&needle)?
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // DATELINE_POLL=text: the earlier poll (the whole preview's text), for comparison.
            let shown = if std::env::var_os("DATELINE_POLL").is_some_and(|v| v == "text") {
                app.text(r#"[data-testid="preview-body"]"#)
                    .await?
                    .is_some_and(|t| t.contains(&needle))
            } else {
                app.js(&seen).await?.as_bool() == Some(true)
            };
            if shown {
                break;
            }
            assert!(Instant::now() < deadline, "preview never showed {needle}");
            // Not faster: each look runs script on the page's main thread, which is measured.
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        samples.push(start.elapsed());
    }
    let typing = typing.elapsed();
    if let Some(m) = &mark {
        std::fs::remove_file(m)?;
    }
    if profiling {
        let spans = app
            .js("window.__datelineProfile.on = false; return window.__datelineProfile.spans;")
            .await?;
        let keys = 30.0 * 6.0;
        println!(
            "PROFILE {:.0} ms of typing, {keys} keys; span: count, total ms, per key ms, max ms",
            typing.as_secs_f64() * 1000.0
        );
        if let Some(spans) = spans.as_object() {
            let mut rows: Vec<_> = spans.iter().collect();
            rows.sort_by(|a, b| {
                let t = |v: &serde_json::Value| v["total"].as_f64().unwrap_or(0.0);
                t(b.1).total_cmp(&t(a.1))
            });
            for (name, s) in rows {
                let total = s["total"].as_f64().unwrap_or(0.0);
                println!(
                    "PROFILE {name:<24} {:>5} {:>9.1} {:>7.2} {:>7.1}",
                    s["count"],
                    total,
                    total / keys,
                    s["max"].as_f64().unwrap_or(0.0)
                );
            }
        }
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
    let frames: Vec<f64> = serde_json::from_value(
        app.js("const f = window.__frames; window.__frames = [1e12]; return f.slice(1).map((t, i) => t - f[i]);")
            .await?,
    )?;
    let mut frames: Vec<Duration> = frames
        .into_iter()
        .filter(|ms| ms.is_finite() && *ms >= 0.0)
        .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        .collect();
    frames.sort();
    if !frames.is_empty() {
        println!(
            "FRAMES while typing: {} frames, interval p50_ms={:.1} p95_ms={:.1} max_ms={:.1}",
            frames.len(),
            percentile(&frames, 0.5).as_secs_f64() * 1000.0,
            percentile(&frames, 0.95).as_secs_f64() * 1000.0,
            frames[frames.len() - 1].as_secs_f64() * 1000.0
        );
    }
    // The same page idle (typing over, its saves done): the frame rate the machine allows.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let idle = app
        .js_await(
            "const t = []; const end = performance.now() + 1000; \
             await new Promise((done) => { const f = (x) => { t.push(x); \
               if (x < end) requestAnimationFrame(f); else done(); }; requestAnimationFrame(f); }); \
             const d = t.slice(1).map((x, i) => x - t[i]).sort((a, b) => a - b); \
             return [d.length, d[Math.floor(d.length / 2)] ?? 0, d[Math.floor(d.length * 0.95)] ?? 0];",
        )
        .await?;
    println!("FRAMES idle, 1 s: [frames, interval p50_ms, p95_ms] = {idle}");
    // Where the time goes, render by render (ui/src/lib/desk/latency.ts): from the oldest key
    // to the request's start, the request (IPC and the core's render), the DOM patch, the
    // frame.
    let phases: Vec<serde_json::Value> = serde_json::from_value(
        app.js("return Array.from(window.__datelinePhases || []);")
            .await?,
    )?;
    let mut parts: [(&str, Vec<Duration>); 4] = [
        ("key-to-request", vec![]),
        ("request", vec![]),
        ("patch", vec![]),
        ("to-paint", vec![]),
    ];
    for p in &phases {
        let t = |k: &str| p[k].as_f64().unwrap_or(f64::NAN);
        let spans = [
            t("start") - t("key"),
            t("answered") - t("start"),
            t("shown") - t("answered"),
            t("painted") - t("shown"),
        ];
        for (i, ms) in spans.into_iter().enumerate() {
            if ms.is_finite() && ms >= 0.0 {
                parts[i].1.push(Duration::from_secs_f64(ms / 1000.0));
            }
        }
    }
    for (name, v) in &mut parts {
        v.sort();
        if !v.is_empty() {
            println!(
                "PHASE {name} renders={} p50_ms={:.1} p95_ms={:.1} max_ms={:.1}",
                v.len(),
                percentile(v, 0.5).as_secs_f64() * 1000.0,
                percentile(v, 0.95).as_secs_f64() * 1000.0,
                v[v.len() - 1].as_secs_f64() * 1000.0
            );
        }
    }
    if !inside.is_empty() {
        println!(
            "SUMMARY keystroke inside_n={} p50_ms={:.1} p95_ms={:.1} max_ms={:.1} \
             webdriver_p50_ms={:.0} webdriver_p95_ms={:.0}",
            inside.len(),
            percentile(&inside, 0.5).as_secs_f64() * 1000.0,
            percentile(&inside, 0.95).as_secs_f64() * 1000.0,
            inside[inside.len() - 1].as_secs_f64() * 1000.0,
            percentile(&samples, 0.5).as_secs_f64() * 1000.0,
            percentile(&samples, 0.95).as_secs_f64() * 1000.0
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

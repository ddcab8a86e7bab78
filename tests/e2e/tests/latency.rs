//! Measurements in the real app, not assertions: keystroke-to-preview time on the 10,000-word
//! fixture and cold start to interactive. Run on demand (they print figures; timing is never
//! asserted):
//!
//! ```sh
//! cargo build -p dateline-app --release
//! DATELINE_APP=target/release/dateline-app xvfb-run -a -s "-screen 0 1440x900x24" \
//!   cargo test -p dateline-e2e --test latency -- --ignored --nocapture
//! ```

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dateline_e2e::{App, Result};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/articles")
        .join(name)
}

fn cli() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/dateline")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
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

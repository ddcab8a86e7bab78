//! Issue 15: the preview follows typing by patching only the blocks that changed, and what it
//! shows is exactly the export's render of the stored body.

use std::path::{Path, PathBuf};

use dateline_e2e::{dateline, App, Result};

const PREVIEW: &str = r#"[data-testid="preview-body"]"#;
const SAVED: &str = r#"[data-testid="save-state"][data-state="saved"]"#;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/articles")
        .join(name)
}

#[tokio::test(flavor = "multi_thread")]
async fn issue15_typing_patches_one_block_and_the_preview_is_the_export_render() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let long = fixture("synthetic-long-article-10k.md");
    let imported = dateline(
        ws.path(),
        &["--json", "article", "import", long.to_str().ok_or("path")?],
    )?;
    let id = serde_json::from_str::<serde_json::Value>(&imported)?["article"]["id"]
        .as_i64()
        .ok_or("the imported story's id")?;

    let app = App::start_named(ws.path()).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Synthetic long article")
        .await?;
    app.wait_for_text(PREVIEW, |t| t.len() > 50_000).await?;

    // Count what changes in the preview's DOM, and where it is scrolled to, from here on.
    app.js(
        r#"const body = document.querySelector('[data-testid="preview-body"]');
           window.__changes = 0;
           window.__largest = 0;
           new MutationObserver((list) => {
             // One callback per render's patch (a task's worth of mutations).
             let n = 0;
             for (const m of list) n += m.addedNodes.length + m.removedNodes.length;
             window.__changes += n;
             window.__largest = Math.max(window.__largest, n);
           }).observe(body, { childList: true });
           const scroller = body.closest('.scroll');
           scroller.scrollTop = scroller.scrollHeight / 2;
           window.__scrolled = scroller.scrollTop;
           return window.__scrolled;"#,
    )
    .await?;

    let editor = app
        .wait_for(r#"[data-testid="body-editor"] .cm-content"#)
        .await?;
    editor.click().await?;
    editor.send_keys("\u{E009}\u{E010}").await?; // Ctrl+End: the end of the story
    editor.send_keys(" Palabra final.").await?;
    app.wait_for_text(PREVIEW, |t| t.contains("Palabra final."))
        .await?;

    let changes = app.js("return window.__changes;").await?;
    let changes = changes.as_u64().ok_or("a count")?;
    let blocks = app
        .js(r#"return document.querySelector('[data-testid="preview-body"]').childNodes.length;"#)
        .await?;
    let blocks = blocks.as_u64().ok_or("a count")?;
    // Each render while typing swaps the last paragraph (one node out, one in); replacing the
    // whole preview would swap every one of its hundreds of nodes each time.
    assert!(
        blocks > 200,
        "the 10k-word story has {blocks} top-level nodes"
    );
    // How many renders there were depends on the machine's speed (each keystroke may get
    // its own); what each one touched does not.
    let largest = app.js("return window.__largest;").await?;
    let largest = largest.as_u64().ok_or("a count")?;
    assert!(
        changes >= 1 && (1..=6).contains(&largest),
        "typing at the end changed {changes} top-level nodes of the preview's {blocks} in all, \
         {largest} in one render"
    );
    let scroll = app
        .js(
            r#"const s = document.querySelector('[data-testid="preview-body"]').closest('.scroll');
               return Math.abs(s.scrollTop - window.__scrolled);"#,
        )
        .await?;
    assert!(
        scroll.as_f64().is_some_and(|d| d < 1.0),
        "the preview kept its scroll position (moved by {scroll})"
    );

    // Once stored, the export's render of the body is what the preview shows, node for node.
    app.wait_for(SAVED).await?;
    let html = dateline(ws.path(), &["article", "render", &id.to_string()])?;
    assert!(html.contains("Palabra final."), "the words were stored");
    let same = app
        .js(&format!(
            r#"const t = document.createElement('template');
               t.innerHTML = {};
               const b = document.querySelector('[data-testid="preview-body"]');
               const a = Array.from(t.content.childNodes).filter((n) => n.nodeType !== 3 || n.textContent.trim());
               const p = Array.from(b.childNodes).filter((n) => n.nodeType !== 3 || n.textContent.trim());
               return a.length === p.length && a.every((n, i) => n.isEqualNode(p[i]));"#,
            serde_json::to_string(&html)?
        ))
        .await?;
    assert_eq!(
        same,
        serde_json::Value::Bool(true),
        "the preview shows the export's render of the stored body"
    );
    app.quit().await
}

//! An article's history in the real window (issue 3): a correspondent writes, takes a
//! checkpoint, writes more, quits, starts again and finds every word; then restores the
//! checkpoint from the history panel and sees the older text in the editor and the preview.

use dateline_e2e::{App, Result};

const HEADLINE: &str = "Sequía vacía las presas de Sonora";
const FIRST: &str = "Las presas del norte llegaron al diez por ciento";
const LATER: &str = "Agricultores piden agua de emergencia";
/// The WebDriver key End: the body is one line, so this is the end of the text. (Not
/// Control-End: WebKitWebDriver keeps Control held for the rest of the call, and the "n" of
/// the next words would then open a new article.)
const END: &str = "\u{E010}";

const EDITOR: &str = r#"[data-testid="body-editor"] .cm-content"#;
const PREVIEW: &str = r#"[data-testid="preview-body"]"#;
const SAVED: &str = r#"[data-testid="save-state"][data-state="saved"]"#;

#[tokio::test(flavor = "multi_thread")]
async fn checkpoint_quit_reopen_and_restore_issue_3() -> Result<()> {
    let ws = tempfile::tempdir()?;

    let app = App::start_named(ws.path()).await?;
    app.wait_for_text(r#"[data-testid="library"]"#, |t| t.contains("Sheinbaum"))
        .await?;
    app.find(r#"[data-testid="new-article"]"#)
        .await?
        .click()
        .await?;
    let headline = app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    headline.click().await?;
    headline.send_keys(HEADLINE).await?;
    let body = app.wait_for(EDITOR).await?;
    body.click().await?;
    body.send_keys(&format!("{FIRST}.")).await?;
    app.wait_for_text(PREVIEW, |t| t.contains(FIRST)).await?;
    app.wait_for(SAVED).await?;

    // A checkpoint keeps this exact version in the history.
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="history-panel"]"#).await?;
    app.find(r#"[data-testid="checkpoint"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="history-panel"] ol"#, |t| {
        t.contains("Checkpoint")
    })
    .await?;
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;

    // More words after the checkpoint.
    let body = app.wait_for(EDITOR).await?;
    body.click().await?;
    body.send_keys(END).await?;
    body.send_keys(&format!(" {LATER}.")).await?;
    app.wait_for_text(PREVIEW, |t| t.contains(LATER)).await?;
    app.wait_for(SAVED).await?;
    app.quit().await?;

    // Start again: every word is there.
    let app = App::start_named(ws.path()).await?;
    app.wait_for_text(r#"[data-testid="library"]"#, |t| t.contains(HEADLINE))
        .await?;
    app.click_containing(r#"[data-testid="library-item"]"#, HEADLINE)
        .await?;
    app.wait_for_text(PREVIEW, |t| t.contains(FIRST) && t.contains(LATER))
        .await?;
    app.wait_for_text(EDITOR, |t| t.contains(FIRST) && t.contains(LATER))
        .await?;

    // The checkpoint, compared with the newest version, lacks the later words.
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="history-panel"] ol"#, |t| {
        t.contains("Checkpoint")
    })
    .await?;
    app.click_containing(r#"[data-testid="revision-item"]"#, "Checkpoint")
        .await?;
    let inserted = app
        .wait_for_text(r#"[data-testid="revision-diff"] ins"#, |t| {
            t.contains("Agricultores")
        })
        .await?;
    assert!(
        inserted.contains(LATER),
        "the diff marks the later words as added: {inserted:?}"
    );

    app.find(r#"[data-testid="restore-revision"]"#)
        .await?
        .click()
        .await?;
    // Restoring asks first; nothing has changed until the person confirms.
    app.wait_for(r#"[data-testid="restore-confirmation"]"#)
        .await?;
    let editor = app.find(EDITOR).await?.text().await?;
    assert!(
        editor.contains(LATER),
        "the text on screen stays until the restore is confirmed: {editor:?}"
    );
    app.find(r#"[data-testid="restore-confirm"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(EDITOR, |t| t.contains(FIRST) && !t.contains(LATER))
        .await?;
    app.wait_for_text(PREVIEW, |t| t.contains(FIRST) && !t.contains(LATER))
        .await?;
    // The restore is itself a revision; the newer words stay in the history.
    app.wait_for_text(r#"[data-testid="history-panel"] ol"#, |t| {
        t.contains("Restored version")
    })
    .await?;
    app.quit().await?;

    // And it is what is stored, not only what the window shows.
    let app = App::start_named(ws.path()).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, HEADLINE)
        .await?;
    app.wait_for_text(PREVIEW, |t| t.contains(FIRST) && !t.contains(LATER))
        .await?;
    app.quit().await
}

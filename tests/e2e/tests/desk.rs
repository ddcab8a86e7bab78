//! The desk in the real window: a correspondent writes an article, sees the preview render
//! it, quits, starts Dateline again and finds every word.

use dateline_e2e::{App, Result};

const HEADLINE: &str = "Lluvias dejan sin luz a Oaxaca";
const BODY_WORDS: &str = "Las tormentas derribaron postes en la costa";

#[tokio::test(flavor = "multi_thread")]
async fn write_preview_quit_and_reopen() -> Result<()> {
    let ws = tempfile::tempdir()?;

    let app = App::start(ws.path()).await?;
    // A first start asks the person's name before anything else, even on the demo desk.
    app.wait_for(r#"[data-testid="identity-dialog"][open]"#)
        .await?;
    app.answer_identity("Ana Pérez").await?;
    // The demo desk greets a new user with the model article.
    app.wait_for_text(r#"[data-testid="library"]"#, |t| {
        t.contains("Sheinbaum Rejects U.S. Offer")
    })
    .await?;

    app.find(r#"[data-testid="new-article"]"#)
        .await?
        .click()
        .await?;
    let headline = app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    headline.click().await?;
    headline.send_keys(HEADLINE).await?;
    let body = app
        .wait_for(r#"[data-testid="body-editor"] .cm-content"#)
        .await?;
    body.click().await?;
    body.send_keys(&format!("{BODY_WORDS} and **strong winds**."))
        .await?;

    // The preview is the core's render: Markdown emphasis becomes <strong>.
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains(BODY_WORDS)
    })
    .await?;
    // Read through a fresh query each time: the preview re-renders as the last keys arrive,
    // so an element held from an earlier render can be gone (a stale element reference).
    app.wait_for_text(r#"[data-testid="preview-body"] strong"#, |t| {
        t == "strong winds"
    })
    .await?;
    app.wait_for_text(r#"[data-testid="preview-headline"]"#, |t| t == HEADLINE)
        .await?;
    app.wait_for(r#"[data-testid="save-state"][data-state="saved"]"#)
        .await?;
    app.wait_for_text(r#"[data-testid="library"]"#, |t| t.contains(HEADLINE))
        .await?;
    app.quit().await?;

    // Start again on the same desk: the article is there with every word.
    let app = App::start_named(ws.path()).await?;
    app.wait_for_text(r#"[data-testid="library"]"#, |t| t.contains(HEADLINE))
        .await?;
    app.click_containing(r#"[data-testid="library-item"]"#, HEADLINE)
        .await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains(BODY_WORDS)
    })
    .await?;
    assert_eq!(
        app.value(r#"[data-testid="headline-input"]"#).await?,
        HEADLINE
    );
    let text = app
        .text(r#"[data-testid="body-editor"] .cm-content"#)
        .await?
        .unwrap_or_default();
    assert!(
        text.contains(&format!("{BODY_WORDS} and **strong winds**.")),
        "{text}"
    );
    app.quit().await
}

//! The whole path (issue 11), through the window only, as a person clicks, from an empty desk
//! with data of its own (no demo story, no demo photo): a correspondent's photo with no IPTC
//! fields is imported, cropped and captioned; switching photos loses nothing; it becomes the
//! single-photo hero of a Spanish story typed in the editor; the story goes Draft → In edit
//! → Copy desk → Ready; publishing is refused while a finding blocks (a photo in the body
//! without credit), the finding leads to that photo, and once fixed the story is published
//! with a confirmation and exported. The package on disk speaks Spanish around the text,
//! carries the credit line in house style, and lists no draft: its section's only other story
//! is one, so the page has no "Más en …" box at all.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dateline_e2e::{bare_photo, empty_desk, App, Result};

const EDITOR: &str = r#"[data-testid="body-editor"] .cm-content"#;
const SAVED: &str = r#"[data-testid="save-state"][data-state="saved"]"#;
const LIBRARY: &str = r#"[data-testid="library"]"#;
/// Two small photos from the fixtures (different bytes: the desk keeps one copy of a photo).
const FIXTURES: [&str; 2] = [
    "../../../shared/fixtures/photos/orient3-landscape.jpg",
    "../../../shared/fixtures/photos/orient2-landscape.jpg",
];

const ME: &str = "Lucía Reportera";
const HEADLINE: &str = "Los pescadores de Puerto Ángel vuelven al mar";
const DEK: &str = "Tras tres semanas de veda, las lanchas salieron antes del amanecer.";
const SECTION: &str = "Oaxaca";
const DRAFT: &str = "Borrador que no debe salir";
const CAPTION: &str = "Pescadores empujan una lancha al mar en Puerto Ángel, Oaxaca.";
const CREATOR: &str = "Lucía Pérez";
const AGENCY: &str = "Agencia Istmo";
const ALT: &str = "Tres pescadores empujan una lancha azul hacia las olas al amanecer.";
const ENTER: &str = "\u{E007}";

async fn click(app: &App, css: &str) -> Result<()> {
    app.wait_for(css).await?.click().await?;
    Ok(())
}

async fn type_into(app: &App, css: &str, text: &str) -> Result<()> {
    let field = app.wait_for(css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn import_typed(app: &App, path: &Path) -> Result<i64> {
    type_into(
        app,
        r#"[data-testid="import-path"]"#,
        &path.to_string_lossy(),
    )
    .await?;
    click(app, r#"[data-testid="import-photo"]"#).await?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    app.wait_for_text(r#"[data-testid="photo-tile"].selected"#, |t| {
        t.contains(&name)
    })
    .await?;
    app.js(r#"return Number(document.querySelector('[data-testid="photo-tile"].selected').dataset.photoId);"#)
        .await?
        .as_i64()
        .ok_or_else(|| "no photo is open after the import".into())
}

async fn open_photo(app: &App, id: i64) -> Result<()> {
    click(
        app,
        &format!(r#"[data-testid="photo-tile"][data-photo-id="{id}"]"#),
    )
    .await?;
    app.wait_for(&format!(
        r#"[data-testid="photo-tile"].selected[data-photo-id="{id}"]"#
    ))
    .await?;
    Ok(())
}

/// Chooses section `name` in the story's section field (creating it when it is new).
async fn choose_section(app: &App, name: &str) -> Result<()> {
    let field = app.wait_for(r#"[data-testid="section-input"]"#).await?;
    field.click().await?;
    field.send_keys(name).await?;
    app.wait_for(r#"[data-testid="section-options"]"#).await?;
    field.send_keys(ENTER).await?;
    app.wait_for(&format!(
        r#"[data-testid="section-input"][data-chosen="{name}"]"#
    ))
    .await?;
    Ok(())
}

async fn move_to(app: &App, status: &str, label: &str) -> Result<()> {
    click(app, &format!(r#"[data-testid="move-{status}"]"#)).await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == label)
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn whole_path_from_an_empty_desk_issue_11() -> Result<()> {
    let ws = tempfile::tempdir()?;
    empty_desk(ws.path())?;
    let boats = bare_photo(ws.path(), FIXTURES[0], "lanchas.jpg")?;
    let nets = bare_photo(ws.path(), FIXTURES[1], "redes.jpg")?;

    let app = App::start(ws.path()).await?;
    app.wait_for(r#".app[data-desk="loaded"]"#).await?;
    app.answer_identity(ME).await?;
    let library = app.text(LIBRARY).await?.unwrap_or_default();
    assert!(
        !library.contains("Placeholder") && !library.contains("Sheinbaum"),
        "{library:?}"
    );

    // ---- The photo desk: import, crop, fields, switch and come back ------------------------
    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    let boats_id = import_typed(&app, &boats).await?;
    let nets_id = import_typed(&app, &nets).await?;
    open_photo(&app, boats_id).await?;
    click(&app, r#"[data-testid="aspect-16-9"]"#).await?;
    app.wait_for(r#"[data-testid="crop-box"][data-aspect="16:9"]"#)
        .await?;
    click(&app, r#"[data-testid="save-crop"]"#).await?;
    app.wait_for_text(r#"[data-testid="crop-saved"]"#, |t| t.contains("16:9"))
        .await?;
    type_into(&app, r#"[data-testid="field-caption"]"#, CAPTION).await?;
    type_into(&app, r#"[data-testid="field-creator"]"#, CREATOR).await?;
    type_into(&app, r#"[data-testid="field-agency"]"#, AGENCY).await?;
    type_into(&app, r#"[data-testid="field-alt"]"#, ALT).await?;
    // Straight to the other photo, no pause, no button: nothing may be lost.
    open_photo(&app, nets_id).await?;
    open_photo(&app, boats_id).await?;
    for (field, typed) in [
        ("field-caption", CAPTION),
        ("field-creator", CREATOR),
        ("field-agency", AGENCY),
        ("field-alt", ALT),
    ] {
        assert_eq!(
            app.value(&format!(r#"[data-testid="{field}"]"#)).await?,
            typed,
            "{field} came back as typed"
        );
    }
    app.wait_for_text(r#"[data-testid="credit-line"]"#, |t| {
        t.contains(&format!("{CREATOR}/{AGENCY}"))
    })
    .await?;

    // ---- A second story in the same section, left in Draft ---------------------------------
    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    app.wait_for(SAVED).await?;
    click(&app, r#"[data-testid="new-article"]"#).await?;
    type_into(&app, r#"[data-testid="headline-input"]"#, DRAFT).await?;
    app.wait_for(SAVED).await?;
    choose_section(&app, SECTION).await?;
    app.wait_for(SAVED).await?;

    // ---- The Spanish story, typed -----------------------------------------------------------
    click(&app, r#"[data-testid="new-article"]"#).await?;
    app.wait_for_text(LIBRARY, |t| t.contains(DRAFT)).await?;
    assert_eq!(
        app.value(r#"[data-testid="byline-name"]"#).await?,
        ME,
        "own byline"
    );
    type_into(&app, r#"[data-testid="headline-input"]"#, HEADLINE).await?;
    app.wait_for(SAVED).await?;
    app.wait_for(r#"form[aria-label="Article"] select"#)
        .await?
        .select_by_value("es")
        .await?;
    type_into(&app, r#"[data-testid="dek-input"]"#, DEK).await?;
    type_into(&app, r#"[data-testid="dateline-input"]"#, "Puerto Ángel").await?;
    choose_section(&app, SECTION).await?;
    let body = app.wait_for(EDITOR).await?;
    body.click().await?;
    body.send_keys("Las lanchas salieron a las cinco de la mañana.")
        .await?;
    body.send_keys(ENTER).await?;
    body.send_keys(ENTER).await?;
    body.send_keys("- ¿Volveremos con red llena?").await?;
    body.send_keys(ENTER).await?;
    body.send_keys(ENTER).await?;
    body.send_keys(&format!("![Redes secándose](photo:{nets_id})"))
        .await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains("—¿Volveremos con red llena?")
    })
    .await?;
    app.wait_for(SAVED).await?;

    // ---- The hero: the cropped photo, alone ---------------------------------------------------
    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    open_photo(&app, boats_id).await?;
    app.wait_for_text(r#"[data-testid="hero-crop"]"#, |t| t.contains("16:9"))
        .await?;
    app.wait_for_text(r#"[data-testid="set-hero"]"#, |t| t.contains(HEADLINE))
        .await?;
    click(&app, r#"[data-testid="set-hero"]"#).await?;
    app.wait_for(r#"[data-testid="hero-set"]"#).await?;
    // Set, the button says so and offers nothing more for these photos.
    let set = app
        .wait_for_text(r#"[data-testid="set-hero"]"#, |t| {
            t.starts_with("The hero of")
        })
        .await?;
    assert!(set.contains(HEADLINE), "{set:?}");
    assert_eq!(
        app.find(r#"[data-testid="set-hero"]"#)
            .await?
            .prop("disabled")
            .await?
            .as_deref(),
        Some("true")
    );
    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    app.wait_for_text(r#"[data-testid="article-hero-crop"]"#, |t| {
        t.contains("16:9")
    })
    .await?;
    app.wait_for_text(r#"[data-testid="article-hero-caption"]"#, |t| {
        t.contains(CAPTION) && t.contains(CREATOR)
    })
    .await?;

    // ---- The workflow --------------------------------------------------------------------------
    move_to(&app, "in_edit", "In edit").await?;
    move_to(&app, "copy_desk", "Copy desk").await?;
    move_to(&app, "ready", "Ready").await?;

    // Publishing is refused: the photo in the body has no credit and no alt text.
    click(&app, r#"[data-testid="move-published"]"#).await?;
    app.wait_for(r#"[data-testid="publish-refused"]"#).await?;
    assert_eq!(
        app.text(r#"[data-testid="workflow-status"]"#)
            .await?
            .as_deref(),
        Some("Ready")
    );
    click(
        &app,
        r#"[data-testid="publish-finding"][data-field="photo.credit"]"#,
    )
    .await?;
    app.wait_for(&format!(
        r#"[data-testid="photo-tile"].selected[data-photo-id="{nets_id}"]"#
    ))
    .await?;
    let focused = app
        .js("return document.activeElement?.getAttribute('data-testid') ?? null")
        .await?;
    assert_eq!(focused.as_str(), Some("field-creator"));
    app.find(r#"[data-testid="field-creator"]"#)
        .await?
        .send_keys(CREATOR)
        .await?;
    type_into(&app, r#"[data-testid="field-agency"]"#, AGENCY).await?;
    type_into(
        &app,
        r#"[data-testid="field-alt"]"#,
        "Redes de pesca secándose al sol.",
    )
    .await?;
    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    app.wait_for(SAVED).await?;

    click(&app, r#"[data-testid="move-published"]"#).await?;
    app.wait_for_text(r#"[data-testid="publish-question"]"#, |t| {
        t.contains(HEADLINE)
    })
    .await?;
    click(&app, r#"[data-testid="publish-confirm"]"#).await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Published")
        .await?;

    // ---- Export ----------------------------------------------------------------------------------
    let out = ws.path().join("exports");
    click(&app, r#"[data-testid="export-button"]"#).await?;
    app.wait_for(r#"[data-testid="export-dialog"] .findings, [data-testid="export-dialog"] .ok"#)
        .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    type_into(
        &app,
        r#"[data-testid="export-destination"]"#,
        &out.to_string_lossy(),
    )
    .await?;
    click(&app, r#"[data-testid="export-start"]"#).await?;
    // The slug was made from the headline as it stood at the first autosave.
    app.wait_for(r#"[data-testid="export-done"][data-path]"#)
        .await?;
    let package = PathBuf::from(
        app.js(r#"return document.querySelector('[data-testid="export-done"]').dataset.path;"#)
            .await?
            .as_str()
            .ok_or("no package path")?,
    );
    assert!(
        package.starts_with(&out),
        "the package is where it was asked: {package:?}"
    );
    app.quit().await?;

    // ---- The package on disk -------------------------------------------------------------------
    let page = std::fs::read_to_string(package.join("index.html"))?
        // Fluent may isolate placeables with FSI/PDI; a reader sees the words without them.
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.contains("<html lang=\"es\""), "the page is in Spanish");
    assert!(page.contains("Por <a"), "“Por” before the byline");
    assert!(page.contains(ME), "the byline is the writer's own name");
    // The section's only other story is a draft, never listed: no "Más en Oaxaca" box saying
    // there is nothing else to read (a tryout found such boxes published empty).
    assert!(
        !page.contains(&format!("Más en {SECTION}")) && !page.contains("class=\"more\""),
        "no empty “Más en Oaxaca” box"
    );
    assert!(
        !page.contains("More in") && !page.contains(">By "),
        "no English around the text"
    );
    assert!(
        page.contains(&format!("{CREATOR}/{AGENCY}")),
        "the credit line"
    );
    assert!(page.contains("Foto:"), "the Spanish house credit word");
    assert!(
        page.contains("—¿Volveremos con red llena?"),
        "the raya in the body"
    );
    assert!(!page.contains(DRAFT), "a draft is listed under “Más en …”");
    Ok(())
}

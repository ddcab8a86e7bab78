//! A TIFF from an agency and a HEIC from a phone on the photo desk in the real window
//! (issue 16): the editor writes a story, imports both (the crop view shows them, although a
//! web view cannot open either), crops each 16:9, credits them, makes the two the story's
//! composite hero and exports the package; its hero renditions are sRGB JPEGs carrying both
//! credits. (A composite, because the window offers no choice of crop for a one-photo hero
//! yet, and preflight rightly blocks one without its 16:9 crop.)
//!
//! The photos are made here by the real tools (ImageMagick, `heif-enc`, exiftool), which
//! `scripts/setup.sh` installs; the test fails rather than skips without them.

use std::path::{Path, PathBuf};
use std::process::Command;

use std::time::Duration;

use dateline_e2e::{App, Result};
use fantoccini::actions::{
    ActionSequence, InputSource, KeyAction, KeyActions, MouseActions, PointerAction,
    MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;

const HEADLINE: &str = "Harbour wakes up";
const SLUG: &str = "harbour-wakes-up";
const ADOBE_RGB: &str = "/usr/share/color/icc/colord/AdobeRGB1998.icc";
const SELECT_ALL: &str = "\u{E009}a";
const BACKSPACE: &str = "\u{E003}";

fn run(cmd: &mut Command) -> Result<()> {
    let out = cmd
        .output()
        .map_err(|e| format!("{cmd:?} could not start ({e}); run scripts/setup.sh"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(())
}

/// A 1600 × 900 agency TIFF (16-bit, LZW, Adobe RGB, IPTC By-line) and a phone HEIC (Adobe
/// RGB profile), in the desk's "incoming" folder, which lies in the file-access scope.
fn photos(incoming: &Path) -> Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(incoming)?;
    let tif = incoming.join("agency.tif");
    run(Command::new("convert")
        .args(["-size", "1600x900", "gradient:#d03020-#2050c0"])
        .args(["-profile", ADOBE_RGB, "-depth", "16", "-compress", "LZW"])
        .arg(&tif))?;
    run(Command::new("exiftool")
        .args([
            "-overwrite_original",
            "-IPTC:CodedCharacterSet=UTF8",
            "-IPTC:By-line=Ana Peña",
        ])
        .arg(&tif))?;
    let png = incoming.join("phone.png");
    run(Command::new("convert")
        .args(["-size", "1600x900", "gradient:#20c060-#f0d020"])
        .args(["-profile", ADOBE_RGB])
        .arg(&png))?;
    let heic = incoming.join("phone.heic");
    run(Command::new("heif-enc").arg(&png).arg("-o").arg(&heic))?;
    Ok((tif, heic))
}

async fn type_into(app: &App, css: &str, text: &str) -> Result<()> {
    let field = app.wait_for(css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

/// Clicks the element at `css` with Ctrl held, as an editor adds a photo to the selection.
async fn ctrl_click(app: &App, css: &str) -> Result<()> {
    let element = app.find(css).await?;
    let tick = Duration::from_millis(20);
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Pause { duration: tick })
        .then(KeyAction::Pause { duration: tick })
        .then(KeyAction::Pause { duration: tick })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::Pause { duration: tick })
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    let both: Vec<ActionSequence> = vec![keys.into(), mouse.into()];
    app.client.perform_actions(both).await?;
    Ok(())
}

/// Imports `photo` by its path, checks the crop view shows it (the image decoded in the
/// webview), crops it 16:9 and credits it; returns its id.
async fn import_crop_credit(app: &App, photo: &Path, creator: &str, alt: &str) -> Result<i64> {
    let before = app
        .js(r#"return document.querySelectorAll('[data-testid="photo-tile"]').length;"#)
        .await?
        .as_u64()
        .unwrap_or(0);
    app.import_by_path(photo).await?;
    app.wait_for(r#"[data-testid="crop-view"]"#).await?;
    let deadline = std::time::Instant::now() + dateline_e2e::WAIT;
    loop {
        let n = app
            .js(r#"return document.querySelectorAll('[data-testid="photo-tile"]').length;"#)
            .await?
            .as_u64()
            .unwrap_or(0);
        if n == before + 1 {
            break;
        }
        if std::time::Instant::now() > deadline {
            let err = app.text(r#"[data-testid="import-error"]"#).await?;
            return Err(format!("{} was not imported: {err:?}", photo.display()).into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The crop view's picture really shows: the webview decoded what photo:// served.
    let shown = r#"const i = document.querySelector('[data-testid="crop-surface"] img');
        return i && i.complete ? i.naturalWidth : 0;"#;
    let deadline = std::time::Instant::now() + dateline_e2e::WAIT;
    let mut width = 0;
    while std::time::Instant::now() < deadline {
        width = app.js(shown).await?.as_u64().unwrap_or(0);
        if width > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(width, 1600, "{} shows in the crop view", photo.display());

    app.find(r#"[data-testid="aspect-16-9"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="crop-box"][data-aspect="16:9"]"#)
        .await?;
    app.find(r#"[data-testid="save-crop"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="crop-saved"]"#, |t| t.contains("16:9"))
        .await?;
    type_into(app, r#"[data-testid="field-creator"]"#, creator).await?;
    type_into(app, r#"[data-testid="field-agency"]"#, "Reuters").await?;
    type_into(app, r#"[data-testid="field-alt"]"#, alt).await?;
    type_into(
        app,
        r#"[data-testid="field-caption"]"#,
        "Boats return to the harbour.",
    )
    .await?;
    app.find(r#"[data-testid="save-photo"]"#)
        .await?
        .click()
        .await?;
    let expected = format!("Credit: {creator}/Reuters");
    app.wait_for_text(r#"[data-testid="credit-line"]"#, |t| t == expected)
        .await?;
    let id = app
        .js(r#"return Number(document.querySelector('[data-testid="photo-tile"].selected').dataset.photoId);"#)
        .await?
        .as_i64()
        .ok_or("no photo is selected after the import")?;
    Ok(id)
}

#[tokio::test(flavor = "multi_thread")]
async fn tiff_and_heic_through_the_photo_desk_to_an_export_issue_16() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let (tif, heic) = photos(&ws.path().join("incoming"))?;
    let out = ws.path().join("exports");
    let app = App::start_named(ws.path()).await?;

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
    body.send_keys("The boats came back on Tuesday.").await?;
    let byline = app.wait_for(r#"[data-testid="byline-name"]"#).await?;
    if app
        .value(r#"[data-testid="byline-name"]"#)
        .await?
        .is_empty()
    {
        byline.click().await?;
        byline.send_keys("Marta Ruiz").await?;
    }
    app.wait_for(r#"[data-testid="save-state"][data-state="saved"]"#)
        .await?;

    app.find(r#"[data-testid="photos-tab"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="photo-grid"] [data-testid="photo-tile"]"#)
        .await?;
    let tif_id = import_crop_credit(
        &app,
        &tif,
        "Ana Peña",
        "A red and blue sky over the harbour.",
    )
    .await?;
    import_crop_credit(
        &app,
        &heic,
        "Luis Ortega",
        "Green and gold light on the water.",
    )
    .await?;
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&shots)?;
    app.screenshot(&shots.join("photo-formats.png")).await?;

    // The HEIC, selected after its import, and the TIFF become the story's composite hero.
    ctrl_click(
        &app,
        &format!(r#"[data-testid="photo-tile"][data-photo-id="{tif_id}"]"#),
    )
    .await?;
    app.wait_for_text(r#"[data-testid="photo-selected-count"]"#, |t| {
        t == "2 selected"
    })
    .await?;
    app.wait_for_text(r#"[data-testid="set-hero"]"#, |t| t.contains(HEADLINE))
        .await?;
    app.find(r#"[data-testid="set-hero"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="hero-set"]"#).await?;

    app.find(r#"[data-testid="export-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="export-dialog"] .findings, [data-testid="export-dialog"] .ok"#)
        .await?;
    let dest = app.find(r#"[data-testid="export-destination"]"#).await?;
    dest.click().await?;
    dest.send_keys(SELECT_ALL).await?;
    dest.send_keys(BACKSPACE).await?;
    dest.send_keys(&out.to_string_lossy()).await?;
    let start = app.find(r#"[data-testid="export-start"]"#).await?;
    if start.prop("disabled").await?.as_deref() != Some("false") {
        let findings = app.text(r#"[data-testid="export-dialog"]"#).await?;
        return Err(format!("the export is blocked: {findings:?}").into());
    }
    start.click().await?;
    app.wait_for_text(r#"[data-testid="export-done"]"#, |t| t.contains(SLUG))
        .await?;
    app.quit().await?;

    // The package's hero renditions: sRGB JPEGs made from the TIFF and the HEIC, carrying
    // both photographers' names.
    let images = out.join(SLUG).join("images");
    let mut heroes = 0;
    for entry in std::fs::read_dir(&images)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "jpg") {
            continue;
        }
        let json = Command::new("exiftool")
            .args(["-j", "-G1", "-a"])
            .arg(&path)
            .output()?;
        let tags: serde_json::Value = serde_json::from_slice(&json.stdout)?;
        let tags = &tags[0];
        let creators = tags["XMP-dc:Creator"].to_string();
        if !creators.contains("Luis Ortega") {
            continue;
        }
        heroes += 1;
        assert!(creators.contains("Ana Peña"), "both credits: {creators}");
        assert!(
            tags["ICC_Profile:ProfileDescription"]
                .as_str()
                .is_some_and(|d| d.contains("sRGB")),
            "{} is tagged sRGB: {tags}",
            path.display()
        );
    }
    assert!(
        heroes > 0,
        "the hero's renditions are in {}",
        images.display()
    );
    Ok(())
}

//! The editor's desk in the real window (issue 6): search finds a story by a word typed
//! without its accents, with the word highlighted; a story moves Draft → In edit → Copy desk
//! → Ready with the workflow's buttons and the moves show in its history (who, from → to);
//! a story moved to the trash leaves the library, comes back from the Trash view with its
//! history, and emptying the trash asks first.

use dateline_e2e::{App, Result};

const EDITOR: &str = r#"[data-testid="body-editor"] .cm-content"#;
const SAVED: &str = r#"[data-testid="save-state"][data-state="saved"]"#;
const LIBRARY: &str = r#"[data-testid="library"]"#;
/// The library's story rows (not its filter menus, which name tags and people too).
const STORIES: &str = r#"[data-testid="library"] ul[aria-label="Stories"]"#;
const HISTORY_PANEL: &str = r#"[data-testid="history-panel"]"#;

/// Starts a new article with `headline` and `body`, and waits until it is stored and listed.
async fn write(app: &App, headline: &str, body: &str) -> Result<()> {
    app.find(r#"[data-testid="new-article"]"#)
        .await?
        .click()
        .await?;
    let h = app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    h.click().await?;
    h.send_keys(headline).await?;
    let b = app.wait_for(EDITOR).await?;
    b.click().await?;
    b.send_keys(body).await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains(body.trim_end_matches('.'))
    })
    .await?;
    app.wait_for(SAVED).await?;
    app.wait_for_text(LIBRARY, |t| t.contains(headline)).await?;
    Ok(())
}

/// Clicks the workflow's "Move to …" button for `status` and waits for the story to be there.
async fn move_to(app: &App, status: &str, label: &str) -> Result<()> {
    app.find(&format!(r#"[data-testid="move-{status}"]"#))
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == label)
        .await?;
    Ok(())
}

/// A new demo desk in the window, its library shown (the first-start name answered).
async fn demo_desk() -> Result<(tempfile::TempDir, App)> {
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    app.wait_for_text(LIBRARY, |t| t.contains("Sheinbaum"))
        .await?;
    Ok((ws, app))
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_a_word_typed_without_accents_issue_6() -> Result<()> {
    let (_ws, app) = demo_desk().await?;

    write(
        &app,
        "Exgobernadores bajo la lupa",
        "El expresidente Peña Nieto viajó desde México a Madrid.",
    )
    .await?;

    let search = app.find(r#"[data-testid="search-input"]"#).await?;
    search.click().await?;
    search.send_keys("pena").await?;
    // The hit is the story, and the snippet marks the accented word the query matched.
    let marked = app
        .wait_for_text(r#"[data-testid="hit-snippet"] mark"#, |t| !t.is_empty())
        .await?;
    assert_eq!(
        marked, "Peña",
        "the highlighted word is the one in the body"
    );
    let hit = app
        .wait_for_text(r#"[data-testid="search-hit"]"#, |t| {
            t.contains("Exgobernadores bajo la lupa")
        })
        .await?;
    assert!(hit.contains("Peña Nieto"), "{hit}");
    assert_eq!(
        app.js(r#"return document.querySelectorAll('[data-testid="search-hit"]').length;"#)
            .await?,
        1,
        "only the story that says it"
    );

    // Clicking the hit opens the story.
    app.click_containing(r#"[data-testid="search-hit"]"#, "Exgobernadores")
        .await?;
    app.wait_for_text(r#"[data-testid="preview-headline"]"#, |t| {
        t == "Exgobernadores bajo la lupa"
    })
    .await?;

    // A photographer's name is only in the model story's hero credit: the hit says so.
    let search = app.find(r#"[data-testid="search-input"]"#).await?;
    search.clear().await?;
    search.send_keys("barria").await?;
    let hit = app
        .wait_for_text(r#"[data-testid="search-hit"]"#, |t| t.contains("Sheinbaum"))
        .await?;
    assert!(hit.contains("Found in a photo caption or credit"), "{hit}");
    app.screenshot(&shots()?.join("search-photo.png")).await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn move_a_story_to_ready_and_see_the_moves_in_its_history_issue_6() -> Result<()> {
    let (ws, app) = demo_desk().await?;
    write(
        &app,
        "Port strike enters second week",
        "Dockworkers in Veracruz kept the cranes still.",
    )
    .await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Draft")
        .await?;

    move_to(&app, "in_edit", "In edit").await?;
    move_to(&app, "copy_desk", "Copy desk").await?;
    // An edit between moves is saved without undoing the move.
    let b = app.wait_for(EDITOR).await?;
    b.click().await?;
    b.send_keys("\u{E010}").await?;
    b.send_keys(" Ships waited offshore.").await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains("Ships waited offshore")
    })
    .await?;
    app.wait_for(SAVED).await?;
    move_to(&app, "ready", "Ready").await?;
    // From Ready the table offers Published and the way back, never Draft.
    app.wait_for(r#"[data-testid="move-published"]"#).await?;
    assert!(app.find(r#"[data-testid="move-draft"]"#).await.is_err());

    // The library row shows where the story stands.
    app.wait_for_text(
        r#"[data-testid="library-item"][aria-current="true"]"#,
        |t| t.contains("Ready"),
    )
    .await?;

    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    let moves = app
        .wait_for_text(r#"[data-testid="history-moves"]"#, |t| {
            t.contains("Copy desk → Ready")
        })
        .await?;
    for step in [
        "Draft → In edit",
        "In edit → Copy desk",
        "Copy desk → Ready",
    ] {
        assert!(moves.contains(step), "the history shows {step:?}: {moves}");
    }
    assert!(
        moves.contains("Demo Desk"),
        "each move names who made it: {moves}"
    );
    app.wait_for_text(&format!("{HISTORY_PANEL} ol.list"), |t| {
        t.contains("Moved Copy desk → Ready")
    })
    .await?;
    app.screenshot(&shots()?.join("workflow-history.png"))
        .await?;
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(SAVED).await?;
    // The export dialog shares the desk's buttons (app.css): a look at it after the move.
    app.find(r#"[data-testid="export-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="export-dialog"]"#).await?;
    app.wait_for(r#"[data-testid="preflight-finding"]"#).await?;
    app.screenshot(&shots()?.join("export-dialog-after-move.png"))
        .await?;
    app.quit().await?;

    // Stored, not only shown: after a restart the story is still Ready.
    let app = App::start_named(ws.path()).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Port strike")
        .await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Ready")
        .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn trash_and_restore_a_story_with_its_history_issue_6() -> Result<()> {
    let (_ws, app) = demo_desk().await?;
    let headline = "Drought empties Sonora reservoirs";
    write(
        &app,
        headline,
        "Reservoirs in the north fell to ten percent.",
    )
    .await?;
    move_to(&app, "in_edit", "In edit").await?;

    app.find(r#"[data-testid="trash-article"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="toast"]"#, |t| {
        t.contains("moved to the trash") && t.contains("Undo")
    })
    .await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t.contains("stor"))
        .await?;
    app.wait_for_text(LIBRARY, |t| !t.contains(headline))
        .await?;

    // The Trash view lists it; Restore brings it back to the library.
    app.find(r#"[data-testid="trash-view"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="trash-item"]"#, |t| t.contains(headline))
        .await?;
    app.screenshot(&shots()?.join("trash.png")).await?;
    app.find(r#"[data-testid="restore-article"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| {
        t.contains("Trash · 0 stories")
    })
    .await?;
    app.find(r#"[data-testid="leave-trash"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(LIBRARY, |t| t.contains(headline)).await?;
    app.wait_for_text(r#"[data-testid="preview-headline"]"#, |t| t == headline)
        .await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "In edit")
        .await?;

    // Its history came back with it.
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    let revisions = app
        .wait_for_text(&format!("{HISTORY_PANEL} ol.list"), |t| {
            t.contains("Moved Draft → In edit")
        })
        .await?;
    assert!(revisions.contains("Created"), "{revisions}");
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;

    // Emptying the trash asks first, naming how many stories go for good.
    app.find(r#"[data-testid="trash-article"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(LIBRARY, |t| !t.contains(headline))
        .await?;
    app.find(r#"[data-testid="trash-view"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="trash-item"]"#, |t| t.contains(headline))
        .await?;
    app.find(r#"[data-testid="empty-trash"]"#)
        .await?
        .click()
        .await?;
    let question = app
        .wait_for_text(r#"[data-testid="empty-trash-dialog"][open]"#, |t| {
            t.contains("for good")
        })
        .await?;
    assert!(question.contains("Delete 1 story for good?"), "{question}");
    app.screenshot(&shots()?.join("empty-trash.png")).await?;
    app.find(r#"[data-testid="confirm-empty-trash"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(LIBRARY, |t| t.contains("The trash is empty."))
        .await?;
    app.find(r#"[data-testid="leave-trash"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(LIBRARY, |t| {
        t.contains("Sheinbaum") && !t.contains(headline)
    })
    .await?;
    app.wait_for(SAVED).await?;
    app.quit().await
}

/// The screenshots people look at land here (not in the repository: docs/ takes the ones
/// that were looked at).
fn shots() -> Result<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[tokio::test(flavor = "multi_thread")]
async fn notes_people_and_the_filtered_library_issue_6() -> Result<()> {
    let (_ws, app) = demo_desk().await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "3 stories")
        .await?;

    // An editor note on the open story: who wrote it, and that it stays inside. (The toggle
    // is there, disabled, until the story has opened.)
    app.wait_for(r#"[data-testid="notes-toggle"]:not([disabled])"#)
        .await?
        .click()
        .await?;
    let note = app.wait_for(r#"[data-testid="note-input"]"#).await?;
    note.click().await?;
    note.send_keys("Check the tariff figures with the ministry before Ready.")
        .await?;
    app.find(r#"[data-testid="add-note"]"#)
        .await?
        .click()
        .await?;
    let shown = app
        .wait_for_text(r#"[data-testid="note-item"]"#, |t| {
            t.contains("tariff figures")
        })
        .await?;
    assert!(
        shown.contains("Demo Desk"),
        "the note names its writer: {shown}"
    );
    app.wait_for_text(r#"[data-testid="notes"]"#, |t| {
        t.contains("Internal — never exported")
    })
    .await?;
    app.screenshot(&shots()?.join("notes.png")).await?;

    // The People screen: the demo author with the stories carrying her byline.
    app.find(r#"[data-testid="people-tab"]"#)
        .await?
        .click()
        .await?;
    let author = app
        .wait_for_text(r#"[data-testid="author-item"]"#, |t| {
            t.contains("Dionys Duroc")
        })
        .await?;
    assert!(author.contains("3 stories"), "{author}");
    app.wait_for_text(r#"[data-testid="section-item"]"#, |t| t.contains("Mexico"))
        .await?;
    app.screenshot(&shots()?.join("people.png")).await?;

    // Clicking a section shows "More in Mexico" in the library.
    app.click_containing(r#"[data-testid="section-item"] button"#, "Mexico")
        .await?;
    app.wait_for_text(r#"[data-testid="active-filter"]"#, |t| {
        t.contains("More in Mexico")
    })
    .await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "3 stories")
        .await?;
    // A status filter narrows it to the two published stories.
    app.find(r#"[data-testid="filters-toggle"]"#)
        .await?
        .click()
        .await?;
    app.js(
        r#"const s = document.querySelector('[data-testid="filter-status"]');
           s.value = 'published'; s.dispatchEvent(new Event('change', { bubbles: true })); return null;"#,
    )
    .await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "2 stories")
        .await?;
    app.wait_for_text(STORIES, |t| !t.contains("Sheinbaum"))
        .await?;
    app.screenshot(&shots()?.join("library-filters.png"))
        .await?;

    // A search over the demo desk, with its highlighted snippets.
    let search = app.find(r#"[data-testid="search-input"]"#).await?;
    search.click().await?;
    search.send_keys("mexico").await?;
    app.wait_for(r#"[data-testid="hit-snippet"] mark"#).await?;
    app.screenshot(&shots()?.join("library-search.png")).await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn asks_your_name_first_and_stamps_it_on_moves_issue_6() -> Result<()> {
    // A desk with a story but no identity (made with the CLI, not the demo desk).
    let ws = tempfile::tempdir()?;
    let md = ws.path().join("lluvia.md");
    std::fs::write(
        &md,
        "---\ntitle: Lluvias dejan sin luz a Oaxaca\n---\nLas tormentas derribaron postes.\n",
    )?;
    let desk = ws.path().join("desk");
    let cli = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/dateline");
    let out = std::process::Command::new(cli)
        .arg("--workspace")
        .arg(&desk)
        .args(["article", "import"])
        .arg(&md)
        .output()?;
    assert!(
        out.status.success(),
        "the CLI imports the story (cargo build first): {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let app = App::start(&desk).await?;
    let asked = app
        .wait_for_text(r#"[data-testid="identity-dialog"][open]"#, |t| {
            t.contains("Your name")
        })
        .await?;
    assert!(asked.contains("stamped on every version"), "{asked}");
    app.screenshot(&shots()?.join("identity.png")).await?;
    app.answer_identity("Ana Pérez").await?;

    app.click_containing(r#"[data-testid="library-item"]"#, "Lluvias dejan")
        .await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Draft")
        .await?;
    move_to(&app, "in_edit", "In edit").await?;
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="history-moves"]"#, |t| {
        t.contains("Draft → In edit") && t.contains("Ana Pérez")
    })
    .await?;
    app.quit().await?;

    // The name is the desk's: the next start does not ask again.
    let app = App::start(&desk).await?;
    app.wait_for_text(r#"[data-testid="identity"]"#, |t| t == "Ana Pérez")
        .await?;
    assert_eq!(
        app.js(
            r#"return document.querySelector('[data-testid="identity-dialog"][open]') === null;"#
        )
        .await?,
        true
    );
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn new_from_a_template_then_duplicate_issue_6() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "3 stories")
        .await?;

    // "From template" → Analysis: a stored draft with the genre's shape, headline to replace.
    app.find(r#"[data-testid="new-from-template"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="template-analysis"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains("What we know") && t.contains("What to watch")
    })
    .await?;
    assert_eq!(
        app.value(r#"[data-testid="headline-input"]"#).await?,
        "New analysis"
    );
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "4 stories")
        .await?;
    let first = app
        .js(r#"return Number(document.querySelector('[data-testid="library-item"][aria-current="true"]').dataset.articleId);"#)
        .await?;

    // Duplicate: another story with the same text, opened, its history saying where from.
    app.find(r#"[data-testid="duplicate-article"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="toast"]"#, |t| {
        // Issue 11: the copy's headline says it is one.
        t.contains("Duplicated as “New analysis (copy)”")
    })
    .await?;
    app.wait_for_text(r#"[data-testid="library-count"]"#, |t| t == "5 stories")
        .await?;
    let second = app
        .js(r#"return Number(document.querySelector('[data-testid="library-item"][aria-current="true"]').dataset.articleId);"#)
        .await?;
    assert_ne!(first, second, "the copy is open, not the original");
    app.wait_for_text(r#"[data-testid="preview-body"]"#, |t| {
        t.contains("What we know")
    })
    .await?;
    app.find(r#"[data-testid="history-button"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(&format!("{HISTORY_PANEL} ol.list"), |t| {
        t.contains(&format!("Duplicated from #{first}"))
    })
    .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn people_screen_adds_an_author_and_merges_tags_issue_6() -> Result<()> {
    let (_ws, app) = demo_desk().await?;
    app.find(r#"[data-testid="people-tab"]"#)
        .await?
        .click()
        .await?;

    // A new profile with a role and a portrait picked from the desk's photos.
    app.wait_for(r#"[data-testid="add-author"]"#)
        .await?
        .click()
        .await?;
    app.wait_for(r#"[data-testid="author-name"]"#)
        .await?
        .send_keys("Ana Pérez")
        .await?;
    app.find(r#"[data-testid="author-role"]"#)
        .await?
        .send_keys("Photo Editor")
        .await?;
    app.js(
        r#"const s = document.querySelector('[data-testid="author-portrait"]');
           s.selectedIndex = 1; s.dispatchEvent(new Event('change', { bubbles: true })); return null;"#,
    )
    .await?;
    app.wait_for(r#"[data-testid="author-form"] img.portrait"#)
        .await?;
    app.find(r#"[data-testid="save-author"]"#)
        .await?
        .click()
        .await?;
    let added = app
        .wait_for_text(r#"[data-testid="author-item"]:first-child"#, |t| {
            t.contains("Ana Pérez")
        })
        .await?;
    assert!(
        added.contains("Photo Editor") && added.contains("0 stories"),
        "{added}"
    );
    assert_eq!(
        app.js(r#"return [...document.querySelectorAll('[data-testid="author-item"]')].filter(li => li.textContent.includes('Ana Pérez') && li.querySelector('img.portrait')).length;"#)
            .await?,
        1,
        "the profile shows its portrait"
    );

    // Renaming the tag "Water" to "Economy" merges the two: one tag, both stories.
    app.find(r#"button[aria-label="Rename Water"]"#)
        .await?
        .click()
        .await?;
    let input = app
        .wait_for(r#"input[aria-label="New name for Water"]"#)
        .await?;
    input.clear().await?;
    input.send_keys("Economy").await?;
    app.find(r#"[data-testid="tag-item"] form button[type="submit"]"#)
        .await?
        .click()
        .await?;
    app.wait_for_text(r#"[data-testid="tag-list"]"#, |t| {
        !t.contains("Water") && t.contains("Economy 2 stories")
    })
    .await?;
    app.quit().await
}

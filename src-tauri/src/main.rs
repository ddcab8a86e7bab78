//! Dateline's desktop window: a thin Tauri 2 shell over the `dateline` core.
//!
//! This crate picks the workspace folder, opens it (seeding the demo desk into an empty one),
//! registers the IPC commands and the `photo:` scheme, and hands the window to the web UI in
//! `ui/`. It holds no newsroom logic of its own: every command is a few lines that call
//! [`dateline::Workspace`], and every failure crosses IPC as the core's `{ code, message }`.

// Release builds on Windows should not open a console beside the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod desk;
mod editor_commands;
mod export_commands;
mod newsroom;
mod newsroom_commands;
mod photo_commands;
mod photo_scheme;
mod pick_commands;
mod scope;
mod timeline;
mod webview;

use std::io::Write;

use tauri::Manager;

/// What `dateline-app --help` says (the app takes one option; the rest is the window's).
const HELP: &str = "Dateline: the desk window.

Usage: dateline-app [--workspace DIR]

  --workspace DIR  open the desk in DIR (made if missing; an empty desk gets the demo's
                   example stories, which never travel to a newsroom)
  -h, --help       print this help
  -V, --version    print the version

Without --workspace the desk is the system's data folder (~/.local/share/dateline).
The command line is `dateline` (dateline --help).";

fn main() {
    // Asking for help or the version never opens a window, nor a desk.
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            // (A closed pipe, `| head`, is no reason to panic.)
            "-h" | "--help" => {
                let _ = writeln!(std::io::stdout(), "{HELP}");
                return;
            }
            "-V" | "--version" => {
                let _ = writeln!(
                    std::io::stdout(),
                    "dateline-app {}",
                    env!("CARGO_PKG_VERSION")
                );
                return;
            }
            _ => {}
        }
    }
    timeline::mark("app-main");
    webview::prefer_cpu_painting();
    let dir = desk::choose_dir(std::env::args().skip(1));
    let desk = desk::Desk::open(&dir, desk::wants_demo(std::env::args().skip(1)));
    timeline::mark("app-desk-opened");
    let newsroom = std::sync::Arc::new(newsroom::Newsroom::new(&dir));
    // A desk that joined a newsroom syncs in the background from the start; one that never
    // joined starts nothing and opens no connection.
    let joined = desk
        .with(|ws| ws.newsroom_conninfo())
        .ok()
        .flatten()
        .is_some();
    let result = tauri::Builder::default()
        .manage(scope::Scope::new(&dir))
        .manage(desk)
        .manage(std::sync::Arc::clone(&newsroom))
        .manage(export_commands::Exports::default())
        .manage(photo_commands::Renditions::default())
        // The file dialog is opened from the Rust side only (`pick_commands`), so what the
        // user picks is known to the file-access scope; the window has no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .plugin(webview::locale_plugin())
        // Files dropped on the window join the scope before the window hears of the drop.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drop) = event {
                pick_commands::record_drop(window.app_handle(), drop);
            }
        })
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(drop) = event {
                pick_commands::record_drop(webview.app_handle(), drop);
            }
        })
        .setup(move |app| {
            timeline::mark("app-window-built");
            // The spellchecker waits for the page's first paint (`window_ready`).
            if let Some(window) = app.get_webview_window("main") {
                webview::lighten(&window);
            }
            if joined {
                newsroom.start(app.handle());
            }
            Ok(())
        })
        .register_asynchronous_uri_scheme_protocol(photo_scheme::SCHEME, photo_scheme::serve)
        .invoke_handler(tauri::generate_handler![
            commands::desk_info,
            commands::set_interface_language,
            commands::list_articles,
            commands::library_page,
            commands::library_counts,
            commands::article_summary,
            commands::get_article,
            commands::create_article,
            commands::save_article,
            commands::save_article_over,
            commands::keep_unsaved,
            commands::unsaved_draft,
            commands::forget_unsaved,
            commands::window_ready,
            commands::render_preview,
            commands::list_photos,
            commands::hero_caption,
            commands::photo_caption_line,
            commands::search,
            commands::list_sections,
            commands::list_authors,
            export_commands::list_revisions,
            export_commands::diff_revisions,
            export_commands::restore_revision,
            export_commands::checkpoint,
            export_commands::preflight,
            export_commands::export_article,
            export_commands::export_destination,
            export_commands::cancel_export,
            export_commands::reveal_export,
            photo_commands::get_photo,
            photo_commands::photo_metadata,
            photo_commands::import_photo,
            photo_commands::save_photo,
            photo_commands::set_crop,
            photo_commands::list_crops,
            photo_commands::photo_uses,
            photo_commands::code_replacements,
            photo_commands::set_code_replacement,
            photo_commands::remove_code_replacement,
            photo_commands::apply_photo_fields,
            photo_commands::render_crop,
            photo_commands::cancel_renditions,
            photo_commands::set_hero,
            editor_commands::list_library,
            editor_commands::workflow_steps,
            editor_commands::set_status,
            editor_commands::list_transitions,
            editor_commands::list_notes,
            editor_commands::add_note,
            editor_commands::delete_note,
            editor_commands::duplicate_article,
            editor_commands::list_templates,
            editor_commands::create_from_template,
            editor_commands::trash_article,
            editor_commands::restore_article,
            editor_commands::empty_trash,
            editor_commands::list_tags,
            editor_commands::add_tag,
            editor_commands::rename_tag,
            editor_commands::add_section,
            editor_commands::rename_section,
            editor_commands::save_author,
            editor_commands::set_identity,
            editor_commands::get_settings,
            editor_commands::save_settings,
            editor_commands::delete_section,
            editor_commands::delete_tag,
            commands::typeset_text,
            pick_commands::pick_photos,
            pick_commands::pick_folder,
            newsroom_commands::newsroom_state,
            newsroom_commands::newsroom_join,
            newsroom_commands::newsroom_unlock,
            newsroom_commands::newsroom_wake,
            newsroom_commands::body_conflict,
            newsroom_commands::resolve_conflict,
            newsroom_commands::settle_field_conflict,
            newsroom_commands::newsroom_seen,
            newsroom_commands::newsroom_hold,
            newsroom_commands::newsroom_release,
            newsroom_commands::save_bundle,
            newsroom_commands::open_bundle,
            newsroom_commands::apply_bundle,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("dateline-app: the window could not be started: {e}");
        std::process::exit(1);
    }
}

//! Build script of the app crate: reads the Tauri config at the repository root (not the
//! default `src-tauri/tauri.conf.json`), and declares the app's own commands so that a
//! capability must name each one the window may call (Tauri allows every app command when no
//! list is given).

const COMMANDS: &[&str] = &[
    "desk_info",
    "list_articles",
    "get_article",
    "create_article",
    "save_article",
    "render_markdown",
    "list_photos",
    "hero_caption",
    "search",
    "list_sections",
    "list_authors",
    "list_revisions",
    "diff_revisions",
    "restore_revision",
    "checkpoint",
    "preflight",
    "export_article",
    "cancel_export",
    "reveal_export",
    "get_photo",
    "photo_metadata",
    "import_photo",
    "save_photo",
    "set_crop",
    "list_crops",
    "code_replacements",
    "set_code_replacement",
    "remove_code_replacement",
    "apply_photo_fields",
    "render_crop",
    "cancel_renditions",
    "set_hero",
    "list_library",
    "workflow_steps",
    "set_status",
    "list_transitions",
    "list_notes",
    "add_note",
    "delete_note",
    "duplicate_article",
    "list_templates",
    "create_from_template",
    "trash_article",
    "restore_article",
    "empty_trash",
    "list_tags",
    "add_tag",
    "rename_tag",
    "add_section",
    "rename_section",
    "save_author",
    "set_identity",
    "pick_photos",
    "pick_folder",
    "get_settings",
    "save_settings",
    "typeset_text",
    "delete_section",
    "delete_tag",
    "keep_unsaved",
    "unsaved_draft",
    "forget_unsaved",
    "newsroom_state",
    "newsroom_join",
    "newsroom_unlock",
    "newsroom_wake",
    "body_conflict",
    "resolve_conflict",
    "newsroom_hold",
    "newsroom_release",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script can only report its failure by failing.
        panic!("tauri-build failed: {e:#}");
    }
}

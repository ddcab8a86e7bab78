//! The architecture's invariants, checked: each third-party library lives in one room, and
//! every Rust file opens with a `//!` paragraph saying what it owns (see ARCHITECTURE.md).

use std::path::{Path, PathBuf};

/// (crate name as written in code, the one folder or file allowed to use it).
const ROOMS: &[(&str, &[&str])] = &[
    ("rusqlite", &["src/store/"]),
    ("comrak", &["src/markdown"]),
    ("ammonia", &["src/markdown"]),
    ("serde_saphyr", &["src/frontmatter"]),
    ("toml", &["src/frontmatter"]),
    ("similar", &["src/revision"]),
    ("image", &["src/photo"]),
    ("fast_image_resize", &["src/photo"]),
    ("exif", &["src/photo"]),
    ("roxmltree", &["src/photo"]),
    ("jpeg_encoder", &["src/photo"]),
    ("webp", &["src/photo"]),
    ("zune_jpeg", &["src/photo"]),
    ("lcms2", &["src/photo/colour.rs"]),
    ("libheif_rs", &["src/photo/heif.rs"]),
    ("clap", &["src/bin/"]),
    ("minijinja", &["src/export"]),
    ("zip", &["src/export"]),
    ("tauri", &["src-tauri/"]),
    ("postgres", &["src/newsroom/"]),
    ("postgres_protocol", &["src/newsroom/"]),
    ("postgres_native_tls", &["src/newsroom/"]),
    ("native_tls", &["src/newsroom/"]),
    ("diffy", &["src/newsroom/merge.rs"]),
    ("uuid", &["src/newsroom/"]),
    ("rpassword", &["src/bin/"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target" || n == "gen") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sources() -> Vec<(String, String)> {
    let root = root();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (rel, text)
        })
        .collect()
}

fn uses(text: &str, krate: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        !l.starts_with("//")
            && (l.starts_with(&format!("use {krate}::"))
                || l.starts_with(&format!("use {krate};"))
                || l.starts_with(&format!("pub use {krate}::"))
                || l.contains(&format!(" {krate}::"))
                || l.contains(&format!("({krate}::"))
                || l.contains(&format!("<{krate}::"))
                || l.contains(&format!("&{krate}::")))
    })
}

#[test]
fn each_library_lives_in_one_room() {
    let mut wrong = Vec::new();
    for (path, text) in sources() {
        for (krate, allowed) in ROOMS {
            if uses(&text, krate) && !allowed.iter().any(|a| path.starts_with(a)) {
                wrong.push(format!("{path} uses {krate} (allowed only in {allowed:?})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_use_when_there_is_one() {
    assert!(uses("use rusqlite::Connection;", "rusqlite"));
    assert!(uses("    let x = image::open(p);", "image"));
    assert!(!uses(
        "// rusqlite::Connection is only in store",
        "rusqlite"
    ));
    assert!(!uses("let image_width = 3;", "image"));
}

#[test]
fn every_rust_file_says_what_it_owns() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! paragraph:\n{}",
        missing.join("\n")
    );
}

/// The files allowed to name the front door: the facade itself and what sits above it.
const ABOVE_THE_FACADE: &[&str] = &["src/workspace/", "src/demo.rs", "src/lib.rs", "src/bin/"];

/// The lines of `text` (outside comments and the unit tests at its end) that name the
/// workspace facade or its store.
fn facade_uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    code.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .filter(|l| {
            l.contains("crate::workspace")
                || l.contains("impl Workspace")
                || l.contains("&Workspace")
                || l.contains("&mut Workspace")
                || l.contains(".store.")
        })
        .map(str::to_string)
        .collect()
}

/// Dependencies run one way: the rooms below the facade (`frontmatter`, `revision`,
/// `preflight`, `photo`, `export`, …) never reach up into `workspace`, so each can be read,
/// tested and changed without it.
#[test]
fn no_room_below_the_facade_names_it() {
    let mut wrong = Vec::new();
    for (path, text) in sources() {
        if !path.starts_with("src/") || ABOVE_THE_FACADE.iter().any(|a| path.starts_with(a)) {
            continue;
        }
        for l in facade_uses(&text) {
            wrong.push(format!("{path}: {l}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "rooms reaching up into the workspace:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_facade_check_sees_a_reach_up() {
    assert_eq!(facade_uses("use crate::workspace::Workspace;").len(), 1);
    assert_eq!(facade_uses("impl Workspace {").len(), 1);
    assert_eq!(
        facade_uses("    let x = ws.store.read(|t| t.photos())?;").len(),
        1
    );
    assert!(facade_uses("// impl Workspace is elsewhere").is_empty());
    assert!(facade_uses("#[cfg(test)]\nmod tests { use crate::workspace::Workspace; }").is_empty());
}

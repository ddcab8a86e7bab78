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

//! Any input, checked: every importer (Markdown articles, photos) is fed files a journalist
//! might really pick by mistake or receive damaged — empty, cut short, of another type under a
//! familiar name, claiming absurd dimensions, not UTF-8, one 10 MB line, nested 100,000 levels
//! deep, NUL bytes, a lone BOM, front matter that is a list. Each is refused with a message that
//! names the file and says in plain words what is wrong, and the desk is left exactly as it was
//! (the database file's bytes, the articles, the photos and the `originals/` folder). Nothing
//! panics, and the import and the preview run on a thread with the app's 2 MB stack.

use std::path::{Path, PathBuf};

use dateline::workspace::{DB_FILE, ORIGINALS_DIR};
use dateline::{Error, ErrorCode, Workspace};

mod plain;

/// The stack of a tokio worker thread, where the app runs its commands.
const APP_STACK: usize = 2 * 1024 * 1024;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

/// Runs `f` on a thread with the app's stack size: a recursion too deep for the app fails
/// here too (as a crashed test process).
fn on_app_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(APP_STACK)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

/// What a journalist can see of the desk: the database file's bytes, the articles, the photos
/// and the originals folder.
#[derive(Debug, PartialEq)]
struct Seen {
    db: Vec<u8>,
    articles: usize,
    photos: usize,
    originals: Vec<String>,
}

fn seen(dir: &Path) -> Seen {
    // Through a fresh handle, so the database file holds everything committed.
    let ws = Workspace::open(dir).expect("open");
    let articles = ws.articles().expect("articles").len();
    let photos = ws.photos().expect("photos").len();
    drop(ws);
    let mut originals: Vec<String> = std::fs::read_dir(dir.join(ORIGINALS_DIR))
        .expect("originals")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    originals.sort();
    Seen {
        db: std::fs::read(dir.join(DB_FILE)).expect("db"),
        articles,
        photos,
        originals,
    }
}

/// A desk with one article and one photo, so "changes nothing" has something to change.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.create_article(dateline::model::ArticleDraft {
        headline: "Already here".into(),
        body: "A story.".into(),
        ..Default::default()
    })
    .expect("article");
    ws.import_photo(&fixtures().join("photos/orient2-landscape.jpg"))
        .expect("photo");
    dir
}

fn assert_plain(e: &Error, file: &str, says: &[&str]) {
    let msg = e.to_string();
    assert!(msg.contains(file), "the message names the file: {msg}");
    for word in says {
        assert!(
            msg.to_lowercase().contains(&word.to_lowercase()),
            "{file}: expected “{word}” in: {msg}"
        );
    }
    plain::assert_plain_words(file, &msg);
}

enum Importer {
    Article,
    Photo,
}

/// Imports `bytes` saved as `name` with the app's stack, and checks the refusal: the code,
/// plain words naming the file and the problem, and a desk left untouched.
fn check(importer: Importer, name: &str, bytes: Vec<u8>, code: ErrorCode, says: &[&str]) {
    let dir = desk();
    let before = seen(dir.path());
    let inbox = tempfile::tempdir().expect("inbox");
    let file = inbox.path().join(name);
    std::fs::write(&file, &bytes).expect("write input");
    let desk_path = dir.path().to_path_buf();
    let result = on_app_stack(move || {
        let mut ws = Workspace::open(&desk_path).expect("open");
        match importer {
            Importer::Article => ws.import_markdown(&file).map(|r| r.article.slug),
            Importer::Photo => ws.import_photo(&file).map(|p| p.sha256),
        }
    });
    let e = match result {
        Ok(what) => panic!("{name} was imported as {what}, but should be refused"),
        Err(e) => e,
    };
    assert_eq!(e.code(), code, "{name}: {e}");
    assert_plain(&e, name, says);
    assert_eq!(seen(dir.path()), before, "{name}: the desk changed");
}

// ---- Inputs ------------------------------------------------------------------------------

fn photo_fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join("photos").join(name)).expect("fixture photo")
}

/// A real JPEG whose frame header (SOF) is rewritten to claim `width` pixels across.
fn jpeg_claiming_width(width: u16) -> Vec<u8> {
    let mut b = photo_fixture("orient2-landscape.jpg");
    let mut i = 2;
    while i + 4 < b.len() {
        assert_eq!(b[i], 0xFF, "marker walk");
        let marker = b[i + 1];
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        if matches!(marker, 0xC0..=0xC3) {
            // FF Cx len(2) precision(1) height(2) width(2)
            b[i + 7..i + 9].copy_from_slice(&width.to_be_bytes());
            return b;
        }
        i += 2 + len;
    }
    panic!("no frame header in the fixture");
}

fn minimal_pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

fn minimal_zip() -> Vec<u8> {
    // An empty zip: just the end-of-central-directory record.
    let mut z = b"PK\x05\x06".to_vec();
    z.extend_from_slice(&[0; 18]);
    z
}

fn article(front: &str, body: &str) -> Vec<u8> {
    format!("---\n{front}---\n\n{body}").into_bytes()
}

// ---- Photos --------------------------------------------------------------------------------

#[test]
fn an_empty_photo_file_is_refused() {
    check(
        Importer::Photo,
        "empty.jpg",
        Vec::new(),
        ErrorCode::BadPhoto,
        &["empty"],
    );
}

#[test]
fn a_photo_cut_short_is_refused() {
    let full = photo_fixture("large-nikon-d3100-14mp.jpg");
    for (i, keep) in [full.len() / 2, full.len() - 10, 200, 3]
        .into_iter()
        .enumerate()
    {
        check(
            Importer::Photo,
            &format!("cut-{i}.jpg"),
            full[..keep].to_vec(),
            ErrorCode::BadPhoto,
            &[],
        );
    }
}

#[test]
fn files_of_another_type_named_jpg_are_refused() {
    let md = std::fs::read(fixtures().join("articles/rustblog-i128-layout-update.md")).unwrap();
    for (name, bytes) in [
        ("report.pdf.jpg", minimal_pdf()),
        ("archive.jpg", minimal_zip()),
        ("story.jpg", md),
        ("nul.jpg", vec![0u8; 4096]),
        ("bom.jpg", "\u{feff}".as_bytes().to_vec()),
    ] {
        check(
            Importer::Photo,
            name,
            bytes,
            ErrorCode::BadPhoto,
            &["not a photo"],
        );
    }
}

#[test]
fn a_photo_claiming_50000_pixels_across_is_refused_before_decoding() {
    check(
        Importer::Photo,
        "huge.jpg",
        jpeg_claiming_width(50_000),
        ErrorCode::BadPhoto,
        &["50000", "larger than Dateline accepts"],
    );
}

#[test]
fn a_photo_with_a_broken_header_is_refused_in_plain_words() {
    // Zero pixels across: the header itself is nonsense.
    check(
        Importer::Photo,
        "zero.jpg",
        jpeg_claiming_width(0),
        ErrorCode::BadPhoto,
        &[],
    );
    // The damaged fixtures of the photo desk's own test, re-checked for plain words.
    for name in [
        "cmyk-imagetestsuite-5482a546.jpg",
        "corrupt-truncated-olympus.jpg",
    ] {
        check(
            Importer::Photo,
            name,
            photo_fixture(name),
            ErrorCode::BadPhoto,
            &["damaged"],
        );
    }
}

// ---- Articles ------------------------------------------------------------------------------

#[test]
fn an_empty_markdown_file_is_refused() {
    check(
        Importer::Article,
        "empty.md",
        Vec::new(),
        ErrorCode::BadImport,
        &["the file is empty"],
    );
}

#[test]
fn a_bom_only_or_blank_markdown_file_is_refused() {
    for (name, text) in [
        ("bom.md", "\u{feff}"),
        ("blank.md", "\n\n   \n"),
        ("bom-blank.md", "\u{feff}\n \n"),
    ] {
        check(
            Importer::Article,
            name,
            text.as_bytes().to_vec(),
            ErrorCode::BadImport,
            &["the file is empty"],
        );
    }
}

#[test]
fn a_photo_named_md_is_refused_as_not_text() {
    check(
        Importer::Article,
        "photo.md",
        photo_fixture("orient2-landscape.jpg"),
        ErrorCode::BadImport,
        &["not UTF-8 text"],
    );
}

#[test]
fn invalid_utf8_and_nul_bytes_are_refused() {
    check(
        Importer::Article,
        "latin1.md",
        b"---\ntitle: Pe\xf1a\n---\n\nCuerpo.\n".to_vec(),
        ErrorCode::BadImport,
        &["line 2", "not UTF-8 text"],
    );
    check(
        Importer::Article,
        "nul.md",
        b"# Headline\n\nText\0with a NUL byte.\n".to_vec(),
        ErrorCode::BadImport,
        &["line 3", "NUL"],
    );
}

#[test]
fn front_matter_cut_short_is_refused() {
    check(
        Importer::Article,
        "unclosed.md",
        b"---\ntitle: Cut short\nauthor: Ana\n".to_vec(),
        ErrorCode::BadImport,
        &["never closed"],
    );
    check(
        Importer::Article,
        "unclosed.toml.md",
        b"+++\ntitle = \"Cut".to_vec(),
        ErrorCode::BadImport,
        &["never closed"],
    );
}

#[test]
fn front_matter_that_is_a_list_is_refused() {
    check(
        Importer::Article,
        "list.md",
        article("- title: A list\n- author: Ana\n", "Body.\n"),
        ErrorCode::BadImport,
        &["line 2"],
    );
    check(
        Importer::Article,
        "scalar.md",
        article("just a sentence\n", "Body.\n"),
        ErrorCode::BadImport,
        &["line 2"],
    );
}

#[test]
fn a_markdown_file_over_10_mb_on_one_line_is_refused() {
    let mut text = b"# Headline\n\n".to_vec();
    text.resize(10 * 1024 * 1024 + 1, b'a');
    check(
        Importer::Article,
        "one-line.md",
        text,
        ErrorCode::BadImport,
        &["10 MB"],
    );
}

#[test]
fn deeply_nested_markdown_is_refused() {
    for (name, body) in [
        ("quotes.md", ">".repeat(100_000)),
        ("brackets.md", "[".repeat(100_000)),
        ("lists.md", "- ".repeat(50_000) + "x"),
        (
            "emphasis.md",
            "*".repeat(100_000) + "a" + &"*".repeat(100_000),
        ),
    ] {
        check(
            Importer::Article,
            name,
            article("title: Nested\n", &body),
            ErrorCode::BadImport,
            &["line 5", "levels deep"],
        );
    }
}

/// The preview renders whatever is typed — the editor cannot refuse a keystroke — so deep
/// nesting and a 10 MB line must render on the app's stack without crashing.
fn preview_survives(md: String) -> String {
    on_app_stack(move || dateline::markdown::render(&md, "en"))
}

/// 10,000 levels, not 100,000: the sanitizer's HTML parser checks the open elements at each
/// one, so time grows with the square of the depth (100,000 takes about 50 s). Import refuses
/// such files; the preview survives them, slowly.
#[test]
fn the_preview_survives_10000_quote_levels() {
    assert!(preview_survives(">".repeat(10_000)).contains("<blockquote>"));
}

#[test]
fn the_preview_survives_100000_open_brackets() {
    assert!(preview_survives("[".repeat(100_000)).contains("[[["));
}

#[test]
fn the_preview_survives_50000_list_levels() {
    assert!(preview_survives("- ".repeat(50_000) + "x").contains("<li>"));
}

#[test]
fn the_preview_survives_100000_emphasis_delimiters() {
    let md = "*".repeat(100_000) + "a" + &"*".repeat(100_000);
    assert!(preview_survives(md).contains('a'));
}

#[test]
fn the_preview_survives_50000_nested_html_elements() {
    assert!(!preview_survives("<div>".repeat(50_000)).contains("<script"));
}

#[test]
fn the_preview_survives_a_10_mb_line() {
    assert!(preview_survives("a".repeat(10 * 1024 * 1024)).len() > 10 * 1024 * 1024);
}

// ---- Regressions found by fuzzing (issue 7) -------------------------------------------------

/// An IIM extended dataset whose size field says 2^64 − 13 bytes: the reader added it to its
/// position, which wrapped back to the start of the block and looped forever (in a debug
/// build, panicked). Now the block is damaged metadata: a warning, and the photo imports.
#[test]
fn an_iim_size_that_wraps_around_is_a_warning_issue_7() {
    let mut block = vec![0x1C, 2, 5, 0x80, 0x08];
    block.extend_from_slice(&(u64::MAX - 12).to_be_bytes());
    block.extend_from_slice(&[0x1C, 2, 5, 0x00, 0x02, b'H', b'i']);
    let (m, _) =
        on_app_stack(move || dateline::photo::metadata::read_blocks(None, Some(&block), None));
    assert!(
        m.warnings
            .iter()
            .any(|w| w.contains("IPTC block is cut short")),
        "{:?}",
        m.warnings
    );
}

//! The fuzz targets' bodies (`fuzz/fuzz_targets/`), here so that `cargo fuzz` and the ordinary
//! test suite (`tests/fuzz_seeds.rs`, which replays the fuzzer's seeds and cut-short variants
//! of them) run the very same checks. Each function takes the fuzzer's raw bytes and panics
//! when Dateline misbehaves on them: a panic inside Dateline, or (for the render) something
//! that could run in a reader's browser. A refusal with a message is fine everywhere.
#![doc(hidden)]

use std::path::Path;

/// Any text through the one Markdown render (comrak, typography, ammonia); the first byte
/// picks English (even) or Spanish (odd). Beyond not crashing, the output must never carry a
/// script: no `<script`, `<iframe`, `<object`, `<embed` or `<style` tag, no `on…=` event
/// attribute and no `javascript:` / `vbscript:` URL in any tag. Typography and layout are
/// not checked.
pub fn markdown_render(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let lang = if first & 1 == 0 { "en" } else { "es" };
    let md = String::from_utf8_lossy(rest);
    let html = crate::markdown::render(&md, lang);
    for tag in tags(&html) {
        let name = tag
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_ascii_lowercase();
        assert!(
            !matches!(
                name.as_str(),
                "script" | "iframe" | "object" | "embed" | "style"
            ),
            "a <{name}> tag came through the sanitizer: {html}"
        );
        for (attr, value) in attributes(tag) {
            assert!(
                !attr.starts_with("on"),
                "an event attribute {attr} came through the sanitizer: {html}"
            );
            // As a browser reads a URL (WHATWG): leading and trailing controls and spaces
            // dropped, tabs and newlines removed anywhere. Any other control inside
            // ("jav\u{10}ascript:") makes it a relative address, not a script.
            let v: String = value
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .to_ascii_lowercase();
            assert!(
                !v.starts_with("javascript:") && !v.starts_with("vbscript:"),
                "a script URL came through the sanitizer: {html}"
            );
        }
    }
}

/// Any text as a Markdown file's front matter and body (YAML or TOML fences, Jekyll/Hugo/Zola
/// keys), through the parse the import uses; a file that parses is written back with
/// `export`. An error is the journalist's message; a panic is a bug.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parsed) = crate::frontmatter::parse(text) {
        let _ = crate::frontmatter::export(&parsed.draft);
    }
}

/// The readers of a photo's embedded metadata — EXIF (TIFF), IPTC IIM and XMP — and their
/// mapping onto the photo's fields. The first byte picks the reader (0 EXIF, 1 IIM, 2 XMP; all
/// three above 2), as a photo may carry any of them damaged. Damage is a warning, never a panic.
pub fn photo_metadata(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let pick = |n: u8| (which == n || which > 2).then_some(rest);
    let _ = crate::photo::metadata::read_blocks(pick(0), pick(1), pick(2));
}

/// The photo import's checks over any bytes (format sniffing, header size limits, the JPEG
/// marker walk, metadata, the strict full decode). A refusal is fine; a panic, a hang or an
/// allocation beyond the size limits is not.
pub fn photo_examine(data: &[u8]) {
    let _ = crate::photo::examine(data, Path::new("fuzz.jpg"));
}

/// Every tag of sanitized HTML, without its `<` and `>`. Text is escaped there, so each `<`
/// outside a tag opens one; inside a tag a quoted value may hold `<` and `>` (the serializer
/// escapes only `"` and `&` in values).
fn tags(html: &str) -> Vec<&str> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut quote = None;
        i = start;
        while i < b.len() {
            match (quote, b[i]) {
                (None, b'"' | b'\'') => quote = Some(b[i]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        out.push(&html[start..i.min(b.len())]);
        i += 1;
    }
    out
}

/// The attribute names and values of one tag (`a href="x" title='y' hidden`).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let b = tag.as_bytes();
    let mut i = b
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let mut out = Vec::new();
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = tag[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = tag[vs..i.min(b.len())].to_string();
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = tag[vs..i].to_string();
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checker itself: a script the sanitizer let through would be caught.
    #[test]
    fn the_checker_sees_a_script_tag_an_event_attribute_and_a_script_url() {
        let t =
            tags(r#"<p>a</p><SCRIPT src=x></script><a href=" java&#10;script:x" onclick='y>'>"#);
        assert_eq!(t[2], "SCRIPT src=x");
        let a = attributes(t[4]);
        assert_eq!(a[0], ("href".into(), " java&#10;script:x".into()));
        assert_eq!(a[1], ("onclick".into(), "y>".into()));
    }
}

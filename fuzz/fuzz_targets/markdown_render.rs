//! Fuzz target: any text through the one Markdown render (comrak, typography, ammonia), in
//! English and Spanish. Beyond not crashing, the output must never carry a script: no
//! `<script`, `<iframe`, `<object` or `<style` tag, no `on…=` event attribute and no
//! `javascript:` URL in any tag. It does not check typography or layout.
#![no_main]

use libfuzzer_sys::fuzz_target;

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
    let mut i = b.iter().position(|c| c.is_ascii_whitespace()).unwrap_or(b.len());
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

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let lang = if first & 1 == 0 { "en" } else { "es" };
    let md = String::from_utf8_lossy(rest);
    let html = dateline::markdown::render(&md, lang);
    for tag in tags(&html) {
        let name = tag
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_ascii_lowercase();
        assert!(
            !matches!(name.as_str(), "script" | "iframe" | "object" | "embed" | "style"),
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
});

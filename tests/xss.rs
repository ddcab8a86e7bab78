//! The render's safety against script injection: every vector of `tests/corpus/xss.txt`
//! (OWASP's filter-evasion cheat sheet, mXSS payloads, and Markdown links, images, autolinks
//! and references) is rendered in English and Spanish, and nothing that could run survives.

use dateline::markdown::render;

fn corpus() -> Vec<String> {
    let text = include_str!("corpus/xss.txt");
    let mut entries = text.split("\n%%\n").map(str::to_string).collect::<Vec<_>>();
    // The part before the first separator is the header comment.
    entries.remove(0);
    entries
        .into_iter()
        .map(|e| e.trim_end_matches("\n%%").to_string())
        .filter(|e| !e.trim().is_empty())
        .collect()
}

/// Tags that must never be in rendered HTML.
const TAGS: &[&str] = &[
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "meta",
    "base",
    "link",
    "form",
    "svg",
    "math",
    "template",
    "frame",
    "frameset",
    "applet",
    "noscript",
    "xmp",
    "plaintext",
];

/// URL schemes that run code or load a page of the attacker's.
const SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:text/html", "livescript:"];

/// The dangers in rendered HTML, as a browser would parse it: forbidden tags, `on*`,
/// `style`, `srcdoc` and `formaction` attributes, and attribute values (after decoding the
/// entities and dropping the whitespace a browser ignores) that start with a dangerous scheme.
/// Text between tags is escaped by then, so `&lt;script&gt;` shown as text is fine.
fn dangers(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        // Tag name.
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .collect::<String>()
            .to_lowercase();
        if name.is_empty() {
            continue;
        }
        if TAGS.contains(&name.as_str()) {
            found.push(format!("<{name}>"));
        }
        // Attributes until the closing `>` outside quotes.
        let mut i = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "/-:".contains(c)))
            .unwrap_or(rest.len());
        let bytes = rest.as_bytes();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < bytes.len() && !b" \t\n\r/>=".contains(&bytes[i]) {
                i += 1;
            }
            let attr = rest[name_start..i].to_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let end = rest[i + 1..]
                        .find(q as char)
                        .map_or(rest.len(), |e| i + 1 + e);
                    value = rest[i + 1..end].to_string();
                    i = (end + 1).min(rest.len());
                } else {
                    let end = rest[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(rest.len(), |e| i + e);
                    value = rest[i..end].to_string();
                    i = end;
                }
            }
            if attr.starts_with("on") || ["style", "srcdoc", "formaction"].contains(&attr.as_str())
            {
                found.push(format!("{attr}= on <{name}>"));
            }
            let decoded: String = value
                .to_lowercase()
                .replace("&#58;", ":")
                .replace("&#x3a;", ":")
                .replace("&colon;", ":")
                .replace("&amp;", "&")
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            for scheme in SCHEMES {
                if decoded.starts_with(scheme) {
                    found.push(format!("{attr}={scheme} on <{name}>"));
                }
            }
        }
        rest = &rest[i.min(rest.len())..];
    }
    found
}

#[test]
fn the_corpus_is_large_enough() {
    assert!(corpus().len() >= 60, "{} vectors", corpus().len());
}

#[test]
fn no_vector_survives_in_either_language() {
    let mut failures = Vec::new();
    for vector in corpus() {
        for language in ["en", "es"] {
            let html = render(&vector, language);
            let found = dangers(&html);
            if !found.is_empty() {
                failures.push(format!(
                    "[{language}] {vector}\n  → {html}\n  found {found:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    // The checker itself must fail on raw dangerous HTML, or the test above proves nothing.
    for raw in [
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg/onload=alert(1)>",
        "<p ONCLICK = alert(1)>",
        "<a href=\" JaVaScRiPt&#58;alert(1)\">x</a>",
        "<p title=\"a>b\"><script>",
    ] {
        assert!(!dangers(raw).is_empty(), "{raw}");
    }
    assert!(dangers("<p>The onion on the table</p>").is_empty());
    assert!(dangers("<p>&lt;script&gt; javascript:alert(1)</p>").is_empty());
    assert!(dangers("<a title=\"x&quot; onmouseover=&quot;alert(1)\">a</a>").is_empty());
}

#[test]
fn safe_markup_is_kept() {
    let html = render(
        "<sup>1</sup> [link](https://example.com) ![alt](https://example.com/a.jpg)",
        "en",
    );
    assert!(html.contains("<sup>1</sup>"), "{html}");
    assert!(html.contains("href=\"https://example.com\""), "{html}");
    assert!(html.contains("src=\"https://example.com/a.jpg\""), "{html}");
}

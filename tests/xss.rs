//! The render's safety against script injection: every vector of `tests/corpus/xss.txt`
//! (OWASP's filter-evasion cheat sheet, mXSS payloads, and Markdown links, images, autolinks
//! and references) is rendered in English and Spanish, and nothing that could run survives;
//! then the whole corpus goes through every text field of a story, its author, its section,
//! tags and hero photos into an exported package, and the page, its JSON-LD, the ninjs and
//! the Markdown carry it only as text.

use std::sync::atomic::AtomicBool;

use dateline::export::ExportOptions;
use dateline::markdown::render;
use dateline::model::{ArticleDraft, Byline, Hero, HeroPhoto, PhotoFields};
use dateline::Workspace;

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

/// The page without its two legitimate blocks: the stylesheet and the JSON-LD script, which
/// are returned apart.
fn split_page(html: &str) -> (String, String) {
    let cut = |html: &str, open: &str, close: &str| -> (String, String) {
        let start = html.find(open).unwrap_or_else(|| panic!("no {open}"));
        let end = start + html[start..].find(close).expect("closed") + close.len();
        (
            format!("{}{}", &html[..start], &html[end..]),
            html[start..end].to_string(),
        )
    };
    let (rest, _style) = cut(html, "<style", "</style>");
    let (rest, ld) = cut(&rest, "<script type=\"application/ld+json\">", "</script>");
    (rest, ld)
}

/// Exports a story whose every text field — and its author's, section's, tags', hero photos'
/// and publication's — holds `all` (multi-line fields) or `line`; returns the package folder
/// (inside the returned temporary folders, which must outlive it).
fn package(
    all: &str,
    line: &str,
    tags: Vec<String>,
) -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    dateline::demo::seed(&mut ws).unwrap();
    ws.set_publication(line).unwrap();
    let name = format!("Ana {}", &line[..200.min(line.len())]);
    ws.upsert_author(&name, line, all).unwrap();
    for id in [1, 2] {
        let p = ws.photo(id).unwrap();
        let fields = PhotoFields {
            caption: all.to_string(),
            creator: line.to_string(),
            agency: line.to_string(),
            distributor: line.to_string(),
            alt_text: line.to_string(),
            copyright: line.to_string(),
            usage_terms: line.to_string(),
            ..p.fields.clone()
        };
        ws.update_photo(id, fields, p.focus).unwrap();
    }
    let a = ws
        .create_article(ArticleDraft {
            headline: line.to_string(),
            dek: all.to_string(),
            body: all.to_string(),
            dateline: line.to_string(),
            section: Some(line.to_string()),
            tags,
            language: Some("es".into()),
            bylines: vec![Byline {
                name,
                role: Some(line.to_string()),
                author_id: None,
            }],
            hero: Some(Hero {
                photos: vec![
                    HeroPhoto {
                        photo_id: 1,
                        crop: None,
                    },
                    HeroPhoto {
                        photo_id: 2,
                        crop: None,
                    },
                ],
                edited_by: Some(line.to_string()),
            }),
            ..Default::default()
        })
        .unwrap();
    ws.add_note(&a.slug, all).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = ws
        .export(
            &a.slug,
            out.path(),
            &ExportOptions { zip: false },
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("export");
    (dir, out, report.path)
}

#[test]
fn the_whole_corpus_in_every_field_reaches_the_package_only_as_text() {
    let all = corpus().join("\n");
    let line = corpus().join(" ");
    let tags: Vec<String> = corpus().into_iter().take(20).collect();
    let (_d, _o, pkg) = package(&all, &line, tags.clone());
    let html = std::fs::read_to_string(pkg.join("index.html")).unwrap();
    let (page, ld) = split_page(&html);
    // The head's own <meta> and <link> elements are the template's: as many as a page of
    // plain words with as many tags has. Anything else is markup that got through.
    let plain_tags: Vec<String> = (0..tags.len()).map(|i| format!("tag {i}")).collect();
    let (_d2, _o2, plain) = package("Plain words.", "Plain words", plain_tags);
    let plain = std::fs::read_to_string(plain.join("index.html")).unwrap();
    let (plain_page, _) = split_page(&plain);
    let found: Vec<String> = dangers(&page)
        .into_iter()
        .filter(|d| d != "<meta>" && d != "<link>")
        .collect();
    assert!(found.is_empty(), "the page carries markup: {found:?}");
    // Outside the body (whose Markdown may hold images and links, sanitized above), the page
    // has exactly the elements of the plain page.
    let outside = |p: &str| -> String {
        let start = p.find("<div class=\"story-body\">").expect("body");
        let end = p.find("<footer class=\"story-footer\">").expect("footer");
        format!("{}{}", &p[..start], &p[end..])
    };
    for tag in [
        "<meta", "<link", "<img", "<a ", "<script", "<source", "<p", "<h",
    ] {
        assert_eq!(
            outside(&page).matches(tag).count(),
            outside(&plain_page).matches(tag).count(),
            "{tag} elements outside the body"
        );
    }
    // The JSON-LD block cannot be closed early, and reads back as the fields' text.
    let json = ld
        .trim_start_matches("<script type=\"application/ld+json\">")
        .trim_end_matches("</script>");
    assert!(
        !json.to_lowercase().contains("</script"),
        "JSON-LD closes early"
    );
    let ld: serde_json::Value = serde_json::from_str(json).expect("JSON-LD parses");
    // A headline is one line: the story keeps it with runs of white space as one space.
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    // The page, JSON-LD and ninjs show it with the story's typography (issue 11); article.md
    // keeps it as typed.
    let shown = dateline::markdown::typeset_text(&line, "es");
    assert_eq!(ld["headline"], serde_json::Value::String(shown.clone()));
    let ninjs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pkg.join("article.ninjs.json")).unwrap())
            .expect("ninjs parses");
    assert_eq!(
        ninjs["headlines"][0]["value"],
        serde_json::Value::String(shown)
    );
    // The Markdown file holds the body as it was written, and front matter that reads back.
    let (back, _) =
        dateline::frontmatter::import_file(&pkg.join("article.md")).expect("article.md imports");
    assert_eq!(back.headline, line);
    assert_eq!(back.body, all);
}

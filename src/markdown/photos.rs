//! Photos inside a body: the `![alt](photo:ID)` syntax, finding its references, and rendering
//! a body with each reference replaced by HTML its caller makes.
//!
//! **Syntax.** A photo of the desk is placed in a body as a Markdown image whose address is
//! `photo:` followed by the photo's number: `![Protesters outside the Senate](photo:12)`. A
//! named crop of it is chosen with `#`: `![…](photo:12#wide)`. On a line of its own it becomes
//! a figure with caption and credit; inside a sentence it stays an inline image. The text in
//! the brackets is the alt text; when empty, the photo's own alt text is used.
//!
//! This room only reads the syntax (with comrak, so a `photo:` inside a code span is not a
//! reference) and splices: it does not know where photos live or how they are sized. The caller
//! (the export, a preview) resolves each [`PhotoRef`] into HTML it has escaped itself; that
//! HTML is inserted after sanitizing, in place of a token no writer can type by accident.

use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena};
use sha2::{Digest, Sha256};
use std::hash::{Hash, Hasher};

/// The address scheme of a desk photo in a body.
pub const SCHEME: &str = "photo:";

/// One `![alt](photo:…)` of a body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoRef {
    /// The photo's number, `None` when what follows `photo:` is not a number.
    pub id: Option<i64>,
    /// The named crop after `#`, if any.
    pub crop: Option<String>,
    /// The address as written, for messages (`photo:12#wide`).
    pub target: String,
    /// The alt text written in the brackets (may be empty).
    pub alt: String,
    /// The 1-based line of the body it is on.
    pub line: usize,
    /// Byte range of the whole `![…](…)` in the body.
    span: (usize, usize),
}

/// The body with the address of each photo reference replaced by `to(address)` where it
/// gives one (`photo:12#wide` → `photo:<global id>#wide` for the newsroom, and back); only
/// real references change, never an example in code. Issue 13.
pub fn rewrite_photo_targets(markdown: &str, to: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for r in photo_refs(markdown) {
        let (start, end) = r.span;
        let Some(new) = to(&r.target) else {
            continue;
        };
        let Some(pos) = markdown
            .get(start..end)
            .and_then(|whole| whole.rfind(r.target.as_str()))
        else {
            continue;
        };
        if start + pos < at {
            continue;
        }
        out.push_str(&markdown[at..start + pos]);
        out.push_str(&new);
        at = start + pos + r.target.len();
    }
    out.push_str(&markdown[at..]);
    out
}

/// Every photo reference of a body, in reading order.
pub fn photo_refs(markdown: &str) -> Vec<PhotoRef> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, super::options());
    let starts = line_starts(markdown);
    let mut refs = Vec::new();
    for node in root.descendants() {
        let data = node.data.borrow();
        let NodeValue::Image(link) = &data.value else {
            continue;
        };
        let Some(rest) = link.url.strip_prefix(SCHEME) else {
            continue;
        };
        let (number, crop) = match rest.split_once('#') {
            Some((n, c)) => (n, Some(c.trim().to_string()).filter(|c| !c.is_empty())),
            None => (rest, None),
        };
        let mut alt = String::new();
        for d in node.descendants().skip(1) {
            match &d.data.borrow().value {
                NodeValue::Text(t) => alt.push_str(t),
                NodeValue::Code(c) => alt.push_str(&c.literal),
                NodeValue::SoftBreak | NodeValue::LineBreak => alt.push(' '),
                _ => {}
            }
        }
        let sp = data.sourcepos;
        let (Some(start), Some(end)) = (
            offset(&starts, sp.start.line, sp.start.column),
            offset(&starts, sp.end.line, sp.end.column).map(|e| e + 1),
        ) else {
            continue;
        };
        if end > markdown.len() || start >= end || !markdown.is_char_boundary(start) {
            continue;
        }
        refs.push(PhotoRef {
            id: number.trim().parse::<i64>().ok().filter(|&n| n > 0),
            crop,
            target: link.url.clone(),
            alt: alt.trim().to_string(),
            line: sp.start.line,
            span: (start, end),
        });
    }
    refs.sort_by_key(|r| r.span.0);
    refs
}

/// How a reference appears in the rendered body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Alone in its paragraph: replace the paragraph with a `<figure>`.
    Block,
    /// Inside running text: an inline element (`<img>`, `<picture>`).
    Inline,
}

/// Renders `markdown` like [`super::render`], with each photo reference replaced by the HTML
/// `resolve` returns for it. `resolve` gets the reference and where it stands, and must return
/// HTML it has escaped itself (it is inserted after the sanitizer); `None` drops the reference.
pub fn render_with_photos(
    markdown: &str,
    language: &str,
    resolve: &dyn Fn(&PhotoRef, Placement) -> Option<String>,
) -> String {
    match Marked::new(markdown, &token_nonce(markdown)) {
        Some(m) => m.resolve(super::render(&m.text, language), resolve),
        None => super::render(markdown, language),
    }
}

/// A body whose photo references are replaced by placeholder words, which the render keeps
/// as they are (a paragraph of its own, or a word in running text) for [`Marked::resolve`] to
/// replace with HTML after the sanitizer. A placeholder names the reference's position and a
/// hash of what it says, so equal placeholders stand for equal references (the preview's
/// block cache relies on it).
pub(crate) struct Marked {
    /// The body with placeholders.
    pub text: String,
    tokens: Vec<(String, PhotoRef)>,
}

impl Marked {
    /// `None` when the body has no photo reference.
    pub(crate) fn new(markdown: &str, nonce: &str) -> Option<Self> {
        let refs = photo_refs(markdown);
        if refs.is_empty() {
            return None;
        }
        let mut text = String::with_capacity(markdown.len());
        let mut tokens = Vec::with_capacity(refs.len());
        let mut at = 0;
        for (i, r) in refs.into_iter().enumerate() {
            if r.span.0 < at {
                continue;
            }
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (&r.target, &r.alt).hash(&mut h);
            let token = format!("DLPHOTO{nonce}N{i}H{:x}Z", h.finish());
            text.push_str(&markdown[at..r.span.0]);
            text.push_str(&token);
            at = r.span.1;
            tokens.push((token, r));
        }
        text.push_str(&markdown[at..]);
        Some(Self { text, tokens })
    }

    /// `html` (rendered and sanitized from [`Marked::text`]) with each placeholder replaced by
    /// what `resolve` gives for its reference.
    pub(crate) fn resolve(
        &self,
        mut html: String,
        resolve: &dyn Fn(&PhotoRef, Placement) -> Option<String>,
    ) -> String {
        for (t, r) in &self.tokens {
            if !html.contains(t.as_str()) {
                continue;
            }
            let block = format!("<p>{t}</p>");
            if html.contains(&block) {
                let with = resolve(r, Placement::Block).unwrap_or_default();
                html = html.replace(&block, &with);
            }
            if html.contains(t.as_str()) {
                let with = resolve(r, Placement::Inline).unwrap_or_default();
                html = html.replace(t.as_str(), &with);
            }
        }
        html
    }
}

/// A nonce derived from the body, so the placeholder cannot already be in it: a writer would
/// have to type the hash of the text that contains it.
fn token_nonce(markdown: &str) -> String {
    let digest = Sha256::digest(markdown.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn line_starts(s: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(s.match_indices('\n').map(|(i, _)| i + 1));
    v
}

/// Byte offset of a 1-based line and byte column.
fn offset(starts: &[usize], line: usize, column: usize) -> Option<usize> {
    let start = *starts.get(line.checked_sub(1)?)?;
    Some(start + column.checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_targets_are_rewritten_outside_code_only_issue_13() {
        let body = "Text ![a](photo:12#wide) and `![b](photo:12)`.\n\n    ![c](photo:12)\n\n![d](photo:3)\n";
        let out = rewrite_photo_targets(body, |t| match t {
            "photo:12#wide" => Some("photo:abc#wide".into()),
            "photo:3" => Some("photo:xyz".into()),
            _ => None,
        });
        assert_eq!(
            out,
            "Text ![a](photo:abc#wide) and `![b](photo:12)`.\n\n    ![c](photo:12)\n\n![d](photo:xyz)\n"
        );
        assert_eq!(rewrite_photo_targets(body, |_| None), body);
    }

    fn check(body: &str, expected: &[(Option<i64>, Option<&str>, &str, usize)]) {
        let refs = photo_refs(body);
        let got: Vec<(Option<i64>, Option<&str>, &str, usize)> = refs
            .iter()
            .map(|r| (r.id, r.crop.as_deref(), r.alt.as_str(), r.line))
            .collect();
        assert_eq!(got, expected, "{body}");
    }

    #[test]
    fn finds_photo_references_and_nothing_else() {
        check(
            "![A lectern](photo:12)",
            &[(Some(12), None, "A lectern", 1)],
        );
        check(
            "Text\n\n![](photo:3#wide)\n",
            &[(Some(3), Some("wide"), "", 3)],
        );
        check("![x](photo:abc)", &[(None, None, "x", 1)]);
        check("![x](https://example.com/a.jpg)", &[]);
        check("`![x](photo:1)`", &[]);
        check("```\n![x](photo:1)\n```", &[]);
        check(
            "Café ![a *b*](photo:1) and ![c](photo:2).",
            &[(Some(1), None, "a b", 1), (Some(2), None, "c", 1)],
        );
    }

    #[test]
    fn replaces_references_with_resolved_html() {
        let html = render_with_photos(
            "Before.\n\n![A lectern](photo:12)\n\nSee ![icon](photo:3) here.",
            "en",
            &|r, p| {
                Some(match p {
                    Placement::Block => format!("<figure>{}</figure>", r.id.unwrap_or(0)),
                    Placement::Inline => format!("<img alt=\"{}\">", r.alt),
                })
            },
        );
        assert_eq!(
            html,
            "<p>Before.</p>\n<figure>12</figure>\n<p>See <img alt=\"icon\"> here.</p>\n"
        );
    }

    #[test]
    fn a_body_without_photos_renders_as_usual() {
        assert_eq!(
            render_with_photos("Hi *there*", "en", &|_, _| None),
            super::super::render("Hi *there*", "en")
        );
    }
}

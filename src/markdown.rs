//! Markdown → HTML: the one render function that the preview, the CLI and every export use,
//! so what the writer sees is what is published.
//!
//! This is the only room that imports comrak and ammonia. Raw HTML in a body is allowed
//! through comrak and then cleaned by ammonia, so a harmless `<sup>` survives while `<script>`,
//! event-handler attributes and `javascript:` URLs never reach any output.

use std::sync::OnceLock;

use comrak::{markdown_to_html, Options};

/// Renders an article body (Markdown, GFM flavoured) into sanitized HTML.
///
/// `language` is the article's BCP 47 tag; it chooses the typography of smart punctuation.
pub fn render(markdown: &str, language: &str) -> String {
    let html = markdown_to_html(markdown, options());
    let html = sanitizer().clean(&html).to_string();
    typography(&html, language)
}

/// Words in a Markdown body, as a reader would count them (markup characters are not words).
pub fn word_count(markdown: &str) -> u32 {
    markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u32
}

fn options() -> &'static Options<'static> {
    static OPTIONS: OnceLock<Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut o = Options::default();
        o.extension.strikethrough = true;
        o.extension.table = true;
        o.extension.autolink = true;
        o.extension.tasklist = true;
        o.extension.footnotes = true;
        o.extension.header_id_prefix = Some(String::new());
        o.parse.smart = true;
        // Raw HTML is passed through to the sanitizer, which is the single gate.
        o.render.r#unsafe = true;
        o
    })
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tags(["input", "figure", "figcaption", "section", "mark"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("h1", ["id"])
            .add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("sup", ["id", "class"])
            .add_tag_attributes("a", ["id", "class", "aria-label"])
            .add_tag_attributes("section", ["class"])
            .add_tag_attributes("td", ["align"])
            .add_tag_attributes("th", ["align"])
            .add_generic_attribute_prefixes(["data-footnote"])
            .link_rel(Some("noopener noreferrer"));
        b
    })
}

/// Applies the typography of the article's language to text that comrak's smart punctuation
/// produced in English style.
fn typography(html: &str, language: &str) -> String {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "es" => html.replace('“', "«").replace('”', "»"),
        _ => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_gfm() {
        let html = render(
            "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.com",
            "en",
        );
        assert!(html.contains("<h1 id=\"title\">"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>gone</del>"), "{html}");
        assert!(html.contains("href=\"http://www.example.com\""), "{html}");
    }

    #[test]
    fn scripts_never_survive() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
            "en",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn quotes_follow_the_language() {
        assert!(render("He said \"yes\".", "en").contains("“yes”"));
        assert!(render("Dijo \"sí\".", "es").contains("«sí»"));
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("# Hello, *world* — again"), 3);
    }
}

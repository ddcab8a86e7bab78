//! Markdown → HTML: the one render function that the preview, the CLI and every export use,
//! so what the writer sees is what is published.
//!
//! This is the only room that imports comrak and ammonia. Raw HTML in a body is allowed
//! through comrak and then cleaned by ammonia, so a harmless `<sup>` survives while `<script>`,
//! event-handler attributes and `javascript:` URLs never reach any output.
//!
//! Smart punctuation is not comrak's (which knows only English): the body is parsed with
//! `smart = false`, and the text nodes of each paragraph, heading and table cell are handed to
//! [`typography`], which applies the rules of the article's language. Code spans, code blocks,
//! raw HTML and autolinked URLs are never handed over, so code is never touched.

mod blocks;
mod nesting;
pub mod photos;
mod typography;

use std::borrow::Cow;
use std::sync::OnceLock;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{format_html, parse_document, Arena, Options};

pub use blocks::{render_blocks, BlockCache, PreviewBlock, PreviewRender};
pub use nesting::{nesting, MAX_NESTING};
pub use typography::Lang;
use typography::Piece;

/// Renders an article body (Markdown, GFM flavoured) into sanitized HTML.
///
/// `language` is the article's BCP 47 tag; it chooses the typography of smart punctuation
/// (Spanish for `es` and `es-*`, English for every other tag).
pub fn render(markdown: &str, language: &str) -> String {
    sanitize(&unsanitized_html(markdown, Some(Lang::from_tag(language))))
}

/// A line of plain text — a headline, a dek — with the language's typography (curly quotes,
/// apostrophes, dashes), as the body gets it. Plain text in, plain text out: the caller
/// escapes it for wherever it goes. The stored text stays as typed.
pub fn typeset_text(text: &str, language: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    typography::typeset(&[Piece::Text(text.to_string())], Lang::from_tag(language))
        .pop()
        .unwrap_or_else(|| text.to_string())
}

/// comrak's HTML, with the language's typography when `lang` is given. Not safe to show:
/// only [`render`] (which sanitizes it) leaves this room.
fn unsanitized_html(markdown: &str, lang: Option<Lang>) -> String {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, options());
    if let Some(lang) = lang {
        typeset_all(root, lang);
    }
    format(root, lang)
}

/// The language's typography over every paragraph, heading and table cell of `root`.
fn typeset_all<'a>(root: &'a AstNode<'a>, lang: Lang) {
    for node in root.descendants() {
        let is_inline_block = matches!(
            node.data.borrow().value,
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
        );
        if is_inline_block {
            typeset_block(node, lang);
        }
    }
}

fn format<'a>(root: &'a AstNode<'a>, lang: Option<Lang>) -> String {
    let mut html = String::new();
    if format_html(root, options(), &mut html).is_err() {
        // Writing into a String cannot fail; were it to, show nothing rather than half a page.
        return String::new();
    }
    match lang {
        Some(Lang::Spanish) => heading_links(html, "es"),
        _ => html,
    }
}

/// comrak names each subhead's anchor for screen readers in English ("Link to heading
/// 'Reaction'"); a story in another language says it in its own words (`heading-link` in its
/// page catalogue). The label's text is comrak's, already escaped for the attribute, and ends
/// at the first `'"` (a `"` inside it is `&quot;`).
fn heading_links(html: String, language: &str) -> String {
    const START: &str = "aria-label=\"Link to heading '";
    if !html.contains(START) {
        return html;
    }
    let words = crate::i18n::words(language);
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html.as_str();
    while let Some(i) = rest.find(START) {
        out.push_str(&rest[..i]);
        let after = &rest[i + START.len()..];
        let Some(end) = after.find("'\"") else {
            out.push_str(&rest[i..]);
            return out;
        };
        out.push_str("aria-label=\"");
        out.push_str(&words.get("heading-link", &[("heading", &after[..end])]));
        out.push('"');
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

fn sanitize(html: &str) -> String {
    // Serialized straight into one buffer: `Document`'s `to_string` goes through `Display`,
    // which copies the whole page once more.
    let mut out = Vec::with_capacity(html.len() + html.len() / 4);
    if sanitizer().clean(html).write_to(&mut out).is_err() {
        // Writing into a Vec cannot fail; were it to, show nothing rather than half a page.
        return String::new();
    }
    // html5ever writes only UTF-8; were it not to, show nothing rather than guess.
    String::from_utf8(out).map(tidy).unwrap_or_default()
}

/// What the sanitizer leaves that is no longer valid HTML, made valid (issue 11): an `<img>`
/// whose source was removed, or that has no alt text, is dropped (a photo no screen reader
/// can describe is not published, as preflight says of desk photos); an `<a>` whose target
/// was removed becomes its text. Works on the sanitizer's own serialization, where every
/// attribute value is double-quoted and `<a>` never nests.
fn tidy(html: String) -> String {
    if !html.contains("<img") && !html.contains("<a") {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    let mut drop_next_close_a = false;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if drop_next_close_a && rest.starts_with("</a>") {
            drop_next_close_a = false;
            rest = &rest["</a>".len()..];
            continue;
        }
        let is_img = rest.starts_with("<img") && rest[4..].starts_with([' ', '>', '/']);
        let is_a = rest.starts_with("<a") && rest[2..].starts_with([' ', '>']);
        if !is_img && !is_a {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        // The end of the tag: the first `>` outside a quoted value.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(j, _)| j + 1);
        let tag = &rest[..end];
        let has = |attr: &str| tag.contains(&format!(" {attr}=\""));
        if is_img && !(has("src") && has("alt")) {
            // dropped
        } else if is_a && !has("href") && !has("id") {
            drop_next_close_a = true;
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The render's stages one by one, for the benchmark (`benches/render.rs`) to show where the
/// time goes. Their output is not sanitized (except `sanitize`'s): never show it.
#[doc(hidden)]
pub mod bench_stages {
    pub fn comrak_only(markdown: &str) -> String {
        super::unsanitized_html(markdown, None)
    }
    pub fn comrak_typography(markdown: &str, language: &str) -> String {
        super::unsanitized_html(markdown, Some(super::Lang::from_tag(language)))
    }
    pub fn sanitize(html: &str) -> String {
        super::sanitize(html)
    }
}

/// Rewrites the text nodes inside one block with the language's punctuation.
fn typeset_block<'a>(block: &'a AstNode<'a>, lang: Lang) {
    let mut pieces = Vec::new();
    let mut text_nodes = Vec::new();
    for child in block.children() {
        collect_inline(child, &mut pieces, &mut text_nodes);
    }
    if text_nodes.is_empty() || !typography::needs_typesetting(&pieces, lang) {
        return;
    }
    let typeset = typography::typeset(&pieces, lang);
    for (node, new) in text_nodes.into_iter().zip(typeset) {
        let mut data = node.data.borrow_mut();
        if let NodeValue::Text(ref mut t) = data.value {
            if *t != new {
                *t = Cow::Owned(new);
            }
        }
    }
}

/// Flattens an inline node into pieces, in reading order, remembering which text node each
/// text piece came from. It walks with a stack of its own rather than recursing: emphasis can
/// nest as deep as the text is long (`*****…a…*****`), deeper than any thread's stack.
fn collect_inline<'a>(
    node: &'a AstNode<'a>,
    pieces: &mut Vec<Piece>,
    text_nodes: &mut Vec<&'a AstNode<'a>>,
) {
    let mut todo = vec![node];
    while let Some(node) = todo.pop() {
        let value = &node.data.borrow().value;
        match value {
            NodeValue::Text(t) => {
                pieces.push(Piece::Text(t.to_string()));
                text_nodes.push(node);
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => pieces.push(Piece::Break),
            // An autolinked URL shows its address as text: it is an address, not prose.
            NodeValue::Link(link) if is_autolink(node, &link.url) => pieces.push(Piece::Atom),
            NodeValue::Link(_)
            | NodeValue::Image(_)
            | NodeValue::Emph
            | NodeValue::Strong
            | NodeValue::Strikethrough
            | NodeValue::Superscript
            | NodeValue::Subscript
            | NodeValue::Underline
            | NodeValue::Highlight
            | NodeValue::Insert
            | NodeValue::SpoileredText
            | NodeValue::Escaped => {
                // Children in reverse, so the first is taken next: reading order.
                todo.extend(node.reverse_children());
            }
            // Code spans, raw HTML, math, footnote marks and anything new stay as they are.
            _ => pieces.push(Piece::Atom),
        }
    }
}

/// A link whose only text is its own address (`www.example.com`, `<https://…>`).
fn is_autolink<'a>(node: &'a AstNode<'a>, url: &str) -> bool {
    let mut children = node.children();
    match (children.next(), children.next()) {
        (Some(only), None) => match &only.data.borrow().value {
            NodeValue::Text(t) => url.ends_with(t.as_ref()),
            _ => false,
        },
        _ => false,
    }
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
        // Smart punctuation is ours, by language (see `typography`).
        o.parse.smart = false;
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

/// Text made safe inside HTML or XML text and double- or single-quoted attributes. The one
/// escape for markup Dateline writes itself (export pages, XMP packets, search snippets).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
    fn issue11_what_the_sanitizer_removes_leaves_valid_html() {
        let html = render(
            "a <img src=x onerror=alert(1)> b <img src=\"javascript:x\" alt=\"y\"> \
             [link](javascript:alert(1)) and <a href=\"https://example.com/a>b\">ok</a>",
            "en",
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a  b  link and"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.com/a&gt;b\"")
                || html.contains("<a href=\"https://example.com/a>b\""),
            "{html}"
        );
        let kept = render("![A map](https://example.com/m.png)", "en");
        assert!(
            kept.contains("<img src=\"https://example.com/m.png\" alt=\"A map\">"),
            "{kept}"
        );
        // A footnote's back-reference anchors keep their ids.
        let notes = render("Text[^1].\n\n[^1]: Note.", "en");
        assert!(notes.contains("<a href=\"#fn-1\""), "{notes}");
    }

    /// Renders `markdown` in `language` and expects exactly `expected` (one paragraph or
    /// block, without the trailing newline).
    fn check(language: &str, markdown: &str, expected: &str) {
        let html = render(markdown, language);
        assert_eq!(html.trim_end(), expected, "{language}: {markdown}");
    }

    #[test]
    fn typography_follows_the_language_and_spares_code() {
        let cases = [
            ("en", "He said \"yes\".", "<p>He said “yes”.</p>"),
            ("es", "Dijo \"sí\".", "<p>Dijo «sí».</p>"),
            ("es-419", "Dijo \"sí\".", "<p>Dijo «sí».</p>"),
            ("en", "\"*word*\"", "<p>“<em>word</em>”</p>"),
            ("es", "\"**palabra** dicha\"", "<p>«<strong>palabra</strong> dicha»</p>"),
            ("en", "Run `a -- \"b\" ...` now", "<p>Run <code>a -- \"b\" ...</code> now</p>"),
            ("es", "Usa `\"x\"` --dijo--.", "<p>Usa <code>\"x\"</code> —dijo—.</p>"),
            ("en", "\"`code`\" here", "<p>“<code>code</code>” here</p>"),
            ("en", "```\n\"fenced\" -- ...\n```", "<pre><code>\"fenced\" -- ...\n</code></pre>"),
            ("es", "    \"indentado\" --", "<pre><code>\"indentado\" --\n</code></pre>"),
            ("en", "<span title=\"a--b\">x</span> \"y\"", "<p><span title=\"a--b\">x</span> “y”</p>"),
            ("en", "see www.example.com/a--b...", "<p>see <a href=\"http://www.example.com/a--b\" rel=\"noopener noreferrer\">www.example.com/a--b</a>…</p>"),
            ("en", "[\"Quoted\" link](https://example.com/a--b)", "<p><a href=\"https://example.com/a--b\" rel=\"noopener noreferrer\">“Quoted” link</a></p>"),
            ("es", "# \"Titular\" -- sí", "<h1 id=\"titular--sí\">«Titular» — sí<a href=\"#titular--sí\" aria-label=\"Enlace a la sección: «Titular» — sí\" class=\"anchor\" rel=\"noopener noreferrer\"></a></h1>"),
            ("es", "| a |\n|---|\n| \"celda\" |", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>«celda»</td>\n</tr>\n</tbody>\n</table>"),
            ("es", "-¿Vienes? -preguntó.", "<p>—¿Vienes? —preguntó.</p>"),
            ("es", "Subió un 25 %.", "<p>Subió un 25&nbsp;%.</p>"),
            ("en", "one\n\"two\"", "<p>one\n“two”</p>"),
        ];
        for (language, markdown, expected) in cases {
            check(language, markdown, expected);
        }
    }

    /// The render's bytes on every shared fixture in both languages, pinned so that work on
    /// its speed (docs/PERFORMANCE.md) cannot change what it outputs unnoticed. The hashes are
    /// of the output before issue 15's speed work; the Spanish ones were re-pinned when a
    /// Spanish subhead's anchor got its Spanish label (`heading-link`), after checking that
    /// putting comrak's English label back gives the old hashes. Were a fixture to change, re-pin
    /// only after checking the new output against the render of the commit before.
    #[test]
    fn the_fixtures_render_exactly_as_pinned() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles");
        let pinned = [
            (
                "18f-how-to-use-more-open-source.md",
                "en",
                "d4ddd8bdda686ce98e3ef02868baa1ff04e44eed6295c74612f4fd4a636fd160",
            ),
            (
                "18f-how-to-use-more-open-source.md",
                "es",
                "2ac09879c4de319dc1c048e6980dc940bb1401b92ee35f7da80679938d0369ea",
            ),
            (
                "18f-micro-purchase-design-philosophy.md",
                "en",
                "18c76bb17d08b2bd75704f8c542a0cb5b981214395530ce6d8405fb25e9c05bb",
            ),
            (
                "18f-micro-purchase-design-philosophy.md",
                "es",
                "149a73081caa690c0440f9aab20de12b5ba491d752c9757ad67d60abb6de4140",
            ),
            (
                "SOURCES.md",
                "en",
                "ea205671e16ccb10afe52f5b263fc4f97a52c75ddb03242f5b94a1cf3cba9991",
            ),
            (
                "SOURCES.md",
                "es",
                "871463882cc8726a61365080858ae5aa1190917bb977cc525f8e18c5acc49da0",
            ),
            (
                "digitalgov-true-value-of-a-website.md",
                "en",
                "843b91b8bd56ba00233f6a97a0333296e1b5e17926f22c7af60b84ca7d92d97c",
            ),
            (
                "digitalgov-true-value-of-a-website.md",
                "es",
                "27d1269351dd325a4cce85f26eaa171e22b035ffbc25d871d8e83638e28e733a",
            ),
            (
                "rustblog-i128-layout-update.md",
                "en",
                "0a83288b10eefb375c8ae4e7ce1ad02ca21a6656547902b37ea1846527187848",
            ),
            (
                "rustblog-i128-layout-update.md",
                "es",
                "175e4448b5742b51dd3bad6dc11271861770b838cdcfc9fb7fe829f912b05023",
            ),
            (
                "rustblog-test-infra-jan-feb-2025.md",
                "en",
                "72ae0566e3beeff127080382fe9b1a6e14c1b5253b317e55c8055e4600eb6a99",
            ),
            (
                "rustblog-test-infra-jan-feb-2025.md",
                "es",
                "c3fde658169cd6994925e7f0c05a89938668441848f61c40ea17d163db311965",
            ),
            (
                "rustblog-what-do-people-love-about-rust.md",
                "en",
                "de853a53ad23daf65dd4eecf6746df997082270fb7ab7c63f32cd1242db99dd4",
            ),
            (
                "rustblog-what-do-people-love-about-rust.md",
                "es",
                "12d93742633e1857d4ef237bf155f66f8e09b71c556deb17485a34bbaff0bc0f",
            ),
            (
                "stress-1mb.md",
                "en",
                "9ae7cca5744b500c5c72c89c2e07fa77e499196f2800ebfa435225cc67568d82",
            ),
            (
                "stress-1mb.md",
                "es",
                "72c03031cb0118215be3d83ba4e932af6507326366b9c75d50dda4854aa1afa6",
            ),
            (
                "synthetic-long-article-10k.md",
                "en",
                "067af0f9c8f22c42a84d69fcea569d09a0d99a15f4b5bbe99a699e8edea6025b",
            ),
            (
                "synthetic-long-article-10k.md",
                "es",
                "df04b1932887184140e54cdc77aec518ba931f20463e8701561495c78c9e2cac",
            ),
        ];
        for (file, language, sha256) in pinned {
            let md = std::fs::read_to_string(dir.join(file))
                .unwrap_or_else(|e| panic!("{file}: {e} (the shared fixtures are needed)"));
            let html = render(&md, language);
            assert_eq!(
                crate::durable::sha256_hex(html.as_bytes()),
                sha256,
                "{file} in {language}"
            );
        }
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("# Hello, *world* — again"), 3);
    }
}

//! The live preview's render, one top-level block at a time (issue 15): the same HTML as
//! [`super::render`], cut at the body's top-level blocks so a keystroke costs one block.
//!
//! comrak parses and formats the **whole** body each time — that is cheap, and it is what
//! settles everything that crosses blocks exactly as the export does: reference-link
//! definitions, footnote numbers and the footnotes section, heading ids made unique across the
//! body, loose lists, fenced code with blank lines, setext headings, tables. Between the
//! top-level nodes of comrak's tree a marker is placed, so the formatted HTML splits into one
//! piece per top-level block (the footnotes section, which comrak gathers at the end, is one
//! piece). The costly part — sanitizing — is then done per piece and cached by a hash of the
//! piece's unsanitized HTML (which already holds the language's typography), so an edit
//! sanitizes only the block it changed.
//!
//! Sanitizing piece by piece gives the same bytes as sanitizing the whole only when each piece
//! leaves the HTML parser where it found it: raw HTML that opens an element in one block and
//! closes it in another (`<div>`, blank line, text, blank line, `</div>`) does not. Pieces are
//! therefore grouped: a group ends only where every element opened since its start is closed
//! (`closes_cleanly`); anything the check does not follow (an unclosed comment, misnesting,
//! `<template>`, `<svg>`…) makes the rest of the body one group — a whole render, as before.
//! `tests/preview_blocks.rs` checks that the groups joined are byte-identical to
//! [`super::render`] on every fixture and after random edits.

use std::collections::hash_map::{DefaultHasher, RandomState};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::OnceLock;

use comrak::nodes::{Ast, AstNode, LineColumn, NodeHtmlBlock, NodeValue};
use comrak::{parse_document, Arena};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::photos::{Marked, PhotoRef, Placement};
use super::{format, options, sanitize, typeset_all, Lang};

/// Placed between top-level blocks in comrak's output; never written by a writer (a body that
/// holds it is rendered as one piece).
const MARK: &str = "<!--\u{1}dateline-block\u{1}-->\n";

/// One top-level block of the preview (or a group of blocks that raw HTML ties together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewBlock {
    /// A hash of the block's HTML before sanitizing: equal keys, equal HTML.
    pub key: String,
    /// The block's sanitized HTML; `None` when the page already holds this key's HTML from
    /// the render it named (`since`).
    pub html: Option<String>,
}

/// The preview's body as blocks, in order: their HTML joined is `markdown::render`'s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewRender {
    /// This render's number, to name as `since` in the next request.
    pub id: u32,
    pub blocks: Vec<PreviewBlock>,
}

/// comrak's HTML (with typography), unsanitized, in pieces grouped so that each group can be
/// sanitized on its own. Not safe to show.
fn groups(markdown: &str, lang: Lang) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, options());
    typeset_all(root, lang);
    if markdown.contains("dateline-block") {
        return vec![format(root, Some(lang))];
    }
    let tops: Vec<&AstNode<'_>> = root.children().collect();
    let mut in_footnotes = false;
    for (i, node) in tops.iter().enumerate() {
        let is_note = matches!(node.data.borrow().value, NodeValue::FootnoteDefinition(_));
        // comrak gathers the footnote definitions at the end, in one section: one piece.
        if i == 0 || in_footnotes {
            in_footnotes |= is_note;
            continue;
        }
        in_footnotes = is_note;
        let mark = arena.alloc(AstNode::new(
            Ast::new(
                NodeValue::HtmlBlock(NodeHtmlBlock {
                    block_type: 6,
                    literal: MARK.to_string(),
                }),
                LineColumn { line: 0, column: 0 },
            )
            .into(),
        ));
        node.insert_before(mark);
    }
    let html = format(root, Some(lang));
    let mut out: Vec<String> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut tangled = false;
    let mut current = String::new();
    for piece in html.split(MARK) {
        current.push_str(piece);
        if !tangled && !closes_cleanly(piece, &mut open) {
            tangled = true;
        }
        if !tangled && open.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

/// The body in blocks of sanitized HTML, in order; joined, they are [`super::render`]'s
/// output (without a cache: for tests and the benchmark).
pub fn render_blocks(markdown: &str, language: &str) -> Vec<String> {
    groups(markdown, Lang::from_tag(language))
        .iter()
        .map(|g| sanitize(g))
        .collect()
}

fn key_of(html: &str) -> u64 {
    let mut h = DefaultHasher::new();
    html.hash(&mut h);
    h.finish()
}

/// The preview's renderer: keeps each block's sanitized HTML by the hash of its unsanitized
/// HTML, and remembers which blocks the page was last sent, so a render sends only the HTML
/// of blocks the page does not hold.
#[derive(Default)]
pub struct BlockCache {
    sanitized: HashMap<u64, String>,
    last_id: u32,
    sent: HashSet<u64>,
}

impl BlockCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Renders `markdown` as blocks. `since` is the id of the render the page shows; when it
    /// is this cache's last one, blocks the page holds come without their HTML.
    pub fn render(&mut self, markdown: &str, language: &str, since: Option<u32>) -> PreviewRender {
        // Photos in the text: each reference becomes a placeholder for the render and, after
        // the sanitizer, an image the page points at the photo (`data-photo-id`), as the
        // export's figures stand where the references were.
        let marked = Marked::new(markdown, preview_nonce());
        let source = marked.as_ref().map_or(markdown, |m| m.text.as_str());
        let groups = groups(source, Lang::from_tag(language));
        let page_has = since.is_some_and(|s| s == self.last_id && s != 0);
        let mut kept: HashMap<u64, String> = HashMap::with_capacity(groups.len());
        let mut blocks = Vec::with_capacity(groups.len());
        let mut sent = HashSet::with_capacity(groups.len());
        for g in &groups {
            let k = key_of(g);
            let html = match kept.get(&k) {
                Some(h) => h.clone(),
                None => {
                    let h = self.sanitized.remove(&k).unwrap_or_else(|| match &marked {
                        Some(m) => m.resolve(sanitize(g), &preview_photo),
                        None => sanitize(g),
                    });
                    kept.insert(k, h.clone());
                    h
                }
            };
            let known = (page_has && self.sent.contains(&k)) || sent.contains(&k);
            sent.insert(k);
            blocks.push(PreviewBlock {
                key: format!("{k:016x}"),
                html: (!known).then_some(html),
            });
        }
        self.sanitized = kept;
        self.sent = sent;
        self.last_id = self.last_id.wrapping_add(1).max(1);
        PreviewRender {
            id: self.last_id,
            blocks,
        }
    }
}

/// The preview's placeholder nonce: random per process, so a writer cannot type one.
fn preview_nonce() -> &'static str {
    static NONCE: OnceLock<String> = OnceLock::new();
    NONCE.get_or_init(|| {
        let mut h = RandomState::new().build_hasher();
        h.write_u8(0);
        format!("{:016x}", h.finish())
    })
}

/// A photo of the text as the preview shows it: the page sets the image's address from
/// `data-photo-id` (the window's own photo scheme) and a figure's caption line from
/// `data-caption-for` (the photo desk's words, which this render does not know); the alt
/// text is the reference's.
fn preview_photo(r: &PhotoRef, placement: Placement) -> Option<String> {
    let id = r.id?;
    let img = format!(
        r#"<img class="body-photo" data-photo-id="{id}" alt="{}">"#,
        super::escape(&r.alt)
    );
    Some(match placement {
        Placement::Block => format!(
            r#"<figure class="body-figure">{img}<figcaption class="body-caption" data-caption-for="{id}"></figcaption></figure>"#
        ),
        Placement::Inline => img,
    })
}

/// Elements that never have children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements whose content is not parsed as tags.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements that change how what follows them is parsed (another namespace, another
/// document part, a form pointer): never followed.
const UNFOLLOWED: &[&str] = &[
    "plaintext",
    "template",
    "html",
    "head",
    "body",
    "frameset",
    "frame",
    "svg",
    "math",
    "select",
    "form",
];

/// Follows the elements `html` opens and closes, on top of `open` (those still open before
/// it). False when it cannot vouch that an HTML parser, once `open` is empty, is back where it
/// started: misnesting (which is also how an implied end — `<li>` after `<li>`, a `<td>`
/// left open — shows), an unterminated tag or comment, or an element of `UNFOLLOWED`.
fn closes_cleanly(html: &str, open: &mut Vec<String>) -> bool {
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let j = i + off;
        let rest = &html[j..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(k) => i = j + 4 + k + 3,
                None => return false,
            }
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            match rest.find('>') {
                Some(k) => i = j + k + 1,
                None => return false,
            }
            continue;
        }
        let closing = rest.starts_with("</");
        let name_at = if closing { 2 } else { 1 };
        let name: String = rest[name_at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = j + 1;
            continue;
        }
        let Some(end) = tag_end(rest) else {
            return false;
        };
        i = j + end;
        let name = name.to_ascii_lowercase();
        if closing {
            if open.last() == Some(&name) {
                open.pop();
            } else if open.contains(&name) {
                return false;
            }
            // A stray end tag is ignored (or, `</p>` `</br>`, makes an element it closes at
            // once): it leaves nothing open.
            continue;
        }
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if UNFOLLOWED.contains(&name.as_str()) {
            return false;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let lower = html[i..].to_ascii_lowercase();
            match lower.find(&format!("</{name}")) {
                Some(k) => match tag_end(&html[i + k..]) {
                    Some(e) => i += k + e,
                    None => return false,
                },
                None => return false,
            }
            continue;
        }
        open.push(name);
    }
    true
}

/// The length of the tag at the start of `rest` (to its `>` outside a quoted value).
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (k, c) in rest.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '>' => return Some(k + 1),
            None if (c == '"' || c == '\'') && prev == '=' => quote = Some(c),
            None => {}
        }
        if !c.is_whitespace() {
            prev = c;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_across_blocks_is_one_group() {
        let md = "Intro.\n\n<div>\n\nInside.\n\n</div>\n\nAfter.\n";
        let blocks = render_blocks(md, "en");
        assert_eq!(blocks.concat(), super::super::render(md, "en"));
        assert_eq!(blocks.len(), 3, "{blocks:?}");
    }

    #[test]
    fn the_page_is_sent_only_what_it_lacks() {
        let mut cache = BlockCache::new();
        let a = cache.render("One.\n\nTwo.\n", "en", None);
        assert!(a.blocks.iter().all(|b| b.html.is_some()));
        let b = cache.render("One.\n\nTwo!\n", "en", Some(a.id));
        assert_eq!(b.blocks[0].key, a.blocks[0].key);
        assert_eq!(b.blocks[0].html, None);
        assert!(b.blocks[1].html.is_some());
        // A page that lost track (another id) gets everything.
        let c = cache.render("One.\n\nTwo!\n", "en", Some(a.id));
        assert!(c.blocks.iter().all(|b| b.html.is_some()));
    }
}

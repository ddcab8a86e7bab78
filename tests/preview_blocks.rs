//! The preview's render in blocks (issue 15) shows exactly what the export publishes: on every
//! fixture, in both languages, on the constructs that cross blocks, and after random
//! single-character edits, the blocks joined — as the page assembles them from a
//! `BlockCache`, which sends only what the page lacks — are byte-identical to
//! `markdown::render`.

use std::collections::HashMap;
use std::path::Path;

use dateline::markdown::{self, BlockCache, PreviewRender};

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).expect("the shared fixtures are needed") {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    out.sort();
    assert!(out.len() >= 5, "fixtures in {}", dir.display());
    out
}

/// What the page holds: each key's HTML, as it was sent.
#[derive(Default)]
struct Page {
    id: Option<u32>,
    known: HashMap<String, String>,
}

impl Page {
    fn take(&mut self, r: PreviewRender) -> String {
        let mut next = HashMap::new();
        let mut body = String::new();
        for b in r.blocks {
            let html = match b.html {
                Some(h) => h,
                None => next
                    .get(&b.key)
                    .or_else(|| self.known.get(&b.key))
                    .cloned()
                    .unwrap_or_else(|| panic!("block {} sent without HTML the page lacks", b.key)),
            };
            body.push_str(&html);
            next.insert(b.key, html);
        }
        self.known = next;
        self.id = Some(r.id);
        body
    }
}

fn check(name: &str, md: &str, language: &str, cache: &mut BlockCache, page: &mut Page) {
    let whole = markdown::render(md, language);
    let blocks = markdown::render_blocks(md, language);
    assert_eq!(blocks.concat(), whole, "{name} ({language}): blocks joined");
    let shown = page.take(cache.render(md, language, page.id));
    assert_eq!(shown, whole, "{name} ({language}): the page's assembly");
}

const EDGES: &[(&str, &str)] = &[
    (
        "reference links",
        "See [the report][r] and [again][R].\n\nMore text.\n\n[r]: https://example.com/r \"Title\"\n",
    ),
    (
        "reference definition first, title on its own line",
        "[a]:\n  https://example.com/a\n  'A title'\n\nUses [a].\n\n# Head\n\n[a] again.\n",
    ),
    (
        "footnotes",
        "One[^n] and two[^2].\n\nMiddle paragraph[^n].\n\n[^2]: Second.\n\n[^n]: Named,\n    continued.\n\nAfter the notes.\n",
    ),
    (
        "nested lists with blank lines",
        "- one\n\n  - inner\n\n    more\n\n- two\n\n1. a\n2. b\n\n\n3. c\n",
    ),
    (
        "fenced code with blank lines",
        "Before.\n\n```rust\nfn a() {}\n\n\nfn b() {}\n```\n\n~~~\n\n~~~\n\nAfter.\n",
    ),
    (
        "html blocks",
        "<div class=\"x\">\n\n*inside*\n\n</div>\n\n<p>raw <b>bold</p>\n\nnext\n\n<!-- a\n\ncomment -->\n\nend <sup>1</sup>\n",
    ),
    (
        "raw html left open",
        "Text <span>open\n\nnext <em>x\n\n<table><tr><td>cell\n\nlast\n",
    ),
    (
        "setext headings and thematic breaks",
        "Title\n=====\n\nSub\n---\n\n---\n\nText\n***\n",
    ),
    (
        "tables",
        "| a | b |\n|:--|--:|\n| 1 | \"2\" |\n| x |\n\nafter\n",
    ),
    (
        "duplicate headings",
        "# Intro\n\ntext\n\n# Intro\n\n## intro\n\n# Intro 1\n",
    ),
    (
        "Spanish dialogue with rayas",
        "-¿Vienes? -preguntó.\n\n-No -dijo ella-. \"Mañana\".\n\n> -Cita -dijo.\n\nSubió un 25 %.\n",
    ),
    (
        "block quotes and lazy lines",
        "> one\nlazy\n\n> two\n>\n> three\n\n    code\n\n\n    more code\n",
    ),
    ("empty", ""),
    ("only blank lines", "\n\n\n"),
    (
        "task lists and autolinks",
        "- [ ] todo\n- [x] done\n\nwww.example.com and <https://a.b/c>\n",
    ),
];

#[test]
fn every_fixture_and_edge_case_in_both_languages() {
    for language in ["en", "es"] {
        let mut cache = BlockCache::new();
        let mut page = Page::default();
        for (name, md) in fixtures() {
            check(&name, &md, language, &mut cache, &mut page);
        }
        for (name, md) in EDGES {
            check(name, md, language, &mut cache, &mut page);
        }
    }
}

/// A small xorshift: the same edits on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_single_character_edits() {
    const CHARS: &[char] = &[
        'a', ' ', '\n', '\n', '*', '_', '`', '#', '-', '>', '[', ']', '(', ')', '<', '"', '\'',
        '|', '^', ':', '1', '.', 'ñ', '—', '~', '!',
    ];
    let mut docs: Vec<(String, String)> = fixtures()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("stress"))
        .collect();
    docs.push((
        "edges".into(),
        EDGES.iter().map(|(_, m)| *m).collect::<Vec<_>>().join("\n"),
    ));
    let edits = std::env::var("DATELINE_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (name, md) in docs {
        for language in ["en", "es"] {
            let mut cache = BlockCache::new();
            let mut page = Page::default();
            let mut text: Vec<char> = md.chars().collect();
            check(&name, &md, language, &mut cache, &mut page);
            for n in 0..edits {
                let at = rng.below(text.len() + 1);
                if rng.below(3) == 0 && at < text.len() {
                    text.remove(at);
                } else {
                    text.insert(at, CHARS[rng.below(CHARS.len())]);
                }
                let now: String = text.iter().collect();
                check(
                    &format!("{name}, edit {n} at {at}"),
                    &now,
                    language,
                    &mut cache,
                    &mut page,
                );
            }
        }
    }
}

#[test]
fn typing_at_the_end_of_the_long_article_resends_one_block() {
    let (_, md) = fixtures()
        .into_iter()
        .find(|(n, _)| n.starts_with("synthetic-long-article-10k"))
        .unwrap();
    let mut cache = BlockCache::new();
    let mut page = Page::default();
    let mut text = format!("{}\n\n", md.trim_end());
    let first = cache.render(&text, "en", None);
    assert!(
        first.blocks.len() > 100,
        "the 10k-word article is cut into blocks, not rendered whole: {} blocks",
        first.blocks.len()
    );
    page.take(first);
    for c in "zq1x typed".chars() {
        text.push(c);
        let r = cache.render(&text, "en", page.id);
        let sent = r.blocks.iter().filter(|b| b.html.is_some()).count();
        // A trailing space changes no HTML: then nothing is sent.
        assert!(sent <= 1, "at most one block's HTML per keystroke: {sent}");
        assert_eq!(page.take(r), markdown::render(&text, "en"));
    }
}

/// A photo in the text shows in the preview where the export puts its figure: a paragraph of
/// its own becomes a figure, a reference inside a sentence an inline image, each naming its
/// photo for the page to point at; the alt text is escaped. Typing elsewhere does
/// not send the photo's block again; a changed reference does.
#[test]
fn photos_in_the_text_show_in_the_preview() {
    let mut cache = BlockCache::new();
    let mut page = Page::default();
    let md = "Uno.\n\n![Barcas & \"remos\"](photo:7)\n\nDos ![](photo:8#cuadrada) tres.\n";
    let shown = page.take(cache.render(md, "es", page.id));
    assert!(
        shown.contains(
            r#"<figure class="body-figure"><img class="body-photo" data-photo-id="7" alt="Barcas &amp; &quot;remos&quot;"><figcaption class="body-caption" data-caption-for="7"></figcaption></figure>"#
        ),
        "{shown}"
    );
    assert!(
        shown.contains(r#"<p>Dos <img class="body-photo" data-photo-id="8" alt=""> tres.</p>"#),
        "{shown}"
    );
    assert!(!shown.contains("DLPHOTO"), "{shown}");

    let typed = md.replace("Uno.", "Uno y más.");
    let r = cache.render(&typed, "es", page.id);
    let sent: Vec<_> = r.blocks.iter().filter(|b| b.html.is_some()).collect();
    assert_eq!(sent.len(), 1, "only the edited block: {sent:?}");
    page.take(r);

    let other = typed.replace("photo:7", "photo:9");
    let shown = page.take(cache.render(&other, "es", page.id));
    assert!(shown.contains(r#"data-photo-id="9""#), "{shown}");
    assert!(!shown.contains(r#"data-photo-id="7""#), "{shown}");
}

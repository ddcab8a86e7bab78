//! `index.html`: the standalone article page, from the minijinja templates and CSS in
//! `assets/export/` (compiled in).
//!
//! Templates see plain views built here, never raw HTML, with autoescape on: a headline, dek,
//! caption, credit or bio is always text. Only three values are inserted as they are, each
//! made safe before: the body (rendered and sanitized by the markdown room, figures from the
//! escaped `figure.html`), the CSS (ours), and the JSON-LD, serialized by serde_json with
//! `<`, `>` and `&` escaped as `\u003c`… so no field can close the `<script>` it sits in.
//! The page makes no request: no script, no CDN, no remote font, and a CSP that says so.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};
use minijinja::value::{Kwargs, Serde};
use minijinja::{context, AutoEscape, Environment, Value};
use serde::Serialize;
use serde_json::json;

use super::{BodyFigure, Exporter, Package, PackagedImage, Sink};
use crate::error::{Error, Result};
use crate::i18n::{self, Words};
use crate::photo::rendition::Format;

pub const FILE: &str = "index.html";

const ARTICLE: &str = include_str!("../../assets/export/article.html");
const FIGURE: &str = include_str!("../../assets/export/figure.html");
const PICTURE: &str = include_str!("../../assets/export/picture.html");
const CSS: &str = include_str!("../../assets/export/style.css");

pub struct HtmlExporter;

impl Exporter for HtmlExporter {
    fn name(&self) -> &'static str {
        "export-step-html"
    }

    fn write(&self, p: &Package, sink: &mut Sink) -> Result<()> {
        sink.put(FILE, page(p)?.into_bytes())
    }
}

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // Names ending in .html are autoescaped (minijinja's default, relied on here).
        for (name, src) in [
            ("article.html", ARTICLE),
            ("figure.html", FIGURE),
            ("picture.html", PICTURE),
        ] {
            if let Err(e) = env.add_template(name, src) {
                // A broken template is a build defect; tests render every template.
                eprintln!("dateline: template {name} is broken: {e}");
            }
        }
        // Escape the five characters that matter in HTML text and quoted attributes, and no
        // more: minijinja's default also turns "/" into "&#x2f;", which is safe but makes a
        // credit like "Carlos Barria/Reuters" unreadable in the page's source.
        env.set_formatter(
            |out, state, value| match (state.auto_escape(), value.as_str()) {
                (AutoEscape::Html, Some(s)) if !value.is_safe() => out
                    .write_str(&escape_html(s))
                    .map_err(minijinja::Error::from),
                _ => minijinja::escape_formatter(out, state, value),
            },
        );
        env
    })
}

fn template_error(e: minijinja::Error) -> Error {
    Error::invalid("template", format!("The article page template failed: {e}"))
}

/// Text made safe for HTML text and attributes (see [`crate::markdown::escape`]).
use crate::markdown::escape as escape_html;

/// An image as the templates use it.
#[derive(Debug, Serialize)]
struct ImgView {
    src: String,
    width: u32,
    height: u32,
    jpeg_srcset: String,
    webp_srcset: String,
    alt: String,
    /// The image for social cards: the widest JPEG.
    og: String,
    og_width: u32,
    og_height: u32,
}

fn img_view(images: &[PackagedImage], alt: &str) -> Option<ImgView> {
    let srcset = |f: Format| {
        images
            .iter()
            .filter(|i| i.file.format == f)
            .map(|i| format!("{} {}w", i.href, i.file.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let jpegs: Vec<&PackagedImage> = images
        .iter()
        .filter(|i| i.file.format == Format::Jpeg)
        .collect();
    let widest = jpegs.first()?;
    // The fallback <img src>: the rendition nearest 1200 pixels, good on most screens.
    let fallback = jpegs
        .iter()
        .min_by_key(|i| i.file.width.abs_diff(1200))
        .unwrap_or(widest);
    Some(ImgView {
        src: fallback.href.clone(),
        width: fallback.file.width,
        height: fallback.file.height,
        jpeg_srcset: srcset(Format::Jpeg),
        webp_srcset: srcset(Format::Webp),
        alt: alt.to_string(),
        og: widest.href.clone(),
        og_width: widest.file.width,
        og_height: widest.file.height,
    })
}

/// A body photo's HTML: a `<figure>` with caption and credit on a line of its own, an inline
/// `<img>` inside a sentence.
pub fn figure(f: &BodyFigure, alt: &str, block: bool) -> Result<String> {
    let img = img_view(&f.images, alt)
        .ok_or_else(|| Error::invalid("photo", "A body photo has no renditions."))?;
    env()
        .get_template("figure.html")
        .and_then(|t| {
            t.render(context! {
                img => Value::from(Serde(&img)),
                caption => f.caption_line.as_str(),
                block => block,
            })
        })
        .map_err(template_error)
}

#[derive(Serialize)]
struct When {
    iso: String,
    human: String,
    year: i32,
}

/// A time with its offset (`2026-01-12T15:04:05+00:00`), as `<time datetime>` and JSON-LD want.
pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn when(t: DateTime<Utc>, words: &Words) -> When {
    When {
        iso: iso(t),
        human: words.date(t),
        year: t.year(),
    }
}

/// The whole page.
pub fn page(p: &Package) -> Result<String> {
    let a = &p.article;
    let hero = p.hero.as_ref().and_then(|h| {
        img_view(&h.main, &h.alt).map(|img| {
            context! {
                img => Value::from(Serde(&img)),
                caption => h.caption_line.as_str(),
            }
        })
    });
    // The words around the story, in its language: `t("more-in", section=…)` in templates.
    let words = i18n::words(&a.language);
    let translate = Value::from_function(
        move |id: &str, kwargs: Kwargs| -> std::result::Result<String, minijinja::Error> {
            let mut args: Vec<(String, String)> = Vec::new();
            for k in kwargs.args() {
                let v: Value = kwargs.get(k)?;
                args.push((k.to_string(), v.to_string()));
            }
            let refs: Vec<(&str, &str)> =
                args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            Ok(words.get(id, &refs))
        },
    );
    let og_locale = match a.language.split(['-', '_']).collect::<Vec<_>>().as_slice() {
        [l, r] => format!("{}_{}", l.to_ascii_lowercase(), r.to_ascii_uppercase()),
        [l, ..] => l.to_ascii_lowercase(),
        [] => "en".into(),
    };
    env()
        .get_template("article.html")
        .and_then(|t| {
            t.render(context! {
                lang => a.language.as_str(),
                og_locale => og_locale,
                headline => p.headline.as_str(),
                dek => p.dek.as_str(),
                t => translate,
                section => a.section.as_deref().map(str::trim).filter(|s| !s.is_empty()),
                dateline => a.dateline.trim(),
                keywords => Value::from(Serde(&a.tags)),
                authors => Value::from(Serde(&p.authors)),
                publication => p.publication.as_str(),
                published => Value::from(Serde(when(p.published(), words))),
                modified => Value::from(Serde(when(p.version_created(), words))),
                hero => hero,
                body => Value::from_safe_string(p.body_html.clone()),
                opens_with_dialogue => opens_with_dialogue(&p.body_html),
                more_in_section => Value::from(Serde(&p.more_in_section)),
                css => Value::from_safe_string(CSS.to_string()),
                json_ld => Value::from_safe_string(json_ld(p)),
                version => crate::VERSION,
            })
        })
        .map_err(template_error)
}

/// Whether the body's first paragraph opens with punctuation (a raya, an opening question
/// mark, a quote) rather than a letter: a drop cap would then enlarge "—¿C" as one letter, so
/// the page shows none.
fn opens_with_dialogue(body_html: &str) -> bool {
    body_html
        .strip_prefix("<p>")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !c.is_alphanumeric() && c != '<')
}

/// schema.org `NewsArticle`, safe to place inside `<script type="application/ld+json">`.
pub fn json_ld(p: &Package) -> String {
    let a = &p.article;
    let mut images: Vec<&str> = Vec::new();
    if let Some(h) = &p.hero {
        // Widest JPEG of each shape: 16:9, then 4:3 and 1:1.
        if let Some(i) = h.main.iter().find(|i| i.file.format == Format::Jpeg) {
            images.push(&i.href);
        }
        images.extend(h.alternates.iter().map(|i| i.href.as_str()));
    }
    let authors: Vec<serde_json::Value> = p
        .authors
        .iter()
        .map(|au| {
            let mut person = json!({ "@type": "Person", "name": au.name });
            if !au.role.is_empty() {
                person["jobTitle"] = json!(au.role);
            }
            if !au.bio.is_empty() {
                person["description"] = json!(au.bio);
            }
            person
        })
        .collect();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p.headline,
        "datePublished": iso(p.published()),
        "dateModified": iso(p.version_created()),
        "author": authors,
        "inLanguage": a.language,
        "identifier": p.uri,
    });
    if !images.is_empty() {
        v["image"] = json!(images);
    }
    if !p.dek.is_empty() {
        v["description"] = json!(p.dek);
    }
    if let Some(s) = a.section.as_deref().filter(|s| !s.trim().is_empty()) {
        v["articleSection"] = json!(s);
    }
    if !a.dateline.trim().is_empty() {
        v["dateline"] = json!(a.dateline.trim());
    }
    if !a.tags.is_empty() {
        v["keywords"] = json!(a.tags);
    }
    if !p.publication.is_empty() {
        v["publisher"] = json!({ "@type": "Organization", "name": p.publication });
    }
    script_safe(&serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into()))
}

/// JSON that can sit inside a `<script>` element: `<`, `>`, `&` and the two JavaScript line
/// separators as `\u` escapes (still the same JSON to any parser).
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let v = json!({ "headline": "</script><script>alert(1)</script> & <!--" });
        let s = script_safe(&v.to_string());
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: serde_json::Value = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back, v);
    }

    #[test]
    fn a_dialogue_opening_gets_no_drop_cap() {
        assert!(opens_with_dialogue("<p>—¿Cuándo salen?</p>"));
        assert!(opens_with_dialogue("<p>«Nunca», dijo.</p>"));
        assert!(!opens_with_dialogue("<p>Nadie contestó.</p>"));
        assert!(!opens_with_dialogue("<h2>Title</h2><p>—Sí.</p>"));
    }

    #[test]
    fn every_template_parses() {
        for name in ["article.html", "figure.html", "picture.html"] {
            assert!(env().get_template(name).is_ok(), "{name}");
        }
    }
}

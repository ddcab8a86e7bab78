//! `article.ninjs.json`: the article as an IPTC ninjs 3.1 news item, for wire partners.
//!
//! Shaped after the IPTC's own examples and validated against the official 3.1 schema in the
//! tests: `standard` (the schema it is valid against), `headlines`, `descriptions` and `bodies`
//! with roles, `by` (with each author's role) and `people`, `located`, `subjects`
//! from the tags, and one association per image (the hero, each body photo) whose
//! `renditions` point at the files in `images/` by relative `href`, with their size, content
//! type, aspect ratio and point of interest. Built with serde_json (keys sorted, so the file is
//! the same for the same package).

use serde_json::{json, Value};

use super::html::iso;
use super::{Exporter, Package, PackagedImage, Sink};
use crate::error::Result;
use crate::markdown;
use crate::model::{Photo, Status};

pub const FILE: &str = "article.ninjs.json";

pub struct NinjsExporter;

impl Exporter for NinjsExporter {
    fn name(&self) -> &'static str {
        "export-step-ninjs"
    }

    fn write(&self, p: &Package, sink: &mut Sink) -> Result<()> {
        let mut text = serde_json::to_string_pretty(&item(p)).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        sink.put(FILE, text.into_bytes())
    }
}

/// The schema an item says it is valid against (ninjs 3.1's `standard`), so a partner's
/// parser knows what it reads.
const SCHEMA: &str = "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

/// The ninjs news item of the package.
pub fn item(p: &Package) -> Value {
    let a = &p.article;
    // "By" in words, each author with their role as the page's byline shows it ("Ana Pérez
    // (Mexico correspondent) and Luis Gómez"); `people` lists them as data.
    let names: Vec<String> = p
        .authors
        .iter()
        .map(|x| match x.role.trim() {
            "" => x.name.clone(),
            role => format!("{} ({role})", x.name),
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let year = p.first_created().format("%Y");
    let mut v = json!({
        "uri": p.uri,
        "type": "text",
        "representationType": "full",
        "profile": "dateline-article",
        "version": p.revision_id.to_string(),
        "firstCreated": iso(p.first_created()),
        "versionCreated": iso(p.version_created()),
        "pubStatus": match a.status {
            Status::Ready | Status::Published => "usable",
            Status::Spiked | Status::Archived => "canceled",
            _ => "withheld",
        },
        "language": a.language,
        "headlines": [{ "role": "main", "contentType": "text/plain", "value": p.headline }],
        "bodies": [{
            "role": "main",
            "contentType": "text/html",
            "wordCount": markdown::word_count(&a.body),
            "value": p.body_html,
        }],
        "slugline": p.slug.as_str(),
        "standard": { "name": "ninjs", "version": "3.1", "schema": SCHEMA },
    });
    if !names.is_empty() {
        v["by"] = json!(crate::i18n::words(&a.language).list(&names));
        v["people"] = p
            .authors
            .iter()
            .map(|x| json!({ "name": x.name, "rel": "author" }))
            .collect();
    }
    if !a.dateline.trim().is_empty() {
        v["located"] = json!(a.dateline.trim());
    }
    if !p.dek.is_empty() {
        v["descriptions"] =
            json!([{ "role": "summary", "contentType": "text/plain", "value": p.dek }]);
    }
    let mut subjects: Vec<Value> = Vec::new();
    if let Some(s) = a.section.as_deref().filter(|s| !s.trim().is_empty()) {
        subjects.push(json!({ "name": s.trim(), "rel": "section" }));
    }
    subjects.extend(a.tags.iter().map(|t| json!({ "name": t, "rel": "about" })));
    if !subjects.is_empty() {
        v["subjects"] = json!(subjects);
    }
    if !p.publication.is_empty() {
        v["copyrightHolder"] = json!(p.publication);
        v["copyrightNotice"] = json!(crate::i18n::words(&a.language).get(
            "rights",
            &[("year", &year.to_string()), ("publication", &p.publication)]
        ));
    }
    let mut assoc = Vec::new();
    if let Some(h) = &p.hero {
        let images: Vec<&PackagedImage> = h.main.iter().chain(&h.alternates).collect();
        assoc.push(association(
            p,
            "hero",
            &h.photos,
            &h.caption_line,
            &h.alt,
            &images,
        ));
    }
    for f in &p.figures {
        let images: Vec<&PackagedImage> = f.images.iter().collect();
        assoc.push(association(
            p,
            &f.name,
            std::slice::from_ref(&f.photo),
            &f.caption_line,
            &f.alt,
            &images,
        ));
    }
    if !assoc.is_empty() {
        v["associations"] = json!(assoc);
    }
    v
}

fn association(
    p: &Package,
    name: &str,
    photos: &[Photo],
    caption_line: &str,
    alt: &str,
    images: &[&PackagedImage],
) -> Value {
    let join = |f: fn(&Photo) -> &str| {
        let mut seen: Vec<&str> = Vec::new();
        for x in photos {
            let s = f(x).trim();
            if !s.is_empty() && !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.join("; ")
    };
    let mut v = json!({
        "name": name,
        "uri": format!("{}:{name}", p.uri),
        "type": "picture",
        "rel": if name == "hero" { "hero" } else { "inline" },
        "renditions": images.iter().map(|i| {
            let mut r = json!({
                "name": i.href.trim_start_matches("images/").rsplit_once('.').map_or(i.href.as_str(), |(n, _)| n),
                "href": i.href,
                "contentType": i.file.content_type(),
                "width": i.file.width,
                "height": i.file.height,
                "sizeInBytes": i.file.bytes,
                "aspectRatio": i.file.aspect_ratio,
            });
            if let Some(poi) = i.file.poi {
                r["poi"] = json!({ "x": poi.x, "y": poi.y });
            }
            r
        }).collect::<Vec<_>>(),
    });
    let mut descriptions = Vec::new();
    if !caption_line.is_empty() {
        descriptions
            .push(json!({ "role": "caption", "contentType": "text/plain", "value": caption_line }));
    }
    if !alt.is_empty() {
        descriptions.push(json!({ "role": "alt", "contentType": "text/plain", "value": alt }));
    }
    if !descriptions.is_empty() {
        v["descriptions"] = json!(descriptions);
    }
    let by = join(|x| x.fields.creator.as_str());
    if !by.is_empty() {
        v["by"] = json!(by);
    }
    // Each photo's credit as data: the party ("Carlos Barria/Reuters", "Bloomberg via Getty
    // Images" in the story's language's "via"), without the page's display word ("Credit:").
    let sources: Vec<Value> = photos
        .iter()
        .map(|x| {
            let line = crate::credit::credit_line_in(&x.fields, &p.house);
            let word = p.house.credit.trim();
            line.strip_prefix(word)
                .filter(|_| !word.is_empty())
                .map_or(line.as_str(), str::trim_start)
                .to_string()
        })
        .filter(|s| !s.trim().is_empty())
        .map(|name| json!({ "name": name, "role": "credit" }))
        .collect();
    if !sources.is_empty() {
        v["infoSources"] = json!(sources);
    }
    let rights = join(|x| x.fields.copyright.as_str());
    if !rights.is_empty() {
        v["copyrightNotice"] = json!(rights);
    }
    let terms = join(|x| x.fields.usage_terms.as_str());
    if !terms.is_empty() {
        v["usageTerms"] = json!(terms);
    }
    v
}

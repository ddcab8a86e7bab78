//! `article.md`: the article as Markdown with YAML front matter, importable again with
//! `dateline article import` (the writing room's [`crate::frontmatter`] writes and reads it).
//!
//! Body photos stay `![alt](photo:ID)` references: they name photos of the desk that made the
//! package, whose renditions sit in `images/` beside the file.

use super::{Exporter, Package, Sink};
use crate::error::Result;
use crate::frontmatter;
use crate::model::ArticleDraft;

pub const FILE: &str = "article.md";

pub struct MarkdownExporter;

impl Exporter for MarkdownExporter {
    fn name(&self) -> &'static str {
        "export-step-markdown"
    }

    fn write(&self, p: &Package, sink: &mut Sink) -> Result<()> {
        let text = frontmatter::export(&ArticleDraft::from(&p.article));
        sink.put(FILE, text.into_bytes())
    }
}

//! Markdown files in and out of the desk: the `frontmatter` room reads and writes the file;
//! these methods store the article it gives (in one transaction) or read the one it writes.

use std::path::Path;

use crate::error::{Error, Result};
use crate::frontmatter::{export, parse, read_text, ParseError};
use crate::i18n::Text;
use crate::model::{ArticleDraft, ImportReport};

use super::Workspace;

impl Workspace {
    /// Imports a Markdown file (front matter optional) as a new article, in one transaction:
    /// on any error nothing is stored, and the error names the file and line. Keys Dateline
    /// does not use are kept with the article and come back as warnings.
    pub fn import_markdown(&mut self, path: &Path) -> Result<ImportReport> {
        let text = read_text(path)?;
        let parsed = parse(&text).map_err(|e| e.at(path))?;
        let warnings = parsed.warnings(path);
        let article = self
            .create_article(parsed.draft.clone())
            .map_err(|e| match e {
                Error::DuplicateSlug(s) => ParseError::new(
                    parsed.line_of("slug"),
                    Text::new("import-duplicate-slug").arg("slug", s),
                )
                .at(path),
                e @ Error::Invalid { .. } => {
                    let line = match &e {
                        Error::Invalid { field, .. } => parsed.line_of(field),
                        _ => 1,
                    };
                    ParseError::new(line, e.text()).at(path)
                }
                other => other,
            })?;
        Ok(ImportReport { article, warnings })
    }

    /// The article (by id or slug) as a Markdown file with its front matter.
    pub fn export_markdown(&self, key: &str) -> Result<String> {
        let a = self.article(key)?;
        Ok(export(&ArticleDraft::from(&a)))
    }

    /// Writes [`Workspace::export_markdown`] to `dest` through a temporary file renamed into
    /// place, so a crash leaves the old file or the new one, never half of one.
    pub fn export_markdown_to(&self, key: &str, dest: &Path) -> Result<()> {
        let text = self.export_markdown(key)?;
        crate::durable::write_atomically(dest, text.as_bytes())
    }
}

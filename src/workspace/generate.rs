//! Filling a desk with a generated library (benchmarks, trying Dateline at scale): the
//! `generate` room makes the stories; this stores them in batches, one transaction each.

use std::path::Path;

use crate::error::Result;
use crate::generate::{GenerateReport, Generator, BATCH};

use super::Workspace;

impl Workspace {
    /// Adds `count` generated articles to this desk, built from the Markdown articles in
    /// `from`; the same `seed` gives the same articles. About a third are Spanish.
    pub fn generate_library(
        &mut self,
        from: &Path,
        count: usize,
        seed: u64,
    ) -> Result<GenerateReport> {
        let who = self.identity()?;
        let author_ids = self.store.write(|t| {
            Generator::authors()
                .map(|(name, role)| t.upsert_author(name, role, "").map(|a| a.id))
                .collect::<Result<Vec<_>>>()
        })?;
        let photos: Vec<i64> = self
            .store
            .read(|t| t.photos())?
            .iter()
            .map(|p| p.id)
            .collect();
        let first = self.store.read(|t| t.article_count())? as usize + 1;
        let mut generator = Generator::new(from, seed, author_ids, photos, first)?;
        let mut made = 0;
        while made < count {
            let mut drafts = generator.batch(BATCH.min(count - made))?;
            self.store.write(|t| {
                for (valid, at) in &mut drafts {
                    let base = valid.slug.clone();
                    let mut k = 1;
                    while t.article_with_slug(valid.slug.as_str())?.is_some() {
                        k += 1;
                        valid.slug = base.with_suffix(k);
                    }
                    let id = t.insert_article(valid, *at)?;
                    t.insert_revision(id, &valid.to_draft(), &who, "created", *at)?;
                }
                Ok(())
            })?;
            made += drafts.len();
        }
        Ok(generator.report())
    }
}

//! The desk's preflight: gathers the facts about a story's photos and runs the `preflight`
//! room's pure [`check`] over them.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::markdown::photos::photo_refs;
use crate::model::{Article, PhotoId, Preflight};
use crate::preflight::{check, PhotoFacts};

use super::Workspace;

impl Workspace {
    /// Checks the article (by id or slug) before an export: what blocks it, what deserves a
    /// look. Nothing is written.
    pub fn preflight(&self, key: &str) -> Result<Preflight> {
        let a = self.article(key)?;
        Ok(check(&a, &self.photo_facts(&a)?, &self.settings()?))
    }

    /// The facts about every photo the article names and that exists in the desk.
    pub(crate) fn photo_facts(&self, a: &Article) -> Result<BTreeMap<PhotoId, PhotoFacts>> {
        let mut ids: Vec<PhotoId> = a
            .hero
            .iter()
            .flat_map(|h| h.photos.iter().map(|p| p.photo_id))
            .collect();
        ids.extend(photo_refs(&a.body).iter().filter_map(|r| r.id));
        let mut out = BTreeMap::new();
        for id in ids {
            if out.contains_key(&id) {
                continue;
            }
            match self.photo(id) {
                Ok(photo) => {
                    let crops = self.crops(id)?;
                    let conflicts = self.photo_conflicts(id)?;
                    out.insert(
                        id,
                        PhotoFacts {
                            photo,
                            crops,
                            conflicts,
                        },
                    );
                }
                Err(crate::Error::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}

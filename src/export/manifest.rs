//! `manifest.json`: every other file of the package with its size and SHA-256, the article
//! and revision it was made from, and the Dateline version that made it — so a receiver can
//! check that nothing was lost or changed on the way.
//!
//! It runs last and reads the [`Sink`], so it lists exactly what will be written, in the
//! sink's sorted order.

use crate::durable::sha256_hex;
use serde::{Deserialize, Serialize};

use super::html::iso;
use super::{Exporter, Package, Sink};
use crate::error::Result;

pub const FILE: &str = "manifest.json";

/// The manifest as written (and as a receiver may read it back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub dateline_version: String,
    pub article_id: i64,
    pub revision_id: i64,
    pub slug: String,
    pub uri: String,
    pub version_created: String,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

pub struct ManifestExporter;

impl Exporter for ManifestExporter {
    fn name(&self) -> &'static str {
        "export-step-manifest"
    }

    fn write(&self, p: &Package, sink: &mut Sink) -> Result<()> {
        let m = Manifest {
            generator: "Dateline".into(),
            dateline_version: crate::VERSION.into(),
            article_id: p.article.id,
            revision_id: p.revision_id,
            slug: p.slug.to_string(),
            uri: p.uri.clone(),
            version_created: iso(p.version_created()),
            files: sink
                .files()
                .map(|(path, bytes)| ManifestFile {
                    path: path.to_string(),
                    bytes: bytes.len() as u64,
                    sha256: sha256_hex(bytes),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&m).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        sink.put(FILE, text.into_bytes())
    }
}

//! The newsroom's nouns: articles, bylines, authors, sections, photos, crops, heroes and
//! revisions, as plain data, one file per topic.
//!
//! These types are what the store reads and writes and what crosses IPC and the CLI's
//! `--json` (their TypeScript twins are generated into `ui/src/lib/backend/types.ts`, and a
//! test fails when that file is stale). Validation of raw input happens once, at the edge, in
//! the `*Draft` → domain conversions of the rooms that own them; nothing here touches a disk.

pub type ArticleId = i64;
pub type PhotoId = i64;
pub type AuthorId = i64;

mod article;
mod export;
mod history;
mod library;
mod people;
mod photo;
mod preflight;
mod workflow;

pub use article::*;
pub use export::*;
pub use history::*;
pub use library::*;
pub use people::*;
pub use photo::*;
pub use preflight::*;
pub use workflow::*;

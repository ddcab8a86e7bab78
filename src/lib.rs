//! Dateline's core: everything a correspondent, a photo desk or an editor can do, as plain
//! Rust calls over a workspace folder. It knows nothing of Tauri, windows or JavaScript; the
//! app (`src-tauri/`) and the CLI (`src/bin/dateline.rs`) are thin shells over
//! [`workspace::Workspace`].

pub mod article;
pub mod credit;
pub mod demo;
pub mod durable;
pub mod error;
pub mod export;
pub mod frontmatter;
pub mod fuzzing;
pub mod generate;
pub mod i18n;
pub mod markdown;
pub mod model;
pub mod newsroom;
pub mod photo;
pub mod preflight;
pub mod revision;
pub mod settings;
pub mod slug;
pub mod store;
pub mod workflow;
pub mod workspace;

pub use error::{Error, ErrorCode, ErrorDto, Result};
pub use workspace::Workspace;

/// The version of Dateline, as written into exported manifests.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

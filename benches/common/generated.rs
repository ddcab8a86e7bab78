//! A generated desk for the benches, made on first use into the target folder and kept for
//! later runs (generating 100,000 stories takes minutes).

use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline::Workspace;

/// The desk of `n` stories generated from the fixtures with `seed`.
pub fn library(n: usize, seed: u64) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("library-{n}-seed-{seed}"));
    let done = dir.join("generated");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles");
        let t = Instant::now();
        let mut ws = Workspace::open(&dir).expect("a workspace");
        let r = ws
            .generate_library(&from, n, seed)
            .expect("the library generates");
        eprintln!(
            "generated {} articles in {:.1?} at {}",
            r.articles,
            t.elapsed(),
            dir.display()
        );
        std::fs::write(&done, b"").expect("mark the library done");
    }
    dir
}

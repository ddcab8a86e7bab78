//! `dateline generate`: fills the desk with a test library made from real Markdown articles
//! (for benchmarks and for trying the library at a newsroom's size).

use std::path::Path;
use std::time::Instant;

use dateline::{Error, Workspace};

use crate::output::Out;

pub fn generate(
    ws: &mut Workspace,
    articles: usize,
    from: &Path,
    seed: u64,
    out: &Out,
) -> Result<(), Error> {
    let started = Instant::now();
    let report = ws.generate_library(from, articles, seed)?;
    let secs = started.elapsed().as_secs_f64();
    out.value(&report, || {
        format!(
            "Generated {} articles ({} English, {} Spanish, {} with a hero) from {} files in \
             {secs:.1} s (seed {seed}).",
            report.articles, report.english, report.spanish, report.with_hero, report.sources
        )
    });
    Ok(())
}

//! A whole process that renders one Markdown file with Dateline's one render function
//! (comrak + typography + ammonia) and prints the HTML, for whole-process comparisons with
//! `cmark-gfm` (scripts/bench-compare.sh). It reads the file as is: no front matter handling,
//! exactly what `cmark-gfm FILE` is given.
//!
//! Usage: `cargo run --release --example render -- FILE [LANGUAGE]` (default `en`).

use std::io::Write;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: render FILE [LANGUAGE]");
        return std::process::ExitCode::FAILURE;
    };
    let language = args.next().unwrap_or_else(|| "en".into());
    let markdown = match std::fs::read_to_string(&file) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("render: {file}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let html = dateline::markdown::render(&markdown, &language);
    let _ = std::io::stdout().lock().write_all(html.as_bytes());
    std::process::ExitCode::SUCCESS
}

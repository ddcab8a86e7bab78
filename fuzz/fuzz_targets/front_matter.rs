//! Fuzz target: any text as a Markdown file's front matter and body (YAML or TOML fences,
//! Jekyll/Hugo/Zola keys), through the same parse the import uses. An error is fine (it is the
//! journalist's message); a panic is not. A file that parses is written back with `export`,
//! which must not panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parsed) = dateline::frontmatter::parse(text) {
        let _ = dateline::frontmatter::export(&parsed.draft);
    }
});

//! Fuzz target `markdown_render`: its body and what it checks are `dateline::fuzzing::markdown_render`
//! (`src/fuzzing.rs`), which `tests/fuzz_seeds.rs` also runs over the seeds in every
//! `make test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dateline::fuzzing::markdown_render(data));

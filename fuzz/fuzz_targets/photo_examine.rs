//! Fuzz target `photo_examine`: its body and what it checks are `dateline::fuzzing::photo_examine`
//! (`src/fuzzing.rs`), which `tests/fuzz_seeds.rs` also runs over the seeds in every
//! `make test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dateline::fuzzing::photo_examine(data));

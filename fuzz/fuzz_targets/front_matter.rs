//! Fuzz target `front_matter`: its body and what it checks are `dateline::fuzzing::front_matter`
//! (`src/fuzzing.rs`), which `tests/fuzz_seeds.rs` also runs over the seeds in every
//! `make test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dateline::fuzzing::front_matter(data));

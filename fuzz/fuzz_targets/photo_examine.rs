//! Fuzz target: the photo import's checks over any bytes (`photo::examine`: format sniffing,
//! header size limits, the JPEG marker walk, metadata, the strict full decode). A refusal is
//! fine; a panic, a hang or an allocation beyond the size limits is not.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline::photo::examine(data, Path::new("fuzz.jpg"));
});

//! Fuzz target: the readers of a photo's embedded metadata — IPTC IIM records, the XMP packet
//! and the EXIF (TIFF) block — and their mapping onto the photo's fields. The first byte picks
//! which reader gets the rest (all three when it is above 2), as a photo may carry any of them
//! damaged. Broken metadata must become a warning, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let pick = |n: u8| (which == n || which > 2).then_some(rest);
    let _ = dateline::photo::metadata::read_blocks(pick(0), pick(1), pick(2));
});

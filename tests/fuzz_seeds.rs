//! The fuzz targets' checks (`dateline::fuzzing`, the same functions `cargo fuzz` runs: see
//! `scripts/fuzz.sh`) over the fuzzer's seeds — every article fixture, every line of the XSS
//! corpus, the fixture photos and the EXIF, IIM and XMP blocks cut out of them — and over
//! cut-short and bit-flipped variants of each, as a damaged file or a half-written download
//! would be. Fuzzing itself (`make fuzz`) explores from these seeds; this replays them in
//! every `make test` in seconds, so a change that makes any of them panic, hang or let a
//! script through fails here. Crashers the fuzzer found are kept as tests in `bad_input.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use dateline::fuzzing;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn files(dir: &str, ext: &[&str], max_len: u64) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(fixtures().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ext.contains(&e.to_str().unwrap()))
                && p.metadata().unwrap().len() < max_len
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no {ext:?} fixtures in {dir}");
    out
}

/// The input, then `cuts` prefixes of it at even steps, then `flips` copies with one byte
/// inverted at even steps (a deterministic stand-in for the fuzzer's first mutations).
fn variants(data: &[u8], cuts: usize, flips: usize) -> Vec<Vec<u8>> {
    let mut out = vec![data.to_vec()];
    let n = data.len();
    for k in 1..=cuts {
        out.push(data[..n * k / (cuts + 1)].to_vec());
    }
    for k in 0..flips {
        if n > 1 {
            let mut v = data.to_vec();
            let at = 1 + (n - 1) * k / flips;
            v[at] = !v[at];
            out.push(v);
        }
    }
    out
}

/// Runs `check` on one input, naming it if it panics.
fn replay(target: &str, name: &str, input: &[u8], check: fn(&[u8])) {
    if let Err(e) = std::panic::catch_unwind(|| check(input)) {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!(
            "{target} failed on {name} ({} bytes): {}",
            input.len(),
            &msg[..msg.len().min(2000)]
        );
    }
}

#[test]
fn every_article_fixture_renders_without_a_script_in_both_languages_whole_and_cut_short() {
    let mut count = 0;
    for (name, data) in files("articles", &["md"], 200_000) {
        for (i, v) in variants(&data, 24, 24).into_iter().enumerate() {
            for lang in [0u8, 1] {
                let mut input = vec![lang];
                input.extend_from_slice(&v);
                replay(
                    "markdown_render",
                    &format!("{name} #{i}"),
                    &input,
                    fuzzing::markdown_render,
                );
                count += 1;
            }
            replay(
                "front_matter",
                &format!("{name} #{i}"),
                &v,
                fuzzing::front_matter,
            );
        }
    }
    assert!(count >= 100, "{count}");
}

#[test]
fn every_xss_vector_renders_without_a_script() {
    let corpus = include_str!("corpus/xss.txt");
    let mut count = 0;
    for (i, line) in corpus
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        for lang in [0u8, 1] {
            let mut input = vec![lang];
            input.extend_from_slice(line.as_bytes());
            replay(
                "markdown_render",
                &format!("xss line {}", i + 1),
                &input,
                fuzzing::markdown_render,
            );
            count += 1;
        }
    }
    assert!(count > 100, "{count}");
}

#[test]
fn every_small_fixture_photo_is_examined_without_a_panic_whole_cut_short_and_damaged() {
    for (name, data) in files("photos", &["jpg", "png"], 400_000) {
        for (i, v) in variants(&data, 12, 12).into_iter().enumerate() {
            replay(
                "photo_examine",
                &format!("{name} #{i}"),
                &v,
                fuzzing::photo_examine,
            );
        }
    }
}

/// The APP1 (EXIF, XMP) and APP13 (IIM) segments of a JPEG, as `scripts/fuzz.sh` cuts them
/// for its seeds: (reader byte, block).
fn metadata_blocks(jpeg: &[u8]) -> Vec<(u8, Vec<u8>)> {
    const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
    let mut out = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF {
        let marker = jpeg[i + 1];
        if marker == 0xD9 || marker == 0xDA {
            break;
        }
        let len = u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]) as usize;
        let Some(seg) = jpeg.get(i + 4..i + 2 + len) else {
            break;
        };
        if marker == 0xE1 && seg.starts_with(b"Exif\0\0") {
            out.push((0, seg[6..].to_vec()));
        } else if marker == 0xE1 && seg.starts_with(XMP) {
            out.push((2, seg[XMP.len()..].to_vec()));
        } else if marker == 0xED && seg.starts_with(b"Photoshop 3.0\0") {
            // The IIM lives in image resource 0x0404; the reader gets the whole resource
            // block too, which it must survive.
            if let Some(j) = seg.windows(6).position(|w| w == b"8BIM\x04\x04") {
                out.push((1, seg[j + 12..].to_vec()));
            }
        }
        i += 2 + len;
    }
    out
}

#[test]
fn the_metadata_blocks_of_every_fixture_jpeg_are_read_without_a_panic_whole_cut_short_and_damaged()
{
    let mut readers = [0usize; 3];
    for (name, data) in files("photos", &["jpg"], u64::MAX) {
        for (reader, block) in metadata_blocks(&data) {
            readers[reader as usize] += 1;
            for (i, v) in variants(&block, 64, 64).into_iter().enumerate() {
                for which in [reader, 3] {
                    let mut input = vec![which];
                    input.extend_from_slice(&v);
                    replay(
                        "photo_metadata",
                        &format!("{name} block {reader} #{i}"),
                        &input,
                        fuzzing::photo_metadata,
                    );
                }
            }
        }
    }
    assert!(
        readers.iter().all(|&n| n > 0),
        "EXIF, IIM, XMP blocks found: {readers:?}"
    );
}

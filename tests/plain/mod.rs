//! What every message in front of a journalist must be: plain words. One list of the jargon
//! that belongs in a bug report (decoder names, serde's vocabulary, OS error numbers, debug
//! formatting), and one check, shared by the tests that collect messages (`bad_input`,
//! `messages`, `preflight`). Not a test crate of its own: each of those includes it as
//! `mod plain;`.

/// Words that belong in a bug report, not in front of a journalist.
pub const JARGON: &[&str] = &[
    "decoder",
    "Decoding",
    "Format error",
    "colorspace",
    "Unsupported",
    "invalid type",
    "sequence",
    "serde",
    "panicked",
    "unwrap",
    "Huffman",
    "SOF",
    "EOF",
    "Eof",
    "marker",
    "Marker",
    "Error(",
    "Err(",
    "{",
    "os error",
    "utf-8 sequence",
];

/// Panics, naming `what` (where the message came from), unless `msg` reads as plain words:
/// not empty, no jargon, and no run of spaces (the trace of a string broken over two source
/// lines without its `\`).
pub fn assert_plain_words(what: &str, msg: &str) {
    assert!(!msg.trim().is_empty(), "{what}: an empty message");
    assert!(!msg.contains("  "), "{what}: a run of spaces in: {msg:?}");
    for j in JARGON {
        assert!(!msg.contains(j), "{what}: jargon “{j}” in: {msg}");
    }
}

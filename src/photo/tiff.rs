//! TIFF at the level of its first directory (IFD0): where agencies and scanners put IPTC
//! (tag 33723), XMP (tag 700) and the orientation (tag 274), and the tags that give a camera
//! RAW file away (a DNG's version tag, a Canon CR2's header) although it starts like a TIFF.
//!
//! Like `jpeg`, it reads structure only, borrowing from the file's bytes: it never decodes
//! pixels (the `image` crate does, through the `tiff` crate) and never writes. EXIF is read
//! by `metadata`, which takes the whole TIFF file as it is (EXIF is TIFF-structured).

/// What the first directory of a TIFF file holds that the photo desk reads.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Tags<'a> {
    /// The IPTC-NAA record (IIM datasets), tag 33723.
    pub iim: Option<&'a [u8]>,
    /// The XMP packet, tag 700.
    pub xmp: Option<&'a [u8]>,
    /// The orientation, 1–8 (tag 274), when present.
    pub orientation: Option<u8>,
    /// Whether the file is a camera RAW file in TIFF clothing (DNG, CR2).
    pub raw: bool,
}

/// Whether `bytes` start with a TIFF header (either byte order, classic TIFF).
pub(crate) fn is_tiff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*")
}

/// Reads the tags of IFD0. `None` when the file is not a classic TIFF.
pub(crate) fn scan(bytes: &[u8]) -> Option<Tags<'_>> {
    if !is_tiff(bytes) {
        return None;
    }
    let le = bytes[0] == b'I';
    let u16_at = |p: usize| -> Option<u16> {
        let b: [u8; 2] = bytes.get(p..p + 2)?.try_into().ok()?;
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |p: usize| -> Option<u32> {
        let b: [u8; 4] = bytes.get(p..p + 4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let mut tags = Tags {
        // Canon CR2: "CR" and a major version at offset 8.
        raw: bytes.get(8..10) == Some(b"CR"),
        ..Tags::default()
    };
    let ifd = u32_at(4)? as usize;
    let count = usize::from(u16_at(ifd)?);
    for i in 0..count {
        let e = ifd + 2 + i * 12;
        let (Some(tag), Some(kind), Some(n)) = (u16_at(e), u16_at(e + 2), u32_at(e + 4)) else {
            break;
        };
        // Bytes per value of the TIFF field types; the ones the photo desk reads are
        // BYTE/UNDEFINED (1), SHORT (2) and LONG (4; Photoshop stores IPTC as LONGs).
        let unit = match kind {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            _ => 8,
        };
        let len = (n as usize).saturating_mul(unit);
        let data = if len <= 4 {
            bytes.get(e + 8..e + 8 + len)
        } else {
            u32_at(e + 8).and_then(|o| bytes.get(o as usize..(o as usize).checked_add(len)?))
        };
        match tag {
            274 if kind == 3 => {
                tags.orientation = u16_at(e + 8)
                    .and_then(|o| u8::try_from(o).ok())
                    .filter(|o| (1..=8).contains(o));
            }
            700 => tags.xmp = data,
            33723 => tags.iim = data,
            // DNGVersion.
            50706 => tags.raw = true,
            _ => {}
        }
    }
    Some(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian TIFF header and one directory of `entries` (tag, type, count,
    /// value-or-offset), followed by `tail` at offset 8 + 2 + 12·n + 4.
    fn tiff(entries: &[(u16, u16, u32, u32)], tail: &[u8]) -> Vec<u8> {
        let mut b = b"II*\0".to_vec();
        b.extend_from_slice(&8u32.to_le_bytes());
        b.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for (tag, kind, n, v) in entries {
            b.extend_from_slice(&tag.to_le_bytes());
            b.extend_from_slice(&kind.to_le_bytes());
            b.extend_from_slice(&n.to_le_bytes());
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&0u32.to_le_bytes());
        b.extend_from_slice(tail);
        b
    }

    #[test]
    fn reads_iptc_xmp_and_orientation_from_the_first_directory() {
        let tail_at = 8 + 2 + 12 * 3 + 4;
        let b = tiff(
            &[
                (274, 3, 1, 6),
                (700, 1, 5, tail_at),
                (33723, 4, 2, tail_at + 5),
            ],
            b"<xmp>\x1c\x02\x05\x00\x03abc",
        );
        let t = scan(&b).expect("a TIFF");
        assert_eq!(t.orientation, Some(6));
        assert_eq!(t.xmp, Some(&b"<xmp>"[..]));
        assert_eq!(t.iim, Some(&b"\x1c\x02\x05\x00\x03abc"[..]));
        assert!(!t.raw);
    }

    #[test]
    fn raw_files_and_broken_directories_are_noticed() {
        assert!(scan(&tiff(&[(50706, 1, 4, 0x0000_0401)], b"")).unwrap().raw);
        let mut cr2 = tiff(&[], b"");
        cr2[8..10].copy_from_slice(b"CR");
        assert!(scan(&cr2).is_some_and(|t| t.raw));
        // An offset past the end of the file is no value, not a crash.
        let far = tiff(&[(700, 1, 100, 9999)], b"");
        assert_eq!(scan(&far).unwrap().xmp, None);
        assert!(scan(b"\xFF\xD8 not a TIFF").is_none());
        let mut cut = tiff(&[(274, 3, 1, 6)], b"");
        cut.truncate(12);
        assert_eq!(scan(&cut).map(|t| t.orientation), Some(None));
    }
}

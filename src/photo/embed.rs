//! The credits every rendition carries: an XMP packet and an IPTC IIM block built from a
//! photo's fields, and the WebP container that holds the XMP.
//!
//! Wire services and CMSs read either standard, so both are written: XMP in full, IIM in
//! UTF-8 (CodedCharacterSet `ESC % G`) cut at IIM's byte limits on a character boundary. The
//! JPEG encoder places the segments (APP1, APP13); this module only builds their bytes. What a
//! file says on import is `metadata`'s job.

use super::metadata::{NS_DC, NS_IPTC_CORE, NS_PHOTOSHOP, NS_RDF, NS_XMP_RIGHTS};
use crate::markdown;

/// The credit fields written into a rendition, already composed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Credits {
    /// Who made the picture: one name per photographer (a composite has several), each its
    /// own `dc:creator` item and its own IIM By-line, which IIM cuts at 32 bytes each.
    pub creators: Vec<String>,
    /// `photoshop:Credit` / IIM Credit: the credit line a supplier asks for, e.g.
    /// "Bloomberg via Getty Images".
    pub credit: String,
    pub rights: String,
    pub description: String,
    pub alt_text: String,
    pub usage_terms: String,
}

impl Credits {
    pub fn from_fields(f: &crate::model::PhotoFields) -> Credits {
        let supplier = match (f.agency.trim(), f.distributor.trim()) {
            ("", d) => d.to_string(),
            (a, "") => a.to_string(),
            (a, d) => format!("{a} via {d}"),
        };
        let credit = f
            .credit_override
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
            .unwrap_or(supplier);
        Credits {
            creators: Some(f.creator.trim())
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .into_iter()
                .collect(),
            credit,
            rights: f.copyright.trim().to_string(),
            description: f.caption.trim().to_string(),
            alt_text: f.alt_text.trim().to_string(),
            usage_terms: f.usage_terms.trim().to_string(),
        }
    }
}

/// IIM's byte limits for the datasets Dateline writes.
pub const IIM_BYLINE_MAX: usize = 32;
pub const IIM_CREDIT_MAX: usize = 32;
pub const IIM_COPYRIGHT_MAX: usize = 128;
pub const IIM_CAPTION_MAX: usize = 2000;

/// The largest XMP packet a JPEG's APP1 segment holds (65,533 bytes less the 29 of the XMP
/// namespace). A longer packet would need "extended XMP", which few readers understand.
pub const XMP_MAX: usize = 65_504;

/// The XMP packet (UTF-8), without the APP1 namespace prefix. Fields too long for one packet
/// together are shortened, the longest first, each ending in "…" (preflight warns of a
/// caption that long), so every rendition still carries its credits.
pub fn xmp_packet(c: &Credits) -> Vec<u8> {
    let mut c = c.clone();
    loop {
        let packet = xmp_packet_of(&c);
        if packet.len() <= XMP_MAX {
            return packet;
        }
        let longest = [
            &mut c.description,
            &mut c.alt_text,
            &mut c.usage_terms,
            &mut c.rights,
            &mut c.credit,
        ]
        .into_iter()
        .chain(c.creators.iter_mut())
        .max_by_key(|f| f.len());
        match longest {
            Some(f) if f.len() > 16 => {
                let cut = truncate_utf8(f, f.len() * 3 / 4).to_string();
                *f = format!("{}…", cut.trim_end_matches('…'));
            }
            _ => return packet,
        }
    }
}

fn xmp_packet_of(c: &Credits) -> Vec<u8> {
    let mut props = String::new();
    let alt = |name: &str, v: &str, out: &mut String| {
        if !v.is_empty() {
            out.push_str(&format!(
                "<{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{name}>",
                markdown::escape(v)
            ));
        }
    };
    if !c.creators.is_empty() {
        let items: String = c
            .creators
            .iter()
            .map(|n| format!("<rdf:li>{}</rdf:li>", markdown::escape(n)))
            .collect();
        props.push_str(&format!(
            "<dc:creator><rdf:Seq>{items}</rdf:Seq></dc:creator>"
        ));
    }
    alt("dc:description", &c.description, &mut props);
    alt("dc:rights", &c.rights, &mut props);
    if !c.credit.is_empty() {
        props.push_str(&format!(
            "<photoshop:Credit>{}</photoshop:Credit>",
            markdown::escape(&c.credit)
        ));
    }
    alt("Iptc4xmpCore:AltTextAccessibility", &c.alt_text, &mut props);
    alt("xmpRights:UsageTerms", &c.usage_terms, &mut props);
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"{NS_RDF}\">\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"{NS_DC}\" xmlns:photoshop=\"{NS_PHOTOSHOP}\" \
         xmlns:Iptc4xmpCore=\"{NS_IPTC_CORE}\" xmlns:xmpRights=\"{NS_XMP_RIGHTS}\">{props}\
         </rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )
    .into_bytes()
}

/// The APP13 payload: `Photoshop 3.0`, one `8BIM` resource 0x0404 holding the IIM datasets.
pub fn photoshop_iim(c: &Credits) -> Vec<u8> {
    let mut iim = Vec::new();
    let mut dataset = |rec: u8, ds: u8, v: &[u8]| {
        iim.extend_from_slice(&[0x1C, rec, ds]);
        iim.extend_from_slice(&(v.len() as u16).to_be_bytes());
        iim.extend_from_slice(v);
    };
    dataset(1, 90, b"\x1b%G");
    dataset(2, 0, &[0, 4]);
    // By-line is repeatable: one per photographer, so each name gets its own 32 bytes.
    for name in &c.creators {
        dataset(2, 80, truncate_utf8(name, IIM_BYLINE_MAX).as_bytes());
    }
    for (ds, value, max) in [
        (110, &c.credit, IIM_CREDIT_MAX),
        (116, &c.rights, IIM_COPYRIGHT_MAX),
        (120, &c.description, IIM_CAPTION_MAX),
    ] {
        if !value.is_empty() {
            dataset(2, ds, truncate_utf8(value, max).as_bytes());
        }
    }
    let mut out = b"Photoshop 3.0\0".to_vec();
    out.extend_from_slice(b"8BIM");
    out.extend_from_slice(&0x0404u16.to_be_bytes());
    out.extend_from_slice(&[0, 0]); // empty name, padded to even
    out.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    let odd = iim.len() % 2 == 1;
    out.extend_from_slice(&iim);
    if odd {
        out.push(0);
    }
    out
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Appends one RIFF chunk, padded to an even length.
fn push_chunk(body: &mut Vec<u8>, name: &[u8], data: &[u8]) {
    body.extend_from_slice(name);
    body.extend_from_slice(&(data.len() as u32).to_le_bytes());
    body.extend_from_slice(data);
    if data.len() % 2 == 1 {
        body.push(0);
    }
}

/// Adds an `ICCP` chunk (the colour profile) and an `XMP ` chunk to a WebP file, converting a
/// simple file to the extended (`VP8X`) layout with the ICC and XMP flags set; the profile
/// goes right after `VP8X`, before the picture, as the WebP container requires. `None` when
/// `webp` is not a RIFF WebP.
pub fn webp_with_metadata(
    webp: &[u8],
    width: u32,
    height: u32,
    icc: &[u8],
    xmp: &[u8],
) -> Option<Vec<u8>> {
    if webp.len() < 20 || &webp[0..4] != b"RIFF" || &webp[8..12] != b"WEBP" {
        return None;
    }
    let chunks = &webp[12..];
    let flags = 0x04 | if icc.is_empty() { 0 } else { 0x20 };
    let mut body = b"WEBP".to_vec();
    let rest = if &chunks[0..4] == b"VP8X" {
        let (vp8x, rest) = chunks.split_at(18.min(chunks.len()));
        let mut c = vp8x.to_vec();
        c[8] |= flags;
        body.extend_from_slice(&c);
        rest
    } else {
        let w = width.checked_sub(1)?.to_le_bytes();
        let h = height.checked_sub(1)?.to_le_bytes();
        body.extend_from_slice(b"VP8X");
        body.extend_from_slice(&10u32.to_le_bytes());
        body.extend_from_slice(&[flags, 0, 0, 0, w[0], w[1], w[2], h[0], h[1], h[2]]);
        chunks
    };
    if !icc.is_empty() {
        push_chunk(&mut body, b"ICCP", icc);
    }
    body.extend_from_slice(rest);
    push_chunk(&mut body, b"XMP ", xmp);
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::metadata;

    #[test]
    fn a_packet_too_long_for_one_segment_is_shortened_longest_field_first() {
        let long = "Peña <&> ".repeat(20_000);
        let c = Credits {
            creators: vec!["Carlos Barria".into()],
            description: long.clone(),
            alt_text: long,
            ..Credits::default()
        };
        let packet = xmp_packet(&c);
        assert!(packet.len() <= XMP_MAX, "{}", packet.len());
        let text = String::from_utf8(packet).expect("UTF-8");
        assert!(
            text.contains("<rdf:li>Carlos Barria</rdf:li>"),
            "short fields kept"
        );
        assert!(text.contains("…</rdf:li>"), "shortened fields say so");
        assert!(roxmltree::Document::parse(
            text.split_once("?>\n")
                .unwrap()
                .1
                .rsplit_once("\n<?")
                .unwrap()
                .0
        )
        .is_ok());
    }

    #[test]
    fn truncates_on_a_character_boundary() {
        for (s, max, expected) in [
            ("Reuters", 32, "Reuters"),
            ("abcdef", 3, "abc"),
            ("Peña", 3, "Pe"),
            ("Peña", 4, "Peñ"),
            ("日本語", 7, "日本"),
            ("", 5, ""),
        ] {
            assert_eq!(truncate_utf8(s, max), expected, "{s} {max}");
        }
    }

    fn credits() -> Credits {
        Credits {
            // Two photographers (a composite), together longer than one By-line's 32 bytes.
            creators: vec!["José <Pepe> & Ana".into(), "Tomás Ibáñez Fernández".into()],
            credit: "Bloomberg via Getty Images".into(),
            rights: "© 2025 Bloomberg".into(),
            description: "Sheinbaum at a press conference.".into(),
            alt_text: "A woman at a lectern.".into(),
            usage_terms: "Editorial use only".into(),
        }
    }

    #[test]
    fn xmp_and_iim_read_back_as_written() {
        let c = credits();
        let mut w = Vec::new();
        let x = metadata::read_xmp(&xmp_packet(&c), &mut w);
        assert_eq!(x.creator, c.creators);
        assert_eq!(x.credit.as_deref(), Some(c.credit.as_str()));
        assert_eq!(x.rights.as_deref(), Some(c.rights.as_str()));
        assert_eq!(x.description.as_deref(), Some(c.description.as_str()));
        assert_eq!(x.alt_text.as_deref(), Some(c.alt_text.as_str()));
        assert_eq!(x.usage_terms.as_deref(), Some(c.usage_terms.as_str()));
        let ps = photoshop_iim(&c);
        let block = crate::photo::jpeg::iim_from_photoshop(&[&ps["Photoshop 3.0\0".len()..]])
            .expect("an IIM resource");
        let i = metadata::read_iim(&block, &mut w);
        assert_eq!(i.charset.as_deref(), Some("UTF-8"));
        assert_eq!(i.by_line, c.creators);
        assert_eq!(i.credit.as_deref(), Some(c.credit.as_str()));
        assert_eq!(i.copyright.as_deref(), Some(c.rights.as_str()));
        assert_eq!(i.caption.as_deref(), Some(c.description.as_str()));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn webp_gets_an_extended_header_with_the_xmp_flag() {
        let simple = b"RIFF\x0c\x00\x00\x00WEBPVP8 \x00\x00\x00\x00".to_vec();
        let out = webp_with_metadata(&simple, 640, 480, b"icc!", b"abc").expect("a WebP");
        assert_eq!(&out[12..16], b"VP8X");
        assert_eq!(out[20] & 0x24, 0x24);
        assert_eq!(&out[24..27], &[0x7F, 0x02, 0]); // 639
        let riff_len = u32::from_le_bytes([out[4], out[5], out[6], out[7]]) as usize;
        assert_eq!(riff_len + 8, out.len());
        assert!(out.windows(4).any(|w| w == b"XMP "));
        assert_eq!(&out[30..34], b"ICCP", "the profile comes right after VP8X");
        assert!(webp_with_metadata(b"not a webp at all!!!", 1, 1, b"", b"x").is_none());
    }
}

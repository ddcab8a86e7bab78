//! What a photo file says about itself: EXIF (orientation, date, camera), IPTC IIM (decoded
//! per its CodedCharacterSet) and XMP, and how those map onto Dateline's editable fields.
//!
//! Reading is forgiving: a broken EXIF block or unparsable XMP becomes a warning in
//! [`EmbeddedMetadata::warnings`], never a refused photo, because the pixels are what matter.
//! The mapping ([`fields_from`]) is a pure function: XMP wins where it and IIM disagree, both
//! stay visible in the stored JSON, and alt text comes from `Iptc4xmpCore:AltTextAccessibility`
//! only — a caption describes the news, alt text describes the picture, and copying one into
//! the other would hand screen-reader users the wrong thing. Writing metadata is `embed`'s job.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::model::PhotoFields;

/// Everything read from a photo's own metadata at import, kept as JSON in the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct EmbeddedMetadata {
    pub exif: ExifData,
    pub iim: IimData,
    pub xmp: XmpData,
    /// Fields where IIM and XMP say different things (XMP was used), e.g. "creator".
    pub conflicts: Vec<String>,
    /// What could not be read, in words for a journalist ("The EXIF block is damaged …").
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct ExifData {
    /// 1–8, as written in the file.
    pub orientation: Option<u8>,
    /// `DateTimeOriginal` (else `DateTime`), as "YYYY-MM-DD HH:MM:SS".
    pub date_taken: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub artist: Option<String>,
    pub copyright: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct IimData {
    /// "UTF-8" when 1:90 declares it, else "ISO-8859-1"; `None` without IIM.
    pub charset: Option<String>,
    pub object_name: Option<String>,
    pub by_line: Vec<String>,
    pub by_line_title: Option<String>,
    pub headline: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub source: Option<String>,
    pub copyright: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub keywords: Vec<String>,
    pub date_created: Option<String>,
    /// 2:40 Special Instructions ("EDITORIAL USE ONLY. NO SALES.").
    pub instructions: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct XmpData {
    pub creator: Vec<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub rights: Option<String>,
    pub credit: Option<String>,
    pub source: Option<String>,
    pub headline: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub alt_text: Option<String>,
    pub extended_description: Option<String>,
    pub usage_terms: Option<String>,
    /// photoshop:Instructions, the agency's special instructions.
    pub instructions: Option<String>,
}

// ---- EXIF ---------------------------------------------------------------------------------

/// Reads raw EXIF (TIFF), IIM and XMP blocks as import does, with the conflicts and the
/// fields they give. For the fuzz targets (`fuzz/`), which reach the readers without a JPEG
/// around them; the app imports through [`crate::photo::examine`].
#[doc(hidden)]
pub fn read_blocks(
    exif: Option<&[u8]>,
    iim: Option<&[u8]>,
    xmp: Option<&[u8]>,
) -> (EmbeddedMetadata, PhotoFields) {
    let mut m = EmbeddedMetadata::default();
    if let Some(b) = exif {
        m.exif = read_exif(b, &mut m.warnings);
    }
    if let Some(b) = iim {
        m.iim = read_iim(b, &mut m.warnings);
    }
    if let Some(b) = xmp {
        m.xmp = read_xmp(b, &mut m.warnings);
    }
    m.conflicts = conflicts(&m.iim, &m.xmp);
    let fields = fields_from(&m);
    (m, fields)
}

/// Reads a TIFF-structured EXIF block. A damaged block gives what could be read and a warning.
pub(crate) fn read_exif(tiff: &[u8], warnings: &mut Vec<String>) -> ExifData {
    use exif::{In, Tag, Value};
    let parsed = match exif::Reader::new().read_raw(tiff.to_vec()) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(
                Text::new("photo-exif-damaged")
                    .arg("detail", e.to_string())
                    .local(),
            );
            return ExifData::default();
        }
    };
    let text = |tag: Tag| -> Option<String> {
        let f = parsed.get_field(tag, In::PRIMARY)?;
        match &f.value {
            Value::Ascii(parts) => clean(
                &parts
                    .iter()
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => None,
        }
    };
    let orientation = parsed
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u8::try_from(o).ok())
        .filter(|o| (1..=8).contains(o));
    let date_taken = text(Tag::DateTimeOriginal)
        .or_else(|| text(Tag::DateTime))
        .map(|d| exif_date(&d));
    ExifData {
        orientation,
        date_taken,
        make: text(Tag::Make),
        model: text(Tag::Model),
        artist: text(Tag::Artist),
        copyright: text(Tag::Copyright),
    }
}

/// "2014:01:02 03:04:05" → "2014-01-02 03:04:05".
fn exif_date(d: &str) -> String {
    match d.split_once(' ') {
        Some((day, time)) => format!("{} {time}", day.replace(':', "-")),
        None => d.replace(':', "-"),
    }
}

// ---- IPTC IIM -----------------------------------------------------------------------------

/// Decodes an IIM block (records of `0x1C rec ds len data`). Text is UTF-8 when record 1:90
/// holds `ESC % G`, else Latin-1, as the IIM specification says.
pub(crate) fn read_iim(block: &[u8], warnings: &mut Vec<String>) -> IimData {
    let mut raw: Vec<(u8, u8, &[u8])> = Vec::new();
    let mut pos = 0;
    while pos + 5 <= block.len() && block[pos] == 0x1C {
        let (rec, ds) = (block[pos + 1], block[pos + 2]);
        let len = u16::from_be_bytes([block[pos + 3], block[pos + 4]]);
        if len & 0x8000 != 0 {
            // Extended datasets hold binary previews, never the text fields we read.
            // Its size field is `n` bytes long. A size past the end of the block is damage;
            // the sum is checked, since a size near 2^64 would wrap `pos` back to the start
            // and loop forever (found by fuzzing, issue 7).
            let n = usize::from(len & 0x7FFF);
            let Some(size) = block.get(pos + 5..pos + 5 + n) else {
                break;
            };
            let size = if n <= 8 {
                size.iter().fold(0u64, |a, &b| (a << 8) | u64::from(b))
            } else {
                u64::MAX
            };
            let next = usize::try_from(size)
                .ok()
                .and_then(|size| (pos + 5 + n).checked_add(size))
                .filter(|&next| next <= block.len());
            let Some(next) = next else {
                warnings.push(Text::new("photo-iptc-cut-short").local());
                break;
            };
            pos = next;
            continue;
        }
        let end = pos + 5 + usize::from(len);
        let Some(data) = block.get(pos + 5..end) else {
            warnings.push(Text::new("photo-iptc-cut-short").local());
            break;
        };
        raw.push((rec, ds, data));
        pos = end;
    }
    if raw.is_empty() {
        return IimData::default();
    }
    let utf8 = raw
        .iter()
        .any(|&(r, d, v)| r == 1 && d == 90 && v == b"\x1b%G");
    let decode = |v: &[u8]| -> Option<String> {
        let s = if utf8 {
            String::from_utf8_lossy(v).into_owned()
        } else {
            v.iter().map(|&b| char::from(b)).collect()
        };
        clean(&s)
    };
    let one = |ds: u8| {
        raw.iter()
            .find(|&&(r, d, _)| r == 2 && d == ds)
            .and_then(|&(_, _, v)| decode(v))
    };
    let all = |ds: u8| -> Vec<String> {
        raw.iter()
            .filter(|&&(r, d, _)| r == 2 && d == ds)
            .filter_map(|&(_, _, v)| decode(v))
            .collect()
    };
    IimData {
        charset: Some(if utf8 { "UTF-8" } else { "ISO-8859-1" }.into()),
        object_name: one(5),
        keywords: all(25),
        date_created: one(55),
        by_line: all(80),
        by_line_title: one(85),
        city: one(90),
        country: one(101),
        headline: one(105),
        credit: one(110),
        source: one(115),
        copyright: one(116),
        caption: one(120),
        instructions: one(40),
    }
}

// ---- XMP ----------------------------------------------------------------------------------

pub(crate) const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(crate) const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
pub(crate) const NS_PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
pub(crate) const NS_IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
pub(crate) const NS_XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

/// Reads the properties Dateline uses from an XMP packet.
pub(crate) fn read_xmp(packet: &[u8], warnings: &mut Vec<String>) -> XmpData {
    let text = String::from_utf8_lossy(packet);
    let start = text.find('<').unwrap_or(0);
    let body = text[start..].trim_end_matches(['\0', ' ', '\n', '\r', '\t']);
    let doc = match roxmltree::Document::parse(body) {
        Ok(d) => d,
        Err(e) => {
            warnings.push(
                Text::new("photo-xmp-not-xml")
                    .arg("detail", e.to_string())
                    .local(),
            );
            return XmpData::default();
        }
    };
    let list = |ns: &str, local: &str| xmp_values(&doc, ns, local);
    let one = |ns: &str, local: &str| list(ns, local).into_iter().next();
    XmpData {
        creator: list(NS_DC, "creator"),
        title: one(NS_DC, "title"),
        description: one(NS_DC, "description"),
        rights: one(NS_DC, "rights"),
        credit: one(NS_PHOTOSHOP, "Credit"),
        source: one(NS_PHOTOSHOP, "Source"),
        headline: one(NS_PHOTOSHOP, "Headline"),
        city: one(NS_PHOTOSHOP, "City"),
        country: one(NS_PHOTOSHOP, "Country"),
        alt_text: one(NS_IPTC_CORE, "AltTextAccessibility"),
        extended_description: one(NS_IPTC_CORE, "ExtDescrAccessibility"),
        usage_terms: one(NS_XMP_RIGHTS, "UsageTerms"),
        instructions: one(NS_PHOTOSHOP, "Instructions"),
    }
}

/// The values of property `ns:local`: an attribute of an `rdf:Description`, a simple element,
/// the items of an `rdf:Seq`/`rdf:Bag`, or — for a language alternative — the `x-default`
/// item (else the first).
fn xmp_values(doc: &roxmltree::Document<'_>, ns: &str, local: &str) -> Vec<String> {
    for desc in doc
        .descendants()
        .filter(|n| n.has_tag_name((NS_RDF, "Description")))
    {
        if let Some(v) = desc.attribute((ns, local)).and_then(clean) {
            return vec![v];
        }
        let Some(prop) = desc.children().find(|n| n.has_tag_name((ns, local))) else {
            continue;
        };
        let container = prop.children().find(|n| {
            n.has_tag_name((NS_RDF, "Alt"))
                || n.has_tag_name((NS_RDF, "Seq"))
                || n.has_tag_name((NS_RDF, "Bag"))
        });
        let Some(container) = container else {
            return prop.text().and_then(clean).into_iter().collect();
        };
        let items: Vec<roxmltree::Node<'_, '_>> = container
            .children()
            .filter(|n| n.has_tag_name((NS_RDF, "li")))
            .collect();
        if container.has_tag_name((NS_RDF, "Alt")) {
            let chosen = items
                .iter()
                .find(|li| li.attribute((NS_XML, "lang")) == Some("x-default"))
                .or(items.first());
            return chosen
                .and_then(|li| li.text())
                .and_then(clean)
                .into_iter()
                .collect();
        }
        return items
            .iter()
            .filter_map(|li| li.text().and_then(clean))
            .collect();
    }
    Vec::new()
}

/// Trims a value; empty values and the literal "null" some software writes (the Canon
/// fixture's XMP has `dc:creator` "null") count as absent, so no credit reads "Credit: null".
fn clean(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    (!t.is_empty() && !t.eq_ignore_ascii_case("null")).then(|| t.to_string())
}

// ---- Mapping ------------------------------------------------------------------------------

/// The editable fields a new photo starts with, from what its file says. XMP wins over IIM;
/// alt text comes from XMP's `AltTextAccessibility` and nowhere else.
pub fn fields_from(m: &EmbeddedMetadata) -> PhotoFields {
    let creator = if !m.xmp.creator.is_empty() {
        m.xmp.creator.join(", ")
    } else if !m.iim.by_line.is_empty() {
        m.iim.by_line.join(", ")
    } else {
        m.exif.artist.clone().unwrap_or_default()
    };
    let credit = m
        .xmp
        .credit
        .clone()
        .or_else(|| m.iim.credit.clone())
        .unwrap_or_default();
    let (agency, distributor) = split_credit(&credit);
    PhotoFields {
        caption: m
            .xmp
            .description
            .clone()
            .or_else(|| m.iim.caption.clone())
            .unwrap_or_default(),
        creator,
        agency,
        distributor,
        copyright: m
            .xmp
            .rights
            .clone()
            .or_else(|| m.iim.copyright.clone())
            .or_else(|| m.exif.copyright.clone())
            .unwrap_or_default(),
        alt_text: m.xmp.alt_text.clone().unwrap_or_default(),
        // The rights' usage terms; an agency that sends only its special instructions
        // ("EDITORIAL USE ONLY. NO SALES.") says the terms there, and the desk must see them.
        usage_terms: m
            .xmp
            .usage_terms
            .clone()
            .or_else(|| m.xmp.instructions.clone())
            .or_else(|| m.iim.instructions.clone())
            .unwrap_or_default(),
        credit_override: None,
    }
}

/// "Bloomberg via Getty Images" → ("Bloomberg", "Getty Images").
pub fn split_credit(credit: &str) -> (String, String) {
    match credit.split_once(" via ") {
        Some((a, d)) => (a.trim().to_string(), d.trim().to_string()),
        None => (credit.trim().to_string(), String::new()),
    }
}

/// Names the fields where IIM and XMP both have a value and the values differ.
pub(crate) fn conflicts(iim: &IimData, xmp: &XmpData) -> Vec<String> {
    let pairs: [(&str, Option<String>, Option<String>); 8] = [
        (
            "creator",
            (!iim.by_line.is_empty()).then(|| iim.by_line.join(", ")),
            (!xmp.creator.is_empty()).then(|| xmp.creator.join(", ")),
        ),
        ("caption", iim.caption.clone(), xmp.description.clone()),
        ("credit", iim.credit.clone(), xmp.credit.clone()),
        ("copyright", iim.copyright.clone(), xmp.rights.clone()),
        ("headline", iim.headline.clone(), xmp.headline.clone()),
        ("source", iim.source.clone(), xmp.source.clone()),
        ("city", iim.city.clone(), xmp.city.clone()),
        ("country", iim.country.clone(), xmp.country.clone()),
    ];
    pairs
        .into_iter()
        .filter_map(|(name, a, b)| match (a, b) {
            (Some(a), Some(b)) if a != b => Some(name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iim(datasets: &[(u8, u8, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for &(r, d, v) in datasets {
            out.extend_from_slice(&[0x1C, r, d]);
            out.extend_from_slice(&(v.len() as u16).to_be_bytes());
            out.extend_from_slice(v);
        }
        out
    }

    #[test]
    fn iim_is_decoded_per_its_coded_character_set() {
        let mut w = Vec::new();
        let latin = read_iim(&iim(&[(2, 80, b"Jos\xe9")]), &mut w);
        assert_eq!(latin.by_line, ["José"]);
        assert_eq!(latin.charset.as_deref(), Some("ISO-8859-1"));
        let utf8 = read_iim(
            &iim(&[(1, 90, b"\x1b%G"), (2, 80, "José".as_bytes())]),
            &mut w,
        );
        assert_eq!(utf8.by_line, ["José"]);
        assert_eq!(utf8.charset.as_deref(), Some("UTF-8"));
        assert!(w.is_empty());
    }

    #[test]
    fn an_agencys_special_instructions_are_its_usage_terms_when_it_sends_no_other() {
        let mut w = Vec::new();
        let only_iim = EmbeddedMetadata {
            iim: read_iim(
                &iim(&[(2, 40, b"EDITORIAL USE ONLY. NO SALES."), (2, 80, b"Ana")]),
                &mut w,
            ),
            ..EmbeddedMetadata::default()
        };
        assert_eq!(
            fields_from(&only_iim).usage_terms,
            "EDITORIAL USE ONLY. NO SALES."
        );
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
              photoshop:Instructions="MANDATORY CREDIT">
            <xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">Editorial use only</rdf:li></rdf:Alt></xmpRights:UsageTerms>
          </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let both = EmbeddedMetadata {
            xmp: read_xmp(packet.as_bytes(), &mut w),
            ..only_iim
        };
        assert_eq!(both.xmp.instructions.as_deref(), Some("MANDATORY CREDIT"));
        // Usage terms the photo states are its terms.
        assert_eq!(fields_from(&both).usage_terms, "Editorial use only");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn xmp_reads_attributes_lists_and_language_alternatives() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
              photoshop:Credit="Bloomberg via Getty Images">
            <dc:creator><rdf:Seq><rdf:li>Ana</rdf:li><rdf:li>Ben</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="es">Hola</rdf:li><rdf:li xml:lang="x-default">Hello</rdf:li></rdf:Alt></dc:description>
          </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let mut w = Vec::new();
        let x = read_xmp(packet.as_bytes(), &mut w);
        assert_eq!(x.creator, ["Ana", "Ben"]);
        assert_eq!(x.description.as_deref(), Some("Hello"));
        assert_eq!(x.credit.as_deref(), Some("Bloomberg via Getty Images"));
        let f = fields_from(&EmbeddedMetadata {
            xmp: x,
            ..Default::default()
        });
        assert_eq!(
            (f.agency.as_str(), f.distributor.as_str()),
            ("Bloomberg", "Getty Images")
        );
        assert_eq!(f.alt_text, "", "alt text is never taken from the caption");
    }

    #[test]
    fn broken_xmp_is_a_warning() {
        let mut w = Vec::new();
        assert_eq!(read_xmp(b"<x:xmpmeta><oops", &mut w), XmpData::default());
        assert_eq!(w.len(), 1);
    }
}

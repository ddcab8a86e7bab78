//! Credit and caption lines in the desk's house style.
//!
//! The default house style reproduces the model article: `Credit: {creator}/{agency}`, plus
//! ` via {distributor}` when there is one; a composite hero joins its photos' captions and
//! credits with "; " and may end with "Edited by {publication}". Pure functions over text:
//! the photo room, the preview and every export call these, so the line is written once.

use crate::model::{CodeReplacement, PhotoFields};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The words a credit and caption line uses in one language: "Credit: Carlos Barria/Reuters",
/// "… via Getty Images", "Edited by Sociedad Media".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HouseWords {
    /// A language tag's primary subtag: "en", "es".
    pub language: String,
    pub credit: String,
    pub via: String,
    pub edited_by: String,
}

impl HouseWords {
    pub fn english() -> HouseWords {
        HouseWords {
            language: "en".into(),
            credit: "Credit:".into(),
            via: "via".into(),
            edited_by: "Edited by".into(),
        }
    }

    pub fn spanish() -> HouseWords {
        HouseWords {
            language: "es".into(),
            credit: "Foto:".into(),
            via: "vía".into(),
            edited_by: "Edición:".into(),
        }
    }
}

/// The credit line of one photo in English house words (the photo desk's view and the
/// renditions' embedded description): the override when a person typed one, else composed.
pub fn credit_line(f: &PhotoFields) -> String {
    credit_line_in(f, &HouseWords::english())
}

/// The credit line of one photo in the house words `w` of a story's language ("Credit:" or
/// "Foto:", "via" or "vía"): the override when a person typed one, else composed.
pub fn credit_line_in(f: &PhotoFields, w: &HouseWords) -> String {
    if let Some(o) = f
        .credit_override
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        return o.to_string();
    }
    let creator = without_label(f.creator.trim(), w);
    let agency = agency_alone(f.agency.trim(), creator, w);
    let who: Vec<&str> = [creator, agency]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let via = f.distributor.trim();
    match (who.is_empty(), via.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("{} {via}", w.credit),
        (false, true) => format!("{} {}", w.credit, who.join("/")),
        (false, false) => format!("{} {} {} {via}", w.credit, who.join("/"), w.via),
    }
}

/// The words agencies and photographers put before a credit in the field itself ("Foto: Ana
/// Pérez/Cuartoscuro" is how Mexican agencies fill IPTC Credit), which the line says once.
const CREDIT_LABELS: [&str; 12] = [
    "credit",
    "crédito",
    "credito",
    "photo",
    "photograph",
    "photo by",
    "foto",
    "fotografía",
    "fotografia",
    "foto de",
    "photos",
    "fotos",
];

/// `s` without a leading credit word ("Foto:", "Credit:", "Photo by", the house's own word).
fn without_label<'a>(s: &'a str, w: &HouseWords) -> &'a str {
    let house = w.credit.trim().trim_end_matches(':');
    let mut best = s;
    for label in CREDIT_LABELS.into_iter().chain([house]) {
        let Some(head) = s.get(..label.len()).filter(|_| !label.is_empty()) else {
            continue;
        };
        if head.to_lowercase() != label.to_lowercase() {
            continue;
        }
        let rest = &s[label.len()..];
        // A word of its own: "Foto:" or "Photo by X", never "Fotosíntesis" or "Photographers".
        let rest = match rest.strip_prefix(':') {
            Some(r) => r,
            None if label.contains(' ') && rest.starts_with(char::is_whitespace) => rest,
            None => continue,
        }
        .trim_start();
        if !rest.is_empty() && rest.len() < best.len() {
            best = rest;
        }
    }
    best
}

/// The agency part of a credit, once: without a credit word, and without the creator when the
/// field already names them ("Foto: Ana Pérez/Cuartoscuro" with creator "Ana Pérez" is
/// "Cuartoscuro"), so the line never says "Foto: Ana Pérez/Foto: Ana Pérez/Cuartoscuro".
fn agency_alone<'a>(agency: &'a str, creator: &str, w: &HouseWords) -> &'a str {
    let agency = without_label(agency, w);
    if creator.is_empty() {
        return agency;
    }
    if agency.to_lowercase() == creator.to_lowercase() {
        return "";
    }
    if let Some(head) = agency.get(..creator.len()) {
        if head.to_lowercase() == creator.to_lowercase() {
            let rest = agency[creator.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(['/', ',', ';', '-', '–']) {
                let r = r.trim_start();
                if !r.is_empty() {
                    return r;
                }
            }
        }
    }
    agency
}

/// The caption line under a hero: each photo's caption followed by its credit, photos joined
/// with "; ", then "Edited by …" when the composite was edited by the publication, in the
/// house words `w` of the story's language.
pub fn caption_line(photos: &[&PhotoFields], edited_by: Option<&str>, w: &HouseWords) -> String {
    let mut line = photos
        .iter()
        .map(|f| {
            let caption = f.caption.trim();
            let credit = credit_line_in(f, w);
            match (caption.is_empty(), credit.is_empty()) {
                (_, true) => caption.to_string(),
                (true, false) => credit,
                (false, false) => format!("{caption} {credit}"),
            }
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    if let Some(by) = edited_by.map(str::trim).filter(|b| !b.is_empty()) {
        if !line.is_empty() {
            if !line.ends_with(['.', '!', '?']) {
                line.push('.');
            }
            line.push(' ');
        }
        line.push_str(&w.edited_by);
        line.push(' ');
        line.push_str(by);
    }
    line
}

/// The alt text of a composite: each photo's alt text as a sentence of its own ("Fishing
/// boats at sunrise. A man mending a net."), so a screen reader pauses between them.
pub fn join_alt_texts<'a>(alts: impl IntoIterator<Item = &'a str>) -> String {
    alts.into_iter()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| {
            if a.ends_with(['.', '!', '?', '…', '"', '”', '»']) {
                a.to_string()
            } else {
                format!("{a}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Expands the desk's codes in `text` in one pass (an expansion is never expanded again);
/// where codes overlap the longest wins.
pub fn expand_codes(text: &str, table: &[CodeReplacement]) -> String {
    let mut codes: Vec<&CodeReplacement> = table.iter().filter(|r| !r.code.is_empty()).collect();
    codes.sort_by_key(|r| std::cmp::Reverse(r.code.len()));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for r in &codes {
            if let Some(after) = rest.strip_prefix(r.code.as_str()) {
                out.push_str(&r.expansion);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A photo's fields with the desk's codes expanded in each.
pub fn expand_fields(f: &PhotoFields, table: &[CodeReplacement]) -> PhotoFields {
    let x = |s: &str| expand_codes(s, table);
    PhotoFields {
        caption: x(&f.caption),
        creator: x(&f.creator),
        agency: x(&f.agency),
        distributor: x(&f.distributor),
        copyright: x(&f.copyright),
        alt_text: x(&f.alt_text),
        usage_terms: x(&f.usage_terms),
        credit_override: f.credit_override.as_deref().map(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(caption: &str, creator: &str, agency: &str, via: &str) -> PhotoFields {
        PhotoFields {
            caption: caption.into(),
            creator: creator.into(),
            agency: agency.into(),
            distributor: via.into(),
            ..Default::default()
        }
    }

    #[test]
    fn composes_credits_in_house_style() {
        assert_eq!(
            credit_line(&fields("", "Carlos Barria", "Reuters", "")),
            "Credit: Carlos Barria/Reuters"
        );
        assert_eq!(
            credit_line(&fields("", "Stephania Corpi", "Bloomberg", "Getty Images")),
            "Credit: Stephania Corpi/Bloomberg via Getty Images"
        );
        assert_eq!(credit_line(&fields("", "", "AP", "")), "Credit: AP");
        assert_eq!(credit_line(&fields("", "", "", "")), "");
        let mut f = fields("", "A", "B", "");
        f.credit_override = Some("Photo: Handout".into());
        assert_eq!(credit_line(&f), "Photo: Handout");
    }

    #[test]
    fn an_agency_credit_that_names_its_word_and_photographer_is_said_once() {
        let es = HouseWords::spanish();
        // As Mexican agencies fill IPTC Credit (a tryout's Cuartoscuro photos).
        assert_eq!(
            credit_line_in(
                &fields("", "Ana Pérez", "Foto: Ana Pérez/Cuartoscuro", ""),
                &es
            ),
            "Foto: Ana Pérez/Cuartoscuro"
        );
        assert_eq!(
            credit_line_in(&fields("", "", "Foto: Luis Gómez/Cuartoscuro", ""), &es),
            "Foto: Luis Gómez/Cuartoscuro"
        );
        assert_eq!(
            credit_line(&fields("", "Jane Doe", "Photo by Jane Doe / AP", "")),
            "Credit: Jane Doe/AP"
        );
        assert_eq!(
            credit_line(&fields("", "", "CREDIT: Reuters", "")),
            "Credit: Reuters"
        );
        assert_eq!(
            credit_line(&fields("", "Jane Doe", "Jane Doe", "")),
            "Credit: Jane Doe"
        );
        // Words that only begin like a label are names, and a label alone is kept as typed.
        assert_eq!(
            credit_line_in(&fields("", "", "Fotosíntesis Press", ""), &es),
            "Foto: Fotosíntesis Press"
        );
        assert_eq!(
            credit_line(&fields("", "", "Photographers Ltd", "")),
            "Credit: Photographers Ltd"
        );
        assert_eq!(credit_line(&fields("", "", "Foto:", "")), "Credit: Foto:");
    }

    #[test]
    fn reproduces_the_model_articles_composite_line() {
        let a = fields(
            "U.S. President Donald Trump (left) at the White House on Inauguration Day in Washington, D.C. on January 20, 2025.",
            "Carlos Barria",
            "Reuters",
            "",
        );
        let b = fields(
            "Mexican President Claudia Sheinbaum at a press conference on November 6 in Mexico City.",
            "Stephania Corpi",
            "Bloomberg",
            "Getty Images",
        );
        assert_eq!(
            caption_line(&[&a, &b], Some("Sociedad Media"), &HouseWords::english()),
            "U.S. President Donald Trump (left) at the White House on Inauguration Day in Washington, D.C. on January 20, 2025. Credit: Carlos Barria/Reuters; Mexican President Claudia Sheinbaum at a press conference on November 6 in Mexico City. Credit: Stephania Corpi/Bloomberg via Getty Images. Edited by Sociedad Media"
        );
    }

    #[test]
    fn single_photo_without_edited_by() {
        let a = fields("A caption.", "Jane Doe", "AP", "");
        assert_eq!(
            caption_line(&[&a], None, &HouseWords::english()),
            "A caption. Credit: Jane Doe/AP"
        );
        assert_eq!(
            caption_line(&[], Some("X"), &HouseWords::english()),
            "Edited by X"
        );
    }

    #[test]
    fn issue11_spanish_stories_use_the_spanish_house_words() {
        let b = fields(
            "La presidenta.",
            "Stephania Corpi",
            "Bloomberg",
            "Getty Images",
        );
        assert_eq!(
            caption_line(&[&b], Some("Sociedad Media"), &HouseWords::spanish()),
            "La presidenta. Foto: Stephania Corpi/Bloomberg vía Getty Images. Edición: Sociedad Media"
        );
    }

    #[test]
    fn issue11_composite_alt_texts_are_separate_sentences() {
        assert_eq!(
            join_alt_texts([
                "Fishing boats at sunrise",
                " ",
                "A man mending a fishing net."
            ]),
            "Fishing boats at sunrise. A man mending a fishing net."
        );
    }

    #[test]
    fn expands_codes_once_longest_first() {
        let table = [
            CodeReplacement {
                code: "=rtr=".into(),
                expansion: "Reuters".into(),
            },
            CodeReplacement {
                code: "=rtrs=".into(),
                expansion: "Reuters staff".into(),
            },
            CodeReplacement {
                code: "=loop=".into(),
                expansion: "=rtr=".into(),
            },
        ];
        for (input, expected) in [
            ("=rtr=", "Reuters"),
            ("Photo: =rtr=/=rtr=", "Photo: Reuters/Reuters"),
            ("=rtrs= in Peña", "Reuters staff in Peña"),
            ("=loop=", "=rtr="),
            ("no codes", "no codes"),
            ("=rtr", "=rtr"),
        ] {
            assert_eq!(expand_codes(input, &table), expected, "{input}");
        }
    }
}

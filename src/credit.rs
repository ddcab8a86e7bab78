//! Credit and caption lines in the desk's house style.
//!
//! The default house style reproduces the model article: `Credit: {creator}/{agency}`, plus
//! ` via {distributor}` when there is one; a composite hero joins its photos' captions and
//! credits with "; " and may end with "Edited by {publication}". Pure functions over text:
//! the photo room, the preview and every export call these, so the line is written once.

use crate::model::{CodeReplacement, PhotoFields};

/// The credit line of one photo: the override when a person typed one, else composed.
pub fn credit_line(f: &PhotoFields) -> String {
    if let Some(o) = f
        .credit_override
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        return o.to_string();
    }
    let who: Vec<&str> = [f.creator.trim(), f.agency.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let via = f.distributor.trim();
    match (who.is_empty(), via.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("Credit: {via}"),
        (false, true) => format!("Credit: {}", who.join("/")),
        (false, false) => format!("Credit: {} via {via}", who.join("/")),
    }
}

/// The caption line under a hero: each photo's caption followed by its credit, photos joined
/// with "; ", then "Edited by …" when the composite was edited by the publication.
pub fn caption_line(photos: &[&PhotoFields], edited_by: Option<&str>) -> String {
    let mut line = photos
        .iter()
        .map(|f| {
            let caption = f.caption.trim();
            let credit = credit_line(f);
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
        line.push_str("Edited by ");
        line.push_str(by);
    }
    line
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
            caption_line(&[&a, &b], Some("Sociedad Media")),
            "U.S. President Donald Trump (left) at the White House on Inauguration Day in Washington, D.C. on January 20, 2025. Credit: Carlos Barria/Reuters; Mexican President Claudia Sheinbaum at a press conference on November 6 in Mexico City. Credit: Stephania Corpi/Bloomberg via Getty Images. Edited by Sociedad Media"
        );
    }

    #[test]
    fn single_photo_without_edited_by() {
        let a = fields("A caption.", "Jane Doe", "AP", "");
        assert_eq!(caption_line(&[&a], None), "A caption. Credit: Jane Doe/AP");
        assert_eq!(caption_line(&[], Some("X")), "Edited by X");
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

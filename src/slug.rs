//! Slugs: the URL- and file-safe name of an article.
//!
//! A slug is derived from the headline by transliterating to ASCII ("Peña" → `pena`,
//! "Diputados aprueban…" → `diputados-aprueban`), lower-casing and joining words with `-`.
//! A [`Slug`] is always valid: lowercase ASCII letters, digits and single hyphens, no leading
//! or trailing hyphen, at most [`MAX_LEN`] bytes, and never a name that could escape a folder
//! or that Windows reserves. Uniqueness per workspace is the store's business.

use std::fmt;

use crate::error::{Error, Result};
use crate::i18n::Text;

pub const MAX_LEN: usize = 80;

const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// Derives a slug from free text (a headline). Returns `None` when nothing usable is left
    /// (a headline of only punctuation or emoji).
    pub fn derive(text: &str) -> Option<Slug> {
        let ascii = deunicode::deunicode(text).to_lowercase();
        let mut out = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if c == '\'' {
                // "Mexico's" → "mexicos", not "mexico-s".
                continue;
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        let mut s = out.trim_matches('-').to_string();
        if s.len() > MAX_LEN {
            // Cut at a word boundary where there is one.
            let cut = s[..MAX_LEN].rfind('-').filter(|&i| i > MAX_LEN / 2);
            s.truncate(cut.unwrap_or(MAX_LEN));
            s = s.trim_end_matches('-').to_string();
        }
        if s.is_empty() {
            return None;
        }
        if RESERVED.contains(&s.as_str()) {
            s.push_str("-article");
        }
        Some(Slug(s))
    }

    /// Validates a slug typed by a person. Accepts anything [`Slug::derive`] would leave
    /// unchanged; anything else is an error that says what to fix.
    pub fn parse(text: &str) -> Result<Slug> {
        let t = text.trim();
        if t.is_empty() {
            return Err(Error::invalid("slug", Text::new("slug-empty")));
        }
        match Slug::derive(t) {
            Some(s) if s.0 == t => Ok(s),
            Some(s) => Err(Error::invalid(
                "slug",
                Text::new("slug-invalid").arg("slug", t).arg("example", s.0),
            )),
            None => Err(Error::invalid(
                "slug",
                Text::new("slug-no-letters").arg("slug", t),
            )),
        }
    }

    /// `base`, `base-2`, `base-3`, … : the `n`th candidate when `base` is taken.
    pub fn with_suffix(&self, n: u32) -> Slug {
        if n <= 1 {
            return self.clone();
        }
        let suffix = format!("-{n}");
        let mut base = self.0.clone();
        base.truncate(MAX_LEN - suffix.len());
        Slug(format!("{}{suffix}", base.trim_end_matches('-')))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this slug is the one Dateline made from `headline` (`base` or `base-N`), not
    /// one a person typed: such a slug may follow the headline while the story is a draft.
    pub fn is_derived_from(&self, headline: &str) -> bool {
        let Some(base) = Slug::derive(headline) else {
            return false;
        };
        if self.0 == base.0 {
            return true;
        }
        (2..=999).any(|n| base.with_suffix(n) == *self)
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(
            Slug::derive(input).as_ref().map(Slug::as_str),
            expected,
            "{input}"
        );
    }

    #[test]
    fn derives_transliterated_slugs() {
        check(
            "Diputados aprueban la reforma",
            Some("diputados-aprueban-la-reforma"),
        );
        check("Peña", Some("pena"));
        check(
            "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels",
            Some("sheinbaum-rejects-u-s-offer-to-help-combat-drug-cartels"),
        );
        check("Mexico’s “sovereignty”", Some("mexicos-sovereignty"));
        check("Mexico's sovereignty", Some("mexicos-sovereignty"));
        check("¿Qué pasó en Cancún?", Some("que-paso-en-cancun"));
        check("  --  ", None);
        check("../../etc/passwd", Some("etc-passwd"));
        check("CON", Some("con-article"));
        check("Ünïcödé Straße", Some("unicode-strasse"));
    }

    #[test]
    fn long_headlines_cut_at_a_word() {
        let s = Slug::derive(&"word ".repeat(40)).unwrap();
        assert!(s.as_str().len() <= MAX_LEN);
        assert!(!s.as_str().ends_with('-'));
        assert!(s.as_str().ends_with("word"));
    }

    #[test]
    fn parse_rejects_what_derive_would_change() {
        assert!(Slug::parse("good-slug-2").is_ok());
        assert!(Slug::parse("Bad Slug").is_err());
        assert!(Slug::parse("../x").is_err());
        assert!(Slug::parse("").is_err());
    }

    #[test]
    fn suffixes_stay_within_the_limit() {
        let s = Slug::derive(&"a".repeat(MAX_LEN)).unwrap();
        assert_eq!(s.with_suffix(12).as_str().len(), MAX_LEN);
        assert!(s.with_suffix(12).as_str().ends_with("-12"));
        assert_eq!(Slug::derive("x").unwrap().with_suffix(2).as_str(), "x-2");
    }
}

//! The publication's house rules, kept in the desk: its name, the words its credit lines use
//! in each language, the shape of a single-photo hero, where its stories live on the web,
//! where packages go by default, and the lengths preflight checks.
//!
//! Pure data with defaults and one validation; the desk stores it (`Workspace::settings`),
//! preflight and the export read it. Today's values are the defaults, so a desk that never
//! opened the Settings screen behaves exactly as before.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::credit::HouseWords;
use crate::error::{Error, Result};
use crate::i18n::Text;

/// The desk's publication settings, as the Settings screen edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub publication: String,
    /// The shape of a single-photo hero: "16:9", "3:2", "4:3", "1:1" or "4:5".
    pub hero_aspect: String,
    /// Where a published story lives: `https://news.example/{section}/{slug}/`, with `{section}`,
    /// `{slug}` and `{year}` filled in. Empty: packages sit side by side (`../{slug}/index.html`).
    pub url_pattern: String,
    /// Where packages go unless the person picks another folder; `None`: `~/Dateline exports`.
    pub export_folder: Option<String>,
    /// Credit words per language; a story in a language not listed uses the first.
    pub house_words: Vec<HouseWords>,
    pub headline_max: u32,
    pub dek_max: u32,
    pub alt_text_max: u32,
    /// Read-only: the desk folder, shown so a person knows where their work lives.
    #[serde(default)]
    pub desk_folder: String,
    /// Read-only: the folder the Export dialog proposes today — `export_folder` while it
    /// exists, else `~/Dateline exports`.
    #[serde(default)]
    pub export_folder_now: String,
}

/// The hero shapes a publication can choose (free is not a hero shape).
pub const HERO_ASPECTS: [&str; 5] = ["16:9", "3:2", "4:3", "1:1", "4:5"];

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            publication: String::new(),
            hero_aspect: "16:9".into(),
            url_pattern: String::new(),
            export_folder: None,
            house_words: vec![HouseWords::english(), HouseWords::spanish()],
            headline_max: 110,
            dek_max: 300,
            alt_text_max: 250,
            desk_folder: String::new(),
            export_folder_now: String::new(),
        }
    }
}

impl Settings {
    /// The credit words for a story in `language` ("es-MX" uses the "es" row).
    pub fn words_for(&self, language: &str) -> HouseWords {
        let lang = primary(language);
        self.house_words
            .iter()
            .find(|w| primary(&w.language) == lang)
            .or_else(|| self.house_words.first())
            .cloned()
            .unwrap_or_else(HouseWords::english)
    }

    /// Checks and tidies what a person typed: trimmed words, a known hero shape, a URL
    /// pattern that names the story, lengths that make sense.
    pub fn validated(mut self) -> Result<Settings> {
        self.publication = self.publication.trim().to_string();
        self.hero_aspect = self.hero_aspect.trim().to_string();
        if !HERO_ASPECTS.contains(&self.hero_aspect.as_str()) {
            return Err(Error::invalid(
                "hero_aspect",
                Text::new("settings-bad-hero-shape")
                    .arg("shape", &self.hero_aspect)
                    .arg("shapes", HERO_ASPECTS.join(", ")),
            ));
        }
        self.url_pattern = self.url_pattern.trim().to_string();
        if !self.url_pattern.is_empty() && !self.url_pattern.contains("{slug}") {
            return Err(Error::invalid(
                "url_pattern",
                Text::new("settings-pattern-needs-slug"),
            ));
        }
        self.export_folder = self
            .export_folder
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty());
        for w in &mut self.house_words {
            w.language = primary(&w.language);
            w.credit = w.credit.trim().to_string();
            w.via = w.via.trim().to_string();
            w.edited_by = w.edited_by.trim().to_string();
            if w.language.is_empty() || w.credit.is_empty() {
                return Err(Error::invalid(
                    "house_words",
                    Text::new("settings-house-words-incomplete"),
                ));
            }
        }
        if self.house_words.is_empty() {
            self.house_words = Settings::default().house_words;
        }
        for (field, value, least) in [
            ("headline_max", self.headline_max, 20),
            ("dek_max", self.dek_max, 40),
            ("alt_text_max", self.alt_text_max, 40),
        ] {
            if value < least {
                return Err(Error::invalid(
                    field,
                    Text::new("settings-limit-too-short")
                        .arg("value", value)
                        .arg("least", least),
                ));
            }
        }
        Ok(self)
    }

    /// The web address of a published story, or the sibling package when the publication has
    /// no pattern.
    pub fn story_url(&self, section: Option<&str>, slug: &str, year: i32) -> String {
        if self.url_pattern.is_empty() {
            return format!("../{slug}/index.html");
        }
        let section = section
            .and_then(crate::slug::Slug::derive)
            .map(|s| s.to_string())
            .unwrap_or_default();
        self.url_pattern
            .replace("{section}", &section)
            .replace("{slug}", slug)
            .replace("{year}", &year.to_string())
            .replace("//", "/")
            .replacen(":/", "://", 1)
    }
}

/// Where packages go unless the desk says otherwise: `~/Dateline exports`.
pub fn default_export_folder() -> std::path::PathBuf {
    directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .or_else(|| std::env::var_os("HOME").map(std::path::PathBuf::from))
        .unwrap_or_default()
        .join("Dateline exports")
}

/// "es-MX" → "es", lowercase.
pub fn primary(language: &str) -> String {
    language
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_story_language() {
        let s = Settings::default();
        assert_eq!(s.words_for("es-MX").credit, "Foto:");
        assert_eq!(s.words_for("en-GB").credit, "Credit:");
        assert_eq!(
            s.words_for("fr").credit,
            "Credit:",
            "unlisted: the first row"
        );
    }

    #[test]
    fn story_urls_fill_the_pattern() {
        let mut s = Settings::default();
        assert_eq!(
            s.story_url(Some("México"), "a-b", 2026),
            "../a-b/index.html"
        );
        s.url_pattern = "https://news.example/{section}/{year}/{slug}/".into();
        assert_eq!(
            s.story_url(Some("México"), "a-b", 2026),
            "https://news.example/mexico/2026/a-b/"
        );
        assert_eq!(
            s.story_url(None, "a-b", 2026),
            "https://news.example/2026/a-b/"
        );
    }

    #[test]
    fn validation_explains_itself() {
        let bad = Settings {
            hero_aspect: "2:1".into(),
            ..Settings::default()
        };
        assert!(bad.validated().unwrap_err().to_string().contains("16:9"));
        let bad = Settings {
            url_pattern: "https://x.example/news".into(),
            ..Settings::default()
        };
        assert!(bad.validated().unwrap_err().to_string().contains("{slug}"));
        let ok = Settings {
            publication: "  Sociedad Media ".into(),
            hero_aspect: "3:2".into(),
            ..Settings::default()
        }
        .validated()
        .unwrap();
        assert_eq!(ok.publication, "Sociedad Media");
        assert_eq!(ok.hero_aspect, "3:2");
    }
}

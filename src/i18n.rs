//! The words Dateline adds around a story — "By", "More in Mexico", "Updated", the date —
//! in the story's own language, from one Fluent catalogue per language
//! (`assets/i18n/<lang>/page.ftl`, compiled in).
//!
//! The story's language picks the catalogue ("es-MX" reads `es`); a language without one
//! reads English. A test checks that every catalogue holds the same messages, so no page
//! comes out half translated.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::settings::primary;

/// The catalogues: language, Fluent source.
const CATALOGUES: [(&str, &str); 2] = [
    ("en", include_str!("../assets/i18n/en/page.ftl")),
    ("es", include_str!("../assets/i18n/es/page.ftl")),
];

/// One language's words.
pub struct Words {
    language: &'static str,
    bundle: FluentBundle<FluentResource>,
}

fn all() -> &'static [Words] {
    static ALL: OnceLock<Vec<Words>> = OnceLock::new();
    ALL.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(lang, src)| {
                let id = lang.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // No Unicode isolation marks around arguments: the words go into HTML text
                // and JSON, where the invisible marks would only be noise.
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
                // A catalogue that does not parse is a build defect; the tests load each one.
                let _ = bundle.add_resource(resource);
                Words {
                    language: lang,
                    bundle,
                }
            })
            .collect()
    })
}

/// The words for a story in `language`: its own catalogue, else English.
pub fn words(language: &str) -> &'static Words {
    let p = primary(language);
    let all = all();
    all.iter().find(|w| w.language == p).unwrap_or(&all[0])
}

impl Words {
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The message `id` with its arguments filled in; the id itself when the catalogue has no
    /// such message (a test checks that none is missing).
    pub fn get(&self, id: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.to_string());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, (!args.is_empty()).then_some(&fa), &mut errors)
            .into_owned()
    }

    /// A day as this language writes it: "November 29, 2026", "29 de noviembre de 2026".
    pub fn date(&self, t: DateTime<Utc>) -> String {
        let month = self.get(&format!("month-{}", t.month()), &[]);
        self.get(
            "date",
            &[
                ("month", &month),
                ("day", &t.day().to_string()),
                ("year", &t.year().to_string()),
            ],
        )
    }

    /// Names joined as a sentence: "A", "A and B", "A, B and C".
    pub fn list(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => {
                format!("{} {} {last}", rest.join(", "), self.get("and", &[]))
            }
        }
    }
}

/// The message ids of one catalogue, for the completeness test.
fn ids(src: &str) -> BTreeSet<String> {
    src.lines()
        .filter(|l| !l.starts_with(['#', ' ']) && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next())
        .map(str::to_string)
        .collect()
}

/// Message ids some catalogue lacks that another has, as "es: more-in".
pub fn missing_messages() -> Vec<String> {
    let every: BTreeSet<String> = CATALOGUES.iter().flat_map(|(_, s)| ids(s)).collect();
    CATALOGUES
        .iter()
        .flat_map(|(lang, src)| {
            let have = ids(src);
            every
                .iter()
                .filter(move |id| !have.contains(*id))
                .map(move |id| format!("{lang}: {id}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_catalogue_parses_and_holds_every_message() {
        for (lang, src) in CATALOGUES {
            assert!(FluentResource::try_new(src.to_string()).is_ok(), "{lang}");
        }
        assert_eq!(missing_messages(), Vec::<String>::new());
    }

    #[test]
    fn spanish_stories_get_spanish_words() {
        let es = words("es-MX");
        assert_eq!(es.get("more-in", &[("section", "México")]), "Más en México");
        assert_eq!(es.list(&["Ana", "Luis", "Eva"]), "Ana, Luis y Eva");
        let t = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
        assert_eq!(es.date(t), "29 de noviembre de 2026");
        assert_eq!(words("en").date(t), "November 29, 2026");
        assert_eq!(words("fr").get("by", &[]), "By", "no catalogue: English");
    }
}

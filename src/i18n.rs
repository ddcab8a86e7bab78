//! The words Dateline adds around a story — "By", "More in Mexico", "Updated", the date —
//! in the story's own language, from one Fluent catalogue per language
//! (`assets/i18n/<lang>/page.ftl`, compiled in).
//!
//! The story's language picks the catalogue ("es-MX" reads `es`); a language without one
//! reads English. A test checks that every catalogue holds the same messages, so no page
//! comes out half translated.
//!
//! The same room holds the words the core writes for *people* — errors, preflight findings,
//! workflow refusals — in the **interface** language ([`Lang`]), from a second catalogue per
//! language (`assets/i18n/<lang>/messages.ftl`). An error site builds a [`Text`] (a message id
//! and its arguments), never an English sentence; the English catalogue is the one place the
//! English words live. The interface language and a story's language are independent.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
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

/// The catalogues of the words the core writes for people: language, Fluent source.
const MESSAGE_CATALOGUES: [(&str, &str); 2] = [
    ("en", include_str!("../assets/i18n/en/messages.ftl")),
    ("es", include_str!("../assets/i18n/es/messages.ftl")),
];

/// One language's words.
pub struct Words {
    language: &'static str,
    bundle: FluentBundle<FluentResource>,
}

fn all() -> &'static [Words] {
    static ALL: OnceLock<Vec<Words>> = OnceLock::new();
    ALL.get_or_init(|| load(&CATALOGUES))
}

fn all_messages() -> &'static [Words] {
    static ALL: OnceLock<Vec<Words>> = OnceLock::new();
    ALL.get_or_init(|| load(&MESSAGE_CATALOGUES))
}

fn load(catalogues: &[(&'static str, &'static str)]) -> Vec<Words> {
    catalogues
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
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.to_string());
        }
        self.format(id, (!args.is_empty()).then_some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
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

/// The language of the interface: the words of errors, findings and refusals. Any language
/// tag starting `es` is Spanish; every other one English (the only catalogues there are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// From a language tag ("es-MX", "en") or a POSIX locale ("es_ES.UTF-8", "C").
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    fn messages(self) -> &'static Words {
        let all = all_messages();
        all.iter()
            .find(|w| w.language == self.tag())
            .unwrap_or(&all[0])
    }

    /// An integer as this language writes it. Spanish groups the thousands of a number of
    /// five digits or more with a no-break space, as the RAE asks ("30 000", "1200"); English
    /// keeps the plain digits its messages always printed ("30000"), which scripts and tests
    /// read back.
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sign = if n < 0 { "-" } else { "" };
        if digits.len() <= 4 || self == Lang::En {
            return format!("{sign}{digits}");
        }
        let sep = "\u{a0}";
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
        format!("{sign}{out}")
    }

    /// A day as this language writes it: "November 29, 2026", "29 de noviembre de 2026".
    pub fn date(self, t: DateTime<Utc>) -> String {
        words(self.tag()).date(t)
    }
}

static INTERFACE: AtomicU8 = AtomicU8::new(0);

/// The interface language of this process: the app sets it from the window's setting, the CLI
/// from the locale. Errors turned into [`crate::ErrorDto`] speak it; English until set.
pub fn interface_language() -> Lang {
    match INTERFACE.load(Ordering::Relaxed) {
        1 => Lang::Es,
        _ => Lang::En,
    }
}

pub fn set_interface_language(lang: Lang) {
    INTERFACE.store(
        match lang {
            Lang::En => 0,
            Lang::Es => 1,
        },
        Ordering::Relaxed,
    );
}

/// Words the core writes for a person, not yet in any language: a message of the catalogue
/// with its arguments. `Raw` is text that is the same in every language — a file's path, a
/// server's own words — or a message built by a caller outside the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Msg(&'static str, Vec<(&'static str, Arg)>),
    Raw(String),
}

/// One argument of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Words given as they are: a name, a path, a headline.
    Str(String),
    /// A count or a size, written as the language writes numbers.
    Int(i64),
    /// Words of the catalogue themselves (a status's name, a cause).
    Text(Text),
    /// Alternatives joined as the language does: "A, B or C", "A, B o C".
    Or(Vec<Text>),
    /// Items joined as the language does: "A, B and C", "A, B y C".
    And(Vec<Text>),
    /// Whole sentences, one after the other.
    Sentences(Vec<Text>),
    /// A measure to one decimal place, given in tenths: "12.3", "12,3".
    Tenths(i64),
}

impl Text {
    /// The message `id` of the catalogue; arguments follow with [`Text::arg`].
    pub fn new(id: &'static str) -> Text {
        Text::Msg(id, Vec::new())
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        if let Text::Msg(_, args) = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The message id, when it is one of the catalogue's.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Text::Msg(id, _) => Some(id),
            Text::Raw(_) => None,
        }
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Raw(s) => s.clone(),
            Text::Msg(id, args) => {
                let words = lang.messages();
                let mut fa = FluentArgs::new();
                for (name, value) in args {
                    match value {
                        Arg::Int(n) if n.unsigned_abs() < 10_000 => fa.set(*name, *n as f64),
                        other => fa.set(*name, other.render(lang)),
                    }
                }
                words.format(id, (!args.is_empty()).then_some(&fa))
            }
        }
    }

    /// The words in the interface's language (what the person reads in the window or at the
    /// command line).
    pub fn local(&self) -> String {
        self.render(interface_language())
    }

    /// Every message id this text uses, its arguments' included.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if let Text::Msg(id, args) = self {
            out.push(*id);
            for (_, a) in args {
                match a {
                    Arg::Text(t) => out.extend(t.ids()),
                    Arg::Or(ts) | Arg::And(ts) | Arg::Sentences(ts) => {
                        out.extend(ts.iter().flat_map(Text::ids))
                    }
                    Arg::Str(_) | Arg::Int(_) | Arg::Tenths(_) => {}
                }
            }
        }
        out
    }
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Str(s) => s.clone(),
            Arg::Int(n) => lang.number(*n),
            Arg::Text(t) => t.render(lang),
            Arg::Tenths(n) => {
                let point = if lang == Lang::Es { "," } else { "." };
                let sign = if *n < 0 { "-" } else { "" };
                let n = n.unsigned_abs();
                format!("{sign}{}{point}{}", n / 10, n % 10)
            }
            Arg::Sentences(items) => items
                .iter()
                .map(|t| t.render(lang))
                .collect::<Vec<_>>()
                .join(" "),
            Arg::Or(items) | Arg::And(items) => {
                let items: Vec<String> = items.iter().map(|t| t.render(lang)).collect();
                let conj = if matches!(self, Arg::Or(_)) {
                    "list-or"
                } else {
                    "list-and"
                };
                match items.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [init @ .., last] => {
                        let joined = init.join(", ");
                        let fa = {
                            let mut fa = FluentArgs::new();
                            fa.set("init", joined);
                            fa.set("last", last.clone());
                            fa
                        };
                        lang.messages().format(conj, Some(&fa))
                    }
                }
            }
        }
    }
}

/// English, the words tests and logs read.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Raw(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Raw(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Str(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Str(p.display().to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(t)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u8, u16, u32, u64, usize);

impl From<f64> for Arg {
    /// A measure rounded to a whole number (pixels, characters).
    fn from(n: f64) -> Arg {
        Arg::Int(n.round() as i64)
    }
}

/// A catalogue's messages with the arguments each one names, for the completeness tests.
fn messages_with_args(src: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') && line.contains(" =") {
            if let Some(id) = line.split(" =").next() {
                out.push((id.trim().to_string(), BTreeSet::new()));
            }
        }
        if let Some((_, args)) = out.last_mut() {
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                rest = &rest[at + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                args.insert(name);
            }
        }
    }
    out
}

/// The message ids of one catalogue, for the completeness test.
fn ids(src: &str) -> BTreeSet<String> {
    messages_with_args(src)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn missing_in(catalogues: &[(&str, &str)]) -> Vec<String> {
    let every: BTreeSet<String> = catalogues.iter().flat_map(|(_, s)| ids(s)).collect();
    catalogues
        .iter()
        .flat_map(|(lang, src)| {
            let have = ids(src);
            every
                .iter()
                .filter(move |id| !have.contains(*id))
                .map(move |id| format!("{lang}: {id}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Message ids some catalogue lacks that another has, as "es: more-in" — the page words and
/// the messages alike.
pub fn missing_messages() -> Vec<String> {
    let mut out = missing_in(&CATALOGUES);
    out.extend(missing_in(&MESSAGE_CATALOGUES));
    out
}

/// Messages whose arguments differ between English and another catalogue, as
/// "es: error-io: {path, reason} ≠ {path}".
pub fn mismatched_arguments() -> Vec<String> {
    let mut out = Vec::new();
    for catalogues in [&CATALOGUES[..], &MESSAGE_CATALOGUES[..]] {
        let english = messages_with_args(catalogues[0].1);
        for (lang, src) in &catalogues[1..] {
            let theirs = messages_with_args(src);
            for (id, args) in &english {
                if let Some((_, other)) = theirs.iter().find(|(i, _)| i == id) {
                    if other != args {
                        out.push(format!("{lang}: {id}: {args:?} ≠ {other:?}"));
                    }
                }
            }
        }
    }
    out
}

/// Whether the interface catalogues hold `id` in every language.
pub fn has_message(id: &str) -> bool {
    Lang::ALL.iter().all(|l| l.messages().has(id))
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
        for (lang, src) in MESSAGE_CATALOGUES {
            let parsed = FluentResource::try_new(src.to_string());
            assert!(parsed.is_ok(), "{lang}: {:?}", parsed.err().map(|e| e.1));
        }
        assert_eq!(missing_messages(), Vec::<String>::new());
        assert_eq!(mismatched_arguments(), Vec::<String>::new());
    }

    /// Every message id the core's source gives `Text::new` names a message both catalogues hold, so
    /// no person is shown a bare message id.
    #[test]
    fn every_message_the_code_names_is_in_the_catalogues_issue_15() {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let src = std::fs::read_to_string(&p).unwrap();
                    for piece in src.split("Text::new(\"").skip(1) {
                        let id = piece.split('"').next().unwrap_or_default().to_string();
                        out.push((p.display().to_string(), id));
                    }
                }
            }
        }
        let mut named = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut named,
        );
        assert!(named.len() > 50, "the walk found the error sites");
        let missing: Vec<_> = named.iter().filter(|(_, id)| !has_message(id)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them_issue_15() {
        assert_eq!(Lang::En.number(1200), "1200");
        assert_eq!(Lang::En.number(30_000), "30000");
        assert_eq!(Lang::Es.number(1200), "1200");
        assert_eq!(Lang::Es.number(150_000_000), "150\u{a0}000\u{a0}000");
        assert_eq!(Lang::from_tag("es_ES.UTF-8"), Lang::Es);
        assert_eq!(Lang::from_tag("C.UTF-8"), Lang::En);
        let t = Text::new("error-disk-full");
        assert_ne!(t.render(Lang::En), t.render(Lang::Es));
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

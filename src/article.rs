//! Turning what a person typed into a valid article: the one place article input is checked.
//!
//! An [`ArticleDraft`] arrives from the form, the CLI or an import; [`ValidArticle::new`]
//! trims it, derives or checks the slug, checks the language tag and the bylines, and from then
//! on nothing re-checks it. Uniqueness of the slug needs the store and is settled by the
//! workspace.

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{ArticleDraft, Byline, Hero, Status};
use crate::slug::Slug;

/// Languages the desk knows the typography of; others are accepted as well-formed tags.
pub const KNOWN_LANGUAGES: &[&str] = &["en", "es"];

#[derive(Debug, Clone, PartialEq)]
pub struct ValidArticle {
    pub slug: Slug,
    pub headline: String,
    pub dek: String,
    pub body: String,
    pub dateline: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub language: String,
    pub status: Status,
    pub bylines: Vec<Byline>,
    pub hero: Option<Hero>,
    /// Front matter kept from an imported file, checked by [`crate::frontmatter::check_kept`].
    pub front_matter_extra: Option<String>,
    /// True when the slug was derived from the headline rather than chosen by a person, so
    /// the workspace may add a `-2` to make it unique.
    pub slug_derived: bool,
}

impl ValidArticle {
    /// Validates a draft. `current_slug` is the slug the article already has (when saving an
    /// existing article without naming a slug, it keeps it, so published links do not move).
    pub fn new(d: ArticleDraft, current_slug: Option<&str>) -> Result<ValidArticle> {
        let headline = one_line(&d.headline);
        if headline.is_empty() {
            return Err(Error::invalid(
                "headline",
                Text::new("article-headline-empty"),
            ));
        }
        let (slug, slug_derived) = match d.slug.as_deref().map(str::trim).filter(|s| !s.is_empty())
        {
            Some(s) => (Slug::parse(s)?, false),
            None => match current_slug {
                Some(s) => (Slug::parse(s)?, false),
                None => (
                    Slug::derive(&headline).ok_or_else(|| {
                        Error::invalid("slug", Text::new("article-headline-no-slug"))
                    })?,
                    true,
                ),
            },
        };
        let language = match d
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            None => "en".to_string(),
            Some(l) => language_tag(l)?,
        };
        let mut bylines = Vec::with_capacity(d.bylines.len());
        for b in d.bylines {
            let name = one_line(&b.name);
            if name.is_empty() {
                continue;
            }
            let role = b.role.map(|r| one_line(&r)).filter(|r| !r.is_empty());
            bylines.push(Byline {
                name,
                role,
                author_id: b.author_id,
            });
        }
        let mut tags: Vec<String> = Vec::new();
        for t in d.tags {
            let t = one_line(&t);
            if !t.is_empty() && !tags.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                tags.push(t);
            }
        }
        if let Some(h) = &d.hero {
            if h.photos.len() > 3 {
                return Err(Error::invalid("hero", Text::new("article-hero-too-many")));
            }
        }
        let front_matter_extra = d.front_matter_extra.filter(|x| !x.trim().is_empty());
        if let Some(extra) = &front_matter_extra {
            crate::frontmatter::check_kept(extra)
                .map_err(|message| Error::invalid("front_matter_extra", message))?;
        }
        Ok(ValidArticle {
            slug,
            headline,
            dek: d.dek.trim().to_string(),
            body: d.body,
            dateline: one_line(&d.dateline),
            section: d.section.map(|s| one_line(&s)).filter(|s| !s.is_empty()),
            tags,
            language,
            status: d.status.unwrap_or_default(),
            bylines,
            hero: d.hero.filter(|h| !h.photos.is_empty()),
            front_matter_extra,
            slug_derived,
        })
    }

    /// The draft this valid article stands for, as revisions record it.
    pub fn to_draft(&self) -> ArticleDraft {
        ArticleDraft {
            headline: self.headline.clone(),
            dek: self.dek.clone(),
            body: self.body.clone(),
            dateline: self.dateline.clone(),
            section: self.section.clone(),
            tags: self.tags.clone(),
            language: Some(self.language.clone()),
            status: Some(self.status),
            slug: Some(self.slug.to_string()),
            bylines: self.bylines.clone(),
            hero: self.hero.clone(),
            front_matter_extra: self.front_matter_extra.clone(),
        }
    }
}

/// Collapses runs of whitespace (including newlines) into single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks a BCP 47-shaped tag (`es`, `en-GB`, `es-419`) and normalises its case.
fn language_tag(l: &str) -> Result<String> {
    let mut parts = l.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let ok_primary =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let mut out = primary.to_ascii_lowercase();
    let mut ok = ok_primary;
    for p in parts {
        ok &= (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric());
        out.push('-');
        out.push_str(&if p.len() == 2 {
            p.to_ascii_uppercase()
        } else {
            p.to_string()
        });
    }
    if !ok {
        return Err(Error::invalid(
            "language",
            Text::new("article-bad-language").arg("code", l),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(headline: &str) -> ArticleDraft {
        ArticleDraft {
            headline: headline.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_empty_headline_is_refused() {
        let e = ValidArticle::new(draft("   "), None).unwrap_err();
        assert_eq!(e.code(), crate::error::ErrorCode::Invalid);
        assert!(e.to_string().contains("headline"));
    }

    #[test]
    fn slug_is_derived_or_kept() {
        let v = ValidArticle::new(draft("Peña Nieto habla"), None).unwrap();
        assert_eq!(v.slug.as_str(), "pena-nieto-habla");
        assert!(v.slug_derived);
        let v = ValidArticle::new(draft("Another headline"), Some("kept-slug")).unwrap();
        assert_eq!(v.slug.as_str(), "kept-slug");
    }

    #[test]
    fn languages_are_checked_and_normalised() {
        assert_eq!(language_tag("es-mx").unwrap(), "es-MX");
        assert_eq!(language_tag("es-419").unwrap(), "es-419");
        assert!(language_tag("spanish!").is_err());
        assert!(language_tag("e").is_err());
    }

    #[test]
    fn blank_bylines_and_duplicate_tags_are_dropped() {
        let mut d = draft("H");
        d.bylines = vec![
            Byline {
                name: "  ".into(),
                ..Default::default()
            },
            Byline {
                name: " Dionys  Duroc ".into(),
                role: Some(" ".into()),
                author_id: None,
            },
        ];
        d.tags = vec!["Mexico".into(), "mexico".into(), "".into(), "Trade".into()];
        let v = ValidArticle::new(d, None).unwrap();
        assert_eq!(v.bylines.len(), 1);
        assert_eq!(v.bylines[0].name, "Dionys Duroc");
        assert_eq!(v.bylines[0].role, None);
        assert_eq!(v.tags, vec!["Mexico", "Trade"]);
    }
}

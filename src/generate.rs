//! The test-library generator: thousands of plausible articles, the same ones for the same
//! seed, to measure and try the desk at the size a newsroom reaches in a few years.
//!
//! It owns only the making-up: paragraphs, headings, headlines and tags are taken from real
//! Markdown articles in a folder (`../shared/fixtures/articles/`), mixed by a tiny seeded
//! PRNG (SplitMix64, so the output never depends on another crate's algorithm) with Spanish
//! paragraphs of its own (the fixtures are all English), several bylines with roles, every
//! status, dates spread over three years before a fixed day, and, when the desk has photos,
//! some heroes. Validation and storage are the usual ones — [`ValidArticle::new`], then the
//! store's `insert_article` and `insert_revision` — in batches of one transaction each, so
//! 10,000 articles take seconds. It deliberately does not make photos or revisions beyond
//! the first.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Serialize;

use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::frontmatter;
use crate::i18n::Text;
use crate::model::{ArticleDraft, Byline, Hero, HeroPhoto, Status};

/// Articles stored per transaction: large enough that commits (each one fsynced) are few,
/// small enough that a failure names a batch, not the whole run.
pub const BATCH: usize = 500;

/// What a generation made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GenerateReport {
    pub articles: usize,
    pub english: usize,
    pub spanish: usize,
    pub with_hero: usize,
    /// Markdown files the English paragraphs came from.
    pub sources: usize,
    /// Distinct paragraphs available to English bodies.
    pub paragraphs: usize,
}

/// SplitMix64: a few lines, good enough to pick paragraphs, fixed forever for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The material read from the source folder.
struct Corpus {
    headlines: Vec<String>,
    headings: Vec<String>,
    paragraphs: Vec<String>,
    tags: Vec<String>,
    sources: usize,
}

impl Corpus {
    fn read(from: &Path) -> Result<Corpus> {
        let mut files: Vec<_> = std::fs::read_dir(from)
            .map_err(|e| Error::io(from, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
            .collect();
        files.sort();
        let mut c = Corpus {
            headlines: Vec::new(),
            headings: Vec::new(),
            paragraphs: Vec::new(),
            tags: Vec::new(),
            sources: 0,
        };
        let mut seen = HashSet::new();
        for path in &files {
            let text = frontmatter::read_text(path)?;
            // A file without a headline (the 1 MB stress file) still gives its paragraphs.
            let d = match frontmatter::parse(&text) {
                Ok(parsed) => parsed.draft,
                Err(_) => ArticleDraft {
                    body: text,
                    ..Default::default()
                },
            };
            c.sources += 1;
            if !d.headline.trim().is_empty() {
                c.headlines.push(d.headline.trim().to_string());
            }
            c.tags.extend(d.tags);
            for block in d.body.split("\n\n") {
                let block = block.trim();
                if !seen.insert(block.to_string()) {
                    continue;
                }
                if let Some(h) = block.strip_prefix("## ") {
                    if !h.contains('\n') && h.len() < 90 {
                        c.headings.push(h.trim().to_string());
                    }
                } else if block.len() >= 80 && !block.starts_with('#') && !block.starts_with("[^") {
                    // Prose, lists, quotes and tables alike: a body is more than sentences.
                    c.paragraphs.push(block.to_string());
                }
            }
        }
        c.tags.sort();
        c.tags.dedup();
        if c.paragraphs.is_empty() {
            return Err(Error::invalid(
                "from",
                Text::new("generate-no-markdown").arg("folder", from),
            ));
        }
        // Every English story takes its headline from these (and its headings, when the
        // files have none of their own): paragraphs alone are not enough to build a library.
        if c.headlines.is_empty() {
            return Err(Error::invalid(
                "from",
                Text::new("generate-no-headlines").arg("folder", from),
            ));
        }
        if c.headings.is_empty() {
            c.headings = c.headlines.clone();
        }
        if c.tags.is_empty() {
            c.tags.push("open source".into());
        }
        Ok(c)
    }
}

const ES_PARAGRAPHS: &[&str] = &[
    "La Cámara de Diputados aprobó el martes la reforma con 312 votos a favor, después de una sesión que se prolongó hasta la madrugada y en la que la oposición denunció que no hubo tiempo para leer el dictamen.",
    "Según datos del Instituto Nacional de Estadística y Geografía, la inflación anual se ubicó en 4,2 % en octubre, por encima de lo que esperaban los analistas consultados por la agencia.",
    "El huracán tocó tierra cerca de Acapulco con vientos sostenidos de 215 kilómetros por hora; las autoridades de Guerrero informaron que más de 80.000 personas pasaron la noche en refugios temporales.",
    "«No vamos a permitir que nadie decida por los mexicanos», dijo la presidenta en su conferencia matutina en el Palacio Nacional, al ser preguntada por la propuesta de Washington.",
    "La economía mexicana creció 0,8 % en el tercer trimestre, impulsada por las exportaciones manufactureras del norte del país y por el consumo de los hogares, de acuerdo con cifras preliminares.",
    "En Oaxaca, los maestros de la sección 22 mantienen el plantón en el zócalo de la capital del estado; exigen la liberación de compañeros detenidos y la revisión de la evaluación docente.",
    "La Suprema Corte de Justicia de la Nación discutirá la próxima semana la constitucionalidad de la ley, que organizaciones civiles consideran una amenaza para el acceso a la información pública.",
    "—¿Quién va a pagar la reconstrucción? —preguntó una vecina de la colonia Peñón de los Baños, mientras los bomberos retiraban los escombros del edificio derrumbado.",
    "Los productores de aguacate de Michoacán advierten que la sequía reducirá la cosecha hasta en un 30 %, y que el precio en los mercados de la Ciudad de México podría duplicarse antes de diciembre.",
    "El secretario de Hacienda presentó el paquete económico con un déficit del 3,5 % del PIB y prometió que no habrá nuevos impuestos, aunque sí un ajuste en el gasto de varias dependencias.",
    "La selección mexicana empató 1-1 con Colombia en un partido amistoso jugado en Guadalajara; el técnico dijo que el equipo «todavía está en construcción» a siete meses del Mundial.",
    "Investigadores de la Universidad Nacional Autónoma de México publicaron un estudio sobre la calidad del aire en el Valle de México: las partículas finas superan la norma 200 días al año.",
    "La empresa estatal anunció una inversión de 12.000 millones de pesos en la refinería de Tula, cuya producción cayó a mínimos históricos durante el primer semestre del año.",
    "En la frontera norte, los albergues de Tijuana y Ciudad Juárez reportan una ocupación cercana al 100 %, con familias que esperan durante semanas una cita para solicitar asilo.",
    "El Instituto Nacional Electoral aprobó el calendario de la elección judicial; los consejeros reconocieron que el presupuesto asignado obliga a instalar menos casillas que en 2024.",
    "Peña Nieto no respondió a las preguntas de los reporteros a su llegada al aeropuerto de Madrid, donde reside desde que dejó la presidencia en diciembre de 2018.",
];

const ES_HEADINGS: &[&str] = &[
    "Lo que dijo la oposición",
    "Los números de la economía",
    "Qué sigue en el Congreso",
    "La reacción en los estados",
    "Una decisión polémica",
    "Las cifras oficiales",
];

const ES_SUBJECTS: &[&str] = &[
    "Diputados",
    "El Senado",
    "La presidenta",
    "La Suprema Corte",
    "Productores de Michoacán",
    "Maestros de Oaxaca",
    "El Banco de México",
    "Vecinos de Iztapalapa",
];
const ES_ACTIONS: &[&str] = &[
    "aprueban la reforma judicial",
    "rechazan la oferta de Washington",
    "piden más tiempo para el dictamen",
    "advierten por la sequía",
    "recortan la tasa de interés",
    "exigen agua potable",
    "suspenden la sesión",
    "anuncian un nuevo plan de seguridad",
];
const ES_SECTIONS: &[&str] = &["México", "Política", "Economía", "Cultura", "Mundo"];
const ES_TAGS: &[&str] = &[
    "política",
    "economía",
    "elecciones",
    "migración",
    "seguridad",
    "medio ambiente",
];
const EN_SECTIONS: &[&str] = &[
    "Technology",
    "Government",
    "Business",
    "Science",
    "World",
    "Opinion",
];
const EN_PREFIXES: &[&str] = &["", "", "", "Analysis: ", "Explainer: ", "Update: "];
const DATELINES: &[&str] = &[
    "MEXICO CITY",
    "WASHINGTON",
    "OAXACA",
    "GUADALAJARA",
    "MONTERREY",
    "BOGOTÁ",
    "MADRID",
    "SAN FRANCISCO",
];
/// (name, profile role, a per-article role that overrides it now and then).
const AUTHORS: &[(&str, &str, &str)] = &[
    (
        "Dionys Duroc",
        "Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media",
        "Special to Sociedad Media",
    ),
    ("Ana Lucía Pérez", "Staff Writer", "Reporting from Oaxaca"),
    ("Jorge Peña", "Economics Editor", "Analysis"),
    ("Mara Whitfield", "Technology Correspondent", "Contributor"),
    ("Tomás Ibáñez", "Political Reporter", "Senate correspondent"),
    ("Priya Raman", "Science Writer", "Data reporting"),
    ("Sofía Castañeda", "Culture Editor", "Photos and reporting"),
    ("Ben Okafor", "Copy Chief", "Additional reporting"),
];
const GUESTS: &[&str] = &["Lucía Méndez", "Carl Jensen", "Renata Ortiz"];

/// The fixed day the three years of dates end on, so a seed always gives the same library.
fn end_of_span() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
        .single()
        .unwrap_or_else(Utc::now)
}

fn status(rng: &mut Rng) -> Status {
    match rng.below(100) {
        0..=49 => Status::Published,
        50..=64 => Status::Draft,
        65..=72 => Status::InEdit,
        73..=79 => Status::CopyDesk,
        80..=87 => Status::Ready,
        88..=93 => Status::Archived,
        _ => Status::Spiked,
    }
}

fn bylines(rng: &mut Rng, ids: &[i64]) -> Vec<Byline> {
    let n = 1 + rng.below(3).min(rng.below(3)); // one byline most often, up to three
    let mut out: Vec<Byline> = Vec::new();
    while out.len() < n {
        if rng.chance(8) {
            let name = rng.pick(GUESTS).to_string();
            if !out.iter().any(|b| b.name == name) {
                out.push(Byline {
                    name,
                    role: Some("Guest contributor".into()),
                    author_id: None,
                });
            }
            continue;
        }
        let i = rng.below(AUTHORS.len());
        let (name, role, override_role) = AUTHORS[i];
        if out.iter().any(|b| b.name == name) {
            continue;
        }
        let role = if rng.chance(15) { override_role } else { role };
        out.push(Byline {
            name: name.into(),
            role: Some(role.into()),
            author_id: ids.get(i).copied(),
        });
    }
    out
}

fn first_sentence(p: &str) -> String {
    let flat = p.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = flat.find(". ").map(|i| i + 1).unwrap_or(flat.len());
    let mut s: String = flat[..end].chars().take(240).collect();
    if s.len() < end {
        s.push('…');
    }
    s
}

fn english(rng: &mut Rng, c: &Corpus, n: usize) -> ArticleDraft {
    let headline = if rng.chance(50) {
        format!("{}{}", rng.pick(EN_PREFIXES), rng.pick(&c.headings))
    } else {
        format!("{}{}", rng.pick(EN_PREFIXES), rng.pick(&c.headlines))
    };
    // A run of neighbouring paragraphs reads like a piece of one article.
    let len = 4 + rng.below(16);
    let start = rng.below(c.paragraphs.len());
    let mut body = Vec::new();
    for k in 0..len {
        if k > 0 && k % 5 == 0 {
            body.push(format!("## {}", rng.pick(&c.headings)));
        }
        body.push(c.paragraphs[(start + k) % c.paragraphs.len()].clone());
    }
    let tags = (0..1 + rng.below(3))
        .map(|_| rng.pick(&c.tags).clone())
        .collect::<Vec<_>>();
    story(
        rng,
        format!("{headline} ({n})"),
        &body,
        EN_SECTIONS,
        tags,
        "en",
    )
}

fn spanish(rng: &mut Rng, n: usize) -> ArticleDraft {
    let headline = format!("{} {}", rng.pick(ES_SUBJECTS), rng.pick(ES_ACTIONS));
    let len = 3 + rng.below(8);
    let mut body = Vec::new();
    for k in 0..len {
        if k > 0 && k % 4 == 0 {
            body.push(format!("## {}", rng.pick(ES_HEADINGS)));
        }
        body.push(rng.pick(ES_PARAGRAPHS).to_string());
    }
    let tags = (0..1 + rng.below(3))
        .map(|_| rng.pick(ES_TAGS).to_string())
        .collect::<Vec<_>>();
    story(
        rng,
        format!("{headline} ({n})"),
        &body,
        ES_SECTIONS,
        tags,
        "es",
    )
}

/// A story of `body`'s paragraphs, its dek the first sentence, in one of `sections`.
fn story(
    rng: &mut Rng,
    headline: String,
    body: &[String],
    sections: &[&str],
    tags: Vec<String>,
    language: &str,
) -> ArticleDraft {
    ArticleDraft {
        headline,
        dek: first_sentence(&body[0]),
        body: body.join("\n\n"),
        dateline: rng.pick(DATELINES).to_string(),
        section: Some(rng.pick(sections).to_string()),
        tags,
        language: Some(language.into()),
        ..Default::default()
    }
}

/// The library's generator: reads the source folder once, then hands out batches of stories
/// (validated, each with its date); the desk stores them (`Workspace::generate_library`).
pub struct Generator {
    corpus: Corpus,
    rng: Rng,
    author_ids: Vec<i64>,
    photos: Vec<i64>,
    /// The number of the next story (for its unique slug).
    next: usize,
    end: DateTime<Utc>,
    report: GenerateReport,
}

impl Generator {
    /// The bylines' authors, as (name, role): the desk makes their profiles first.
    pub fn authors() -> impl Iterator<Item = (&'static str, &'static str)> {
        AUTHORS.iter().map(|(name, role, _)| (*name, *role))
    }

    /// A generator of stories from the Markdown articles in `from`, numbered from `first`,
    /// by the profiles `author_ids`, a fifth with a hero among `photos`.
    pub fn new(
        from: &Path,
        seed: u64,
        author_ids: Vec<i64>,
        photos: Vec<i64>,
        first: usize,
    ) -> Result<Generator> {
        let corpus = Corpus::read(from)?;
        let report = GenerateReport {
            articles: 0,
            english: 0,
            spanish: 0,
            with_hero: 0,
            sources: corpus.sources,
            paragraphs: corpus.paragraphs.len(),
        };
        Ok(Generator {
            corpus,
            rng: Rng(seed),
            author_ids,
            photos,
            next: first,
            end: end_of_span(),
            report,
        })
    }

    /// The next `n` stories, each with the time it was written.
    pub fn batch(&mut self, n: usize) -> Result<Vec<(ValidArticle, DateTime<Utc>)>> {
        let span_secs = 3 * 365 * 24 * 3600;
        let rng = &mut self.rng;
        let mut drafts = Vec::with_capacity(n);
        for _ in 0..n {
            let mut d = if rng.chance(35) {
                self.report.spanish += 1;
                spanish(rng, self.next)
            } else {
                self.report.english += 1;
                english(rng, &self.corpus, self.next)
            };
            self.next += 1;
            d.status = Some(status(rng));
            d.bylines = bylines(rng, &self.author_ids);
            if !self.photos.is_empty() && rng.chance(20) {
                self.report.with_hero += 1;
                d.hero = Some(Hero {
                    photos: vec![HeroPhoto {
                        photo_id: *rng.pick(&self.photos),
                        crop: None,
                    }],
                    edited_by: None,
                });
            }
            let at = self.end - Duration::seconds(rng.below(span_secs) as i64);
            drafts.push((ValidArticle::new(d, None)?, at));
        }
        self.report.articles += n;
        Ok(drafts)
    }

    /// What was generated.
    pub fn report(&self) -> GenerateReport {
        self.report.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
        let a: Vec<u64> = (0..4).map(|_| Rng(7).next()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut r = Rng(7);
        let mut s = Rng(8);
        assert_ne!(r.next(), s.next());
        assert!((0..1000).all(|_| r.below(3) < 3));
    }

    #[test]
    fn a_dek_is_the_first_sentence() {
        assert_eq!(first_sentence("One two. Three four."), "One two.");
        assert_eq!(first_sentence("No end at all"), "No end at all");
    }
}

//! `dateline article …`: write, edit, list, move along the workflow, show, render, import and
//! export articles, and their history.

use std::path::PathBuf;

use clap::Subcommand;
use dateline::i18n::Text;
use dateline::model::{
    ArticleDraft, Byline, DiffOp, DiffSpan, Hero, HeroPhoto, LibraryQuery, LibrarySort, Status,
};
use dateline::{Error, Workspace};

use crate::output::Out;

#[derive(Subcommand)]
pub enum ArticleCmd {
    /// Create an article; prints it with its id and slug.
    New {
        #[arg(long)]
        headline: String,
        #[arg(long, default_value = "")]
        dek: String,
        #[arg(long)]
        section: Option<String>,
        /// Read the Markdown body from this file.
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
        #[arg(long)]
        slug: Option<String>,
        #[arg(long)]
        language: Option<String>,
        #[arg(long, default_value = "")]
        dateline: String,
        /// A byline as "Name" or "Name|Role"; repeat for several, in order.
        #[arg(long = "byline")]
        bylines: Vec<String>,
        /// Start from a template: news, analysis or photo_story (its body and tags).
        #[arg(long)]
        template: Option<String>,
    },
    /// Change an article's fields, as the window's form does: only the fields given change.
    /// Saved like any edit (the history keeps the words it had).
    Edit {
        id_or_slug: String,
        #[arg(long)]
        headline: Option<String>,
        #[arg(long)]
        dek: Option<String>,
        /// A byline as "Name" or "Name|Role"; repeat for several, in order. Replaces the
        /// article's bylines.
        #[arg(long = "byline")]
        bylines: Vec<String>,
        /// A tag; repeat for several. Replaces the article's tags (`--tag ""` removes them all).
        #[arg(long = "tag")]
        tags: Vec<String>,
        #[arg(long)]
        section: Option<String>,
        #[arg(long)]
        dateline: Option<String>,
        #[arg(long)]
        language: Option<String>,
        /// Read the new Markdown body from this file.
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
    },
    /// List the articles on the desk (not the trash), last change first; filters combine.
    List {
        /// draft, in_edit, copy_desk, ready, published, spiked, archived (or "In edit"…).
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        section: Option<String>,
        /// A byline's name: all their stories ("More from <author>").
        #[arg(long)]
        author: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        /// Changed on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY")]
        from: Option<String>,
        /// Changed on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY")]
        to: Option<String>,
        /// updated (default), created, headline or status.
        #[arg(long, default_value = "updated")]
        sort: String,
    },
    /// Move a story along the workflow (Draft → In edit → Copy desk → Ready → Published;
    /// Spiked, Archived). The move is recorded with who and when.
    Status {
        id_or_slug: String,
        /// The status to move to: draft, in_edit, copy_desk, ready, published, spiked,
        /// archived (or its label, "In edit").
        status: String,
    },
    /// The story's workflow moves: who moved it from what to what, and when.
    Moves { id_or_slug: String },
    /// Add an internal editor's note to a story (never exported).
    Note {
        id_or_slug: String,
        text: Vec<String>,
    },
    /// List a story's editor notes.
    Notes { id_or_slug: String },
    /// Copy a story as a new Draft (same text, bylines, hero; its own slug).
    Duplicate { id_or_slug: String },
    /// Move a story to the trash (`dateline trash restore` brings it back).
    Trash { id_or_slug: String },
    /// List the templates a story can start from (`article new --template ID`).
    Templates,
    /// Show one article by id or slug.
    Show { id_or_slug: String },
    /// Settle a newsroom conflict on the story's text as a new revision with both versions
    /// as parents: take a revision's text, or a file's.
    Resolve {
        id_or_slug: String,
        /// The revision whose text to keep (`article history` lists them).
        #[arg(long, value_name = "REV", conflicts_with = "file")]
        take: Option<i64>,
        /// A Markdown file with the settled text.
        #[arg(long, value_name = "F.md")]
        file: Option<PathBuf>,
    },
    /// Set the lead image: one photo, or two or three side by side (a composite hero).
    Hero {
        id_or_slug: String,
        /// A photo id, optionally with a named crop as ID:CROP; repeat for a composite.
        #[arg(long = "photo", value_name = "ID[:CROP]")]
        photos: Vec<String>,
        /// Ends the composed caption: "Edited by <NAME>".
        #[arg(long, value_name = "NAME")]
        edited_by: Option<String>,
        /// Remove the lead image.
        #[arg(long, conflicts_with = "photos")]
        clear: bool,
    },
    /// Print the article body as HTML, as the preview and exports render it.
    Render { id_or_slug: String },
    /// Import a Markdown file (YAML or TOML front matter optional) as a new article. Keys
    /// Dateline does not use are kept and reported as warnings (stderr; `warnings` in --json).
    Import {
        #[arg(value_name = "FILE.md")]
        file: PathBuf,
    },
    /// Print the article as Markdown with YAML front matter, or write it to a file.
    ExportMd {
        id_or_slug: String,
        /// Write to this file (atomically) instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the article's revisions, newest first.
    History { id_or_slug: String },
    /// Compare two revisions word by word: [-removed-]{+added+}.
    Diff {
        #[arg(value_name = "REV_A")]
        from: i64,
        #[arg(value_name = "REV_B")]
        to: i64,
    },
    /// Make the article read as it did at revision REV (recorded as a new revision).
    Restore {
        #[arg(value_name = "REV")]
        revision: i64,
    },
}

pub fn run(cmd: ArticleCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        ArticleCmd::New {
            headline,
            dek,
            section,
            body_file,
            slug,
            language,
            dateline,
            bylines,
            template,
        } => {
            // A template writes in the story's language (English, as a story, when none is given).
            let template = template
                .map(|t| ws.template(&t, language.as_deref().unwrap_or("en")))
                .transpose()?;
            let body = match body_file {
                Some(p) => read_body(&p)?,
                None => template
                    .as_ref()
                    .map(|t| t.body.clone())
                    .unwrap_or_default(),
            };
            let tags = template.map(|t| t.tags).unwrap_or_default();
            let bylines = bylines.iter().map(|b| byline(b)).collect();
            let a = ws.create_article(ArticleDraft {
                headline,
                dek,
                body,
                dateline,
                section,
                slug,
                language,
                bylines,
                tags,
                ..Default::default()
            })?;
            out.value(&a, || created(&a));
        }
        ArticleCmd::Edit {
            id_or_slug,
            headline,
            dek,
            bylines,
            tags,
            section,
            dateline,
            language,
            body_file,
        } => {
            let a = ws.article(&id_or_slug)?;
            let mut d = ArticleDraft::from(&a);
            if let Some(h) = headline {
                d.headline = h;
            }
            if let Some(x) = dek {
                d.dek = x;
            }
            if !bylines.is_empty() {
                d.bylines = bylines.iter().map(|b| byline(b)).collect();
            }
            if !tags.is_empty() {
                d.tags = tags;
            }
            if section.is_some() {
                d.section = section;
            }
            if let Some(x) = dateline {
                d.dateline = x;
            }
            if language.is_some() {
                d.language = language;
            }
            if let Some(p) = body_file {
                d.body = read_body(&p)?;
            }
            let a = ws.save_article(a.id, d)?;
            out.value(&a, || {
                Text::new("cli-article-saved")
                    .arg("id", a.id.to_string())
                    .arg("slug", &a.slug)
                    .local()
            });
        }
        ArticleCmd::List {
            status,
            section,
            author,
            tag,
            from,
            to,
            sort,
        } => {
            let status = match status {
                Some(s) => Some(Status::parse(&s).ok_or_else(|| unknown_status(&s))?),
                None => None,
            };
            let sort = match sort.trim().to_lowercase().as_str() {
                "updated" | "" => LibrarySort::Updated,
                "created" => LibrarySort::Created,
                "headline" => LibrarySort::Headline,
                "status" => LibrarySort::Status,
                other => {
                    return Err(Error::invalid(
                        "sort",
                        format!("Sort by updated, created, headline or status, not “{other}”."),
                    ))
                }
            };
            let list = ws.library(&LibraryQuery {
                status,
                section,
                author,
                tag,
                from,
                to,
                sort,
                trashed: false,
            })?;
            out.list(&list, crate::desk::line);
        }
        ArticleCmd::Status { id_or_slug, status } => {
            let to = Status::parse(&status).ok_or_else(|| unknown_status(&status))?;
            let a = ws.set_status(&id_or_slug, to)?;
            out.value(&a, || {
                Text::new("cli-article-moved")
                    .arg("slug", &a.slug)
                    .arg("status", dateline::workflow::status_text(a.status))
                    .local()
            });
        }
        ArticleCmd::Moves { id_or_slug } => {
            let list = ws.transitions(&id_or_slug)?;
            out.list(&list, |t| {
                format!(
                    "{}  {} → {}  by {}",
                    t.at.format("%Y-%m-%d %H:%M"),
                    t.from.label(),
                    t.to.label(),
                    if t.who.is_empty() { "—" } else { &t.who }
                )
            });
        }
        ArticleCmd::Note { id_or_slug, text } => {
            let n = ws.add_note(&id_or_slug, &text.join(" "))?;
            out.value(&n, || {
                Text::new("cli-note-added")
                    .arg("id", n.id.to_string())
                    .local()
            });
        }
        ArticleCmd::Notes { id_or_slug } => {
            let list = ws.notes(&id_or_slug)?;
            out.list(&list, |n| {
                format!(
                    "{}  {}: {}",
                    n.created_at.format("%Y-%m-%d %H:%M"),
                    n.who,
                    n.body
                )
            });
        }
        ArticleCmd::Duplicate { id_or_slug } => {
            let a = ws.duplicate_article(&id_or_slug)?;
            out.value(&a, || created(&a));
        }
        ArticleCmd::Trash { id_or_slug } => {
            ws.trash_article(&id_or_slug)?;
            out.value(&serde_json::json!({ "trashed": id_or_slug }), || {
                Text::new("cli-article-trashed")
                    .arg("story", &id_or_slug)
                    .local()
            });
        }
        ArticleCmd::Templates => {
            let list = ws.templates(dateline::i18n::interface_language().tag());
            out.list(&list, |t| {
                format!("{:<12} {:<12} {}", t.id, t.name, t.description)
            });
        }
        ArticleCmd::Resolve {
            id_or_slug,
            take,
            file,
        } => {
            let text = file.as_deref().map(read_body).transpose()?;
            let a = ws.resolve_conflict(&id_or_slug, take, text)?;
            out.value(&a, || {
                Text::new("cli-conflict-resolved")
                    .arg("slug", &a.slug)
                    .local()
            });
        }
        ArticleCmd::Show { id_or_slug } => {
            let a = ws.article(&id_or_slug)?;
            let conflicts = ws.newsroom_conflicts(&id_or_slug)?;
            out.value(&a, || {
                let lang = dateline::i18n::interface_language();
                let names: Vec<&str> = a.bylines.iter().map(|b| b.name.as_str()).collect();
                let by = dateline::i18n::words(lang.tag()).list(&names);
                let conflicts: String = conflicts
                    .iter()
                    .map(|c| {
                        let said = Text::new("cli-show-conflict")
                            .arg("field", c.field.replace('_', " "))
                            .arg("slug", &a.slug);
                        format!("\n\n{}", said.local())
                    })
                    .collect();
                format!(
                    "{}\n{}\n\n{}  ·  {}  ·  {}  ·  {}\n\n{}{conflicts}",
                    a.headline,
                    a.dek,
                    if by.is_empty() {
                        "—".to_string()
                    } else {
                        Text::new("cli-show-by").arg("names", by).local()
                    },
                    a.section
                        .clone()
                        .unwrap_or_else(|| Text::new("cli-show-no-section").local()),
                    dateline::workflow::status_text(a.status).local(),
                    a.slug,
                    a.body
                )
            });
        }
        ArticleCmd::Hero {
            id_or_slug,
            photos,
            edited_by,
            clear,
        } => {
            let hero = if clear {
                None
            } else {
                Some(Hero {
                    photos: photos
                        .iter()
                        .map(|p| hero_photo(p))
                        .collect::<Result<_, _>>()?,
                    edited_by,
                })
            };
            let a = ws.set_hero(&id_or_slug, hero)?;
            let caption = ws.hero_caption(&a)?;
            out.value(
                &serde_json::json!({ "article": a, "caption": caption }),
                || {
                    if caption.is_empty() {
                        Text::new("cli-hero-none")
                            .arg("id", a.id.to_string())
                            .local()
                    } else {
                        let set = Text::new("cli-hero-set").arg("id", a.id.to_string());
                        format!("{}\n{caption}", set.local())
                    }
                },
            );
        }
        ArticleCmd::Render { id_or_slug } => {
            let html = ws.render_article(&id_or_slug)?;
            if out.json {
                out.value(&serde_json::json!({ "html": html }), String::new);
            } else {
                out.raw(&html);
            }
        }
        ArticleCmd::Import { file } => {
            let report = ws.import_markdown(&file)?;
            out.warnings(report.warnings.iter().map(|w| w.message.as_str()));
            out.value(&report, || {
                format!(
                    "Imported article {} ({}) from {}",
                    report.article.id,
                    report.article.slug,
                    file.display()
                )
            });
        }
        ArticleCmd::ExportMd {
            id_or_slug,
            out: None,
        } => {
            let md = ws.export_markdown(&id_or_slug)?;
            if out.json {
                out.value(&serde_json::json!({ "markdown": md }), String::new);
            } else {
                out.raw(&md);
            }
        }
        ArticleCmd::ExportMd {
            id_or_slug,
            out: Some(path),
        } => {
            ws.export_markdown_to(&id_or_slug, &path)?;
            out.value(&serde_json::json!({ "written": path }), || {
                Text::new("cli-wrote").arg("path", &path).local()
            });
        }
        ArticleCmd::History { id_or_slug } => {
            let a = ws.article(&id_or_slug)?;
            let revs = ws.revisions(a.id)?;
            out.value(&revs, || {
                revs.iter()
                    .map(|r| {
                        format!(
                            "#{:<5} {}  {:<14} {:<16} {:>6} words  {}",
                            r.id,
                            r.created_at.format("%Y-%m-%d %H:%M"),
                            if r.author.is_empty() {
                                "—"
                            } else {
                                &r.author
                            },
                            r.reason,
                            r.words,
                            r.headline
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        ArticleCmd::Diff { from, to } => {
            let d = ws.diff_revisions(from, to)?;
            out.value(&d, || {
                [
                    ("Headline", &d.headline),
                    ("Dek", &d.dek),
                    ("Body", &d.body),
                ]
                .iter()
                .map(|(name, spans)| format!("== {name}\n{}", word_diff(spans)))
                .collect::<Vec<_>>()
                .join("\n\n")
            });
        }
        ArticleCmd::Restore { revision } => {
            let a = ws.restore_revision(revision)?;
            out.value(&a, || {
                format!(
                    "Article {} ({}) now reads as revision #{revision}; recorded as a new revision.",
                    a.id, a.slug
                )
            });
        }
    }
    Ok(())
}

/// "Name" or "Name|Role" → a byline (linked to the author profile of that name by the desk).
fn byline(arg: &str) -> Byline {
    let (name, role) = arg.split_once('|').unwrap_or((arg, ""));
    Byline {
        name: name.to_string(),
        role: Some(role.to_string()),
        author_id: None,
    }
}

fn read_body(path: &std::path::Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// A diff in `git diff --word-diff` style: `[-removed-]{+added+}`.
fn word_diff(spans: &[DiffSpan]) -> String {
    spans
        .iter()
        .map(|s| match s.op {
            DiffOp::Equal => s.text.clone(),
            DiffOp::Delete => format!("[-{}-]", s.text),
            DiffOp::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}

/// `12` or `12:hero` → the photo and its named crop.
fn hero_photo(arg: &str) -> Result<HeroPhoto, Error> {
    let (id, crop) = match arg.split_once(':') {
        Some((id, crop)) => (id, Some(crop.trim().to_string()).filter(|c| !c.is_empty())),
        None => (arg, None),
    };
    let photo_id = id.trim().parse().map_err(|_| {
        Error::invalid(
            "photo",
            format!("“{arg}” is not a photo number (use the id `dateline photo list` shows)."),
        )
    })?;
    Ok(HeroPhoto { photo_id, crop })
}

fn unknown_status(s: &str) -> Error {
    Error::invalid(
        "status",
        format!(
            "“{s}” is not a status; use draft, in_edit, copy_desk, ready, published, spiked or \
             archived."
        ),
    )
}

/// "Created article 12 (slug)", in the interface's language.
fn created(a: &dateline::model::Article) -> String {
    Text::new("cli-article-created")
        .arg("id", a.id.to_string())
        .arg("slug", &a.slug)
        .local()
}

//! `dateline article …`

use std::path::PathBuf;

use clap::Subcommand;
use dateline::model::{ArticleDraft, Byline};
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
    },
    /// List the articles, newest change first.
    List,
    /// Show one article by id or slug.
    Show { id_or_slug: String },
    /// Print the article body as HTML, as the preview and exports render it.
    Render { id_or_slug: String },
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
        } => {
            let body = match body_file {
                Some(p) => std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?,
                None => String::new(),
            };
            let bylines = bylines
                .iter()
                .map(|b| {
                    let (name, role) = b.split_once('|').unwrap_or((b.as_str(), ""));
                    Byline {
                        name: name.to_string(),
                        role: Some(role.to_string()),
                        author_id: None,
                    }
                })
                .collect();
            let a = ws.create_article(ArticleDraft {
                headline,
                dek,
                body,
                dateline,
                section,
                slug,
                language,
                bylines,
                ..Default::default()
            })?;
            out.value(&a, || format!("Created article {} ({})", a.id, a.slug));
        }
        ArticleCmd::List => {
            let list = ws.articles()?;
            out.value(&list, || {
                list.iter()
                    .map(|a| {
                        format!(
                            "{:>5}  {:<10} {:<14} {}",
                            a.id,
                            a.status.label(),
                            a.section.as_deref().unwrap_or("—"),
                            a.headline
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        ArticleCmd::Show { id_or_slug } => {
            let a = ws.article(&id_or_slug)?;
            out.value(&a, || {
                let by = a
                    .bylines
                    .iter()
                    .map(|b| b.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" and ");
                format!(
                    "{}\n{}\n\nBy {}  ·  {}  ·  {}  ·  {}\n\n{}",
                    a.headline,
                    a.dek,
                    if by.is_empty() { "—" } else { &by },
                    a.section.as_deref().unwrap_or("no section"),
                    a.status.label(),
                    a.slug,
                    a.body
                )
            });
        }
        ArticleCmd::Render { id_or_slug } => {
            let html = ws.render_article(&id_or_slug)?;
            if out.json {
                out.value(&serde_json::json!({ "html": html }), String::new);
            } else {
                out.raw(&html);
            }
        }
    }
    Ok(())
}

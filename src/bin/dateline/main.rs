//! The `dateline` command line: the core's actions for editors' scripts and for tests.
//!
//! A thin shell like the app: it parses arguments (clap lives only here), opens the workspace
//! and calls [`dateline::Workspace`]. With `--json` results go to stdout as JSON and errors to
//! stderr as `{ "code", "message" }`; every failure exits non-zero. Each area of commands has
//! its own module.

mod article;
mod desk;
mod export;
mod generate;
mod newsroom;
mod output;
mod photo;
mod settings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dateline::i18n::Text;
use dateline::{Error, Workspace};

use output::Out;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Dateline, the offline editorial workstation"
)]
struct Cli {
    /// The workspace folder (default: $DATELINE_WORKSPACE, else the OS data folder).
    #[arg(long, global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,

    /// Print machine-readable JSON on stdout (errors as JSON on stderr).
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the workspace (folder and database) if it does not exist yet.
    Init {
        /// Also seed the demo desk (the model article and its photos) when the desk is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Write, list, show and render articles.
    #[command(subcommand)]
    Article(article::ArticleCmd),
    /// Import, list, show, edit and crop photos; renditions, thumbnails and code replacements.
    #[command(subcommand)]
    Photo(photo::PhotoCmd),
    /// Full-text search over headline, dek, body and the hero photos' captions and credits
    /// (diacritics ignored, each word also a prefix).
    Search { query: Vec<String> },
    /// Author profiles: add, list, rename, edit.
    #[command(subcommand)]
    Author(desk::AuthorCmd),
    /// Sections: add, list, rename.
    #[command(subcommand)]
    Section(desk::SectionCmd),
    /// Tags: add, list, rename.
    #[command(subcommand)]
    Tag(desk::TagCmd),
    /// The trash: list, restore, empty.
    #[command(subcommand)]
    Trash(desk::TrashCmd),
    /// Show or change the publication's house rules (as the window's Settings screen).
    Settings(settings::SettingsArgs),
    /// Show or set the desk's local identity (stamped on revisions and workflow moves).
    Identity { name: Option<String> },
    /// Preflight: what blocks the export of an article and what deserves a look (exit 1 when
    /// blocked).
    Check { id_or_slug: String },
    /// Write the article's publish-ready package: OUT/<slug>/ (or OUT/<slug>.zip).
    Export {
        id_or_slug: String,
        /// The folder the package is written into (created if missing).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Write one .zip file instead of a folder.
        #[arg(long)]
        zip: bool,
    },
    /// The newsroom on a PostgreSQL server: init, user add/list, join, status.
    #[command(subcommand)]
    Newsroom(newsroom::NewsroomCmd),
    /// Send this desk's changes to its newsroom and receive the others'.
    Sync,
    /// Add a generated test library: ARTICLES articles made from the Markdown files in FROM,
    /// the same ones for the same seed.
    Generate {
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    dateline::i18n::set_interface_language(locale_language());
    let cli = Cli::parse();
    let out = Out { json: cli.json };
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// The language of the messages, as POSIX programs choose it: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty; `es…` is Spanish, anything else English.
fn locale_language() -> dateline::i18n::Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    dateline::i18n::Lang::from_tag(&locale)
}

fn run(cli: Cli, out: &Out) -> Result<(), Error> {
    let dir = cli
        .workspace
        .unwrap_or_else(dateline::workspace::default_dir);
    let mut ws = Workspace::open(&dir)?;
    match cli.command {
        Command::Init { demo } => {
            if demo {
                dateline::demo::seed_if_empty(&mut ws)?;
            }
            out.value(
                &serde_json::json!({ "workspace": ws.dir(), "articles": ws.articles()?.len() }),
                || {
                    Text::new("cli-workspace-ready")
                        .arg("dir", ws.dir())
                        .local()
                },
            );
            Ok(())
        }
        Command::Article(cmd) => article::run(cmd, &mut ws, out),
        Command::Photo(cmd) => photo::run(cmd, &mut ws, out),
        Command::Check { id_or_slug } => export::check(&id_or_slug, &ws, out),
        Command::Export {
            id_or_slug,
            out: dir,
            zip,
        } => export::export(&id_or_slug, dir, zip, &mut ws, out),
        Command::Author(cmd) => desk::author(cmd, &mut ws, out),
        Command::Section(cmd) => desk::section(cmd, &mut ws, out),
        Command::Tag(cmd) => desk::tag(cmd, &mut ws, out),
        Command::Trash(cmd) => desk::trash(cmd, &mut ws, out),
        Command::Identity { name } => desk::identity(name, &mut ws, out),
        Command::Settings(args) => settings::run(args, &mut ws, out),
        Command::Newsroom(cmd) => newsroom::run(cmd, &mut ws, out),
        Command::Sync => newsroom::sync(&mut ws, out),
        Command::Generate {
            articles,
            from,
            seed,
        } => generate::generate(&mut ws, articles, &from, seed, out),
        Command::Search { query } => {
            let hits = ws.search(&query.join(" "))?;
            out.value(&hits, || {
                hits.iter()
                    .map(|h| {
                        let place = if h.found_in == dateline::model::FoundIn::Photo {
                            " (photo)"
                        } else {
                            ""
                        };
                        format!(
                            "{:>5}  {}{place}\n       {}",
                            h.id,
                            h.headline,
                            plain_snippet(&h.snippet)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    }
}

/// A search snippet for a terminal: matches between asterisks, entities decoded.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

//! `dateline newsroom init|user|join|status` and `dateline sync`: the newsroom on a PostgreSQL
//! server. Passwords are asked for only on a terminal, without echo; a script gives the
//! desk's password through `PGPASSWORD` or `~/.pgpass`, and a new user's on standard input
//! (`--password-stdin`).

use std::io::{BufRead, IsTerminal};

use clap::Subcommand;
use dateline::newsroom::{self, NewsroomStatus, Role, SyncReport};
use dateline::{Error, Workspace};

use crate::output::Out;

#[derive(Subcommand)]
pub enum NewsroomCmd {
    /// Install (or bring up to date) the newsroom's schema in a PostgreSQL database. Run once,
    /// by an admin who may create roles.
    Init {
        /// postgresql://USER@HOST:PORT/DATABASE (or "host=… dbname=…").
        url: String,
    },
    /// The newsroom's people.
    #[command(subcommand)]
    User(UserCmd),
    /// Join this desk to a newsroom: from then on its identity is the PostgreSQL user.
    Join {
        /// postgresql://USER@HOST:PORT/DATABASE; the password comes from PGPASSWORD,
        /// ~/.pgpass or a prompt, and TLS follows sslmode (prefer, require, verify-ca,
        /// verify-full; sslrootcert=FILE names the authority).
        url: String,
    },
    /// What waits to be sent and received, the last sync, and every conflict and refusal.
    Status,
    /// Write a story's history, moves, notes and hero photos into one file, for a newsroom
    /// with no network (email, USB stick).
    Bundle {
        id_or_slug: String,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Say this desk has a story open (run again to keep the hold alive; it expires after a
    /// few minutes without); lists who else has it open. It warns; it never stops anyone.
    Hold { id_or_slug: String },
    /// Who has a story open right now.
    Holders { id_or_slug: String },
    /// This desk closed the story.
    Release { id_or_slug: String },
    /// An editor takes a story over: the other holds on it go.
    TakeOver { id_or_slug: String },
    /// Bring a bundle in: merged with this desk's version like a sync; checked by the
    /// newsroom at the next sync. Applying it twice changes nothing.
    Apply { file: std::path::PathBuf },
    /// Stay online: sync now, then again whenever another desk's change reaches the newsroom
    /// (LISTEN/NOTIFY). Stops after --rounds syncs or --idle seconds without a change.
    Watch {
        #[arg(long, default_value_t = usize::MAX)]
        rounds: usize,
        #[arg(long, default_value_t = 3600)]
        idle: u64,
    },
    /// The photo desk has chosen a photo's credit, caption and alt text (edit them first with
    /// `dateline photo edit`): its newsroom conflicts are settled and preflight lets it go.
    SettlePhoto {
        /// The photo's id on this desk.
        photo_id: i64,
    },
}

#[derive(Subcommand)]
pub enum UserCmd {
    /// Create a PostgreSQL login for a person, in the group of their role.
    Add {
        /// The login: lowercase letters, digits, "_", "." or "-" (for example ana.perez).
        login: String,
        /// correspondent, editor, photo or admin.
        #[arg(long)]
        role: String,
        /// The name bylines carry (default: the login).
        #[arg(long, default_value = "")]
        name: String,
        /// The admin's connection (default: the newsroom this desk joined).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Read the new user's password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the newsroom's people and their roles.
    List {
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
}

/// Asks on the terminal, without echo; `None` when there is no terminal.
fn ask(question: &str) -> Option<String> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    rpassword::prompt_password(question).ok()
}

fn admin_url(url: Option<String>, ws: &Workspace) -> Result<String, Error> {
    match url {
        Some(u) => Ok(u),
        None => ws.newsroom_conninfo()?.ok_or_else(|| {
            Error::invalid(
                "url",
                "Name the newsroom with --url postgresql://ADMIN@HOST/DATABASE (this desk has \
                 not joined one).",
            )
        }),
    }
}

pub fn run(cmd: NewsroomCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        NewsroomCmd::Init { url } => {
            let r = newsroom::init(&url, Some(&ask))?;
            out.value(&r, || {
                if r.from_version == r.version {
                    format!(
                        "The newsroom {} is already set up (format {}).",
                        r.newsroom, r.version
                    )
                } else {
                    format!(
                        "The newsroom {} is set up (format {}).",
                        r.newsroom, r.version
                    )
                }
            });
            Ok(())
        }
        NewsroomCmd::User(UserCmd::Add {
            login,
            role,
            name,
            url,
            password_stdin,
        }) => {
            let role = Role::parse(&role)?;
            let url = admin_url(url, ws)?;
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .map_err(|e| Error::io("standard input", e))?;
                line.trim_end_matches(['\n', '\r']).to_string()
            } else {
                let first = ask(&format!("Password for the new user {login}: "));
                let again = ask("The same password again: ");
                match (first, again) {
                    (Some(a), Some(b)) if a == b => a,
                    (Some(_), Some(_)) => {
                        return Err(Error::invalid(
                            "password",
                            "The two passwords differ; nothing was changed.",
                        ))
                    }
                    _ => {
                        return Err(Error::invalid(
                            "password",
                            "Give the new user's password on standard input with \
                             --password-stdin, or run the command in a terminal.",
                        ))
                    }
                }
            };
            let m = newsroom::add_user(&url, Some(&ask), &login, &name, role, &password)?;
            out.value(&m, || {
                format!(
                    "{} ({}) is now a newsroom {}.",
                    m.login,
                    m.display_name,
                    m.role.as_str()
                )
            });
            Ok(())
        }
        NewsroomCmd::User(UserCmd::List { url }) => {
            let url = admin_url(url, ws)?;
            let people = newsroom::members(&url, Some(&ask))?;
            out.list(&people, |m| {
                format!("{:<20} {:<14} {}", m.login, m.role.as_str(), m.display_name)
            });
            Ok(())
        }
        NewsroomCmd::Join { url } => {
            let s = ws.newsroom_join(&url, Some(&ask))?;
            out.value(&s, || {
                format!(
                    "This desk joined the newsroom {} as {}. Run `dateline sync` to bring the \
                     newsroom's stories in.",
                    s.newsroom.clone().unwrap_or_default(),
                    s.login.clone().unwrap_or_default()
                )
            });
            Ok(())
        }
        NewsroomCmd::SettlePhoto { photo_id } => {
            let n = ws.settle_photo_conflicts(photo_id)?;
            out.value(
                &serde_json::json!({ "photo_id": photo_id, "settled": n }),
                || format!("Photo {photo_id}: {n} conflict(s) settled."),
            );
            Ok(())
        }
        NewsroomCmd::Watch { rounds, idle } => {
            let n = ws.newsroom_watch(
                Some(&ask),
                rounds,
                std::time::Duration::from_secs(idle),
                |r| out.value(r, || sync_text(r)),
            )?;
            if !out.json {
                eprintln!("dateline: {n} syncs; stopped watching.");
            }
            Ok(())
        }
        NewsroomCmd::Bundle {
            id_or_slug,
            out: file,
        } => {
            let r = ws.newsroom_bundle(&id_or_slug, &file)?;
            out.value(&r, || {
                format!(
                    "Wrote {} ({} revisions, {} photos, {} bytes) to {}",
                    r.story,
                    r.revisions,
                    r.photos,
                    r.bytes,
                    file.display()
                )
            });
            Ok(())
        }
        NewsroomCmd::Apply { file } => {
            let r = ws.newsroom_apply(&file)?;
            out.value(&r, || {
                let mut text = format!(
                    "Applied {}: {} new revisions, {} photos.",
                    r.story, r.revisions, r.photos
                );
                if !r.sync.conflicts.is_empty() {
                    text.push('\n');
                    text.push_str(&sync_text(&r.sync));
                }
                text
            });
            Ok(())
        }
        NewsroomCmd::Hold { id_or_slug } => {
            holders(ws.newsroom_hold(&id_or_slug, Some(&ask))?, out)
        }
        NewsroomCmd::Holders { id_or_slug } => {
            holders(ws.newsroom_holders(&id_or_slug, Some(&ask))?, out)
        }
        NewsroomCmd::Release { id_or_slug } => {
            holders(ws.newsroom_release(&id_or_slug, Some(&ask))?, out)
        }
        NewsroomCmd::TakeOver { id_or_slug } => {
            holders(ws.newsroom_take_over(&id_or_slug, Some(&ask))?, out)
        }
        NewsroomCmd::Status => {
            let s = ws.newsroom_status(Some(&ask))?;
            out.value(&s, || status_text(&s));
            Ok(())
        }
    }
}

fn holders(list: Vec<newsroom::Holder>, out: &Out) -> Result<(), Error> {
    out.list(&list, |h| {
        format!(
            "{} ({}) has it open since {}{}",
            h.name,
            h.login,
            h.since,
            if h.me { " — this desk" } else { "" }
        )
    });
    Ok(())
}

pub fn sync(ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    let r = ws.sync(Some(&ask))?;
    out.value(&r, || sync_text(&r));
    Ok(())
}

fn status_text(s: &NewsroomStatus) -> String {
    let mut lines = Vec::new();
    match &s.newsroom {
        None => lines.push("This desk has not joined a newsroom.".to_string()),
        Some(n) => {
            lines.push(format!(
                "Newsroom: {n} as {} ({})",
                s.login.clone().unwrap_or_default(),
                s.role.clone().unwrap_or_default()
            ));
            lines.push(match s.last_sync {
                Some(t) => format!("Last sync: {}", t.format("%Y-%m-%d %H:%M UTC")),
                None => "Last sync: never".to_string(),
            });
            lines.push(format!("Waiting to be sent: {}", s.to_send));
            lines.push(match (s.to_receive, &s.offline) {
                (Some(n), _) => format!("Waiting to be received: {n}"),
                (None, Some(why)) => format!("Waiting to be received: unknown ({why})"),
                (None, None) => "Waiting to be received: unknown".to_string(),
            });
        }
    }
    for c in &s.conflicts {
        lines.push(format!(
            "Conflict: {} {}: “{}” here, “{}” in the newsroom",
            c.article
                .clone()
                .or(c.photo_id.map(|p| format!("photo {p}")))
                .unwrap_or_default(),
            c.field,
            c.ours,
            c.theirs
        ));
    }
    for r in &s.refused {
        lines.push(format!(
            "Refused: {} {}: {}",
            r.article.clone().unwrap_or_default(),
            r.kind,
            r.reason
        ));
    }
    lines.join("\n")
}

fn sync_text(r: &SyncReport) -> String {
    let mut lines = vec![format!(
        "Received {} new stories and {} revisions; sent {} revisions, {} moves, {} notes, {} \
         photos; {} merged.",
        r.pulled_stories,
        r.pulled_revisions,
        r.pushed_revisions,
        r.pushed_moves,
        r.pushed_notes,
        r.pushed_photos,
        r.merged
    )];
    for c in &r.conflicts {
        lines.push(format!(
            "Conflict: {} {} (both versions kept; `dateline newsroom status` lists them)",
            c.article.clone().unwrap_or_default(),
            c.field
        ));
    }
    for f in &r.refused {
        lines.push(format!(
            "Refused: {} {}: {}",
            f.article.clone().unwrap_or_default(),
            f.kind,
            f.reason
        ));
    }
    lines.join("\n")
}

//! `dateline author|section|tag|trash|identity …`: the editor's desk's managed lists, the
//! trash and the desk's local identity.

use clap::Subcommand;
use dateline::i18n::Text;
use dateline::model::{ArticleSummary, Author};
use dateline::{Error, Workspace};

use crate::output::Out;

#[derive(Subcommand)]
pub enum AuthorCmd {
    /// Add an author profile (or update the role and bio of the one with that name).
    Add {
        name: String,
        /// E.g. "Foreign Correspondent based in Latin America".
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        bio: String,
        /// A photo id of this desk to show as the author's portrait.
        #[arg(long, value_name = "PHOTO_ID")]
        portrait: Option<i64>,
    },
    /// List the author profiles, A to Z, with how many stories each has.
    List,
    /// Rename an author profile; the bylines linked to it follow.
    Rename { old: String, new: String },
    /// Change an author profile, named by its id or its name: only the fields given change
    /// (a new name is followed by the bylines linked to the profile).
    Edit {
        /// The profile's id or name.
        author: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        bio: Option<String>,
        /// A photo id of this desk to show as the author's portrait.
        #[arg(long, value_name = "PHOTO_ID", conflicts_with = "no_portrait")]
        portrait: Option<i64>,
        /// Remove the portrait.
        #[arg(long)]
        no_portrait: bool,
    },
}

#[derive(Subcommand)]
pub enum SectionCmd {
    /// Add a section.
    Add { name: String },
    /// List the sections with how many stories each holds.
    List,
    /// Rename a section; its stories follow.
    Rename { old: String, new: String },
}

#[derive(Subcommand)]
pub enum TagCmd {
    /// Add a tag to the managed list.
    Add { name: String },
    /// List the tags with how many stories carry each.
    List,
    /// Rename a tag on every story (onto an existing tag, the two merge).
    Rename { old: String, new: String },
}

#[derive(Subcommand)]
pub enum TrashCmd {
    /// List the stories in the trash, most recently deleted first.
    List,
    /// Bring a story back from the trash, with its history.
    Restore { id_or_slug: String },
    /// Delete every story in the trash for good.
    Empty {
        /// Confirm: without it, nothing is deleted and the command says what would be.
        #[arg(long)]
        yes: bool,
    },
}

pub fn author(cmd: AuthorCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        AuthorCmd::Add {
            name,
            role,
            bio,
            portrait,
        } => {
            let a = ws.save_author(&Author {
                id: 0,
                name,
                role,
                bio,
                portrait_photo_id: portrait,
                articles: 0,
            })?;
            out.value(&a, || format!("Author {} — {}", a.name, a.role));
        }
        AuthorCmd::List => {
            let list = ws.authors()?;
            out.list(&list, |a| {
                format!(
                    "{:>5}  {:<28} {:>11}  {}",
                    a.id,
                    a.name,
                    stories(a.articles),
                    a.role
                )
            });
        }
        AuthorCmd::Rename { old, new } => {
            let mut a = ws.author(&old)?;
            a.name = new;
            let a = ws.update_author(&a)?;
            out.value(&a, || format!("Author renamed: {}", a.name));
        }
        AuthorCmd::Edit {
            author,
            name,
            role,
            bio,
            portrait,
            no_portrait,
        } => {
            let mut a = ws.author(&author)?;
            if let Some(x) = name {
                a.name = x;
            }
            if let Some(x) = role {
                a.role = x;
            }
            if let Some(x) = bio {
                a.bio = x;
            }
            if portrait.is_some() || no_portrait {
                a.portrait_photo_id = portrait;
            }
            let a = ws.update_author(&a)?;
            out.value(&a, || format!("Author {} — {}", a.name, a.role));
        }
    }
    Ok(())
}

pub fn section(cmd: SectionCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        SectionCmd::Add { name } => {
            let s = ws.add_section(&name)?;
            out.value(&s, || format!("Section {} ({})", s.name, s.slug));
        }
        SectionCmd::List => {
            let list = ws.sections()?;
            out.list(&list, |s| {
                format!("{:>5}  {:<28} {:>11}", s.id, s.name, stories(s.articles))
            });
        }
        SectionCmd::Rename { old, new } => {
            let s = ws
                .sections()?
                .into_iter()
                .find(|s| s.name.eq_ignore_ascii_case(old.trim()) || s.slug == old.trim())
                .ok_or_else(|| Error::not_found("section", old))?;
            let s = ws.rename_section(s.id, &new)?;
            out.value(&s, || format!("Section renamed: {} ({})", s.name, s.slug));
        }
    }
    Ok(())
}

pub fn tag(cmd: TagCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        TagCmd::Add { name } => {
            let t = ws.add_tag(&name)?;
            out.value(&t, || format!("Tag {}", t.name));
        }
        TagCmd::List => {
            let list = ws.tags()?;
            out.list(&list, |t| {
                format!("{:<28} {:>11}", t.name, stories(t.articles))
            });
        }
        TagCmd::Rename { old, new } => {
            let n = ws.rename_tag(&old, &new)?;
            out.value(
                &serde_json::json!({ "old": old, "new": new, "stories": n }),
                || format!("Tag “{old}” is now “{new}” on {n} stories"),
            );
        }
    }
    Ok(())
}

pub fn trash(cmd: TrashCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        TrashCmd::List => {
            let list = ws.trash()?;
            out.list(&list, line);
        }
        TrashCmd::Restore { id_or_slug } => {
            let a = ws.restore_article(&id_or_slug)?;
            out.value(&a, || {
                Text::new("cli-restored")
                    .arg("id", a.id.to_string())
                    .arg("headline", &a.headline)
                    .local()
            });
        }
        TrashCmd::Empty { yes } => {
            let waiting = ws.trash()?.len();
            if !yes {
                out.value(
                    &serde_json::json!({ "deleted": 0, "in_trash": waiting }),
                    || Text::new("cli-trash-waiting").arg("n", waiting).local(),
                );
                return Ok(());
            }
            let n = ws.empty_trash()?;
            out.value(&serde_json::json!({ "deleted": n }), || {
                Text::new("cli-trash-emptied").arg("n", n).local()
            });
        }
    }
    Ok(())
}

pub fn identity(name: Option<String>, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    if let Some(name) = name {
        ws.set_identity(&name)?;
    }
    let info = ws.info()?;
    out.value(&info, || {
        if info.identity.is_empty() {
            Text::new("cli-no-identity").local()
        } else {
            info.identity.clone()
        }
    });
    Ok(())
}

/// "1 story", "3 stories" (in the interface's language).
fn stories(n: u32) -> String {
    Text::new("cli-stories").arg("n", n).local()
}

/// A library line for people: id, status, section, headline.
pub fn line(a: &ArticleSummary) -> String {
    format!(
        "{:>5}  {:<10} {:<14} {}",
        a.id,
        dateline::workflow::status_text(a.status).local(),
        a.section.as_deref().unwrap_or("—"),
        a.headline
    )
}

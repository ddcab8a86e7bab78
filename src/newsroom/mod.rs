//! The newsroom: desks sharing one library through a PostgreSQL server, and keeping working
//! offline (issue 13).
//!
//! This is the only room that talks to PostgreSQL (it alone imports `postgres`). It owns the
//! server's schema and rules (`sql/NNNN_*.sql`: grants, row-level security, triggers — so the
//! rules hold for a person typing raw SQL as for Dateline), the newsroom's people (login roles
//! in four group roles), connecting as a desk (password from the URL, `PGPASSWORD`, the
//! password file or a prompt the shell supplies), and sync between the desk's SQLite and the
//! server. It never touches the desk's SQLite directly: it works on a [`Desk`] (the store and
//! the originals folder) that the workspace facade lends it for one call, through the store's
//! `Tx` like every other room, and never names the facade. A desk that never joins a newsroom
//! never reaches this room's network code.

pub mod app;
mod bundle;
mod connect;
mod holders;
pub mod merge;
mod schema;
pub(crate) mod sync;

pub use bundle::BundleReport;
pub use connect::{pgpass_lookup, Target};
pub use holders::{Holder, HOLD_EXPIRY_MINUTES};
pub use schema::SERVER_SCHEMA_VERSION;
pub(crate) use sync::KEY_CONNINFO;
pub(crate) use sync::{content_key, KEY_NAME};
pub use sync::{Conflict, NewsroomStatus, Refusal, SyncReport};

use std::path::PathBuf;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{Article, ArticleId};
use crate::store::Store;

pub use connect::Prompt;

/// The desk as this room sees it: its store and its folder of photo originals, lent by the
/// workspace facade (`workspace/newsroom.rs`) for one call. This room never names the
/// facade.
pub struct Desk<'a> {
    pub(crate) db: &'a mut Store,
    pub(crate) originals: PathBuf,
}

impl Desk<'_> {
    /// The desk's identity (the login, once joined).
    fn identity(&self) -> Result<String> {
        Ok(self.db.read(|t| t.setting("identity"))?.unwrap_or_default())
    }

    fn original_path(&self, sha256: &str, ext: &str) -> PathBuf {
        self.originals.join(format!("{sha256}.{ext}"))
    }

    fn article_by_id(&self, id: ArticleId) -> Result<Article> {
        self.db.read(|t| t.article(id))
    }
}

/// What a person is in the newsroom: the group role their login belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Writes and files their own stories (Draft ⇄ In edit); sees published stories and their
    /// own.
    Correspondent,
    /// Everything in the workflow, publishing included.
    Editor,
    /// Every photo's fields and crops; no story text.
    Photo,
    /// The newsroom's people and its schema.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Correspondent, Role::Editor, Role::Photo, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Correspondent => "correspondent",
            Role::Editor => "editor",
            Role::Photo => "photo",
            Role::Admin => "admin",
        }
    }

    /// The PostgreSQL group role whose members have this role.
    pub fn group(self) -> &'static str {
        match self {
            Role::Correspondent => "dateline_correspondent",
            Role::Editor => "dateline_editor",
            Role::Photo => "dateline_photo",
            Role::Admin => "dateline_admin",
        }
    }

    pub fn parse(s: &str) -> Result<Role> {
        let s = s.trim().to_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s || (s == "photo desk" && *r == Role::Photo))
            .ok_or_else(|| Error::invalid("role", Text::new("newsroom-bad-role").arg("role", s)))
    }
}

/// What `dateline newsroom init` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitReport {
    /// The newsroom, as `user@host:port/database`.
    pub newsroom: String,
    /// The server's format before and after.
    pub from_version: i32,
    pub version: i32,
}

/// A person of the newsroom, as `dateline newsroom user add` made them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub login: String,
    pub display_name: String,
    pub role: Role,
}

/// Installs (or brings up to date) the newsroom's schema in the database `url` names. Run by
/// an admin, once; running it again changes nothing.
pub fn init(url: &str, prompt: Option<&connect::Prompt<'_>>) -> Result<InitReport> {
    let target = Target::parse(url)?;
    let mut client = target.connect(prompt)?;
    let (from_version, version) = schema::migrate(&mut client, &target)?;
    Ok(InitReport {
        newsroom: target.to_string(),
        from_version,
        version,
    })
}

/// Creates a login role `login` with `password` in the group of `role`, and its row in the
/// newsroom's members (`display_name` is the name bylines carry; the login when empty). Run as
/// a role that may create roles (a superuser, or an admin made by this command).
pub fn add_user(
    url: &str,
    prompt: Option<&connect::Prompt<'_>>,
    login: &str,
    display_name: &str,
    role: Role,
    password: &str,
) -> Result<Member> {
    let login = valid_login(login)?;
    if password.chars().count() < 8 {
        return Err(Error::invalid(
            "password",
            Text::new("newsroom-password-short"),
        ));
    }
    let display_name = match display_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
    {
        n if n.is_empty() => login.clone(),
        n => n,
    };
    let target = Target::parse(url)?;
    let mut client = target.connect(prompt)?;
    schema::check_compatible(&mut client, &target)?;
    schema::add_user(&mut client, &target, &login, &display_name, role, password)?;
    Ok(Member {
        login,
        display_name,
        role,
    })
}

/// The newsroom's people.
pub fn members(url: &str, prompt: Option<&connect::Prompt<'_>>) -> Result<Vec<Member>> {
    let target = Target::parse(url)?;
    let mut client = target.connect(prompt)?;
    schema::check_compatible(&mut client, &target)?;
    schema::members(&mut client, &target)
}

/// A login a person can type and PostgreSQL keeps as typed: lowercase letters, digits, `_`,
/// `.` and `-`, starting with a letter, at most 63 bytes.
fn valid_login(login: &str) -> Result<String> {
    let login = login.trim();
    let ok = !login.is_empty()
        && login.len() <= 63
        && login.starts_with(|c: char| c.is_ascii_lowercase())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c))
        && !login.starts_with("pg_")
        && !login.starts_with("dateline_");
    if !ok {
        return Err(Error::invalid(
            "user",
            Text::new("newsroom-bad-login").arg("login", login),
        ));
    }
    Ok(login.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_checked() {
        for ok in ["ana", "ana.perez", "luis_g", "m-ortiz2"] {
            assert_eq!(valid_login(ok).expect(ok), ok);
        }
        for bad in [
            "",
            "Ana",
            "1ana",
            "ana pérez",
            "pg_read",
            "dateline_editor",
            "a\"b",
        ] {
            let e = valid_login(bad).unwrap_err();
            assert!(e.to_string().contains("cannot be a newsroom login"), "{e}");
        }
    }

    #[test]
    fn roles_are_named() {
        assert_eq!(Role::parse(" Editor ").unwrap(), Role::Editor);
        assert_eq!(Role::parse("photo").unwrap().group(), "dateline_photo");
        let e = Role::parse("publisher").unwrap_err().to_string();
        assert!(e.contains("correspondent, editor, photo or admin"), "{e}");
    }
}

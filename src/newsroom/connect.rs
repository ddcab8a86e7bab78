//! Reaching the newsroom's PostgreSQL as libpq's clients do: a URL or `key=value` string,
//! the password from the URL, `PGPASSWORD`, the password file (`PGPASSFILE`, else
//! `~/.pgpass`) or a prompt the shell supplies, in that order; `PGUSER` when the URL names no
//! user; TLS as `sslmode` says (`prefer` by default; `require`, `verify-ca` and
//! `verify-full` refuse a server without TLS). The server's certificate chain is always
//! checked when TLS is used (against the system's authorities, or `sslrootcert`'s); its host
//! name too, except under `verify-ca`, libpq's mode for a certificate that names another
//! host. It keeps a desk's connection between syncs in one process (`newsroom watch`, the
//! app), and turns the server's errors into words for a journalist.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::error::SqlState;
use postgres::{Client, Config};

use crate::error::{Error, Result};
use crate::i18n::Text;

/// Asks the person for a password; `None` when nobody can be asked (no terminal).
pub type Prompt<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// A newsroom to connect to: the parsed connection settings, never showing the password.
#[derive(Clone)]
pub struct Target {
    config: Config,
    user: String,
    host: String,
    port: u16,
    dbname: String,
    verify: Verify,
    /// `sslrootcert`: the authority (PEM) the server's certificate must chain to, instead of
    /// the system's.
    root_cert: Option<PathBuf>,
}

/// How far the server's certificate is checked once TLS is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verify {
    /// `disable`, `prefer`, `require` (as `prefer` and `require` always were here: chain and
    /// host name; stricter than libpq's `require`).
    Default,
    /// `verify-ca`: the chain, not the host name.
    Ca,
    /// `verify-full`: the chain and the host name.
    Full,
}

/// Connections kept between syncs, by connection settings (never the password): a sync takes
/// one out and puts it back when it went well, so one is never shared and a broken one is
/// dropped.
static IDLE: Mutex<Vec<(String, Client)>> = Mutex::new(Vec::new());

/// Takes `sslmode=verify-ca|verify-full` and `sslrootcert=FILE` out of a URL or a
/// `key=value` string (the PostgreSQL client library knows neither), leaving
/// `sslmode=require` in their place.
fn take_tls_options(url: &str) -> Result<(String, Verify, Option<PathBuf>)> {
    let mut verify = Verify::Default;
    let mut root = None;
    let mut take = |key: &str, value: &str| -> Result<Option<String>> {
        match (key, value) {
            ("sslmode", "verify-ca") => {
                verify = Verify::Ca;
                Ok(Some("require".into()))
            }
            ("sslmode", "verify-full") => {
                verify = Verify::Full;
                Ok(Some("require".into()))
            }
            ("sslmode", "allow") => Err(Error::invalid(
                "newsroom",
                Text::new("newsroom-sslmode-allow"),
            )),
            ("sslrootcert", file) => {
                root = Some(PathBuf::from(file));
                Ok(None)
            }
            _ => Ok(Some(value.to_string())),
        }
    };
    let url = url.trim();
    let out = if let Some((head, query)) = url
        .split_once('?')
        .filter(|_| url.starts_with("postgres://") || url.starts_with("postgresql://"))
    {
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if let Some(v) = take(k, v)? {
                kept.push(format!("{k}={v}"));
            }
        }
        if kept.is_empty() {
            head.to_string()
        } else {
            format!("{head}?{}", kept.join("&"))
        }
    } else if url.contains("://") {
        url.to_string()
    } else {
        // `key=value` pairs; values with spaces are quoted, and never hold these two keys'
        // values in a way that matters, so a split on whitespace outside quotes suffices.
        let mut kept = Vec::new();
        for pair in split_conninfo(url) {
            let (k, v) = pair.split_once('=').unwrap_or((&pair, ""));
            let (k, v) = (k.trim(), v.trim());
            let bare = v.trim_matches('\'');
            match take(k, bare)? {
                Some(nv) if nv != bare => kept.push(format!("{k}={nv}")),
                Some(_) => kept.push(pair.clone()),
                None => {}
            }
        }
        kept.join(" ")
    };
    Ok((out, verify, root))
}

/// A `key=value` string's pairs, a quoted value (`'…'`, `\'` escaping) kept whole.
fn split_conninfo(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(p) = out.last_mut() {
                    p.push(c);
                }
                if let Some(n) = chars.next() {
                    if let Some(p) = out.last_mut() {
                        p.push(n);
                    }
                }
            }
            '\'' => {
                quoted = !quoted;
                if let Some(p) = out.last_mut() {
                    p.push(c);
                }
            }
            c if c.is_whitespace() && !quoted => {
                if !out.last().is_some_and(|p| p.is_empty()) {
                    out.push(String::new());
                }
            }
            c => {
                if let Some(p) = out.last_mut() {
                    p.push(c);
                }
            }
        }
    }
    out.retain(|p| !p.is_empty());
    // `key = value` with spaces around `=`.
    let mut joined: Vec<String> = Vec::new();
    for p in out {
        match joined.last_mut() {
            Some(last) if last.ends_with('=') || p.starts_with('=') => last.push_str(&p),
            _ => joined.push(p),
        }
    }
    joined
}

impl fmt::Display for Target {
    /// `user@host:port/database`, as a person reads it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}@{}:{}/{}",
            self.user, self.host, self.port, self.dbname
        )
    }
}

impl Target {
    /// Reads a `postgresql://…` URL or a `host=… dbname=…` string.
    pub fn parse(url: &str) -> Result<Target> {
        let (cleaned, verify, root_cert) = take_tls_options(url)?;
        let mut config = Config::from_str(&cleaned).map_err(|e| {
            Error::invalid(
                "newsroom",
                Text::new("newsroom-bad-address")
                    .arg("address", without_password(url))
                    .arg("detail", e.to_string()),
            )
        })?;
        if config.get_user().is_none() {
            let user = std::env::var("PGUSER")
                .ok()
                .filter(|u| !u.is_empty())
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_default();
            if user.is_empty() {
                return Err(Error::invalid(
                    "newsroom",
                    Text::new("newsroom-address-no-user"),
                ));
            }
            config.user(&user);
        }
        let user = config.get_user().unwrap_or_default().to_string();
        if config.get_hosts().is_empty() {
            config.host("localhost");
        }
        let host = match &config.get_hosts()[0] {
            Host::Tcp(h) => h.clone(),
            Host::Unix(p) => p.display().to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let dbname = config.get_dbname().unwrap_or(&user).to_string();
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("dateline");
        Ok(Target {
            config,
            user,
            host,
            port,
            dbname,
            verify,
            root_cert,
        })
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// The settings as a `key=value` string without the password, to keep in the desk: the
    /// password stays where the person keeps it (password file, environment, their memory).
    pub fn to_conninfo(&self) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
        let sslmode = match (self.config.get_ssl_mode(), self.verify) {
            (SslMode::Disable, _) => "disable",
            (_, Verify::Ca) => "verify-ca",
            (_, Verify::Full) => "verify-full",
            (SslMode::Require, _) => "require",
            _ => "prefer",
        };
        let root = match &self.root_cert {
            Some(p) => format!(" sslrootcert={}", q(&p.display().to_string())),
            None => String::new(),
        };
        format!(
            "host={} port={} user={} dbname={} sslmode={sslmode}{root}",
            q(&self.host),
            self.port,
            q(&self.user),
            q(&self.dbname)
        )
    }

    /// A connection kept from an earlier call with the same settings, if one is still open,
    /// else a new one ([`Target::connect`]). Give it back with [`Target::keep`] when the work
    /// went well. The `bool` says whether it was kept (so it may have died meanwhile).
    pub(crate) fn connect_kept(&self, prompt: Option<&Prompt<'_>>) -> Result<(Client, bool)> {
        let key = self.to_conninfo();
        let kept = {
            let mut idle = IDLE.lock().unwrap_or_else(|p| p.into_inner());
            idle.iter()
                .position(|(k, c)| *k == key && !c.is_closed())
                .map(|i| idle.swap_remove(i).1)
        };
        match kept {
            Some(c) => Ok((c, true)),
            None => Ok((self.connect(prompt)?, false)),
        }
    }

    /// Keeps a connection for the next call with these settings (one per settings).
    pub(crate) fn keep(&self, client: Client) {
        if client.is_closed() {
            return;
        }
        let key = self.to_conninfo();
        let mut idle = IDLE.lock().unwrap_or_else(|p| p.into_inner());
        idle.retain(|(k, _)| *k != key);
        idle.push((key, client));
    }

    /// Connects as the URL's user. The password, when the URL has none, comes from
    /// `PGPASSWORD`, then the password file, then `prompt`.
    pub fn connect(&self, prompt: Option<&Prompt<'_>>) -> Result<Client> {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            if let Some(p) = self.password_from_environment() {
                config.password(p);
            } else if let Some(p) = prompt.and_then(|ask| {
                ask(&format!(
                    "Password for {} at the newsroom {}: ",
                    self.user, self
                ))
            }) {
                config.password(p);
            }
        }
        let tls = self.tls()?;
        let tls = postgres_native_tls::MakeTlsConnector::new(tls);
        config.connect(tls).map_err(|e| self.error(e))
    }

    /// The TLS settings for this target, made once per process: reading the system's
    /// authorities costs about 60 ms (debug build), most of a new connection.
    fn tls(&self) -> Result<native_tls::TlsConnector> {
        static MADE: Mutex<Vec<(Verify, Option<PathBuf>, native_tls::TlsConnector)>> =
            Mutex::new(Vec::new());
        let mut made = MADE.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, _, c)) = made
            .iter()
            .find(|(v, r, _)| *v == self.verify && *r == self.root_cert)
        {
            return Ok(c.clone());
        }
        let mut tls = native_tls::TlsConnector::builder();
        if self.verify == Verify::Ca {
            tls.danger_accept_invalid_hostnames(true);
        }
        if let Some(path) = &self.root_cert {
            let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let cert = native_tls::Certificate::from_pem(&pem).map_err(|e| {
                Error::invalid(
                    "newsroom",
                    Text::new("newsroom-bad-root-cert")
                        .arg("path", path.as_path())
                        .arg("detail", e.to_string()),
                )
            })?;
            tls.add_root_certificate(cert);
        }
        let tls = tls.build().map_err(|e| {
            Error::Newsroom(Text::new("newsroom-no-tls").arg("detail", e.to_string()))
        })?;
        made.push((self.verify, self.root_cert.clone(), tls.clone()));
        Ok(tls)
    }

    fn password_from_environment(&self) -> Option<String> {
        if let Some(p) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
            return Some(p);
        }
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
        // As libpq: a password file others can read is not used.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).ok()?.permissions().mode();
            if mode & 0o077 != 0 {
                return None;
            }
        }
        let text = std::fs::read_to_string(&file).ok()?;
        let host = if self.host.starts_with('/') {
            "localhost"
        } else {
            &self.host
        };
        pgpass_lookup(&text, host, self.port, &self.dbname, &self.user)
    }

    /// The server's or the network's error, in words for the person at the desk.
    pub(crate) fn error(&self, e: postgres::Error) -> Error {
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                return Error::Login(
                    Text::new("newsroom-login-refused")
                        .arg("newsroom", self.to_string())
                        .arg("user", &self.user),
                );
            }
            if *code == SqlState::INSUFFICIENT_PRIVILEGE || *code == SqlState::CHECK_VIOLATION {
                return Error::Refused(
                    Text::new("newsroom-refused-change")
                        .arg("reason", refusal_text(&refusal_key(db.message()))),
                );
            }
            if *code == SqlState::INVALID_SCHEMA_NAME || *code == SqlState::UNDEFINED_TABLE {
                return Error::Newsroom(
                    Text::new("newsroom-not-set-up").arg("database", &self.dbname),
                );
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::Newsroom(
                    Text::new("newsroom-no-database")
                        .arg("host", &self.host)
                        .arg("port", self.port.to_string())
                        .arg("database", &self.dbname),
                );
            }
            return Error::Newsroom(
                Text::new("newsroom-answered")
                    .arg("newsroom", self.to_string())
                    .arg("answer", db.message()),
            );
        }
        // The library's words and its causes ("invalid configuration: password missing").
        let mut text = e.to_string();
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            text = format!("{text}: {c}");
            cause = c.source();
        }
        if text.contains("password missing") {
            return Error::Login(
                Text::new("newsroom-password-missing")
                    .arg("newsroom", self.to_string())
                    .arg("user", &self.user),
            );
        }
        if text.contains("TLS") || text.contains("tls") || text.contains("certificate") {
            return Error::Newsroom(
                Text::new("newsroom-tls-failed")
                    .arg("newsroom", self.to_string())
                    .arg("detail", plain(&text)),
            );
        }
        Error::Newsroom(
            Text::new("newsroom-unreachable")
                .arg("newsroom", self.to_string())
                .arg("detail", plain(&text)),
        )
    }
}

/// The server's refusal as the desk keeps it: `@not-yours` or `@role <what>` when it is one of
/// PostgreSQL's own (written for programmers), else the trigger's words, which are written for
/// journalists. [`refusal_text`] says a kept reason in any language.
pub(crate) fn refusal_key(message: &str) -> String {
    if message.contains("row-level security") || message.contains("row level security") {
        "@not-yours".to_string()
    } else if let Some(rest) = message.strip_prefix("permission denied for ") {
        let what = rest
            .rsplit_once(' ')
            .map(|(_, t)| t)
            .unwrap_or(rest)
            .trim_matches('"');
        let what = match what {
            "stories" | "revisions" | "moves" => "stories",
            "photos" | "crops" | "originals" | "original_chunks" => "photos",
            other => other,
        };
        format!("@role {what}")
    } else {
        message.to_string()
    }
}

/// What the desk keeps of a refusal `e` (see [`refusal_key`]): the key when the reason is one
/// of the catalogue's, else its words.
pub(crate) fn kept_reason(e: &Error) -> String {
    use crate::i18n::Arg;
    let Error::Refused(Text::Msg("newsroom-refused-change", args)) = e else {
        return e.to_string();
    };
    match args.first().map(|(_, a)| a) {
        Some(Arg::Text(Text::Msg("newsroom-refused-not-yours", _))) => "@not-yours".into(),
        Some(Arg::Text(Text::Msg("newsroom-refused-role", what))) => {
            match what.first().map(|(_, a)| a) {
                Some(Arg::Text(Text::Msg("newsroom-what-stories", _))) => "@role stories".into(),
                Some(Arg::Text(Text::Msg("newsroom-what-photos", _))) => "@role photos".into(),
                Some(Arg::Text(Text::Raw(other))) => format!("@role {other}"),
                _ => e.to_string(),
            }
        }
        Some(Arg::Text(Text::Raw(words))) => words.clone(),
        _ => e.to_string(),
    }
}

/// A refusal's reason, alone (the window and the CLI put their own words around it), from
/// what the desk keeps ([`refusal_key`]). Reasons kept before issue 15 carried the English
/// words around them, which are taken off.
pub fn refusal_text(kept: &str) -> Text {
    let kept = kept
        .strip_prefix("The newsroom refused the change: ")
        .unwrap_or(kept);
    match kept.strip_prefix('@') {
        Some(mv) if mv.starts_with("move ") => {
            // "@move <from> <to> <the reason as kept>"
            let mut parts = mv[5..].splitn(3, ' ');
            let status = |s: Option<&str>| match s.and_then(crate::model::Status::parse) {
                Some(s) => crate::workflow::status_text(s),
                None => Text::Raw(s.unwrap_or_default().to_string()),
            };
            let (from, to) = (status(parts.next()), status(parts.next()));
            Text::new("newsroom-move-refused")
                .arg("from", from)
                .arg("to", to)
                .arg("reason", refusal_text(parts.next().unwrap_or_default()))
        }
        Some("not-yours") => Text::new("newsroom-refused-not-yours"),
        Some(role) if role.starts_with("role ") => {
            let what = match &role[5..] {
                "stories" => Text::new("newsroom-what-stories"),
                "photos" => Text::new("newsroom-what-photos"),
                other => Text::Raw(other.to_string()),
            };
            Text::new("newsroom-refused-role").arg("what", what)
        }
        _ => server_refusal(kept).unwrap_or_else(|| Text::Raw(kept.to_string())),
    }
}

/// The newsroom's own refusals: the words its triggers write (`src/newsroom/sql/`, English,
/// `%s` where a status goes) and the catalogue's message that says them in the window's
/// language, with its arguments' names in order. A test checks every refusal in the SQL is here.
const SERVER_REFUSALS: &[(&str, &str, &[&str])] = &[
    (
        "Only an editor can send a new story to the newsroom as %s; file it as Draft or In edit.",
        "newsroom-server-new-story-editor-only",
        &["status"],
    ),
    (
        "A story in %s cannot move to %s.",
        "newsroom-server-cannot-move",
        &["from", "to"],
    ),
    (
        "Only an editor can move a story from %s to %s.",
        "newsroom-server-editor-moves",
        &["from", "to"],
    ),
    (
        "You cannot move this story: it is not yours, and you are not an editor.",
        "newsroom-server-not-yours-to-move",
        &[],
    ),
    (
        "The story is in %s in the newsroom, not in %s: someone moved it first.",
        "newsroom-server-moved-first",
        &["now", "was"],
    ),
    (
        "A complete original never changes.",
        "newsroom-server-original-fixed",
        &[],
    ),
    (
        "The photo file that arrived does not match the one the desk sent; it will be sent again.",
        "newsroom-server-photo-mismatch",
        &[],
    ),
    (
        "This story was deleted from the newsroom's trash; it can no longer change.",
        "newsroom-server-deleted",
        &[],
    ),
    (
        "Only a story in the trash can be deleted for good; it is not in the newsroom's trash.",
        "newsroom-server-not-in-trash",
        &[],
    ),
    (
        "The story is %s in the newsroom: from there only an editor can change it. Your words stay on your desk.",
        "newsroom-server-past-the-desk",
        &["status"],
    ),
];

/// One of the newsroom's own refusals ([`SERVER_REFUSALS`]) recognised in `words`, as the
/// catalogue says it; `None` for words the newsroom's triggers do not write.
fn server_refusal(words: &str) -> Option<Text> {
    let words = words.trim();
    SERVER_REFUSALS.iter().find_map(|(template, id, names)| {
        let pieces: Vec<&str> = template.split("%s").collect();
        let mut rest = words.strip_prefix(pieces[0])?;
        let mut values = Vec::new();
        for (i, piece) in pieces.iter().enumerate().skip(1) {
            // A status label never holds the words after it; the last piece ends the message.
            let at = if i == pieces.len() - 1 {
                rest.strip_suffix(piece)?.len()
            } else {
                rest.find(piece)?
            };
            values.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
        if !rest.is_empty() {
            return None;
        }
        let mut text = Text::new(id);
        for (name, value) in names.iter().zip(values) {
            let status = match crate::model::Status::parse(value) {
                Some(s) => crate::workflow::status_text(s),
                None => Text::Raw(value.to_string()),
            };
            text = text.arg(name, status);
        }
        Some(text)
    })
}

/// A network error's words without the library's prefixes ("error connecting to server: ").
fn plain(text: &str) -> String {
    let t = text
        .trim_start_matches("error connecting to server: ")
        .trim_start_matches("error performing TLS handshake: ");
    let t = match t.rfind(" (os error ") {
        Some(at) => &t[..at],
        None => t,
    };
    t.trim_end_matches('.').to_string()
}

/// The URL without its password, for messages.
fn without_password(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if s < at => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:…{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The password a password file (libpq's `~/.pgpass` format) holds for this connection: the
/// first line `host:port:database:user:password` whose fields match, `*` matching anything,
/// `\:` and `\\` escaping.
pub fn pgpass_lookup(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            continue;
        }
        let ok = |i: usize, want: &str| fields[i] == "*" || fields[i] == want;
        if ok(0, host) && ok(1, &port) && ok(2, db) && ok(3, user) {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    if let Some(f) = fields.last_mut() {
                        f.push(n);
                    }
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of every `MESSAGE = …` in the newsroom's SQL, `%s` where `format` puts a
    /// value: adjacent literals joined, `''` read as `'`.
    fn trigger_messages() -> Vec<String> {
        let mut out = Vec::new();
        for (_, sql) in super::super::schema::MIGRATIONS {
            for (at, _) in sql.match_indices("MESSAGE =") {
                let mut rest = sql[at + "MESSAGE =".len()..].trim_start();
                rest = rest.strip_prefix("format(").unwrap_or(rest);
                let mut words = String::new();
                while let Some(lit) = rest.strip_prefix('\'') {
                    let mut end = 0;
                    let b = lit.as_bytes();
                    while end < b.len() {
                        if b[end] == b'\'' && b.get(end + 1) == Some(&b'\'') {
                            end += 2;
                        } else if b[end] == b'\'' {
                            break;
                        } else {
                            end += 1;
                        }
                    }
                    words.push_str(&lit[..end].replace("''", "'"));
                    rest = lit[end + 1..].trim_start();
                }
                out.push(words);
            }
        }
        out
    }

    #[test]
    fn every_refusal_of_the_newsrooms_triggers_is_said_in_the_windows_language() {
        let messages = trigger_messages();
        assert!(messages.len() >= 13, "{messages:?}");
        for m in &messages {
            assert!(
                SERVER_REFUSALS.iter().any(|(t, _, _)| t == m),
                "the newsroom's refusal {m:?} has no message in the catalogue (SERVER_REFUSALS)"
            );
        }
        // As a desk reads it back: the statuses filled in by the trigger, in Spanish.
        let said = refusal_text("Only an editor can move a story from Copy desk to Ready.");
        assert_eq!(
            said.render(crate::i18n::Lang::Es),
            "Solo un editor puede pasar una nota de Corrección a Lista."
        );
        assert_eq!(
            said.render(crate::i18n::Lang::En),
            "Only an editor can move a story from Copy desk to Ready."
        );
        let kept = "@move ready published The story is in Published in the newsroom, not in Ready: someone moved it first.";
        let es = refusal_text(kept).render(crate::i18n::Lang::Es);
        assert!(es.contains("figura como Publicada"), "{es}");
        // Words the triggers do not write stay as they came.
        assert_eq!(
            refusal_text("Something else entirely.").render(crate::i18n::Lang::Es),
            "Something else entirely."
        );
    }

    #[test]
    fn the_password_file_is_read_as_libpq_reads_it() {
        let file = "# newsroom\n\
                    db.example.org:5432:news:ana:s3cret\n\
                    *:*:news:luis:pa\\:ss\\\\word\n\
                    localhost:5433:*:*:local\n";
        let look = |h, p, d, u| pgpass_lookup(file, h, p, d, u);
        assert_eq!(
            look("db.example.org", 5432, "news", "ana").as_deref(),
            Some("s3cret")
        );
        assert_eq!(look("db.example.org", 5432, "other", "ana"), None);
        assert_eq!(
            look("anywhere", 1, "news", "luis").as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(look("localhost", 5433, "x", "y").as_deref(), Some("local"));
        assert_eq!(look("localhost", 5432, "x", "y"), None);
    }

    #[test]
    fn a_target_shows_no_password() {
        let t = Target::parse("postgresql://ana:s3cret@db.example.org:6543/news?sslmode=require")
            .expect("parses");
        assert_eq!(t.to_string(), "ana@db.example.org:6543/news");
        let info = t.to_conninfo();
        assert!(!info.contains("s3cret"), "{info}");
        assert!(info.contains("sslmode=require"), "{info}");
        let again = Target::parse(&info).expect("conninfo parses");
        assert_eq!(again.to_string(), t.to_string());
        assert_eq!(
            without_password("postgresql://ana:s3cret@h/db"),
            "postgresql://ana:…@h/db"
        );
        let e = Target::parse("postgresql://ana:s3cret@h:notaport/db")
            .err()
            .expect("refused")
            .to_string();
        assert!(!e.contains("s3cret"), "{e}");
    }

    /// libpq's two verifying modes, which the client library does not know, are kept (and
    /// survive the desk's stored settings); `allow` is refused in words.
    #[test]
    fn verify_ca_and_verify_full_are_understood_issue_13() {
        for (url, mode, verify) in [
            (
                "postgresql://ana@h/news?sslmode=verify-ca",
                "verify-ca",
                Verify::Ca,
            ),
            (
                "postgresql://ana@h/news?sslmode=verify-full",
                "verify-full",
                Verify::Full,
            ),
            (
                "host=h user=ana dbname=news sslmode=verify-full",
                "verify-full",
                Verify::Full,
            ),
            (
                "postgresql://ana@h/news?sslmode=require",
                "require",
                Verify::Default,
            ),
        ] {
            let t = Target::parse(url).expect(url);
            assert_eq!(t.verify, verify, "{url}");
            assert_eq!(t.config.get_ssl_mode(), SslMode::Require, "{url}");
            let info = t.to_conninfo();
            assert!(info.contains(&format!("sslmode={mode}")), "{info}");
            let again = Target::parse(&info).expect("conninfo parses");
            assert_eq!(again.verify, verify, "{info}");
        }
        let t = Target::parse(
            "postgresql://ana@h/news?sslmode=verify-ca&sslrootcert=/etc/newsroom/ca.pem",
        )
        .expect("with a root certificate");
        assert_eq!(t.root_cert, Some(PathBuf::from("/etc/newsroom/ca.pem")));
        let again = Target::parse(&t.to_conninfo()).expect("kept");
        assert_eq!(again.root_cert, t.root_cert);
        assert_eq!(again.verify, Verify::Ca);
        let e = Target::parse("postgresql://ana@h/news?sslmode=allow")
            .err()
            .expect("refused")
            .to_string();
        assert!(e.contains("sslmode=allow is not supported"), "{e}");
        // A root certificate that is not there is named when connecting.
        let t = Target::parse(
            "postgresql://ana@127.0.0.1:1/news?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        )
        .expect("parses");
        let e = t.connect(None).err().expect("refused").to_string();
        assert!(e.contains("/nonexistent/ca.pem"), "{e}");
    }
}

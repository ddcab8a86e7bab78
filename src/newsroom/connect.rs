//! Reaching the newsroom's PostgreSQL as libpq's clients do: a URL or `key=value` string,
//! the password from the URL, `PGPASSWORD`, the password file (`PGPASSFILE`, else
//! `~/.pgpass`) or a prompt the shell supplies, in that order; `PGUSER` when the URL names no
//! user; TLS as `sslmode` says (`prefer` by default, `require` refuses a server without TLS,
//! and the server's certificate is always checked when TLS is used). It also turns the
//! server's errors into words for a journalist.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::error::SqlState;
use postgres::{Client, Config};

use crate::error::{Error, Result};

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
        let mut config = Config::from_str(url.trim()).map_err(|e| {
            Error::invalid(
                "newsroom",
                format!(
                    "“{}” is not a newsroom address ({e}). Write it as \
                     postgresql://USER@HOST:PORT/DATABASE.",
                    without_password(url)
                ),
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
                    "The newsroom address names no user: write it as \
                     postgresql://USER@HOST/DATABASE.",
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
        })
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// The settings as a `key=value` string without the password, to keep in the desk: the
    /// password stays where the person keeps it (password file, environment, their memory).
    pub fn to_conninfo(&self) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
        let sslmode = match self.config.get_ssl_mode() {
            SslMode::Disable => "disable",
            SslMode::Require => "require",
            _ => "prefer",
        };
        format!(
            "host={} port={} user={} dbname={} sslmode={sslmode}",
            q(&self.host),
            self.port,
            q(&self.user),
            q(&self.dbname)
        )
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
        let tls = native_tls::TlsConnector::new().map_err(|e| {
            Error::Newsroom(format!("The desk cannot make secure connections: {e}."))
        })?;
        let tls = postgres_native_tls::MakeTlsConnector::new(tls);
        config.connect(tls).map_err(|e| self.error(e))
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
                return Error::Refused(format!(
                    "The newsroom {self} did not let “{}” in: the user does not exist there or \
                     the password is wrong. Check both with the newsroom's admin.",
                    self.user
                ));
            }
            if *code == SqlState::INSUFFICIENT_PRIVILEGE || *code == SqlState::CHECK_VIOLATION {
                return Error::Refused(refusal_words(db.message()));
            }
            if *code == SqlState::INVALID_SCHEMA_NAME || *code == SqlState::UNDEFINED_TABLE {
                return Error::Newsroom(format!(
                    "The database {} holds no newsroom yet: an admin sets it up first with \
                     `dateline newsroom init`.",
                    self.dbname
                ));
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::Newsroom(format!(
                    "The newsroom server at {}:{} has no database “{}”.",
                    self.host, self.port, self.dbname
                ));
            }
            return Error::Newsroom(format!("The newsroom {self} answered: {}", db.message()));
        }
        // The library's words and its causes ("invalid configuration: password missing").
        let mut text = e.to_string();
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            text = format!("{text}: {c}");
            cause = c.source();
        }
        if text.contains("password missing") {
            return Error::Refused(format!(
                "The newsroom {self} asks for {}'s password: set PGPASSWORD, put it in \
                 ~/.pgpass, or run the command in a terminal to be asked for it.",
                self.user
            ));
        }
        if text.contains("TLS") || text.contains("tls") || text.contains("certificate") {
            return Error::Newsroom(format!(
                "A secure connection to the newsroom {self} could not be made: {}.",
                plain(&text)
            ));
        }
        Error::Newsroom(format!(
            "The newsroom {self} cannot be reached ({}). The desk keeps working offline; sync \
             again when the network is back.",
            plain(&text)
        ))
    }
}

/// The server's refusal, in the words of the rules (the triggers' messages are written for
/// journalists; PostgreSQL's own ones are not).
fn refusal_words(message: &str) -> String {
    if message.contains("row-level security") || message.contains("row level security") {
        "The newsroom refused the change: this story or photo is not yours to change, and \
         your role does not allow it."
            .to_string()
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
        format!("The newsroom refused the change: your role does not allow changing {what}.")
    } else {
        format!("The newsroom refused the change: {message}")
    }
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
}

//! The newsroom server's schema: numbered migrations (`sql/NNNN_*.sql`, append-only, each
//! in one transaction, recorded in `newsroom.migrations`), the check a desk makes before it
//! talks to a server, and the newsroom's people (login roles in the four group roles, plus
//! their row in `newsroom.members`).

use postgres::{Client, GenericClient};

use super::connect::Target;
use super::{Member, Role};
use crate::error::{Error, Result};
use crate::i18n::Text;

/// The server's migrations, by number. Append only, numbered without gaps (a test checks).
pub(crate) const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("sql/0001_newsroom.sql")),
    (2, include_str!("sql/0002_rules.sql")),
    (3, include_str!("sql/0003_notify.sql")),
    (4, include_str!("sql/0004_holders.sql")),
    (5, include_str!("sql/0005_travel.sql")),
    (6, include_str!("sql/0006_past_the_desk.sql")),
];

/// The newest server format this Dateline knows.
pub const SERVER_SCHEMA_VERSION: i32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The sync protocol this Dateline speaks (`newsroom.info`'s `protocol`).
pub(crate) const PROTOCOL: &str = "1";

/// One lock number for every `init`, so two admins running it at once take turns.
const INIT_LOCK: i64 = 2026113001;

/// The server's format: 0 before `init`.
pub(crate) fn version(client: &mut impl GenericClient, target: &Target) -> Result<i32> {
    let exists: bool = client
        .query_one("SELECT to_regclass('newsroom.migrations') IS NOT NULL", &[])
        .map_err(|e| target.error(e))?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let v: Option<i32> = client
        .query_one("SELECT max(version) FROM newsroom.migrations", &[])
        .map_err(|e| target.error(e))?
        .get(0);
    Ok(v.unwrap_or(0))
}

/// Applies every migration the server lacks; returns the formats before and after.
pub(crate) fn migrate(client: &mut Client, target: &Target) -> Result<(i32, i32)> {
    let from = version(client, target)?;
    if from > SERVER_SCHEMA_VERSION {
        return Err(newer(target, from));
    }
    for &(number, sql) in MIGRATIONS {
        if number <= from {
            continue;
        }
        let mut tx = client.transaction().map_err(|e| target.error(e))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])
            .map_err(|e| target.error(e))?;
        // Another admin's `init` may have applied it while this one waited for the lock.
        if version(&mut tx, target)? >= number {
            continue;
        }
        tx.batch_execute(sql)
            .map_err(|e| migration_error(target, number, e))?;
        tx.execute(
            "INSERT INTO newsroom.migrations (version) VALUES ($1)",
            &[&number],
        )
        .map_err(|e| target.error(e))?;
        tx.commit().map_err(|e| target.error(e))?;
    }
    Ok((from, SERVER_SCHEMA_VERSION))
}

fn migration_error(target: &Target, number: i32, e: postgres::Error) -> Error {
    match e.as_db_error() {
        Some(db) if db.code() == &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
            Error::Refused(
                Text::new("newsroom-may-not-init")
                    .arg("user", target.user())
                    .arg("newsroom", target.to_string()),
            )
        }
        Some(db) => Error::Newsroom(
            Text::new("newsroom-format-failed")
                .arg("number", number.to_string())
                .arg("detail", db.message()),
        ),
        None => target.error(e),
    }
}

fn newer(target: &Target, found: i32) -> Error {
    Error::Newsroom(
        Text::new("newsroom-newer")
            .arg("newsroom", target.to_string())
            .arg("found", found.to_string())
            .arg("known", SERVER_SCHEMA_VERSION.to_string()),
    )
}

/// Refuses a server without a newsroom, or of a format or protocol this Dateline does not
/// speak, before anything is read or written.
pub(crate) fn check_compatible(client: &mut Client, target: &Target) -> Result<()> {
    let v = version(client, target)?;
    if v == 0 {
        return Err(Error::Newsroom(
            Text::new("newsroom-not-set-up-at").arg("newsroom", target.to_string()),
        ));
    }
    if v > SERVER_SCHEMA_VERSION {
        return Err(newer(target, v));
    }
    if v < SERVER_SCHEMA_VERSION {
        return Err(Error::Newsroom(
            Text::new("newsroom-older")
                .arg("newsroom", target.to_string())
                .arg("found", v.to_string())
                .arg("needed", SERVER_SCHEMA_VERSION.to_string()),
        ));
    }
    let protocol: Option<String> = client
        .query_opt(
            "SELECT value FROM newsroom.info WHERE key = 'protocol'",
            &[],
        )
        .map_err(|e| target.error(e))?
        .map(|r| r.get(0));
    if protocol.as_deref() != Some(PROTOCOL) {
        return Err(newer(target, v));
    }
    Ok(())
}

/// What a desk learns in the one round trip before a sync.
pub(crate) struct Hello {
    /// The connection's login (`session_user`).
    pub(crate) login: String,
    /// The change counter: nothing committed has a higher change number.
    pub(crate) counter: i64,
}

/// Who the connection is, the server's format and protocol, and its change counter, in one
/// round trip (`newsroom.hello()`, format 5). A server without it, or of another format or
/// protocol, is refused with the words of [`check_compatible`].
pub(crate) fn hello(client: &mut Client, target: &Target) -> Result<Hello> {
    let row = match client.query_one("SELECT * FROM newsroom.hello()", &[]) {
        Ok(row) => row,
        Err(e) if e.as_db_error().is_some() => {
            check_compatible(client, target)?;
            return Err(target.error(e));
        }
        Err(e) => return Err(target.error(e)),
    };
    let version: Option<i32> = row.get(1);
    let protocol: Option<String> = row.get(2);
    if version != Some(SERVER_SCHEMA_VERSION) || protocol.as_deref() != Some(PROTOCOL) {
        check_compatible(client, target)?;
        return Err(newer(target, version.unwrap_or(0)));
    }
    Ok(Hello {
        login: row.get(0),
        counter: row.get(3),
    })
}

/// `CREATE ROLE … LOGIN … IN ROLE <group>` and the members row, in one transaction. The
/// password is sent as its SCRAM-SHA-256 verifier, never as text, so no server log holds it.
pub(crate) fn add_user(
    client: &mut Client,
    target: &Target,
    login: &str,
    display_name: &str,
    role: Role,
    password: &str,
) -> Result<()> {
    let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
    let create_role = if role == Role::Admin {
        " CREATEROLE"
    } else {
        ""
    };
    // The login was checked (lowercase letters, digits, `_.-`) and is quoted besides.
    let sql = format!(
        "CREATE ROLE \"{login}\" LOGIN{create_role} PASSWORD '{}' IN ROLE {}",
        verifier.replace('\'', "''"),
        role.group()
    );
    let mut tx = client.transaction().map_err(|e| target.error(e))?;
    tx.batch_execute(&sql).map_err(|e| match e.as_db_error() {
        Some(db) if db.code() == &postgres::error::SqlState::DUPLICATE_OBJECT => Error::invalid(
            "user",
            Text::new("newsroom-user-exists").arg("login", login),
        ),
        Some(db) if db.code() == &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
            Error::Refused(Text::new("newsroom-may-not-add").arg("user", target.user()))
        }
        _ => target.error(e),
    })?;
    tx.execute(
        "INSERT INTO newsroom.members (login, display_name, role) VALUES ($1, $2, $3)",
        &[&login, &display_name, &role.as_str()],
    )
    .map_err(|e| target.error(e))?;
    tx.commit().map_err(|e| target.error(e))?;
    Ok(())
}

pub(crate) fn members(client: &mut Client, target: &Target) -> Result<Vec<Member>> {
    let rows = client
        .query(
            "SELECT login::text, display_name, role FROM newsroom.members ORDER BY login",
            &[],
        )
        .map_err(|e| target.error(e))?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Member {
                login: r.get(0),
                display_name: r.get(1),
                role: Role::parse(r.get::<_, &str>(2)).ok()?,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_numbers_ascend() {
        for (i, (n, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                *n,
                i as i32 + 1,
                "newsroom migrations are numbered 1, 2, 3…"
            );
        }
    }

    /// The server's table of moves is the desk's `workflow::TRANSITIONS`, no more, no less.
    #[test]
    fn the_server_allows_the_moves_the_desk_allows() {
        let sql = MIGRATIONS[0].1;
        let table = &sql[sql
            .find("INSERT INTO newsroom.workflow_moves")
            .expect("the moves")..];
        let table = &table[..table.find(';').expect("end")];
        let mut server: Vec<(String, String)> = table
            .lines()
            .filter_map(|l| {
                let l = l.trim().trim_start_matches('(');
                let mut parts = l.split(',').map(|p| p.trim().trim_matches('\''));
                let from = parts.next()?;
                let to = parts.next()?;
                (!from.is_empty() && !from.starts_with("INSERT")).then(|| (from.into(), to.into()))
            })
            .collect();
        server.sort();
        let mut desk: Vec<(String, String)> = crate::workflow::TRANSITIONS
            .iter()
            .map(|(f, t)| (f.as_str().to_string(), t.as_str().to_string()))
            .collect();
        desk.sort();
        assert_eq!(server, desk);
    }
}

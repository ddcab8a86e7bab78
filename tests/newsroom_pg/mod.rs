//! A throwaway PostgreSQL for the newsroom tests: one cluster per test binary, started from
//! Debian's `postgresql` binaries in a temporary folder, on a free port and a Unix socket in
//! that folder, and stopped (with its folder removed) when the test binary exits, however it
//! exits. It never touches a cluster it did not start. Each test gets its own database.
//!
//! The tests' own admin connects as the cluster's superuser over the Unix socket (`trust`);
//! everyone else connects over TCP with a real SCRAM-SHA-256 password, so wrong passwords and
//! missing roles are refused as on a real server. When the tests run as root (CI), the
//! server runs as the `postgres` user, as PostgreSQL requires.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

pub struct Pg {
    pub dir: PathBuf,
    pub port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

/// The PostgreSQL server binaries: the newest `/usr/lib/postgresql/N/bin` with `initdb`.
fn server_bin() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "PostgreSQL's server is not installed (no /usr/lib/postgresql/N/bin/initdb). The \
             newsroom tests need it: run `make test` (scripts/setup.sh installs Debian's \
             postgresql), or `apt-get install postgresql`."
        ),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free TCP port")
}

impl Pg {
    fn run(&self, tool: &str, args: &[&str]) -> std::process::Output {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("could not run {}: {e}", exe.display()))
    }

    fn start_cluster() -> Pg {
        let bin = server_bin();
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("dateline-pg-")
            .tempdir()
            .expect("temp dir")
            .keep();
        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir)
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            assert!(
                ok,
                "could not give {} to the postgres user (is Debian's postgresql installed?)",
                dir.display()
            );
        }
        let pg = Pg {
            dir: dir.clone(),
            port: free_port(),
            bin,
            as_postgres,
        };
        let data = dir.join("data");
        let out = pg.run(
            "initdb",
            &[
                "-D",
                data.to_str().expect("utf-8 path"),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        pg.start();
        pg.watch_over();
        pg
    }

    /// Starts (or restarts) the server and waits until it accepts connections.
    pub fn start(&self) {
        let data = self.dir.join("data");
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("log");
        let out = self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().expect("utf-8 path"),
                "-w",
                "-t",
                "60",
                "-o",
                &opts,
                "-l",
                log.to_str().expect("utf-8 path"),
                "start",
            ],
        );
        assert!(
            out.status.success(),
            "PostgreSQL did not start: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// Stops the server at once, as a crash would (`immediate`).
    pub fn crash(&self) {
        let data = self.dir.join("data");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().expect("utf-8"),
                "-m",
                "immediate",
                "stop",
            ],
        );
    }

    /// A watcher that stops this cluster and removes its folder once the test binary is gone
    /// (a static is never dropped, and a killed test runs no destructor).
    fn watch_over(&self) {
        let pg_ctl = self.bin.join("pg_ctl");
        let data = self.dir.join("data");
        let stop = if self.as_postgres {
            format!(
                "runuser -u postgres -- {} -D {} -m immediate stop",
                pg_ctl.display(),
                data.display()
            )
        } else {
            format!(
                "{} -D {} -m immediate stop",
                pg_ctl.display(),
                data.display()
            )
        };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            dir = self.dir.display()
        );
        // In the background of a shell that ends at once, so the watcher is nobody's child
        // and outlives this process.
        let ok = Command::new("sh")
            .args(["-c", &format!("({script}) </dev/null >/dev/null 2>&1 &")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "could not start the test cluster's watcher");
    }

    /// The superuser's connection to `db`, over the Unix socket.
    pub fn admin(&self, db: &str) -> String {
        format!(
            "host={} port={} user=postgres dbname={db}",
            self.dir.display(),
            self.port
        )
    }

    /// A person's connection over TCP, with the password in it.
    pub fn url(&self, user: &str, password: &str, db: &str) -> String {
        format!(
            "postgresql://{user}:{password}@127.0.0.1:{}/{db}",
            self.port
        )
    }

    /// A person's connection over TCP without password (it comes from PGPASSWORD, the
    /// password file or a prompt).
    pub fn url_without_password(&self, user: &str, db: &str) -> String {
        format!("postgresql://{user}@127.0.0.1:{}/{db}", self.port)
    }

    /// A fresh database of its own for one test; its name is unique in the cluster and is
    /// used as a suffix for the test's role names (roles are cluster-wide).
    pub fn database(&self, hint: &str) -> String {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!("{hint}_{}", N.fetch_add(1, Ordering::Relaxed));
        let mut c = postgres::Client::connect(&self.admin("postgres"), postgres::NoTls)
            .expect("the test cluster's admin connection");
        c.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
            .expect("a test database");
        name
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }
}

/// The test binary's cluster, started on first use.
pub fn cluster() -> &'static Pg {
    static PG: OnceLock<Pg> = OnceLock::new();
    PG.get_or_init(Pg::start_cluster)
}

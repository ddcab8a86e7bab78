//! Durable files: how every file Dateline writes reaches the disk, in one room.
//!
//! A file is written under a hidden temporary name beside its destination
//! (`.NAME.WHAT-PID[.N]`), synced, renamed into place, and then its folder is synced, so the
//! new name itself survives a power cut. A crash at any point leaves the old file or the new
//! one, never half of one; what it leaves behind is a temporary that [`sweep_stale`] removes
//! once its process is gone. The desk (originals, renditions, thumbnails, Markdown exports)
//! and the package writer (`export::sink`) both write through here.
//!
//! This room knows files and nothing of desks, photos or stories; every room may use it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The marker of [`write_atomically`]'s temporaries: `.NAME.tmp-PID.N`.
pub const TEMP_MARKER: &str = ".tmp-";

/// A temporary older than this is stale whatever its process number says.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Writes `bytes` to `dest` atomically and durably: a temporary beside it, synced, renamed
/// into place, the folder synced. Two writers of one destination in one process (two threads)
/// each use their own temporary.
pub fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let tmp = temp_beside(dest, &format!("tmp-{}.{n}", std::process::id()));
    let result = write_synced(&tmp, bytes).and_then(|()| {
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir(dest.parent().unwrap_or(Path::new(".")))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A hidden name beside `dest` for a file on its way there: `.NAME.WHAT`.
pub fn temp_beside(dest: &Path, what: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.{what}"))
}

/// Creates (or truncates) `path` with `bytes` and syncs it to the disk.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = File::create(path).map_err(|e| Error::io(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.sync_all().map_err(|e| Error::io(path, e))
}

/// Syncs a folder, which makes the names in it (a rename into place) durable. Windows cannot
/// open a folder, and does not need to.
pub fn sync_dir(dir: &Path) -> Result<()> {
    if cfg!(unix) {
        File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

/// Removes, in `dir` and every folder below it, the temporaries of [`write_atomically`] that
/// a process killed mid-write left. They were never renamed into place, so nothing refers to
/// them; those of a process still running (the CLI beside the app) are left alone. Returns
/// how many were removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            removed += sweep_stale(&path);
        } else if kind.is_file()
            && is_stale(&path, TEMP_MARKER)
            && std::fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether `path` is a hidden temporary `.….{marker}PID…` whose process is gone (or which
/// has not changed for an hour, should the number have been reused).
pub fn is_stale(path: &Path, marker: &str) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(pid) = name
        .strip_prefix('.')
        .and_then(|n| n.rsplit_once(marker))
        .map(|(_, rest)| rest.split('.').next().unwrap_or(rest))
        .and_then(|pid| pid.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    let gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists();
    let old = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER);
    gone || old
}

/// The SHA-256 of `bytes` in lower-case hex: a photo original's name, a package file's
/// checksum in its manifest.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A process number no process has (Linux caps them far below this).
    const DEAD: u32 = 4_000_000_000;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dest = tmp.path().join("a.txt");
        write_atomically(&dest, b"first").expect("write");
        write_atomically(&dest, b"second").expect("rewrite");
        assert_eq!(std::fs::read(&dest).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[test]
    fn a_write_into_a_missing_folder_says_where() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dest = tmp.path().join("gone").join("a.txt");
        let e = write_atomically(&dest, b"x").expect_err("no folder");
        assert!(e.to_string().contains("gone"), "{e}");
    }

    #[test]
    fn the_sweep_reaches_every_folder_and_spares_live_writers_and_real_files() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let deep = tmp.path().join("renditions").join("thumbs");
        std::fs::create_dir_all(&deep).expect("folders");
        let dead_top = tmp.path().join(format!(".x.jpg.tmp-{DEAD}"));
        let dead_deep = deep.join(format!(".y.webp.tmp-{DEAD}.7"));
        let mine = deep.join(format!(".z.jpg.tmp-{}.1", std::process::id()));
        let real = deep.join("y.webp");
        for p in [&dead_top, &dead_deep, &mine, &real] {
            std::fs::write(p, b"x").expect("write");
        }
        assert_eq!(sweep_stale(tmp.path()), 2);
        assert!(!dead_top.exists() && !dead_deep.exists());
        assert!(mine.exists(), "a temporary of a running writer is kept");
        assert!(real.exists(), "a finished file is never swept");
    }

    #[test]
    fn sha256_is_lower_case_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

//! Where exporters put their files, and how the finished package reaches the disk.
//!
//! Exporters never touch the file system: they hand bytes to a [`Sink`] under a relative
//! name, which is checked there and then ([`safe_path`]), so no slug, crop name or file name
//! can climb out of the package, be absolute, or be a name Windows reserves. The files are
//! kept in a sorted map, so every later step (manifest, zip) sees them in one order.
//!
//! [`commit_dir`] and [`commit_zip`] then write the package under a temporary name beside the
//! destination, sync every file, and rename it into place as the very last step. Any error —
//! a cancel, a full disk, a refused write — removes the temporary files, so the destination
//! holds either the previous package or the new one, never half of one.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Datelike, Timelike, Utc};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::durable::{self, sync_dir};
use crate::error::{Error, Result};
use crate::i18n::Text;

/// The longest relative path a package holds, in bytes (well inside every OS's limit).
pub const MAX_PATH: usize = 200;

/// Windows' reserved device names: a file called `con.html` cannot be opened there.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Checks a package-relative path: `/`-separated components of ASCII letters, digits, `.`,
/// `-` and `_`, none empty, none starting with a dot (so no `..` and no hidden file), none a
/// reserved device name, at most [`MAX_PATH`] bytes.
pub fn safe_path(path: &str) -> Result<String> {
    let bad = |why: &str| {
        Error::invalid(
            "file name",
            Text::new("export-bad-file-name")
                .arg("path", path)
                .arg("why", why),
        )
    };
    if path.is_empty() || path.len() > MAX_PATH {
        return Err(bad("it is empty or too long"));
    }
    if path.starts_with('/') {
        return Err(bad("it is an absolute path"));
    }
    for part in path.split('/') {
        if part.is_empty() {
            return Err(bad("it has an empty folder name"));
        }
        if part.starts_with('.') {
            return Err(bad(
                "a name may not start with a dot (no “..”, no hidden files)",
            ));
        }
        if !part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        {
            return Err(bad(
                "names may use only letters, digits, dots, hyphens and underscores",
            ));
        }
        let stem = part.split('.').next().unwrap_or("").to_ascii_lowercase();
        if RESERVED.contains(&stem.as_str()) {
            return Err(bad("Windows reserves that name"));
        }
    }
    Ok(path.to_string())
}

/// The files of a package being made, by relative path.
#[derive(Debug, Default)]
pub struct Sink {
    files: BTreeMap<String, Vec<u8>>,
}

impl Sink {
    /// Adds a file. The path is checked ([`safe_path`]); a path given twice is an error, so
    /// two exporters can never overwrite each other.
    pub fn put(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        let path = safe_path(path)?;
        if self.files.contains_key(&path) {
            return Err(Error::invalid(
                "file name",
                Text::new("export-written-twice").arg("path", &path),
            ));
        }
        self.files.insert(path, bytes);
        Ok(())
    }

    /// The files so far, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn bytes(&self) -> u64 {
        self.files.values().map(|b| b.len() as u64).sum()
    }
}

fn check(cancel: &AtomicBool) -> Result<()> {
    if cancel.load(Ordering::Relaxed) {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

/// A temporary name beside `dest`, hidden, unique to this process: `.NAME.WHAT-PID`.
fn temp_beside(dest: &Path, what: &str) -> PathBuf {
    durable::temp_beside(dest, &format!("{what}-{}", std::process::id()))
}

/// Tidies what an export of `dest` killed midway (power cut, `kill -9`) left beside it: a
/// half-written `.NAME.partial-PID` is removed, and a previous package that was moved aside
/// as `.NAME.old-PID` goes back into place when the new one never arrived (else it is
/// removed). Names of an export still running in another process are left alone.
fn clear_stale(dest: &Path) {
    let (Some(parent), Some(name)) = (dest.parent(), dest.file_name().and_then(|n| n.to_str()))
    else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Some(other) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let remove = |p: &Path| {
            let _ = if p.is_dir() {
                fs::remove_dir_all(p)
            } else {
                fs::remove_file(p)
            };
        };
        if other.starts_with(&format!(".{name}.partial-")) && durable::is_stale(&path, ".partial-")
        {
            remove(&path);
        } else if other.starts_with(&format!(".{name}.old-")) && durable::is_stale(&path, ".old-") {
            if !dest.exists() && path.join(super::manifest::FILE).is_file() {
                let _ = fs::rename(&path, dest);
            } else {
                remove(&path);
            }
        }
    }
}

/// Writes the package as the folder `dest` (whose parent must exist). A previous package
/// there is replaced; a folder that is not a Dateline package is never touched.
pub fn commit_dir(
    sink: &Sink,
    dest: &Path,
    cancel: &AtomicBool,
    each: &mut dyn FnMut(&str),
) -> Result<()> {
    clear_stale(dest);
    if dest.exists() && !dest.join(super::manifest::FILE).is_file() {
        return Err(Error::invalid(
            "destination",
            Text::new("export-not-a-package").arg("path", dest),
        ));
    }
    let tmp = temp_beside(dest, "partial");
    let result = (|| {
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        }
        fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let mut dirs = vec![tmp.clone()];
        for (rel, bytes) in sink.files() {
            check(cancel)?;
            let path = tmp.join(rel);
            if let Some(parent) = path.parent() {
                if !parent.exists() {
                    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                    dirs.push(parent.to_path_buf());
                }
            }
            durable::write_synced(&path, bytes)?;
            each(rel);
        }
        for d in dirs.iter().rev() {
            sync_dir(d)?;
        }
        check(cancel)?;
        swap_into_place(&tmp, dest)
    })();
    if result.is_err() && tmp.exists() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Renames the finished folder `tmp` to `dest`, moving a previous package aside first and
/// removing it only once the new one is in place.
fn swap_into_place(tmp: &Path, dest: &Path) -> Result<()> {
    let parent = dest.parent().unwrap_or(Path::new("."));
    if dest.exists() {
        let old = temp_beside(dest, "old");
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        fs::rename(dest, &old).map_err(|e| Error::io(dest, e))?;
        if let Err(e) = fs::rename(tmp, dest) {
            // Put the previous package back: the destination must not end up empty.
            let _ = fs::rename(&old, dest);
            return Err(Error::io(dest, e));
        }
        sync_dir(parent)?;
        fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    } else {
        fs::rename(tmp, dest).map_err(|e| Error::io(dest, e))?;
    }
    sync_dir(parent)
}

/// Writes the package as the zip file `dest`, every entry under `folder/`, sorted, with the
/// fixed time `mtime` and fixed permissions, so the same package gives the same bytes.
pub fn commit_zip(
    sink: &Sink,
    dest: &Path,
    folder: &str,
    mtime: DateTime<Utc>,
    cancel: &AtomicBool,
    each: &mut dyn FnMut(&str),
) -> Result<()> {
    clear_stale(dest);
    let tmp = temp_beside(dest, "partial");
    let result = (|| {
        let file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let mut zip = zip::ZipWriter::new(file);
        let zip_err = |e: zip::result::ZipError| match e {
            zip::result::ZipError::Io(io) => Error::io(&tmp, io),
            other => Error::io(&tmp, std::io::Error::other(other.to_string())),
        };
        let time = zip_time(mtime);
        // The top folder too must be searchable, or a person unzipping as themselves gets a
        // folder nobody can enter (issue 11).
        zip.add_directory(format!("{folder}/"), dir_options(time))
            .map_err(zip_err)?;
        let mut dirs: Vec<String> = Vec::new();
        for (rel, bytes) in sink.files() {
            check(cancel)?;
            // Folders get their own entries, as `zip -r` writes them, in sorted order.
            let mut at = 0;
            while let Some(i) = rel[at..].find('/') {
                let d = &rel[..at + i];
                if !dirs.iter().any(|x| x == d) {
                    zip.add_directory(format!("{folder}/{d}/"), dir_options(time))
                        .map_err(zip_err)?;
                    dirs.push(d.to_string());
                }
                at += i + 1;
            }
            // Photos are already compressed; deflating them again only costs time.
            let method = if rel.ends_with(".jpg") || rel.ends_with(".webp") {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            zip.start_file(format!("{folder}/{rel}"), options(time, method))
                .map_err(zip_err)?;
            zip.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
            each(rel);
        }
        let file = zip.finish().map_err(zip_err)?;
        file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        drop(file);
        check(cancel)?;
        fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir(dest.parent().unwrap_or(Path::new(".")))
    })();
    if result.is_err() && tmp.exists() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn options(time: zip::DateTime, method: CompressionMethod) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(time)
        .unix_permissions(0o644)
}

/// Folders must be searchable (x) for the files in them to be opened once unpacked.
fn dir_options(time: zip::DateTime) -> SimpleFileOptions {
    options(time, CompressionMethod::Stored).unix_permissions(0o755)
}

/// The zip (MS-DOS) time of `t`, clamped to the range zip can hold (1980–2107).
fn zip_time(t: DateTime<Utc>) -> zip::DateTime {
    let year = t.year().clamp(1980, 2107) as u16;
    zip::DateTime::from_date_and_time(
        year,
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second().min(59) as u8,
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, ok: bool) {
        assert_eq!(safe_path(path).is_ok(), ok, "{path}");
    }

    /// A process number above Linux's highest (2^22), so never a running process.
    const DEAD: u32 = 4_194_305;

    #[test]
    fn what_a_killed_export_left_is_tidied_and_a_moved_package_comes_back() {
        let out = tempfile::tempdir().expect("temp dir");
        let dest = out.path().join("story");
        // Killed while writing: a half folder and a half zip.
        let partial = out.path().join(format!(".story.partial-{DEAD}"));
        fs::create_dir_all(partial.join("images")).expect("partial");
        let zip_partial = out.path().join(format!(".story.zip.partial-{DEAD}"));
        fs::write(&zip_partial, b"PK").expect("zip partial");
        // Killed between moving the previous package aside and renaming the new one in.
        let old = out.path().join(format!(".story.old-{DEAD}"));
        fs::create_dir(&old).expect("old");
        fs::write(old.join(crate::export::manifest::FILE), b"{}").expect("manifest");
        // Another export of this process, still running: never touched.
        let ours = temp_beside(&dest, "partial");
        fs::create_dir(&ours).expect("ours");

        clear_stale(&out.path().join("story.zip"));
        assert!(!zip_partial.exists());
        assert!(
            partial.exists() && old.exists(),
            "the zip's tidying leaves the folder's"
        );
        clear_stale(&dest);
        assert!(!partial.exists());
        assert!(
            dest.join(crate::export::manifest::FILE).is_file(),
            "the package is back"
        );
        assert!(!old.exists());
        assert!(ours.exists());
    }

    #[test]
    fn package_paths_never_escape() {
        check("index.html", true);
        check("images/hero-16x9-2048.jpg", true);
        check("../index.html", false);
        check("images/../../etc/passwd", false);
        check("/etc/passwd", false);
        check("images//a.jpg", false);
        check(".hidden", false);
        check("..", false);
        check("a\\b.html", false);
        check("C:/x.html", false);
        check("con.html", false);
        check("images/LPT1.jpg", false);
        check("images/console.jpg", true);
        check("a b.html", false);
        check("naïve.html", false);
        check(&"a".repeat(201), false);
        check("", false);
    }
}

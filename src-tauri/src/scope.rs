//! File-access scope: which paths named by the window the app will read or write.
//!
//! The window is the least trusted part of the app (it renders text from anywhere), so a
//! path it sends is used only when it lies inside the open workspace, is a file the user
//! picked in the native dialog (`pick_photos`) or dropped on the window, or — for exports —
//! lies under a folder the user picked (`pick_folder`) or under the default export folder
//! (`~/Dateline exports`). The picking happens on the Rust side, so the window cannot claim
//! a pick it did not get. Anything else is refused with `out_of_scope`, naming the path.
//!
//! The decision ([`Allowed`]) is pure over normalized paths and unit-tested; [`normalize`]
//! is the one piece that asks the disk (symlinks of the part that exists are resolved, so a
//! link inside the workspace cannot lead out of it). Tauri state wraps it in [`Scope`].

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use dateline::i18n::Text;
use dateline::{ErrorCode, ErrorDto};

/// The folder exports go to unless the user picks another: `~/Dateline exports`.
pub fn default_export_dir() -> Option<PathBuf> {
    Some(dateline::settings::default_export_folder()).filter(|d| d.is_absolute())
}

/// The paths the window may name, all normalized.
#[derive(Debug, Default)]
pub struct Allowed {
    workspace: Option<PathBuf>,
    export_default: Option<PathBuf>,
    /// Files picked in the dialog or dropped on the window: exactly these, nothing beside.
    files: HashSet<PathBuf>,
    /// Folders picked in the dialog (export destinations), with everything under them.
    folders: Vec<PathBuf>,
}

impl Allowed {
    pub fn new(workspace: Option<PathBuf>, export_default: Option<PathBuf>) -> Allowed {
        Allowed {
            workspace,
            export_default,
            ..Allowed::default()
        }
    }

    pub fn add_files(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.files.extend(paths);
    }

    pub fn add_folder(&mut self, path: PathBuf) {
        self.folders.push(path);
    }

    fn in_workspace(&self, path: &Path) -> bool {
        self.workspace
            .as_deref()
            .is_some_and(|w| path.starts_with(w))
    }

    /// May the app read the file `path` (a photo to import)?
    pub fn may_read(&self, path: &Path) -> bool {
        self.in_workspace(path) || self.files.contains(path)
    }

    /// May the app write a package into the folder `dir`?
    pub fn may_write_into(&self, dir: &Path) -> bool {
        self.in_workspace(dir)
            || self
                .export_default
                .as_deref()
                .is_some_and(|d| dir.starts_with(d))
            || self.folders.iter().any(|f| dir.starts_with(f))
    }
}

/// `path` made absolute and canonical: the longest part of it that exists is resolved by the
/// file system (symlinks, `..`), the rest lexically. `None` for a relative path, or one that
/// climbs with `..` past what exists (nothing legitimate needs that).
pub fn normalize(path: &Path) -> Option<PathBuf> {
    if !path.is_absolute() {
        return None;
    }
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(mut out) = existing.canonicalize() {
            out.extend(rest.iter().rev());
            return Some(out);
        }
        match existing.components().next_back()? {
            Component::Normal(part) => rest.push(part.to_owned()),
            Component::CurDir => {}
            _ => return None,
        }
        if !existing.pop() {
            return None;
        }
    }
}

/// The shell's scope as Tauri state.
pub struct Scope(Mutex<Allowed>);

impl Scope {
    pub fn new(workspace: &Path) -> Scope {
        Scope(Mutex::new(Allowed::new(
            normalize(workspace),
            default_export_dir().as_deref().and_then(normalize),
        )))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Allowed) -> T) -> T {
        // A poisoned lock only means a panic elsewhere; the set itself is still sound.
        let mut allowed = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut allowed)
    }

    /// Records files the user picked or dropped.
    pub fn add_files(&self, paths: &[PathBuf]) {
        let paths: Vec<PathBuf> = paths.iter().filter_map(|p| normalize(p)).collect();
        self.with(|a| a.add_files(paths));
    }

    /// Records a folder the user picked.
    pub fn add_folder(&self, path: &Path) {
        if let Some(p) = normalize(path) {
            self.with(|a| a.add_folder(p));
        }
    }

    /// The file `path` if the window may have the app read it, else `out_of_scope` saying
    /// where typed paths may lead and what to do instead.
    pub fn check_read(&self, path: &Path) -> Result<PathBuf, ErrorDto> {
        // A relative path is read from the desk folder, as a person typing `incoming/a.jpg`
        // means.
        let joined;
        let path = match self.with(|a| a.workspace.clone()) {
            Some(desk) if path.is_relative() => {
                joined = desk.join(path);
                joined.as_path()
            }
            _ => path,
        };
        match normalize(path) {
            Some(p) if self.with(|a| a.may_read(&p)) => Ok(p),
            _ => {
                let desk = self.with(|a| a.workspace.clone()).unwrap_or_default();
                Err(ErrorDto::said(
                    ErrorCode::OutOfScope,
                    Text::new("app-outside-desk")
                        .arg("path", path)
                        .arg("desk", &desk),
                ))
            }
        }
    }

    /// The folder `dir` if the window may have the app write a package into it.
    pub fn check_write(&self, dir: &Path) -> Result<PathBuf, ErrorDto> {
        match normalize(dir) {
            Some(p) if self.with(|a| a.may_write_into(&p)) => Ok(p),
            _ => Err(out_of_scope(dir, Text::new("app-scope-write-rule"))),
        }
    }
}

fn out_of_scope(path: &Path, rule: Text) -> ErrorDto {
    ErrorDto::said(
        ErrorCode::OutOfScope,
        Text::new("app-out-of-reach")
            .arg("path", path)
            .arg("rule", rule),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> Allowed {
        let mut a = Allowed::new(
            Some("/home/ana/desk".into()),
            Some("/home/ana/Dateline exports".into()),
        );
        a.add_files(["/home/ana/Pictures/rescue.jpg".into()]);
        a.add_folder("/media/usb/outbox".into());
        a
    }

    fn read(path: &str, expected: bool) {
        assert_eq!(allowed().may_read(Path::new(path)), expected, "read {path}");
    }

    fn write(path: &str, expected: bool) {
        assert_eq!(
            allowed().may_write_into(Path::new(path)),
            expected,
            "write {path}"
        );
    }

    #[test]
    fn issue11_a_relative_typed_path_is_read_from_the_desk_folder() {
        let desk = std::env::temp_dir().join(format!("dateline-scope-{}", std::process::id()));
        std::fs::create_dir_all(desk.join("incoming")).unwrap();
        let scope = Scope::new(&desk);
        let ok = scope.check_read(Path::new("incoming/a.jpg")).unwrap();
        assert!(ok.ends_with("incoming/a.jpg") && ok.is_absolute(), "{ok:?}");
        let e = scope
            .check_read(Path::new("../../etc/hostname"))
            .unwrap_err();
        assert!(
            e.message.contains("outside the desk folder"),
            "{}",
            e.message
        );
        assert!(e.message.contains("Import photos…"), "{}", e.message);
        let _ = std::fs::remove_dir_all(&desk);
    }

    #[test]
    fn reads() {
        read("/home/ana/desk/incoming/a.jpg", true);
        read("/home/ana/Pictures/rescue.jpg", true);
        read("/home/ana/Pictures/other.jpg", false); // beside a pick is not a pick
        read("/home/ana/desktop.jpg", false); // a name that starts like the desk is not in it
        read("/etc/hostname", false);
        read("/media/usb/outbox/a.jpg", false); // an export folder is not a photo source
        read("/home/ana/Dateline exports/x/images/a.jpg", false);
    }

    #[test]
    fn writes() {
        write("/home/ana/Dateline exports", true);
        write("/home/ana/Dateline exports/monday", true);
        write("/media/usb/outbox", true);
        write("/media/usb/outbox/week 12", true);
        write("/home/ana/desk/exports", true);
        write("/tmp/elsewhere", false);
        write("/home/ana", false);
        write("/home/ana/Dateline exports2", false);
        write("/media/usb", false);
    }

    #[test]
    fn nothing_is_allowed_before_anything_is_known() {
        let a = Allowed::default();
        assert!(!a.may_read(Path::new("/")));
        assert!(!a.may_write_into(Path::new("/")));
    }

    #[test]
    fn normalize_resolves_what_exists_and_refuses_climbing_out() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().canonicalize().expect("canonical");
        assert_eq!(normalize(Path::new("relative/path")), None);
        assert_eq!(
            normalize(&tmp.path().join("not/yet/there")),
            Some(root.join("not/yet/there"))
        );
        assert_eq!(normalize(&tmp.path().join("missing/../../x")), None);
        std::fs::create_dir(root.join("desk")).expect("mkdir");
        assert_eq!(
            normalize(&tmp.path().join("desk/../desk/a.jpg")),
            Some(root.join("desk/a.jpg"))
        );
    }

    #[test]
    fn a_link_inside_the_workspace_does_not_lead_out_of_it() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().canonicalize().expect("canonical");
        std::fs::create_dir(root.join("desk")).expect("mkdir");
        std::fs::create_dir(root.join("secret")).expect("mkdir");
        std::fs::write(root.join("secret/key.jpg"), b"x").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("secret"), root.join("desk/link")).expect("link");
        let scope = Scope::new(&root.join("desk"));
        #[cfg(unix)]
        {
            let err = scope
                .check_read(&root.join("desk/link/key.jpg"))
                .expect_err("refused");
            assert_eq!(err.code, ErrorCode::OutOfScope);
            assert!(err.message.contains("key.jpg"), "{}", err.message);
        }
        std::fs::write(root.join("desk/photo.jpg"), b"x").expect("write");
        assert!(scope.check_read(&root.join("desk/photo.jpg")).is_ok());
        let err = scope
            .check_write(Path::new("/tmp/elsewhere"))
            .expect_err("refused");
        assert!(
            err.message.starts_with("/tmp/elsewhere is out of reach"),
            "{}",
            err.message
        );
        scope.add_files(&[root.join("secret/key.jpg")]);
        assert!(scope.check_read(&root.join("secret/key.jpg")).is_ok());
    }
}

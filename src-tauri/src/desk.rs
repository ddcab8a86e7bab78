//! The open desk as Tauri state: which workspace folder to open, and the one lock around it.
//!
//! The folder comes from `--workspace DIR`, else `$DATELINE_WORKSPACE`, else the OS data
//! folder; the demo is seeded into an empty one only when asked (`--demo`) or on the OS data
//! folder's first start. A desk that cannot be opened (a newer format, a file that is not a
//! database) does not stop the window: every command then answers with that error, so the UI
//! can say what is wrong in words a journalist can act on instead of the app vanishing.

use std::path::PathBuf;
use std::sync::Mutex;

use dateline::workspace::UnsavedFiles;
use dateline::{demo, ErrorCode, ErrorDto, Workspace};

/// The workspace folder named by the command line (`--workspace DIR` or `--workspace=DIR`),
/// else by the environment or the platform's data folder. Unknown arguments are ignored,
/// because WebDriver and desktop launchers may add their own.
pub fn choose_dir(args: impl Iterator<Item = String>) -> PathBuf {
    named_dir(args).unwrap_or_else(dateline::workspace::default_dir)
}

/// Whether an empty desk is given the demo (its authors, photos and the model article): when
/// asked with `--demo` (the README's run command), or on the first start of the app on its
/// own data folder, where a newcomer meets a desk with something on it. A folder a person
/// named (`--workspace`, `$DATELINE_WORKSPACE`) is theirs: it opens as empty as it is.
pub fn wants_demo(args: impl Iterator<Item = String>) -> bool {
    let args: Vec<String> = args.collect();
    args.iter().any(|a| a == "--demo")
        || (named_dir(args.into_iter()).is_none()
            && std::env::var_os(dateline::workspace::ENV_WORKSPACE).is_none_or(|d| d.is_empty()))
}

fn named_dir(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            if let Some(dir) = args.next().filter(|d| !d.is_empty()) {
                return Some(PathBuf::from(dir));
            }
        } else if let Some(dir) = arg.strip_prefix("--workspace=").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

pub struct Desk {
    workspace: Result<Mutex<Workspace>, ErrorDto>,
    /// What was typed and not stored yet, written beside the desk without its lock.
    unsaved: UnsavedFiles,
}

impl Desk {
    /// Opens the desk at `dir`, seeding the demo desk when `demo` and it holds no article yet.
    pub fn open(dir: &std::path::Path, demo: bool) -> Desk {
        let workspace = Workspace::open(dir).map_err(ErrorDto::from).map(|mut ws| {
            // A desk whose demo could not be seeded is still a working desk: say so and go on.
            if let Err(e) = demo.then(|| demo::seed_if_empty(&mut ws)).transpose() {
                eprintln!("dateline-app: the demo desk could not be seeded: {e}");
            }
            Mutex::new(ws)
        });
        if let Err(e) = &workspace {
            eprintln!("dateline-app: {}", e.message);
        }
        Desk {
            workspace,
            unsaved: UnsavedFiles::of(dir),
        }
    }

    /// The desk's `.unsaved/` folder: used without the lock, so keeping what was typed never
    /// waits behind a save.
    pub fn unsaved(&self) -> Result<&UnsavedFiles, ErrorDto> {
        self.workspace.as_ref().map_err(Clone::clone)?;
        Ok(&self.unsaved)
    }

    /// Runs `f` on the open workspace, turning every failure into the one IPC error shape.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> dateline::Result<T>,
    ) -> Result<T, ErrorDto> {
        let lock = self.workspace.as_ref().map_err(Clone::clone)?;
        let mut ws = lock.lock().map_err(|_| {
            ErrorDto::said(
                ErrorCode::Storage,
                dateline::i18n::Text::new("app-failed-halfway"),
            )
        })?;
        f(&mut ws).map_err(ErrorDto::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &[&str], expected: Option<&str>) {
        let got = choose_dir(args.iter().map(|s| s.to_string()));
        match expected {
            Some(dir) => assert_eq!(got, PathBuf::from(dir), "{args:?}"),
            None => assert_eq!(got, dateline::workspace::default_dir(), "{args:?}"),
        }
    }

    #[test]
    fn workspace_argument() {
        check(&["--workspace", "/tmp/desk"], Some("/tmp/desk"));
        check(&["--workspace=/tmp/desk"], Some("/tmp/desk"));
        check(&["--unknown", "--workspace", "/tmp/d"], Some("/tmp/d"));
        check(&["--workspace"], None);
        check(&["--workspace="], None);
        check(&[], None);
    }

    fn wants(args: &[&str]) -> bool {
        wants_demo(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn a_folder_the_person_names_opens_as_empty_as_it_is() {
        assert!(wants(&["--demo", "--workspace", "/tmp/desk"]));
        assert!(!wants(&["--workspace", "/tmp/desk"]));
        assert!(!wants(&["--workspace=/tmp/desk"]));
        let tmp = tempfile::tempdir().expect("temp dir");
        let desk = Desk::open(tmp.path(), false);
        assert!(desk.with(|ws| ws.articles()).expect("articles").is_empty());
        assert!(desk.with(|ws| ws.photos()).expect("photos").is_empty());
    }

    #[test]
    fn an_empty_desk_asked_for_the_demo_gets_the_demo_article() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let desk = Desk::open(tmp.path(), true);
        let articles = desk.with(|ws| ws.articles()).expect("articles");
        // The model article, the newest of the demo desk's stories, is listed first.
        assert!(!articles.is_empty());
        assert_eq!(
            articles[0].headline,
            "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels"
        );
    }

    #[test]
    fn a_desk_that_cannot_open_answers_every_command_with_its_error() {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            tmp.path().join("dateline.sqlite"),
            b"not a database at all, sorry",
        )
        .expect("write");
        let desk = Desk::open(tmp.path(), true);
        let err = desk.with(|ws| ws.articles()).expect_err("must fail");
        assert_eq!(err.code, ErrorCode::NotADatabase);
    }
}

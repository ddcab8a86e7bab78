//! How the CLI speaks: JSON for scripts, plain lines for people.

use std::io::Write;

use dateline::Error;
use serde::Serialize;

/// Writes to stdout. A reader that went away (`dateline article list | head`) is not an
/// error worth a panic: the rest of the output is simply not wanted.
fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as JSON with `--json`, else the text `human` makes.
    pub fn value<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) {
        if self.json {
            match serde_json::to_string_pretty(value) {
                Ok(s) => out(&format!("{s}\n")),
                Err(e) => eprintln!("{{\"code\":\"io\",\"message\":\"{e}\"}}"),
            }
        } else {
            let text = human();
            if !text.is_empty() {
                out(&format!("{text}\n"));
            }
        }
    }

    /// Prints a list: as JSON with `--json`, else one line per item made by `line`.
    pub fn list<T: Serialize>(&self, items: &[T], line: impl Fn(&T) -> String) {
        self.value(&items, || {
            items.iter().map(line).collect::<Vec<_>>().join("\n")
        });
    }

    /// Prints raw text (rendered HTML, Markdown) as it is, in both modes.
    pub fn raw(&self, text: &str) {
        out(text);
        if !text.ends_with('\n') {
            out("\n");
        }
    }

    /// Prints warnings for people on stderr; with `--json` they are part of the value.
    pub fn warnings<'a>(&self, warnings: impl IntoIterator<Item = &'a str>) {
        if !self.json {
            for w in warnings {
                eprintln!("dateline: warning: {w}");
            }
        }
    }

    pub fn error(&self, e: &Error) {
        if self.json {
            let dto = e.to_dto();
            eprintln!(
                "{}",
                serde_json::to_string(&dto).unwrap_or_else(|_| format!("{{\"message\":\"{e}\"}}"))
            );
        } else {
            eprintln!("dateline: {}", e.to_dto().message);
        }
    }
}

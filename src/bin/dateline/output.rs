//! How the CLI speaks: JSON for scripts, plain lines for people.

use dateline::Error;
use serde::Serialize;

pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as JSON with `--json`, else the text `human` makes.
    pub fn value<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) {
        if self.json {
            match serde_json::to_string_pretty(value) {
                Ok(s) => println!("{s}"),
                Err(e) => eprintln!("{{\"code\":\"io\",\"message\":\"{e}\"}}"),
            }
        } else {
            let text = human();
            if !text.is_empty() {
                println!("{text}");
            }
        }
    }

    /// Prints raw text (rendered HTML, Markdown) as it is, in both modes.
    pub fn raw(&self, text: &str) {
        print!("{text}");
        if !text.ends_with('\n') {
            println!();
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
            eprintln!("dateline: {e}");
        }
    }
}

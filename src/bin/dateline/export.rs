//! `dateline check` and `dateline export`: preflight and publish-ready packages.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use dateline::export::ExportOptions;
use dateline::i18n::Text;
use dateline::model::{ExportProgress, Severity};
use dateline::{Error, Workspace};

use crate::output::Out;

/// Prints the preflight of an article; blocked is an error (exit 1), after the findings.
pub fn check(key: &str, ws: &Workspace, out: &Out) -> Result<(), Error> {
    let p = ws
        .preflight(key)?
        .in_language(dateline::i18n::interface_language());
    out.value(&p, || {
        let mut lines: Vec<String> = p
            .findings
            .iter()
            .map(|f| {
                let mark = match f.severity {
                    Severity::Blocking => Text::new("cli-preflight-blocking"),
                    Severity::Warning => Text::new("cli-preflight-warning"),
                };
                format!("{:<11} {:<15} {}", mark.local(), f.field, f.message)
            })
            .collect();
        lines.push(if p.exportable {
            Text::new("cli-preflight-ready").local()
        } else {
            Text::new("cli-preflight-not-ready").local()
        });
        lines.join("\n")
    });
    if p.exportable {
        Ok(())
    } else {
        let n = p
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .count();
        Err(Error::invalid(
            "preflight",
            Text::new("cli-preflight-blocked").arg("n", n),
        ))
    }
}

/// Writes the package and prints where it is.
pub fn export(
    key: &str,
    out_dir: PathBuf,
    zip: bool,
    ws: &mut Workspace,
    out: &Out,
) -> Result<(), Error> {
    let json = out.json;
    let progress = move |p: &ExportProgress| {
        if !json {
            eprintln!("[{}/{}] {}", p.done, p.total, p.what);
        }
    };
    let cancel = AtomicBool::new(false);
    let report = ws.export(key, &out_dir, &ExportOptions { zip }, &progress, &cancel)?;
    out.value(&report, || {
        let mut s = Text::new("cli-exported")
            .arg("files", report.files.len())
            .arg("bytes", report.bytes.to_string())
            .arg("path", &report.path)
            .local();
        for w in &report.warnings {
            s.push_str(&format!("\n! {w}"));
        }
        s
    });
    Ok(())
}

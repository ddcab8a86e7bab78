//! An article's history beyond storing it: a word-level diff between any two revisions, and
//! restoring one.
//!
//! This is the only room that imports `similar`. The store keeps revisions (append-only
//! snapshots) and the workspace decides when a save starts a new one; this room reads them.
//! Restoring never rewrites history: it saves the old content as the current article and
//! records that as a new revision, "restored #N".

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::model::{ArticleDraft, DiffOp, DiffSpan, RevisionDiff};

/// A word diff gives up refining after this long and reports coarser spans (still correct:
/// joining them gives both texts), so a history panel never freezes on a huge body.
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// The words of `old` and `new`, kept, deleted and inserted, in reading order; neighbouring
/// spans of the same kind are merged.
pub fn diff_words(old: &str, new: &str) -> Vec<DiffSpan> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let changes: Vec<(DiffOp, &str)> = diff
        .iter_all_changes()
        .map(|c| {
            let op = match c.tag() {
                ChangeTag::Equal => DiffOp::Equal,
                ChangeTag::Insert => DiffOp::Insert,
                ChangeTag::Delete => DiffOp::Delete,
            };
            (op, c.value())
        })
        .collect();
    // A lone space kept between two changed words is shown as part of the change, so "El
    // ministro" → "La ministra" reads as one replacement, not two.
    let mut spans: Vec<DiffSpan> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut in_change = false;
    for (i, &(op, text)) in changes.iter().enumerate() {
        let bridge = op == DiffOp::Equal
            && in_change
            && text.chars().all(char::is_whitespace)
            && changes
                .get(i + 1)
                .is_some_and(|(next, _)| *next != DiffOp::Equal);
        match op {
            DiffOp::Delete => deleted.push_str(text),
            DiffOp::Insert => inserted.push_str(text),
            DiffOp::Equal if bridge => {
                deleted.push_str(text);
                inserted.push_str(text);
            }
            DiffOp::Equal => {
                flush(&mut spans, &mut deleted, &mut inserted);
                push(&mut spans, DiffOp::Equal, text);
            }
        }
        in_change = op != DiffOp::Equal || bridge;
    }
    flush(&mut spans, &mut deleted, &mut inserted);
    spans
}

fn flush(spans: &mut Vec<DiffSpan>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        push(spans, DiffOp::Delete, deleted);
        deleted.clear();
    }
    if !inserted.is_empty() {
        push(spans, DiffOp::Insert, inserted);
        inserted.clear();
    }
}

fn push(spans: &mut Vec<DiffSpan>, op: DiffOp, text: &str) {
    match spans.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => spans.push(DiffSpan {
            op,
            text: text.to_string(),
        }),
    }
}

/// The headline, dek and body of two snapshots, compared word by word.
pub fn diff_drafts(from: i64, old: &ArticleDraft, to: i64, new: &ArticleDraft) -> RevisionDiff {
    RevisionDiff {
        from,
        to,
        headline: diff_words(&old.headline, &new.headline),
        dek: diff_words(&old.dek, &new.dek),
        body: diff_words(&old.body, &new.body),
    }
}

/// Whether two snapshots hold the same content: everything a person types or picks. The
/// status and the slug are not content (a restore keeps the current ones), and a byline is its
/// name and role: the link to an author profile is the desk's doing, set when the article is
/// stored, so a snapshot taken from the form may not carry it yet.
pub(crate) fn same_content(a: &ArticleDraft, b: &ArticleDraft) -> bool {
    let bylines = |d: &ArticleDraft| -> Vec<(String, Option<String>)> {
        d.bylines
            .iter()
            .map(|b| (b.name.clone(), b.role.clone()))
            .collect()
    };
    a.headline == b.headline
        && a.dek == b.dek
        && a.body == b.body
        && a.dateline == b.dateline
        && a.section == b.section
        && a.tags == b.tags
        && a.language == b.language
        && bylines(a) == bylines(b)
        && a.hero == b.hero
        && a.front_matter_extra == b.front_matter_extra
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(old: &str, new: &str, expected: &[(DiffOp, &str)]) {
        let spans = diff_words(old, new);
        let got: Vec<(DiffOp, &str)> = spans.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(got, expected, "{old:?} → {new:?}");
    }

    #[test]
    fn words_are_compared() {
        use DiffOp::*;
        check("", "", &[]);
        check("same text", "same text", &[(Equal, "same text")]);
        check(
            "El ministro dijo sí",
            "La ministra dijo sí",
            &[
                (Delete, "El ministro"),
                (Insert, "La ministra"),
                (Equal, " dijo sí"),
            ],
        );
        check(
            "one two",
            "one two three",
            &[(Equal, "one two"), (Insert, " three")],
        );
        check(
            "a b c",
            "a c",
            &[(Equal, "a "), (Delete, "b "), (Equal, "c")],
        );
    }

    #[test]
    fn spans_rebuild_both_texts() {
        let old = "Peña dijo: «no».\n\nSegundo párrafo.";
        let new = "Peña dijo ayer: «no, nunca».\n\nSegundo párrafo, corregido.";
        let spans = diff_words(old, new);
        let side = |keep: DiffOp| -> String {
            spans
                .iter()
                .filter(|s| s.op == DiffOp::Equal || s.op == keep)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(side(DiffOp::Delete), old);
        assert_eq!(side(DiffOp::Insert), new);
    }
}

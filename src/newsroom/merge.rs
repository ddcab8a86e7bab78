//! Putting two versions of a story together against the version both started from: the
//! body by a three-way merge of its lines (diffy), every single-valued field by the rule
//! "the side that changed it wins; if both changed it differently, the newsroom's wins and the
//! conflict is recorded". Pure: no desk, no server.

use crate::model::ArticleDraft;

/// The result of a merge: the merged story, whether the bodies overlapped (then `draft.body`
/// is ours, and both versions are kept in the history), and the single-valued fields both
/// sides changed differently, as (field, ours, theirs).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub draft: ArticleDraft,
    pub body_conflict: bool,
    pub field_conflicts: Vec<(String, String, String)>,
}

/// Merges `ours` (this desk) and `theirs` (the newsroom) against `base`.
pub fn merge(base: &ArticleDraft, ours: &ArticleDraft, theirs: &ArticleDraft) -> Merged {
    let mut conflicts = Vec::new();
    let mut draft = ours.clone();
    fn pick<T: Clone + PartialEq + std::fmt::Debug>(
        field: &str,
        base: &T,
        ours: &T,
        theirs: &T,
        show: impl Fn(&T) -> String,
        conflicts: &mut Vec<(String, String, String)>,
    ) -> T {
        if ours == theirs || theirs == base {
            ours.clone()
        } else if ours == base {
            theirs.clone()
        } else {
            conflicts.push((field.to_string(), show(ours), show(theirs)));
            theirs.clone()
        }
    }
    let text = |s: &String| s.clone();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    draft.headline = pick(
        "headline",
        &base.headline,
        &ours.headline,
        &theirs.headline,
        text,
        &mut conflicts,
    );
    draft.dek = pick(
        "dek",
        &base.dek,
        &ours.dek,
        &theirs.dek,
        text,
        &mut conflicts,
    );
    draft.dateline = pick(
        "dateline",
        &base.dateline,
        &ours.dateline,
        &theirs.dateline,
        text,
        &mut conflicts,
    );
    draft.section = pick(
        "section",
        &base.section,
        &ours.section,
        &theirs.section,
        opt,
        &mut conflicts,
    );
    draft.language = pick(
        "language",
        &base.language,
        &ours.language,
        &theirs.language,
        opt,
        &mut conflicts,
    );
    draft.tags = pick(
        "tags",
        &base.tags,
        &ours.tags,
        &theirs.tags,
        |t| t.join(", "),
        &mut conflicts,
    );
    let names = |b: &Vec<crate::model::Byline>| {
        b.iter()
            .map(|b| b.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let strip = |d: &ArticleDraft| {
        d.bylines
            .iter()
            .map(|b| crate::model::Byline {
                author_id: None,
                ..b.clone()
            })
            .collect::<Vec<_>>()
    };
    draft.bylines = pick(
        "bylines",
        &strip(base),
        &strip(ours),
        &strip(theirs),
        names,
        &mut conflicts,
    );
    draft.hero = pick(
        "hero",
        &base.hero,
        &ours.hero,
        &theirs.hero,
        |h| serde_json::to_string(h).unwrap_or_default(),
        &mut conflicts,
    );
    draft.front_matter_extra = pick(
        "front_matter_extra",
        &base.front_matter_extra,
        &ours.front_matter_extra,
        &theirs.front_matter_extra,
        opt,
        &mut conflicts,
    );
    let (body, body_conflict) = if ours.body == theirs.body || theirs.body == base.body {
        (ours.body.clone(), false)
    } else if ours.body == base.body {
        (theirs.body.clone(), false)
    } else {
        match diffy::merge(&base.body, &ours.body, &theirs.body) {
            Ok(merged) => (merged, false),
            Err(_) => (ours.body.clone(), true),
        }
    };
    draft.body = body;
    Merged {
        draft,
        body_conflict,
        field_conflicts: conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(headline: &str, body: &str) -> ArticleDraft {
        ArticleDraft {
            headline: headline.into(),
            body: body.into(),
            ..ArticleDraft::default()
        }
    }

    #[test]
    fn edits_of_different_paragraphs_merge() {
        let base = story("H", "One.\n\nTwo.\n\nThree.\n");
        let ours = story("H", "One, edited here.\n\nTwo.\n\nThree.\n");
        let theirs = story("H", "One.\n\nTwo.\n\nThree, edited there.\n");
        let m = merge(&base, &ours, &theirs);
        assert!(!m.body_conflict);
        assert_eq!(
            m.draft.body,
            "One, edited here.\n\nTwo.\n\nThree, edited there.\n"
        );
        assert!(m.field_conflicts.is_empty());
    }

    #[test]
    fn edits_of_the_same_paragraph_conflict_and_keep_ours() {
        let base = story("H", "One.\n\nTwo.\n");
        let ours = story("H", "Uno.\n\nTwo.\n");
        let theirs = story("H", "Eins.\n\nTwo.\n");
        let m = merge(&base, &ours, &theirs);
        assert!(m.body_conflict);
        assert_eq!(m.draft.body, ours.body);
    }

    #[test]
    fn a_field_both_changed_goes_to_the_newsroom_and_is_recorded() {
        let base = story("Base", "x\n");
        let ours = story("Ours", "x\n");
        let theirs = story("Theirs", "x\n");
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.draft.headline, "Theirs");
        assert_eq!(
            m.field_conflicts,
            vec![(
                "headline".to_string(),
                "Ours".to_string(),
                "Theirs".to_string()
            )]
        );
        let only_ours = merge(&base, &ours, &base);
        assert_eq!(only_ours.draft.headline, "Ours");
        assert!(only_ours.field_conflicts.is_empty());
    }
}

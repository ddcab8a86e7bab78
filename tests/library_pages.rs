//! The library a page at a time (issue 15), on a generated desk: walking every sort and filter
//! by cursor gives exactly the full list, counts equal the list's length, an offset lands where
//! the full list says, and a cursor keeps its place when stories before it change.

use std::collections::BTreeMap;
use std::path::Path;

use dateline::model::{
    ArticleDraft, ArticleSummary, LibraryCursor, LibraryPageRequest, LibraryQuery, LibrarySort,
    Status,
};
use dateline::Workspace;

/// A desk of 400 generated stories (every status, sections, tags, bylines, three years of
/// dates), a few of them in the trash.
fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    ws.set_identity("Ana Editor").expect("identity");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/articles");
    ws.generate_library(&from, 400, 7).expect("generate");
    let ids: Vec<i64> = ws.articles().expect("list").iter().map(|a| a.id).collect();
    for id in ids.iter().step_by(37) {
        ws.trash_article(&id.to_string()).expect("trash");
    }
    (dir, ws)
}

fn ids(rows: &[ArticleSummary]) -> Vec<i64> {
    rows.iter().map(|a| a.id).collect()
}

/// Every row of `q`, read page by page along the cursors.
fn walk(ws: &Workspace, q: &LibraryQuery, limit: u32) -> Vec<i64> {
    let mut all = Vec::new();
    let mut after: Option<LibraryCursor> = None;
    loop {
        let page = ws
            .library_page(&LibraryPageRequest {
                query: q.clone(),
                after: after.clone(),
                offset: 0,
                limit,
            })
            .expect("page");
        assert!(page.rows.len() <= limit as usize);
        all.extend(ids(&page.rows));
        match page.next {
            Some(c) => {
                assert_eq!(
                    Some(c.id),
                    page.rows.last().map(|a| a.id),
                    "next is the last row"
                );
                after = Some(c);
            }
            None => return all,
        }
    }
}

/// The queries a person can make: each sort, each filter, the trash, and some together.
fn queries(ws: &Workspace) -> Vec<LibraryQuery> {
    let all = ws.articles().expect("list");
    let section = all
        .iter()
        .find_map(|a| a.section.clone())
        .expect("a section");
    let author = all
        .iter()
        .find_map(|a| a.bylines.first().cloned())
        .expect("a byline");
    let tag = all
        .iter()
        .find_map(|a| a.tags.first().cloned())
        .expect("a tag");
    let day = all[all.len() / 2].updated_at.format("%Y-%m-%d").to_string();
    let mut qs = Vec::new();
    for sort in [
        LibrarySort::Updated,
        LibrarySort::Created,
        LibrarySort::Headline,
        LibrarySort::Status,
    ] {
        let q = |f: &dyn Fn(&mut LibraryQuery)| {
            let mut q = LibraryQuery {
                sort,
                ..Default::default()
            };
            f(&mut q);
            q
        };
        qs.push(q(&|_| {}));
        qs.push(q(&|q| q.status = Some(Status::Draft)));
        qs.push(q(&|q| q.status = Some(Status::Published)));
        qs.push(q(&|q| q.section = Some(section.to_uppercase())));
        qs.push(q(&|q| q.author = Some(author.clone())));
        qs.push(q(&|q| q.tag = Some(tag.clone())));
        qs.push(q(&|q| q.from = Some(day.clone())));
        qs.push(q(&|q| q.to = Some(day.clone())));
        qs.push(q(&|q| {
            q.status = Some(Status::InEdit);
            q.section = Some(section.clone());
        }));
        qs.push(q(&|q| q.trashed = true));
    }
    qs
}

#[test]
fn pages_walked_by_cursor_are_the_whole_list_for_every_sort_and_filter_issue_15() {
    let (_dir, ws) = desk();
    for q in queries(&ws) {
        let full = ids(&ws.library(&q).expect("full list"));
        assert!(
            !full.is_empty() || q.status.is_some(),
            "{q:?} selects something"
        );
        for limit in [1, 7, 50, 1000] {
            assert_eq!(walk(&ws, &q, limit), full, "{q:?}, pages of {limit}");
        }
    }
}

#[test]
fn counts_equal_the_full_list_issue_15() {
    let (_dir, ws) = desk();
    for q in queries(&ws) {
        let counts = ws.library_counts(&q).expect("counts");
        let full = ws.library(&q).expect("full list");
        assert_eq!(counts.total as usize, full.len(), "{q:?}");
        // Per status: what the other filters leave.
        let unfiltered = ws
            .library(&LibraryQuery {
                status: None,
                ..q.clone()
            })
            .expect("without the status");
        let mut expected: BTreeMap<&str, u32> = BTreeMap::new();
        for a in &unfiltered {
            *expected.entry(a.status.as_str()).or_default() += 1;
        }
        let got: BTreeMap<&str, u32> = counts
            .by_status
            .iter()
            .map(|c| (c.status.as_str(), c.count))
            .collect();
        assert_eq!(got, expected, "{q:?}");
    }
}

#[test]
fn an_offset_starts_where_the_full_list_says_and_the_last_page_ends_issue_15() {
    let (_dir, ws) = desk();
    for q in queries(&ws).into_iter().step_by(3) {
        let full = ids(&ws.library(&q).expect("full list"));
        for offset in [
            0,
            1,
            13,
            full.len().saturating_sub(5),
            full.len(),
            full.len() + 10,
        ] {
            let page = ws
                .library_page(&LibraryPageRequest {
                    query: q.clone(),
                    after: None,
                    offset: offset as u32,
                    limit: 10,
                })
                .expect("page");
            let want: Vec<i64> = full.iter().skip(offset).take(10).copied().collect();
            assert_eq!(ids(&page.rows), want, "{q:?} at {offset}");
            assert_eq!(
                page.next.is_none(),
                offset + 10 >= full.len(),
                "{q:?} at {offset}: a next page only when rows follow"
            );
        }
    }
}

#[test]
fn a_cursor_keeps_its_place_when_stories_before_it_change_issue_15() {
    let (_dir, mut ws) = desk();
    let q = LibraryQuery::default();
    let first = ws
        .library_page(&LibraryPageRequest {
            query: q.clone(),
            after: None,
            offset: 0,
            limit: 20,
        })
        .expect("first page");
    let cursor = first.next.clone().expect("more pages");
    let before = ids(&ws.library(&q).expect("list"));
    let second_then: Vec<i64> = before[20..40].to_vec();

    // Above the cursor: a new story (it comes first), one trashed, one saved again (it moves
    // to the top).
    ws.create_article(ArticleDraft {
        headline: "Late news".into(),
        body: "Text.".into(),
        ..Default::default()
    })
    .expect("create");
    ws.trash_article(&first.rows[3].id.to_string())
        .expect("trash");
    let moved = ws.article_by_id(first.rows[5].id).expect("article");
    ws.save_article(
        moved.id,
        ArticleDraft {
            headline: format!("{} (updated)", moved.headline),
            ..ArticleDraft::from(&moved)
        },
    )
    .expect("save");

    let second = ws
        .library_page(&LibraryPageRequest {
            query: q,
            after: Some(cursor),
            offset: 0,
            limit: 20,
        })
        .expect("second page");
    assert_eq!(
        ids(&second.rows),
        second_then,
        "the same stories follow the cursor"
    );
}

#[test]
fn one_row_is_the_row_the_list_shows_issue_15() {
    let (_dir, ws) = desk();
    for a in ws
        .library(&LibraryQuery::default())
        .expect("list")
        .iter()
        .take(5)
    {
        assert_eq!(&ws.article_summary(a.id).expect("summary"), a);
    }
    let trashed = ws
        .library(&LibraryQuery {
            trashed: true,
            ..Default::default()
        })
        .expect("trash");
    let t = trashed.first().expect("a trashed story");
    assert_eq!(&ws.article_summary(t.id).expect("summary"), t);
    assert!(ws.article_summary(999_999).is_err());
}

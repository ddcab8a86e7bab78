//! The library at 100,000 stories (issue 15): what the window's list costs a page at a time.
//! A measurement, not a test: it asserts only that pages agree with each other, and prints
//! p50/max over repeated calls for the first page, a page at row ~99,000 (after a cursor, as
//! scrolling asks, and at an offset, as a jump of the scroll bar asks), the counts, one row's
//! refresh after a save, and — for comparison — the whole list the window used to read.
//!
//! The desk is generated once (seed 1, from the article fixtures) into a temporary folder under
//! the target folder and kept for later runs; making it is timed once and printed.
//! `DATELINE_BENCH_ARTICLES` changes the size.

use std::time::{Duration, Instant};

use dateline::model::{LibraryPageRequest, LibraryQuery, LibrarySort, Status};
use dateline::Workspace;

#[path = "common/generated.rs"]
mod generated;

const SEED: u64 = 1;
const PAGE: u32 = 100;

fn articles() -> usize {
    std::env::var("DATELINE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// p50 and max of `runs` calls of `f`, after one warm-up call.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut out = f();
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        samples.push(t.elapsed());
    }
    samples.sort();
    (samples[samples.len() / 2], samples[samples.len() - 1], out)
}

fn report(what: &str, (p50, max): (Duration, Duration)) {
    println!("  {what:<46} p50 {p50:>10.2?}   max {max:>10.2?}");
}

fn main() {
    let n = articles();
    let dir = generated::library(n, SEED);
    let t = Instant::now();
    let ws = Workspace::open(&dir).expect("the library opens");
    // On a desk made before format 7 (set `PRAGMA user_version = 6` and drop 0007's indexes
    // to try it), this open is the upgrade: it builds the indexes.
    println!("opened {} in {:.1?}", dir.display(), t.elapsed());
    let deep = (n as u32).saturating_sub(1000).max(1);

    let queries = [
        ("last change", LibraryQuery::default()),
        (
            "created",
            LibraryQuery {
                sort: LibrarySort::Created,
                ..Default::default()
            },
        ),
        (
            "headline",
            LibraryQuery {
                sort: LibrarySort::Headline,
                ..Default::default()
            },
        ),
        (
            "status sort",
            LibraryQuery {
                sort: LibrarySort::Status,
                ..Default::default()
            },
        ),
        (
            "status = published",
            LibraryQuery {
                status: Some(Status::Published),
                ..Default::default()
            },
        ),
    ];
    for (name, q) in queries {
        let page = |after, offset| {
            ws.library_page(&LibraryPageRequest {
                query: q.clone(),
                after,
                offset,
                limit: PAGE,
            })
            .expect("page")
        };
        let (p50, max, counts) = time(50, || ws.library_counts(&q).expect("counts"));
        println!("{name}: {} stories", counts.total);
        report("counts (total and per status)", (p50, max));
        let (p50, max, first) = time(50, || page(None, 0));
        report(&format!("first page ({PAGE} rows)"), (p50, max));
        let offset = deep.min(counts.total.saturating_sub(PAGE + 1));
        // The cursor of the row before `offset`, from the page before it.
        let before = page(None, offset - 1);
        let cursor = ws
            .library_page(&LibraryPageRequest {
                query: q.clone(),
                after: None,
                offset: offset - 1,
                limit: 1,
            })
            .expect("row")
            .next
            .expect("a cursor");
        let (p50, max, by_cursor) = time(50, || page(Some(cursor.clone()), 0));
        report(
            &format!("page at row {offset}, after its cursor"),
            (p50, max),
        );
        let (p50, max, by_offset) = time(20, || page(None, offset));
        report(&format!("page at row {offset}, at its offset"), (p50, max));
        assert_eq!(by_cursor, by_offset, "{name}: cursor and offset agree");
        assert_eq!(
            by_cursor.rows[..PAGE as usize - 1],
            before.rows[1..],
            "{name}"
        );
        assert_eq!(first.rows.len(), PAGE as usize);
    }

    let id = ws
        .library_page(&LibraryPageRequest {
            query: LibraryQuery::default(),
            after: None,
            offset: 500,
            limit: 1,
        })
        .expect("row")
        .rows[0]
        .id;
    let (p50, max, _) = time(200, || ws.article_summary(id).expect("row"));
    report("one row's refresh after a save", (p50, max));
    let (p50, max, all) = time(5, || ws.articles().expect("list"));
    report(
        &format!("the whole list, as before ({} rows)", all.len()),
        (p50, max),
    );
}

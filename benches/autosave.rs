//! Autosave of the 10,000-word fixture article into a real workspace on disk — what the app
//! does every 800 ms while someone types: validate, update the row and its FTS index, and
//! either refresh nothing (a save coalesced into the newest autosave revision) or record a
//! new revision (a save more than five minutes after the last one). Each commit is fsynced
//! (WAL, `synchronous = FULL`), so this measures the disk too.

use std::path::Path;

use chrono::{Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use dateline::model::ArticleDraft;
use dateline::Workspace;

fn autosave(c: &mut Criterion) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/articles/synthetic-long-article-10k.md");
    // In the target folder rather than /tmp, which may be a RAM disk: a real disk is the point.
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("a workspace");
    let article = ws
        .import_markdown(&fixture)
        .expect("the 10k-word fixture imports")
        .article;
    let mut draft = ArticleDraft::from(&article);
    let base = draft.body.clone();

    let mut group = c.benchmark_group("autosave-10k-words");
    group.sample_size(50);
    let mut n = 0u64;
    group.bench_function("coalesced-into-newest-revision", |b| {
        b.iter(|| {
            n += 1;
            draft.body = format!("{base}\n\nA new paragraph, typed {n} times.");
            ws.save_article(article.id, draft.clone()).expect("saved")
        })
    });
    let mut at = Utc::now();
    group.bench_function("new-revision", |b| {
        b.iter(|| {
            n += 1;
            at += Duration::minutes(6);
            draft.body = format!("{base}\n\nA new paragraph, typed {n} times.");
            ws.save_article_at(article.id, draft.clone(), at)
                .expect("saved")
        })
    });
    group.finish();
}

criterion_group!(benches, autosave);
criterion_main!(benches);

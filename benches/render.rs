//! Render time of the one render function (comrak + typography + ammonia) on the 10,000-word
//! and 1 MB fixtures, with comrak alone and ammonia alone beside it to see where time goes; and
//! the preview's render in blocks (`BlockCache`) for one keystroke at the end of the body,
//! which sanitizes only the block that changed.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline::markdown;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/articles")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared fixtures are needed)", path.display()))
}

fn render(c: &mut Criterion) {
    for (label, file) in [
        ("10k-words", "synthetic-long-article-10k.md"),
        ("1mb", "stress-1mb.md"),
    ] {
        let md = fixture(file);
        let mut group = c.benchmark_group(label);
        group.sample_size(if label == "1mb" { 20 } else { 100 });
        for language in ["en", "es"] {
            group.bench_function(format!("render-{language}"), |b| {
                b.iter(|| markdown::render(std::hint::black_box(&md), language))
            });
        }
        group.bench_function("stage-comrak-only", |b| {
            b.iter(|| markdown::bench_stages::comrak_only(std::hint::black_box(&md)))
        });
        group.bench_function("stage-comrak+typography", |b| {
            b.iter(|| markdown::bench_stages::comrak_typography(std::hint::black_box(&md), "en"))
        });
        // One keystroke at the end of the body: the cache holds every other block.
        let mut cache = markdown::BlockCache::new();
        let typed = [
            format!("{}\n\nA new paragraph", md.trim_end()),
            format!("{}\n\nA new paragraphs", md.trim_end()),
        ];
        let mut id = cache.render(&typed[0], "en", None).id;
        let mut n = 0;
        group.bench_function("preview-blocks-keystroke", |b| {
            b.iter(|| {
                n += 1;
                let r = cache.render(std::hint::black_box(&typed[n % 2]), "en", Some(id));
                id = r.id;
                r
            })
        });
        let html = markdown::bench_stages::comrak_typography(&md, "en");
        group.bench_function("stage-ammonia-only", |b| {
            b.iter(|| markdown::bench_stages::sanitize(std::hint::black_box(&html)))
        });
        group.finish();
    }
}

criterion_group!(benches, render);
criterion_main!(benches);

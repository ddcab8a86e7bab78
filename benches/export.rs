//! Export of the demo package (`dateline init --demo`, then `dateline export`): the model
//! article with its two-photo composite hero, as a folder and as a zip, with the rendition
//! cache warm (the first export, which makes the renditions, is setup, not measured).

use std::sync::atomic::AtomicBool;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline::export::ExportOptions;
use dateline::{demo, Workspace};

fn export(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temp dir");
    let mut ws = Workspace::open(&tmp.path().join("desk")).expect("a workspace");
    let article = demo::seed(&mut ws).expect("the demo desk");
    let out = tmp.path().join("out");
    let cancel = AtomicBool::new(false);
    for zip in [false, true] {
        ws.export(
            &article.slug,
            &out,
            &ExportOptions { zip },
            &|_| {},
            &cancel,
        )
        .expect("the demo article exports");
    }
    let mut group = c.benchmark_group("export-demo-package-warm");
    group.sample_size(20);
    for (name, zip) in [("folder", false), ("zip", true)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                ws.export(
                    &article.slug,
                    &out,
                    &ExportOptions { zip },
                    &|_| {},
                    &cancel,
                )
                .expect("export")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);

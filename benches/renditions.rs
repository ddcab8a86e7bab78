//! The rendition set (2048, 1200, 600 px × JPEG, WebP) of the 22-megapixel Canon fixture,
//! made from scratch each iteration (the cache folder is emptied first).

use std::path::Path;
use std::sync::atomic::AtomicBool;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline::photo::embed::Credits;
use dateline::photo::rendition::{render_set, RenditionOptions, Source};
use dateline::photo::{inspect, CropRect, Size};

fn renditions(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos/large-canon-eos5d3-22mp.jpg");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping: {} is missing", path.display());
        return;
    };
    let info = inspect(&bytes, &path).expect("the fixture is a photo");
    let crop = CropRect::WHOLE.to_pixels(Size::new(info.width, info.height));
    let cache = tempfile::tempdir().expect("a temp dir");
    let credits = Credits {
        creator: "Carlos Barria".into(),
        credit: "Reuters".into(),
        ..Default::default()
    };
    let opts = RenditionOptions::default();
    let cancel = AtomicBool::new(false);
    let mut group = c.benchmark_group("renditions");
    group.sample_size(10);
    group.bench_function("canon-22mp-3-widths-jpeg-webp", |b| {
        b.iter(|| {
            let _ = std::fs::remove_dir_all(cache.path());
            let src = Source {
                bytes: &bytes,
                path: &path,
                sha256: &info.sha256,
                orientation: info.orientation,
                crop,
            };
            render_set(&src, &credits, &opts, cache.path(), &|_| {}, &cancel).expect("renditions")
        })
    });
    group.finish();
}

criterion_group!(benches, renditions);
criterion_main!(benches);

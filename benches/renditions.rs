//! The rendition set (2048, 1200, 600 px × JPEG, WebP) of the 22-megapixel Canon fixture,
//! made from scratch each iteration (the cache folder is emptied first): as it is (sRGB), and
//! with the Adobe RGB (1998) profile attached by exiftool to the same pixels (issue 16), so
//! the difference is the colour conversion alone. The Adobe RGB case needs exiftool and
//! colord-data's profile (both installed by scripts/setup.sh).

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
    let adobe = tempfile::tempdir().expect("a temp dir");
    let adobe_path = adobe.path().join("canon-adobe-rgb.jpg");
    let made = std::process::Command::new("exiftool")
        .arg("-ICC_Profile<=/usr/share/color/icc/colord/AdobeRGB1998.icc")
        .arg("-o")
        .arg(&adobe_path)
        .arg(&path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        made,
        "exiftool and colord-data are needed (scripts/setup.sh)"
    );
    let adobe_bytes = std::fs::read(&adobe_path).expect("the Adobe RGB copy");
    let cache = tempfile::tempdir().expect("a temp dir");
    let credits = Credits {
        creators: vec!["Carlos Barria".into()],
        credit: "Reuters".into(),
        ..Default::default()
    };
    let opts = RenditionOptions::default();
    let cancel = AtomicBool::new(false);
    let mut group = c.benchmark_group("renditions");
    group.sample_size(10);
    for (name, bytes, path) in [
        ("canon-22mp-3-widths-jpeg-webp", &bytes, &path),
        (
            "canon-22mp-adobe-rgb-3-widths-jpeg-webp",
            &adobe_bytes,
            &adobe_path,
        ),
    ] {
        let info = inspect(bytes, path).expect("the fixture is a photo");
        let crop = CropRect::WHOLE.to_pixels(Size::new(info.width, info.height));
        group.bench_function(name, |b| {
            b.iter(|| {
                let _ = std::fs::remove_dir_all(cache.path());
                let src = Source {
                    bytes,
                    path,
                    sha256: &info.sha256,
                    orientation: info.orientation,
                    crop,
                };
                render_set(&src, &credits, &opts, cache.path(), &|_| {}, &cancel)
                    .expect("renditions")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, renditions);
criterion_main!(benches);

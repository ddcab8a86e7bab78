//! Renditions carry their credits (read back by the real exiftool), are cached, and can be
//! cancelled; composites keep every photo's credit; code replacements and batch edits apply
//! when fields are saved.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use dateline::credit::HouseWords;
use dateline::model::{HeroPhoto, PhotoFields};
use dateline::photo::{CropRequest, FieldsPatch, RenditionOptions};
use dateline::{ErrorCode, Workspace};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos")
        .join(name)
}

fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::open(dir.path()).expect("workspace opens");
    (dir, ws)
}

fn fields() -> PhotoFields {
    PhotoFields {
        caption: "Mexican President Claudia Sheinbaum at a press conference in Mexico City.".into(),
        // The second "ñ" takes bytes 32–33, straddling IIM's 32-byte By-line limit.
        creator: "Stephania Corpi Ibáñez-Montanña".into(),
        agency: "Bloomberg".into(),
        distributor: "Getty Images".into(),
        copyright: "© 2025 Bloomberg Finance LP".into(),
        alt_text: "A woman in a white blouse speaks at a lectern before a blue backdrop.".into(),
        usage_terms: "Editorial use only. No sales.".into(),
        credit_override: None,
    }
}

#[test]
fn exiftool_reads_every_credit_back_from_every_rendition() {
    let runs = Command::new("exiftool")
        .arg("-ver")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        runs,
        "this test reads the renditions back with exiftool, which is not installed here. \
         Install it with `make test` (scripts/setup.sh), or `apt-get install \
         libimage-exiftool-perl`."
    );
    let (_tmp, mut ws) = desk();
    let p = ws
        .import_photo(&fixture("large-nikon-d3100-14mp.jpg"))
        .expect("imports");
    let f = fields();
    ws.update_photo(p.id, f.clone(), p.focus).expect("saves");
    ws.set_crop(
        p.id,
        CropRequest {
            name: "hero".into(),
            aspect: "16:9".into(),
            ..Default::default()
        },
    )
    .expect("crop");
    let set = ws
        .render_crop(
            p.id,
            "hero",
            &RenditionOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("renders");
    assert_eq!(set.outputs.len(), 6, "3 widths × 2 formats");
    for r in &set.outputs {
        let out = Command::new("exiftool")
            .args(["-j", "-G1", "-a"])
            .arg(&r.path)
            .output()
            .expect("exiftool runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("exiftool JSON");
        let tags = &json[0];
        let name = r.path.display();
        let check = |tag: &str, want: &str| {
            assert_eq!(tags[tag].as_str(), Some(want), "{name}: {tag} in {tags}");
        };
        check("XMP-dc:Creator", &f.creator);
        check("XMP-photoshop:Credit", "Bloomberg via Getty Images");
        check("XMP-dc:Rights", &f.copyright);
        check("XMP-dc:Description", &f.caption);
        check("XMP-iptcCore:AltTextAccessibility", &f.alt_text);
        check("XMP-xmpRights:UsageTerms", &f.usage_terms);
        check("Composite:ImageSize", &format!("{}x{}", r.width, r.height));
        if r.format == dateline::photo::Format::Jpeg {
            check("IPTC:CodedCharacterSet", "UTF8");
            // Cut on a character boundary: 31 bytes, the straddling "ñ" dropped whole.
            check("IPTC:By-line", "Stephania Corpi Ibáñez-Montan");
            check("IPTC:Credit", "Bloomberg via Getty Images");
            check("IPTC:CopyrightNotice", &f.copyright);
            check("IPTC:Caption-Abstract", &f.caption);
        }
    }
}

#[test]
fn renditions_are_cached_and_remade_when_the_credits_change() {
    let (_tmp, mut ws) = desk();
    let p = ws
        .import_photo(&fixture("orient6-landscape.jpg"))
        .expect("imports");
    ws.set_crop(
        p.id,
        CropRequest {
            name: "sq".into(),
            aspect: "1:1".into(),
            ..Default::default()
        },
    )
    .expect("crop");
    let opts = RenditionOptions::default();
    let no = AtomicBool::new(false);
    let first = ws
        .render_crop(p.id, "sq", &opts, &|_| {}, &no)
        .expect("renders");
    assert!(first.outputs.iter().all(|r| !r.cached));
    assert_eq!(first.outputs[0].width, 450, "capped at the crop's width");
    assert!(
        first.warnings.iter().any(|w| w.contains("never enlarges")),
        "{:?}",
        first.warnings
    );
    assert!(
        first.warnings.iter().any(|w| w.contains("alt text")),
        "{:?}",
        first.warnings
    );
    let again = ws
        .render_crop(p.id, "sq", &opts, &|_| {}, &no)
        .expect("renders");
    assert!(again.outputs.iter().all(|r| r.cached), "nothing is redone");
    let mut f = p.fields.clone();
    f.caption = "A new caption".into();
    ws.update_photo(p.id, f, p.focus).expect("saves");
    let changed = ws
        .render_crop(p.id, "sq", &opts, &|_| {}, &no)
        .expect("renders");
    assert!(
        changed.outputs.iter().all(|r| !r.cached),
        "a new caption means new files"
    );
}

#[test]
fn a_cancelled_rendition_stops_with_cancelled() {
    let (_tmp, mut ws) = desk();
    let p = ws
        .import_photo(&fixture("orient2-landscape.jpg"))
        .expect("imports");
    ws.set_crop(
        p.id,
        CropRequest {
            name: "a".into(),
            aspect: "4:3".into(),
            ..Default::default()
        },
    )
    .expect("crop");
    let e = ws
        .render_crop(
            p.id,
            "a",
            &RenditionOptions::default(),
            &|_| {},
            &AtomicBool::new(true),
        )
        .expect_err("cancelled");
    assert_eq!(e.code(), ErrorCode::Cancelled);
}

#[test]
fn a_composite_keeps_each_photos_credit() {
    let (_tmp, mut ws) = desk();
    let a = ws
        .import_photo(&fixture("meta-iptc-ref-std2024.1.jpg"))
        .expect("imports");
    let b = ws
        .import_photo(&fixture("orient8-landscape.jpg"))
        .expect("imports");
    ws.update_photo(b.id, fields(), b.focus).expect("saves");
    let heroes = [
        HeroPhoto {
            photo_id: a.id,
            crop: None,
        },
        HeroPhoto {
            photo_id: b.id,
            crop: None,
        },
    ];
    let out = ws
        .composite_hero(
            &heroes,
            1200,
            "16:9",
            Some("Sociedad Media"),
            &HouseWords::english(),
            &AtomicBool::new(false),
        )
        .expect("composite");
    assert_eq!((out.outputs[0].width, out.outputs[0].height), (1200, 675));
    assert!(
        out.caption_line
            .contains("Credit: Creator1 (ref2023.2)/Credit Line (ref2023.2); "),
        "{}",
        out.caption_line
    );
    assert!(out.caption_line.ends_with("Credit: Stephania Corpi Ibáñez-Montanña/Bloomberg via Getty Images. Edited by Sociedad Media"), "{}", out.caption_line);
    let img = image::open(&out.outputs[0].path)
        .expect("decodes")
        .into_rgb8();
    // The gutter (5 px at 1200) between the two cells is white.
    let mid = img.get_pixel(599, 300);
    assert!(mid.0.iter().all(|&c| c > 240), "gutter pixel {mid:?}");
    assert!(out.outputs.iter().all(|o| !o.cached));

    // A Spanish story's composite says its credits in Spanish in the files too (a tryout found
    // "Credit:" embedded in a Spanish story's hero while its page said "Foto:").
    let es = ws
        .composite_hero(
            &heroes,
            1200,
            "16:9",
            Some("Sociedad Media"),
            &HouseWords::spanish(),
            &AtomicBool::new(false),
        )
        .expect("Spanish composite");
    assert!(!es.caption_line.contains("Credit:"), "{}", es.caption_line);
    assert!(
        es.caption_line.ends_with(
            "Foto: Stephania Corpi Ibáñez-Montanña/Bloomberg vía Getty Images. Edición: Sociedad Media"
        ),
        "{}",
        es.caption_line
    );
    let embedded = Command::new("exiftool")
        .args(["-s3", "-Caption-Abstract"])
        .arg(&es.outputs[0].path)
        .output()
        .expect("exiftool runs");
    let embedded = String::from_utf8_lossy(&embedded.stdout);
    assert!(embedded.contains("Foto: Stephania Corpi"), "{embedded}");
    assert!(!embedded.contains("Credit:"), "{embedded}");

    // Made once: the second time comes from the cache without reading an original (they are
    // gone here, and it still answers).
    for h in &heroes {
        std::fs::remove_file(ws.photo_original(h.photo_id).unwrap()).unwrap();
    }
    let again = ws
        .composite_hero(
            &heroes,
            1200,
            "16:9",
            Some("Sociedad Media"),
            &HouseWords::english(),
            &AtomicBool::new(false),
        )
        .expect("cached composite");
    assert!(again.outputs.iter().all(|o| o.cached));
    assert_eq!(
        (again.outputs[0].width, again.outputs[0].height),
        (1200, 675)
    );
    assert_eq!(again.caption_line, out.caption_line);
    let e = ws
        .composite_hero(
            &heroes[..1],
            1200,
            "16:9",
            None,
            &HouseWords::english(),
            &AtomicBool::new(false),
        )
        .expect_err("one photo");
    assert_eq!(e.code(), ErrorCode::Invalid);
}

#[test]
fn codes_expand_when_fields_are_saved_and_batches_apply_to_all() {
    let (_tmp, mut ws) = desk();
    ws.set_code_replacement("=rtr=", "Reuters").expect("code");
    let a = ws
        .import_photo(&fixture("orient2-landscape.jpg"))
        .expect("imports");
    let b = ws
        .import_photo(&fixture("orient3-landscape.jpg"))
        .expect("imports");
    let patch = FieldsPatch {
        agency: Some("=rtr=".into()),
        creator: Some("Carlos Barria".into()),
        ..Default::default()
    };
    let saved = ws.apply_photo_fields(&[a.id, b.id], &patch).expect("batch");
    for p in &saved {
        assert_eq!(p.fields.agency, "Reuters");
        assert_eq!(p.credit_line, "Credit: Carlos Barria/Reuters");
    }
    let e = ws.apply_photo_fields(
        &[a.id, 999],
        &FieldsPatch {
            caption: Some("x".into()),
            ..Default::default()
        },
    );
    assert_eq!(e.expect_err("unknown photo").code(), ErrorCode::NotFound);
    assert_eq!(
        ws.photo(a.id).expect("photo").fields.caption,
        "",
        "all or none"
    );
    assert!(ws.set_code_replacement("two words", "x").is_err());
}

//! Packages, checked by the real validators a receiver would use: the official IPTC ninjs 3.1
//! schema (jsonschema), the W3C Nu HTML Checker (vnu.jar, Java) and exiftool for the credits
//! in every rendition; manifests re-hashed; double exports compared byte for byte; cancels,
//! full disks, path escapes and markup in every text field.
//!
//! vnu and exiftool are external programs: a missing one fails the test, saying how to install
//! it (`make test` does). vnu lives in `tests/validators/` (`npm ci` there; the lock file is
//! committed).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use dateline::durable::sha256_hex;
use dateline::export::manifest::Manifest;
use dateline::export::ExportOptions;
use dateline::model::{ArticleDraft, Byline, Hero, HeroPhoto, PhotoFields};
use dateline::photo::CropRequest;
use dateline::{ErrorCode, Workspace};
use serde_json::Value;

const MODEL: &str = "sheinbaum-rejects-u-s-offer-to-help-combat-drug-cartels";
const MODEL_CAPTION: &str = "U.S. President Donald Trump (left) at the White House on \
     Inauguration Day in Washington, D.C. on January 20, 2025. Credit: Carlos Barria/Reuters; \
     Mexican President Claudia Sheinbaum at a press conference on November 6 in Mexico City. \
     Credit: Stephania Corpi/Bloomberg via Getty Images. Edited by Sociedad Media";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A demo desk shared by the tests that only read it (its rendition cache is warm after the
/// first export).
fn demo_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(dir.path()).expect("open");
        dateline::demo::seed(&mut ws).expect("seed");
        dir
    })
    .path()
}

fn export(ws: &mut Workspace, key: &str, out: &Path, zip: bool) -> dateline::model::ExportReport {
    ws.export(
        key,
        out,
        &ExportOptions { zip },
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("export")
}

fn demo_package() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(demo_dir()).expect("open");
        export(&mut ws, MODEL, out.path(), false);
        out
    })
    .path()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("inside").to_string_lossy();
                out.insert(rel.replace('\\', "/"), std::fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

// ---- External tools ------------------------------------------------------------------------

/// An external checker is missing: the test fails and says how to install it. A validator
/// never skips silently.
fn missing(tool: &str, how: &str) -> ! {
    panic!(
        "{tool} is required by this test but is missing here. Install it with `make test` \
         (scripts/setup.sh), or: {how}"
    );
}

/// Errors the W3C Nu HTML Checker finds in `pages`, and links to a place on the same page
/// that is not there (`href="#x"` without an `id="x"`), which the checker does not look for
/// and a reader clicks on (a tryout found the section's links pointing at a list the page no
/// longer had).
fn vnu(pages: &[PathBuf]) -> Vec<String> {
    let mut dangling = Vec::new();
    for page in pages {
        let html = std::fs::read_to_string(page).unwrap();
        for part in html.split("href=\"#").skip(1) {
            let target = &part[..part.find('"').unwrap()];
            if !html.contains(&format!("id=\"{target}\"")) {
                dangling.push(format!(
                    "{}: a link to #{target}, which is not on the page",
                    page.display()
                ));
            }
        }
    }
    let mut errors = vnu_errors(pages);
    errors.extend(dangling);
    errors
}

fn vnu_errors(pages: &[PathBuf]) -> Vec<String> {
    let how = "install Java 17+, then `npm ci` in tests/validators/";
    let jar = root().join("tests/validators/node_modules/vnu-jar/build/dist/vnu.jar");
    let java_ok = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java_ok || !jar.is_file() {
        missing("vnu.jar (W3C Nu HTML Checker)", how);
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--exit-zero-always", "--format", "json"])
        .args(pages)
        .output()
        .expect("run vnu");
    let report: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .expect("vnu prints JSON");
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    messages
        .iter()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            format!(
                "{}:{} {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// `exiftool -j` of the images.
fn exiftool(images: &[PathBuf]) -> Vec<Value> {
    let ok = Command::new("exiftool")
        .arg("-ver")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        missing("exiftool", "apt-get install libimage-exiftool-perl");
    }
    let out = Command::new("exiftool")
        .args(["-j", "-G1", "-charset", "iptc=UTF8"])
        .args(images)
        .output()
        .expect("run exiftool");
    serde_json::from_slice(&out.stdout).expect("exiftool prints JSON")
}

/// The official ninjs 3.1 schema, compiled. Its only external reference (GeoJSON, for
/// `places[].geoJSON`, which Dateline never writes) is answered with an empty schema, as this
/// machine is offline.
fn ninjs_validator() -> &'static jsonschema::Validator {
    struct Offline;
    impl jsonschema::Retrieve for Offline {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
            if uri.as_str().starts_with("https://geojson.org/") {
                Ok(serde_json::json!({}))
            } else {
                Err(format!("unexpected external schema {uri}").into())
            }
        }
    }
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let path = root().join("../shared/standards/ninjs/ninjs-schema_3.1.json");
        let schema: Value =
            serde_json::from_slice(&std::fs::read(&path).expect("the ninjs 3.1 schema"))
                .expect("schema is JSON");
        jsonschema::options()
            .with_retriever(Offline)
            .build(&schema)
            .expect("schema compiles")
    })
}

fn ninjs_errors(item: &Value) -> Vec<String> {
    ninjs_validator()
        .iter_errors(item)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

// ---- The demo package ----------------------------------------------------------------------

#[test]
fn the_demo_package_holds_every_format() {
    let pkg = demo_package().join(MODEL);
    let names: Vec<String> = files(&pkg).into_keys().collect();
    for f in [
        "index.html",
        "article.md",
        "article.ninjs.json",
        "manifest.json",
        "images/hero-16x9-2048.jpg",
        "images/hero-16x9-2048.webp",
        "images/hero-16x9-1200.jpg",
        "images/hero-16x9-1200.webp",
        "images/hero-16x9-600.jpg",
        "images/hero-16x9-600.webp",
        "images/hero-4x3-1200.jpg",
        "images/hero-1x1-1200.jpg",
    ] {
        assert!(names.contains(&f.to_string()), "{f} missing from {names:?}");
    }
    assert_eq!(names.len(), 12, "{names:?}");
    // Nothing but the package was left in the destination.
    assert_eq!(entries(demo_package()), [MODEL]);
}

#[test]
fn the_page_shows_the_model_article_as_published() {
    let html = std::fs::read_to_string(demo_package().join(MODEL).join("index.html")).unwrap();
    let has = |s: &str| assert!(html.contains(s), "index.html lacks {s:?}");
    has("<html lang=\"en\">");
    has("<h1>Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels</h1>");
    has("<a class=\"skip-link\" href=\"#content\">Skip to content</a>");
    has("Dionys Duroc");
    has("Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media");
    has("Dionys Duroc reports on politics, security and trade across Latin America");
    has("<span class=\"dateline\">MEXICO CITY</span>");
    has("<time datetime=\"");
    has(&format!("<figcaption>{MODEL_CAPTION}</figcaption>"));
    has("<source type=\"image/webp\" srcset=\"images/hero-16x9-2048.webp 2048w, images/hero-16x9-1200.webp 1200w, images/hero-16x9-600.webp 600w\"");
    has("<img src=\"images/hero-16x9-1200.jpg\" srcset=\"images/hero-16x9-2048.jpg 2048w, images/hero-16x9-1200.jpg 1200w, images/hero-16x9-600.jpg 600w\"");
    has("width=\"1200\" height=\"675\"");
    has("<blockquote>");
    has("<h2>More in Mexico</h2>");
    has("Mexico City Extends Water Rationing as Reservoirs Run Low");
    has("<h2>More from Dionys Duroc</h2>");
    has("<meta property=\"og:title\"");
    has("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    has("\"@type\": \"NewsArticle\"");
    // No request leaves the page.
    for remote in [
        "http://",
        "https://",
        "//fonts.",
        "@import",
        "<link",
        "<script src",
    ] {
        let hits: Vec<&str> = html
            .lines()
            .filter(|l| l.contains(remote) && !l.contains("\"@context\": \"https://schema.org\""))
            .collect();
        assert!(hits.is_empty(), "{remote} in {hits:?}");
    }
}

#[test]
fn the_json_ld_describes_a_news_article() {
    let html = std::fs::read_to_string(demo_package().join(MODEL).join("index.html")).unwrap();
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(
        ld["headline"],
        "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels"
    );
    assert_eq!(
        ld["image"],
        serde_json::json!([
            "images/hero-16x9-2048.jpg",
            "images/hero-4x3-1200.jpg",
            "images/hero-1x1-1200.jpg"
        ])
    );
    for key in ["datePublished", "dateModified"] {
        let t = ld[key].as_str().unwrap();
        assert!(t.ends_with("+00:00"), "{key} carries its offset: {t}");
        chrono::DateTime::parse_from_rfc3339(t).expect("RFC 3339");
    }
    assert_eq!(ld["author"][0]["@type"], "Person");
    assert_eq!(ld["author"][0]["name"], "Dionys Duroc");
    assert_eq!(
        ld["author"][0]["jobTitle"],
        "Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media"
    );
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["name"], "Sociedad Media");
}

fn json_ld(html: &str) -> Value {
    let start = "<script type=\"application/ld+json\">";
    let from = html.find(start).expect("JSON-LD script") + start.len();
    let to = from + html[from..].find("</script>").expect("closed");
    serde_json::from_str(&html[from..to]).expect("JSON-LD is JSON")
}

#[test]
fn ninjs_is_valid_against_the_official_3_1_schema() {
    // The validator is strict enough to fail: the IPTC's own examples pass, a broken item not.
    for ex in [
        "004_simple_text_article.json",
        "005_complex_text_article.json",
    ] {
        let v: Value = serde_json::from_slice(
            &std::fs::read(root().join("../shared/standards/ninjs").join(ex)).unwrap(),
        )
        .unwrap();
        assert_eq!(ninjs_errors(&v), Vec::<String>::new(), "{ex}");
    }
    assert!(!ninjs_errors(&serde_json::json!({ "uri": "x", "headline": "not 3.1" })).is_empty());
    assert!(!ninjs_errors(&serde_json::json!({ "uri": "x", "type": "article" })).is_empty());

    let item: Value = serde_json::from_slice(
        &std::fs::read(demo_package().join(MODEL).join("article.ninjs.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ninjs_errors(&item), Vec::<String>::new());
    assert_eq!(
        item["headlines"][0]["value"],
        "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels"
    );
    // The byline as the page prints it, role and all; the authors as data; the schema named.
    assert_eq!(
        item["by"],
        "Dionys Duroc (Foreign Correspondent based in Latin America; Executive Editor at \
         Sociedad Media)"
    );
    assert_eq!(
        item["people"],
        serde_json::json!([{ "name": "Dionys Duroc", "rel": "author" }])
    );
    assert_eq!(item["standard"]["name"], "ninjs");
    assert_eq!(item["standard"]["version"], "3.1");
    assert_eq!(item["located"], "MEXICO CITY");
    assert_eq!(item["language"], "en");
    assert_eq!(item["type"], "text");
    assert_eq!(item["pubStatus"], "withheld", "the demo story is a draft");
    assert_eq!(item["bodies"][0]["contentType"], "text/html");
    assert!(item["bodies"][0]["value"]
        .as_str()
        .unwrap()
        .contains("<blockquote>"));
    assert!(item["copyrightNotice"]
        .as_str()
        .unwrap()
        .contains("Sociedad Media"));
    assert!(item["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["name"] == "Drug cartels"));
    for key in ["firstCreated", "versionCreated"] {
        chrono::DateTime::parse_from_rfc3339(item[key].as_str().unwrap()).expect(key);
    }
    let hero = &item["associations"][0];
    assert_eq!(hero["name"], "hero");
    assert_eq!(hero["type"], "picture");
    assert_eq!(hero["descriptions"][0]["value"], MODEL_CAPTION);
    let renditions = hero["renditions"].as_array().unwrap();
    assert_eq!(renditions.len(), 8);
    let pkg = demo_package().join(MODEL);
    for r in renditions {
        let href = r["href"].as_str().unwrap();
        assert!(href.starts_with("images/"), "relative: {href}");
        let bytes = std::fs::read(pkg.join(href)).expect("href names a file of the package");
        assert_eq!(r["sizeInBytes"], bytes.len() as u64);
        let (w, h) = (r["width"].as_u64().unwrap(), r["height"].as_u64().unwrap());
        let ratio = r["aspectRatio"].as_str().unwrap();
        let (a, b) = ratio.split_once(':').unwrap();
        let (a, b): (f64, f64) = (a.parse().unwrap(), b.parse().unwrap());
        assert!(
            ((w as f64 / h as f64) - a / b).abs() < 0.01,
            "{href} {w}x{h} {ratio}"
        );
        assert!(r["poi"]["x"].as_u64().unwrap() < w && r["poi"]["y"].as_u64().unwrap() < h);
        let ct = r["contentType"].as_str().unwrap();
        assert_eq!(ct == "image/webp", href.ends_with(".webp"), "{href} {ct}");
    }
}

#[test]
fn index_html_passes_the_w3c_checker() {
    let page = demo_package().join(MODEL).join("index.html");
    assert_eq!(vnu(&[page]), Vec::<String>::new());
}

#[test]
fn every_rendition_carries_its_credits() {
    let pkg = demo_package().join(MODEL);
    let images: Vec<PathBuf> = files(&pkg)
        .into_keys()
        .filter(|k| k.starts_with("images/"))
        .map(|k| pkg.join(k))
        .collect();
    assert_eq!(images.len(), 8);
    let tags = exiftool(&images);
    for t in &tags {
        let file = t["SourceFile"].as_str().unwrap();
        let s = |k: &str| t[k].as_str().map(str::to_string).unwrap_or_default();
        // Each photographer is a creator of their own (a tryout's composite of two read back
        // as one "A; B" By-line, cut at IIM's 32 bytes).
        let both = serde_json::json!(["Carlos Barria", "Stephania Corpi"]);
        assert_eq!(t["XMP-dc:Creator"], both, "{file}: XMP creators");
        assert!(
            s("XMP-photoshop:Credit").contains("Reuters")
                && s("XMP-photoshop:Credit").contains("Bloomberg via Getty Images"),
            "{file}: XMP credit {}",
            s("XMP-photoshop:Credit")
        );
        assert_eq!(s("XMP-dc:Description"), MODEL_CAPTION, "{file}");
        if file.ends_with(".jpg") {
            // IIM travels in JPEG's APP13; WebP has no place for it (XMP only).
            assert_eq!(t["IPTC:By-line"], both, "{file}: IIM By-lines");
            assert!(s("IPTC:Credit").contains("Reuters"), "{file}: {t}");
            assert!(
                MODEL_CAPTION.starts_with(&s("IPTC:Caption-Abstract")),
                "{file}"
            );
            assert!(s("IPTC:CopyrightNotice").contains("Reuters"), "{file}");
        }
    }
}

#[test]
fn the_manifest_lists_every_file_with_its_checksum() {
    let pkg = demo_package().join(MODEL);
    let all = files(&pkg);
    let m: Manifest = serde_json::from_slice(&all["manifest.json"]).unwrap();
    assert_eq!(m.dateline_version, dateline::VERSION);
    let ws = Workspace::open(demo_dir()).unwrap();
    let a = ws.article(MODEL).unwrap();
    assert_eq!(m.article_id, a.id);
    let revision = ws.revisions(a.id).unwrap()[0].id;
    assert_eq!(
        m.revision_id, revision,
        "the newest revision holds the exported state"
    );
    let listed: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    let on_disk: Vec<&str> = all
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "manifest.json")
        .collect();
    assert_eq!(listed, on_disk);
    for f in &m.files {
        let bytes = &all[&f.path];
        assert_eq!(f.bytes, bytes.len() as u64, "{}", f.path);
        assert_eq!(f.sha256, sha256_hex(bytes), "{}", f.path);
    }
}

#[test]
fn article_md_imports_again() {
    let md = demo_package().join(MODEL).join("article.md");
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let back = ws.import_markdown(&md).unwrap().article;
    let orig = Workspace::open(demo_dir()).unwrap().article(MODEL).unwrap();
    assert_eq!(back.headline, orig.headline);
    assert_eq!(back.dek, orig.dek);
    assert_eq!(back.body, orig.body);
    assert_eq!(back.bylines[0].name, "Dionys Duroc");
    assert_eq!(back.section, orig.section);
    assert_eq!(back.slug, orig.slug);
}

#[test]
fn the_same_revision_exports_byte_identical_folders_and_zips() {
    let mut ws = Workspace::open(demo_dir()).unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ra = export(&mut ws, MODEL, a.path(), false);
    let rb = export(&mut ws, MODEL, b.path(), false);
    assert_eq!(
        ra.revision_id, rb.revision_id,
        "no new revision for the same state"
    );
    let (fa, fb) = (files(&a.path().join(MODEL)), files(&b.path().join(MODEL)));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(v == &fb[k], "{k} differs between two exports");
    }
    // Exporting again over the same folder replaces it in place.
    export(&mut ws, MODEL, a.path(), false);
    assert_eq!(files(&a.path().join(MODEL)), fa);
    assert_eq!(entries(a.path()), [MODEL]);

    let za = export(&mut ws, MODEL, a.path(), true);
    let zb = export(&mut ws, MODEL, b.path(), true);
    assert_eq!(
        za.path.file_name().unwrap(),
        format!("{MODEL}.zip").as_str()
    );
    let (ba, bb) = (
        std::fs::read(&za.path).unwrap(),
        std::fs::read(&zb.path).unwrap(),
    );
    assert!(ba == bb, "two zips of the same revision differ");
    // Unpacked, the zip is the same package as the folder, under the slug.
    let unpacked = tempfile::tempdir().unwrap();
    let unzip = Command::new("unzip")
        .arg("-q")
        .arg(&za.path)
        .arg("-d")
        .arg(unpacked.path())
        .status();
    match unzip {
        Ok(s) if s.success() => {
            let dir = unpacked.path().join(MODEL);
            assert_eq!(files(&dir), fa);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(dir.join("images"))
                    .unwrap()
                    .permissions()
                    .mode();
                assert_eq!(mode & 0o111, 0o111, "folders are searchable: {mode:o}");
            }
        }
        _ => missing("unzip", "apt-get install unzip"),
    }
}

#[test]
fn a_changed_article_gets_a_new_revision_and_a_new_package() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let a = dateline::demo::seed(&mut ws).unwrap();
    let out = tempfile::tempdir().unwrap();
    let r1 = export(&mut ws, &a.slug, out.path(), false);
    let mut d = ArticleDraft::from(&a);
    d.dek = "A new dek.".into();
    ws.save_article_at(a.id, d, a.updated_at + chrono::Duration::minutes(1))
        .unwrap();
    let r2 = export(&mut ws, &a.slug, out.path(), false);
    assert!(r2.revision_id > r1.revision_id);
    let html = std::fs::read_to_string(r2.path.join("index.html")).unwrap();
    assert!(html.contains("A new dek."));
}

// ---- Atomicity -----------------------------------------------------------------------------

#[test]
fn a_cancel_at_any_step_leaves_nothing() {
    let mut ws = Workspace::open(demo_dir()).unwrap();
    let mut total = 0;
    {
        let out = tempfile::tempdir().unwrap();
        let counted = std::cell::Cell::new(0);
        ws.export(
            MODEL,
            out.path(),
            &ExportOptions::default(),
            &|p| counted.set(p.total),
            &AtomicBool::new(false),
        )
        .unwrap();
        total = total.max(counted.get());
    }
    assert!(total >= 8, "{total} steps");
    for zip in [false, true] {
        for at in 1..total {
            let out = tempfile::tempdir().unwrap();
            let cancel = AtomicBool::new(false);
            let e = ws
                .export(
                    MODEL,
                    out.path(),
                    &ExportOptions { zip },
                    &|p| {
                        if p.done == at {
                            cancel.store(true, Ordering::Relaxed);
                        }
                    },
                    &cancel,
                )
                .expect_err("cancelled");
            assert_eq!(e.code(), ErrorCode::Cancelled, "step {at}: {e}");
            assert!(e.to_string().contains("nothing was written"), "{e}");
            assert_eq!(
                entries(out.path()),
                Vec::<String>::new(),
                "step {at}, zip {zip}"
            );
        }
    }
}

/// A small tmpfs is a real full disk (root only); elsewhere a destination that cannot be
/// created stands in for a failing write.
#[test]
fn a_full_disk_leaves_nothing_half_written() {
    let mut ws = Workspace::open(demo_dir()).unwrap();
    let base = tempfile::tempdir().unwrap();
    let mnt = base.path().join("small-disk");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&mnt)
        .output()
        .is_ok_and(|o| o.status.success());
    if mounted {
        std::fs::write(mnt.join("keep.txt"), b"already here").unwrap();
        for zip in [false, true] {
            let e = ws
                .export(
                    MODEL,
                    &mnt,
                    &ExportOptions { zip },
                    &|_| {},
                    &AtomicBool::new(false),
                )
                .expect_err("the disk is full");
            assert_eq!(e.code(), ErrorCode::DiskFull, "{e}");
            assert!(e.to_string().contains("nothing was written"), "{e}");
            assert_eq!(entries(&mnt), ["keep.txt"], "zip {zip}");
        }
        let _ = Command::new("umount").arg(&mnt).status();
    } else {
        eprintln!("NOTE: cannot mount a tmpfs here (not root); simulating a failing write");
        let blocker = base.path().join("a-file");
        std::fs::write(&blocker, b"x").unwrap();
        let e = ws
            .export(
                MODEL,
                &blocker.join("out"),
                &ExportOptions::default(),
                &|_| {},
                &AtomicBool::new(false),
            )
            .expect_err("cannot write under a file");
        assert_eq!(e.code(), ErrorCode::Io, "{e}");
        assert_eq!(entries(base.path()), ["a-file", "small-disk"]);
    }
}

#[test]
fn a_folder_that_is_not_a_package_is_never_replaced() {
    let mut ws = Workspace::open(demo_dir()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mine = out.path().join(MODEL);
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), b"my notes").unwrap();
    let e = ws
        .export(
            MODEL,
            out.path(),
            &ExportOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect_err("refused");
    assert!(e.to_string().contains("not a Dateline package"), "{e}");
    assert_eq!(entries(&mine), ["notes.txt"]);
    assert_eq!(entries(out.path()), [MODEL]);
}

#[test]
fn the_dialog_is_told_what_an_export_would_replace() {
    let mut ws = Workspace::open(demo_dir()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let folder = ExportOptions::default();
    let zip = ExportOptions { zip: true };
    let ahead = ws.export_destination(MODEL, out.path(), &folder).unwrap();
    assert_eq!(ahead.path, out.path().join(MODEL));
    assert_eq!(
        (ahead.replaces, ahead.occupied),
        (None, false),
        "nothing there yet"
    );

    export(&mut ws, MODEL, out.path(), false);
    let ahead = ws.export_destination(MODEL, out.path(), &folder).unwrap();
    let when = ahead.replaces.expect("the package just written");
    let written = chrono::DateTime::parse_from_rfc3339(&when).unwrap();
    assert!(
        (chrono::Utc::now() - written.to_utc()).num_seconds().abs() < 120,
        "{when}"
    );
    assert!(!ahead.occupied);
    // The zip of the same story is another file: nothing there yet.
    let as_zip = ws.export_destination(MODEL, out.path(), &zip).unwrap();
    assert_eq!(as_zip.path, out.path().join(format!("{MODEL}.zip")));
    assert_eq!((as_zip.replaces, as_zip.occupied), (None, false));

    // A folder of that name that is not a package: the export will refuse it, and says so.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join(MODEL)).unwrap();
    std::fs::write(other.path().join(MODEL).join("notes.txt"), b"mine").unwrap();
    let ahead = ws.export_destination(MODEL, other.path(), &folder).unwrap();
    assert_eq!((ahead.replaces, ahead.occupied), (None, true));
}

/// A tryout renamed the publication between two exports and the story's identifier changed
/// (`urn:dateline:desk:article:1` → `urn:dateline:diario-del-istmo:article:1`): a wire or CMS
/// that knows stories by it saw a second story. It is the story's UUID now.
#[test]
fn the_package_id_stays_when_the_publication_is_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, key) = spanish_desk(dir.path(), "16:9");
    let uri = |ws: &mut Workspace| {
        let out = tempfile::tempdir().unwrap();
        let report = export(ws, &key, out.path(), false);
        let m: Manifest =
            serde_json::from_slice(&std::fs::read(report.path.join("manifest.json")).unwrap())
                .unwrap();
        m.uri
    };
    let first = uri(&mut ws);
    let renamed = dateline::settings::Settings {
        publication: "Diario del Istmo".into(),
        ..ws.settings().unwrap()
    };
    ws.save_settings(renamed).unwrap();
    assert_eq!(uri(&mut ws), first);
    assert!(first.starts_with("urn:dateline:article:"), "{first}");
}

#[test]
fn a_blocked_article_is_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let a = ws
        .create_article(ArticleDraft {
            headline: "No byline yet".into(),
            ..Default::default()
        })
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let e = ws
        .export(
            &a.slug,
            out.path(),
            &ExportOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect_err("blocked");
    assert_eq!(e.code(), ErrorCode::Preflight);
    assert!(e.to_string().contains("byline"), "{e}");
    assert_eq!(entries(out.path()), Vec::<String>::new());
}

// ---- Hostile input -------------------------------------------------------------------------

const EVIL: &str = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&<!--";

/// A desk whose every text field tries to break out: headline, dek, body, byline role,
/// author bio, dateline, tags, photo caption, credit and alt text; with a single-photo hero,
/// a body figure and a body photo whose crop name tries to climb out of `images/`.
fn hostile_desk(dir: &Path) -> (Workspace, String) {
    let mut ws = Workspace::open(dir).unwrap();
    dateline::demo::seed(&mut ws).unwrap();
    ws.upsert_author("Ana Evil", EVIL, EVIL).unwrap();
    for id in [1, 2] {
        let p = ws.photo(id).unwrap();
        let fields = PhotoFields {
            caption: format!("Caption {EVIL}"),
            creator: format!("Creator {EVIL}"),
            agency: format!("Agency {EVIL}"),
            alt_text: format!("Alt {EVIL}"),
            copyright: format!("© {EVIL}"),
            ..p.fields.clone()
        };
        ws.update_photo(id, fields, p.focus).unwrap();
    }
    ws.set_crop(
        1,
        CropRequest {
            name: "hero".into(),
            aspect: "16:9".into(),
            ..Default::default()
        },
    )
    .unwrap();
    ws.set_crop(
        2,
        CropRequest {
            name: "../../../etc/passwd".into(),
            aspect: "1:1".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let a = ws
        .create_article(ArticleDraft {
            headline: format!("Headline {EVIL}"),
            dek: format!("Dek {EVIL}"),
            body: format!(
                "Body {EVIL}\n\n<script>alert(3)</script>\n\n[link](javascript:alert(4))\n\n\
                 ![Body alt {EVIL}](photo:2)\n\nInline ![tiny](photo:2#../../../etc/passwd) \
                 photo.\n"
            ),
            dateline: format!("CITY {EVIL}"),
            section: Some("Mexico".into()),
            tags: vec![format!("tag {EVIL}")],
            language: Some("en".into()),
            bylines: vec![Byline {
                name: "Ana Evil".into(),
                role: Some(format!("Role {EVIL}")),
                author_id: None,
            }],
            hero: Some(Hero {
                photos: vec![HeroPhoto {
                    photo_id: 1,
                    crop: Some("hero".into()),
                }],
                edited_by: Some(format!("Desk {EVIL}")),
            }),
            ..Default::default()
        })
        .unwrap();
    (ws, a.slug)
}

#[test]
fn no_text_field_can_inject_markup_or_break_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = hostile_desk(dir.path());
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    let pkg = report.path.clone();
    assert_eq!(
        entries(out.path()),
        std::slice::from_ref(&slug),
        "nothing outside the package"
    );
    for f in &report.files {
        assert!(
            f.starts_with("images/") || !f.contains('/'),
            "{f} escapes its folder"
        );
        assert!(!f.contains(".."), "{f}");
    }
    let html = std::fs::read_to_string(pkg.join("index.html")).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the JSON-LD script"
    );
    for bad in [
        "<script>alert",
        "<img src=x",
        "onerror=alert(2)>",
        "javascript:",
        "<!--",
        "\"'&",
    ] {
        assert!(!html.contains(bad), "{bad} reached index.html");
    }
    assert!(html.contains("Headline &lt;/script&gt;&lt;script&gt;alert(1)"));
    let ld = json_ld(&html);
    // The headline carries the language's typography (issue 11), and nothing else changes.
    let headline = dateline::markdown::typeset_text(&format!("Headline {EVIL}"), "en");
    assert_eq!(ld["headline"], headline);
    assert_eq!(ld["author"][0]["jobTitle"], format!("Role {EVIL}"));
    assert_eq!(ld["author"][0]["description"], EVIL);

    let item: Value =
        serde_json::from_slice(&std::fs::read(pkg.join("article.ninjs.json")).unwrap())
            .expect("ninjs stays JSON");
    assert_eq!(ninjs_errors(&item), Vec::<String>::new());
    assert_eq!(item["headlines"][0]["value"], headline);
    let body = item["bodies"][0]["value"].as_str().unwrap();
    assert!(
        !body.contains("<script") && !body.contains("javascript:"),
        "{body}"
    );
    let m: Manifest = serde_json::from_slice(&std::fs::read(pkg.join("manifest.json")).unwrap())
        .expect("manifest stays JSON");
    assert!(m.files.iter().any(|f| f.path == "images/photo-2-1200.jpg"));
    assert!(m
        .files
        .iter()
        .any(|f| f.path.starts_with("images/photo-2-etc-passwd-")));

    // The page is still valid HTML, figures included, and what the sanitizer took away
    // leaves no invalid element behind (issue 11: an `<img>` without source or alt is
    // dropped, a link whose target was removed becomes its text). No Nu message is allowed.
    assert!(html.contains("<figure class=\"body-figure\">"));
    assert_eq!(vnu(&[pkg.join("index.html")]), Vec::<String>::new());
}

#[test]
fn slugs_cannot_escape_the_destination() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    for slug in ["../evil", "/etc/x", "con", "a/b", ".hidden", "..", "C:\\x"] {
        let e = ws.create_article(ArticleDraft {
            headline: "Escape".into(),
            slug: Some(slug.into()),
            ..Default::default()
        });
        match e {
            Err(e) => assert_eq!(e.code(), ErrorCode::Invalid, "{slug}: {e}"),
            Ok(a) => panic!("the slug {slug:?} was accepted as {:?}", a.slug),
        }
    }
}

// ---- Snapshots -----------------------------------------------------------------------------

/// The demo package's page and ninjs, reviewed like code. Times depend on when the demo desk
/// was seeded, so they are replaced by placeholders; everything else is byte for byte.
#[test]
fn snapshots_of_the_demo_page_and_ninjs() {
    let pkg = demo_package().join(MODEL);
    let a = Workspace::open(demo_dir()).unwrap().article(MODEL).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pkg.join("manifest.json")).unwrap()).unwrap();
    let uuid = manifest["uri"]
        .as_str()
        .and_then(|id| id.strip_prefix("urn:dateline:article:"))
        .expect("the package's id is the story's UUID")
        .to_string();
    let redact = |text: String| {
        let mut t = text;
        for (at, name) in [(a.created_at, "CREATED"), (a.updated_at, "UPDATED")] {
            t = t
                .replace(&dateline::export::html::iso(at), &format!("[{name}]"))
                .replace(
                    &at.format("%B %-d, %Y").to_string(),
                    &format!("[{name} DATE]"),
                );
        }
        t.replace(&format!("© {} ", a.created_at.format("%Y")), "© [YEAR] ")
            .replace(&uuid, "[UUID]")
    };
    let html = std::fs::read_to_string(pkg.join("index.html")).unwrap();
    insta::assert_snapshot!("demo_index_html", redact(html));
    let ninjs = std::fs::read_to_string(pkg.join("article.ninjs.json")).unwrap();
    insta::assert_snapshot!("demo_ninjs", redact(ninjs));
}

// ---- Issue 11: the whole path, from an empty desk ----------------------------------------

/// A fresh desk with one photo that carries no IPTC fields, typed in by hand, and a Spanish
/// story with that photo as its single hero, cropped at the house shape. Nothing of the demo.
fn spanish_desk(dir: &Path, house_aspect: &str) -> (Workspace, String) {
    let mut ws = Workspace::open(dir).unwrap();
    ws.set_identity("Lucía Méndez").unwrap();
    let settings = dateline::settings::Settings {
        publication: "Diario del Sur".into(),
        hero_aspect: house_aspect.into(),
        url_pattern: "https://diariodelsur.example/{section}/{slug}/".into(),
        ..ws.settings().unwrap()
    };
    ws.save_settings(settings).unwrap();
    let photo = ws
        .import_photo(&root().join("../shared/fixtures/photos/orient2-landscape.jpg"))
        .unwrap();
    let fields = PhotoFields {
        caption: "Pescadores en Puerto Escondido al amanecer.".into(),
        creator: "Ana Ruiz".into(),
        agency: "Diario del Sur".into(),
        alt_text: "Dos barcas de pesca en la arena al amanecer".into(),
        ..photo.fields.clone()
    };
    ws.update_photo(photo.id, fields, photo.focus).unwrap();
    ws.set_crop(
        photo.id,
        CropRequest {
            name: "Portada".into(),
            aspect: house_aspect.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let a = ws
        .create_article(ArticleDraft {
            headline: "Los \"pescadores\" de Puerto Escondido vuelven al mar".into(),
            dek: "La temporada \"empieza\" tarde -- y con menos barcas.".into(),
            body: "-¿Cuándo salen? -preguntó el capitán.\n\nNadie contestó.\n".into(),
            dateline: "PUERTO ESCONDIDO".into(),
            section: Some("México".into()),
            language: Some("es-MX".into()),
            bylines: vec![Byline {
                name: "Lucía Méndez".into(),
                role: Some("Corresponsal".into()),
                author_id: None,
            }],
            hero: Some(Hero {
                photos: vec![HeroPhoto {
                    photo_id: photo.id,
                    crop: Some("Portada".into()),
                }],
                edited_by: None,
            }),
            ..Default::default()
        })
        .unwrap();
    (ws, a.slug)
}

fn other_story(ws: &mut Workspace, headline: &str, status: &[dateline::model::Status]) {
    let a = ws
        .create_article(ArticleDraft {
            headline: headline.into(),
            body: "Texto de la nota.".into(),
            section: Some("México".into()),
            language: Some("es".into()),
            bylines: vec![Byline {
                name: "Lucía Méndez".into(),
                role: None,
                author_id: None,
            }],
            ..Default::default()
        })
        .unwrap();
    for s in status {
        ws.set_status(&a.slug, *s).unwrap();
    }
}

#[test]
fn issue11_a_spanish_story_speaks_spanish_around_its_text() {
    use dateline::model::Status::*;
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = spanish_desk(dir.path(), "16:9");
    other_story(&mut ws, "Borrador que nadie debe ver", &[]);
    other_story(&mut ws, "Nota en edición todavía", &[InEdit]);
    other_story(
        &mut ws,
        "La marea roja llega a Oaxaca",
        &[InEdit, CopyDesk, Ready, Published],
    );
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    // For people to look at: DATELINE_KEEP_PACKAGE=DIR keeps a copy of the package.
    if let Some(keep) = std::env::var_os("DATELINE_KEEP_PACKAGE") {
        let keep = Path::new(&keep).join(&slug);
        for (rel, bytes) in files(&report.path) {
            let to = keep.join(rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
    }
    let html = std::fs::read_to_string(report.path.join("index.html")).unwrap();
    for words in [
        "<html lang=\"es-MX\">",
        ">Por <a href=\"#author-1\"",
        "Foto: Ana Ruiz/Diario del Sur",
        "<h2>Más en México</h2>",
        "<h2>Más de Lucía Méndez</h2>",
        "Todos los derechos reservados",
        "Ir al contenido",
        // Typography on the headline and dek, as the body gets it.
        "<h1>Los «pescadores» de Puerto Escondido vuelven al mar</h1>",
        "La temporada «empieza» tarde — y con menos barcas.",
        // Only the published story, at its address on the web.
        "<a href=\"https://diariodelsur.example/mexico/la-marea-roja-llega-a-oaxaca/\">La marea roja llega a Oaxaca</a>",
    ] {
        assert!(html.contains(words), "{words} missing from the page:\n{html}");
    }
    // The page's date is the day the story was published (here: never, so its creation).
    let today = dateline::i18n::words("es").date(ws.article(&slug).unwrap().created_at);
    assert!(today.contains(" de "), "{today}");
    assert!(html.contains(&today), "the date in Spanish: {today}");
    for english in [
        ">By ",
        "Credit:",
        "More in",
        "More from",
        "All rights reserved",
        "Borrador que nadie debe ver",
        "Nota en edición todavía",
        "index.html\">",
    ] {
        assert!(!html.contains(english), "{english} leaked into the page");
    }
    let ld = json_ld(&html);
    assert_eq!(
        ld["headline"],
        "Los «pescadores» de Puerto Escondido vuelven al mar"
    );
    let item: Value =
        serde_json::from_slice(&std::fs::read(report.path.join("article.ninjs.json")).unwrap())
            .unwrap();
    assert_eq!(ninjs_errors(&item), Vec::<String>::new());
    assert_eq!(
        item["headlines"][0]["value"],
        "Los «pescadores» de Puerto Escondido vuelven al mar"
    );
    assert_eq!(
        item["descriptions"][0]["value"],
        "La temporada «empieza» tarde — y con menos barcas."
    );
    // The wire copy speaks the story's language too.
    let ninjs = item.to_string();
    assert!(ninjs.contains("Todos los derechos reservados"), "{ninjs}");
    assert!(ninjs.contains("Foto: Ana Ruiz/Diario del Sur"), "{ninjs}");
    assert!(
        !ninjs.contains("All rights reserved") && !ninjs.contains("Credit:"),
        "{ninjs}"
    );
    // The stored text stays as typed.
    assert!(ws
        .article(&slug)
        .unwrap()
        .headline
        .contains("\"pescadores\""));
    assert_eq!(vnu(&[report.path.join("index.html")]), Vec::<String>::new());
}

#[test]
fn issue11_a_single_photo_hero_at_the_house_shape_exports() {
    let dir = tempfile::tempdir().unwrap();
    // A publication that runs 3:2 heroes says so, and the package follows.
    let (mut ws, slug) = spanish_desk(dir.path(), "3:2");
    let check = ws.preflight(&slug).unwrap();
    assert!(check.exportable, "{:#?}", check.findings);
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    // The desk's only story: no "Más en…" or "Más de…" box telling readers there is nothing
    // else (a tryout found them published empty).
    let html = std::fs::read_to_string(report.path.join("index.html")).unwrap();
    for absent in ["class=\"more\"", "Más en", "Más de", "Todavía no hay"] {
        assert!(!html.contains(absent), "{absent} on a lone story's page");
    }
    // Nor do the section's name in the masthead and the kicker lead to that missing list.
    assert!(html.contains("<p class=\"kicker\">México</p>"), "{html}");
    assert_eq!(vnu(&[report.path.join("index.html")]), Vec::<String>::new());
    assert!(
        report
            .files
            .iter()
            .any(|f| f.starts_with("images/hero-3x2-")),
        "{:?}",
        report.files
    );
    assert!(!report
        .files
        .iter()
        .any(|f| f.starts_with("images/hero-16x9-")));
    // Back to 16:9: the 3:2 crop no longer fits, and the finding leads to the photo's crop.
    let s = ws.settings().unwrap();
    ws.save_settings(dateline::settings::Settings {
        hero_aspect: "16:9".into(),
        ..s
    })
    .unwrap();
    let check = ws.preflight(&slug).unwrap();
    let f = check
        .findings
        .iter()
        .find(|f| f.code == dateline::model::FindingCode::HeroWithoutCrop)
        .expect("finding");
    assert_eq!(f.field, "photo.crop");
    assert_eq!(f.photo_id, Some(1));
}

/// A tryout's photo editor saved a 1:1 crop of the hero photo, and the package's square hero
/// was cut from inside the 16:9 crop instead. A single photo's other shapes are its own crops
/// of that shape when it has them: the package's square hero is the same picture as the body's
/// figure of that crop.
#[test]
fn a_single_photo_heros_other_shapes_are_its_own_saved_crops() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = spanish_desk(dir.path(), "16:9");
    let square = |report: &dateline::model::ExportReport, hero: bool| {
        let name = report
            .files
            .iter()
            .find(|f| {
                f.ends_with(".jpg")
                    && if hero {
                        f.starts_with("images/hero-1x1-")
                    } else {
                        f.starts_with("images/photo-1-cuadrada-")
                    }
            })
            .unwrap_or_else(|| {
                panic!(
                    "a square {}: {:?}",
                    if hero { "hero" } else { "figure" },
                    report.files
                )
            });
        image::open(report.path.join(name)).unwrap().into_rgb8()
    };
    let out = tempfile::tempdir().unwrap();
    let before = square(&export(&mut ws, &slug, out.path(), false), true);
    // Without a square crop, the square is the largest of the whole 600 × 450 photo (around
    // its focal point), not one cut from inside its 16:9 crop (337 pixels).
    assert_eq!(before.dimensions(), (450, 450));

    // The square the photo editor made, at the photo's left edge (the hero's 16:9 is centred),
    // and the same crop placed in the body.
    ws.set_crop(
        1,
        CropRequest {
            name: "Cuadrada".into(),
            aspect: "1:1".into(),
            focus: Some(dateline::model::Focus { x: 0.0, y: 0.5 }),
            ..Default::default()
        },
    )
    .unwrap();
    let a = ws.article(&slug).unwrap();
    let mut draft = ArticleDraft::from(&a);
    draft.body.push_str("\n![Dos barcas](photo:1#Cuadrada)\n");
    ws.save_article(a.id, draft).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    let (hero, figure) = (square(&report, true), square(&report, false));

    let mean_diff = |x: &image::RgbImage, y: &image::RgbImage| {
        let y = image::imageops::resize(
            y,
            x.width(),
            x.height(),
            image::imageops::FilterType::Triangle,
        );
        let total: u64 = x
            .as_raw()
            .iter()
            .zip(y.as_raw())
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        total as f64 / x.as_raw().len() as f64
    };
    assert!(
        mean_diff(&hero, &figure) < 3.0,
        "the square hero is the saved square ({})",
        mean_diff(&hero, &figure)
    );
    assert!(
        mean_diff(&before, &hero) > 3.0,
        "before the square was saved, the square hero was another cut ({})",
        mean_diff(&before, &hero)
    );
}

#[test]
fn issue11_publishing_runs_preflight_and_keeps_the_words() {
    use dateline::model::Status::*;
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = spanish_desk(dir.path(), "16:9");
    for s in [InEdit, CopyDesk, Ready] {
        ws.set_status(&slug, s).unwrap();
    }
    // The alt text goes missing: a blocking finding.
    let p = ws.photo(1).unwrap();
    let fields = PhotoFields {
        alt_text: String::new(),
        ..p.fields.clone()
    };
    ws.update_photo(1, fields.clone(), p.focus).unwrap();
    let e = ws.set_status(&slug, Published).expect_err("blocked");
    assert_eq!(e.code(), ErrorCode::Preflight);
    assert!(e.to_string().contains("cannot be published"), "{e}");
    assert!(e.to_string().contains("alt text"), "{e}");
    assert_eq!(ws.article(&slug).unwrap().status, Ready);
    // Through a save, too: the words are kept, the move is refused.
    let a = ws.article(&slug).unwrap();
    let mut draft = ArticleDraft::from(&a);
    draft.body.push_str("\nUna línea más.\n");
    draft.status = Some(Published);
    let e = ws.save_article(a.id, draft).expect_err("blocked");
    assert_eq!(e.code(), ErrorCode::Preflight);
    let after = ws.article(&slug).unwrap();
    assert!(after.body.contains("Una línea más."));
    assert_eq!(after.status, Ready);
    // Fixed, it publishes.
    ws.update_photo(
        1,
        PhotoFields {
            alt_text: "Dos barcas".into(),
            ..fields
        },
        p.focus,
    )
    .unwrap();
    assert_eq!(ws.set_status(&slug, Published).unwrap().status, Published);
    // The page dates the story from its publication, not from its first save.
    let published_at = ws
        .transitions(&slug)
        .unwrap()
        .into_iter()
        .find(|t| t.to == Published)
        .unwrap()
        .at;
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    let html = std::fs::read_to_string(report.path.join("index.html")).unwrap();
    assert_eq!(
        json_ld(&html)["datePublished"],
        dateline::export::html::iso(published_at)
    );
}

#[test]
fn issue11_a_zipped_package_opens_for_a_normal_user() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = spanish_desk(dir.path(), "16:9");
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), true);
    // Unzip with the system's unzip, as an unprivileged user when the tests run as root.
    let into = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    for d in [out.path(), into.path()] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(&report.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let run_as = |args: &[&str]| -> std::process::Output {
        let mut c = if root_user {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]);
            c.args(args);
            c
        } else {
            let mut c = Command::new(args[0]);
            c.args(&args[1..]);
            c
        };
        c.output().expect("run as an unprivileged user")
    };
    let zip = report.path.to_str().unwrap();
    let target = into.path().to_str().unwrap();
    let unzip = run_as(&["unzip", "-q", zip, "-d", target]);
    assert!(
        unzip.status.success(),
        "unzip: {}",
        String::from_utf8_lossy(&unzip.stderr)
    );
    // Every file reads back as that user.
    let list = run_as(&["find", target, "-type", "f", "-exec", "cat", "{}", "+"]);
    assert!(
        list.status.success(),
        "reading the unzipped files: {}",
        String::from_utf8_lossy(&list.stderr)
    );
    let page = into.path().join(&slug).join("index.html");
    assert!(std::fs::read_to_string(page)
        .unwrap()
        .contains("Foto: Ana Ruiz"));
}

#[test]
fn issue11_composite_alt_text_keeps_each_photo_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, slug) = spanish_desk(dir.path(), "16:9");
    let second = ws
        .import_photo(&root().join("../shared/fixtures/photos/orient3-landscape.jpg"))
        .unwrap();
    ws.update_photo(
        second.id,
        PhotoFields {
            caption: "Un hombre remienda una red.".into(),
            creator: "Ana Ruiz".into(),
            alt_text: "Un hombre remienda una red de pesca".into(),
            ..second.fields.clone()
        },
        second.focus,
    )
    .unwrap();
    ws.set_hero(
        &slug,
        Some(Hero {
            photos: vec![
                HeroPhoto {
                    photo_id: 1,
                    crop: None,
                },
                HeroPhoto {
                    photo_id: second.id,
                    crop: None,
                },
            ],
            edited_by: Some("Diario del Sur".into()),
        }),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = export(&mut ws, &slug, out.path(), false);
    let joined =
        "Dos barcas de pesca en la arena al amanecer. Un hombre remienda una red de pesca.";
    let html = std::fs::read_to_string(report.path.join("index.html")).unwrap();
    assert!(html.contains(&format!("alt=\"{joined}\"")), "{html}");
    let ninjs = std::fs::read_to_string(report.path.join("article.ninjs.json")).unwrap();
    assert!(ninjs.contains(joined), "{ninjs}");
    assert!(!ninjs.contains("amanecer Un hombre"), "{ninjs}");
}

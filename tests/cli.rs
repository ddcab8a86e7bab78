//! The `dateline` command line as a person or a script uses it (issue 12: the command line can
//! do what the window does): the real built binary, run on a workspace in a temporary folder,
//! its `--json` output read back. Photo fields for one photo or many at once (only the fields
//! given change), the desk's code replacements, thumbnails, article and author edits, templates
//! by name, and refusals that exit non-zero with `{ code, message }` on stderr and change
//! nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/photos")
        .join(name)
}

/// A workspace in a temporary folder, driven through the binary.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        desk.json(&["init"]);
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--workspace")
            .arg(self.dir.path())
            .arg("--json")
            .args(args)
            .output()
            .expect("run dateline")
    }

    /// Runs a command that must succeed, and returns its JSON.
    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "dateline {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "dateline {args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Runs a command that must fail, and returns the error's code and message from stderr.
    fn refused(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        assert!(!out.status.success(), "dateline {args:?} should fail");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        let e: Value = serde_json::from_str(stderr.trim())
            .unwrap_or_else(|_| panic!("{args:?}: stderr is not an error as JSON: {stderr}"));
        (
            e["code"].as_str().unwrap_or_default().to_string(),
            e["message"].as_str().unwrap_or_default().to_string(),
        )
    }

    /// Imports photo fixtures; returns their ids.
    fn import(&self, names: &[&str]) -> Vec<String> {
        let paths: Vec<String> = names
            .iter()
            .map(|n| fixture(n).display().to_string())
            .collect();
        let mut args = vec!["photo", "import"];
        args.extend(paths.iter().map(String::as_str));
        self.json(&args)
            .as_array()
            .expect("a list of photos")
            .iter()
            .map(|p| p["id"].to_string())
            .collect()
    }

    fn photo(&self, id: &str) -> Value {
        self.json(&["photo", "show", id])["photo"].clone()
    }
}

fn field<'a>(photo: &'a Value, name: &str) -> &'a str {
    photo["fields"][name].as_str().unwrap_or_default()
}

#[test]
fn photo_edit_sets_only_the_given_fields_on_every_photo_named_issue_12() {
    let desk = Desk::new();
    let ids = desk.import(&["orient2-landscape.jpg", "meta-iptc-ref-std2024.1.jpg"]);
    let (a, b) = (ids[0].as_str(), ids[1].as_str());
    let b_before = desk.photo(b);
    assert!(
        !field(&b_before, "caption").is_empty(),
        "the file has a caption"
    );

    desk.json(&["photo", "codes", "add", "=rtr=", "Reuters"]);
    let edited = desk.json(&[
        "photo",
        "edit",
        a,
        b,
        "--creator",
        "Carlos Barria",
        "--agency",
        "=rtr=",
    ]);
    assert_eq!(edited.as_array().expect("the photos").len(), 2);
    for id in [a, b] {
        let p = desk.photo(id);
        assert_eq!(field(&p, "creator"), "Carlos Barria");
        assert_eq!(field(&p, "agency"), "Reuters", "the code is expanded");
    }
    assert_eq!(
        desk.photo(a)["credit_line"],
        "Credit: Carlos Barria/Reuters"
    );
    // Fields not given stay as they were.
    let b_after = desk.photo(b);
    for name in [
        "caption",
        "copyright",
        "alt_text",
        "usage_terms",
        "distributor",
    ] {
        assert_eq!(field(&b_after, name), field(&b_before, name), "{name}");
    }

    desk.json(&[
        "photo",
        "edit",
        a,
        "--caption",
        "The plenary votes.",
        "--via",
        "Getty Images",
        "--copyright",
        "© 2025 Reuters",
        "--alt",
        "Deputies raise their hands in a full chamber.",
        "--usage-terms",
        "Editorial use only.",
    ]);
    let p = desk.photo(a);
    assert_eq!(field(&p, "caption"), "The plenary votes.");
    assert_eq!(field(&p, "distributor"), "Getty Images");
    assert_eq!(field(&p, "copyright"), "© 2025 Reuters");
    assert_eq!(
        field(&p, "alt_text"),
        "Deputies raise their hands in a full chamber."
    );
    assert_eq!(field(&p, "usage_terms"), "Editorial use only.");
    assert_eq!(field(&p, "creator"), "Carlos Barria", "kept");
    assert_eq!(
        p["credit_line"],
        "Credit: Carlos Barria/Reuters via Getty Images"
    );
    assert_eq!(
        field(&desk.photo(b), "caption"),
        field(&b_before, "caption"),
        "only the photo named changed"
    );
}

#[test]
fn photo_edit_of_a_missing_photo_changes_none_issue_12() {
    let desk = Desk::new();
    let ids = desk.import(&["orient2-landscape.jpg"]);
    let before = desk.photo(&ids[0]);
    let (code, message) = desk.refused(&["photo", "edit", &ids[0], "999", "--creator", "Somebody"]);
    assert_eq!(code, "not_found");
    assert!(message.contains("999"), "{message}");
    assert_eq!(desk.photo(&ids[0]), before, "all or none");

    // Without a field to set, the command says so and changes nothing.
    let out = desk.run(&["photo", "edit", &ids[0]]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--caption"),
        "names the fields: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(desk.photo(&ids[0]), before);
}

#[test]
fn photo_codes_are_listed_added_changed_and_removed_issue_12() {
    let desk = Desk::new();
    assert_eq!(desk.json(&["photo", "codes", "list"]), Value::Array(vec![]));
    let added = desk.json(&["photo", "codes", "add", "=rtr=", "Reuters"]);
    assert_eq!(added["code"], "=rtr=");
    assert_eq!(added["expansion"], "Reuters");
    desk.json(&["photo", "codes", "add", "=ap=", "Associated Press"]);
    desk.json(&["photo", "codes", "add", "=rtr=", "Thomson Reuters"]);
    let list = desk.json(&["photo", "codes", "list"]);
    assert_eq!(
        list,
        serde_json::json!([
            { "code": "=ap=", "expansion": "Associated Press" },
            { "code": "=rtr=", "expansion": "Thomson Reuters" },
        ])
    );
    desk.json(&["photo", "codes", "remove", "=ap="]);
    let list = desk.json(&["photo", "codes", "list"]);
    assert_eq!(list.as_array().expect("list").len(), 1);
    let (code, message) = desk.refused(&["photo", "codes", "remove", "=ap="]);
    assert_eq!(code, "not_found");
    assert!(message.contains("=ap="), "{message}");
    let (code, _) = desk.refused(&["photo", "codes", "add", "= rtr", "Reuters"]);
    assert_eq!(code, "invalid");

    // Without --json, a person reads one code per line.
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--workspace")
        .arg(desk.dir.path())
        .args(["photo", "codes", "list"])
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "=rtr=        Thomson Reuters\n"
    );
}

#[test]
fn photo_thumbnail_is_a_small_jpeg_made_once_issue_12() {
    let desk = Desk::new();
    let ids = desk.import(&["orient2-landscape.jpg"]);
    let t = desk.json(&["photo", "thumbnail", &ids[0]]);
    let path = PathBuf::from(t["path"].as_str().expect("a path"));
    let bytes = std::fs::read(&path).expect("the thumbnail is there");
    assert_eq!(&bytes[..2], [0xFF, 0xD8], "a JPEG");
    assert!(path.starts_with(desk.dir.path()), "cached in the workspace");
    let again = desk.json(&["photo", "thumbnail", &ids[0]]);
    assert_eq!(again["path"], t["path"], "the cached one");

    let copy = desk.dir.path().join("thumb.jpg");
    let t = desk.json(&[
        "photo",
        "thumbnail",
        &ids[0],
        "--out",
        copy.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(t["path"].as_str(), copy.to_str());
    assert_eq!(std::fs::read(&copy).expect("copied"), bytes);

    let (code, _) = desk.refused(&["photo", "thumbnail", "999"]);
    assert_eq!(code, "not_found");
}

#[test]
fn article_edit_changes_only_the_given_fields_issue_12() {
    let desk = Desk::new();
    let a = desk.json(&[
        "article",
        "new",
        "--headline",
        "Diputados aprueban",
        "--dek",
        "Por 300 votos",
        "--byline",
        "Ana Pérez|Corresponsal",
        "--template",
        "news",
    ]);
    let id = a["id"].to_string();
    let body = a["body"].as_str().expect("body").to_string();
    assert_eq!(a["tags"], serde_json::json!(["News"]));

    let e = desk.json(&[
        "article",
        "edit",
        &id,
        "--headline",
        "Diputados aprueban la reforma",
        "--byline",
        "Luis Gómez|Fotógrafo",
        "--byline",
        "Ana Pérez",
        "--tag",
        "Congreso",
        "--tag",
        "Reforma",
    ]);
    assert_eq!(e["headline"], "Diputados aprueban la reforma");
    let shown = desk.json(&["article", "show", &id]);
    assert_eq!(shown["headline"], "Diputados aprueban la reforma");
    assert_eq!(shown["dek"], "Por 300 votos", "kept");
    assert_eq!(shown["body"], body.as_str(), "kept");
    // A draft's slug follows its headline until it is filed (issue 11's tryout); a filed
    // story keeps its address (tests/desk.rs).
    assert_eq!(
        shown["slug"], "diputados-aprueban-la-reforma",
        "a draft's slug follows"
    );
    assert_eq!(shown["status"], "draft");
    assert_eq!(shown["tags"], serde_json::json!(["Congreso", "Reforma"]));
    assert_eq!(shown["bylines"][0]["name"], "Luis Gómez");
    assert_eq!(shown["bylines"][0]["role"], "Fotógrafo");
    assert_eq!(shown["bylines"][1]["name"], "Ana Pérez");

    desk.json(&["article", "edit", &id, "--dek", "Por 300 votos a favor"]);
    let shown = desk.json(&["article", "show", &id]);
    assert_eq!(shown["dek"], "Por 300 votos a favor");
    assert_eq!(
        shown["tags"],
        serde_json::json!(["Congreso", "Reforma"]),
        "kept"
    );
    assert_eq!(
        shown["bylines"].as_array().expect("bylines").len(),
        2,
        "kept"
    );

    let (code, message) = desk.refused(&["article", "edit", &id, "--headline", " "]);
    assert_eq!(code, "invalid");
    assert!(message.contains("headline"), "{message}");
    assert_eq!(
        desk.json(&["article", "show", &id])["headline"],
        "Diputados aprueban la reforma"
    );
}

#[test]
fn templates_are_found_by_name_in_the_core_issue_12() {
    let desk = Desk::new();
    let a = desk.json(&[
        "article",
        "new",
        "--headline",
        "Pictures",
        "--template",
        "Photo story",
    ]);
    assert_eq!(a["tags"], serde_json::json!(["Photo story"]));
    let (code, message) = desk.refused(&[
        "article",
        "new",
        "--headline",
        "X",
        "--template",
        "obituary",
    ]);
    assert_eq!(code, "not_found");
    assert!(message.contains("obituary"), "{message}");
    let list = desk.json(&["article", "templates"]);
    assert_eq!(list.as_array().expect("templates").len(), 3);
}

#[test]
fn author_edit_changes_only_the_given_fields_issue_12() {
    let desk = Desk::new();
    let photo = desk.import(&["orient2-landscape.jpg"]).remove(0);
    let a = desk.json(&["author", "add", "Ana Pérez", "--role", "Corresponsal"]);
    let id = a["id"].to_string();
    desk.json(&[
        "article",
        "new",
        "--headline",
        "Story",
        "--byline",
        "Ana Pérez",
    ]);

    let e = desk.json(&[
        "author",
        "edit",
        "ana pérez",
        "--bio",
        "Cubre el Congreso.",
        "--portrait",
        &photo,
    ]);
    assert_eq!(e["name"], "Ana Pérez");
    assert_eq!(e["role"], "Corresponsal", "kept");
    assert_eq!(e["bio"], "Cubre el Congreso.");
    assert_eq!(e["portrait_photo_id"].to_string(), photo);

    let e = desk.json(&[
        "author",
        "edit",
        &id,
        "--name",
        "Ana P. Pérez",
        "--no-portrait",
    ]);
    assert_eq!(e["name"], "Ana P. Pérez");
    assert_eq!(e["bio"], "Cubre el Congreso.", "kept");
    assert_eq!(e["portrait_photo_id"], Value::Null);
    let story = desk.json(&["article", "show", "story"]);
    assert_eq!(
        story["bylines"][0]["name"], "Ana P. Pérez",
        "the linked byline follows the profile"
    );
    let list = desk.json(&["author", "list"]);
    assert_eq!(list.as_array().expect("authors").len(), 1);

    let (code, _) = desk.refused(&["author", "edit", "Nobody", "--role", "X"]);
    assert_eq!(code, "not_found");
}

#[test]
fn generate_from_files_without_headlines_is_refused_not_a_panic_issue_12() {
    let desk = Desk::new();
    let from = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        from.path().join("notes.md"),
        "A paragraph long enough to be taken as prose, but no headline anywhere in the file \
         and no title in front matter.\n",
    )
    .expect("write");
    let (code, message) = desk.refused(&[
        "generate",
        "--articles",
        "10",
        "--from",
        from.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, "invalid");
    assert!(message.contains("headline"), "{message}");
    assert_eq!(desk.json(&["article", "list"]), Value::Array(vec![]));
}

//! The core's messages in Spanish (issue 15): every error code, every preflight finding and a
//! refused workflow move, provoked on a real desk where a person can provoke them, rendered in
//! Spanish with no sentence of the English catalogue left in them; and the CLI speaking the
//! locale's language. The catalogues' completeness (same ids, same arguments, every id the
//! code names) is checked by the unit tests of `src/i18n.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use dateline::i18n::{Lang, Text};
use dateline::model::{
    ArticleDraft, Byline, Crop, FindingCode, Hero, HeroPhoto, PhotoFields, Status,
};
use dateline::preflight::{self, PhotoFacts};
use dateline::settings::Settings;
use dateline::{workflow, Error, ErrorCode, ErrorDto, Workspace};

const ENGLISH: &str = include_str!("../assets/i18n/en/messages.ftl");

/// The English catalogue's words: each run of literal text between placeables that holds at
/// least three words. None may be left in a Spanish message.
fn english_runs() -> Vec<String> {
    let mut runs = Vec::new();
    for line in ENGLISH.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" = ") {
            Some((id, v)) if !id.starts_with(' ') => v,
            _ => line.trim(),
        };
        let mut depth = 0;
        let mut run = String::new();
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    runs.push(std::mem::take(&mut run));
                }
                '}' => depth -= 1,
                _ if depth == 0 => run.push(c),
                _ => {}
            }
        }
        runs.push(run);
    }
    runs.into_iter()
        .map(|r| r.trim().to_string())
        .filter(|r| r.split_whitespace().count() >= 3)
        .collect()
}

/// `spanish` is the Spanish of `what`: no English sentence in it, and not a bare message id.
fn assert_spanish(what: &str, spanish: &str, english: &str) {
    assert_ne!(spanish, english, "{what}: the same words in both languages");
    for run in english_runs() {
        assert!(
            !spanish.contains(&run),
            "{what}: English left in the Spanish message: {run:?}\n{spanish}"
        );
    }
    assert!(
        !spanish.split_whitespace().any(|w| w.contains("-")
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && w.len() > 12),
        "{what}: a bare message id in {spanish:?}"
    );
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn draft(headline: &str) -> ArticleDraft {
    ArticleDraft {
        headline: headline.into(),
        body: "Palabras.".into(),
        bylines: vec![Byline {
            name: "Ana Pérez".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// Which code an error sample stands for; no wildcard, so a new code needs a sample.
fn code_index(c: ErrorCode) -> usize {
    match c {
        ErrorCode::NotFound => 0,
        ErrorCode::Invalid => 1,
        ErrorCode::Conflict => 2,
        ErrorCode::NewerSchema => 3,
        ErrorCode::NotADatabase => 4,
        ErrorCode::Storage => 5,
        ErrorCode::DiskFull => 6,
        ErrorCode::Io => 7,
        ErrorCode::BadPhoto => 8,
        ErrorCode::BadImport => 9,
        ErrorCode::Cancelled => 10,
        ErrorCode::Preflight => 11,
        ErrorCode::InUse => 12,
        ErrorCode::OutOfScope => 13,
        ErrorCode::Newsroom => 14,
        ErrorCode::Refused => 15,
        ErrorCode::Login => 16,
    }
}

#[test]
fn every_error_code_speaks_spanish_issue_15() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let first = ws.create_article(draft("La reforma")).expect("story");

    // A photo cut short while copying: half of a real JPEG.
    let jpeg = std::fs::read(fixtures().join("photos/orient2-landscape.jpg")).expect("fixture");
    let cut = dir.path().join("pleno.jpg");
    std::fs::write(&cut, &jpeg[..jpeg.len() / 2]).expect("write");
    // Front matter that never closes.
    let md = dir.path().join("nota.md");
    std::fs::write(&md, "---\nheadline: La reforma\n\nEl texto.\n").expect("write");
    // A section still in use.
    let section = ws.add_section("México").expect("section");
    let mut in_section = draft("En la sección");
    in_section.section = Some("México".into());
    ws.create_article(in_section).expect("story");
    // A story without a byline, taken to Ready and published.
    let mut no_byline = draft("Sin firma");
    no_byline.bylines.clear();
    let unsigned = ws.create_article(no_byline).expect("story").id.to_string();
    for s in [Status::InEdit, Status::CopyDesk, Status::Ready] {
        ws.set_status(&unsigned, s).expect("move");
    }
    let junk = tempfile::tempdir().expect("temp dir");
    std::fs::write(junk.path().join("dateline.sqlite"), "notas").expect("write");

    let mut duplicate = draft("Otra");
    duplicate.slug = Some(first.slug.clone());
    let desk_file = dir.path().join("dateline.sqlite");
    let errors: Vec<(&str, Error)> = vec![
        ("unknown story", ws.article("no-existe").unwrap_err()),
        (
            "empty headline",
            ws.create_article(draft("  ")).unwrap_err(),
        ),
        ("duplicate slug", ws.create_article(duplicate).unwrap_err()),
        (
            "newer desk",
            Error::NewerSchema {
                path: desk_file.clone(),
                found: 9,
                known: 4,
            },
        ),
        (
            "not a desk",
            Workspace::open(junk.path()).err().expect("refused"),
        ),
        ("storage", Error::Storage("database is locked".into())),
        ("disk full", Error::DiskFull),
        (
            "disk full on write",
            Error::io(&desk_file, std::io::Error::from_raw_os_error(28)),
        ),
        (
            "missing photo file",
            ws.import_photo(&dir.path().join("no-esta.jpg"))
                .unwrap_err(),
        ),
        ("corrupt photo", ws.import_photo(&cut).unwrap_err()),
        (
            "malformed front matter",
            ws.import_markdown(&md).unwrap_err(),
        ),
        ("cancelled", Error::Cancelled),
        (
            "export cancelled",
            Error::ExportFailed {
                path: dir.path().join("exports/la-reforma"),
                cause: Box::new(Error::Cancelled),
            },
        ),
        (
            "publishing without a byline",
            ws.set_status(&unsigned, Status::Published).unwrap_err(),
        ),
        ("section in use", ws.delete_section(section.id).unwrap_err()),
        (
            "newsroom away",
            Error::Newsroom(
                Text::new("newsroom-unreachable")
                    .arg("newsroom", "ana@news.example.org:5432/news")
                    .arg("detail", "Connection refused"),
            ),
        ),
        (
            "refused change",
            Error::Refused(
                Text::new("newsroom-refused-change")
                    .arg("reason", Text::new("newsroom-refused-not-yours")),
            ),
        ),
        (
            "wrong password",
            Error::Login(
                Text::new("newsroom-login-refused")
                    .arg("newsroom", "ana@news.example.org:5432/news")
                    .arg("user", "ana"),
            ),
        ),
    ];
    assert!(english_runs().len() > 150, "the English catalogue was read");
    let mut codes = BTreeSet::new();
    for (what, e) in &errors {
        codes.insert(code_index(e.code()));
        assert_spanish(what, &e.message_in(Lang::Es), &e.to_string());
        assert_eq!(e.to_dto_in(Lang::Es).code, e.code(), "{what}: same code");
    }
    // The app's own: a path outside what the person chose.
    let scope = Text::new("app-out-of-reach")
        .arg("path", "/etc/passwd")
        .arg("rule", Text::new("app-scope-write-rule"));
    codes.insert(code_index(
        ErrorDto::said(ErrorCode::OutOfScope, scope.clone()).code,
    ));
    assert_spanish(
        "out of scope",
        &scope.render(Lang::Es),
        &scope.render(Lang::En),
    );
    assert_eq!(codes, (0..=16).collect(), "a sample of every code");

    // What a journalist reads, word for word.
    let e = ws.set_status(&unsigned, Status::Published).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Es),
        "«Sin firma» todavía no se puede publicar. Antes hay que corregir: La nota no tiene \
         firma. Añade el nombre de quien la escribió."
    );
    assert_eq!(
        ws.delete_section(section.id)
            .unwrap_err()
            .message_in(Lang::Es),
        "La sección «México» todavía tiene 1 nota (cuenta la papelera); pásala antes a otra \
         sección."
    );
    assert_eq!(
        Error::DiskFull.message_in(Lang::Es),
        "El disco está lleno: el último cambio no se pudo guardar. Libera espacio y vuelve a \
         intentarlo; todo lo guardado antes sigue intacto."
    );
}

#[test]
fn a_refused_workflow_move_is_said_in_spanish_issue_15() {
    let e = workflow::check(Status::Draft, Status::Published).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Es),
        "Estado: Una nota en «Borrador» no puede pasar a «Publicada»; puede pasar a En edición \
         o Descartada."
    );
    assert_eq!(
        e.to_string(),
        "status: A story in Draft cannot move to Published; it can move to In edit or Spiked."
    );
    for from in Status::ALL {
        for to in Status::ALL {
            if let Err(e) = workflow::check(from, to) {
                let what = format!("{from:?} → {to:?}");
                assert_spanish(&what, &e.message_in(Lang::Es), &e.to_string());
            }
        }
    }
}

/// Which finding a code stands for; no wildcard, so a new rule needs a case here.
fn finding_index(c: FindingCode) -> usize {
    match c {
        FindingCode::NoHeadline => 0,
        FindingCode::NoBody => 1,
        FindingCode::NoByline => 2,
        FindingCode::PhotoWithoutCredit => 3,
        FindingCode::PhotoWithoutAltText => 4,
        FindingCode::MissingBodyPhoto => 5,
        FindingCode::HeroWithoutCrop => 6,
        FindingCode::HeroTooManyPhotos => 7,
        FindingCode::HeadlineTooLong => 8,
        FindingCode::DekTooLong => 9,
        FindingCode::AltTextTooLong => 10,
        FindingCode::NoSection => 11,
        FindingCode::IimTruncated => 12,
        FindingCode::CropTooSmall => 13,
        FindingCode::NotReady => 14,
        FindingCode::PhotoFieldConflict => 15,
        FindingCode::NoPublication => 16,
        FindingCode::PhotoWithoutCreator => 17,
        FindingCode::PhotoWithoutCopyright => 18,
        FindingCode::BodyStartsWithFrontMatter => 19,
    }
}

#[test]
fn every_preflight_finding_speaks_spanish_issue_15() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let photo = ws
        .import_photo(&fixtures().join("photos/orient2-landscape.jpg"))
        .expect("photo");
    let rules = Settings::default();

    // Photo 1: no credit, no alt text, too narrow. Photo 2: a caption IIM cuts, an alt text
    // too long to listen to, and two versions of its credit.
    let mut narrow = photo.clone();
    narrow.id = 1;
    narrow.width = 300;
    narrow.fields = PhotoFields::default();
    let mut wordy = photo.clone();
    wordy.id = 2;
    wordy.fields.creator = "Ana Pérez".into();
    wordy.fields.alt_text = "Una sala llena. ".repeat(40);
    wordy.fields.caption = "Pie muy largo. ".repeat(200);
    // Photo 3: an agency's, with no photographer named.
    let mut agency = photo.clone();
    agency.id = 3;
    agency.fields.creator = String::new();
    agency.fields.agency = "Reuters".into();
    let facts = |p: &dateline::model::Photo, conflicts: Vec<(String, String, String)>| PhotoFacts {
        photo: p.clone(),
        crops: Vec::<Crop>::new(),
        conflicts,
    };
    let photos: BTreeMap<i64, PhotoFacts> = [
        (1, facts(&narrow, vec![])),
        (
            2,
            facts(
                &wordy,
                vec![("photo.credit".into(), "Reuters".into(), "AP".into())],
            ),
        ),
        (3, facts(&agency, vec![])),
    ]
    .into_iter()
    .collect();

    let empty = ws.create_article(draft("Vacía")).expect("story");
    let mut empty = empty.clone();
    empty.headline = String::new();
    empty.body = String::new();
    empty.bylines.clear();

    let mut full = ws.create_article(draft("Con fotos")).expect("story");
    full.headline = "Un título larguísimo ".repeat(10);
    full.dek = "Una bajada que no termina nunca. ".repeat(20);
    full.body =
        "![](photo:1)\n\n![Texto](photo:2)\n\n![](photo:99)\n\n![Agencia](photo:3)\n".into();
    full.hero = Some(Hero {
        photos: (0..4)
            .map(|i| HeroPhoto {
                photo_id: 1 + i % 2,
                crop: None,
            })
            .collect(),
        edited_by: None,
    });
    let mut single_hero = full.clone();
    single_hero.hero = Some(Hero {
        photos: vec![HeroPhoto {
            photo_id: 2,
            crop: None,
        }],
        edited_by: None,
    });

    // A whole Markdown file pasted into the body.
    let mut pasted = single_hero.clone();
    pasted.body = "---\ntitle: Nota\nlanguage: es\n---\n\nTexto.\n".into();

    let mut seen = BTreeSet::new();
    for a in [&empty, &full, &single_hero, &pasted] {
        let english = preflight::check(a, &photos, &rules);
        let spanish = english.clone().in_language(Lang::Es);
        assert_eq!(spanish.findings.len(), english.findings.len());
        for (es, en) in spanish.findings.iter().zip(&english.findings) {
            seen.insert(finding_index(es.code));
            assert_eq!(es.code, en.code);
            assert_spanish(&format!("{:?}", es.code), &es.message, &en.message);
        }
        // Back in English, word for word what it was.
        assert_eq!(spanish.in_language(Lang::En), english);
    }
    assert_eq!(seen, (0..=19).collect(), "every finding provoked");

    // A finding about a photo, as the photo desk reads it: by its file's name (the desk's
    // internal number means nothing to the person).
    let p = preflight::check(&full, &photos, &rules).in_language(Lang::Es);
    let credit = p
        .findings
        .iter()
        .find(|f| f.code == FindingCode::PhotoWithoutCredit)
        .expect("finding");
    assert!(
        credit
            .message
            .starts_with("La foto «orient2-landscape.jpg»,"),
        "{}",
        credit.message
    );
    assert!(
        credit.message.contains("no tiene crédito"),
        "{}",
        credit.message
    );
}

#[test]
fn the_cli_speaks_the_locale_language_issue_15() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |env: &[(&str, &str)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
        c.arg("--workspace")
            .arg(dir.path())
            .args(["article", "show", "no-existe"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().expect("run dateline");
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let es = run(&[("LANG", "es_ES.UTF-8")]);
    assert!(
        es.contains("No se encontró ninguna nota «no-existe»."),
        "{es}"
    );
    let en = run(&[("LANG", "C.UTF-8")]);
    assert!(en.contains("No article matches “no-existe”."), "{en}");
    // LC_ALL wins over LANG, as for every POSIX program.
    let all = run(&[("LANG", "es_MX.UTF-8"), ("LC_ALL", "en_US.UTF-8")]);
    assert!(all.contains("No article matches"), "{all}");
    let messages = run(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "es_AR.UTF-8")]);
    assert!(messages.contains("No se encontró"), "{messages}");
}

/// The command line's own words for people — a story shown, the library, a check, an
/// export, the settings — are the locale's too; none of the English catalogue's `cli-`
/// sentences is left in them.
#[test]
fn the_clis_own_words_follow_the_locale_issue_15() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("paquetes");
    let run = |lang: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--workspace")
            .arg(dir.path())
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("run dateline");
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let es = "es_MX.UTF-8";
    let mut said = vec![run(es, &["init", "--demo"])];
    said.push(run(es, &["article", "list"]));
    said.push(run(es, &["article", "show", "1"]));
    said.push(run(
        es,
        &[
            "article",
            "new",
            "--headline",
            "Sin firma",
            "--language",
            "es",
        ],
    ));
    said.push(run(es, &["check", "sin-firma"]));
    said.push(run(es, &["article", "status", "sin-firma", "in_edit"]));
    said.push(run(es, &["settings"]));
    said.push(run(es, &["section", "list"]));
    said.push(run(
        es,
        &["export", "1", "--out", &out_dir.to_string_lossy()],
    ));
    let all = said.join("\n");
    for words in [
        "Mesa lista en",
        "Borrador",
        "Por Dionys Duroc",
        "Nota 4 creada (sin-firma)",
        "✗ bloquea",
        "No se puede exportar",
        "sin-firma está ahora en En edición",
        "Carpeta de exportación:",
        "3 notas",
        "archivos",
    ] {
        assert!(all.contains(words), "«{words}» missing from:\n{all}");
    }
    for line in ENGLISH.lines().filter(|l| l.starts_with("cli-")) {
        let Some((_, english)) = line.split_once(" = ") else {
            continue;
        };
        // The literal words before the first placeable, when they are a phrase.
        let lead = english.split('{').next().unwrap_or_default().trim();
        if lead.split_whitespace().count() >= 2 {
            assert!(!all.contains(lead), "English «{lead}» left in:\n{all}");
        }
    }
    // The same commands under an English locale read as they always did.
    let en = run("C.UTF-8", &["article", "show", "1"]);
    assert!(en.contains("By Dionys Duroc  ·  Mexico  ·  Draft"), "{en}");
}

//! Preflight, rule by rule: one exportable article without findings, then one case per
//! blocking finding and per warning, each changing one thing and expecting exactly the finding
//! (code, severity, field, photo) a journalist would see. Pure: no disk, no pixels.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use dateline::model::{
    Article, Byline, Crop, Finding, FindingCode, Focus, Hero, HeroPhoto, Photo, PhotoFields,
    Severity, Status,
};
use dateline::preflight::{check as preflight, PhotoFacts};
use dateline::settings::Settings;

mod plain;

use FindingCode::*;
use Severity::*;

fn photo(id: i64, width: u32, height: u32) -> PhotoFacts {
    let fields = PhotoFields {
        caption: "Mexican President Claudia Sheinbaum at a press conference.".into(),
        creator: "Stephania Corpi".into(),
        agency: "Bloomberg".into(),
        distributor: "Getty Images".into(),
        copyright: "© 2025 Bloomberg".into(),
        alt_text: "A lectern with microphones before a red backdrop.".into(),
        ..Default::default()
    };
    PhotoFacts {
        photo: Photo {
            id,
            sha256: format!("{id:064}"),
            original_name: format!("photo-{id}.jpg"),
            mime: "image/jpeg".into(),
            width,
            height,
            credit_line: dateline::credit::credit_line(&fields),
            fields,
            focus: Focus::default(),
            imported_at: Utc.with_ymd_and_hms(2025, 11, 6, 12, 0, 0).unwrap(),
        },
        crops: vec![Crop {
            photo_id: id,
            name: "hero".into(),
            aspect: "16:9".into(),
            x: 0.0,
            y: 0.0,
            w: 1.0,
            h: 0.75,
        }],
        conflicts: Vec::new(),
    }
}

/// An article nothing is wrong with: headline, byline, section, Ready, a single-photo hero
/// with its 16:9 crop 2400 pixels wide, and a credited photo in the body.
fn base() -> (Article, BTreeMap<i64, PhotoFacts>) {
    let a = Article {
        id: 1,
        slug: "sheinbaum-rejects".into(),
        headline: "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels".into(),
        dek: "Mexico’s president declares national sovereignty.".into(),
        body: "First paragraph.\n\n![The lectern](photo:2)\n\nLast paragraph.".into(),
        dateline: "MEXICO CITY".into(),
        section: Some("Mexico".into()),
        tags: vec!["Mexico".into()],
        language: "en".into(),
        status: Status::Ready,
        bylines: vec![Byline {
            name: "Dionys Duroc".into(),
            role: Some("Foreign Correspondent".into()),
            author_id: None,
        }],
        hero: Some(Hero {
            photos: vec![HeroPhoto {
                photo_id: 1,
                crop: Some("hero".into()),
            }],
            edited_by: None,
        }),
        front_matter_extra: None,
        created_at: Utc.with_ymd_and_hms(2026, 1, 12, 9, 0, 0).unwrap(),
        updated_at: Utc.with_ymd_and_hms(2026, 1, 12, 10, 0, 0).unwrap(),
    };
    let photos = BTreeMap::from([(1, photo(1, 2400, 1600)), (2, photo(2, 2400, 1600))]);
    (a, photos)
}

/// Applies `change` to the exportable base and expects exactly `expected` findings:
/// (severity, code, field, photo).
fn check(
    change: impl FnOnce(&mut Article, &mut BTreeMap<i64, PhotoFacts>),
    expected: &[(Severity, FindingCode, &str, Option<i64>)],
) -> Vec<Finding> {
    let (mut a, mut photos) = base();
    change(&mut a, &mut photos);
    let p = preflight(&a, &photos, &house());
    let got: Vec<(Severity, FindingCode, &str, Option<i64>)> = p
        .findings
        .iter()
        .map(|f| (f.severity, f.code, f.field.as_str(), f.photo_id))
        .collect();
    assert_eq!(got, expected, "{:#?}", p.findings);
    assert_eq!(p.exportable, !expected.iter().any(|e| e.0 == Blocking));
    for f in &p.findings {
        assert!(
            f.message.len() > 30,
            "a message a journalist can act on: {f:?}"
        );
        plain::assert_plain_words(&format!("{:?}", f.code), &f.message);
    }
    p.findings
}

/// The house rules by default, of a publication with a name.
fn house() -> Settings {
    Settings {
        publication: "Sociedad Media".into(),
        ..Settings::default()
    }
}

fn fields(photos: &mut BTreeMap<i64, PhotoFacts>, id: i64) -> &mut PhotoFields {
    &mut photos.get_mut(&id).unwrap().photo.fields
}

#[test]
fn a_finished_story_has_no_findings() {
    check(|_, _| {}, &[]);
}

// ---- Blocking ------------------------------------------------------------------------------

#[test]
fn blocks_without_headline() {
    let f = check(
        |a, _| a.headline = "  ".into(),
        &[(Blocking, NoHeadline, "headline", None)],
    );
    assert!(f[0].message.contains("headline"));
}

/// Issue 11's tryout: a story with a headline and nothing else could be published.
#[test]
fn issue11_blocks_without_body() {
    let f = check(
        |a, _| a.body = " \n\n ".into(),
        &[(Blocking, NoBody, "body", None)],
    );
    assert!(f[0].message.contains("no text"));
}

#[test]
fn blocks_without_byline() {
    check(
        |a, _| a.bylines.clear(),
        &[(Blocking, NoByline, "bylines", None)],
    );
    check(
        |a, _| a.bylines[0].name = " ".into(),
        &[(Blocking, NoByline, "bylines", None)],
    );
}

#[test]
fn blocks_a_hero_photo_without_credit() {
    let f = check(
        |_, p| {
            let f = fields(p, 1);
            f.creator.clear();
            f.agency.clear();
            f.distributor.clear();
        },
        &[(Blocking, PhotoWithoutCredit, "photo.credit", Some(1))],
    );
    assert!(f[0].message.contains("photo-1.jpg"), "{}", f[0].message);
}

#[test]
fn blocks_a_body_photo_without_credit() {
    check(
        |_, p| {
            let f = fields(p, 2);
            f.creator.clear();
            f.agency.clear();
            f.distributor.clear();
        },
        &[(Blocking, PhotoWithoutCredit, "photo.credit", Some(2))],
    );
}

#[test]
fn a_credit_override_is_a_credit() {
    check(
        |_, p| {
            let f = fields(p, 1);
            f.creator.clear();
            f.agency.clear();
            f.distributor.clear();
            f.credit_override = Some("Handout".into());
        },
        &[],
    );
}

#[test]
fn warns_when_a_credited_photo_names_no_photographer() {
    let f = check(
        |_, p| fields(p, 2).creator.clear(),
        &[(Warning, PhotoWithoutCreator, "photo.creator", Some(2))],
    );
    assert!(
        f[0].message.contains("photo-2.jpg") && f[0].message.contains("Bloomberg"),
        "names the photo and the credit the page will print: {}",
        f[0].message
    );
}

#[test]
fn warns_when_a_shown_photo_has_no_copyright_notice() {
    let f = check(
        |_, p| fields(p, 1).copyright = "  ".into(),
        &[(Warning, PhotoWithoutCopyright, "photo.copyright", Some(1))],
    );
    assert!(
        f[0].message.contains("photo-1.jpg") && f[0].message.contains("copyright"),
        "names the photo and what it lacks: {}",
        f[0].message
    );
}

#[test]
fn warns_when_the_body_starts_with_pasted_front_matter() {
    let f = check(
        |a, _| a.body = format!("\n---\ntitle: \"Reforma\"\ntags: [a]\n---\n\n{}", a.body),
        &[(Warning, BodyStartsWithFrontMatter, "body", None)],
    );
    assert!(f[0].message.contains("“title: …”"), "{}", f[0].message);
    // A rule and a paragraph, or a rule and a heading underlined with dashes, are the writer's.
    check(|a, _| a.body = format!("---\n\n{}", a.body), &[]);
    check(
        |a, _| a.body = format!("---\nA Setext heading\n---\n\n{}", a.body),
        &[],
    );
}

#[test]
fn warns_when_the_publication_has_no_name() {
    let (a, photos) = base();
    for name in ["", "   "] {
        let rules = Settings {
            publication: name.into(),
            ..Settings::default()
        };
        let p = preflight(&a, &photos, &rules);
        let codes: Vec<_> = p.findings.iter().map(|f| (f.severity, f.code)).collect();
        assert_eq!(codes, [(Warning, NoPublication)], "{:#?}", p.findings);
        assert_eq!(p.findings[0].field, "publication");
        assert!(p.exportable, "a nameless publication may still export");
        assert!(
            p.findings[0].message.contains("Settings"),
            "{}",
            p.findings[0].message
        );
    }
}

#[test]
fn blocks_a_photo_without_alt_text() {
    check(
        |_, p| fields(p, 1).alt_text = " ".into(),
        &[(Blocking, PhotoWithoutAltText, "photo.alt_text", Some(1))],
    );
    // Alt text written in the body's brackets counts for a body photo.
    check(|_, p| fields(p, 2).alt_text.clear(), &[]);
    check(
        |a, p| {
            fields(p, 2).alt_text.clear();
            a.body = "![](photo:2)".into();
        },
        &[(Blocking, PhotoWithoutAltText, "photo.alt_text", Some(2))],
    );
}

#[test]
fn blocks_a_body_reference_to_a_missing_photo() {
    let f = check(
        |a, _| a.body.push_str("\n\n![Gone](photo:99)"),
        &[(Blocking, MissingBodyPhoto, "body", Some(99))],
    );
    assert!(f[0].message.contains("photo 99") && f[0].message.contains("Line 7"));
    check(
        |a, _| a.body = "![x](photo:twelve)".into(),
        &[(Blocking, MissingBodyPhoto, "body", None)],
    );
    check(
        |a, _| a.body = "![x](photo:2#nope)".into(),
        &[(Blocking, MissingBodyPhoto, "body", Some(2))],
    );
    // In code, it is an example, not a reference.
    check(|a, _| a.body = "Write `![x](photo:99)`.".into(), &[]);
}

#[test]
fn blocks_a_single_photo_hero_without_its_16_9_crop() {
    check(
        |a, _| a.hero.as_mut().unwrap().photos[0].crop = None,
        &[(Blocking, HeroWithoutCrop, "photo.crop", Some(1))],
    );
    check(
        |_, p| p.get_mut(&1).unwrap().crops[0].aspect = "4:3".into(),
        &[(Blocking, HeroWithoutCrop, "photo.crop", Some(1))],
    );
    check(
        |a, _| a.hero.as_mut().unwrap().photos[0].crop = Some("deleted".into()),
        &[(Blocking, HeroWithoutCrop, "photo.crop", Some(1))],
    );
    // A composite fills its cells around each photo's focus: no crop needed.
    check(
        |a, _| {
            a.hero.as_mut().unwrap().photos = vec![
                HeroPhoto {
                    photo_id: 1,
                    crop: None,
                },
                HeroPhoto {
                    photo_id: 2,
                    crop: None,
                },
            ]
        },
        &[],
    );
}

#[test]
fn blocks_a_hero_of_more_than_three_photos() {
    check(
        |a, _| {
            let one = a.hero.as_ref().unwrap().photos[0].clone();
            a.hero.as_mut().unwrap().photos = vec![one; 4];
        },
        &[(Blocking, HeroTooManyPhotos, "hero", None)],
    );
}

// ---- Warnings ------------------------------------------------------------------------------

#[test]
fn warns_about_a_long_headline() {
    check(|a, _| a.headline = "é".repeat(110), &[]);
    check(
        |a, _| a.headline = "é".repeat(111),
        &[(Warning, HeadlineTooLong, "headline", None)],
    );
}

#[test]
fn warns_about_a_long_dek() {
    check(|a, _| a.dek = "x".repeat(300), &[]);
    check(
        |a, _| a.dek = "x".repeat(301),
        &[(Warning, DekTooLong, "dek", None)],
    );
}

#[test]
fn warns_about_long_alt_text() {
    check(|_, p| fields(p, 1).alt_text = "a".repeat(250), &[]);
    check(
        |_, p| fields(p, 1).alt_text = "a".repeat(251),
        &[(Warning, AltTextTooLong, "photo.alt_text", Some(1))],
    );
}

#[test]
fn warns_without_section() {
    check(
        |a, _| a.section = None,
        &[(Warning, NoSection, "section", None)],
    );
}

#[test]
fn warns_when_iim_would_truncate_a_credit_or_caption() {
    // By-line: 32 bytes. "Ñ" is two bytes in UTF-8: 16 fit, 17 do not.
    check(|_, p| fields(p, 1).creator = "Ñ".repeat(16), &[]);
    check(
        |_, p| fields(p, 1).creator = "Ñ".repeat(17),
        &[(Warning, IimTruncated, "photo.creator", Some(1))],
    );
    // Credit: "Bloomberg via Getty Images" grows past 32 bytes.
    check(
        |_, p| fields(p, 1).agency = "Bloomberg News Photo Service".into(),
        &[(Warning, IimTruncated, "photo.credit", Some(1))],
    );
    check(
        |_, p| fields(p, 1).copyright = "©".repeat(65),
        &[(Warning, IimTruncated, "photo.copyright", Some(1))],
    );
    check(
        |_, p| fields(p, 2).caption = "c".repeat(2001),
        &[(Warning, IimTruncated, "photo.caption", Some(2))],
    );
}

#[test]
fn warns_about_a_crop_smaller_than_the_widest_rendition() {
    let narrow = check(
        |_, p| p.get_mut(&1).unwrap().crops[0].w = 0.5,
        &[(Warning, CropTooSmall, "photo.crop", Some(1))],
    );
    assert!(
        narrow[0].message.contains("wider crop"),
        "{}",
        narrow[0].message
    );
    check(
        |_, p| p.get_mut(&2).unwrap().photo.width = 1600,
        &[(Warning, CropTooSmall, "photo.crop", Some(2))],
    );
    // A crop as wide as the photo: no wider crop exists, so the finding does not propose one.
    let whole = check(
        |_, p| {
            let facts = p.get_mut(&1).unwrap();
            facts.photo.width = 200;
            facts.crops[0].x = 0.0;
            facts.crops[0].w = 1.0;
        },
        &[(Warning, CropTooSmall, "photo.crop", Some(1))],
    );
    assert!(
        whole[0]
            .message
            .contains("Only a larger original can fill them")
            && !whole[0].message.contains("wider crop"),
        "{}",
        whole[0].message
    );
    // In a composite of two, each cell is about 1020 pixels wide at 2048.
    check(
        |a, p| {
            p.get_mut(&2).unwrap().photo.width = 900;
            // Text without the body's own photos.
            a.body = "Texto sin fotos.".into();
            a.hero.as_mut().unwrap().photos = vec![
                HeroPhoto {
                    photo_id: 1,
                    crop: None,
                },
                HeroPhoto {
                    photo_id: 2,
                    crop: None,
                },
            ];
        },
        &[(Warning, CropTooSmall, "photo.crop", Some(2))],
    );
}

#[test]
fn warns_when_not_ready() {
    for s in [Status::Draft, Status::InEdit, Status::CopyDesk] {
        let f = check(|a, _| a.status = s, &[(Warning, NotReady, "status", None)]);
        assert!(f[0].message.contains(s.label()));
    }
    check(|a, _| a.status = Status::Published, &[]);
}

#[test]
fn blocking_findings_come_first() {
    check(
        |a, _| {
            a.section = None;
            a.headline.clear();
        },
        &[
            (Blocking, NoHeadline, "headline", None),
            (Warning, NoSection, "section", None),
        ],
    );
}

/// Issue 11: a publication that runs 3:2 heroes says so in its settings, and preflight asks
/// for a 3:2 crop instead of the 16:9 one.
#[test]
fn issue11_hero_shape_is_a_publication_setting() {
    let (a, photos) = base();
    let three_two = Settings {
        hero_aspect: "3:2".into(),
        ..Settings::default()
    };
    let p = preflight(&a, &photos, &three_two);
    let f = p
        .findings
        .iter()
        .find(|f| f.code == HeroWithoutCrop)
        .expect("the 16:9 crop no longer fits a 3:2 house");
    assert!(f.message.contains("3:2"), "{}", f.message);
    let short = Settings {
        headline_max: 30,
        ..Settings::default()
    };
    let p = preflight(&a, &photos, &short);
    assert!(p
        .findings
        .iter()
        .any(|f| f.code == HeadlineTooLong && f.message.contains("30")));
}

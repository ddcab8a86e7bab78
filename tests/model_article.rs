//! The model article (`../shared/seed/`), made from an empty desk the way a desk would make
//! it — photos imported from their files (their own IPTC/XMP gives caption and credit),
//! the story written, the two photos set as a composite hero edited by the publication — and
//! exported as a package whose page carries the caption line exactly as the model shows it.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use dateline::export::ExportOptions;
use dateline::model::{ArticleDraft, Byline, Hero, HeroPhoto};
use dateline::Workspace;

const CAPTION: &str = "U.S. President Donald Trump (left) at the White House on Inauguration Day \
    in Washington, D.C. on January 20, 2025. Credit: Carlos Barria/Reuters; Mexican President \
    Claudia Sheinbaum at a press conference on November 6 in Mexico City. Credit: Stephania \
    Corpi/Bloomberg via Getty Images. Edited by Sociedad Media";

#[test]
fn the_model_article_from_an_empty_desk_to_a_package() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("desk")).unwrap();
    ws.set_publication("Sociedad Media").unwrap();
    ws.upsert_author(
        "Dionys Duroc",
        "Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media",
        "Reports from Mexico City.",
    )
    .unwrap();

    // An earlier, published story of the same section and author, for "More in …" and "More
    // from …" (only published stories are listed there).
    ws.create_article(ArticleDraft {
        headline: "Mexico City Extends Water Rationing".into(),
        status: Some(dateline::model::Status::Published),
        section: Some("Mexico".into()),
        bylines: vec![Byline {
            name: "Dionys Duroc".into(),
            role: None,
            author_id: None,
        }],
        ..Default::default()
    })
    .unwrap();

    // The photos arrive as files; their own metadata fills caption, creator and credit.
    let portico = ws
        .import_photo(&root.join("assets/demo/photos/demo-portico.jpg"))
        .unwrap();
    let lectern = ws
        .import_photo(&root.join("assets/demo/photos/demo-lectern.jpg"))
        .unwrap();
    assert_eq!(portico.credit_line, "Credit: Carlos Barria/Reuters");
    assert_eq!(
        lectern.credit_line,
        "Credit: Stephania Corpi/Bloomberg via Getty Images"
    );

    let a = ws
        .create_article(ArticleDraft {
            headline: "Sheinbaum Rejects U.S. Offer to Help Combat Drug Cartels".into(),
            dek: "Mexico’s Sheinbaum rejects U.S. forces on-the-ground in Mexico".into(),
            body: "President Claudia Sheinbaum of Mexico says that the use of U.S. forces \
                   has been \"ruled out\".\n\n> \"We told him, so far it's going very well.\"\n"
                .into(),
            dateline: "MEXICO CITY".into(),
            section: Some("Mexico".into()),
            bylines: vec![Byline {
                name: "Dionys Duroc".into(),
                role: None,
                author_id: None,
            }],
            ..Default::default()
        })
        .unwrap();
    let a = ws
        .set_hero(
            &a.slug,
            Some(Hero {
                photos: vec![
                    HeroPhoto {
                        photo_id: portico.id,
                        crop: None,
                    },
                    HeroPhoto {
                        photo_id: lectern.id,
                        crop: None,
                    },
                ],
                edited_by: Some("Sociedad Media".into()),
            }),
        )
        .unwrap();
    assert_eq!(ws.hero_caption(&a).unwrap(), CAPTION);

    let out = dir.path().join("out");
    let report = ws
        .export(
            &a.slug,
            &out,
            &ExportOptions { zip: false },
            &|_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
    let page = std::fs::read_to_string(report.path.join("index.html")).unwrap();
    assert!(
        page.contains(&format!("<figcaption>{CAPTION}</figcaption>")),
        "the page's hero caption is the model's"
    );
    assert!(page.contains(
        "Foreign Correspondent based in Latin America; Executive Editor at Sociedad Media"
    ));
    assert!(page.contains("<h2>More in Mexico</h2>"));
    assert!(page.contains("<h2>More from Dionys Duroc</h2>"));
    assert!(page.contains("Mexico City Extends Water Rationing</a>"));
    assert!(
        page.contains("“ruled out”"),
        "curly quotes in the published body"
    );
}

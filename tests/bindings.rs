//! The UI's TypeScript types are generated from the core's Rust types, never hand-copied:
//! this test writes them into `ui/src/lib/backend/types.ts` and fails when the committed file
//! differs, so a change of a type that crosses IPC cannot silently break the UI's contract.
//!
//! Run with `UPDATE_BINDINGS=1` to rewrite the file after changing a type.

use std::path::Path;

use dateline::credit::HouseWords;
use dateline::error::{ErrorCode, ErrorDto};
use dateline::markdown::{PreviewBlock, PreviewRender};
use dateline::model::{
    Article, ArticleDraft, ArticleSummary, Author, Byline, CodeReplacement, Crop, DiffOp, DiffSpan,
    ExportDestination, ExportProgress, ExportReport, Finding, FindingCode, Focus, FoundIn, Hero,
    HeroPhoto, ImportReport, ImportWarning, Photo, PhotoFields, PhotoUse, Preflight, Revision,
    RevisionDiff, SearchHit, Section, Severity, Status,
};
use dateline::model::{
    LibraryCounts, LibraryCursor, LibraryPage, LibraryPageRequest, LibraryQuery, LibrarySort, Note,
    StatusCount, TagInfo, Template, Transition, WorkflowStep,
};
use dateline::photo::metadata::{ExifData, IimData, XmpData};
use dateline::photo::{
    CropOutcome, CropRect, CropRequest, EmbeddedMetadata, FieldsPatch, Format, PixelRect, Progress,
    Rendition, RenditionSet,
};
use dateline::settings::Settings;
use dateline::workspace::{DeskInfo, SaveBase, SavedOver, Unsaved};
use ts_rs::{Config, TS};

const TARGET: &str = "ui/src/lib/backend/types.ts";

/// One exported declaration, with its Rust doc comment.
fn decl<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

fn generate() -> String {
    // Ids are SQLite rowids, far below 2^53: plain numbers, not bigints, are exact for them.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        decl::<ErrorCode>(&cfg),
        decl::<ErrorDto>(&cfg),
        decl::<DeskInfo>(&cfg),
        decl::<Unsaved>(&cfg),
        decl::<SaveBase>(&cfg),
        decl::<SavedOver>(&cfg),
        decl::<HouseWords>(&cfg),
        decl::<Settings>(&cfg),
        decl::<Status>(&cfg),
        decl::<Byline>(&cfg),
        decl::<HeroPhoto>(&cfg),
        decl::<Hero>(&cfg),
        decl::<Article>(&cfg),
        decl::<ArticleSummary>(&cfg),
        decl::<ArticleDraft>(&cfg),
        decl::<Author>(&cfg),
        decl::<Section>(&cfg),
        decl::<Focus>(&cfg),
        decl::<PhotoFields>(&cfg),
        decl::<Photo>(&cfg),
        decl::<Crop>(&cfg),
        decl::<PhotoUse>(&cfg),
        decl::<CropRect>(&cfg),
        decl::<PixelRect>(&cfg),
        decl::<CropRequest>(&cfg),
        decl::<CropOutcome>(&cfg),
        decl::<ExifData>(&cfg),
        decl::<IimData>(&cfg),
        decl::<XmpData>(&cfg),
        decl::<EmbeddedMetadata>(&cfg),
        decl::<CodeReplacement>(&cfg),
        decl::<FieldsPatch>(&cfg),
        decl::<Format>(&cfg),
        decl::<Rendition>(&cfg),
        decl::<RenditionSet>(&cfg),
        decl::<Progress>(&cfg),
        decl::<Revision>(&cfg),
        decl::<FoundIn>(&cfg),
        decl::<SearchHit>(&cfg),
        decl::<PreviewBlock>(&cfg),
        decl::<PreviewRender>(&cfg),
        decl::<TagInfo>(&cfg),
        decl::<LibrarySort>(&cfg),
        decl::<LibraryQuery>(&cfg),
        decl::<LibraryCursor>(&cfg),
        decl::<LibraryPageRequest>(&cfg),
        decl::<LibraryPage>(&cfg),
        decl::<StatusCount>(&cfg),
        decl::<LibraryCounts>(&cfg),
        decl::<Transition>(&cfg),
        decl::<Note>(&cfg),
        decl::<Template>(&cfg),
        decl::<WorkflowStep>(&cfg),
        decl::<ImportWarning>(&cfg),
        decl::<ImportReport>(&cfg),
        decl::<DiffOp>(&cfg),
        decl::<DiffSpan>(&cfg),
        decl::<RevisionDiff>(&cfg),
        decl::<Severity>(&cfg),
        decl::<FindingCode>(&cfg),
        decl::<Finding>(&cfg),
        decl::<Preflight>(&cfg),
        decl::<ExportProgress>(&cfg),
        decl::<ExportReport>(&cfg),
        decl::<ExportDestination>(&cfg),
    ];
    format!(
        "// Generated from the Rust types of the `dateline` core by `tests/bindings.rs`.\n\
         // Do not edit: change the Rust type, then run `UPDATE_BINDINGS=1 cargo test --test bindings`.\n\n{}",
        decls.join("\n")
    )
}

#[test]
fn typescript_bindings_are_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TARGET);
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("target has a folder"))
            .expect("create the bindings folder");
        std::fs::write(&path, &fresh).expect("write the bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{TARGET} is stale: the Rust types that cross IPC changed. Run \
         `UPDATE_BINDINGS=1 cargo test --test bindings` and commit the result."
    );
}

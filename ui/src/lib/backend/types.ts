// Generated from the Rust types of the `dateline` core by `tests/bindings.rs`.
// Do not edit: change the Rust type, then run `UPDATE_BINDINGS=1 cargo test --test bindings`.

/**
 * What kind of failure this is, for the UI and scripts to branch on.
 */
export type ErrorCode = "not_found" | "invalid" | "conflict" | "newer_schema" | "not_a_database" | "storage" | "disk_full" | "io" | "bad_photo" | "bad_import" | "cancelled" | "preflight" | "in_use" | "out_of_scope" | "newsroom" | "refused" | "login";

/**
 * The single error shape that leaves the core: `{ code, message }`.
 */
export type ErrorDto = { code: ErrorCode, message: string, };

/**
 * What the app shows about the desk it has open: where it is, whose it is, who is working.
 */
export type DeskInfo = { 
/**
 * The workspace folder, as the operating system spells it.
 */
dir: string, publication: string, identity: string, 
/**
 * The name a new story is bylined to: the person's name in the newsroom once the desk
 * joined one ("Ana Pérez", not the login "ana"), else the desk's identity.
 */
byline: string, };

/**
 * A form as the window last handed it in, and when.
 */
export type Unsaved = { draft: ArticleDraft, at: string, };

/**
 * The story as a form loaded or last saved it: its stored time and its fields then.
 */
export type SaveBase = { updated_at: string, draft: ArticleDraft, };

/**
 * What [`Workspace::save_article_over`] stored.
 */
export type SavedOver = { article: Article, 
/**
 * The stored words are not only the form's: changes made elsewhere were put in.
 */
merged: boolean, 
/**
 * Both sides changed the same words or field: kept both, marked as a conflict.
 */
conflict: boolean, };

/**
 * The words a credit and caption line uses in one language: "Credit: Carlos Barria/Reuters",
 * "… via Getty Images", "Edited by Sociedad Media".
 */
export type HouseWords = { 
/**
 * A language tag's primary subtag: "en", "es".
 */
language: string, credit: string, via: string, edited_by: string, };

/**
 * The desk's publication settings, as the Settings screen edits them.
 */
export type Settings = { publication: string, 
/**
 * The shape of a single-photo hero: "16:9", "3:2", "4:3", "1:1" or "4:5".
 */
hero_aspect: string, 
/**
 * Where a published story lives: `https://news.example/{section}/{slug}/`, with `{section}`,
 * `{slug}` and `{year}` filled in. Empty: packages sit side by side (`../{slug}/index.html`).
 */
url_pattern: string, 
/**
 * Where packages go unless the person picks another folder; `None`: `~/Dateline exports`.
 */
export_folder: string | null, 
/**
 * Credit words per language; a story in a language not listed uses the first.
 */
house_words: Array<HouseWords>, headline_max: number, dek_max: number, alt_text_max: number, 
/**
 * Read-only: the desk folder, shown so a person knows where their work lives.
 */
desk_folder: string, 
/**
 * Read-only: the folder the Export dialog proposes today — `export_folder` while it
 * exists, else `~/Dateline exports`.
 */
export_folder_now: string, };

/**
 * Where a story stands in the workflow.
 */
export type Status = "draft" | "in_edit" | "copy_desk" | "ready" | "published" | "spiked" | "archived";

/**
 * One name on the byline, in order. `author_id` links a profile; guest bylines have none.
 * `role` is the role shown for this article (it may override the profile's).
 */
export type Byline = { name: string, role: string | null, author_id?: number | null, };

/**
 * A photo of the hero, with the named crop it is shown in (a composite cell otherwise fills
 * around the photo's focal point).
 */
export type HeroPhoto = { photo_id: number, crop: string | null, };

/**
 * The article's lead image: one photo, or a composite of two or three side by side, as in
 * the model article. `edited_by` ends the composed caption line ("Edited by Sociedad Media").
 */
export type Hero = { photos: Array<HeroPhoto>, edited_by: string | null, };

export type Article = { id: number, slug: string, headline: string, dek: string, 
/**
 * Markdown.
 */
body: string, 
/**
 * The place line, e.g. "MEXICO CITY".
 */
dateline: string, section: string | null, tags: Array<string>, 
/**
 * BCP 47 language tag: `en`, `es`, …
 */
language: string, status: Status, bylines: Array<Byline>, hero: Hero | null, 
/**
 * The front matter keys of an imported file that Dateline does not use (`layout`,
 * `aliases`, `[extra]`…), verbatim, as a block between its fences (`---` YAML or `+++`
 * TOML). Markdown export writes them back after Dateline's own keys. `None` for articles
 * written in Dateline.
 */
front_matter_extra: string | null, created_at: string, updated_at: string, };

/**
 * A row of the library list: what an editor scans, without the body.
 */
export type ArticleSummary = { id: number, slug: string, headline: string, status: Status, section: string | null, bylines: Array<string>, tags: Array<string>, language: string, created_at: string, updated_at: string, 
/**
 * When it was moved to the trash; `None` for a story on the desk.
 */
deleted_at: string | null, };

/**
 * The editable fields of an article, as they arrive from the form, the CLI or an import.
 * `slug: None` derives one from the headline.
 */
export type ArticleDraft = { headline: string, dek: string, body: string, dateline: string, section: string | null, tags: Array<string>, language: string | null, status: Status | null, slug: string | null, bylines: Array<Byline>, hero: Hero | null, 
/**
 * See [`Article::front_matter_extra`].
 */
front_matter_extra: string | null, };

export type Author = { id: number, name: string, role: string, bio: string, 
/**
 * A photo of the desk used as the author's portrait.
 */
portrait_photo_id?: number | null, 
/**
 * How many stories (not in the trash) carry this author's byline.
 */
articles: number, };

export type Section = { id: number, name: string, slug: string, 
/**
 * How many stories (not in the trash) are in this section.
 */
articles: number, };

/**
 * A point in the oriented photo, as fractions of its width and height (0..=1).
 */
export type Focus = { x: number, y: number, };

/**
 * The editorial fields of a photo: what the caption and credit line are made of.
 */
export type PhotoFields = { caption: string, creator: string, agency: string, 
/**
 * The "via" of "Bloomberg via Getty Images".
 */
distributor: string, copyright: string, alt_text: string, usage_terms: string, 
/**
 * When set, replaces the credit line composed in house style.
 */
credit_override: string | null, };

export type Photo = { id: number, 
/**
 * SHA-256 of the original's bytes: its name in the workspace.
 */
sha256: string, 
/**
 * The file name it was imported from.
 */
original_name: string, 
/**
 * `image/jpeg`, `image/png` or `image/webp`.
 */
mime: string, 
/**
 * Oriented size (EXIF orientation applied).
 */
width: number, height: number, fields: PhotoFields, focus: Focus, 
/**
 * The credit line in house style (or the override).
 */
credit_line: string, imported_at: string, };

/**
 * A named crop of a photo, as fractions of the oriented original.
 */
export type Crop = { photo_id: number, name: string, 
/**
 * "16:9", "4:3", "3:2", "1:1", "4:5" or "free".
 */
aspect: string, x: number, y: number, w: number, h: number, };

/**
 * A story that shows a photo, so the photo desk can say what a change of its words or crops
 * reaches (a published story among them) before it is made.
 */
export type PhotoUse = { article_id: number, headline: string, status: Status, 
/**
 * In the story's hero (alone or in a composite).
 */
in_hero: boolean, 
/**
 * In the story's text (`![…](photo:N)`).
 */
in_body: boolean, };

/**
 * A rectangle as fractions (0..=1) of the oriented original: how crops are stored.
 */
export type CropRect = { x: number, y: number, w: number, h: number, };

/**
 * A rectangle in pixels of the oriented original.
 */
export type PixelRect = { x: number, y: number, width: number, height: number, };

/**
 * A named crop as it arrives from the UI or the CLI. Without `rect`, Dateline proposes the
 * largest crop of `aspect` around `focus` (else the photo's focal point).
 */
export type CropRequest = { name: string, 
/**
 * "16:9", "4:3", "3:2", "1:1", "4:5" or "free".
 */
aspect: string, focus: Focus | null, 
/**
 * A crop box the editor drew, as fractions of the oriented photo.
 */
rect: CropRect | null, };

/**
 * A saved crop, its pixels, and what the editor should know about it.
 */
export type CropOutcome = { crop: Crop, pixels: PixelRect, warnings: Array<string>, };

export type ExifData = { 
/**
 * 1–8, as written in the file.
 */
orientation: number | null, 
/**
 * `DateTimeOriginal` (else `DateTime`), as "YYYY-MM-DD HH:MM:SS".
 */
date_taken: string | null, make: string | null, model: string | null, artist: string | null, copyright: string | null, };

export type IimData = { 
/**
 * "UTF-8" when 1:90 declares it, else "ISO-8859-1"; `None` without IIM.
 */
charset: string | null, object_name: string | null, by_line: Array<string>, by_line_title: string | null, headline: string | null, caption: string | null, credit: string | null, source: string | null, copyright: string | null, city: string | null, country: string | null, keywords: Array<string>, date_created: string | null, 
/**
 * 2:40 Special Instructions ("EDITORIAL USE ONLY. NO SALES.").
 */
instructions: string | null, };

export type XmpData = { creator: Array<string>, title: string | null, description: string | null, rights: string | null, credit: string | null, source: string | null, headline: string | null, city: string | null, country: string | null, alt_text: string | null, extended_description: string | null, usage_terms: string | null, 
/**
 * photoshop:Instructions, the agency's special instructions.
 */
instructions: string | null, };

/**
 * Everything read from a photo's own metadata at import, kept as JSON in the desk.
 */
export type EmbeddedMetadata = { exif: ExifData, iim: IimData, xmp: XmpData, 
/**
 * Fields where IIM and XMP say different things (XMP was used), e.g. "creator".
 */
conflicts: Array<string>, 
/**
 * What could not be read, in words for a journalist ("The EXIF block is damaged …").
 */
warnings: Array<string>, };

/**
 * A shorthand the photo desk types in a photo's fields, expanded when they are saved
 * (`=rtr=` → "Reuters").
 */
export type CodeReplacement = { code: string, expansion: string, };

/**
 * Fields to set on several photos at once; `None` leaves a field as it is.
 */
export type FieldsPatch = { caption: string | null, creator: string | null, agency: string | null, distributor: string | null, copyright: string | null, alt_text: string | null, usage_terms: string | null, };

export type Format = "jpeg" | "webp";

/**
 * One file made (or found in the cache).
 */
export type Rendition = { format: Format, width: number, height: number, path: string, bytes: number, 
/**
 * True when the file was already in the cache.
 */
cached: boolean, };

/**
 * The outputs and what the editor should know about them.
 */
export type RenditionSet = { outputs: Array<Rendition>, warnings: Array<string>, };

/**
 * How far the work has got, for a progress bar.
 */
export type Progress = { done: number, total: number, };

/**
 * One saved state of an article in its history.
 */
export type Revision = { id: number, article_id: number, created_at: string, 
/**
 * Who saved it (the desk's local identity).
 */
author: string, 
/**
 * Why it was taken: "created", "autosave", "checkpoint", "status: ready", "restored #12".
 */
reason: string, headline: string, words: number, };

/**
 * Where a search found its words.
 */
export type FoundIn = "text" | "photo";

/**
 * One hit of a full-text search, with a highlighted snippet (`<mark>` around matches; the
 * rest is escaped text).
 */
export type SearchHit = { id: number, slug: string, headline: string, snippet: string, status: Status, section: string | null, 
/**
 * Where the words were found.
 */
found_in: FoundIn, };

/**
 * One top-level block of the preview (or a group of blocks that raw HTML ties together).
 */
export type PreviewBlock = { 
/**
 * A hash of the block's HTML before sanitizing: equal keys, equal HTML.
 */
key: string, 
/**
 * The block's sanitized HTML; `None` when the page already holds this key's HTML from
 * the render it named (`since`).
 */
html: string | null, };

/**
 * The preview's body as blocks, in order: their HTML joined is `markdown::render`'s.
 */
export type PreviewRender = { 
/**
 * This render's number, to name as `since` in the next request.
 */
id: number, blocks: Array<PreviewBlock>, };

/**
 * A tag of the managed list, with how many stories (not in the trash) carry it.
 */
export type TagInfo = { name: string, articles: number, };

/**
 * How the library is sorted.
 */
export type LibrarySort = "updated" | "created" | "headline" | "status";

/**
 * What the library shows: every filter is optional, and all given filters must match.
 */
export type LibraryQuery = { status?: Status | null, 
/**
 * A section's name.
 */
section?: string | null, 
/**
 * A byline's name (profile or guest).
 */
author?: string | null, tag?: string | null, 
/**
 * Changed on or after this day (`YYYY-MM-DD`, UTC).
 */
from?: string | null, 
/**
 * Changed on or before this day (`YYYY-MM-DD`, UTC).
 */
to?: string | null, sort: LibrarySort, 
/**
 * The stories in the trash instead of the others.
 */
trashed: boolean, };

/**
 * Where the next page of the library starts: just after the row with this sort key and id.
 * The window gets it from the page it already holds and sends it back untouched; rows added
 * or removed before it do not move what the next page shows.
 */
export type LibraryCursor = { 
/**
 * The workflow's rank for the "Status" sort (Draft highest); 0 for the others.
 */
rank: number, 
/**
 * The row's sort key as stored: a timestamp, or the headline for the "Headline" sort.
 */
key: string, id: number, };

/**
 * One page of the library: up to `limit` stories matching `query`, in its sort, starting
 * just after `after` when given, else `offset` rows from the top (a jump of the scroll bar,
 * where no row before the page is known).
 */
export type LibraryPageRequest = { query: LibraryQuery, after?: LibraryCursor | null, offset: number, limit: number, };

/**
 * A page of the library, and where the page after it starts (`None`: this is the last page).
 */
export type LibraryPage = { rows: Array<ArticleSummary>, next?: LibraryCursor | null, };

export type StatusCount = { status: Status, count: number, };

/**
 * How many stories a library query selects, counted from the indexes without reading them.
 */
export type LibraryCounts = { 
/**
 * Stories matching every filter.
 */
total: number, 
/**
 * Stories matching every filter but the status, per status (statuses with none left out):
 * what the status filter would leave.
 */
by_status: Array<StatusCount>, };

/**
 * One move of a story along the workflow.
 */
export type Transition = { id: number, article_id: number, from: Status, to: Status, 
/**
 * The desk's local identity of whoever moved it.
 */
who: string, at: string, };

/**
 * An editor's internal note on a story. Never exported.
 */
export type Note = { id: number, article_id: number, who: string, body: string, created_at: string, 
/**
 * The note is in the newsroom (this desk sent it, or it came from there): it is part of
 * the story's shared history there and can no longer be deleted from one desk.
 */
in_newsroom: boolean, };

/**
 * A shape a new story can start from ("News", "Analysis", "Photo story"), in one language.
 */
export type Template = { id: string, name: string, description: string, body: string, tags: Array<string>, 
/**
 * The placeholder headline a story from it starts with ("New analysis").
 */
headline: string, 
/**
 * The language its words are in: the story it starts is written in it.
 */
language: string, };

/**
 * The workflow as the app shows it: every status with its label, and where a story in
 * each can move.
 */
export type WorkflowStep = { status: Status, label: string, next: Array<Status>, };

/**
 * One thing worth knowing about an imported file, at a line of it.
 */
export type ImportWarning = { 
/**
 * The file line (1-based) the warning is about.
 */
line: number, 
/**
 * The front matter key it is about.
 */
key: string, 
/**
 * The whole sentence for a person, naming the file and the line.
 */
message: string, };

/**
 * A Markdown import that went through: the article, and what the desk should know about the
 * file (keys kept as they were, alternatives not used). Warnings never stop an import.
 */
export type ImportReport = { article: Article, warnings: Array<ImportWarning>, };

/**
 * What a span of a revision diff did between the older and the newer text.
 */
export type DiffOp = "equal" | "insert" | "delete";

/**
 * A run of words (with the spaces between them) that a diff kept, added or removed.
 */
export type DiffSpan = { op: DiffOp, text: string, };

/**
 * A word-level comparison of two revisions of one article, field by field, in reading
 * order: concatenating the `equal` and `delete` spans gives the older text, the `equal` and
 * `insert` spans the newer.
 */
export type RevisionDiff = { from: number, to: number, headline: Array<DiffSpan>, dek: Array<DiffSpan>, body: Array<DiffSpan>, };

/**
 * How much a preflight finding matters: `blocking` stops the export, `warning` deserves a
 * look but lets the package go.
 */
export type Severity = "blocking" | "warning";

/**
 * What a preflight finding is about, for the UI to branch on (never on the message).
 */
export type FindingCode = "no_headline" | "no_body" | "no_byline" | "photo_without_credit" | "photo_without_alt_text" | "missing_body_photo" | "hero_without_crop" | "hero_too_many_photos" | "headline_too_long" | "dek_too_long" | "alt_text_too_long" | "no_section" | "iim_truncated" | "crop_too_small" | "not_ready" | "photo_field_conflict" | "no_publication" | "photo_without_creator" | "photo_without_copyright" | "body_starts_with_front_matter";

/**
 * One thing preflight noticed, naming the field (and the photo) it is about, with a message
 * written for the journalist who has to fix it.
 */
export type Finding = { severity: Severity, 
/**
 * The form field it links to: `headline`, `dek`, `bylines`, `section`, `status`, `body`,
 * `hero`, or a photo's field as `photo.credit`, `photo.alt_text`, `photo.caption`,
 * `photo.copyright`, `photo.crop`.
 */
field: string, code: FindingCode, message: string, photo_id?: number | null, };

/**
 * The result of the check before an export: every finding, blocking ones first, and whether
 * the article may be exported (no blocking finding).
 */
export type Preflight = { findings: Array<Finding>, exportable: boolean, };

/**
 * How far an export has got, for a progress bar: `what` names the step in plain words.
 */
export type ExportProgress = { done: number, total: number, what: string, };

/**
 * A finished export: where the package is, what it holds, and what deserves a look.
 */
export type ExportReport = { 
/**
 * The package folder or `.zip` file, ready for "show in folder".
 */
path: string, article_id: number, revision_id: number, 
/**
 * Every file of the package, relative to it, sorted.
 */
files: Array<string>, bytes: number, 
/**
 * Preflight warnings and anything the photo desk reported while making renditions.
 */
warnings: Array<string>, };

/**
 * Where the package of a story would go in a folder, and what is there already: said in
 * the Export dialog before anything is written, so a package is never replaced unseen.
 */
export type ExportDestination = { 
/**
 * The package folder or `.zip` file the export would write.
 */
path: string, 
/**
 * When the package already there was written (RFC 3339, UTC): exporting replaces it.
 */
replaces: string | null, 
/**
 * Something that is not a Dateline package has that name: exporting there is refused.
 */
occupied: boolean, };

# The words the core writes for people — errors, preflight findings, workflow refusals — in
# English. This file is the one place the English wording lives; the Spanish catalogue holds
# the same ids with the same arguments (a test checks both). The window's own words are in
# ui/src/locales/; the words around a story are in page.ftl.

## Lists

list-or = { $init } or { $last }
list-and = { $init } and { $last }

## Errors

error-not-found = No { $what } matches “{ $key }”.
error-invalid = { $field }: { $message }
error-duplicate-slug = The slug “{ $slug }” is already used by another article. Choose a different slug.
error-newer-schema = { $path } was written by a newer version of Dateline (desk format { $found }; this version reads up to { $known }). Update Dateline to open it. The file was left untouched.
error-not-a-database = { $path } is not a Dateline desk (it is not an SQLite database). The file was left untouched.
error-storage = The desk database could not be read or written: { $detail }
error-disk-full = The disk is full: the last change could not be saved. Free some space and try again; everything saved before is intact.
error-at-path = { $path }: { $message }
error-cancelled = Cancelled.
error-export-cancelled = The export was cancelled.
error-export-failed = { $cause } The export was stopped and nothing was written to { $path }: the package is either the previous one or absent, never half-written.

## What an I/O failure means

io-disk-full = the disk is full.
io-not-found = there is no such file or folder.
io-permission-denied = Dateline is not allowed to read or write it (permission denied).
io-already-exists = something of that name is already there.
io-is-a-directory = it is a folder, not a file.
io-not-a-directory = a part of the path is a file, not a folder.
io-cut-short = the file ends too soon: it was cut short.
io-read-only = the disk is read-only.

## Things a lookup finds or not

thing-article = article
thing-author = author
thing-code-replacement = code replacement
thing-crop = crop
thing-demo-photo = demo photo
thing-note = note
thing-photo = photo
thing-revision = revision
thing-section = section
thing-tag = tag
thing-template = template

## Form fields an error names

field-headline = headline
field-slug = slug
field-language = language
field-status = status
field-body = body
field-dek = dek
field-bylines = bylines
field-section = section
field-tags = tags
field-hero = hero
field-crop = crop
field-name = name
field-email = email
field-photos = photos
field-identity = identity
field-note = note
field-focus = focus
field-code = code
field-revision = revision
field-settings = settings
field-dateline = dateline
field-photo = photo

## Workflow statuses

status-draft = Draft
status-in-edit = In edit
status-copy-desk = Copy desk
status-ready = Ready
status-published = Published
status-spiked = Spiked
status-archived = Archived

## Photo import

photo-raw = This is a camera RAW file{ $kind ->
        [none] {""}
       *[other] {" "}({ $kind })
    }, which Dateline cannot read: a RAW file still has to be developed. Export it as JPEG or TIFF from your photo editor and import that.
photo-psd = This is a Photoshop document (PSD), which Dateline cannot read. Export it as JPEG or TIFF from your photo editor and import that.
photo-gif = This is a GIF{ $animated ->
        [yes] {" "}animation
       *[other] {""}
    }, which Dateline cannot publish as a photo. Export it as JPEG or TIFF from your photo editor and import that.
photo-format-unsupported = { $format } images are not supported: use JPEG, PNG, WebP, TIFF or HEIC.
photo-not-a-photo = This is not a photo Dateline can read (not JPEG, PNG, WebP, TIFF or HEIC).
photo-no-pixels = The photo has no pixels.
photo-too-large = The photo claims to be { $width } × { $height } pixels, larger than Dateline accepts ({ $max_side } pixels a side, { $megapixels } megapixels). It was not imported.
photo-empty = The file is empty.
photo-not-jpeg = This is not a JPEG photo.
photo-incomplete = The photo is incomplete: the file ends before the end of the picture (it was probably cut short while copying or downloading). Copy it again from its source.
photo-damaged-data = The photo's picture data is damaged partway through, so part of it would show as grey. Copy it again from its source.
photo-damaged-pixels = The photo's pixels are damaged and cannot be shown. Copy it again from its source.
photo-unreadable = The file could not be read as a photo. Check that it is a JPEG, PNG, WebP, TIFF or HEIC photo and try again.
photo-damaged-header = The photo is damaged and cannot be opened: the start of the file, which says what the picture is, is broken or cut short. Copy it again from its source.

## Preflight findings

finding-no-headline = The story has no headline. Write one before exporting.
finding-headline-too-long = The headline is { $length } characters long; over { $max }, search results and social cards cut it off. Consider tightening it.
finding-no-body = The story has no text yet. Write the body before it is published or exported.
finding-no-byline = The story has no byline. Add the name of whoever wrote it.
finding-dek-too-long = The dek is { $length } characters long; over { $max } it stops reading as a summary. Consider shortening it.
finding-no-section = The story has no section, so the page cannot show “More in …” and wire partners cannot file it. Choose a section.
finding-no-publication = The desk’s publication has no name, so the page has no masthead, no “Edited by” line and no copyright line. Name it in Settings.
finding-not-ready = The story is marked “{ $status }”, not “Ready”. Check that the desk has signed it off.
finding-hero-too-many-photos = The hero has { $count } photos; a composite puts two or three side by side. Remove { $extra } of them.
finding-hero-photo-missing = The hero shows photo { $photo }, which is no longer in this desk. Choose another photo.
finding-hero-without-crop = The hero photo { $photo } has no { $aspect } crop, which the article page needs. Crop it to { $aspect } in the photo desk and choose that crop for the hero.
finding-composite-cell-too-small = In the composite hero, photo { $photo } fills a cell { $cell } pixels wide but has only { $width } pixels to give: it will look soft on large screens. Use a larger original or a wider crop.
finding-body-what-missing = photo { $photo }, which is not in this desk
finding-body-what-not-a-number = “{ $target }”, which is not a photo number
finding-body-photo-missing = Line { $line } of the body shows { $what }. Fix the reference (it looks like ![alt text](photo:12)) or import the photo.
finding-body-crop-missing = Line { $line } of the body shows the crop “{ $crop }” of photo { $photo }, which has no crop of that name.
finding-photo-name = “{ $file }”
finding-in-the-hero = in the hero
finding-in-the-body = in the body
finding-photo-without-credit = Photo { $photo } { $place } has no credit. Add the photographer and agency (or a credit line) in the photo desk.
finding-photo-without-creator = Photo { $photo } { $place } names no photographer, so the page credits only “{ $credit }”. Add the photographer in the photo desk if the agency gave one.
finding-photo-without-copyright = Photo { $photo } { $place } has no copyright notice, so its exported copies name no rights holder. Add it in the photo desk, for example “© 2026 Reuters”.
finding-body-starts-with-front-matter = The body starts with a file’s details block (“---”, “{ $key }: …”, “---”), which the page would print as a line and a heading. Put those details in the story’s fields and delete the block from the body.
finding-photo-field-conflict = Photo { $photo } { $place } has two versions of its { $what }: “{ $ours }” on this desk and “{ $theirs }” from the newsroom. Choose one in the photo desk; credits are a legal matter.
finding-photo-without-alt-text = Photo { $photo } { $place } has no alt text: readers using a screen reader would not know what it shows. Describe it in a sentence.
finding-alt-text-too-long = The alt text of photo { $photo } is { $length } characters long; over { $max } it is tiring to listen to. Keep the essentials.
finding-iim-truncated = The { $what } of photo { $photo } is { $bytes } bytes; IIM keeps only { $max }, so older systems will read it cut short. XMP keeps it whole.
finding-crop-too-small = Photo { $photo } { $place } is only { $width } pixels wide, less than the widest rendition ({ $widest }): large screens will get a smaller image. Use a larger original or a wider crop.
finding-original-too-small = Photo { $photo } { $place } is only { $width } pixels wide, less than the widest rendition ({ $widest }): large screens will get a smaller image. Only a larger original can fill them.
iim-byline = photographer (IIM By-line)
iim-credit = credit (IIM Credit)
iim-copyright = copyright notice (IIM CopyrightNotice)
iim-caption = caption (IIM Caption-Abstract)
photo-field-credit = credit
photo-field-caption = caption
photo-field-alt-text = alt text
photo-field-creator = creator
photo-field-agency = agency
photo-field-distributor = distributor
photo-field-copyright = copyright
refusal-cannot-publish = “{ $headline }” cannot be published yet. Fix first: { $findings }
refusal-cannot-export = “{ $headline }” cannot be exported yet. Fix first: { $findings }

## Workflow

workflow-refused = A story in { $from } cannot move to { $to }; it can move to { $options }.
workflow-nowhere = nowhere

## Markdown import

import-at-line = line { $line }: { $message }
import-empty = the file is empty: there is no text in it to import.
import-too-deep = the text nests quotes, lists, links or emphasis { $depth } levels deep, and Dateline imports up to { $max }. No article looks like this: check that it is the right file.
import-never-closed = the front matter that opens on line 1 with { $fence } is never closed: add a line with just { $fence } after its last key.
import-no-headline = this file has no headline: add front matter with `headline: …` between --- lines, or start the text with a line `# Headline`.
import-keys-run-together = Dateline could not tell where the key on this line ends ({ $count } keys run together: { $keys }). Write each key on a line of its own, starting at the left margin.
import-key-not-alone = Dateline could not read this key of the { $format } front matter on its own (an anchor or alias shared between keys?). Write its value in full.
import-keys-not-separable = Dateline could not separate the keys of this { $format } front matter line by line. Write each key on a line of its own, starting at the left margin.
import-not-valid-toml = the front matter is not valid TOML for Dateline: { $detail }.
import-not-valid-yaml = the front matter is not valid YAML for Dateline: { $detail }.
import-unknown-key = { $detail }. Remove that key or rename it to one Dateline knows.
import-key-problem = `{ $key }`: { $detail }.
import-key-no-value = `{ $key }` has no value Dateline can read.
import-too-big = the file is { $size } MB; Dateline imports Markdown files up to { $max } MB. Split it, or move its images out of the text.
import-folder = this is a folder, not a Markdown file.
import-not-utf8 = line { $line }: the file is not UTF-8 text (byte { $byte } at column { $column }, byte offset { $offset } is the first that is not). Save it as UTF-8 and import it again.
import-nul = line { $line }: the file holds a NUL (zero) byte at column { $column }, which text never has: it is damaged or not a Markdown file.
import-duplicate-slug = the slug “{ $slug }” is already used by another article in this desk. Change `slug:` in the front matter, or remove it to derive one from the headline.

## The newsroom

newsroom-login-refused = The newsroom { $newsroom } did not let “{ $user }” in: the user does not exist there or the password is wrong. Check both with the newsroom's admin.
newsroom-password-missing = The newsroom { $newsroom } asks for { $user }'s password: set PGPASSWORD, put it in ~/.pgpass, or run the command in a terminal to be asked for it.
newsroom-refused-change = The newsroom refused the change: { $reason }
newsroom-refused-not-yours = This story or photo is not yours to change, and your role does not allow it.
newsroom-refused-role = Your role does not allow changing { $what }.
newsroom-what-stories = stories
newsroom-what-photos = photos
# The newsroom's own refusals (its triggers, src/newsroom/sql/), said in the window's language.
newsroom-server-new-story-editor-only = Only an editor can send a new story to the newsroom as { $status }; file it as Draft or In edit.
newsroom-server-cannot-move = A story in { $from } cannot move to { $to }.
newsroom-server-editor-moves = Only an editor can move a story from { $from } to { $to }.
newsroom-server-not-yours-to-move = You cannot move this story: it is not yours, and you are not an editor.
newsroom-server-moved-first = The story is in { $now } in the newsroom, not in { $was }: someone moved it first.
newsroom-server-original-fixed = A complete original never changes.
newsroom-server-photo-mismatch = The photo file that arrived does not match the one the desk sent; it will be sent again.
newsroom-server-deleted = This story was deleted from the newsroom's trash; it can no longer change.
newsroom-server-not-in-trash = Only a story in the trash can be deleted for good; it is not in the newsroom's trash.
newsroom-server-past-the-desk = The story is { $status } in the newsroom: from there only an editor can change it. Your words stay on your desk.
newsroom-not-set-up = The database { $database } holds no newsroom yet: an admin sets it up first with `dateline newsroom init`.
newsroom-no-database = The newsroom server at { $host }:{ $port } has no database “{ $database }”.
newsroom-answered = The newsroom { $newsroom } answered: { $answer }
newsroom-tls-failed = A secure connection to the newsroom { $newsroom } could not be made: { $detail }.
newsroom-unreachable = The newsroom { $newsroom } cannot be reached ({ $detail }). The desk keeps working offline; sync again when the network is back.

## Form input

article-headline-empty = The headline is empty: every article needs one.
article-headline-no-slug = The headline has no letters or digits to make a slug from: type a slug.
article-hero-too-many = A composite hero holds at most three photos.
article-bad-language = “{ $code }” is not a language code: use one like “en”, “es” or “es-MX”.
slug-empty = The slug is empty.
slug-invalid = “{ $slug }” is not a valid slug: use lowercase letters, digits and hyphens (for example “{ $example }”).
slug-no-letters = “{ $slug }” has no letters or digits to make a slug from.
identity-empty = Type your name: it is stamped on every revision and every move of a story.
section-needs-name = A section needs a name.
author-needs-name = An author needs a name.
tag-needs-name = A tag needs a name.
photo-focus-outside = The focal point must lie inside the photo.
crop-needs-name = A crop needs a name, such as “hero”.
photo-focus-outside-xy = The focal point must lie inside the photo (x and y between 0 and 1).
composite-two-or-three = A composite hero puts two or three photos side by side.
code-one-word = A code is one word without spaces, such as =rtr=.
revisions-different-articles = revisions { $from } and { $to } belong to different articles; compare two revisions of the same article.
note-empty = The note is empty.
note-in-newsroom = This note is already in the newsroom, where notes stay as the story's history on every desk: it cannot be deleted. Add a new note to correct it.
section-exists = There is already a section called “{ $name }”.
author-exists = There is already an author called “{ $name }”.
section-in-use = The section “{ $name }” still has { $count } { $count ->
        [one] story
       *[other] stories
    } (the trash counts); move { $count ->
        [one] it
       *[other] them
    } to another section first.
tag-in-use = The tag “{ $name }” is still on { $count } { $count ->
        [one] story
       *[other] stories
    } (the trash counts); remove it there first, or rename it onto another tag to merge the two.

## The app's own errors

app-failed-halfway = An earlier action failed halfway; restart Dateline to go on. Everything saved before is intact.
app-sync-stopped = The newsroom's sync stopped halfway; restart Dateline to go on. Everything saved before is intact.
app-export-stopped = The export stopped unexpectedly ({ $detail }). Nothing was written.
app-nothing-exported = No package has been exported in this session yet.
app-file-manager-failed = The file manager could not be opened ({ $detail }). The package is at { $path }.
app-destination-not-full = Destination: “{ $path }” is not a full folder path. Type one such as ~/Dateline exports or /home/you/Exports.
app-join-type-server = Type the newsroom's server address (for example news.example.org:5432).
app-join-type-database = Type the newsroom's name (the database the admin gave you).
app-join-server-form = Type the server as name:port and the user name alone.
app-renditions-stopped = The renditions stopped unexpectedly ({ $detail }).
app-pick-photos-title = Import photos
app-pick-photos-filter = Photos (JPEG, PNG, WebP, TIFF, HEIC)
app-pick-folder-title = Export into folder
app-dialog-closed = The file dialog closed unexpectedly ({ $detail }).
app-outside-desk = { $path } is outside the desk folder. A typed path must lead inside the desk folder ({ $desk }); to bring in a photo from anywhere else, use “Import photos…” or drop the file on the window.
app-scope-write-rule = Dateline writes packages only into ~/Dateline exports, a folder you chose with Choose folder…, or the desk's folder
app-out-of-reach = { $path } is out of reach: { $rule }.
newsroom-not-a-member = “{ $user }” can log in to { $newsroom } but is not one of the newsroom's people: an admin adds them with `dateline newsroom user add`.
newsroom-other-newsroom = This desk already belongs to another newsroom; a desk syncs with one newsroom only.
newsroom-not-joined = This desk has not joined a newsroom: run `dateline newsroom join URL` first.
newsroom-other-login = This desk joined the newsroom as “{ $joined }”, but the connection is “{ $login }”: sync as the desk's own user.
newsroom-text-conflict-how = The text's conflict is settled by keeping a version or a merged text.
newsroom-no-text-conflict = Story { $story } has no conflict on its text to resolve.
newsroom-revision-of-another = Revision { $revision } is of another story; take one of { $story }'s.
newsroom-say-how-to-resolve = Say how to resolve: take a revision (--take REV) or a file (--file F.md).
newsroom-photo-incomplete = A photo's file from the newsroom is not complete yet ({ $sha }); the next sync fetches it.
newsroom-may-not-init = The user “{ $user }” may not set up a newsroom in { $newsroom }: an admin who may create roles and schemas (for example the database's owner with CREATEROLE) runs `dateline newsroom init`. Nothing was changed.
newsroom-format-failed = The newsroom's format { $number } could not be installed: { $detail }. Nothing of it was changed.
newsroom-newer = The newsroom { $newsroom } was set up by a newer Dateline (newsroom format { $found }; this one knows up to { $known }). Update Dateline to work with it.
newsroom-older = The newsroom { $newsroom } has an older format ({ $found }) than this Dateline needs ({ $needed }): an admin runs `dateline newsroom init` to update it.
newsroom-user-exists = The newsroom already has a user “{ $login }”; choose another login.
newsroom-may-not-add = “{ $user }” may not add people to the newsroom: only an admin can.
newsroom-bad-role = “{ $role }” is not a newsroom role; choose correspondent, editor, photo or admin.
newsroom-password-short = The password is too short: use at least 8 characters.
newsroom-bad-login = “{ $login }” cannot be a newsroom login: use lowercase letters, digits, “_”, “.” or “-”, starting with a letter (for example ana.perez).
newsroom-story-not-there = The story { $story } has not reached the newsroom yet: sync first, then others can see who works on it.
newsroom-only-editor-takes-over = Only an editor can take { $story } over; it stays open on the other desks.
newsroom-no-tls = The desk cannot make secure connections: { $detail }.
newsroom-not-set-up-at = The database at { $newsroom } holds no newsroom yet: an admin sets it up first with `dateline newsroom init`.
newsroom-move-refused = The move { $from } → { $to } was refused: { $reason }
crop-bad-aspect = “{ $aspect }” is not an aspect ratio: use 16:9, 4:3, 3:2, 1:1, 4:5 or free.
crop-outside = The crop must lie inside the photo.
export-bad-file-name = “{ $path }” cannot be a file of the package: { $why }.
export-written-twice = Two parts of the export both wrote “{ $path }”.
export-not-a-package = { $path } already exists and is not a Dateline package. Choose another folder; nothing was written.
newsroom-sslmode-allow = sslmode=allow is not supported: use prefer, require, verify-ca or verify-full.
newsroom-bad-address = “{ $address }” is not a newsroom address ({ $detail }). Write it as postgresql://USER@HOST:PORT/DATABASE.
newsroom-address-no-user = The newsroom address names no user: write it as postgresql://USER@HOST/DATABASE.
settings-bad-hero-shape = “{ $shape }” is not a hero shape Dateline knows. Choose one of { $shapes }.
settings-pattern-needs-slug = The web address pattern must contain {"{"}slug{"}"}, so each story gets its own address (for example https://news.example/{"{"}section{"}"}/{"{"}slug{"}"}/).
settings-house-words-incomplete = Each language of the house style needs its language and its credit word (for example “en” and “Credit:”).
settings-limit-too-short = { $value } characters is too short a limit; use at least { $least }.
import-warning = { $path }: line { $line }: { $message }
import-note-unknown-key = `{ $key }` is not a Dateline field; kept as is and written back on export.
import-note-other-key = `{ $key }` could give the { $field }, but `{ $other }` (line { $line }) gives it; `{ $key }` is kept as is and written back on export.
import-note-empty-key = `{ $key }` is empty, so it gives no { $field }; kept as is and written back on export.
trash-not-in-trash = Story { $story } is not in the trash.
trash-in-trash = Story { $story } is in the trash; restore it first.
library-bad-date = “{ $day }” is not a date; write it as year-month-day, e.g. 2026-11-25.
generate-no-markdown = { $folder } holds no Markdown article to build a library from.
generate-no-headlines = { $folder } holds Markdown text but no article with a headline (a `# Headline` line or a `title:` in front matter): there is nothing to name the stories after.
newsroom-bad-root-cert = The authority's certificate { $path } (sslrootcert) cannot be read as PEM: { $detail }.

## Photo warnings and export steps (what the photo desk and the export tell while they work)
photo-exif-damaged = The camera data (EXIF) is damaged and was ignored ({ $detail }).
photo-iptc-cut-short = The IPTC block is cut short; the rest was ignored.
photo-xmp-not-xml = The XMP metadata is not valid XML and was ignored ({ $detail }).
photo-no-alt-text = This photo has no alt text: screen-reader users will not know what it shows.
crop-narrow = This crop is only { $width } pixels wide: renditions wider than that ({ $widest } asked) will not be made.
rendition-narrow = The crop is { $width } pixels wide, so no rendition { $widths } pixels wide was made; the widest is { $width } (Dateline never enlarges a photo).
export-step-starting = Starting
export-step-checking = Checking the story
export-step-hero = Making the hero’s renditions
export-step-hero-shapes = Making the hero in other shapes
export-step-body-photos = Making the body’s photos
export-step-html = Writing the web page
export-step-photos = Adding the photos
export-step-manifest = Writing the manifest
export-step-ninjs = Writing the ninjs news item
export-step-markdown = Writing the Markdown
export-step-written = Package written

# The command line's words for people (its --json output is for scripts and stays as it is).
cli-article-created = Created article { $id } ({ $slug })
cli-article-saved = Saved article { $id } ({ $slug })
cli-article-moved = { $slug } is now { $status }
cli-note-added = Note { $id } added
cli-article-trashed = Moved { $story } to the trash (`dateline trash restore { $story }` brings it back)
cli-hero-none = Article { $id } has no lead image.
cli-hero-set = Lead image of article { $id } set. Caption:
cli-wrote = Wrote { $path }
cli-conflict-resolved = The conflict on { $slug } is resolved; the next `dateline sync` sends it.
cli-show-by = By { $names }
cli-show-no-section = no section
cli-show-conflict = Newsroom conflict on the { $field }: this desk's version and the newsroom's are both kept (`dateline article resolve { $slug }`).
cli-workspace-ready = Workspace ready at { $dir }
cli-preflight-blocking = ✗ blocking
cli-preflight-warning = ! warning
cli-preflight-ready = Ready to export.
cli-preflight-not-ready = Not exportable: fix the blocking findings first.
cli-preflight-blocked = { $n ->
    [one] 1 blocking finding: the story cannot be exported yet.
   *[other] { $n } blocking findings: the story cannot be exported yet.
}
cli-exported = Exported { $files } files ({ $bytes } bytes) to { $path }
cli-stories = { $n ->
    [one] 1 story
   *[other] { $n } stories
}
cli-restored = Restored { $id } ({ $headline })
cli-trash-waiting = { $n } stories are in the trash. Nothing was deleted: run `dateline trash empty --yes` to delete them for good.
cli-trash-emptied = Deleted { $n } stories for good
cli-no-identity = No identity yet: run `dateline identity "Your Name"`
cli-settings-publication = Publication
cli-settings-hero-shape = Hero shape
cli-settings-address = Story address
cli-settings-side-by-side = (packages side by side)
cli-settings-export-folder = Export folder
cli-settings-lengths = Lengths
cli-settings-lengths-value = headline { $headline }, dek { $dek }, alt text { $alt }
cli-settings-credit-words = Credit words { $language }
cli-settings-desk-folder = Desk folder

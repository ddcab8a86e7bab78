### Dateline: the desk window's own words, in English. Same ids as es.ftl (a test checks).
### Kept exactly as the window has always said them: the end-to-end tests read them.

## Settings
language-en = English
language-es = Spanish
settings-title = Settings
settings-intro = The publication's house rules. They are kept in this desk, so everyone who opens it works by them.
settings-ui-language = Interface language
settings-ui-language-auto = Automatic (system: { $language })
settings-ui-language-hint = The window's own words, on this computer only. A story's language is set in the story.
settings-loading = Reading the desk's settings…
settings-publication = Publication
settings-name = Name
settings-name-hint = Ends a composite's caption (“Edited by …”) and signs the pages.
settings-words = Credit and caption words
settings-words-hint = The words around a photo's credit, in the story's language.
settings-words-language = Language
settings-words-credit = Credit word
settings-words-via = “via” word
settings-words-edited-by = “Edited by” words
settings-credit-word-in = Credit word ({ $language })
settings-via-word-in = Via word ({ $language })
settings-edited-by-in = Edited by words ({ $language })
settings-hero-shape = Hero shape
settings-hero-shape-hint = A single-photo hero is shown in a crop of this shape.
settings-url = Story address on the web
settings-url-hint-and = and
settings-url-hint = are filled in. Empty: packages link to each other side by side.
settings-exports = Exports
settings-export-folder = Default export folder
settings-choose = Choose…
settings-export-now = The Export dialog proposes
settings-lengths = Lengths preflight checks
settings-headline = Headline
settings-dek = Dek
settings-alt = Alt text
settings-lengths-hint = Characters. Longer text is a warning, not a refusal.
settings-desk-folder = Desk folder
settings-desk-folder-hint = Where this desk keeps its stories and photos. Start Dateline with
settings-desk-folder-hint-end = to open another.
settings-saved = Settings saved.
settings-autosaves = Changes are saved as you type; the button saves them at once.
settings-saving = Saving…
settings-save = Save settings

## Back to the desk
back-to-desk-title = Back to the stories (Esc)
back-to-desk = ← Back to the stories

## Save indicator
save-saving = Saving…
save-saved = Saved
save-not-saved-because = Not saved — { $message }
save-not-saved-yet = Not saved yet
save-saved-at = Saved at { $time }

## Notices
toast-dismiss = Dismiss

## Top bar
topbar-desk = Desk
topbar-focus-title = Hide the library and the preview (Ctrl+Shift+F)
topbar-exit-focus = Exit focus
topbar-focus = Focus
topbar-identity-title = Your name on every revision and move — click to change it
topbar-who = Who are you?

## Bylines
byline-name-label = Byline { $n }: name
byline-name-placeholder = Name
byline-role-label = Byline { $n }: role
byline-role-placeholder = Role, e.g. Staff Writer
byline-move-up-label = Move byline { $n } up
byline-move-up = Move up
byline-remove-label = Remove byline { $n }
byline-remove = Remove
byline-add = + Add byline

## Hero in the story form
hero-none = No hero yet.
hero-choose = Choose one on the photo desk
hero-crop = Crop “{ $name }” · { $aspect }
hero-crop-gone = The crop “{ $name }” is gone
hero-no-crop = No crop chosen
hero-composite = Composite of { $count } photos
hero-change = Change on the photo desk

## Your name
identity-empty = Type the name your colleagues know you by.
identity-welcome = Welcome to Dateline
identity-your-name = Your name
identity-why = Your name is stamped on every version you save and every move of a story, so the desk knows who did what. It stays on this computer.
identity-placeholder = e.g. Ana Pérez
identity-cancel = Cancel
identity-start = Start
identity-save = Save

## Preview
preview-title = Preview
preview-as-published = as its page will read · { $language }
preview-region = The story as its page will read
preview-headline = Headline

## Section
section-create = Create section “{ $name }”
section-pending = Not chosen yet: pick a section or create it.

## Statistics and shortcuts
key-bold = Bold
key-italic = Italic
key-link = Link
key-heading = Heading
key-paragraph = Plain paragraph
key-quote = Quote
key-undo-redo = Undo · Redo
key-save = Save now (saving is automatic)
key-new = New article
key-focus = Focus mode (Esc leaves it)
key-search = Search the library
key-export = Export…
key-screens = The desk · the photo desk · People · Settings
key-shift = Shift
stats-label = Statistics
stats-words =
    { $count ->
        [one] word
       *[other] words
    }
stats-characters = characters
stats-minutes = min read
stats-headline-over = Headline { $length }/{ $limit }
stats-dek-over = Dek { $length }/{ $limit }
stats-shortcuts = Shortcuts
stats-keyboard = Keyboard

## Comparing versions
diff-headline = Headline
diff-dek = Dek
diff-body = Body
diff-same = The two versions read the same.

## Progress of long work
job-cancelled = Cancelled.
job-cancelling = Cancelling…
job-cancel = Cancel

## Trash
stories-count =
    { $count ->
        [one] { $count } story
       *[other] { $count } stories
    }
trash-empty = Empty trash
trash-confirm-title = Delete { $stories } for good?
trash-confirm-text =
    Emptying the trash deletes { $count ->
        [one] this story with every revision, note and move in its history
       *[other] these { $stories } with every revision, note and move in their history
    }. This cannot be undone.
trash-keep =
    { $count ->
        [one] Keep it
       *[other] Keep them
    }
trash-delete = Delete { $stories } for good

## Form fields, as preflight names them
field-headline = Headline
field-dek = Dek
field-bylines = Byline
field-section = Section
field-status = Status
field-body = Body
field-hero = Hero
field-publication = Publication name
field-photo-credit = Photo credit
field-photo-creator = Photographer
field-photo-alt = Photo alt text
field-photo-caption = Photo caption
field-photo-copyright = Photo copyright
field-photo-crop = Photo crop

## Export
export-not-saved = This article is not saved yet: give it a headline first.
export-photo = photo { $id }
export-warnings =
    { $count ->
        [one] · { $count } warning
       *[other] · { $count } warnings
    }
export-button-title = Check the article and write a publish-ready package (Ctrl+E)
export-button = Export…
export-title = Export
export-close = Close
export-cancel = Cancel
export-preflight = Preflight
export-check-again = Check again
export-checking = Checking the article…
export-not-checked = Nothing is checked until the story is saved.
export-ready = Ready to publish: nothing to fix.
export-blocked =
    { $count } { $count ->
        [one] problem stops
       *[other] problems stop
    } the export. Choose one to go to its field.
export-warned =
    Nothing blocks the export; { $count } { $count ->
        [one] point deserves
       *[other] points deserve
    } a look.
export-blocks = Blocks
export-warning = Warning
export-package = Package
export-destination = Destination folder
export-choose-folder = Choose folder…
export-zip = One .zip file instead of a folder
export-progress = Export progress
export-starting = Starting…
export-cancelled = Export cancelled. Nothing was written.
export-written-to = Written to
export-select-path = Click to select the path
export-size = { $files } files, { $kb } KB
export-folder-remembered = Export proposes this folder from now on (Settings › Exports).
export-exporting = Exporting…
export-reveal = Show in folder
export-fix-first = Fix the blocking problems first
export-again = Export again
export-replace = Replace package
export-replaces = This folder already holds a package of this story, { $name }, written { $when }: exporting replaces it.
export-occupied = Something that is not a Dateline package is already called { $name } in this folder: choose another folder, or move it away first.

## History
history-unsaved-may-miss = The latest changes could not be saved, so the history may miss them.
history-save-first = Save the article first: it needs a headline.
history-unsaved-would-lose = The latest changes could not be saved; restoring now would lose them.
history-button-title = Earlier versions of this article
history-title = History
history-checkpoint-title = Keep this exact version in the history
history-checkpoint = Checkpoint
history-close = Close history
history-none = This article has no history yet: it starts once it has a headline.
history-moves-label = Workflow moves
history-moves = Moves
history-move-to = to
history-someone = Someone
history-pick-hint = Pick a version to compare it with the newest; Shift-click another to compare those two.
history-words =
    { $count ->
        [one] { $count } word
       *[other] { $count } words
    }
history-newest = newest
history-changes-from = Changes from
history-changes-to = to
history-restore = Restore this version…
history-restore-question = Restore this version?
history-restore-replace = Replace the story's headline, dek, text, hero and section with version
history-restore-undo = What is there now is kept in the history first, so this can be undone by restoring it.
history-cancel = Cancel
history-restore-version = Restore version #{ $id }
history-pick = Pick a version above to see what changed.

## Times
time-just-now = just now
time-minutes-ago = { $minutes } min ago
time-hours-ago = { $hours } h ago
time-yesterday = yesterday

## Revisions
when-today = Today { $time }
when-yesterday = Yesterday { $time }
when-date = { $date }, { $time }
why-autosave = Autosave
why-checkpoint = Checkpoint
why-created = Created
why-restored = Restored version #{ $id }
why-duplicated = Duplicated from #{ $id }
why-moved = Moved { $move }
why-status = Status → { $status }
why-merged-elsewhere = Merged with a change made elsewhere (the photo desk, another window or desk)
why-typed-beside = Typed while it changed elsewhere (both versions kept)
why-before-sync = Before a sync
why-before-restore = Before a restore
why-export = Exported
why-merged = Merged

## People and places
people-title = People and places
people-intro = Bylines, sections and tags as the desk keeps them. Choose a name to see its stories.
people-authors = Authors
people-add-author = Add author
people-name = Name
people-role = Role
people-role-placeholder = Foreign Correspondent based in Latin America
people-bio = Short bio
people-portrait = Portrait (a photo of the desk)
people-no-portrait = No portrait
people-cancel = Cancel
people-save = Save
people-more-from = More from { $name }
people-edit-name = Edit { $name }
people-edit = Edit
people-no-authors = No author profiles yet. Guest bylines need none.
people-sections = Sections
people-tags = Tags
people-tag-merge = Renaming a tag to one that exists merges the two.
people-new-name-for = New name for { $name }
people-rename = Rename
people-more-in = More in { $name }
people-tagged = Stories tagged { $name }
people-rename-name = Rename { $name }
people-delete-name = Delete { $name }
people-unused = No story uses it
people-delete = Delete
people-none-yet = None yet.
people-new-section = New section
people-add = Add
people-new-tag = New tag

## Editor notes (in Spanish "comentarios": "nota" is the story)
notes-after-headline = Notes can be added once the story has a headline.
notes-title = Editor notes
notes-internal = Internal — never exported
notes-someone = Someone
notes-delete-by = Delete note by { $name }
notes-delete = Delete
notes-in-newsroom = in the newsroom
notes-in-newsroom-hint = Notes in the newsroom stay as the story's history on every desk; add a new note to correct one.
notes-none = No notes yet. Notes are for the desk: they never leave Dateline.
notes-placeholder = A note for the desk (Ctrl+Enter adds it)
notes-new = New editor note
notes-add = Add note

## Articles and photos tab
tab-title = Switch between the articles (Ctrl+1) and the photo desk (Ctrl+2)
tab-articles = Articles
tab-photos = Photos

## Code replacements
codes-remove = Remove { $code }
codes-title = Code replacements
codes-hint = Type a code in any field; it expands when the photo is saved.
codes-none = No codes yet.
codes-code = Code
codes-expansion = Expansion
codes-add = Add

## Batch fields
batch-creator = Creator
batch-agency = Agency
batch-distributor = Via (distributor)
batch-copyright = Copyright
batch-usage-terms = Usage terms
batch-caption = Caption
batch-label = Batch fields
batch-photos = { $count } photos
batch-hint = Fill in only what should change; empty fields are left as each photo has them. Codes such as
batch-hint-codes = expand on save.
batch-applying = Applying…
batch-apply =
    Apply { $fields } { $fields ->
        [one] field
       *[other] fields
    } to { $photos } photos
batch-fill-in = Fill in a field to apply
batch-not-saved = Not saved: { $message }
batch-credit-lines = Credit lines
batch-photo = Photo { $id }
batch-no-credit = No credit yet
batch-applied = Applied to { $count } photos

## Hero from the photo desk
hero-panel-new-article = the new article
hero-panel-save-first = Save the article first (it needs a headline).
hero-panel-set = Lead image of “{ $headline }” set.
hero-panel-edited-by = Edited by
hero-panel-edited-by-hint = Who made the picture from the photos: the caption ends “Edited by …”. A composite names the publication unless you type another.
hero-panel-optional = optional
hero-panel-crop = Crop ({ $aspect }, the house hero shape)
hero-panel-needs-crop = A single-photo hero is shown in a { $aspect } crop, and this photo has none yet.
hero-panel-making = Making the crop…
hero-panel-make = Make a { $aspect } crop around the focus point
hero-panel-insert = Put in the text of “{ $headline }”
hero-panel-insert-title = Adds the photo to the story’s text as a paragraph of its own, after the paragraph the cursor was in (before it, with the cursor at its start; at the end, if the cursor was never put in the text). The exported page shows it with its caption and credit.
hero-panel-use = Use as hero of “{ $headline }”
hero-panel-is-hero = The hero of “{ $headline }”

## Photo fields
meta-creator = Creator
meta-credit = Credit
meta-source = Source
meta-rights = Rights
meta-headline = Headline
meta-description = Description
meta-alt-text = Alt text
meta-extended-description = Extended description
meta-city = City
meta-country = Country
meta-usage-terms = Usage terms
meta-by-line = By-line
meta-copyright = Copyright
meta-caption = Caption
meta-keywords = Keywords
meta-charset = Character set
meta-taken = Taken
meta-camera = Camera
meta-artist = Artist
meta-orientation = Orientation
photo-fallback-name = Photo { $id }
photo-fields-label = Photo fields
photo-credit-line = Credit line
photo-no-credit = No credit yet
photo-credit-pending = Updates when the fields are saved
photo-caption = Caption
photo-creator = Creator
photo-agency = Agency
photo-via = Via
photo-distributor = (distributor)
photo-copyright = Copyright
photo-alt = Alt text
photo-alt-placeholder = What the photo shows, for readers who cannot see it
photo-alt-too-long = Screen readers read long alt text poorly; put detail in the caption.
photo-usage-terms = Usage terms
photo-save-now-title = The fields save themselves after a pause; this (or Ctrl-S) saves them now
photo-save-now = Save now
photo-not-saved = Not saved: { $message }
photo-saving = Saving…
photo-not-saved-yet = Not saved yet
photo-saved = Saved
photo-codes = Codes such as
photo-codes-expand = expand on save
photo-codes-add-below = ; add them below.
photo-embedded = Embedded metadata
photo-read-only = (read-only)
photo-iim-xmp-conflict = IIM and XMP disagree on { $fields }; XMP was used.
photo-none-in-file = None in the file.

## Photo size
photo-dimensions = { $width } × { $height } px · { $format }

## Photo desk
photos-import-button = Import photos…
photos-import-path-placeholder = …or type a photo's path
photos-import-path-label = Path of a photo to import
photos-import = Import
photos-already-here =
    { $count ->
        [one] Already on the desk: { $names } (the same photo was imported before; its caption, credit and crops are kept).
       *[other] Already on the desk: { $names } (imported before; their captions, credits and crops are kept).
    }
photo-uses-title = Shown in
photo-uses-none = No story shows this photo yet.
photo-uses-hero = hero
photo-uses-text = in the text
photo-uses-hero-and-text = hero and text
photo-uses-untitled = (no headline)
photo-uses-published =
    { $count ->
        [one] A published story shows this photo: a change to its caption, credit or crops appears in that story the next time it is exported.
       *[other] { $count } published stories show this photo: a change to its caption, credit or crops appears in them the next time they are exported.
    }
photos-importing =
    Importing { $count } { $count ->
        [one] file
       *[other] files
    }…
photos-choose-with = Choose the file with
photos-or-drop-it = or drop it on the window.
photos-dismiss = Dismiss
photos-drop-hint = …or drop JPEG, PNG, WebP, TIFF or HEIC files anywhere on the window.
photos-count =
    { $count } { $count ->
        [one] photo
       *[other] photos
    }
photos-selected = { $count } selected
photos-clear = Clear
photos-pick-several = Ctrl-click or Shift-click to pick several
photos-no-credit = No credit
photos-no-alt = No alt text
photos-alt-flag = ALT
photos-choose = Choose a photo to crop it and edit its caption and credit.
photos-empty-hint = Import JPEG, PNG, WebP, TIFF or HEIC with “Import photos…”, by path, or drop files anywhere on the window.
photos-drop = Drop photos to import them

## Crop view
crop-aspect = Aspect
crop-free = Free
crop-asked = The hero needs a { $aspect } crop: adjust the box, save it, then use the photo as hero.
crop-size-title = Size of the crop in pixels of the original
crop-size = { $width } × { $height } px
crop-box = Crop box (arrow keys move it)
crop-focus = Focal point: click the photo to move it
crop-name = Crop name
crop-suggest-hero = hero
crop-suggest-landscape = landscape
crop-suggest-print = print
crop-suggest-social = social
crop-suggest-portrait = portrait
crop-suggest-custom = custom
crop-saving = Saving…
crop-save = Save crop
crop-saved = Saved “{ $name }” · { $aspect } · { $width } × { $height } px
crop-hint = Drag the box or its corners · click the photo to set the focal point
renditions-title = JPEG and WebP at 2048, 1200 and 600 px of “{ $name }”, each with its credits
renditions-save-first = Save the crop first
renditions-make = Make renditions
renditions-make-of = Make renditions of “{ $name }”
renditions-progress = Renditions made
renditions-files = { $done } of { $total } files
renditions-starting = Starting…
renditions-cached = cached
crop-saved-crops = Saved crops

## The body editor
editor-placeholder = Write the story. Markdown: **bold**, _italic_, > quote, ## heading.
editor-label = Article body

## The open story's notices
story-needs-headline = type a headline to save this new article
story-slug-not-saved = { $why } The rest of the story is saved, under its old slug.
story-recovered = Dateline closed before your last words were saved. They are back, and saving now.
story-recovered-aside = Words Dateline kept from a new story when it last stopped are saved as “{ $headline }”, in the library.
story-changed-elsewhere-conflict = This story was changed elsewhere in the same words you were typing: yours are kept, and the other version is in the history, marked as a conflict.
story-changed-elsewhere = This story was changed elsewhere while you typed: both changes are kept.
story-duplicated = Duplicated as “{ $headline }”.
story-trashed = “{ $headline }” moved to the trash.
story-undo = Undo
story-spiked = “{ $headline }” is spiked: it will not be published.
story-unspike = Back to Draft
story-untitled = (no headline)
story-restored = “{ $headline }” is back on the desk.

## The desk's notices
trash-emptied =
    { $count ->
        [one] { $count } story
       *[other] { $count } stories
    } deleted for good.

## Saving
autosave-not-saved-first = The latest changes could not be saved first.

## The window and the desk
backend-unreachable = Dateline's window could not reach the desk ({ $detail }). Your text is still in the editor.

## The newsroom: the top bar's status and panel
nr-status-syncing = Syncing…
nr-status-password = Newsroom password needed
nr-status-offline = Offline
nr-status-offline-waiting =
    Offline — { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } waiting
nr-status-up-to-date = Up to date
nr-status-up-to-date-waiting =
    Up to date, { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } waiting
nr-status-last-sync = Last sync { $when }
nr-status-never = Not synced yet
nr-since-now = just now
nr-since-minutes = { $minutes } min ago
nr-since-at = at { $time }
nrbar-newsroom = Newsroom { $address }
nrbar-last-synced = last synced { $when }
nrbar-role-correspondent = correspondent
nrbar-role-editor = editor
nrbar-role-photo = photo desk
nrbar-role-admin = administrator
nrbar-conflicts =
    { $count ->
        [one] { $count } conflict
       *[other] { $count } conflicts
    }
nrbar-conflicts-open = Open “{ $headline }” to settle it
nrbar-conflicts-open-first = Open the first one to settle it
nrbar-refused = { $count } refused
nrbar-refused-title = The newsroom refused something done on this desk: see what and why
nrbar-panel = Newsroom
nrbar-sync-now = Sync now
nrbar-open-bundle = Open bundle…
nrbar-open-bundle-title = Bring in a story sent as a .dateline file (you can also drop the file on the window)
nrbar-to-settle = To settle
nrbar-a-photo = A photo
nrbar-a-story = A story
nrbar-the-text = the text
nrbar-refused-heading = Refused by the newsroom
nrbar-refused-kept = Nothing refused is lost: the words stay in the story's history.
nrbar-join = Newsroom…
nrbar-join-title = Share this desk's library with a newsroom

## The newsroom: on the open story
nr-story-holder = is editing this story on another desk.
nr-take-over-ask = Take over…
nr-take-over-question = Take this story over from
nr-take-over-explain = Their desk is told it is yours now; what they saved stays in the history, and what they type next is kept beside yours.
nr-take-over = Take over
nr-cancel = Cancel
nr-refused-title = The newsroom refused a change made on this desk; your words stay in its history.
nr-refused-dismiss = Understood
nr-role-locked-published = This story is { $status }: only an editor can change it now. You can read it and add notes.
nr-field-conflict-label = { $field } changed on two desks
nr-field-conflict = was changed on two desks at the same time. Choose which stays:
nr-field-theirs = The newsroom's
nr-field-mine = Yours
nr-field-in-form = (in the form)
nr-field-both = The newsroom's: { $theirs }. Yours: { $mine }. The story keeps what the form shows; the other is in the History.
nr-field-keep = Keep as it is
nr-field-settled = { $field }: settled.
nr-field-empty = (empty)
nr-conflict-title = This story was changed on another desk at the same time.
nr-conflict-kept = Both versions are kept.
nr-conflict-open = Compare and choose…
nr-role-locked = This story is with the editors now ({ $status }): only an editor can change it from here. You can read it and add notes.
nr-role-readers = Stories are the writers' and editors'; on this desk you can read them and add notes.
nr-role-correspondent = As a correspondent you file stories; an editor moves them on and publishes them.
nr-role-file = “File story” moves it to In edit and sends it to the newsroom's editors.
nr-bundle-offline-title = No network.
nr-bundle-offline = The story waits to be sent; or save it as a bundle and send the file another way (a USB stick, a mail).
nr-bundle-hint = No network where you are going? A bundle carries this story as one file.
nr-saving = Saving…
nr-bundle-save = Save as bundle…

## The newsroom: bundles
bundle-opened =
    “{ $headline }” brought in from the bundle ({ $versions ->
        [one] { $versions } new version
       *[other] { $versions } new versions
    }).
bundle-opened-with-photos =
    “{ $headline }” brought in from the bundle ({ $versions ->
        [one] { $versions } new version
       *[other] { $versions } new versions
    }, { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }).
bundle-opened-conflicts =
    Both versions of what was changed on both sides are kept: { $count ->
        [one] { $count } conflict
       *[other] { $count } conflicts
    } to settle.
bundle-opened-merged = Its changes were put together with this desk's.
bundle-saved = “{ $headline }” saved as { $path }: send this file to the newsroom by any means; opening it there brings the story in.

## Workflow statuses (the core's own labels, word for word)
status-draft = Draft
status-in-edit = In edit
status-copy-desk = Copy desk
status-ready = Ready
status-published = Published
status-spiked = Spiked
status-archived = Archived

## Newsroom password at start
password-title = Newsroom password
password-of = The password of
password-at = at { $newsroom }. This computer has no keyring to keep it, so Dateline asks at each start; until then the desk works offline.
password-label = Password of { $login }
password-offline = Work offline
password-connect = Connect

## Joining a newsroom
join-title = Join a newsroom
join-intro = Every story on this desk is shared with the newsroom and kept in sync, the ones already here too (the demo desk's example stories and photos stay on this desk only). You keep working when there is no network.
join-server = Server
join-newsroom = Newsroom
join-user = User name
join-password = Password
join-cancel = Cancel
join-connecting = Connecting…
join-join = Join

## A conflict side by side
conflict-title = Two versions of this story
conflict-reading = Reading both versions…
conflict-mine = Mine
conflict-this-desk = (this desk)
conflict-theirs = Theirs
conflict-the-newsroom = the newsroom
conflict-merged = Merged text
conflict-later = Later
conflict-save-merged = Save merged text
conflict-edit = Edit a merged text…
conflict-keep-theirs = Keep theirs
conflict-keep-mine = Keep mine

## The workflow bar ($status is one of the workflow statuses above)
workflow-label = Workflow
workflow-status = Status
workflow-starts = The workflow starts once the story has a headline.
workflow-back-to = Back to { $status }
workflow-move-to = Move to { $status }
workflow-spike = Spike
workflow-archive = Archive
workflow-file-title = Moves it to { $status } and sends it to the newsroom
workflow-file = File story
workflow-publish-again = Publish again…
workflow-changed-since = Changed since published
workflow-changed-since-title = Published { $when }. It has changed since: its next export carries the changes, marked “Updated”.
workflow-duplicate = Duplicate
workflow-trash = Move to trash
workflow-this-story = this story
workflow-cancel = Cancel
workflow-close = Close
unpublish-title = Take “{ $title }” off Published?
unpublish-text = It moves to { $status }. A package already exported stays where it was sent: withdraw it there if readers should no longer see it.
publish-unsaved = The latest changes could not be saved; publish once they are.
publish-title = Publish “{ $title }”?
publish-checking = Checking the story first…
publish-failed = “{ $title }” was not published
publish-blocked = “{ $title }” cannot be published yet
publish-refused =
    { $count ->
        [one] This problem stops
       *[other] These { $count } problems stop
    } it. Choose one to go where it is fixed.
publish-question = Publish “{ $title }” now?
publish-warnings =
    Preflight found nothing that blocks it, but { $count ->
        [one] one thing is worth a look
       *[other] { $count } things are worth a look
    } first. Choose one to go there.
publish-clear = Preflight found nothing that blocks it. Readers will see it once it is exported.
publish-confirm = Publish

## The story form
form-label = Article
form-headline = Headline
form-headline-length = { $length } / { $limit } characters
form-headline-over = { $length } / { $limit } characters — longer than the house limit for headlines
form-dek-placeholder = Dek: the one or two sentences under the headline
form-dek = Dek
form-dek-length = { $length } / { $limit } characters
form-dek-over = { $length } / { $limit } characters — longer than the house limit for deks
form-byline = Byline
form-hero = Hero
form-section = Section
form-dateline = Dateline
form-dateline-placeholder = MEXICO CITY
form-tags = Tags
form-tags-placeholder = Comma, separated
form-language = Language
form-slug = Slug
form-slug-placeholder = made from the headline

## The library column
library-label = Library
library-search-placeholder = Search headlines, text, captions
library-search-label = Search articles
library-new = New article
library-from-template = From template ▾
library-templates = Templates
library-filters = Filters
library-sort-by = Sort by
library-sort-updated = Last change
library-sort-created = Created
library-sort-headline = Headline
library-sort-status = Status
library-trash-title = Stories moved to the trash
library-trash = Trash
library-status = Status
library-section = Section
library-author = Author
library-tag = Tag
library-any = Any
library-anyone = Anyone
library-changed-from = Changed from
library-changed-to = to
library-more-in = More in { $section }
library-more-from = More from { $author }
library-tag-is = Tag: { $tag }
library-from-date = From { $date }
library-to-date = To { $date }
library-active-filters = Active filters
library-remove-filter = Remove filter { $filter }
library-clear-all = Clear all
library-results =
    { $count } { $count ->
        [one] result
       *[other] results
    }
library-trash-count = Trash · { $stories }
library-search-results = Search results
library-found-in-photo = Found in a photo caption or credit
library-no-match = Nothing matches “{ $query }”.
library-trash-empty = The trash is empty.
library-no-filter-match = No story matches these filters.
library-no-articles = No articles yet. Start one with “New article”.
library-stories-in-trash = Stories in the trash
library-stories = Stories
library-deleted = deleted { $when }
library-restore = Restore
library-new-title = From the newsroom; not opened on this desk yet
library-changed-title = Changed on another desk since you last opened it
library-unseen-new = New
library-unseen-changed = Changed
library-holder = { $name } is editing
library-no-byline = No byline

## The desk window
app-saver-photo-fields = photo fields
app-saver-settings = settings
app-newsroom-identity = On a newsroom desk you are who you signed in as; the newsroom's admin changes names.
app-people-title = Authors, sections and tags (Ctrl+3)
app-people = People
app-settings-title = The publication's house rules (Ctrl+4)
app-settings = Settings
app-cannot-open = This desk cannot be opened
app-newer-schema = Install the newest Dateline, then open the desk again.
app-start-with = Start Dateline with
app-another-folder = and another folder.
app-not-saved = Not saved: { $message } Your text stays here, and Dateline tries again every few seconds.
app-dismiss = Dismiss
app-no-keyring = This computer has no keyring: Dateline will ask for the newsroom password at each start.
hero-panel-locked = “{ $headline }” is not yours to change in the newsroom: an editor sets its lead image (the photo, its crop and fields are yours).

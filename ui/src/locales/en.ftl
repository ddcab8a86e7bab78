### Dateline: the desk window's own words, in English. Same ids as es.ftl (a test checks).
### Kept exactly as the window has always said them: the end-to-end tests read them.

## Settings
language-en = English
language-es = Spanish
settings-title = Settings
settings-intro = The publication's house rules. They are kept in this desk, so everyone who opens it works by them.
settings-ui-language = Interface language
settings-ui-language-auto = Automatic (system)
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
settings-export-folder-placeholder = ~/Dateline exports
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
settings-autosaves = Changes are saved as you type.
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
preview-as-published = as published · { $language }
preview-region = The story as published
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

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

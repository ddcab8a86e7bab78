// The webview's own spellchecker on the text, in the article's language: `lang` tells it
// which dictionary to use, so a Spanish story is not underlined as misspelt English.

import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function spellcheck(language: string): Extension {
  return EditorView.contentAttributes.of({
    spellcheck: "true",
    lang: language,
    autocorrect: "off",
    "aria-multiline": "true",
  });
}

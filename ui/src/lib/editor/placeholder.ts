// What the editor itself says, in the interface's language (not the story's): the hint in an
// empty body and the name a screen reader gives the text area. The words come from the
// window, so the editor knows nothing of catalogues.

import type { Extension } from "@codemirror/state";
import { EditorView, placeholder as cmPlaceholder } from "@codemirror/view";

export interface EditorWords {
  /** What an empty body says to the writer. */
  placeholder: string;
  /** The text area's accessible name. */
  label: string;
}

export function editorWords(words: EditorWords): Extension {
  return [cmPlaceholder(words.placeholder), EditorView.contentAttributes.of({ "aria-label": words.label })];
}

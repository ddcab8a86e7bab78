// Prose wraps at the column edge; a paragraph is one line of Markdown.

import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function wrapping(): Extension {
  return EditorView.lineWrapping;
}

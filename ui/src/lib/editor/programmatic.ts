// Changes the program makes to the text (replacing it with a revision, tidying) carry this
// annotation, so listeners that react to typing — autosave above all — can ignore them and
// never save what the writer did not write or loop on their own updates.

import { Annotation, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export const programmatic = Annotation.define<boolean>();

/** Calls `onEdit` after every change of the text that the writer made. */
export function editListener(onEdit: () => void): Extension {
  return EditorView.updateListener.of((update) => {
    if (update.docChanged && !update.transactions.some((t) => t.annotation(programmatic))) {
      onEdit();
    }
  });
}

// Undo and redo (Ctrl-Z, Ctrl-Shift-Z / Ctrl-Y), grouping keystrokes typed close together.
// Typing never pauses long enough to end a group when it is fast and steady (a tryout's one
// Ctrl+Z took back several paragraphs, and the empty body was autosaved): a line break ends
// the step it is in: one Ctrl+Z takes back the paragraph being typed, the next the one before.

import { history as cmHistory, historyKeymap, isolateHistory } from "@codemirror/commands";
import { EditorState, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

/** Typing that starts a line after a line break opens a new undo step: a paragraph and the
 *  breaks after it are one step, the next paragraph the next one. */
const lineStartsStep = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged || !tr.isUserEvent("input")) return null;
  let starts = false;
  tr.changes.iterChanges((fromA, _toA, _fromB, _toB, inserted) => {
    const text = inserted.toString();
    if (text && !text.startsWith("\n") && fromA > 0 && tr.startState.doc.sliceString(fromA - 1, fromA) === "\n")
      starts = true;
  });
  return starts ? { annotations: isolateHistory.of("before") } : null;
});

export function history(): Extension {
  return [cmHistory(), lineStartsStep, keymap.of(historyKeymap)];
}

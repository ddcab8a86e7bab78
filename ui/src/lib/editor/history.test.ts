// The body's undo steps under steady typing (history.ts): a new line starts a step.
import { undo } from "@codemirror/commands";
import { EditorState, type Transaction } from "@codemirror/state";
import { expect, test } from "vitest";
import { history } from "./history";

/** Types `text` a character at a time, as fast as keys come (one moment: no pause). */
function type(state: EditorState, text: string): EditorState {
  for (const ch of text) {
    const at = state.selection.main.head;
    state = state.update({
      changes: { from: at, insert: ch },
      selection: { anchor: at + ch.length },
      userEvent: "input.type",
    }).state;
  }
  return state;
}

function undone(state: EditorState): EditorState {
  let next = state;
  undo({ state, dispatch: (tr: Transaction) => (next = tr.state) });
  return next;
}

test("one Ctrl+Z takes back the paragraph being typed, not every paragraph typed without a pause", () => {
  let state = EditorState.create({ doc: "", extensions: [history()] });
  state = type(state, "Primer párrafo.\n\nSegundo párrafo.\n\nUna frase equivocada");
  state = undone(state);
  expect(state.doc.toString()).toBe("Primer párrafo.\n\nSegundo párrafo.\n\n");
  state = undone(state);
  expect(state.doc.toString()).toBe("Primer párrafo.\n\n");
  state = undone(state);
  expect(state.doc.toString()).toBe("");
});

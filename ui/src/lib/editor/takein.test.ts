// Words that arrive from elsewhere (a sync) change only the span that differs, so the
// writer's caret stays in the same place in their own words.
import { EditorSelection, EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";

import { changedSpan } from "./index";

function takeIn(doc: string, caret: number, text: string) {
  const state = EditorState.create({ doc, selection: EditorSelection.cursor(caret) });
  const change = changedSpan(doc, text);
  const next = change ? state.update({ changes: change }).state : state;
  return { text: next.doc.toString(), caret: next.selection.main.head };
}

describe("taking in words changed elsewhere", () => {
  it("keeps the caret in the paragraph being written when a later one changes", () => {
    const doc = "Uno, escribo aquí.\n\nDos.\n\nTres.\n";
    const caret = "Uno, escribo".length;
    const got = takeIn(doc, caret, "Uno, escribo aquí.\n\nDos.\n\nTres, corregido por Eva.\n");
    expect(got.text).toBe("Uno, escribo aquí.\n\nDos.\n\nTres, corregido por Eva.\n");
    expect(got.caret).toBe(caret);
  });

  it("moves the caret along with its words when an earlier paragraph grows", () => {
    const doc = "Uno.\n\nDos, escribo aquí.\n";
    const caret = doc.indexOf("aquí");
    const got = takeIn(doc, caret, "Uno, corregido por Eva.\n\nDos, escribo aquí.\n");
    expect(got.text.slice(got.caret, got.caret + 4)).toBe("aquí");
  });

  it("changes nothing when the words are the same", () => {
    expect(changedSpan("Igual.", "Igual.")).toBeNull();
  });

  it("replaces exactly the span that differs", () => {
    expect(changedSpan("El ministro dijo que no.", "El ministro dijo que sí.")).toEqual({
      from: 21,
      to: 23,
      insert: "sí",
    });
  });
});

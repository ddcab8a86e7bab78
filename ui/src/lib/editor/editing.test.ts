// The body editor's keys as a writer uses them, on CodeMirror's state alone (no view): each
// case is the text before, with `|` for the cursor or `«…»` for the selection, and after.

import { markdown } from "@codemirror/lang-markdown";
import { EditorSelection, EditorState, type StateCommand } from "@codemirror/state";
import { describe, expect, test } from "vitest";
import { raya } from "./dialogue";
import { EDITING_KEYS } from "./editing";
import { insertLink, toggleHeading, toggleQuote, toggleWrap, wordAround } from "./formatting";
import { leaveEmptyItem } from "./lists";

/** A state from `Hola mun|do` or `Hola «mundo»`. */
function parse(marked: string): EditorState {
  const open = marked.indexOf("«");
  const close = marked.indexOf("»");
  const cursor = marked.indexOf("|");
  const doc = marked.replace(/[|«»]/g, "");
  const selection =
    open >= 0
      ? EditorSelection.single(open, close - 1)
      : EditorSelection.single(cursor >= 0 ? cursor : doc.length);
  return EditorState.create({ doc, selection, extensions: [markdown()] });
}

/** The state written back with the same marks. */
function show(state: EditorState): string {
  const { from, to, empty } = state.selection.main;
  const doc = state.doc.toString();
  if (empty) return doc.slice(0, from) + "|" + doc.slice(from);
  return doc.slice(0, from) + "«" + doc.slice(from, to) + "»" + doc.slice(to);
}

/** Runs `cmd` on `before`; the text after, or null when the key was left to others. */
function press(cmd: StateCommand, before: string): string | null {
  let state = parse(before);
  const handled = cmd({ state, dispatch: (tr) => (state = tr.state) });
  return handled ? show(state) : null;
}

const bold = toggleWrap("**");
const italic = toggleWrap("_");

describe("Ctrl-B and Ctrl-I", () => {
  test.each([
    // The word at the cursor, and back.
    ["Hola mun|do", "Hola **mun|do**"],
    ["Hola **mun|do**", "Hola mun|do"],
    ["the writer’s| desk", "the **writer’s|** desk"],
    // Between words: an empty pair, taken out again by the same key.
    ["Hola | mundo", "Hola **|** mundo"],
    ["Hola **|** mundo", "Hola | mundo"],
    // A selection, and back.
    ["«Hola mundo»", "**«Hola mundo»**"],
    ["**«Hola mundo»**", "«Hola mundo»"],
  ])("bold: %s → %s", (before, after) => {
    expect(press(bold, before)).toBe(after);
  });

  test("italic inside bold toggles only the underscores", () => {
    expect(press(italic, "**Hola mun|do**")).toBe("**Hola _mun|do_**");
    expect(press(italic, "**Hola _mun|do_**")).toBe("**Hola mun|do**");
  });

  test.each([
    ["día", 1, { from: 0, to: 3 }],
    ["l’été", 3, { from: 0, to: 5 }],
    ["a  b", 2, null],
    ["2026", 4, { from: 0, to: 4 }],
  ] as const)("the word around %s at %i", (line, pos, word) => {
    expect(wordAround(line, pos)).toEqual(word);
  });
});

describe("Ctrl-K, headings and quotes", () => {
  test("a link keeps the selection as its text and selects the address to type over", () => {
    expect(press(insertLink, "see «the report»")).toBe("see [the report](«https://»)");
    expect(press(insertLink, "see |")).toBe("see [|](https://)");
  });

  test.each([
    [toggleHeading(2), "Intro|", "## Intro|"],
    [toggleHeading(2), "## Intro|", "Intro|"],
    [toggleHeading(1), "## Intro|", "# Intro|"],
    [toggleHeading(0), "### Intro|", "Intro|"],
    [toggleQuote, "«one\ntwo»", "«> one\n> two»"],
    [toggleQuote, "«> one\n> two»", "«one\ntwo»"],
  ])("%#: %j → %j", (cmd, before, after) => {
    expect(press(cmd, before)).toBe(after);
  });
});

describe("Enter in a list", () => {
  test("on an empty item leaves the list: the marker becomes the blank line that ends it", () => {
    expect(press(leaveEmptyItem, "- uno\n- dos\n- |")).toBe("- uno\n- dos\n\n|");
    expect(press(leaveEmptyItem, "1. uno\n2. |")).toBe("1. uno\n\n|");
    // A quote ends the same way: Enter on its empty "> " line.
    expect(press(leaveEmptyItem, "> Una cita.\n> |")).toBe("> Una cita.\n\n|");
  });

  test("anywhere else is left to the usual Enter", () => {
    expect(press(leaveEmptyItem, "- uno\n- do|s")).toBeNull();
    expect(press(leaveEmptyItem, "- |")).toBeNull();
    expect(press(leaveEmptyItem, "Párrafo\n\n- |")).toBeNull();
  });
});

describe("Spanish dialogue: the raya", () => {
  test.each([
    ["- ", "¿", null, "—¿"],
    ["- ", "¡", "Párrafo anterior.", "—¡"],
    ["-- ", "D", null, "—D"],
    // A plain `- ` is a bullet; so is anything under a list item.
    ["- ", "D", null, null],
    ["- ", "¿", "- un punto", null],
    ["-- ", " ", null, null],
  ] as const)("%j then %j (line above %j) → %j", (prefix, typed, above, expected) => {
    expect(raya(prefix, typed, above)).toBe(expected);
  });
});

describe("the standard keys", () => {
  test("never comment words out of the story (Ctrl+/ and Alt+Shift+A are not bound)", () => {
    const keys = EDITING_KEYS.map((b) => b.key);
    expect(keys).not.toContain("Mod-/");
    expect(keys).not.toContain("Alt-A");
    // The rest of CodeMirror's keys are still there.
    expect(keys).toContain("Mod-Enter");
    expect(keys).toContain("ArrowLeft");
  });
});

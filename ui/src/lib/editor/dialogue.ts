// Spanish dialogue: the raya. Spanish typography opens a line of speech with a raya (—)
// followed directly by the words, with no space: "—¿Dónde estabas?". Writers type it as a
// hyphen, and Markdown would then make the line a bullet. The rule, in a story whose language
// starts with `es`:
//   - at the start of a paragraph, `- ` followed by `¿` or `¡` becomes `—¿` / `—¡`;
//   - at the start of a paragraph, `-- ` followed by any character but a space becomes `—`
//     and that character (a double hyphen is never a list marker);
//   - unless the paragraph above is a list item (the nearest line above that is not blank, so
//     a loose list, its items apart, counts too): then the person is writing a list, and `- `
//     stays a bullet.
// The conversion is its own undo step: Ctrl-Z right after it gives back `- ¿` as typed.
// English stories, and every other place in a line, are left alone.

import { isolateHistory } from "@codemirror/commands";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

/** The text to put in place of `prefix` + `typed`, or null when the rule does not apply. */
export function raya(prefix: string, typed: string, lineAbove: string | null): string | null {
  // `lineAbove`: the nearest line above that is not blank, or null at the top.
  if (lineAbove !== null && LIST_ITEM.test(lineAbove)) return null;
  if (prefix === "- " && (typed === "¿" || typed === "¡")) return "—" + typed;
  if (prefix === "-- " && typed.length > 0 && !/^\s/.test(typed)) return "—" + typed;
  return null;
}

export function dialogue(language: string): Extension {
  if (!language.toLowerCase().startsWith("es")) return [];
  return EditorView.inputHandler.of((view, from, to, text) => {
    if (from !== to || view.state.selection.ranges.length > 1) return false;
    const line = view.state.doc.lineAt(from);
    const prefix = line.text.slice(0, from - line.from);
    if (prefix !== "- " && prefix !== "-- ") return false;
    let above: string | null = null;
    for (let n = line.number - 1; n >= 1; n--) {
      const text = view.state.doc.line(n).text;
      if (text.trim()) {
        above = text;
        break;
      }
    }
    const insert = raya(prefix, text, above);
    if (insert === null) return false;
    // First what was typed, as typed; then the raya as a step of its own, so undo takes back
    // only the conversion.
    view.dispatch({
      changes: { from, insert: text },
      selection: { anchor: from + text.length },
      userEvent: "input.type",
    });
    view.dispatch({
      changes: { from: line.from, to: from + text.length, insert },
      selection: { anchor: line.from + insert.length },
      userEvent: "input.dialogue",
      annotations: isolateHistory.of("full"),
    });
    return true;
  });
}

// The writer's formatting keys, as in a word processor:
//   Ctrl-B bold · Ctrl-I italic · Ctrl-K link · Ctrl-Alt-1/2/3 heading · Ctrl-Alt-0 paragraph
//   Ctrl-' quote.
// Each toggles: pressing it again on formatted text removes the formatting. Bold and italic
// with no selection act on the word at the cursor (see `toggleWrap`). They take
// precedence over CodeMirror's defaults (which bind Ctrl-I to "select parent syntax").

import { EditorSelection, Prec, type Extension, type StateCommand } from "@codemirror/state";
import { keymap } from "@codemirror/view";

const WORD = /[\p{L}\p{N}]/u;

/** The word around `pos` in `line` (letters and digits, apostrophes inside), or null. */
export function wordAround(line: string, pos: number): { from: number; to: number } | null {
  const isWord = (i: number) =>
    i >= 0 &&
    i < line.length &&
    (WORD.test(line[i]!) ||
      (/['’]/.test(line[i]!) && WORD.test(line[i - 1] ?? "") && WORD.test(line[i + 1] ?? "")));
  if (!isWord(pos) && !isWord(pos - 1)) return null;
  let from = pos;
  let to = pos;
  while (isWord(from - 1)) from--;
  while (isWord(to)) to++;
  return { from, to };
}

/**
 * Wraps each selection in `mark` (or unwraps it when it already is). With no selection it
 * works like a word processor: inside a word, the word is wrapped (or unwrapped); between
 * words, an empty pair goes in with the cursor in the middle, and pressing the key again
 * there takes the pair out, so no stray `****` is left behind.
 */
export function toggleWrap(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    const n = mark.length;
    const tr = state.changeByRange((range) => {
      let { from, to } = range;
      if (range.empty) {
        // An empty pair around the cursor: take it out.
        if (
          state.sliceDoc(from - n, from) === mark &&
          state.sliceDoc(from, from + n) === mark
        ) {
          return {
            changes: { from: from - n, to: from + n },
            range: EditorSelection.cursor(from - n),
          };
        }
        const line = state.doc.lineAt(from);
        const word = wordAround(line.text, from - line.from);
        if (!word) {
          return {
            changes: { from, insert: mark + mark },
            range: EditorSelection.cursor(from + n),
          };
        }
        const offset = from;
        from = line.from + word.from;
        to = line.from + word.to;
        const wrapped =
          state.sliceDoc(from - n, from) === mark && state.sliceDoc(to, to + n) === mark;
        if (wrapped) {
          return {
            changes: [
              { from: from - n, to: from },
              { from: to, to: to + n },
            ],
            range: EditorSelection.cursor(offset - n),
          };
        }
        return {
          changes: [
            { from, insert: mark },
            { from: to, insert: mark },
          ],
          range: EditorSelection.cursor(offset + n),
        };
      }
      const wrapped =
        state.sliceDoc(from - n, from) === mark && state.sliceDoc(to, to + n) === mark;
      if (wrapped) {
        return {
          changes: [
            { from: from - n, to: from },
            { from: to, to: to + n },
          ],
          range: EditorSelection.range(from - n, to - n),
        };
      }
      return {
        changes: [
          { from, insert: mark },
          { from: to, insert: mark },
        ],
        range: EditorSelection.range(from + n, to + n),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

/** Turns the selection into a link's text and selects the address to type over. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const placeholderUrl = "https://";
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const insert = `[${text}](${placeholderUrl})`;
    const urlFrom = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: text
        ? EditorSelection.range(urlFrom, urlFrom + placeholderUrl.length)
        : EditorSelection.cursor(range.from + 1),
    };
  });
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: "input.format" }));
  return true;
};

/** Applies `edit` to every line the selection touches, once per line. */
function editLines(edit: (line: string, allMatch: boolean) => string, test: RegExp): StateCommand {
  return ({ state, dispatch }) => {
    const lines = new Map<number, string>();
    for (const r of state.selection.ranges) {
      for (let pos = r.from; pos <= r.to; ) {
        const line = state.doc.lineAt(pos);
        lines.set(line.from, line.text);
        pos = line.to + 1;
      }
    }
    const allMatch = [...lines.values()].every((l) => test.test(l));
    const changes = [...lines].map(([from, text]) => ({
      from,
      to: from + text.length,
      insert: edit(text, allMatch),
    }));
    dispatch(state.update({ changes, scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

const HEADING = /^#{1,6}\s+/;

/** Makes the lines headings of `level` (or paragraphs again when they already are). */
export function toggleHeading(level: number): StateCommand {
  const prefix = "#".repeat(level) + " ";
  const same = new RegExp(`^#{${level}}\\s+`);
  return editLines(
    (line, allMatch) =>
      allMatch || level === 0 ? line.replace(HEADING, "") : prefix + line.replace(HEADING, ""),
    level === 0 ? HEADING : same,
  );
}

const QUOTE = /^>\s?/;

/** Quotes the lines (or unquotes them when all of them already are). */
export const toggleQuote: StateCommand = editLines(
  (line, allMatch) => (allMatch ? line.replace(QUOTE, "") : "> " + line),
  QUOTE,
);

export function formatting(): Extension {
  return Prec.high(
    keymap.of([
      { key: "Mod-b", run: toggleWrap("**") },
      // Underscores, so that italic inside bold (`**…**`) never confuses the toggle.
      { key: "Mod-i", run: toggleWrap("_") },
      { key: "Mod-k", run: insertLink },
      { key: "Mod-Alt-1", run: toggleHeading(1) },
      { key: "Mod-Alt-2", run: toggleHeading(2) },
      { key: "Mod-Alt-3", run: toggleHeading(3) },
      { key: "Mod-Alt-0", run: toggleHeading(0) },
      { key: "Mod-'", run: toggleQuote },
    ]),
  );
}

// Enter in a list (or a quote): continues it with the next marker, and on an empty item leaves it,
// as word processors do: the empty marker goes, a blank line ends the list (so what is typed
// next is a paragraph of its own, not a lazy continuation of the last item), and the cursor
// waits on the line after it. An empty nested item steps out one level instead.
// CodeMirror's own Markdown Enter would turn a tight two-item list into a loose one on an
// empty second item, and keep the person in the list.

import { insertNewlineContinueMarkupCommand } from "@codemirror/lang-markdown";
import { EditorSelection, Prec, type Extension, type StateCommand } from "@codemirror/state";
import { keymap } from "@codemirror/view";

/** An empty list item, or an empty quote line (`>`): Enter there leaves the list or quote. */
const EMPTY_ITEM = /^(?:[-*+]|\d{1,9}[.)]|>)[ \t]*$/;

/** Enter on an empty top-level list item or quote line: the marker becomes the blank line that
 *  ends the list or the quote. */
export const leaveEmptyItem: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main;
  if (!range.empty || state.selection.ranges.length > 1) return false;
  const line = state.doc.lineAt(range.head);
  if (range.head !== line.to || !EMPTY_ITEM.test(line.text)) return false;
  // Only inside a list: the line above is an item or its text.
  if (line.number === 1 || !state.doc.line(line.number - 1).text.trim()) return false;
  const insert = state.lineBreak;
  dispatch(
    state.update({
      changes: { from: line.from, to: line.to, insert },
      selection: EditorSelection.cursor(line.from + insert.length),
      scrollIntoView: true,
      userEvent: "input",
    }),
  );
  return true;
};

export function lists(): Extension {
  return Prec.high(
    keymap.of([
      { key: "Enter", run: leaveEmptyItem },
      { key: "Enter", run: insertNewlineContinueMarkupCommand({ nonTightLists: false }) },
    ]),
  );
}

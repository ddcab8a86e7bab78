// Enter in a list: continues it with the next marker, and on an empty item leaves the list
// (the empty marker is removed), as word processors do. CodeMirror's Markdown Enter would
// instead turn a tight two-item list into a loose one on an empty second item.

import { insertNewlineContinueMarkupCommand } from "@codemirror/lang-markdown";
import { Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

export function lists(): Extension {
  return Prec.high(
    keymap.of([{ key: "Enter", run: insertNewlineContinueMarkupCommand({ nonTightLists: false }) }]),
  );
}

// Undo and redo (Ctrl-Z, Ctrl-Shift-Z / Ctrl-Y), grouping keystrokes typed close together.

import { history as cmHistory, historyKeymap } from "@codemirror/commands";
import type { Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

export function history(): Extension {
  return [cmHistory(), keymap.of(historyKeymap)];
}

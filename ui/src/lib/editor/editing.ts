// The standard editing keys (arrows, word motion, selection, deletion). Tab is deliberately
// not captured, so the keyboard can leave the editor for the next field.

import { defaultKeymap } from "@codemirror/commands";
import type { Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

export function editing(): Extension {
  return keymap.of(defaultKeymap);
}

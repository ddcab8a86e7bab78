// The standard editing keys (arrows, word motion, selection, deletion). Tab is deliberately
// not captured, so the keyboard can leave the editor for the next field.

import { defaultKeymap } from "@codemirror/commands";
import type { Extension } from "@codemirror/state";
import { keymap, type KeyBinding } from "@codemirror/view";

/** CodeMirror's bindings that turn text into an HTML comment (Ctrl+/, Alt+Shift+A): in a story
 *  that hides words from the page without a word to the writer, who pressed Ctrl+/ expecting
 *  something else. */
const HIDES_WORDS = new Set(["Mod-/", "Alt-A"]);

/** The standard keys a story's text keeps. */
export const EDITING_KEYS: readonly KeyBinding[] = defaultKeymap.filter((b) => !HIDES_WORDS.has(b.key ?? ""));

export function editing(): Extension {
  return keymap.of(EDITING_KEYS);
}

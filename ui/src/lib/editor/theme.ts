// How the writing surface looks: the article's serif at a reading size, a calm caret, and a
// larger, narrower column in distraction-free mode. Colours come from the app's CSS
// variables so the editor and the chrome never disagree.

import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function baseTheme(): Extension {
  return EditorView.theme({
    "&": { color: "var(--ink)", backgroundColor: "transparent", fontSize: "18px" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: "var(--font-serif)", lineHeight: "1.7" },
    ".cm-content": { padding: "8px 0 40vh", caretColor: "var(--accent)" },
    ".cm-line": { padding: "0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
    ".cm-placeholder": { color: "var(--muted)", fontStyle: "italic" },
    "&.cm-focused ::selection, ::selection": { backgroundColor: "var(--selection)" },
  });
}

export function distractionFreeTheme(on: boolean): Extension {
  return on
    ? EditorView.theme({ "&": { fontSize: "20px" }, ".cm-scroller": { lineHeight: "1.8" } })
    : [];
}

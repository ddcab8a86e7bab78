// Undo and redo in the form's own fields. WebKitGTK binds no key to them: the browser that
// embeds it does (GNOME Web's Edit menu), and a Tauri window has no such menu, so Ctrl+Z did
// nothing in the headline, the dek or a caption (two tryouts). The field's own history is
// there all along; the keys run it here. The body's editor (CodeMirror) keeps its own.

/** Input types whose text a person types and expects Ctrl+Z to take back. */
const TEXT_INPUTS = new Set(["text", "search", "url", "email", "tel", "password", ""]);

/** Which history step a key asks for in a form field, if any. */
export function historyStep(e: KeyboardEvent): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y" && !e.shiftKey) return "redo";
  return null;
}

function isField(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) && !el.readOnly && !el.disabled;
  return false;
}

/** Listens on `doc` for the history keys in form fields and runs the field's undo or redo. */
export function installFieldUndo(doc: Document = document): () => void {
  const onKey = (e: KeyboardEvent) => {
    const step = historyStep(e);
    if (!step || e.defaultPrevented || !isField(e.target)) return;
    e.preventDefault();
    // The field's own history (an `input` event follows, so bound state and autosave see it).
    doc.execCommand(step);
  };
  doc.addEventListener("keydown", onKey);
  return () => doc.removeEventListener("keydown", onKey);
}

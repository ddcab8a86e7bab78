// CodeMirror styles itself by adding a <style> element, which the window's content security
// policy (no 'unsafe-inline') only allows with the page's nonce. Tauri stamps a fresh nonce
// on the empty <style id="csp-nonce"> of index.html at every load; this hands it on.

import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function cspNonce(): Extension {
  const nonce = (document.getElementById("csp-nonce") as HTMLStyleElement | null)?.nonce;
  return nonce ? EditorView.cspNonce.of(nonce) : [];
}

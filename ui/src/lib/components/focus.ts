// Where keyboard focus goes when the control that had it goes away, and Tab kept inside a
// modal dialog. WebKitGTK lets Shift+Tab from a modal <dialog>'s first control leave the
// dialog (forward Tab stays in), and drops focus to the page's body when the focused button
// is disabled or removed — after which the next Tab starts from where it was, one control on.

/** What Tab can reach. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Elements under `root` that Tab reaches, in order, leaving out hidden ones. */
export function tabbable(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0 && !el.closest("[hidden], [inert]"),
  );
}

/** True when nothing visible has focus (it was on a control that went away or was disabled). */
export function focusLost(doc: Document = document): boolean {
  const a = doc.activeElement as HTMLElement | null;
  if (!a || a === doc.body || a === doc.documentElement) return true;
  if (!a.isConnected || a.getClientRects().length === 0) return true;
  return a instanceof HTMLButtonElement && a.disabled;
}

/** Keeps Tab and Shift+Tab inside `node` (a modal dialog): from the last control Tab goes to
 *  the first, from the first Shift+Tab goes to the last. */
export function trapTab(node: HTMLElement): { destroy(): void } {
  function onKey(e: KeyboardEvent) {
    if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = tabbable(node);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const at = document.activeElement;
    if (e.shiftKey && (at === first || !node.contains(at))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (at === last || !node.contains(at))) {
      e.preventDefault();
      first.focus();
    }
  }
  node.addEventListener("keydown", onKey);
  return { destroy: () => node.removeEventListener("keydown", onKey) };
}

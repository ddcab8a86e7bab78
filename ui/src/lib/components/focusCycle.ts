// Tab goes round the window: from its last control to its first, and Shift+Tab from the first
// to the last. A browser hands the focus to its own toolbar there; this window has none, so
// the focus went nowhere for one press, with nothing on screen showing it (a tryout met it
// after the last photo, after "Shortcuts" and after the preview's last link). Modal dialogs
// keep Tab inside themselves (`trapTab`).

const CANDIDATES =
  'button, input, select, textarea, a[href], summary, [tabindex], [contenteditable="true"]';

/** The controls Tab stops at in `root`, in document order. */
export function tabStops(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.tabIndex < 0) return false;
    if (el instanceof HTMLInputElement && el.type === "hidden") return false;
    if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") return false;
    if (el.closest("[inert]")) return false;
    const folded = el.closest("details:not([open])");
    return !folded || el.parentElement === folded;
  });
}

export function installFocusCycle(doc: Document = document): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    if (doc.querySelector("dialog[open]")) return;
    const stops = tabStops(doc);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const active = doc.activeElement;
    const nowhere = !active || active === doc.body || active === doc.documentElement;
    if (!e.shiftKey && active && last.contains(active) && !nowhere) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && (nowhere || (active && first.contains(active)))) {
      e.preventDefault();
      last.focus();
    }
  };
  doc.addEventListener("keydown", onKey);
  return () => doc.removeEventListener("keydown", onKey);
}

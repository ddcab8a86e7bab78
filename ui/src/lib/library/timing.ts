// The library list's own clock (issue 15: "open the library ≤ 100 ms, a save's refresh ≤ 16 ms
// of main-thread time"), measured inside the page. For every change the list takes in — a
// reload (the desk opened, a filter or sort changed, a refresh), a block read as the list
// scrolled, one saved story's row — the times (performance.now()) it was asked of the core,
// answered, in the DOM, laid out, and painted (the frame after). The figures are read by the
// measurement in tests/e2e/tests/library_window.rs from `window.__datelineLibrary`; nothing in
// the app depends on them. Always on and cheap: a few numbers per change, the last `KEEP` kept.

const KEEP = 500;

/** What the pager took in: a reload, a block shown by scrolling, a saved story's row. */
export type LibraryChangeKind = "reload" | "show" | "row";

/** One change, as the pager saw it. */
export interface LibraryChange {
  what: LibraryChangeKind;
  /** The request to the core started. */
  asked: number;
  /** Its answer was in (parsed: the IPC's JSON included). */
  answered: number;
  /** Rows the change brought (a block's, a reload's, 1 for a row). */
  rows: number;
}

/** One change, on screen. */
export interface LibraryTiming extends LibraryChange {
  /** Svelte had patched the DOM (the list's script work done). */
  patched: number;
  /** Style and layout done (forced, so they are counted in the change's own task). */
  laidOut: number;
  /** The frame after: painted. */
  painted: number;
}

export const timings: LibraryTiming[] = [];

/** The change `c` is in the DOM now: lays it out, and records it once the next frame is
 *  painted. Returns at once. */
export function changeShown(c: LibraryChange, patched: number): void {
  if (typeof document === "undefined" || typeof requestAnimationFrame === "undefined") return;
  // Reading a layout size makes WebKit do the style and layout the frame would do anyway:
  // their cost is then counted here, in the task that made the change.
  void document.body.offsetHeight;
  const laidOut = performance.now();
  requestAnimationFrame(() =>
    setTimeout(() => {
      timings.push({ ...c, patched, laidOut, painted: performance.now() });
      if (timings.length > KEEP) timings.splice(0, timings.length - KEEP);
    }, 0),
  );
}

declare global {
  interface Window {
    __datelineLibrary?: LibraryTiming[];
  }
}
if (typeof window !== "undefined") {
  window.__datelineLibrary = timings;
}

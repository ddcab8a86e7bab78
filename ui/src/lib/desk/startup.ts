// Cold start, as issue 15 defines it, ends when the library is painted and the window takes
// input. The page marks that moment itself (performance mark "dateline-library-painted": the
// frame after the first library row, or the empty library's words, was in the page), so the
// measurement in tests/e2e/tests/latency.rs reads it without WebDriver's polling; then the
// work that can wait starts (the spellchecker's dictionaries, ~150 ms on the main thread).

export const LIBRARY_PAINTED = "dateline-library-painted";

const READY = '.app[data-desk="loaded"] [data-testid="library-item"], .app[data-desk="loaded"] .library p.empty';

/** Calls `then` once, on the frame after the library first shows. */
export function whenLibraryPainted(then: () => void): () => void {
  let done = false;
  const painted = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    performance.mark("dateline-library-in-page");
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(LIBRARY_PAINTED);
        then();
      }, 0),
    );
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(READY)) painted();
  });
  if (document.querySelector(READY)) painted();
  else
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-desk"],
    });
  return () => observer.disconnect();
}

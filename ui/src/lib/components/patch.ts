// The preview's body is patched, not replaced: the core renders the whole body (the same
// function and HTML as the export), and the page swaps in only the top-level blocks that
// differ from what is on screen. Typing in one paragraph of a 10,000-word story changes one
// node, so WebKit lays out one paragraph instead of the whole story, and the preview keeps its
// scroll position.

/** What one patch did, for measurements and tests. */
export interface Patched {
  removed: number;
  added: number;
}

/**
 * Makes `target`'s children equal to the nodes `html` parses to, touching only the run of
 * top-level nodes between the longest common prefix and suffix.
 */
export function patchChildren(target: Element, html: string): Patched {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const next = Array.from(tpl.content.childNodes);
  const prev = Array.from(target.childNodes);

  let start = 0;
  while (start < prev.length && start < next.length && prev[start]!.isEqualNode(next[start]!)) {
    start += 1;
  }
  let endPrev = prev.length - 1;
  let endNext = next.length - 1;
  while (endPrev >= start && endNext >= start && prev[endPrev]!.isEqualNode(next[endNext]!)) {
    endPrev -= 1;
    endNext -= 1;
  }

  const before = prev[endPrev + 1] ?? null;
  for (let i = start; i <= endPrev; i += 1) prev[i]!.remove();
  const fresh = document.createDocumentFragment();
  for (let i = start; i <= endNext; i += 1) fresh.appendChild(next[i]!);
  target.insertBefore(fresh, before);
  return { removed: Math.max(0, endPrev - start + 1), added: Math.max(0, endNext - start + 1) };
}

/** Svelte action: keeps `node`'s children equal to `html`, patching on each change. */
export function patchedHtml(node: HTMLElement, html: string) {
  patchChildren(node, html);
  return {
    update(next: string) {
      patchChildren(node, next);
    },
  };
}

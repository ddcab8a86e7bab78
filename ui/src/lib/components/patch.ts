// The preview's body as keyed blocks (issue 15). The core renders the body in top-level blocks
// (`render_preview`: the same HTML as the export's render, cut at its blocks) and sends the
// HTML only of blocks this page does not hold; the page keeps each block's nodes under its key
// and, for a new render, swaps only the run of blocks between the longest common prefix and
// suffix of keys, parsing only the HTML it was sent. Typing in one paragraph of a 10,000-word
// story parses and swaps one paragraph; the other nodes are never touched, so the preview
// keeps its scroll position and WebKit lays out one block.

import { previewUrl, type PreviewRender } from "../backend";

/** What one render changed, for measurements and tests. */
export interface Patched {
  removed: number;
  added: number;
}

interface Held {
  key: string;
  html: string;
  /** The block's nodes in the attached element; empty while detached. */
  nodes: Node[];
}

/** A render named HTML the page does not hold: ask again with `since` = null. */
export class LostTrack extends Error {}

export class PreviewBody {
  /** The render shown, to name as `since` in the next request. */
  id: number | null = null;
  #blocks: Held[] = [];
  #target: Element | null = null;

  /** The body's HTML as shown: the export's render of the body. */
  html(): string {
    return this.#blocks.map((b) => b.html).join("");
  }

  /** Shows `r`; throws `LostTrack` (showing nothing new) when it relies on HTML not held. */
  take(r: PreviewRender): Patched {
    const prev = this.#blocks;
    const next = r.blocks;
    let start = 0;
    while (start < prev.length && start < next.length && prev[start]!.key === next[start]!.key) {
      start += 1;
    }
    let endPrev = prev.length - 1;
    let endNext = next.length - 1;
    while (endPrev >= start && endNext >= start && prev[endPrev]!.key === next[endNext]!.key) {
      endPrev -= 1;
      endNext -= 1;
    }

    // The HTML of every key the page holds (a key the core did not resend is one of these).
    const held = new Map<string, string>();
    for (const b of prev) held.set(b.key, b.html);
    const middle: Held[] = [];
    for (let i = start; i <= endNext; i += 1) {
      const b = next[i]!;
      const html = b.html ?? held.get(b.key);
      if (html === undefined) throw new LostTrack(`block ${b.key}`);
      held.set(b.key, html);
      middle.push({ key: b.key, html, nodes: [] });
    }

    const target = this.#target;
    if (target) {
      // Blocks that only moved keep their nodes; the rest are parsed from their HTML.
      const spare = new Map<string, Node[][]>();
      for (let i = start; i <= endPrev; i += 1) {
        const b = prev[i]!;
        for (const n of b.nodes) n.parentNode?.removeChild(n);
        const list = spare.get(b.key) ?? [];
        list.push(b.nodes);
        spare.set(b.key, list);
      }
      let before: Node | null = null;
      for (let i = endPrev + 1; i < prev.length && !before; i += 1) before = prev[i]!.nodes[0] ?? null;
      const fresh = document.createDocumentFragment();
      for (const b of middle) {
        b.nodes = spare.get(b.key)?.pop() ?? parse(b.html);
        for (const n of b.nodes) fresh.appendChild(n);
      }
      target.insertBefore(fresh, before);
    }
    this.#blocks = [...prev.slice(0, start), ...middle, ...prev.slice(endPrev + 1)];
    this.id = r.id;
    return { removed: Math.max(0, endPrev - start + 1), added: middle.length };
  }

  /** Forgets what is shown: the next render sends every block. */
  forget(): void {
    this.id = null;
  }

  /** Shows the body in `target` (emptied first), and keeps it there. */
  attach(target: Element): void {
    this.#target = target;
    target.replaceChildren();
    const all = document.createDocumentFragment();
    for (const b of this.#blocks) {
      b.nodes = parse(b.html);
      for (const n of b.nodes) all.appendChild(n);
    }
    target.appendChild(all);
  }

  detach(target: Element): void {
    if (this.#target !== target) return;
    this.#target = null;
    for (const b of this.#blocks) b.nodes = [];
  }
}

/** Where a figure of the text gets its caption line (its caption and credit, as the exported
 *  page's figure has them): the window asks the core, which composes it in the story's
 *  language. `fill` may be called later, once the answer comes. */
export type CaptionSource = (photoId: number, fill: (line: string) => void) => void;
let captionOf: CaptionSource = () => {};

/** Sets where figures get their caption lines, and fills the ones on screen in `root` again
 *  (the photo desk changed a caption, the story's language changed). */
export function setCaptionSource(source: CaptionSource, root: ParentNode | null = null): void {
  captionOf = source;
  if (root) for (const c of root.querySelectorAll<HTMLElement>("figcaption[data-caption-for]")) fillCaption(c);
}

function fillCaption(c: HTMLElement): void {
  captionOf(Number(c.dataset["captionFor"]), (line) => (c.textContent = line));
}

function parse(html: string): Node[] {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  // A photo of the text names its photo; the window's photo scheme serves it.
  for (const img of tpl.content.querySelectorAll<HTMLImageElement>("img[data-photo-id]")) {
    img.src = previewUrl(Number(img.dataset["photoId"]));
  }
  for (const c of tpl.content.querySelectorAll<HTMLElement>("figcaption[data-caption-for]")) fillCaption(c);
  return Array.from(tpl.content.childNodes);
}

/** Svelte action: shows `body` in `node` while it is mounted. */
export function previewBody(node: HTMLElement, body: PreviewBody) {
  body.attach(node);
  return {
    update(next: PreviewBody) {
      if (next === body) return;
      body.detach(node);
      body = next;
      body.attach(node);
    },
    destroy() {
      body.detach(node);
    },
  };
}

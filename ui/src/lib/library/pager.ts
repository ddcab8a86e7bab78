// The library's rows as the windowed list needs them (issue 15): the count of stories the
// filter selects, and only the blocks of rows around what the list shows, asked for as the
// person scrolls. A desk of 100,000 stories is never read whole: a refresh reads the counts
// and the blocks on screen again, and a save replaces its one row.
//
// Rows are held in blocks of `blockSize` from the top. A block after one already held is asked
// for after that block's cursor (one seek in the core's index, rows added above it do not
// shift it); a block reached by a jump of the scroll bar, or read again by a refresh, is asked
// for at its offset. Plain TypeScript, so Vitest runs it without a window.

import type {
  ArticleSummary,
  LibraryCounts,
  LibraryCursor,
  LibraryPage,
  LibraryPageRequest,
  LibraryQuery,
} from "../backend/types";
import type { LibraryChange } from "./timing";

/** Where the pager reads: the backend's three library calls. */
export interface PageSource {
  page(request: LibraryPageRequest): Promise<LibraryPage>;
  counts(query: LibraryQuery): Promise<LibraryCounts>;
  summary(id: number): Promise<ArticleSummary>;
}

export interface PagerOptions {
  /** Rows per request. */
  blockSize?: number;
  /** Rows held beyond each edge of what the list shows. */
  margin?: number;
}

/**
 * The blocks covering rows `[first, last)` widened by `margin` on each side, within `total`
 * rows: the block numbers, in order.
 */
export function blocksFor(
  first: number,
  last: number,
  total: number,
  blockSize: number,
  margin: number,
): number[] {
  const from = Math.max(0, first - margin);
  const to = Math.min(total, Math.max(last, first) + margin);
  if (to <= from) return [];
  const blocks: number[] = [];
  for (let b = Math.floor(from / blockSize); b <= Math.floor((to - 1) / blockSize); b++) {
    blocks.push(b);
  }
  return blocks;
}

interface Block {
  rows: ArticleSummary[];
  /** Where the block after it starts; `null` after the last. */
  next: LibraryCursor | null;
}

export class LibraryPager {
  /** Stories the query selects. */
  total = 0;
  counts: LibraryCounts | null = null;

  readonly #source: PageSource;
  readonly #changed: (change: LibraryChange) => void;
  readonly #blockSize: number;
  readonly #margin: number;
  #query: LibraryQuery = { sort: "updated", trashed: false };
  #blocks = new Map<number, Block>();
  /** Bumped by every reload: answers to older requests are dropped. */
  #generation = 0;
  #pending = new Map<number, Promise<void>>();
  /** The rows the list shows, `[first, last)`. */
  #range: [number, number] = [0, 0];

  /** `changed` is called after every change of the rows or counts, with what it was and
   *  when it was asked and answered (`timing.ts`). */
  constructor(
    source: PageSource,
    changed: (change: LibraryChange) => void,
    options: PagerOptions = {},
  ) {
    this.#source = source;
    this.#changed = changed;
    this.#blockSize = options.blockSize ?? 100;
    this.#margin = options.margin ?? 50;
  }

  get query(): LibraryQuery {
    return this.#query;
  }

  /** Row `i` of the list, if it has been read. */
  rowAt(i: number): ArticleSummary | undefined {
    return this.#blocks.get(Math.floor(i / this.#blockSize))?.rows[i % this.#blockSize];
  }

  /** The rows held, in list order (the first screenful, at least, once loaded). */
  rows(): ArticleSummary[] {
    return [...this.#blocks.entries()].sort(([a], [b]) => a - b).flatMap(([, b]) => b.rows);
  }

  /** Where story `id` is in the list, or -1 when its row is not held. */
  indexOf(id: number): number {
    for (const [n, block] of this.#blocks) {
      const i = block.rows.findIndex((a) => a.id === id);
      if (i >= 0) return n * this.#blockSize + i;
    }
    return -1;
  }

  /**
   * Reads `query`'s counts and the blocks on screen, and shows them together when both are
   * in; until then the rows on screen stay. An answer overtaken by a newer reload is dropped.
   * Throws what the source throws (the rows on screen then stay as they were).
   */
  async reload(query: LibraryQuery = this.#query): Promise<void> {
    const generation = ++this.#generation;
    const asked = performance.now();
    const sameQuery = JSON.stringify(query) === JSON.stringify(this.#query);
    // Another filter is another list, shown from its top.
    const [first, last] = sameQuery ? this.#range : [0, Math.max(1, this.#range[1] - this.#range[0])];
    const counts = await this.#source.counts(query);
    if (generation !== this.#generation) return;
    const total = counts.total;
    const wanted = blocksFor(first, last, total, this.#blockSize, this.#margin);
    const blocks = await Promise.all(wanted.map((b) => this.#fetch(query, b, null)));
    const answered = performance.now();
    if (generation !== this.#generation) return;
    this.#query = query;
    this.#range = [first, last];
    this.counts = counts;
    this.total = total;
    this.#blocks = new Map(wanted.map((b, i) => [b, blocks[i]!]));
    this.#pending.clear();
    this.#changed({
      what: "reload",
      asked,
      answered,
      rows: blocks.reduce((n, b) => n + b.rows.length, 0),
    });
  }

  /**
   * The list shows rows `[first, last)`: reads the blocks around them not held yet, each after
   * the cursor of the block before it when that one is held.
   */
  async show(first: number, last: number): Promise<void> {
    this.#range = [first, last];
    const generation = this.#generation;
    const query = this.#query;
    const missing = blocksFor(first, last, this.total, this.#blockSize, this.#margin).filter(
      (b) => !this.#blocks.has(b),
    );
    await Promise.all(
      missing.map((b) => {
        let p = this.#pending.get(b);
        if (!p) {
          const asked = performance.now();
          p = this.#fetch(query, b, this.#blocks.get(b - 1)?.next ?? null)
            .then((block) => {
              const answered = performance.now();
              // A reload since (or one that was under way and has finished) read another
              // list: this block belongs to none on screen.
              if (generation !== this.#generation || query !== this.#query) return;
              this.#blocks.set(b, block);
              this.#changed({
                what: "show",
                asked,
                answered,
                rows: block.rows.length,
              });
            })
            .finally(() => {
              if (this.#pending.get(b) === p) this.#pending.delete(b);
            });
          this.#pending.set(b, p);
        }
        return p;
      }),
    );
  }

  /**
   * Story `id` was saved: its row, where the list holds it, takes the stored story's values.
   * It keeps its place (the list does not jump under the writer); the next reload puts it
   * where the sort says.
   */
  async refreshRow(id: number): Promise<void> {
    if (this.indexOf(id) < 0) return;
    const generation = this.#generation;
    const asked = performance.now();
    const row = await this.#source.summary(id);
    const answered = performance.now();
    if (generation !== this.#generation) return;
    const at = this.indexOf(id);
    if (at < 0) return;
    const block = this.#blocks.get(Math.floor(at / this.#blockSize))!;
    block.rows = block.rows.map((a, i) => (i === at % this.#blockSize ? row : a));
    this.#changed({ what: "row", asked, answered, rows: 1 });
  }

  async #fetch(query: LibraryQuery, b: number, after: LibraryCursor | null): Promise<Block> {
    const page = await this.#source.page({
      query,
      after,
      offset: after ? 0 : b * this.#blockSize,
      limit: this.#blockSize,
    });
    return { rows: page.rows, next: page.next ?? null };
  }
}

// The desk's lists as the window shows them: the library (its filter, its search and their
// answers), the photos, and the managed lists (sections, authors, tags) and templates that
// the form, the filters and the People screen offer. Each refresh asks the core again; a
// failure is reported through the session and leaves the lists as they were. The library is
// read a window at a time (`library/pager.ts`, issue 15): a refresh reads its counts and the
// rows on screen, and a save replaces its one row.

import { flushSync } from "svelte";

import { t, ui } from "../i18n";
import * as backend from "../backend";
import type {
  ArticleSummary,
  Author,
  Hero,
  LibraryQuery,
  Photo,
  SearchHit,
  Section,
  TagInfo,
  Template,
} from "../backend";
import { LibraryPager } from "../library/pager";
import { changeShown } from "../library/timing";
import type { Session } from "./session.svelte";

export class Catalogue {
  /** The library's rows around what its list shows, and its counts. */
  readonly library: LibraryPager;
  /** Bumped whenever the library's rows or counts change: what the list re-reads on. */
  libraryVersion = $state(0);
  /** What the library shows: filters, sort, and whether it is the trash. */
  filter = $state<LibraryQuery>({ sort: "updated", trashed: false });
  query = $state("");
  /** The search's answers, `null` while nothing is searched. */
  hits = $state<SearchHit[] | null>(null);
  photos = $state<Map<number, Photo>>(new Map());
  sections = $state<Section[]>([]);
  authors = $state<Author[]>([]);
  tags = $state<TagInfo[]>([]);
  templates = $state<Template[]>([]);

  #session: Session;

  constructor(session: Session) {
    this.#session = session;
    this.library = new LibraryPager(
      {
        page: backend.libraryPage,
        counts: backend.libraryCounts,
        summary: backend.articleSummary,
      },
      (change) => {
        this.libraryVersion++;
        // The list takes the change now, in this task, so what it costs the main thread is
        // measured (library/timing.ts); it would otherwise be patched in the next microtask.
        flushSync();
        changeShown(change, performance.now());
      },
    );
  }

  /** The library's rows held (the top of the list at least), in order. */
  get articles(): ArticleSummary[] {
    void this.libraryVersion;
    return this.library.rows();
  }

  /** Where the window may open: story `remembered` first when it is on the desk, then the
   *  rows held. */
  async openable(remembered: number | null): Promise<ArticleSummary[]> {
    const rows = this.articles;
    if (remembered === null || rows.some((a) => a.id === remembered)) return rows;
    const row = await backend.articleSummary(remembered).catch(() => null);
    return row && row.deleted_at === null ? [row, ...rows] : rows;
  }

  /** Everything, at start. Throws: a desk whose lists cannot be read cannot be opened. */
  async load(): Promise<void> {
    // The library's first page first: it is what the window paints first, and every command
    // waits its turn on the desk's one lock — asked together, the lists (a 100,000-story
    // desk's tags take 0.76 s) came before it.
    await this.library.reload($state.snapshot(this.filter));
    const [ps, ss, as, ts] = await Promise.all([
      backend.listPhotos(),
      backend.listSections(),
      backend.listAuthors(),
      backend.listTags(),
    ]);
    this.photos = new Map(ps.map((p) => [p.id, p]));
    this.sections = ss;
    this.authors = as;
    this.tags = ts;
  }

  /** The templates in `language`'s words: the window's language, read again when it changes. */
  async loadTemplates(language: string): Promise<void> {
    await this.#session.attempt(async () => {
      const list = await backend.listTemplates(language);
      // A slower answer for a language the window has left does not replace the newer one.
      if (language === ui.language) this.templates = list;
    });
  }

  /**
   * The library under the current filter — its counts and the rows on screen, the place kept
   * — and the search's answers if one is typed. Only the newest filter's answer shows.
   */
  async refreshLibrary(): Promise<void> {
    const filter = $state.snapshot(this.filter);
    await this.#session.attempt(async () => {
      await this.library.reload(filter);
      await this.#searchAgain();
    });
  }

  /** Story `id` was saved: its row in the library (and the search's answers, if any). */
  async refreshRow(id: number): Promise<void> {
    await this.#session.attempt(async () => {
      await this.library.refreshRow(id);
      await this.#searchAgain();
    });
  }

  /** The list shows rows `[first, last)`: the rows around them are read if not held. */
  async showRows(first: number, last: number): Promise<void> {
    await this.#session.attempt(() => this.library.show(first, last));
  }

  async #searchAgain(): Promise<void> {
    const q = this.query.trim();
    if (q) this.hits = await backend.search(q);
  }

  /** Searches `q` (trimmed); an empty query clears the answers. */
  async search(q: string): Promise<void> {
    if (!q.trim()) {
      this.hits = null;
      return;
    }
    await this.#session.attempt(async () => {
      this.hits = await backend.search(q.trim());
    });
  }

  /** The managed lists the filters and the People screen offer, with their counts. */
  async refreshLists(): Promise<void> {
    await this.#session.attempt(async () => {
      [this.sections, this.authors, this.tags] = await Promise.all([
        backend.listSections(),
        backend.listAuthors(),
        backend.listTags(),
      ]);
    });
  }

  async refreshPhotos(): Promise<void> {
    await this.#session.attempt(async () => {
      this.photos = new Map((await backend.listPhotos()).map((p) => [p.id, p]));
    });
  }

  /** The desk's photos a hero shows, in its order (missing ones left out). */
  heroPhotos(hero: Hero | null): Photo[] {
    return (hero?.photos ?? [])
      .map((h) => this.photos.get(h.photo_id))
      .filter((p): p is Photo => p !== undefined);
  }

  /** Deletes the trash for good (the library asked the person first). */
  async emptyTrash(): Promise<void> {
    await this.#session.attempt(async () => {
      const n = await backend.emptyTrash();
      this.#session.toast = {
        text: t("trash-emptied", { count: n }),
      };
      await this.refreshLibrary();
    });
  }

  /** "More from <author>", "More in <section>", a tag: the library, filtered. */
  filterBy(f: Partial<LibraryQuery>): void {
    this.query = "";
    this.filter = { sort: this.filter.sort, trashed: false, ...f };
  }
}

// The desk's lists as the window shows them: the library (its filter, its search and their
// answers), the photos, and the managed lists (sections, authors, tags) and templates that
// the form, the filters and the People screen offer. Each refresh asks the core again; a
// failure is reported through the session and leaves the lists as they were.

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
import type { Session } from "./session.svelte";

export class Catalogue {
  articles = $state<ArticleSummary[]>([]);
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
  /** Answers of older library requests are dropped: only the newest filter shows. */
  #libraryRequest = 0;

  constructor(session: Session) {
    this.#session = session;
  }

  /** Everything, at start. Throws: a desk whose lists cannot be read cannot be opened. */
  async load(): Promise<void> {
    const [list, ps, ss, as, ts, tpl] = await Promise.all([
      backend.listLibrary($state.snapshot(this.filter)),
      backend.listPhotos(),
      backend.listSections(),
      backend.listAuthors(),
      backend.listTags(),
      backend.listTemplates(),
    ]);
    this.articles = list;
    this.photos = new Map(ps.map((p) => [p.id, p]));
    this.sections = ss;
    this.authors = as;
    this.tags = ts;
    this.templates = tpl;
  }

  /** The library under the current filter, and the search's answers if one is typed. */
  async refreshLibrary(): Promise<void> {
    const n = ++this.#libraryRequest;
    const filter = $state.snapshot(this.filter);
    await this.#session.attempt(async () => {
      const list = await backend.listLibrary(filter);
      if (n === this.#libraryRequest) this.articles = list;
      const q = this.query.trim();
      if (q) this.hits = await backend.search(q);
    });
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
        text: `${n.toLocaleString("en")} ${n === 1 ? "story" : "stories"} deleted for good.`,
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

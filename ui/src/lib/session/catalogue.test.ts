// The library list under quick changes of filter: only the newest filter's answer shows, and
// a failure is said in the notice while the list on screen stays.

import { describe, expect, test, vi } from "vitest";
import type {
  ArticleSummary,
  ErrorDto,
  LibraryCounts,
  LibraryPageRequest,
  LibraryQuery,
} from "../backend";

/** Library counts the test answers by hand, in any order; pages come from `rows`. */
const pending = vi.hoisted(
  () =>
    [] as {
      query: LibraryQuery;
      answer: () => void;
      fail: (e: unknown) => void;
    }[],
);
const rows = vi.hoisted(() => new Map<string, ArticleSummary[]>());
const listed = (q: LibraryQuery) => rows.get(q.status ?? "") ?? [];

vi.mock(import("../backend"), async (original) => ({
  ...(await original()),
  libraryCounts: (query: LibraryQuery) =>
    new Promise<LibraryCounts>((answer, fail) =>
      pending.push({
        query,
        answer: () => answer({ total: listed(query).length, by_status: [] }),
        fail,
      }),
    ),
  libraryPage: async (r: LibraryPageRequest) => ({
    rows: listed(r.query).slice(r.offset, r.offset + r.limit),
    next: null,
  }),
  search: async () => [],
}));

const { Session } = await import("./session.svelte");
const { Catalogue } = await import("./catalogue.svelte");

const story = (id: number, headline: string) => ({ id, headline }) as ArticleSummary;

describe("the library list", () => {
  test("shows only the newest filter's answer, whatever order the answers come in", async () => {
    rows.set("draft", [story(1, "Draft story")]);
    rows.set("published", [story(2, "Published story")]);
    const catalogue = new Catalogue(new Session());
    catalogue.filter = { sort: "updated", trashed: false, status: "draft" };
    const first = catalogue.refreshLibrary();
    catalogue.filter = { sort: "updated", trashed: false, status: "published" };
    const second = catalogue.refreshLibrary();
    expect(pending.map((p) => p.query.status)).toEqual(["draft", "published"]);

    pending[1]!.answer();
    await second;
    // The older request answers last: it must not replace the newer list.
    pending[0]!.answer();
    await first;
    expect(catalogue.articles.map((a) => a.headline)).toEqual(["Published story"]);
    expect(catalogue.library.total).toBe(1);
  });

  test("a failure is said in the notice, and the list on screen stays", async () => {
    pending.length = 0;
    rows.set("", [story(1, "On screen")]);
    const session = new Session();
    const catalogue = new Catalogue(session);
    const shown = catalogue.refreshLibrary();
    pending[0]!.answer();
    await shown;
    const refresh = catalogue.refreshLibrary();
    pending[1]!.fail({ code: "io", message: "The desk could not be read." } satisfies ErrorDto);
    await refresh;
    expect(session.problem).toBe("The desk could not be read.");
    expect(catalogue.articles.map((a) => a.headline)).toEqual(["On screen"]);
  });

  test("a name in People filters the library, keeping the sort and leaving the trash", () => {
    const catalogue = new Catalogue(new Session());
    catalogue.query = "reforma";
    catalogue.filter = { sort: "headline", trashed: true };
    catalogue.filterBy({ author: "Ana Pérez" });
    expect(catalogue.query).toBe("");
    expect(catalogue.filter).toEqual({ sort: "headline", trashed: false, author: "Ana Pérez" });
  });
});

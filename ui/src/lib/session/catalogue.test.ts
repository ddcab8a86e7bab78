// The library list under quick changes of filter: only the newest filter's answer shows, and
// a failure is said in the notice while the list on screen stays.

import { describe, expect, test, vi } from "vitest";
import type { ArticleSummary, ErrorDto, LibraryQuery } from "../backend";

/** Library requests the test answers by hand, in any order. */
const pending = vi.hoisted(
  () =>
    [] as {
      query: LibraryQuery;
      answer: (list: ArticleSummary[]) => void;
      fail: (e: unknown) => void;
    }[],
);

vi.mock(import("../backend"), async (original) => ({
  ...(await original()),
  listLibrary: (query: LibraryQuery) =>
    new Promise<ArticleSummary[]>((answer, fail) => pending.push({ query, answer, fail })),
  search: async () => [],
}));

const { Session } = await import("./session.svelte");
const { Catalogue } = await import("./catalogue.svelte");

const story = (id: number, headline: string) => ({ id, headline }) as ArticleSummary;

describe("the library list", () => {
  test("shows only the newest filter's answer, whatever order the answers come in", async () => {
    const catalogue = new Catalogue(new Session());
    catalogue.filter = { sort: "updated", trashed: false, status: "draft" };
    const first = catalogue.refreshLibrary();
    catalogue.filter = { sort: "updated", trashed: false, status: "published" };
    const second = catalogue.refreshLibrary();
    expect(pending.map((p) => p.query.status)).toEqual(["draft", "published"]);

    pending[1]!.answer([story(2, "Published story")]);
    await second;
    // The older request answers last: it must not replace the newer list.
    pending[0]!.answer([story(1, "Draft story")]);
    await first;
    expect(catalogue.articles.map((a) => a.headline)).toEqual(["Published story"]);
  });

  test("a failure is said in the notice, and the list on screen stays", async () => {
    pending.length = 0;
    const session = new Session();
    const catalogue = new Catalogue(session);
    catalogue.articles = [story(1, "On screen")];
    const refresh = catalogue.refreshLibrary();
    pending[0]!.fail({ code: "io", message: "The desk could not be read." } satisfies ErrorDto);
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

// The library's windowing against a desk held in memory: only the blocks around what the list
// shows are read, scrolling on asks after the last block's cursor, a refresh reads the screen
// again and keeps its place, a save replaces one row, and an older filter's answer never
// replaces a newer one.

import { describe, expect, test } from "vitest";
import type {
  ArticleSummary,
  LibraryCounts,
  LibraryPage,
  LibraryPageRequest,
  LibraryQuery,
  Status,
} from "../backend/types";
import { blocksFor, LibraryPager, type PageSource } from "./pager";

const story = (id: number, status: Status = "draft"): ArticleSummary => ({
  id,
  slug: `s-${id}`,
  headline: `Story ${id}`,
  status,
  section: null,
  bylines: [],
  tags: [],
  language: "en",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  deleted_at: null,
});

/** `n` stories, newest (highest id) first, and a log of what was asked. */
function desk(n: number) {
  const rows = Array.from({ length: n }, (_, i) => story(n - i, i % 2 ? "published" : "draft"));
  const asked: string[] = [];
  const matching = (q: LibraryQuery) => rows.filter((a) => !q.status || a.status === q.status);
  const source: PageSource = {
    async page(r: LibraryPageRequest): Promise<LibraryPage> {
      const list = matching(r.query);
      const start = r.after ? list.findIndex((a) => a.id === r.after!.id) + 1 : r.offset;
      asked.push(r.after ? `after ${r.after.id}` : `at ${r.offset}`);
      const page = list.slice(start, start + r.limit);
      const more = start + r.limit < list.length;
      const last = page[page.length - 1];
      return { rows: page, next: more && last ? { rank: 0, key: "", id: last.id } : null };
    },
    async counts(q: LibraryQuery): Promise<LibraryCounts> {
      asked.push("counts");
      return { total: matching(q).length, by_status: [] };
    },
    async summary(id: number) {
      asked.push(`row ${id}`);
      return rows.find((a) => a.id === id)!;
    },
  };
  return { rows, asked, source };
}

const all: LibraryQuery = { sort: "updated", trashed: false };

describe("blocksFor", () => {
  const check = (first: number, last: number, total: number, want: number[]) =>
    expect(blocksFor(first, last, total, 100, 20)).toEqual(want);
  test("covers the rows shown and the margin, within the list", () => {
    check(0, 10, 100_000, [0]);
    check(90, 100, 100_000, [0, 1]);
    check(99_000, 99_010, 100_000, [989, 990]);
    check(99_990, 100_000, 100_000, [999]);
    check(0, 0, 0, []);
    check(0, 10, 5, [0]);
  });
});

describe("the library pager", () => {
  test("reads the counts and only the first block of a 100,000-story desk", async () => {
    const d = desk(100_000);
    let changes = 0;
    const pager = new LibraryPager(d.source, () => changes++);
    await pager.reload(all);
    expect(pager.total).toBe(100_000);
    expect(d.asked).toEqual(["counts", "at 0"]);
    expect(pager.rowAt(0)?.id).toBe(100_000);
    expect(pager.rowAt(99)?.id).toBe(99_901);
    expect(pager.rowAt(100)).toBeUndefined();
    expect(changes).toBe(1);
  });

  test("scrolling on asks after the held block's cursor; a jump asks at the offset", async () => {
    const d = desk(1000);
    const pager = new LibraryPager(d.source, () => {});
    await pager.reload(all);
    d.asked.length = 0;
    await pager.show(90, 100);
    expect(d.asked).toEqual([`after ${d.rows[99]!.id}`]);
    expect(pager.rowAt(149)).toEqual(d.rows[149]);
    d.asked.length = 0;
    await pager.show(700, 710);
    expect(d.asked).toEqual(["at 600", "at 700"]);
    expect(pager.rowAt(705)).toEqual(d.rows[705]);
    // Rows already held are not asked for again.
    d.asked.length = 0;
    await pager.show(690, 700);
    expect(d.asked).toEqual([]);
  });

  test("a refresh reads the counts and the blocks on screen again, keeping its place", async () => {
    const d = desk(1000);
    const pager = new LibraryPager(d.source, () => {});
    await pager.reload(all);
    await pager.show(500, 510);
    d.rows.splice(0, 1); // A story above is trashed.
    d.asked.length = 0;
    await pager.reload();
    expect(d.asked).toEqual(["counts", "at 400", "at 500"]);
    expect(pager.total).toBe(999);
    expect(pager.rowAt(500)).toEqual(d.rows[500]);
    // Blocks away from the screen are dropped, to be read when reached.
    expect(pager.rowAt(0)).toBeUndefined();
  });

  test("another filter starts from its top", async () => {
    const d = desk(1000);
    const pager = new LibraryPager(d.source, () => {});
    await pager.reload(all);
    await pager.show(500, 510);
    d.asked.length = 0;
    await pager.reload({ ...all, status: "published" });
    expect(d.asked).toEqual(["counts", "at 0"]);
    expect(pager.total).toBe(500);
    expect(pager.rowAt(0)?.status).toBe("published");
  });

  test("a save replaces its one row, in place; a row not held asks nothing", async () => {
    const d = desk(1000);
    let changes = 0;
    const pager = new LibraryPager(d.source, () => changes++);
    await pager.reload(all);
    const id = d.rows[3]!.id;
    d.rows[3] = { ...d.rows[3]!, headline: "Saved headline" };
    d.asked.length = 0;
    await pager.refreshRow(id);
    expect(d.asked).toEqual([`row ${id}`]);
    expect(pager.rowAt(3)?.headline).toBe("Saved headline");
    expect(changes).toBe(2);
    d.asked.length = 0;
    await pager.refreshRow(d.rows[900]!.id);
    expect(d.asked).toEqual([]);
  });

  test("only the newest reload shows, whatever order the answers come in", async () => {
    const d = desk(1000);
    const held: (() => void)[] = [];
    const slow: PageSource = {
      ...d.source,
      counts: (q) =>
        new Promise((resolve) => held.push(() => void d.source.counts(q).then(resolve))),
    };
    const pager = new LibraryPager(slow, () => {});
    const drafts = pager.reload({ ...all, status: "draft" });
    const published = pager.reload({ ...all, status: "published" });
    held[1]!();
    await published;
    held[0]!();
    await drafts;
    expect(pager.query.status).toBe("published");
    expect(pager.rowAt(0)?.status).toBe("published");
  });

  test("a block asked for while another filter loads never lands in the new list", async () => {
    const d = desk(1000);
    // Pages of the old filter answer only when let go.
    const held: (() => void)[] = [];
    let hold = false;
    const slow: PageSource = {
      ...d.source,
      page: (r) =>
        !hold || r.query.status
          ? d.source.page(r)
          : new Promise((resolve) => held.push(() => void d.source.page(r).then(resolve))),
    };
    const pager = new LibraryPager(slow, () => {});
    await pager.reload(all);
    hold = true;
    // The list scrolls while the new filter's reload is under way; the old list's blocks
    // answer after the new list is in.
    const reload = pager.reload({ ...all, status: "published" });
    const scrolled = pager.show(300, 310);
    await reload;
    for (const go of held) go();
    await scrolled;
    expect(pager.total).toBe(500);
    for (let i = 0; i < 500; i++) {
      const row = pager.rowAt(i);
      if (row) expect(row.status).toBe("published");
    }
  });

  test("a failed reload leaves the rows on screen", async () => {
    const d = desk(300);
    let fail = false;
    const flaky: PageSource = {
      ...d.source,
      counts: (q) => (fail ? Promise.reject(new Error("disk")) : d.source.counts(q)),
    };
    const pager = new LibraryPager(flaky, () => {});
    await pager.reload(all);
    fail = true;
    await expect(pager.reload()).rejects.toThrow("disk");
    expect(pager.rowAt(0)).toEqual(d.rows[0]);
    expect(pager.total).toBe(300);
  });
});

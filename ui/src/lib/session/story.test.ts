// The open story's actions as the writer meets them, against a small desk held in memory in
// place of the Rust side: what was typed is stored before anything else happens, a failure
// keeps the writer where they are and says why, and the trash always has its Undo.

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type {
  Article,
  ArticleDraft,
  ArticleSummary,
  ErrorDto,
  LibraryPageRequest,
  LibraryQuery,
  SaveBase,
  Status,
  Unsaved,
} from "../backend";

/** The desk behind the mocked backend: articles by id, and a switch to make saves fail. */
const desk = vi.hoisted(() => ({
  /** The library's reads: "page", "counts", "row <id>". */
  libraryReads: [] as string[],
  articles: new Map<number, Article>(),
  trashed: new Set<number>(),
  nextId: 1,
  failSaves: null as ErrorDto | null,
  calls: [] as string[],
  /** Each stored version its own time, as the core gives it. */
  clock: 0,
  /** Runs while a save is on its way (the writer typing meanwhile). */
  duringSave: null as (() => void) | null,
  /** A story's read waits for its gate to open (a slow disk, a busy core). */
  gates: new Map<number, Promise<void>>(),
  /** Forms kept beside the desk (crash safety), by story id; null for a new story. */
  kept: new Map<number | null, Unsaved>(),
}));

vi.mock(import("../backend"), async (original) => {
  const real = await original();
  const article = (id: number): Article => {
    const a = desk.articles.get(id);
    if (!a) throw { code: "not_found", message: `There is no article ${id}.` } satisfies ErrorDto;
    return structuredClone(a);
  };
  const store = (id: number, d: ArticleDraft): Article => {
    if (desk.failSaves) throw desk.failSaves;
    // As the core: a typed slug another story has is refused; none keeps the story's own.
    const taken = [...desk.articles.values()].some((o) => o.id !== id && o.slug === d.slug);
    if (d.slug !== null && taken)
      throw { code: "conflict", message: `The slug “${d.slug}” is already used by another article.` } satisfies ErrorDto;
    const a: Article = {
      id,
      slug: d.slug ?? desk.articles.get(id)?.slug ?? d.headline.toLowerCase().replace(/\W+/g, "-"),
      headline: d.headline,
      dek: d.dek,
      body: d.body,
      dateline: d.dateline,
      section: d.section,
      tags: d.tags,
      language: d.language ?? "en",
      status: d.status ?? "draft",
      bylines: d.bylines.map((b) => ({ ...b, role: b.role ?? null })),
      hero: d.hero,
      front_matter_extra: d.front_matter_extra,
      created_at: "2026-11-30T10:00:00Z",
      updated_at: `2026-11-30T10:${String(desk.clock++).padStart(2, "0")}:00Z`,
    };
    desk.articles.set(id, a);
    return structuredClone(a);
  };
  const summary = (a: Article): ArticleSummary => ({
    ...a,
    bylines: a.bylines.map((b) => b.name),
    deleted_at: desk.trashed.has(a.id) ? "2026-11-30T10:00:00Z" : null,
  });
  const log = (what: string) => desk.calls.push(what);
  const listed = (q: LibraryQuery) =>
    [...desk.articles.values()]
      .filter((a) => desk.trashed.has(a.id) === (q.trashed ?? false))
      .reverse()
      .map(summary);
  return {
    ...real,
    getArticle: async (id: number) => {
      log(`get ${id}`);
      await desk.gates.get(id);
      return article(id);
    },
    createArticle: async (d: ArticleDraft) => (log("create"), store(desk.nextId++, d)),
    saveArticle: async (id: number, d: ArticleDraft) => (log(`save ${id}`), store(id, d)),
    // The core's rule, line by line: stored over the base as it was, else merged (the lines
    // others changed since the base are theirs, the rest the form's).
    saveArticleOver: async (id: number, d: ArticleDraft, base: SaveBase) => {
      log(`save ${id}`);
      desk.duringSave?.();
      const cur = article(id);
      if (cur.updated_at === base.updated_at) return { article: store(id, d), merged: false, conflict: false };
      const was = base.draft.body.split("\n");
      const theirs = cur.body.split("\n");
      const body = d.body
        .split("\n")
        .map((line, i) => (theirs[i] !== was[i] ? theirs[i] : line))
        .join("\n");
      return { article: store(id, { ...d, body }), merged: true, conflict: false };
    },
    keepUnsaved: async (id: number | null, d: ArticleDraft) => {
      desk.kept.set(id, { draft: structuredClone(d), at: "2026-11-30T10:00:00Z" });
      return null;
    },
    unsavedDraft: async (id: number | null) => structuredClone(desk.kept.get(id) ?? null),
    forgetUnsaved: async (id: number | null) => {
      desk.kept.delete(id);
      return null;
    },
    listLibrary: async (q: LibraryQuery) => listed(q),
    libraryPage: async (r: LibraryPageRequest) => {
      desk.libraryReads.push("page");
      return { rows: listed(r.query).slice(r.offset, r.offset + r.limit), next: null };
    },
    libraryCounts: async (q: LibraryQuery) => {
      desk.libraryReads.push("counts");
      return { total: listed(q).length, by_status: [] };
    },
    articleSummary: async (id: number) => {
      desk.libraryReads.push(`row ${id}`);
      return summary(article(id));
    },
    search: async () => [],
    heroCaption: async () => "",
    renderPreview: async (md: string) => ({
      id: 1,
      blocks: [{ key: md, html: `<p>${md}</p>` }],
    }),
    typesetText: async (t: string) => t,
    setStatus: async (id: number, status: Status) => {
      log(`move ${id} ${status}`);
      const a = article(id);
      desk.articles.set(id, { ...a, status });
      return article(id);
    },
    duplicateArticle: async (id: number) => {
      const a = article(id);
      return store(desk.nextId++, { ...a, headline: `${a.headline} (copy)`, slug: null });
    },
    trashArticle: async (id: number) => {
      log(`trash ${id}`);
      desk.trashed.add(id);
      return null;
    },
    restoreArticle: async (id: number) => {
      log(`restore ${id}`);
      desk.trashed.delete(id);
      return article(id);
    },
  };
});

const { Session } = await import("./session.svelte");
const { Catalogue } = await import("./catalogue.svelte");
const { Story, UNTITLED } = await import("./story.svelte");
const { Draft } = await import("../desk/draft.svelte");

/** A body editor without a view: the text it holds. */
function fakeEditor() {
  let text = "";
  return {
    text: () => text,
    load: (t: string) => void (text = t),
    takeIn: (t: string) => void (text = t),
    type: (t: string) => void (text += t),
    insertBlock: (b: string) => void (text += `\n\n${b}\n`),
    focus: () => {},
    setLanguage: () => {},
    setDistractionFree: () => {},
    setReadOnly: () => {},
  };
}

function openWindow() {
  const session = new Session();
  session.opened({ dir: "/desk", publication: "Diario", identity: "Ana Pérez", byline: "Ana Pérez" });
  const catalogue = new Catalogue(session);
  const story = new Story(session, catalogue);
  const editor = fakeEditor();
  story.editor = editor;
  return { session, catalogue, story, editor };
}

function seed(headline: string, body = "Texto."): number {
  const id = desk.nextId++;
  desk.articles.set(id, {
    id,
    slug: headline.toLowerCase(),
    headline,
    dek: "",
    body,
    dateline: "",
    section: null,
    tags: [],
    language: "es",
    status: "draft",
    bylines: [{ name: "Ana Pérez", role: null, author_id: null }],
    hero: null,
    front_matter_extra: null,
    created_at: "2026-11-30T09:00:00Z",
    updated_at: "2026-11-30T09:00:00Z",
  });
  return id;
}

beforeEach(() => {
  vi.useFakeTimers();
  desk.articles.clear();
  desk.trashed.clear();
  desk.nextId = 1;
  desk.failSaves = null;
  desk.calls = [];
  desk.libraryReads = [];
  desk.gates.clear();
  desk.clock = 0;
  desk.duringSave = null;
  desk.kept.clear();
  vi.stubGlobal("localStorage", { getItem: () => null, setItem: () => {} });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the open story", () => {
  test("opening another story stores what was typed first", async () => {
    const a = seed("Reforma");
    const b = seed("Elecciones");
    const { story, editor } = openWindow();
    await story.open(a);
    editor.type(" Más texto.");
    story.bodyEdited();
    await story.open(b);
    expect(desk.calls).toEqual([`get ${a}`, `save ${a}`, `get ${b}`]);
    expect(desk.articles.get(a)?.body).toBe("Texto. Más texto.");
    expect(story.draft.headline).toBe("Elecciones");
    expect(story.saver.state).toBe("saved");
  });

  test("two stories asked for in quick succession: the one chosen last is shown", async () => {
    const a = seed("Reforma");
    const b = seed("Elecciones");
    const { story } = openWindow();
    let release = () => {};
    desk.gates.set(a, new Promise((r) => (release = r)));
    const first = story.open(a);
    await story.open(b);
    release();
    await first;
    expect(story.draft.id).toBe(b);
    expect(story.draft.headline).toBe("Elecciones");
  });

  test("'New' chosen while a story is still opening wins: the form stays blank", async () => {
    const a = seed("Reforma");
    const { story } = openWindow();
    const opening = story.open(a);
    const fresh = story.newArticle();
    await Promise.all([opening, fresh]);
    expect(story.draft.id).toBeNull();
    expect(story.draft.headline).toBe("");
    expect(story.navigation).toBe(2);
  });

  test("a desk renamed under a blank new story bylines it to the new name; a typed byline stays", async () => {
    const { story } = openWindow();
    await story.newArticle();
    expect(story.draft.bylines[0]?.name).toBe("Ana Pérez");
    story.identityKnown("Ana Pérez Ruiz", "Ana Pérez");
    expect(story.draft.bylines[0]?.name).toBe("Ana Pérez Ruiz");
    story.draft.bylines[0]!.name = "Luis Gómez";
    story.identityKnown("Ana P. Ruiz", "Ana Pérez Ruiz");
    expect(story.draft.bylines[0]?.name).toBe("Luis Gómez");
  });

  test("a spiked story's toast brings it back to Draft", async () => {
    const a = seed("Reforma");
    const { story, session } = openWindow();
    await story.open(a);
    await story.move("spiked");
    expect(desk.articles.get(a)?.status).toBe("spiked");
    expect(session.toast?.text).toContain("Reforma");
    session.toast?.action?.run();
    await vi.waitFor(() => expect(desk.articles.get(a)?.status).toBe("draft"));
    expect(story.draft.status).toBe("draft");
  });

  test("typing on while a save merges another desk's words keeps both (issue 14)", async () => {
    const a = seed("Pleno", "A\n\nB\n\nC");
    const { story, editor } = openWindow();
    await story.open(a);
    // A sync brings another desk's change to the last paragraph.
    const stored = desk.articles.get(a)!;
    desk.articles.set(a, { ...stored, body: "A\n\nB\n\nC at noon", updated_at: "2026-11-30T11:00:00Z" });
    editor.load("A w1\n\nB\n\nC");
    story.bodyEdited();
    // The writer goes on typing while that save is on its way.
    desk.duringSave = () => {
      desk.duringSave = null;
      editor.load("A w1 w2\n\nB\n\nC");
      story.bodyEdited();
    };
    await story.saver.flush(true);
    await story.saver.flush(true);
    expect(desk.articles.get(a)?.body).toBe("A w1 w2\n\nB\n\nC at noon");
    expect(editor.text()).toBe("A w1 w2\n\nB\n\nC at noon");
  });

  test("a slug another story has is refused, and everything else typed is stored all the same", async () => {
    seed("Reforma");
    const b = seed("Elecciones");
    const { story, editor } = openWindow();
    await story.open(b);
    story.draft.slug = "reforma";
    editor.type(" Votó el 60 %.");
    story.bodyEdited();
    expect(await story.saver.flush(true)).toBe(false);
    expect(desk.articles.get(b)?.body).toBe("Texto. Votó el 60 %.");
    expect(desk.articles.get(b)?.slug).toBe("elecciones");
    // The field keeps what was typed, marked, and the top bar says why.
    expect(story.draft.slug).toBe("reforma");
    expect(story.invalidField).toBe("slug");
    expect(story.saver.message).toContain("“reforma” is already used");
    expect(story.saver.message).toContain("The rest of the story is saved");
    // Once the slug is free of the other story's, it is stored with the next save.
    story.draft.slug = "elecciones-2027";
    story.saver.touch();
    expect(await story.saver.flush(true)).toBe(true);
    expect(desk.articles.get(b)?.slug).toBe("elecciones-2027");
    expect(story.invalidField).toBeNull();
  });

  test("a new story begun while the desk opens is not taken for last time's unsaved words", async () => {
    const a = seed("Reforma");
    const { story, editor } = openWindow();
    const leftovers = story.leftovers();
    // The writer starts at once; the form is kept beside the desk as it is typed.
    await story.newArticle();
    story.draft.headline = "Lluvias en Oaxaca";
    story.edited();
    editor.type("Primer párrafo.");
    story.bodyEdited();
    // Kept beside the desk, not yet saved, when the desk has opened: a read now would take
    // the writer's own form for last time's (it did: the words went into a second copy).
    await vi.advanceTimersByTimeAsync(300);
    expect(desk.kept.get(null)?.draft.body).toBe("Primer párrafo.");
    const settled = story.navigation;
    await story.recoverNew(await leftovers, () => story.navigation === settled);
    await story.saver.flush(true);
    await story.open(a);
    const stories = [...desk.articles.values()].filter((s) => s.headline.startsWith("Lluvias"));
    expect(stories.map((s) => s.body)).toEqual(["Primer párrafo."]);
  });

  test("last time's unsaved new story goes into the form, or beside it once the writer has begun", async () => {
    const kept: Unsaved = { draft: new Draft().toDraft("Palabras de ayer."), at: "2026-11-29T22:00:00Z" };
    // Untouched: the form shows them, and they are saved.
    {
      const { story, editor } = openWindow();
      await story.recoverNew(kept, () => true);
      expect(editor.text()).toBe("Palabras de ayer.");
      await story.saver.flush(true);
      expect([...desk.articles.values()].map((s) => s.body)).toEqual(["Palabras de ayer."]);
    }
    desk.articles.clear();
    // Begun: the writer's form stays as it is; the kept words are a story of their own.
    {
      const { story, editor, session } = openWindow();
      await story.newArticle();
      editor.type("Lo de hoy.");
      story.bodyEdited();
      desk.kept.set(null, kept);
      await story.recoverNew(kept, () => false);
      expect(editor.text()).toBe("Lo de hoy.");
      const stored = [...desk.articles.values()];
      expect(stored.map((s) => [s.headline, s.body])).toEqual([[UNTITLED, "Palabras de ayer."]]);
      expect(session.toast?.text).toContain(UNTITLED);
      await vi.advanceTimersByTimeAsync(10);
      // Last time's words are no longer kept; the writer's new story is, as typed.
      expect(desk.kept.get(null)?.draft.body).toBe("Lo de hoy.");
    }
  });

  test("a save of a listed story reads its one row, not the list (issue 15)", async () => {
    const a = seed("Reforma");
    seed("Elecciones");
    const { story, editor, catalogue } = openWindow();
    await catalogue.refreshLibrary();
    await story.open(a);
    desk.libraryReads = [];
    editor.type(" Más texto.");
    story.bodyEdited();
    story.draft.headline = "Reforma aprobada";
    await story.saver.flush(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(desk.libraryReads).toEqual([`row ${a}`]);
    expect(catalogue.articles.find((x) => x.id === a)?.headline).toBe("Reforma aprobada");
  });

  test("a new story's first save reads the list's window again (issue 15)", async () => {
    const { story, editor, catalogue } = openWindow();
    await catalogue.refreshLibrary();
    await story.newArticle();
    desk.libraryReads = [];
    story.draft.headline = "Nueva";
    editor.type("Texto.");
    story.bodyEdited();
    await story.saver.flush(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(desk.libraryReads).toEqual(["counts", "page"]);
    expect(catalogue.articles.map((x) => x.headline)).toContain("Nueva");
  });

  test("when that save fails, the writer stays on their story, words on screen, told why", async () => {
    const a = seed("Reforma");
    const b = seed("Elecciones");
    const { story, editor } = openWindow();
    await story.open(a);
    editor.type(" Más texto.");
    story.bodyEdited();
    desk.failSaves = { code: "io", message: "The disk is full." };
    await story.open(b);
    expect(story.draft.id).toBe(a);
    expect(editor.text()).toBe("Texto. Más texto.");
    expect(story.saver.state).toBe("error");
    expect(story.saver.message).toBe("The disk is full.");
    expect(desk.calls).not.toContain(`get ${b}`);
  });

  test("a new story closed before it has a headline is kept as an untitled draft", async () => {
    const { story, editor } = openWindow();
    await story.newArticle();
    expect(story.draft.bylines[0]?.name).toBe("Ana Pérez");
    editor.type("Palabras sin titular.");
    story.bodyEdited();
    await vi.advanceTimersByTimeAsync(800);
    expect(story.saver.state).toBe("dirty");
    expect(story.saver.message).toBe("type a headline to save this new article");
    await expect(story.saver.flush(true)).resolves.toBe(true);
    expect([...desk.articles.values()].map((a) => [a.headline, a.body])).toEqual([
      [UNTITLED, "Palabras sin titular."],
    ]);
  });

  test("a move stores the typed words, then moves, and the form takes the new status", async () => {
    const a = seed("Reforma");
    const { story, editor } = openWindow();
    await story.open(a);
    editor.type(" Último párrafo.");
    story.bodyEdited();
    await story.move("in_edit");
    expect(desk.calls).toEqual([`get ${a}`, `save ${a}`, `move ${a} in_edit`]);
    expect(story.draft.status).toBe("in_edit");
    expect(story.moves).toBe(1);
    expect(story.moving).toBe(false);
  });

  test("a move refused because the words could not be stored says why, and moves nothing", async () => {
    const a = seed("Reforma");
    const { story, session } = openWindow();
    await story.open(a);
    story.edited();
    desk.failSaves = { code: "io", message: "The disk is full." };
    await story.move("in_edit");
    expect(desk.calls).not.toContain(`move ${a} in_edit`);
    expect(session.problem).toBe("The disk is full.");
    expect(story.draft.status).toBe("draft");
    expect(story.moving).toBe(false);
  });

  test("the trash opens the next story on the desk, and Undo brings the story back", async () => {
    const older = seed("Reforma");
    const newer = seed("Elecciones");
    const { story, session, catalogue } = openWindow();
    await catalogue.refreshLibrary();
    await story.open(newer);
    await story.trash();
    expect(desk.trashed.has(newer)).toBe(true);
    expect(story.draft.id).toBe(older);
    expect(session.toast?.text).toBe("“Elecciones” moved to the trash.");
    expect(session.toast?.action?.label).toBe("Undo");

    session.toast?.action?.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(desk.trashed.has(newer)).toBe(false);
    expect(story.draft.id).toBe(newer);
    expect(catalogue.articles.map((a) => a.id)).toContain(newer);
  });

  test("trashing the last story starts a new one", async () => {
    const only = seed("Reforma");
    const { story, catalogue } = openWindow();
    await catalogue.refreshLibrary();
    await story.open(only);
    await story.trash();
    expect(story.draft.id).toBeNull();
    expect(story.draft.headline).toBe("");
  });

  test("a failure the window cannot recover from is shown, not thrown", async () => {
    const { story, session } = openWindow();
    await story.open(99);
    expect(session.problem).toBe("There is no article 99.");
    session.problem = "";
    await story.restore(98);
    expect(session.problem).toBe("There is no article 98.");
  });

  test("the preview and the counts follow the body", async () => {
    const a = seed("Reforma", "Uno dos tres.");
    const { story, editor } = openWindow();
    await story.open(a);
    expect(story.stats.words).toBe(3);
    editor.type(" Cuatro.");
    story.bodyEdited();
    await vi.advanceTimersByTimeAsync(200);
    expect(story.stats.words).toBe(4);
    expect(story.html).toBe("<p>Uno dos tres. Cuatro.</p>");
  });
});

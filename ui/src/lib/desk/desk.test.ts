// The small facts around the story the writer glances at: the counts under the editor, which
// story the window opens on, and how the history names a revision.

import { afterEach, describe, expect, test, vi } from "vitest";
import type { ArticleSummary, Revision } from "../backend";
import { when, why } from "../history/format";
import { t, ui } from "../i18n";
import { articleToOpen, rememberOpen } from "./recent";
import { bodyStats, length } from "./stats";

describe("the counts under the editor", () => {
  test.each([
    ["", 0, 0],
    ["Hola mundo", 2, 1],
    // Markup alone is not a word, as the core's `word_count` says.
    ["## Título\n\n- uno\n- dos\n\n**", 3, 1],
    ["—¿Dónde estabas? —preguntó.", 3, 1],
    ["word ".repeat(460), 460, 2],
  ])("%j: %i words, %i min", (text, words, minutes) => {
    const stats = bodyStats(text);
    expect(stats.words).toBe(words);
    expect(stats.minutes).toBe(minutes);
  });

  test("counts characters as a reader does", () => {
    // "ñ" typed as n + combining tilde is one character; so is an emoji.
    expect(length("Espan\u0303a")).toBe(6);
    expect(bodyStats("año 🗞").characters).toBe(5);
  });

  test("counts as splitting on spaces and spreading the characters would", () => {
    const old = (md: string) => ({
      words: md.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
      characters: [...md].length,
    });
    for (const md of [
      "  lead and trail  ",
      "a\u00a0b\u2003c\td\n\ne",
      "🗞🗞 x\ud800 \udc00y \ud800",
      "**» —** 12 ¿qué?",
      "x ".repeat(10_000),
    ]) {
      const { words, characters } = bodyStats(md);
      expect({ words, characters }).toEqual(old(md));
    }
  });
});

describe("the story the window opens on", () => {
  const store = new Map<string, string>();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  afterEach(() => store.clear());

  const story = (id: number, status: ArticleSummary["status"]) =>
    ({ id, status }) as ArticleSummary;
  const list = [story(9, "published"), story(7, "in_edit"), story(3, "draft")];

  test("the one open last on this desk", () => {
    rememberOpen("/desk/a", 3);
    expect(articleToOpen("/desk/a", list)).toBe(3);
    // Another desk's memory is not this one's.
    expect(articleToOpen("/desk/b", list)).toBe(7);
  });

  test("else the newest story being worked on, not a published one", () => {
    expect(articleToOpen("/desk/a", list)).toBe(7);
    expect(articleToOpen("/desk/a", [story(9, "published"), story(8, "archived")])).toBe(9);
    expect(articleToOpen("/desk/a", [])).toBeUndefined();
  });

  test("a remembered story that is gone (trashed) falls back", () => {
    rememberOpen("/desk/a", 42);
    expect(articleToOpen("/desk/a", list)).toBe(7);
  });
});

describe("how the history names a revision", () => {
  const rev = (reason: string) => ({ reason }) as Revision;
  test.each([
    ["autosave", "Autosave"],
    ["checkpoint", "Checkpoint"],
    ["created", "Created"],
    ["restored #12", "Restored version #12"],
    ["duplicated from #4", "Duplicated from #4"],
    ["status: Draft → In edit", "Moved Draft → In edit"],
    ["status: Ready", "Status → Ready"],
    ["before restore", "Before a restore"],
    ["merged with changes from elsewhere", "Merged with a change made elsewhere (the photo desk, another window or desk)"],
    ["a reason of a newer version", "a reason of a newer version"],
  ])("%j → %j", (reason, words) => {
    expect(why(rev(reason))).toBe(words);
  });

  test("names the statuses of a move in the window's language", () => {
    const before = ui.choice;
    ui.choose("es");
    try {
      expect(why(rev("status: Ready → Published"))).toBe("Movida: Lista → Publicada");
      expect(why(rev("status: copy_desk"))).toBe(t("why-status", { status: "Corrección" }));
    } finally {
      ui.choose(before);
    }
  });

  test("says today and yesterday in words", () => {
    const now = new Date(2026, 10, 30, 18, 0);
    expect(when(new Date(2026, 10, 30, 9, 5).toISOString(), now)).toMatch(/^Today /);
    expect(when(new Date(2026, 10, 29, 23, 59).toISOString(), now)).toMatch(/^Yesterday /);
    expect(when(new Date(2026, 2, 3, 8, 0).toISOString(), now)).toMatch(/2026, /);
    expect(when("not a date", now)).toBe("not a date");
  });
});

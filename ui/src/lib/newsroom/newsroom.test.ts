// The top bar's words for the background sync, and the moves a role may make, as a person
// reads them.
import { describe, expect, it } from "vitest";
import {
  distinctRefusals,
  mayChangeStory,
  newsroom,
  since,
  statusWords,
} from "./newsroom.svelte";
import type { DeskNewsroom, SyncState } from "./types";

const desk = (over: Partial<DeskNewsroom> = {}): DeskNewsroom => ({
  joined: true,
  newsroom: "ana@news:5432/newsroom",
  login: "ana",
  name: "Ana Pérez",
  role: "correspondent",
  last_sync: null,
  to_send: 0,
  conflicts: [],
  refused: [],
  unseen: [],
  ...over,
});

const state = (over: Partial<SyncState> = {}): SyncState => ({
  state: "up_to_date",
  message: null,
  desk: desk(),
  holders: [],
  pulled: 0,
  round: 1,
  moves: null,
  ...over,
});

const now = new Date("2026-11-30T10:00:00Z");

describe("the top bar", () => {
  it.each([
    [state({ state: "offline", desk: desk({ to_send: 3 }) }), "Offline — 3 changes waiting"],
    [state({ state: "offline", desk: desk({ to_send: 1 }) }), "Offline — 1 change waiting"],
    [state({ state: "offline" }), "Offline"],
    [state({ state: "syncing" }), "Syncing…"],
    [state(), "Up to date"],
    [state({ state: "password" }), "Newsroom password needed"],
  ])("%#: %s", (s, words) => expect(statusWords(s, now)).toBe(words));

  it("says when the last sync was", () => {
    expect(since("2026-11-30T09:59:30Z", now)).toBe("just now");
    expect(since("2026-11-30T09:56:00Z", now)).toBe("4 min ago");
  });
});

describe("roles", () => {
  it("a correspondent is offered filing, not publishing", () => {
    newsroom.sync = state({
      moves: [
        ["draft", "in_edit"],
        ["in_edit", "draft"],
      ],
    });
    expect(newsroom.allows("draft", "in_edit")).toBe(true);
    expect(newsroom.allows("ready", "published")).toBe(false);
    expect(newsroom.allows("in_edit", "copy_desk")).toBe(false);
  });

  it("an editor, and a desk that never joined, are offered every move", () => {
    newsroom.sync = state({ desk: desk({ role: "editor" }), moves: null });
    expect(newsroom.allows("ready", "published")).toBe(true);
    newsroom.sync = null;
    expect(newsroom.allows("ready", "published")).toBe(true);
  });

  it("shows who else holds a story", () => {
    newsroom.sync = state({ holders: [{ article_id: 7, login: "luis", name: "Luis Gómez" }] });
    expect(newsroom.holderOf(7)).toBe("Luis Gómez");
    expect(newsroom.holderOf(8)).toBeNull();
  });
});

describe("who may change a story", () => {
  it("a desk on its own and an editor change any story", () => {
    for (const s of ["draft", "copy_desk", "published", "archived"] as const) {
      expect(mayChangeStory(null, s)).toBe(true);
      expect(mayChangeStory("editor", s)).toBe(true);
    }
  });
  it("a correspondent changes a story until an editor has moved it on", () => {
    expect(mayChangeStory("correspondent", "draft")).toBe(true);
    expect(mayChangeStory("correspondent", "in_edit")).toBe(true);
    expect(mayChangeStory("correspondent", "spiked")).toBe(true);
    expect(mayChangeStory("correspondent", "copy_desk")).toBe(false);
    expect(mayChangeStory("correspondent", "published")).toBe(false);
  });
  it("the photo desk and admins read stories", () => {
    expect(mayChangeStory("photo", "draft")).toBe(false);
    expect(mayChangeStory("admin", "in_edit")).toBe(false);
  });
});

describe("what the newsroom refused", () => {
  const r = (article_id: number, reason: string, at: string) => ({ article_id, reason, at });
  it("says the reason once, and a story's refusal once", () => {
    // The core hands the reason alone (issue 15); the window's own words go around it.
    const list = distinctRefusals([
      r(1, "No.", "1"),
      r(1, "No.", "2"),
      r(2, "No.", "3"),
    ]);
    expect(list.map((x) => x.at)).toEqual(["3", "2"]);
  });
});

// Every reason the core writes for a revision is said in the window's language (#15): a tryout
// found "merged with changes from elsewhere" in English in a Spanish History panel.

import { afterEach, describe, expect, it, vi } from "vitest";
import type { Revision } from "../backend";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function spanish() {
  const items = new Map<string, string>([["dateline.ui-language", "es"]]);
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  vi.stubGlobal("navigator", { language: "es-MX", languages: ["es-MX"] });
  vi.resetModules();
  const i18n = await import("../i18n/i18n.svelte");
  i18n.ui.choose("es");
  return import("./format");
}

const revision = (reason: string) => ({ reason }) as Revision;

describe("why a revision was taken", () => {
  it("says each of the core's reasons in Spanish, none as the core wrote it", async () => {
    const { why, FIXED_REASONS } = await spanish();
    const reasons = [
      ...Object.keys(FIXED_REASONS),
      "autosave",
      "checkpoint",
      "created",
      "restored #3",
      "duplicated from #4",
    ];
    for (const reason of reasons) {
      const said = why(revision(reason));
      expect(said, reason).not.toBe(reason);
      expect(said, reason).not.toMatch(/\b(elsewhere|sync|before|restored?|merged|typed|autosave|created|duplicated)\b/i);
    }
    expect(why(revision("merged with changes from elsewhere"))).toContain("Combinada");
  });
});

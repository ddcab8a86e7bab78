// The interface language as the window starts with it and as Settings changes it (#15): the
// saved choice wins, "auto" follows the system, and a switch applies at once.

import { afterEach, describe, expect, it, vi } from "vitest";

/** A stand-in for the webview's localStorage (Node has none). */
function storage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

/** The i18n module as a window starting with this storage and system language loads it. */
async function start(saved: Record<string, string>, system: string[]) {
  vi.stubGlobal("localStorage", storage(saved));
  vi.stubGlobal("navigator", { language: system[0], languages: system });
  vi.resetModules();
  return import("./i18n.svelte");
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the interface language at start (#15)", () => {
  it("follows a Spanish system when nothing was chosen", async () => {
    const { ui, t } = await start({}, ["es-MX"]);
    expect(ui.choice).toBe("auto");
    expect(ui.language).toBe("es");
    expect(t("settings-title")).toBe("Configuración");
  });

  it("follows an English system when nothing was chosen", async () => {
    const { ui, t } = await start({}, ["en-US"]);
    expect(ui.language).toBe("en");
    expect(t("settings-title")).toBe("Settings");
  });

  it("keeps the saved choice over the system", async () => {
    const { ui, t } = await start({ "dateline.uiLanguage": "es" }, ["en-US"]);
    expect(ui.choice).toBe("es");
    expect(t("back-to-desk")).toBe("← Volver a las notas");
  });

  it("ignores a saved value it does not know", async () => {
    const { ui } = await start({ "dateline.uiLanguage": "klingon" }, ["en-GB"]);
    expect(ui.choice).toBe("auto");
    expect(ui.language).toBe("en");
  });
});

describe("switching the interface language (#15)", () => {
  it("applies at once, remembers the choice, and goes back to the system on auto", async () => {
    const { ui, t } = await start({}, ["en-US"]);
    ui.choose("es");
    expect(t("topbar-who")).toBe("¿Quién eres?");
    expect(localStorage.getItem("dateline.uiLanguage")).toBe("es");
    ui.choose("auto");
    expect(t("topbar-who")).toBe("Who are you?");
    expect(localStorage.getItem("dateline.uiLanguage")).toBe("auto");
  });

  it("chooses plural forms and formats numbers by the language", async () => {
    const { ui, t } = await start({}, ["en-US"]);
    expect(t("stories-count", { count: 1 })).toBe("1 story");
    expect(t("stories-count", { count: 1234 })).toBe("1,234 stories");
    ui.choose("es");
    expect(t("stories-count", { count: 1 })).toBe("1 nota");
    expect(t("stories-count", { count: 12345 })).toBe("12.345 notas");
  });

  it("formats dates in the interface language", async () => {
    const { ui, formatDate } = await start({}, ["en-US"]);
    const day = new Date(2026, 2, 3);
    expect(formatDate(day, { month: "long" })).toBe("March");
    ui.choose("es");
    expect(formatDate(day, { month: "long" })).toBe("marzo");
  });

  it("shows a missing message's id rather than nothing", async () => {
    const { t } = await start({}, ["en-US"]);
    expect(t("no-such-message")).toBe("no-such-message");
  });
});

import { describe, expect, it } from "vitest";

import { isBundle, openedWords, savedWords } from "./bundles";

const done = {
  headline: "Crónica desde Caracas",
  article_id: 4,
  path: "/home/ana/cronica.dateline",
  revisions: 3,
  photos: 1,
  merged: false,
  conflicts: 0,
};

describe("story bundles", () => {
  it("knows a bundle by its name, whatever the case", () => {
    expect(isBundle("/media/usb/CRONICA.DATELINE")).toBe(true);
    expect(isBundle("/media/usb/foto.jpg")).toBe(false);
  });

  it("says what an opened bundle brought and what is left to settle", () => {
    expect(openedWords(done)).toBe(
      "“Crónica desde Caracas” brought in from the bundle (3 new versions, 1 photo).",
    );
    expect(openedWords({ ...done, revisions: 1, photos: 0, conflicts: 1 })).toContain(
      "1 conflict to settle",
    );
    expect(openedWords({ ...done, merged: true })).toContain("put together with this desk's");
  });

  it("says where a saved bundle went", () => {
    expect(savedWords(done)).toContain("/home/ana/cronica.dateline");
  });
});

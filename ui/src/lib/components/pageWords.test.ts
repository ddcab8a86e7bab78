import { describe, expect, it } from "vitest";

import { pageWord, simpleMessages } from "./pageWords";

describe("the preview's page words", () => {
  it("speaks the story's language, as the export does", () => {
    expect(pageWord("es", "by")).toBe("Por");
    expect(pageWord("es", "and")).toBe("y");
    expect(pageWord("en", "by")).toBe("By");
    expect(pageWord("es-MX", "by")).toBe("Por");
  });

  it("falls back to English for a language without a catalogue", () => {
    expect(pageWord("fr", "by")).toBe("By");
  });

  it("reads only simple messages", () => {
    const m = simpleMessages("# c\nby = Por\nmore-in = Más en { $section }\n");
    expect(m.get("by")).toBe("Por");
    expect(m.has("more-in")).toBe(false);
  });
});

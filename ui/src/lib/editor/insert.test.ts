// A photo put into the text from the photo desk goes in as a paragraph of its own after the
// caret's line: what the Markdown then says is a figure, never an image inside a sentence.

import { Text } from "@codemirror/state";
import { describe, expect, test } from "vitest";
import { blockInsertion } from "./index";

const BLOCK = "![](photo:1)";

function inserted(text: string, head: number | null): string {
  const doc = Text.of(text.split("\n"));
  const at = blockInsertion(doc, head, BLOCK);
  const out = text.slice(0, at.from) + at.insert + text.slice(at.from);
  expect(out.slice(at.anchor - BLOCK.length, at.anchor)).toBe(BLOCK);
  return out;
}

describe("a photo put into the text", () => {
  test("before the paragraph whose start the caret is at (a tryout's caret at the text's start)", () => {
    expect(inserted("Uno.\n\nDos.", 0)).toBe(`${BLOCK}\n\nUno.\n\nDos.`);
    expect(inserted("Uno.\n\nDos.", 6)).toBe(`Uno.\n\n${BLOCK}\n\nDos.`);
  });
  test("after the paragraph the caret is in", () => {
    expect(inserted("Uno.\n\nDos.", 2)).toBe(`Uno.\n\n${BLOCK}\n\nDos.`);
  });
  test("between two lines of one paragraph, it splits them", () => {
    expect(inserted("Uno.\nDos.", 4)).toBe(`Uno.\n\n${BLOCK}\n\nDos.`);
  });
  test("at the end when the caret was never placed, after the final newline too", () => {
    expect(inserted("Uno.\n\nDos.\n", null)).toBe(`Uno.\n\nDos.\n\n${BLOCK}\n`);
    expect(inserted("Uno.", null)).toBe(`Uno.\n\n${BLOCK}\n`);
  });
  test("on an empty line between paragraphs, blank lines around it", () => {
    expect(inserted("Uno.\n\n\nDos.", 5)).toBe(`Uno.\n\n${BLOCK}\n\nDos.`);
  });
  test("into an empty text", () => {
    expect(inserted("", 0)).toBe(`${BLOCK}\n`);
  });
});

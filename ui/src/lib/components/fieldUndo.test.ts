// Which keys take back and bring back typing in a form field (fieldUndo.ts).
import { describe, expect, test } from "vitest";
import { historyStep } from "./fieldUndo";

const key = (k: string, mods: Partial<KeyboardEventInit> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe("the history keys", () => {
  test("Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo, with Caps Lock too", () => {
    expect(historyStep(key("z", { ctrlKey: true }))).toBe("undo");
    expect(historyStep(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyStep(key("y", { ctrlKey: true }))).toBe("redo");
    expect(historyStep(key("Z", { ctrlKey: true }))).toBe("undo");
  });
  test("z typed, Alt combinations and other shortcuts are left alone", () => {
    expect(historyStep(key("z"))).toBeNull();
    expect(historyStep(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyStep(key("s", { ctrlKey: true }))).toBeNull();
    expect(historyStep(key("Y", { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

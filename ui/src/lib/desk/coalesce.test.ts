// The preview keeps up with typing without queueing: one render in flight, and a burst of
// keystrokes during it costs one more render, of the latest text.

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { coalesce } from "./coalesce";

/** A render the test finishes by hand. */
interface Pending {
  input: string;
  resolve: (html: string) => void;
  reject: (e: unknown) => void;
}

function harness() {
  let text = "";
  const started: Pending[] = [];
  const shown: string[] = [];
  const errors: unknown[] = [];
  const preview = coalesce(
    () => text,
    (input: string) =>
      new Promise<string>((resolve, reject) => started.push({ input, resolve, reject })),
    (html) => shown.push(html),
    (e) => errors.push(e),
    60,
  );
  return {
    type(t: string) {
      text = t;
      preview.poke();
    },
    started,
    shown,
    errors,
  };
}

/** Lets the awaited render settle and the 60 ms gap pass. */
async function settle() {
  await vi.advanceTimersByTimeAsync(60);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the preview of the body", () => {
  test("renders what was typed", async () => {
    const h = harness();
    h.type("Hola");
    expect(h.started.map((p) => p.input)).toEqual(["Hola"]);
    h.started[0]!.resolve("<p>Hola</p>");
    await settle();
    expect(h.shown).toEqual(["<p>Hola</p>"]);
    expect(h.started).toHaveLength(1);
  });

  test("a burst of keystrokes during a render costs one more render, of the latest text", async () => {
    const h = harness();
    h.type("H");
    for (const t of ["Ho", "Hol", "Hola", "Hola,", "Hola, mundo"]) h.type(t);
    // Still one request in flight: nothing queued behind it.
    expect(h.started).toHaveLength(1);
    h.started[0]!.resolve("<p>H</p>");
    await settle();
    expect(h.started.map((p) => p.input)).toEqual(["H", "Hola, mundo"]);
    h.started[1]!.resolve("<p>Hola, mundo</p>");
    await settle();
    expect(h.shown).toEqual(["<p>H</p>", "<p>Hola, mundo</p>"]);
    expect(h.started).toHaveLength(2);
  });

  test("leaves a gap between two renders, so a long article does not starve the keyboard", async () => {
    const h = harness();
    h.type("a");
    h.type("ab");
    h.started[0]!.resolve("<p>a</p>");
    await vi.advanceTimersByTimeAsync(59);
    expect(h.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.started).toHaveLength(2);
  });

  test("a failed render is reported, and the next keystroke renders again", async () => {
    const h = harness();
    h.type("one");
    h.started[0]!.reject(new Error("desk unreachable"));
    await settle();
    expect(h.errors).toEqual([new Error("desk unreachable")]);
    expect(h.shown).toEqual([]);
    h.type("two");
    expect(h.started.map((p) => p.input)).toEqual(["one", "two"]);
    h.started[1]!.resolve("<p>two</p>");
    await settle();
    expect(h.shown).toEqual(["<p>two</p>"]);
  });

  test("reads the input only when a render starts", async () => {
    let reads = 0;
    const preview = coalesce(
      () => ++reads,
      async (n: number) => n,
      () => {},
    );
    preview.poke();
    preview.poke();
    preview.poke();
    expect(reads).toBe(1);
    await vi.advanceTimersByTimeAsync(60);
    await vi.advanceTimersByTimeAsync(60);
    expect(reads).toBe(2);
  });
});

// The preview keeps up with typing without queueing: one render in flight, a burst of
// keystrokes during it costs one more render, of the latest text, and between two renders the
// main thread is given back (a macrotask, or a frame after a slow round), never a fixed gap.

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { coalesce, pauseAfter, SLOW_ROUND_MS } from "./coalesce";

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
  /** The pauses the loop asked for, each ended by the test. */
  const pauses: { roundMs: number; end: () => void }[] = [];
  const preview = coalesce(
    () => text,
    (input: string) =>
      new Promise<string>((resolve, reject) => started.push({ input, resolve, reject })),
    (html) => shown.push(html),
    (e) => errors.push(e),
    (roundMs) => new Promise<void>((end) => pauses.push({ roundMs, end })),
    () => Promise.resolve(),
  );
  return {
    type(t: string) {
      text = t;
      preview.poke();
    },
    started,
    shown,
    errors,
    pauses,
  };
}

/** Lets awaited promises settle. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the preview of the body", () => {
  test("renders what was typed, and does not pause when nothing is left to render", async () => {
    const h = harness();
    h.type("Hola");
    // Not inside the keystroke: the request starts after it.
    expect(h.started).toHaveLength(0);
    await settle();
    expect(h.started.map((p) => p.input)).toEqual(["Hola"]);
    h.started[0]!.resolve("<p>Hola</p>");
    await settle();
    expect(h.shown).toEqual(["<p>Hola</p>"]);
    expect(h.started).toHaveLength(1);
    expect(h.pauses).toHaveLength(0);
  });

  test("a burst of keystrokes during a render costs one more render, of the latest text", async () => {
    const h = harness();
    h.type("H");
    await settle();
    for (const t of ["Ho", "Hol", "Hola", "Hola,", "Hola, mundo"]) h.type(t);
    // Still one request in flight: nothing queued behind it.
    expect(h.started).toHaveLength(1);
    h.started[0]!.resolve("<p>H</p>");
    await settle();
    // The main thread is given back once before the next request.
    expect(h.pauses).toHaveLength(1);
    expect(h.started).toHaveLength(1);
    h.pauses[0]!.end();
    await settle();
    expect(h.started.map((p) => p.input)).toEqual(["H", "Hola, mundo"]);
    h.started[1]!.resolve("<p>Hola, mundo</p>");
    await settle();
    expect(h.shown).toEqual(["<p>H</p>", "<p>Hola, mundo</p>"]);
    expect(h.started).toHaveLength(2);
    expect(h.pauses).toHaveLength(1);
  });

  test("the pause follows the round: a macrotask after a quick one, a frame after a slow one", async () => {
    // A quick round: one macrotask, no timer to wait for.
    let quick = false;
    void pauseAfter(2).then(() => (quick = true));
    await vi.waitFor(() => expect(quick).toBe(true));
    // A slow round: a frame (a timer of a frame's length where there are no frames).
    let slow = false;
    void pauseAfter(SLOW_ROUND_MS + 30).then(() => (slow = true));
    await vi.advanceTimersByTimeAsync(SLOW_ROUND_MS - 1);
    expect(slow).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(slow).toBe(true);
  });

  test("the loop tells the pause how long the round took", async () => {
    const h = harness();
    h.type("a");
    await settle();
    h.type("ab");
    await vi.advanceTimersByTimeAsync(40);
    h.started[0]!.resolve("<p>a</p>");
    await settle();
    expect(h.pauses).toHaveLength(1);
    expect(h.pauses[0]!.roundMs).toBeGreaterThanOrEqual(40);
  });

  test("a failed render is reported, and the next keystroke renders again", async () => {
    const h = harness();
    h.type("one");
    await settle();
    h.started[0]!.reject(new Error("desk unreachable"));
    await settle();
    expect(h.errors).toEqual([new Error("desk unreachable")]);
    expect(h.shown).toEqual([]);
    h.type("two");
    await settle();
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
      () => Promise.resolve(),
      () => Promise.resolve(),
    );
    preview.poke();
    preview.poke();
    preview.poke();
    // Keys typed together before the first request starts cost one read.
    expect(reads).toBe(0);
    await settle();
    expect(reads).toBe(1);
    preview.poke();
    await settle();
    expect(reads).toBe(2);
  });

  test("keys typed before the first request starts join it", async () => {
    const h = harness();
    for (const t of ["H", "Ho", "Hol", "Hola"]) h.type(t);
    await settle();
    expect(h.started.map((p) => p.input)).toEqual(["Hola"]);
  });
});

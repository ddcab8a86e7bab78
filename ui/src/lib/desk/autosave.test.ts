// Autosave as the writer meets it: a pause saves, steady typing still saves every few
// seconds, a failed save keeps saying so and tries again by itself, words typed during a
// save are saved next, and a workflow move never races a save.

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ErrorDto } from "../backend";
import { Autosaver } from "./autosave.svelte";

/** The article side of the saver: each call waits until the test answers it. */
function desk() {
  const calls: {
    force: boolean;
    answer: (notYet?: string) => void;
    fail: (e: unknown) => void;
  }[] = [];
  let running = 0;
  let most = 0;
  const saver = new Autosaver(
    (force) =>
      new Promise<string | undefined>((resolve, reject) => {
        running += 1;
        most = Math.max(most, running);
        const done = () => (running -= 1);
        calls.push({
          force,
          answer: (notYet) => {
            done();
            resolve(notYet);
          },
          fail: (e) => {
            done();
            reject(e);
          },
        });
      }),
  );
  return { saver, calls, mostAtOnce: () => most };
}

const full: ErrorDto = { code: "io", message: "The disk is full." };

/** Lets promise callbacks run without moving the clock. */
const tick = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-30T10:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  test("saves 800 ms after typing pauses, then says saved and when", async () => {
    const { saver, calls } = desk();
    expect(saver.state).toBe("saved");
    saver.touch();
    expect(saver.state).toBe("dirty");
    await vi.advanceTimersByTimeAsync(799);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(saver.state).toBe("saving");
    calls[0]!.answer();
    await tick();
    expect(saver.state).toBe("saved");
    expect(saver.message).toBe("");
    expect(saver.savedAt).toEqual(new Date("2026-11-30T10:00:00.800Z"));
    expect(saver.pending).toBe(false);
  });

  test("typing without a pause still saves at least every 5 seconds", async () => {
    const saves: number[] = [];
    const saver = new Autosaver(async () => {
      saves.push(Date.now() - start);
      return undefined;
    });
    const start = Date.now();
    // A keystroke every 300 ms for 11 s: never an 800 ms pause.
    for (let t = 0; t < 11_000; t += 300) {
      saver.touch();
      await vi.advanceTimersByTimeAsync(300);
    }
    // 5 s after the first keystroke, then 5 s after the first one after that save.
    expect(saves).toEqual([5000, 10_100]);
  });

  test("a failed save keeps state error with the reason, and is tried again without a keystroke", async () => {
    const { saver, calls } = desk();
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.fail(full);
    await tick();
    expect(saver.state).toBe("error");
    expect(saver.message).toBe("The disk is full.");
    expect(saver.pending).toBe(true);

    // Nothing typed: the retry comes by itself, and while it fails the state stays error.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    calls[1]!.fail(full);
    await tick();
    expect(saver.state).toBe("error");

    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    calls[2]!.answer();
    await tick();
    expect(saver.state).toBe("saved");
    expect(saver.message).toBe("");
    // Saved: no more retries.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(3);
  });

  test("a failure that never reached the desk says so in words", async () => {
    const { saver, calls } = desk();
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.fail(new Error("connection refused"));
    await tick();
    expect(saver.state).toBe("error");
    expect(saver.message).toContain("could not reach the desk");
    expect(saver.message).toContain("Your text is still in the editor");
  });

  test("words typed during a save lead to another save", async () => {
    const { saver, calls } = desk();
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.state).toBe("saving");
    saver.touch(); // typed while the first save runs
    calls[0]!.answer();
    await tick();
    // The first save stored only what was typed before it: not "saved".
    expect(saver.state).toBe("dirty");
    expect(saver.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
    calls[1]!.answer();
    await tick();
    expect(saver.state).toBe("saved");
  });

  test("never runs two saves at once", async () => {
    const { saver, calls, mostAtOnce } = desk();
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    saver.touch();
    const flushed = saver.flush(true);
    await tick();
    // The flush waits for the running save.
    expect(calls).toHaveLength(1);
    calls[0]!.answer();
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.force).toBe(true);
    calls[1]!.answer();
    await expect(flushed).resolves.toBe(true);
    expect(mostAtOnce()).toBe(1);
  });

  test("a new article without a headline waits, saying why, until a forced save", async () => {
    const { saver, calls } = desk();
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[0]!.force).toBe(false);
    calls[0]!.answer("type a headline to save this new article");
    await tick();
    expect(saver.state).toBe("dirty");
    expect(saver.message).toBe("type a headline to save this new article");

    // Closing the window forces it.
    const closing = saver.flush(true);
    await tick();
    expect(calls[1]!.force).toBe(true);
    calls[1]!.answer();
    await expect(closing).resolves.toBe(true);
    expect(saver.state).toBe("saved");
  });

  test("a flush with nothing typed stores nothing and answers at once", async () => {
    const { saver, calls } = desk();
    await expect(saver.flush(true)).resolves.toBe(true);
    expect(calls).toHaveLength(0);
  });

  test("a failed flush answers false, so the window stays open", async () => {
    const { saver, calls } = desk();
    saver.touch();
    const closing = saver.flush(true);
    await tick();
    calls[0]!.fail(full);
    await expect(closing).resolves.toBe(false);
    expect(saver.state).toBe("error");
  });

  test("reset starts over for another article", async () => {
    const { saver, calls } = desk();
    saver.touch();
    saver.reset();
    expect(saver.state).toBe("saved");
    expect(saver.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(0);
  });
});

describe("a workflow move between two saves", () => {
  test("runs after what was typed is stored, and a later save waits for it", async () => {
    const { saver, calls } = desk();
    const order: string[] = [];
    saver.touch();
    let finishMove = () => {};
    const move = saver.between(async () => {
      order.push("move starts");
      await new Promise<void>((r) => (finishMove = r));
      order.push("move done");
      return "in_edit";
    });
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.force).toBe(true);
    expect(order).toEqual([]);
    calls[0]!.answer();
    await tick();
    expect(order).toEqual(["move starts"]);

    // Typing during the move: its save does not start before the move is done.
    saver.touch();
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(1);
    finishMove();
    await expect(move).resolves.toBe("in_edit");
    await tick();
    expect(calls).toHaveLength(2);
    expect(order).toEqual(["move starts", "move done"]);
  });

  test("is refused when what was typed could not be stored first", async () => {
    const { saver, calls } = desk();
    saver.touch();
    const work = vi.fn(async () => "moved");
    const move = saver.between(work);
    await tick();
    calls[0]!.fail(full);
    await expect(move).rejects.toEqual({ code: "invalid", message: "The disk is full." });
    expect(work).not.toHaveBeenCalled();
  });
});

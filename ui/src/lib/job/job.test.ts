// A long job as the person follows it: the bar moves with each step, Cancel ends it as
// cancelled (not as an error), a failure says why, and a job the screen moved on from
// (another photo) does not show its answer there.

import { describe, expect, test } from "vitest";
import type { ErrorDto } from "../backend";
import { Job, type Step } from "./job.svelte";

/** Work the test drives by hand: report steps, then finish or fail. */
function work<R>() {
  let report: (s: Step) => void = () => {};
  let finish: (r: R) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const start = (onProgress: (s: Step) => void) =>
    new Promise<R>((resolve, reject) => {
      report = onProgress;
      finish = resolve;
      fail = reject;
    });
  return {
    start,
    step: (s: Step) => report(s),
    finish: (r: R) => finish(r),
    fail: (e: unknown) => fail(e),
  };
}

describe("a job", () => {
  test("shows each step, and keeps the last one when done", async () => {
    const job = new Job(async () => null);
    const w = work<string>();
    const answer = job.run(w.start);
    expect(job.running).toBe(true);
    expect(job.progress).toBeNull();
    w.step({ done: 1, total: 6 });
    expect(job.progress).toEqual({ done: 1, total: 6 });
    w.step({ done: 6, total: 6, what: "Writing the package" });
    w.finish("/exports/story");
    await expect(answer).resolves.toBe("/exports/story");
    expect(job.running).toBe(false);
    expect(job.progress).toEqual({ done: 6, total: 6, what: "Writing the package" });
    expect(job.error).toBe("");
  });

  test("Cancel asks the Rust side to stop, and the job ends as cancelled, not failed", async () => {
    let asked = 0;
    const job = new Job(async () => void (asked += 1));
    const w = work<string>();
    const answer = job.run(w.start);
    await job.cancel();
    expect(asked).toBe(1);
    expect(job.cancelling).toBe(true);
    w.fail({ code: "cancelled", message: "Cancelled." } satisfies ErrorDto);
    await expect(answer).resolves.toBeUndefined();
    expect(job.cancelled).toBe(true);
    expect(job.error).toBe("");
    expect(job.running).toBe(false);
    expect(job.cancelling).toBe(false);
  });

  test("a failure says why, and the next run starts clean", async () => {
    const job = new Job(async () => null);
    const first = work<string>();
    const answer = job.run(first.start);
    first.fail({ code: "io", message: "The disk is full." } satisfies ErrorDto);
    await expect(answer).resolves.toBeUndefined();
    expect(job.error).toBe("The disk is full.");

    const second = work<string>();
    const again = job.run(second.start);
    expect(job.error).toBe("");
    second.finish("ok");
    await expect(again).resolves.toBe("ok");
  });

  test("a job forgotten while it runs keeps running, but its answer and failure are dropped", async () => {
    const job = new Job(async () => null);
    const w = work<string>();
    const answer = job.run(w.start);
    job.forget();
    // Still running on the Rust side: the start button stays disabled.
    expect(job.running).toBe(true);
    w.fail({ code: "io", message: "The disk is full." } satisfies ErrorDto);
    await expect(answer).resolves.toBeUndefined();
    expect(job.error).toBe("");
    expect(job.running).toBe(false);
  });

  test("Cancel with nothing running asks nothing", async () => {
    let asked = 0;
    const job = new Job(async () => void (asked += 1));
    await job.cancel();
    expect(asked).toBe(0);
  });
});

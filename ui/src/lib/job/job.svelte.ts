// A long piece of work on the Rust side — the renditions of a crop, an export — as the window
// follows it: running or not, the last progress it reported, and how it ended (done, failed,
// or cancelled by the person). `JobProgress.svelte` shows it; the screen that starts the work
// keeps only what the work answers.

import { failure } from "../backend";

/** What a job reports as it goes: `done` of `total` steps, and what it is doing now. */
export interface Step {
  done: number;
  total: number;
  what?: string;
}

export class Job {
  running = $state(false);
  /** The last step reported; kept after the job ends, so a finished bar can stay full. */
  progress = $state<Step | null>(null);
  cancelling = $state(false);
  cancelled = $state(false);
  error = $state("");

  #cancel: () => Promise<unknown>;
  /** Counts runs and `forget`s: an answer for a run the screen has moved on from is dropped. */
  #generation = 0;

  /** `cancel` asks the Rust side to stop the running work. */
  constructor(cancel: () => Promise<unknown>) {
    this.#cancel = cancel;
  }

  /**
   * Runs `work`, which reports each step through the function it is given. Resolves to the
   * work's answer, or `undefined` when it failed or was cancelled (then `error` or
   * `cancelled` says so) or when `forget` was called meanwhile.
   */
  async run<R>(work: (onProgress: (step: Step) => void) => Promise<R>): Promise<R | undefined> {
    const run = ++this.#generation;
    this.running = true;
    this.progress = null;
    this.cancelling = false;
    this.cancelled = false;
    this.error = "";
    try {
      const answer = await work((step) => (this.progress = step));
      return run === this.#generation ? answer : undefined;
    } catch (e) {
      if (run === this.#generation) {
        const f = failure(e);
        if (f.code === "cancelled") this.cancelled = true;
        else this.error = f.message;
      }
      return undefined;
    } finally {
      this.running = false;
      this.cancelling = false;
    }
  }

  /** Asks the running work to stop; it ends soon after as `cancelled`. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    try {
      await this.#cancel();
    } catch (e) {
      this.error = failure(e).message;
    }
  }

  /** Forgets how the last run ended (the screen shows another photo). A run still going
   *  goes on, and keeps the start button disabled until it ends, but its answer is dropped. */
  forget(): void {
    this.#generation += 1;
    this.cancelled = false;
    this.error = "";
    if (!this.running) this.progress = null;
  }
}

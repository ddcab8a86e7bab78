// Keeps an expensive, asynchronous view of fast-changing input (the preview of the body)
// up to date without queueing: at most one request is in flight; when it returns, the
// result is shown and, if the input changed meanwhile, exactly one new request is made for
// the latest input. Typing never waits for it, and a burst of keystrokes costs one render.

export interface Coalescer {
  /** The input changed. Cheap: the input is read only when a request actually starts. */
  poke(): void;
}

export function coalesce<I, O>(
  read: () => I,
  run: (input: I) => Promise<O>,
  show: (output: O) => void,
  onError: (e: unknown) => void = () => {},
  minGapMs = 60,
): Coalescer {
  let busy = false;
  let stale = false;

  async function loop(): Promise<void> {
    busy = true;
    while (stale) {
      stale = false;
      try {
        show(await run(read()));
      } catch (e) {
        onError(e);
      }
      // Leave the main thread to the keyboard between two renders of a long article.
      await new Promise((r) => setTimeout(r, minGapMs));
    }
    busy = false;
  }

  return {
    poke() {
      stale = true;
      if (!busy) void loop();
    },
  };
}

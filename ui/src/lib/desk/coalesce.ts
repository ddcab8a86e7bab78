// Keeps an expensive, asynchronous view of fast-changing input (the preview of the body)
// up to date without queueing: at most one request is in flight; when it returns, the
// result is shown and, if the input changed meanwhile, exactly one new request is made for
// the latest input. Typing never waits for it (a keystroke only marks the input changed), and
// a burst of keystrokes costs one render.
//
// The first request of a burst starts a macrotask after the poke, not inside it: the key's own
// task (CodeMirror's update, the editor's frame) never pays for reading and sending the whole
// body, and keys already queued behind it join the same request.
//
// Between two requests the loop gives the main thread back: a macrotask after a quick round
// (the keyboard's events queued meanwhile run first), a whole frame after a slow one (the
// frame with the writer's text paints first). There is no fixed pause: a render that takes
// 2 ms is followed by the next at once, so the preview is one render behind the keyboard at
// most.

export interface Coalescer {
  /** The input changed. Cheap: the input is read only when a request actually starts. */
  poke(): void;
}

/** How the loop waits between two requests, given how long the last round took. */
export type Pause = (roundMs: number) => Promise<void>;

/** A round longer than this is followed by a frame's pause rather than a macrotask. */
export const SLOW_ROUND_MS = 16;

/** One macrotask: lets events already queued (key presses) run before the next request. */
export function yieldToInput(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Until the next frame has been painted (a timer where there are no frames). */
export function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame === "undefined") {
    return new Promise((r) => setTimeout(r, SLOW_ROUND_MS));
  }
  return new Promise((r) => requestAnimationFrame(() => r()));
}

export const pauseAfter: Pause = (roundMs) =>
  roundMs > SLOW_ROUND_MS ? nextFrame() : yieldToInput();

export function coalesce<I, O>(
  read: () => I,
  run: (input: I) => Promise<O>,
  show: (output: O) => void,
  onError: (e: unknown) => void = () => {},
  pause: Pause = pauseAfter,
  /** How the first request of a burst waits after the poke. */
  first: () => Promise<void> = yieldToInput,
): Coalescer {
  let busy = false;
  let stale = false;

  async function loop(): Promise<void> {
    busy = true;
    await first();
    while (stale) {
      stale = false;
      const started = performance.now();
      try {
        show(await run(read()));
      } catch (e) {
        onError(e);
      }
      if (stale) await pause(performance.now() - started);
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

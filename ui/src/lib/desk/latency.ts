// Keystroke-to-preview latency, measured inside the page as issue 15 defines it: from the key
// event (its timeStamp, on the same clock as performance.now()) to the frame after the
// preview's DOM holds the text that key produced. Always on and cheap: a few numbers per
// render. The figures are read by the measurement in tests/e2e/tests/latency.rs from
// `window.__datelineLatency`; nothing in the app depends on them.

const KEEP = 2000;

/** Key events not yet in a render that started. */
let waiting: number[] = [];

export const samples: number[] = [];

/** A key went down in the body editor. */
export function keyDown(timeStamp: number): void {
  waiting.push(timeStamp);
}

/** A render of the body starts now: it holds every key so far. Returns what it carries. */
export function renderStarts(): number[] {
  const carried = waiting;
  waiting = [];
  return carried;
}

/** The render carrying `keys` is in the DOM: the next frame paints it. */
export function rendered(keys: number[]): void {
  if (!keys.length) return;
  requestAnimationFrame(() => {
    const painted = performance.now();
    for (const k of keys) samples.push(painted - k);
    if (samples.length > KEEP) samples.splice(0, samples.length - KEEP);
  });
}

declare global {
  interface Window {
    __datelineLatency?: number[];
  }
}
if (typeof window !== "undefined") window.__datelineLatency = samples;

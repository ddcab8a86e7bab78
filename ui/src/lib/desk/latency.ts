// Keystroke-to-preview latency, measured inside the page as issue 15 defines it: from the key
// event (its timeStamp, on the same clock as performance.now()) to the frame after the
// preview's DOM holds the text that key produced. Always on and cheap: a few numbers per
// render. The figures are read by the measurement in tests/e2e/tests/latency.rs from
// `window.__datelineLatency`; nothing in the app depends on them. Where the time goes is in
// `window.__datelinePhases`: for each render, its oldest key and when the request started,
// was answered, was in the DOM and was painted.

const KEEP = 2000;

/** Key events not yet in a render that started. */
let waiting: number[] = [];

export const samples: number[] = [];

/** One render's times (performance.now()), from its oldest key to the frame painted. */
export interface Phases {
  key: number;
  start: number;
  answered: number;
  shown: number;
  painted: number;
}
export const phases: Phases[] = [];

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

/** The render carrying `keys` was not shown: the next one carries them. */
export function carry(keys: number[]): void {
  waiting = keys.concat(waiting);
}

/** The render carrying `keys` is in the DOM: the next frame paints it. */
export function rendered(keys: number[], start = NaN, answered = NaN): void {
  if (!keys.length) return;
  const shown = performance.now();
  requestAnimationFrame(() => {
    const painted = performance.now();
    for (const k of keys) samples.push(painted - k);
    if (samples.length > KEEP) samples.splice(0, samples.length - KEEP);
    phases.push({ key: Math.min(...keys), start, answered, shown, painted });
    if (phases.length > KEEP) phases.splice(0, phases.length - KEEP);
  });
}

declare global {
  interface Window {
    __datelineLatency?: number[];
    __datelinePhases?: Phases[];
  }
}
if (typeof window !== "undefined") {
  window.__datelineLatency = samples;
  window.__datelinePhases = phases;
}

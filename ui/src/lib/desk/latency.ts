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

// ---- Where a key's time goes (issue 15's profile) ------------------------------------------
// Off unless a measurement turns it on (`window.__datelineProfile.on = true`, as
// tests/e2e/tests/latency.rs does with DATELINE_PROFILE set): then each named span of the
// page's own work is timed (a few performance.now() calls), and every animation frame is
// split into its callbacks and what WebKit did after them (style, layout, paint) until the
// next task could run.

export interface Span {
  count: number;
  total: number;
  max: number;
}

let profiling = false;

export const profile = {
  /** Setting it true starts the timing (and the frame watch, only while it is on). */
  get on(): boolean {
    return profiling;
  },
  set on(v: boolean) {
    profiling = v;
    if (v) watchFrames();
  },
  spans: {} as Record<string, Span>,
};

/** Adds `ms` to span `name` (when profiling). */
export function record(name: string, ms: number): void {
  if (!profiling) return;
  const s = (profile.spans[name] ??= { count: 0, total: 0, max: 0 });
  s.count += 1;
  s.total += ms;
  if (ms > s.max) s.max = ms;
}

/** Runs `f`, timed as span `name` when profiling. */
export function timed<T>(name: string, f: () => T): T {
  if (!profiling) return f();
  const t = performance.now();
  try {
    return f();
  } finally {
    record(name, performance.now() - t);
  }
}

let listening = false;
let framing = false;

/** Times the key events' dispatch in the page, and each frame, while profiling. */
function watchFrames(): void {
  if (typeof window === "undefined") return;
  if (!listening) {
    listening = true;
    const began: Record<string, number> = {};
    for (const type of ["keydown", "keypress", "beforeinput", "input", "keyup"]) {
      window.addEventListener(type, () => (began[type] = performance.now()), true);
      window.addEventListener(type, () => {
        if (began[type] !== undefined) record(`event.${type}`, performance.now() - began[type]!);
      });
    }
    // keydown's capture to the end of the input event's microtasks (CodeMirror reads the DOM
    // change in a mutation observer and dispatches its transaction there).
    window.addEventListener("input", () => {
      const k = began["keydown"];
      if (k !== undefined) queueMicrotask(() => record("key.task", performance.now() - k));
    });
  }
  if (framing) return;
  framing = true;
  const channel = new MessageChannel();
  let frameAt = 0;
  channel.port1.onmessage = () => record("frame.render", performance.now() - frameAt);
  // Only while profiling: an animation frame asked for every frame keeps the page busy.
  const frame = (t: number) => {
    if (!profiling) {
      framing = false;
      channel.port1.close();
      return;
    }
    frameAt = performance.now();
    record("frame.callbacks.late", frameAt - t);
    channel.port2.postMessage(null);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

declare global {
  interface Window {
    __datelineProfile?: typeof profile;
  }
}
if (typeof window !== "undefined") window.__datelineProfile = profile;

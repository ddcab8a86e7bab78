// The crop box as the photo editor drags it: it keeps the chosen shape in pixels and never
// leaves the photo, whatever the pointer does.

import { describe, expect, test } from "vitest";
import type { CropRect } from "../backend";
import {
  PRESETS,
  centreOn,
  contains,
  largestAround,
  moved,
  pixels,
  preset,
  resized,
  type Corner,
  type PhotoSize,
} from "./cropbox";

const landscape: PhotoSize = { width: 4000, height: 3000 };
const portrait: PhotoSize = { width: 3000, height: 4000 };
const EPS = 1e-9;

/** The box's shape in pixels of `size` (what the renditions will have). */
const ratioOf = (r: CropRect, size: PhotoSize) => (r.w * size.width) / (r.h * size.height);

function expectInside(r: CropRect) {
  expect(r.x).toBeGreaterThanOrEqual(-EPS);
  expect(r.y).toBeGreaterThanOrEqual(-EPS);
  expect(r.w).toBeGreaterThan(0);
  expect(r.h).toBeGreaterThan(0);
  expect(r.x + r.w).toBeLessThanOrEqual(1 + EPS);
  expect(r.y + r.h).toBeLessThanOrEqual(1 + EPS);
}

/** A small seeded generator (mulberry32): the same drags on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("presets", () => {
  test("an aspect the desk does not know is a free crop", () => {
    expect(preset("16:9").name).toBe("hero");
    expect(preset("4:5").ratio).toBeCloseTo(0.8);
    expect(preset("9:16")).toEqual(PRESETS[PRESETS.length - 1]);
    expect(preset("9:16").ratio).toBeNull();
  });
});

describe("the largest box around the focal point", () => {
  test.each([
    // [photo, aspect, focus, expected box]
    [landscape, "16:9", { x: 0.5, y: 0.5 }, { x: 0, y: 0.125, w: 1, h: 0.75 }],
    // A focal point near the bottom edge: the box slides up only as far as the photo allows.
    [landscape, "16:9", { x: 0.9, y: 0.95 }, { x: 0, y: 0.25, w: 1, h: 0.75 }],
    // Taller than the photo allows at full width: full height, narrower.
    [landscape, "4:5", { x: 0.5, y: 0.5 }, { x: 0.2, y: 0, w: 0.6, h: 1 }],
    [landscape, "4:5", { x: 0, y: 0.5 }, { x: 0, y: 0, w: 0.6, h: 1 }],
    [portrait, "16:9", { x: 0.5, y: 0.1 }, { x: 0, y: 0, w: 1, h: 0.421875 }],
    [landscape, "1:1", { x: 1, y: 1 }, { x: 0.25, y: 0, w: 0.75, h: 1 }],
    [landscape, "free", { x: 0.3, y: 0.3 }, { x: 0, y: 0, w: 1, h: 1 }],
  ] as const)("%o at %s around %o", (size, aspect, focus, expected) => {
    const box = largestAround(size, preset(aspect).ratio, focus);
    expect(box.x).toBeCloseTo(expected.x);
    expect(box.y).toBeCloseTo(expected.y);
    expect(box.w).toBeCloseTo(expected.w);
    expect(box.h).toBeCloseTo(expected.h);
  });

  test("has the preset's shape in pixels, for every preset on both orientations", () => {
    for (const size of [landscape, portrait, { width: 6000, height: 1000 }]) {
      for (const p of PRESETS) {
        if (p.ratio === null) continue;
        const box = largestAround(size, p.ratio, { x: 0.3, y: 0.7 });
        expectInside(box);
        expect(ratioOf(box, size)).toBeCloseTo(p.ratio, 9);
        // Largest: it touches two opposite edges of the photo.
        expect(box.w === 1 || Math.abs(box.h - 1) < EPS || Math.abs(box.w - 1) < EPS).toBe(true);
      }
    }
  });

  test("centreOn keeps the size and moves only as far as the edges allow", () => {
    const box = { x: 0, y: 0, w: 0.5, h: 0.5 };
    expect(centreOn(box, { x: 0.5, y: 0.5 })).toEqual({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 });
    expect(centreOn(box, { x: 0, y: 1 })).toEqual({ x: 0, y: 0.5, w: 0.5, h: 0.5 });
  });
});

describe("dragging the box", () => {
  const box = { x: 0.2, y: 0.2, w: 0.4, h: 0.3 };

  test("moves with the pointer and stops at the photo's edges", () => {
    expect(moved(box, 0.1, -0.1)).toEqual({ x: 0.30000000000000004, y: 0.1, w: 0.4, h: 0.3 });
    expect(moved(box, 5, 5)).toEqual({ x: 0.6, y: 0.7, w: 0.4, h: 0.3 });
    expect(moved(box, -5, -5)).toEqual({ x: 0, y: 0, w: 0.4, h: 0.3 });
  });

  test("a corner dragged out of the photo stops at its edge, the opposite corner staying put", () => {
    const free = resized(box, "se", { x: 3, y: -2 }, null, landscape);
    // Pulled down-right past the edge and up past the top: right edge at 1, and the height
    // follows the pointer up to the minimum size, the north-west corner unmoved.
    expect(free.x).toBeCloseTo(0.2);
    expect(free.y).toBeCloseTo(0.2);
    expect(free.x + free.w).toBeCloseTo(1);
    expect(free.h).toBeCloseTo(0.2);
    expectInside(free);

    const nw = resized(box, "nw", { x: -1, y: -1 }, null, landscape);
    expect(nw).toEqual({ x: 0, y: 0, w: 0.6000000000000001, h: 0.5 });
  });

  test("at a fixed aspect the height follows the width, and both shrink at the edge", () => {
    const ratio = 16 / 9;
    const r = resized(box, "se", { x: 0.9, y: 0.9 }, ratio, landscape);
    expect(ratioOf(r, landscape)).toBeCloseTo(ratio, 9);
    expect(r.x).toBeCloseTo(0.2);
    expect(r.y).toBeCloseTo(0.2);
    // Dragged far down-right: the right edge stops it, the shape stays 16:9.
    const far = resized(box, "se", { x: 10, y: 10 }, ratio, landscape);
    expect(far.x + far.w).toBeCloseTo(1);
    expect(ratioOf(far, landscape)).toBeCloseTo(ratio, 9);
    expectInside(far);
    // Low in the photo the bottom edge stops it first, and the width shrinks with it.
    const low = resized({ ...box, x: 0.1, y: 0.6 }, "se", { x: 10, y: 10 }, ratio, landscape);
    expect(low.y + low.h).toBeCloseTo(1);
    expect(low.x + low.w).toBeLessThan(1);
    expect(ratioOf(low, landscape)).toBeCloseTo(ratio, 9);
  });

  test("never shrinks below a box a handle can still grab", () => {
    const tiny = resized(box, "se", { x: 0.2, y: 0.2 }, null, landscape);
    expect(tiny.w).toBeCloseTo(0.04);
    expect(tiny.h).toBeCloseTo(0.04);
  });

  test("a thousand random drags: the box never leaves the photo and keeps its shape", () => {
    const next = random(12);
    const corners: Corner[] = ["nw", "ne", "sw", "se"];
    for (const size of [landscape, portrait]) {
      for (const p of PRESETS) {
        let r = largestAround(size, p.ratio, { x: next(), y: next() });
        for (let i = 0; i < 1000; i++) {
          const pointer = { x: next() * 3 - 1, y: next() * 3 - 1 };
          r =
            next() < 0.5
              ? moved(r, pointer.x - 0.5, pointer.y - 0.5)
              : resized(r, corners[Math.floor(next() * 4)]!, pointer, p.ratio, size);
          expectInside(r);
          if (p.ratio !== null) expect(ratioOf(r, size)).toBeCloseTo(p.ratio, 6);
        }
      }
    }
  });
});

describe("reading the box", () => {
  test("contains the points on its edges, not beyond", () => {
    const r = { x: 0.2, y: 0.2, w: 0.4, h: 0.3 };
    expect(contains(r, { x: 0.2, y: 0.5 })).toBe(true);
    expect(contains(r, { x: 0.4, y: 0.35 })).toBe(true);
    expect(contains(r, { x: 0.61, y: 0.35 })).toBe(false);
    expect(contains(r, { x: 0.4, y: 0.1 })).toBe(false);
  });

  test("in pixels of the photo, rounded as the core stores them", () => {
    expect(pixels({ x: 0, y: 0.125, w: 1, h: 0.75 }, landscape)).toEqual({
      width: 4000,
      height: 2250,
    });
    expect(pixels({ x: 0, y: 0, w: 1 / 3, h: 1 / 3 }, landscape)).toEqual({
      width: 1333,
      height: 1000,
    });
  });
});

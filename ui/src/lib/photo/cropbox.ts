// The crop box's geometry on screen, as pure functions over fractions of the oriented photo
// (the same coordinates the core stores). The core decides the saved crop; these only keep
// what the editor drags inside the photo and at the chosen aspect while dragging.

import type { CropRect, Focus } from "../backend";

/** The presets of the photo desk, each with the key of the crop name it suggests (said in the
 *  window's language by `suggestedName` in names.ts). */
export const PRESETS = [
  { aspect: "16:9", name: "hero", ratio: 16 / 9 },
  { aspect: "4:3", name: "landscape", ratio: 4 / 3 },
  { aspect: "3:2", name: "print", ratio: 3 / 2 },
  { aspect: "1:1", name: "social", ratio: 1 },
  { aspect: "4:5", name: "portrait", ratio: 4 / 5 },
  { aspect: "free", name: "custom", ratio: null },
] as const;

export type Preset = (typeof PRESETS)[number];

export interface PhotoSize {
  width: number;
  height: number;
}

/** The smallest box side, as a fraction of the photo, so a handle stays grabbable. */
const MIN = 0.04;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The preset of an aspect label, `free` for anything unknown. */
export function preset(aspect: string): Preset {
  return PRESETS.find((p) => p.aspect === aspect) ?? PRESETS[PRESETS.length - 1]!;
}

/** Height fraction that keeps `ratio` (pixels) for a width fraction `w` of photo `size`. */
function heightFor(w: number, ratio: number, size: PhotoSize): number {
  return (w * size.width) / (ratio * size.height);
}

/** The largest box of `ratio` centred on the focal point, kept inside the photo. */
export function largestAround(size: PhotoSize, ratio: number | null, focus: Focus): CropRect {
  if (ratio === null) return { x: 0, y: 0, w: 1, h: 1 };
  let w = 1;
  let h = heightFor(1, ratio, size);
  if (h > 1) {
    h = 1;
    w = (ratio * size.height) / size.width;
  }
  return centreOn({ x: 0, y: 0, w, h }, focus);
}

/** The same box moved so its centre is as close to `focus` as the photo's edges allow. */
export function centreOn(r: CropRect, focus: Focus): CropRect {
  return {
    ...r,
    x: clamp(focus.x - r.w / 2, 0, 1 - r.w),
    y: clamp(focus.y - r.h / 2, 0, 1 - r.h),
  };
}

/** The box moved by (dx, dy), kept inside the photo. */
export function moved(r: CropRect, dx: number, dy: number): CropRect {
  return { ...r, x: clamp(r.x + dx, 0, 1 - r.w), y: clamp(r.y + dy, 0, 1 - r.h) };
}

export type Corner = "nw" | "ne" | "sw" | "se";

/**
 * The box resized by dragging `corner` to the point `p`, the opposite corner staying put;
 * with a ratio the height follows the width, and both shrink together at the photo's edge.
 */
export function resized(
  r: CropRect,
  corner: Corner,
  p: Focus,
  ratio: number | null,
  size: PhotoSize,
): CropRect {
  const west = corner === "nw" || corner === "sw";
  const north = corner === "nw" || corner === "ne";
  const ax = west ? r.x + r.w : r.x;
  const ay = north ? r.y + r.h : r.y;
  // Room between the fixed corner and the photo's edges in the dragged direction.
  const roomW = west ? ax : 1 - ax;
  const roomH = north ? ay : 1 - ay;
  let w = clamp(Math.abs(clamp(p.x, 0, 1) - ax), MIN, roomW);
  let h = clamp(Math.abs(clamp(p.y, 0, 1) - ay), MIN, roomH);
  if (ratio !== null) {
    h = heightFor(w, ratio, size);
    if (h > roomH) {
      h = roomH;
      w = (h * ratio * size.height) / size.width;
    }
  }
  return { x: west ? ax - w : ax, y: north ? ay - h : ay, w, h };
}

/** Whether point `p` lies inside box `r`. */
export function contains(r: CropRect, p: Focus): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

/** The box in pixels of the oriented photo, as the core will store it. */
export function pixels(r: CropRect, size: PhotoSize): { width: number; height: number } {
  return { width: Math.round(r.w * size.width), height: Math.round(r.h * size.height) };
}

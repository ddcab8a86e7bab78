// Story bundles (issue 14): a story as one `.dateline` file, for when there is no network.
// Saved from the open story, opened by "Open bundle…" or by dropping the file on the window.

import type { BundleDone } from "./types";

/** Whether a dropped file is a story bundle (the window opens it; the photo desk skips it). */
export function isBundle(path: string): boolean {
  return path.toLowerCase().endsWith(".dateline");
}

/** What the window says once a bundle was opened. */
export function openedWords(b: BundleDone): string {
  const versions = `${b.revisions} new version${b.revisions === 1 ? "" : "s"}`;
  const photos = b.photos ? `, ${b.photos} photo${b.photos === 1 ? "" : "s"}` : "";
  const after = b.conflicts
    ? ` Both versions of what was changed on both sides are kept: ${b.conflicts} conflict${b.conflicts === 1 ? "" : "s"} to settle.`
    : b.merged
      ? " Its changes were put together with this desk's."
      : "";
  return `“${b.headline}” brought in from the bundle (${versions}${photos}).${after}`;
}

/** What the window says once a bundle was saved. */
export function savedWords(b: BundleDone): string {
  return `“${b.headline}” saved as ${b.path}: send this file to the newsroom by any means; opening it there brings the story in.`;
}

// Story bundles (issue 14): a story as one `.dateline` file, for when there is no network.
// Saved from the open story, opened by "Open bundle…" or by dropping the file on the window.

import { t } from "../i18n";
import type { BundleDone } from "./types";

/** Whether a dropped file is a story bundle (the window opens it; the photo desk skips it). */
export function isBundle(path: string): boolean {
  return path.toLowerCase().endsWith(".dateline");
}

/** What the window says once a bundle was opened. */
export function openedWords(b: BundleDone): string {
  const after = b.conflicts
    ? t("bundle-opened-conflicts", { count: b.conflicts })
    : b.merged
      ? t("bundle-opened-merged")
      : "";
  const what = b.photos
    ? t("bundle-opened-with-photos", { headline: b.headline, versions: b.revisions, photos: b.photos })
    : t("bundle-opened", { headline: b.headline, versions: b.revisions });
  return after ? `${what} ${after}` : what;
}

/** What the window says once a bundle was saved. */
export function savedWords(b: BundleDone): string {
  return t("bundle-saved", { headline: b.headline, path: b.path });
}

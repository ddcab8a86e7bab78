// Which article the window opens on: the one the writer had open last on this desk, else
// the newest story still being worked on (a draft or one in edit), else the newest of all.
// Published and archived stories are reference, not work: a desk is not opened on them.

import type { ArticleSummary, Status } from "../backend";

const IN_PROGRESS: Status[] = ["draft", "in_edit", "copy_desk", "ready"];

// Keyed by the desk's folder: article ids are only unique within one desk.
const key = (deskDir: string) => `dateline:last-article:${deskDir}`;

export function rememberOpen(deskDir: string, id: number): void {
  try {
    localStorage.setItem(key(deskDir), String(id));
  } catch {
    // Storage can be unavailable (private mode, quota); opening the newest draft is fine.
  }
}

/** The story open last on this desk, if the window remembers one. */
export function lastOpen(deskDir: string): number | null {
  try {
    const id = Number(localStorage.getItem(key(deskDir)));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function articleToOpen(deskDir: string, list: ArticleSummary[]): number | undefined {
  const last = lastOpen(deskDir);
  if (list.some((a) => a.id === last)) return last ?? undefined;
  return (list.find((a) => IN_PROGRESS.includes(a.status)) ?? list[0])?.id;
}

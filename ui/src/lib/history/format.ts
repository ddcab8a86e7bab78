// How the history panel names a revision: when it was taken, in the writer's clock, and why,
// in words rather than the core's reason codes.

import { formatDate, t } from "../i18n";
import type { Revision } from "../backend";

/** "Today 14:05", "Yesterday 09:12" or "3 Mar 2026, 18:40". */
export function when(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const time = formatDate(then, { hour: "2-digit", minute: "2-digit" });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(then)) / 86_400_000);
  if (days === 0) return t("when-today", { time });
  if (days === 1) return t("when-yesterday", { time });
  const date = formatDate(then, { day: "numeric", month: "short", year: "numeric" });
  return t("when-date", { date, time });
}

/** The core's other reasons, each said in the window's language (src/workspace/articles.rs,
 *  revisions.rs, export.rs, src/newsroom/sync.rs write them). */
export const FIXED_REASONS: Record<string, () => string> = {
  "merged with changes from elsewhere": () => t("why-merged-elsewhere"),
  "typed while it changed elsewhere": () => t("why-typed-beside"),
  "before sync": () => t("why-before-sync"),
  "before restore": () => t("why-before-restore"),
  export: () => t("why-export"),
  merged: () => t("why-merged"),
};

/** The core records why a revision was taken ("autosave", "restored #12", "status: ready"). */
export function why(r: Revision): string {
  if (r.reason === "autosave") return t("why-autosave");
  if (r.reason === "checkpoint") return t("why-checkpoint");
  if (r.reason === "created") return t("why-created");
  const fixed = FIXED_REASONS[r.reason];
  if (fixed) return fixed();
  const restored = /^restored #(\d+)$/.exec(r.reason);
  if (restored?.[1]) return t("why-restored", { id: restored[1] });
  const copied = /^duplicated from #(\d+)$/.exec(r.reason);
  if (copied?.[1]) return t("why-duplicated", { id: copied[1] });
  const status = /^status: (.+)$/.exec(r.reason);
  // Moves read "status: Draft → In edit"; revisions of older desks only name the new status.
  const moved = status?.[1];
  if (moved) {
    const named = moved.split("→").map(statusWord).join(" → ");
    return moved.includes("→") ? t("why-moved", { move: named }) : t("why-status", { status: named });
  }
  return r.reason;
}

/** The core writes a move's statuses by their English labels (or, on older desks, their
 *  codes): the history names them in the window's language. */
const STATUS_WORDS: Record<string, () => string> = {
  draft: () => t("status-draft"),
  "in edit": () => t("status-in-edit"),
  in_edit: () => t("status-in-edit"),
  "copy desk": () => t("status-copy-desk"),
  copy_desk: () => t("status-copy-desk"),
  ready: () => t("status-ready"),
  published: () => t("status-published"),
  spiked: () => t("status-spiked"),
  archived: () => t("status-archived"),
};

function statusWord(s: string): string {
  const word = STATUS_WORDS[s.trim().toLowerCase()];
  return word ? word() : s.trim();
}

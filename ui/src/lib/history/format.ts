// How the history panel names a revision: when it was taken, in the writer's clock, and why,
// in words rather than the core's reason codes.

import type { Revision } from "../backend";

/** "Today 14:05", "Yesterday 09:12" or "3 Mar 2026, 18:40". */
export function when(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const time = t.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(t)) / 86_400_000);
  if (days === 0) return `Today ${time}`;
  if (days === 1) return `Yesterday ${time}`;
  const date = t.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  return `${date}, ${time}`;
}

/** The core records why a revision was taken ("autosave", "restored #12", "status: ready"). */
export function why(r: Revision): string {
  if (r.reason === "autosave") return "Autosave";
  if (r.reason === "checkpoint") return "Checkpoint";
  if (r.reason === "created") return "Created";
  const restored = /^restored #(\d+)$/.exec(r.reason);
  if (restored) return `Restored version #${restored[1]}`;
  const copied = /^duplicated from #(\d+)$/.exec(r.reason);
  if (copied) return `Duplicated from #${copied[1]}`;
  const status = /^status: (.+)$/.exec(r.reason);
  // Moves read "status: Draft → In edit"; revisions of older desks only name the new status.
  const moved = status?.[1];
  if (moved) return moved.includes("→") ? `Moved ${moved}` : `Status → ${moved}`;
  return r.reason;
}

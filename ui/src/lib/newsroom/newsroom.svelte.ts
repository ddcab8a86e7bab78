// The newsroom as the window sees it (issue 14): what the background sync said last (the
// shell's `newsroom-status` event), read by the top bar, the library (who holds what), the
// workflow (the moves the person's role may make) and the open story (its refusal, its
// conflict). A desk that never joined hears nothing and shows nothing of it.

import * as backend from "../backend";
import { formatDate, t } from "../i18n";
import type { Status } from "../backend";
import type { StoryConflict, SyncState } from "./types";

/** The statuses where a story is the editors' alone: a correspondent's changes are refused. */
const EDITORS_ONLY: Status[] = ["copy_desk", "ready", "published", "archived"];

/** Whether someone of `role` (null: a desk on its own) may change a story in `status`:
 *  editors always; a correspondent until an editor has moved it on; the photo desk and
 *  admins never (they read stories). The server refuses the same (newsroom format 6). */
export function mayChangeStory(role: string | null, status: Status): boolean {
  if (role === null || role === "editor") return true;
  if (role === "correspondent") return !EDITORS_ONLY.includes(status);
  return false;
}

class NewsroomStore {
  sync = $state<SyncState | null>(null);
  /** The join dialog is open. */
  joining = $state(false);

  get joined(): boolean {
    return this.sync?.desk.joined ?? false;
  }

  get role(): string | null {
    return this.sync?.desk.role ?? null;
  }

  /** Listens to the background sync; resolves to a function that stops listening. */
  async start(): Promise<() => void> {
    const stop = await backend.onNewsroomStatus((s) => (this.sync = s));
    const now = await backend.newsroomState();
    if (now && (this.sync === null || now.round >= this.sync.round)) this.sync = now;
    return stop;
  }

  /** Whether the person's role may move a story from `from` to `to` (the server's rule). */
  allows(from: Status, to: Status): boolean {
    const moves = this.sync?.moves;
    if (!this.joined || moves === null || moves === undefined) return true;
    return moves.some(([f, t]) => f === from && t === to);
  }

  /** Whether this person may change a story's words, fields and trash in `status` (the
   *  server's rule, newsroom format 6). */
  mayChange(status: Status): boolean {
    return mayChangeStory(this.joined ? this.role : null, status);
  }

  /** Someone else who has story `id` open ("Ana Pérez"), if anyone does. */
  holderOf(id: number | null): string | null {
    if (id === null || !this.sync) return null;
    return this.sync.holders.find((h) => h.article_id === id)?.name ?? null;
  }

  /** The newsroom's last refusal of something done to story `id`. */
  refusalOf(id: number | null) {
    if (id === null || !this.sync) return null;
    const all = this.sync.desk.refused.filter((r) => r.article_id === id);
    return all[all.length - 1] ?? null;
  }

  /** Whether story `id` has an open conflict on its text. */
  conflictOn(id: number | null): boolean {
    if (id === null || !this.sync) return false;
    return this.sync.desk.conflicts.some((c) => c.article_id === id && c.field === "body");
  }

  /** Story `id`'s fields in conflict (headline, dateline…), each with both values. */
  fieldConflictsOn(id: number | null): StoryConflict[] {
    if (id === null || !this.sync) return [];
    return this.sync.desk.conflicts.filter((c) => c.article_id === id && c.field !== "body");
  }

  /** Whether story `id` changed on another desk since the person last opened it here:
   *  "new" (never opened here), "changed", or null. The open story is never marked. */
  unseenOf(id: number): "new" | "changed" | null {
    if (!this.sync || id === this.#held) return null;
    const u = this.sync.desk.unseen.find((x) => x.article_id === id);
    return u ? (u.new ? "new" : "changed") : null;
  }

  /** What others changed in story `id` is seen (opened, or left after reading it open). */
  #seen(id: number): void {
    const drop = () => {
      if (this.sync?.desk.unseen.some((u) => u.article_id === id)) {
        const unseen = this.sync.desk.unseen.filter((u) => u.article_id !== id);
        this.sync = { ...this.sync, desk: { ...this.sync.desk, unseen } };
      }
    };
    drop();
    // Once stored, again: a status the sync worked out before it was stored may have come
    // in meanwhile.
    void backend
      .newsroomSeen(id)
      .then(drop)
      .catch(() => undefined);
  }

  #held: number | null = null;
  #refresh: ReturnType<typeof setInterval> | undefined;

  /** Story `id` is open on this desk: hold it (others see "… is editing"), refreshed while it
   *  stays open, and let go of the one before. Holds need the network; offline they wait. */
  opened(id: number | null, readOnly = false): void {
    // Reading a story the person may not change is not editing it: no hold, only seen.
    if (readOnly && id !== null) {
      if (this.joined) this.#seen(id);
      id = null;
    }
    if (!this.joined || id === this.#held) return;
    const before = this.#held;
    this.#held = id;
    clearInterval(this.#refresh);
    if (before !== null) {
      void backend.newsroomRelease(before).catch(() => undefined);
      this.#seen(before);
    }
    if (id === null) return;
    this.#seen(id);
    const hold = () => void backend.newsroomHold(id, false).catch(() => undefined);
    hold();
    this.#refresh = setInterval(hold, 120_000);
  }

  /** A save settled, or the person asked: sync soon (nothing for a desk that never joined). */
  wake(): void {
    if (this.joined) void backend.newsroomWake().catch(() => undefined);
  }
}

export const newsroom = new NewsroomStore();

/** Refusals as a person lists them: the same reason for the same story once (a story's
 *  refused words and their revision are refused together), newest first. */
export function distinctRefusals<T extends { article_id: number | null; reason: string }>(
  all: T[],
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of [...all].reverse()) {
    const key = `${r.article_id}\u0000${r.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** The top bar's words for a sync state, with the time of the last sync. */
export function statusWords(s: SyncState, now: Date): string {
  const waiting = s.desk.to_send;
  switch (s.state) {
    case "syncing":
      return t("nr-status-syncing");
    case "password":
      return t("nr-status-password");
    case "offline":
      return waiting ? t("nr-status-offline-waiting", { count: waiting }) : t("nr-status-offline");
    case "up_to_date":
      return waiting ? t("nr-status-up-to-date-waiting", { count: waiting }) : t("nr-status-up-to-date");
    default:
      return s.desk.last_sync
        ? t("nr-status-last-sync", { when: since(s.desk.last_sync, now) })
        : t("nr-status-never");
  }
}

/** "just now", "4 min ago", "at 14:05". */
export function since(iso: string, now: Date): string {
  const then = new Date(iso);
  const s = Math.round((now.getTime() - then.getTime()) / 1000);
  if (s < 60) return t("nr-since-now");
  if (s < 3600) return t("nr-since-minutes", { minutes: Math.floor(s / 60) });
  return t("nr-since-at", { time: formatDate(then, { hour: "2-digit", minute: "2-digit" }) });
}

// The window's session: which desk is open and who works at it, which screen fills the
// window, and what the window has to tell the person — the notice over the writing column
// when something could not be done, and the short toast with its Undo. It knows nothing of
// articles; the open story (`story.svelte.ts`) and the desk's lists (`catalogue.svelte.ts`)
// report through it.

import * as backend from "../backend";
import type { DeskInfo, Failure } from "../backend";
import { photoSaver } from "../photo/photosaver.svelte";
import { settingsSaver } from "../settings/store.svelte";

/** The screens of the window; the writing desk stays mounted under the others. */
export type Screen = "desk" | "photos" | "people" | "settings";

export interface Toast {
  text: string;
  action?: { label: string; run: () => void };
}

export class Session {
  desk = $state<DeskInfo | null>(null);
  /** Why the desk could not be opened at all; the window shows only that. */
  fatal = $state<Failure | null>(null);
  screen = $state<Screen>("desk");
  askIdentity = $state(false);
  toast = $state<Toast | null>(null);
  /** The last thing that could not be done, shown over the writing column until dismissed. */
  problem = $state("");
  distractionFree = $state(false);
  /** The clock the library's "5 min ago" reads; ticks every 30 s while the window is open. */
  now = $state(new Date());

  /** The desk's folder ("" until it is open): the key of what the window remembers. */
  get dir(): string {
    return this.desk?.dir ?? "";
  }

  /** The name stamped on revisions and moves ("" until the person gives one). */
  get identity(): string {
    return this.desk?.identity.trim() ?? "";
  }

  /** The name a new story is bylined to: the person's newsroom name once joined. */
  get bylineName(): string {
    return this.desk?.byline.trim() || this.identity;
  }

  /** The desk is open: the name stamped on every revision is asked before anything else. */
  opened(info: DeskInfo): void {
    this.desk = info;
    this.askIdentity = !info.identity.trim();
  }

  /**
   * Runs `work`; when it fails, says why in the notice and answers `undefined`. The one
   * place the window turns a failed call into words for the person.
   */
  async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (e) {
      this.report(e);
      return undefined;
    }
  }

  report(e: unknown): void {
    this.problem = backend.failure(e).message;
  }

  /** Shows another screen; leaving the photo desk or Settings stores its open form first. Answers
   *  whether the screen changed (not when it was shown already, nor while that form cannot
   *  be stored). */
  async show(next: Screen): Promise<boolean> {
    if (next === this.screen) return false;
    if (this.screen === "photos" && !(await photoSaver.flush(true))) return false;
    if (this.screen === "settings" && !(await settingsSaver.flush(true))) return false;
    this.screen = next;
    return true;
  }
}

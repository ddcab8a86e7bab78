// Autosave: the writer never presses Save. A save starts ~800 ms after typing pauses, and at
// least every 5 s while typing goes on; saves run one after another, never two at once; a
// failed save keeps every word in the form, shows why, and is tried again.
//
// The saver does not know what an article is: it counts edits and calls `save`, which
// answers `undefined` when everything up to that point is stored, or a sentence saying why it
// could not store it yet (e.g. a new article without a headline).

import { t } from "../i18n";
import { failure, type ErrorDto } from "../backend";

export type SaveState = "saved" | "saving" | "dirty" | "error";

export type SaveFn = (force: boolean) => Promise<string | undefined>;

export class Autosaver {
  state = $state<SaveState>("saved");
  /** Why the last save did not happen (for `dirty` and `error`), for the writer to read. */
  message = $state("");
  savedAt = $state<Date | null>(null);

  #save: SaveFn;
  #idleMs: number;
  #maxMs: number;
  #edits = 0;
  #stored = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #max: ReturnType<typeof setTimeout> | undefined;
  /** The tail of the queue of saves: each waits for the one before. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(save: SaveFn, idleMs = 800, maxMs = 5000) {
    this.#save = save;
    this.#idleMs = idleMs;
    this.#maxMs = maxMs;
  }

  /** The writer changed something. */
  touch(): void {
    this.#edits += 1;
    if (this.state === "saved") this.state = "dirty";
    this.#schedule();
  }

  get pending(): boolean {
    return this.#edits !== this.#stored;
  }

  /**
   * Saves now, after any save already running. `force` asks `save` to store even what it
   * would rather wait for (used before closing or switching articles). Resolves to true
   * when every edit so far is stored.
   */
  flush(force = false): Promise<boolean> {
    this.#clearTimers();
    const step = this.#queue.then(() => this.#saveOnce(force));
    this.#queue = step.catch(() => undefined);
    return step;
  }

  /**
   * Runs `work` between two saves: after every edit so far is stored, and before the next
   * save starts, so a save never races it. A workflow move uses this: the move changes the
   * stored status, and `work` puts the new status into the form before any later save reads
   * it. Refuses (throws the save's failure) when what was typed could not be stored first.
   */
  between<T>(work: () => Promise<T>): Promise<T> {
    this.#clearTimers();
    const step = this.#queue.then(async () => {
      if (!(await this.#saveOnce(true))) {
        const refusal: ErrorDto = {
          code: "invalid",
          message: this.message || t("autosave-not-saved-first"),
        };
        throw refusal;
      }
      return work();
    });
    this.#queue = step.catch(() => undefined);
    return step;
  }

  /** Starts over for another article: nothing pending, nothing to say. */
  reset(): void {
    this.#clearTimers();
    this.#edits = 0;
    this.#stored = 0;
    this.state = "saved";
    this.message = "";
  }

  async #saveOnce(force: boolean): Promise<boolean> {
    if (!this.pending) {
      if (this.state !== "saved") this.#settled();
      return true;
    }
    const target = this.#edits;
    this.state = "saving";
    try {
      const notYet = await this.#save(force);
      if (notYet !== undefined) {
        this.state = "dirty";
        this.message = notYet;
        return false;
      }
      this.#stored = target;
      if (this.pending) {
        // The writer kept typing while this save ran: the next one is already due.
        this.state = "dirty";
        this.message = "";
        this.#schedule();
        return false;
      }
      return this.#settled();
    } catch (e) {
      this.state = "error";
      this.message = failure(e).message;
      // Conditions like a full disk can clear up: try again without waiting for a keystroke.
      this.#max ??= setTimeout(() => {
        this.#max = undefined;
        void this.flush();
      }, this.#maxMs);
      return false;
    }
  }

  #settled(): boolean {
    this.state = "saved";
    this.message = "";
    this.savedAt = new Date();
    return true;
  }

  #schedule(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => void this.flush(), this.#idleMs);
    this.#max ??= setTimeout(() => {
      this.#max = undefined;
      void this.flush();
    }, this.#maxMs);
  }

  #clearTimers(): void {
    clearTimeout(this.#idle);
    clearTimeout(this.#max);
    this.#idle = undefined;
    this.#max = undefined;
  }
}

/** What a form that comes and goes hands its saver: stores the form, answers why not. */
export type StoreForm = () => Promise<string | undefined>;

/**
 * An `Autosaver` for a form that comes and goes (a photo's fields, the Settings screen): the
 * open form hands in the function that stores it with `storeWith`, which returns a function
 * that stops it (only while it is still the current one), for the form going away.
 */
export function formSaver(): { saver: Autosaver; storeWith: (fn: StoreForm) => () => void } {
  let store: StoreForm | null = null;
  const saver = new Autosaver(async () => (store ? store() : undefined));
  return {
    saver,
    storeWith(fn) {
      store = fn;
      return () => {
        if (store === fn) store = null;
      };
    },
  };
}

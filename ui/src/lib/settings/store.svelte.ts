// The desk's publication settings as the window knows them: loaded once at start, replaced
// when the Settings screen saves. Readers (the hero panel's aspect, the Export dialog's
// folder) take `settings.current`, which holds today's defaults until the core has answered,
// so nothing waits on it to draw.

import * as backend from "../backend";
import type { Settings } from "../backend";
import { formSaver } from "../desk/autosave.svelte";

/** The house shape of a single-photo hero until the desk says otherwise. */
export const DEFAULT_HERO_ASPECT = "16:9";

class SettingsStore {
  current = $state<Settings | null>(null);
  error = $state("");

  get heroAspect(): string {
    return this.current?.hero_aspect || DEFAULT_HERO_ASPECT;
  }

  async load(): Promise<Settings | null> {
    try {
      this.current = await backend.getSettings();
      this.error = "";
    } catch (e) {
      this.error = backend.failure(e).message;
    }
    return this.current;
  }

  /**
   * A package was written into `folder`: the desk proposes it next time (its export folder,
   * as if chosen in Settings). Not remembering is harmless — the folder is still typed or
   * picked — so a refusal is kept quiet.
   */
  async rememberExportFolder(folder: string): Promise<void> {
    const now = this.current ?? (await this.load());
    if (!now || !folder.trim() || folder === now.export_folder_now) return;
    try {
      this.current = await backend.saveSettings({ ...$state.snapshot(now), export_folder: folder });
    } catch {
      // The folder left the scope meanwhile: the dialog proposes the old one.
    }
  }
}

export const settings = new SettingsStore();

const form = formSaver();

/** The Settings screen's autosave: the same pauses and retries as the story's. Before the
 *  window shows another screen, `settingsSaver.flush(true)` stores what was typed, so a
 *  change is never dropped by leaving the screen; a refusal keeps the person on it. */
export const settingsSaver = form.saver;

/** Makes `fn` what the saver stores; returns a function that stops it. */
export const storeSettingsWith = form.storeWith;

// Which language the window speaks: a pure decision over the saved choice and the system's
// language, kept apart from the store so a test can try every case without a window.

import { negotiateLanguages } from "@fluent/langneg";

/** The interface languages there are catalogues for. */
export const UI_LANGUAGES = ["en", "es"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** What the person chose in Settings; "auto" follows the system. */
export type UiLanguageChoice = "auto" | UiLanguage;

/** Where the choice is kept: per machine, not in the desk, since two editors sharing a desk
 *  may read different languages. */
export const STORAGE_KEY = "dateline.uiLanguage";

export function isChoice(value: unknown): value is UiLanguageChoice {
  return value === "auto" || (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** The saved choice wins; otherwise the system's language ("es-MX" → es), and English for
 *  any language there is no catalogue for. */
export function resolveLanguage(choice: UiLanguageChoice, systemLanguages: readonly string[]): UiLanguage {
  if (choice !== "auto") return choice;
  // The first of the system's languages there is a catalogue for, by Fluent's own matching
  // ("es-MX" takes "es"); English when none is.
  const [best] = negotiateLanguages(systemLanguages, UI_LANGUAGES, { defaultLocale: "en", strategy: "lookup" });
  return isChoice(best) && best !== "auto" ? best : "en";
}

/** The tag dates and numbers are formatted with: the system's own tag when it is in the
 *  interface's language (an en-GB system keeps its 24-hour clock in English), otherwise the
 *  interface language itself (an English system with the interface in Spanish gets "es"). */
export function formattingLocale(language: UiLanguage, systemLanguages: readonly string[]): string {
  for (const tag of systemLanguages) {
    if (tag.toLowerCase().split(/[-_]/)[0] === language) {
      try {
        return Intl.getCanonicalLocales(tag)[0] ?? language;
      } catch {
        return language;
      }
    }
  }
  return language;
}

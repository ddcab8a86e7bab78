// The window's words in the reader's language: Fluent catalogues (src/locales/*.ftl), one
// reactive language, and `t(id, args)`. Reading `t` inside a template or a `$derived` makes it
// follow the language, so a switch in Settings applies at once, without a restart.
//
// The interface language is not the story's language: a story's `language` field decides its
// credit words and preview, this decides the buttons around it.

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

import en from "../../locales/en.ftl?raw";
import es from "../../locales/es.ftl?raw";
import {
  STORAGE_KEY,
  formattingLocale,
  isChoice,
  resolveLanguage,
  type UiLanguage,
  type UiLanguageChoice,
} from "./locale";

export const CATALOGUES: Record<UiLanguage, string> = { en, es };

function bundle(language: UiLanguage): FluentBundle {
  // No bidi isolation marks around arguments: both languages are left-to-right, and the marks
  // would sit invisibly inside text people copy and tests read.
  const b = new FluentBundle(language, { useIsolating: false });
  const errors = b.addResource(new FluentResource(CATALOGUES[language]));
  if (errors.length) console.error(`${language}.ftl:`, errors);
  return b;
}

const bundles: Partial<Record<UiLanguage, FluentBundle>> = {};
function bundleFor(language: UiLanguage): FluentBundle {
  return (bundles[language] ??= bundle(language));
}

function systemLanguages(): readonly string[] {
  // The session's locale as the app read it (LC_ALL, LC_MESSAGES, LANG) comes first: WebKit
  // says "en-US" when that locale is not generated on the machine.
  const session = (globalThis as { __datelineSystemLocale?: unknown }).__datelineSystemLocale;
  const first = typeof session === "string" && session ? [session] : [];
  if (typeof navigator === "undefined") return first;
  return [...first, ...(navigator.languages?.length ? navigator.languages : [navigator.language])];
}

function savedChoice(): UiLanguageChoice {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isChoice(v) ? v : "auto";
  } catch {
    return "auto";
  }
}

class Interface {
  /** What Settings shows: "auto", "en" or "es". */
  choice = $state<UiLanguageChoice>(savedChoice());
  /** The language the system asks for: what "Automatic" would choose. */
  readonly system = $derived<UiLanguage>(resolveLanguage("auto", systemLanguages()));
  /** The language the window speaks now. */
  readonly language = $derived<UiLanguage>(resolveLanguage(this.choice, systemLanguages()));
  /** The tag `Intl` formats dates and numbers with. */
  readonly locale = $derived(formattingLocale(this.language, systemLanguages()));

  /** Applies and remembers a choice (on this machine). */
  choose(choice: UiLanguageChoice): void {
    this.choice = choice;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, choice);
    } catch {
      // A window without storage still switches; it just forgets at restart.
    }
    if (typeof document !== "undefined") document.documentElement.lang = this.language;
  }
}

export const ui = new Interface();
if (typeof document !== "undefined") document.documentElement.lang = ui.language;

export type Args = Record<string, FluentVariable>;

/** The message `id` in the interface language, with `args` put in (numbers formatted for the
 *  language, plurals chosen by it). A missing id shows itself, so it is seen, and the catalogue
 *  test fails before anyone does. */
export function t(id: string, args?: Args): string {
  const b = bundleFor(ui.language);
  const message = b.getMessage(id);
  if (!message?.value) return id;
  const errors: Error[] = [];
  const text = b.formatPattern(message.value, args, errors);
  if (errors.length) console.error(`${ui.language}.ftl ${id}:`, errors);
  return text;
}

// Formatters are built once per language and options: the word count under the editor is
// formatted on every keystroke.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A number as the interface language writes it ("1,234" / "1234", "12.345"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const key = `${ui.locale} ${JSON.stringify(options ?? {})}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(ui.locale, options)));
  return f.format(n);
}

/** A date as the interface language writes it. */
export function formatDate(d: Date, options?: Intl.DateTimeFormatOptions): string {
  const key = `${ui.locale} ${JSON.stringify(options ?? {})}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(ui.locale, options)));
  return f.format(d);
}

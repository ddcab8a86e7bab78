// The words the page adds around a story, from the same Fluent catalogues the export uses
// (assets/i18n/<language>/page.ftl), so the preview says "Por … y …" where the page does. Only
// simple messages (`key = text`, no variables) are read here; the rest is the core's.

import en from "../../../../assets/i18n/en/page.ftl?raw";
import es from "../../../../assets/i18n/es/page.ftl?raw";

/** `key = value` lines of a Fluent file, variables and comments left out. */
export function simpleMessages(ftl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of ftl.split("\n")) {
    const m = /^([a-z][a-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (m && m[1] && m[2] !== undefined && !m[2].includes("{")) out.set(m[1], m[2].trim());
  }
  return out;
}

const CATALOGUES: Record<string, Map<string, string>> = {
  en: simpleMessages(en),
  es: simpleMessages(es),
};

/** The word for `key` in `language`, English when the language has no catalogue. */
export function pageWord(language: string, key: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? "en";
  return CATALOGUES[base]?.get(key) ?? CATALOGUES.en?.get(key) ?? key;
}

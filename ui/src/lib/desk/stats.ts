// The numbers a writer glances at: words, characters, reading time, and the house limits for
// headline and dek (warnings, never blocks).

export const WORDS_PER_MINUTE = 230;
export const HEADLINE_LIMIT = 110;
export const DEK_LIMIT = 300;

export interface BodyStats {
  words: number;
  characters: number;
  minutes: number;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Counts as the core's `markdown::word_count` does: markup alone is not a word. */
export function bodyStats(markdown: string): BodyStats {
  let words = 0;
  for (const token of markdown.split(/\s+/)) {
    if (HAS_WORD_CHAR.test(token)) words += 1;
  }
  return {
    words,
    characters: [...markdown].length,
    minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}

/** Characters as a reader counts them (a "ñ" is one, however it is encoded). */
export function length(text: string): number {
  return [...text.normalize("NFC")].length;
}

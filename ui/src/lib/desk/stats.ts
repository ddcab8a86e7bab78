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

const TOKEN = /\S+/g;

/** Counts as the core's `markdown::word_count` does: markup alone is not a word. Walks the
 *  10,000-word body without making an array of its words or of its characters. */
export function bodyStats(markdown: string): BodyStats {
  let words = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(markdown); m !== null; m = TOKEN.exec(markdown)) {
    if (HAS_WORD_CHAR.test(m[0])) words += 1;
  }
  // Code points: a surrogate pair is one character.
  let characters = markdown.length;
  for (let i = 0; i < markdown.length; i += 1) {
    const c = markdown.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = markdown.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) characters -= 1;
    }
  }
  return {
    words,
    characters,
    minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}

/** Characters as a reader counts them (a "ñ" is one, however it is encoded). */
export function length(text: string): number {
  return [...text.normalize("NFC")].length;
}

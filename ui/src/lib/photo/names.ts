// The crop names the photo desk suggests, in the window's language: a Spanish desk's new hero
// crop is "portada", not "hero". They are only suggestions; a crop's name is the person's.

import { t } from "../i18n";
import { preset } from "./cropbox";

/** The name a new crop of this aspect is given unless the person types another. */
export function suggestedName(aspect: string): string {
  switch (preset(aspect).name) {
    case "hero":
      return t("crop-suggest-hero");
    case "landscape":
      return t("crop-suggest-landscape");
    case "print":
      return t("crop-suggest-print");
    case "social":
      return t("crop-suggest-social");
    case "portrait":
      return t("crop-suggest-portrait");
    default:
      return t("crop-suggest-custom");
  }
}

/** True when `name` is one the desk suggested (so choosing another aspect may rename it). */
export function isSuggested(name: string): boolean {
  const n = name.trim();
  return ["16:9", "4:3", "3:2", "1:1", "4:5", "free"].some(
    (a) => suggestedName(a) === n || preset(a).name === n,
  );
}

// A story's fields that two desks changed apart (issue 14): the newsroom's merge keeps both
// values in the conflict (as the core writes them: tags joined by ", ", the section's name),
// and the person chooses one. The fields a person types as one line can be set back to
// either value here; the others (bylines, hero, extra front matter) are kept as they are and
// their other value is shown, to be restored from the history if wanted.

import type { Draft } from "../desk/draft.svelte";
import { t } from "../i18n";

export type TextField = "headline" | "dek" | "dateline" | "section" | "language" | "tags";
const TEXT_FIELDS: readonly string[] = ["headline", "dek", "dateline", "section", "language", "tags"];

/** Whether the field's value can be set back from its text in the conflict. */
export function settable(field: string): field is TextField {
  return TEXT_FIELDS.includes(field);
}

/** The field's value in the form, written as the conflict writes it. */
export function fieldText(draft: Pick<Draft, TextField>, field: string): string | null {
  if (!settable(field)) return null;
  if (field === "tags")
    return draft.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .join(", ");
  return draft[field];
}

/** Puts a value from the conflict into the form. */
export function setFieldText(draft: Pick<Draft, TextField>, field: TextField, value: string): void {
  draft[field] = value;
}

/** What the person reads for a field's value ("(empty)" rather than nothing). */
export function shown(value: string): string {
  return value.trim() === "" ? t("nr-field-empty") : value;
}

// Where a preflight finding sends the writer: the form field it names, found by the test ids
// the article form already carries, and the words the dialog uses for it.

import { t } from "../i18n";

/** The field's name as the form labels it. `photo.*` fields are the photo desk's. */
export function fieldLabel(field: string): string {
  const labels: Record<string, string> = {
    headline: t("field-headline"),
    dek: t("field-dek"),
    bylines: t("field-bylines"),
    section: t("field-section"),
    status: t("field-status"),
    body: t("field-body"),
    hero: t("field-hero"),
    publication: t("field-publication"),
    "photo.credit": t("field-photo-credit"),
    "photo.creator": t("field-photo-creator"),
    "photo.alt_text": t("field-photo-alt"),
    "photo.caption": t("field-photo-caption"),
    "photo.copyright": t("field-photo-copyright"),
    "photo.crop": t("field-photo-crop"),
  };
  if (labels[field]) return labels[field];
  // A field named in the core but not here: its words, never the developer's label.
  const words = field.replace(/^photo\./, "photo ").replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The input to focus for `field`, or null when it is not on the article form. */
export function fieldElement(field: string): HTMLElement | null {
  const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  switch (field) {
    case "headline":
      return byTestId("headline-input");
    case "dek":
      return byTestId("dek-input");
    case "bylines":
      return byTestId("byline-name");
    case "section":
      return byTestId("section-input");
    case "body":
      return document.querySelector<HTMLElement>('[data-testid="body-editor"] .cm-content');
    case "hero":
      // A hero finding without a photo: the hero as the article form shows it.
      return byTestId("article-hero");
    case "status":
      // Status changes only through the workflow's move buttons: focus the first of them.
      return document.querySelector<HTMLElement>('[data-testid="workflow"] button');
    default:
      return null;
  }
}

/** Brings `field` into view and puts the caret in it; false when there is nothing to focus. */
export function focusField(field: string): boolean {
  const el = fieldElement(field);
  if (!el) return false;
  el.scrollIntoView({ block: "center" });
  el.focus();
  return true;
}

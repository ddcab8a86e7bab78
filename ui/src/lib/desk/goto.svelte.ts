// Where a finding (preflight, the publish confirmation) sends the person: a field of the
// article form, or a photo on the photo desk with its crop view or one of its fields. The
// photo desk is another screen, so the request is held here: App switches screens when one
// arrives, and the photo desk opens the photo and clears it.

import type { Finding } from "../backend";
import { focusField } from "../export/fields";

/** What to open on a photo: its crop view at the house aspect, or one of its fields. */
export type PhotoPlace = "crop" | "credit" | "alt_text" | "caption" | "copyright";

export interface PhotoRequest {
  photoId: number;
  place: PhotoPlace;
  /** Counts requests, so asking for the same photo twice opens it twice. */
  n: number;
}

class Goto {
  photo = $state<PhotoRequest | null>(null);
  /** A finding about the desk asked for the publication's name: Settings opens with the caret
   *  in it (and clears this). */
  publication = $state(false);
  #n = 0;

  openPhoto(photoId: number, place: PhotoPlace): void {
    this.photo = { photoId, place, n: ++this.#n };
  }

  openPublication(): void {
    this.publication = true;
  }

  done(): void {
    this.photo = null;
  }
}

export const goto = new Goto();

/** The photo field a finding's `photo.*` field names, or null for an article field. */
export function photoPlace(field: string): PhotoPlace | null {
  switch (field) {
    case "photo.crop":
    case "hero":
      return "crop";
    case "photo.credit":
    case "photo.creator":
      return "credit";
    case "photo.alt_text":
      return "alt_text";
    case "photo.caption":
      return "caption";
    case "photo.copyright":
      return "copyright";
    default:
      return null;
  }
}

/**
 * Takes the person to where finding `f` is fixed. False when there is nowhere to go (the
 * caller then keeps its dialog open).
 */
export function goToFinding(f: Finding): boolean {
  if (f.field === "publication") {
    goto.openPublication();
    return true;
  }
  const place = photoPlace(f.field);
  if (place !== null && f.photo_id !== null && f.photo_id !== undefined) {
    goto.openPhoto(f.photo_id, place);
    return true;
  }
  return focusField(f.field);
}

// The photo desk's autosave: one `Autosaver` (the story's, the same pauses and retries) for
// whichever photo form is open — the fields of one photo or the batch form. The open form
// hands in the function that stores it; the top bar's save indicator reads this saver beside
// the story's, so it never says "Saved" while a caption or credit is only on screen. Before the
// desk shows another photo, or the window another screen, `photoSaver.flush(true)` runs, so a
// typed credit is stored before the form that holds it goes.

import { formSaver } from "../desk/autosave.svelte";

const form = formSaver();

export const photoSaver = form.saver;

/**
 * Makes `fn` what the saver stores; returns a function that stops it (only when it is still
 * the current one), for a form going away.
 */
export const storeWith = form.storeWith;

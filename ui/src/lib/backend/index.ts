// The one seam between the UI and the Rust side. Every Tauri command the window may call is
// wrapped here with the types generated from the core (`types.ts`); components import these
// functions and never `invoke` themselves. Every failure is turned into a `Failure`
// (`{ code, message }`): the UI branches on `code` and shows `message`, never parses it.

import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { t } from "../i18n";
import type {
  Article,
  ArticleDraft,
  ArticleSummary,
  Author,
  DeskInfo,
  ErrorCode,
  ErrorDto,
  Photo,
  PreviewRender,
  SearchHit,
  Section,
  Unsaved,
} from "./types";
import type * as Types from "./types";

export type * from "./types";

/** A failed call: the core's error, or `ipc` when the call never reached the core. */
export interface Failure {
  code: ErrorCode | "ipc";
  message: string;
}

function isErrorDto(e: unknown): e is ErrorDto {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { message?: unknown }).message === "string"
  );
}

/** Any thrown value as a `Failure`, so callers have one shape to handle. */
export function failure(e: unknown): Failure {
  if (isErrorDto(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: "ipc",
    message: t("backend-unreachable", { detail }),
  };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw failure(e);
  }
}

export const deskInfo = () => call<DeskInfo>("desk_info");
/** Tells the core the window's language, so its errors and findings come in it. */
export const setInterfaceLanguage = (language: string) =>
  call<void>("set_interface_language", { language });
export const listArticles = () => call<ArticleSummary[]>("list_articles");
export const getArticle = (id: number) => call<Article>("get_article", { id });
export const createArticle = (draft: ArticleDraft) => call<Article>("create_article", { draft });
export const saveArticle = (id: number, draft: ArticleDraft) =>
  call<Article>("save_article", { id, draft });
export const saveArticleOver = (id: number, draft: ArticleDraft, base: Types.SaveBase) =>
  call<Types.SavedOver>("save_article_over", { id, draft, base });
export const keepUnsaved = (id: number | null, draft: ArticleDraft) =>
  call<null>("keep_unsaved", { id, draft });
export const unsavedDraft = (id: number | null) => call<Unsaved | null>("unsaved_draft", { id });
export const forgetUnsaved = (id: number | null) => call<null>("forget_unsaved", { id });
/** The library is painted: the shell starts what could wait (the spellchecker). */
export const windowReady = () => call<null>("window_ready");

/** The preview's body in blocks; `since` names the render the page holds (see patch.ts). */
export const renderPreview = (markdown: string, language: string, since: number | null) =>
  call<PreviewRender>("render_preview", { markdown, language, since });
export const listPhotos = () => call<Photo[]>("list_photos");
export const heroCaption = (id: number) => call<string>("hero_caption", { id });
/** A photo's caption and credit as a figure in the text of a story in `language` shows them. */
export const photoCaptionLine = (id: number, language: string) =>
  call<string>("photo_caption_line", { id, language });
export const search = (query: string) => call<SearchHit[]>("search", { query });
export const listSections = () => call<Section[]>("list_sections");
export const listAuthors = () => call<Author[]>("list_authors");

/** The URL the webview loads photo `id`'s original from (the app's `photo:` scheme). */
export function photoUrl(id: number): string {
  return convertFileSrc(String(id), "photo");
}

/** The photo at the preview's size (no wider than 1,280 px; the original when it is no
 * bigger and shows right as it is): the window never decodes more than it shows. */
export function previewUrl(id: number): string {
  return `${photoUrl(id)}/preview`;
}

/** A small JPEG of the whole photo (480 px wide, cached): for grids and lists. */
export function thumbUrl(id: number): string {
  return `${photoUrl(id)}/thumb`;
}

/**
 * Asks `mayClose` before the window closes (the close button, the window manager, Alt-F4).
 * The window stays open until it settles, so a pending save is written first; when it
 * answers `false` (the save failed) the window stays open and the user sees why.
 * Resolves to a function that stops listening.
 */
export async function onCloseRequested(mayClose: () => Promise<boolean>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await mayClose())) event.preventDefault();
  });
}

// ---- Photo desk ---------------------------------------------------------------------------

export const getPhoto = (id: number) => call<import("./types").Photo>("get_photo", { id });
export const photoMetadata = (id: number) =>
  call<import("./types").EmbeddedMetadata>("photo_metadata", { id });
/**
 * Asks the user for photos with the system's file dialog; resolves to their paths, empty when
 * the dialog is cancelled. Each path is then imported with `importPhoto`. The dialog is opened
 * by the Rust side, which records the picks: only picked, dropped or in-desk files import.
 */
export const choosePhotoFiles = () => call<string[]>("pick_photos");
/** Imports one file by its path; call it once per file so a bad file names itself alone. */
export const importPhoto = (path: string) => call<import("./types").Photo>("import_photo", { path });
export const savePhoto = (
  id: number,
  fields: import("./types").PhotoFields,
  focus: import("./types").Focus,
) => call<import("./types").Photo>("save_photo", { id, fields, focus });
export const setCrop = (id: number, request: import("./types").CropRequest) =>
  call<import("./types").CropOutcome>("set_crop", { id, request });
export const listCrops = (id: number) => call<import("./types").Crop[]>("list_crops", { id });
/** The stories that show photo `id` (hero or text), newest first. */
export const photoUses = (id: number) => call<import("./types").PhotoUse[]>("photo_uses", { id });
export const codeReplacements = () =>
  call<import("./types").CodeReplacement[]>("code_replacements");
/** Adds or changes a code (`=rtr=` → "Reuters"); the core refuses codes with spaces. */
export const setCodeReplacement = (code: string, expansion: string) =>
  call<import("./types").CodeReplacement>("set_code_replacement", { code, expansion });
export const removeCodeReplacement = (code: string) =>
  call<null>("remove_code_replacement", { code });
/** Makes `hero` (one photo, or a composite of two or three) the lead image of article
 *  `articleId`, or removes it with `null`; resolves to the article as stored. */
export const setHero = (articleId: number, hero: import("./types").Hero | null) =>
  call<Article>("set_hero", { articleId, hero });
/** Sets the patch's non-null fields on every photo of `ids` at once (all or none). */
export const applyPhotoFields = (ids: number[], patch: import("./types").FieldsPatch) =>
  call<import("./types").Photo[]>("apply_photo_fields", { ids, patch });

/**
 * Makes the renditions (every width and format) of photo `id`'s saved crop `crop`, calling
 * `onProgress` after each file. `cancelRenditions` stops it.
 */
export function renderCrop(
  id: number,
  crop: string,
  onProgress: (p: import("./types").Progress) => void,
): Promise<import("./types").RenditionSet> {
  const progress = new Channel<import("./types").Progress>();
  progress.onmessage = onProgress;
  return call("render_crop", { id, crop, progress });
}
export const cancelRenditions = () => call<null>("cancel_renditions");

/**
 * Calls `onDrop` with the paths of files dropped onto the window, and `onHover` while files
 * are dragged over it (Tauri gives the webview paths, which HTML's drop event does not).
 * Resolves to a function that stops listening.
 */
export async function onFilesDropped(
  onDrop: (paths: string[]) => void,
  onHover: (hovering: boolean) => void,
): Promise<() => void> {
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "drop") {
      onHover(false);
      onDrop(p.paths);
    } else if (p.type === "leave") {
      onHover(false);
    } else {
      onHover(true);
    }
  });
}

// ---- History, preflight and export -----------------------------------------------------------

import { Channel } from "@tauri-apps/api/core";

export const listRevisions = (id: number) =>
  call<import("./types").Revision[]>("list_revisions", { id });
export const diffRevisions = (from: number, to: number) =>
  call<import("./types").RevisionDiff>("diff_revisions", { from, to });
/** Makes the article read as at `revisionId`; recorded as a new revision, nothing overwritten. */
export const restoreRevision = (revisionId: number) =>
  call<import("./types").Article>("restore_revision", { revisionId });
export const checkpoint = (id: number) => call<import("./types").Revision>("checkpoint", { id });
export const preflight = (id: number) => call<import("./types").Preflight>("preflight", { id });

/**
 * Exports article `id` as a package in the folder `destination` (`~` is the home folder),
 * calling `onProgress` at each step. `cancelExport` stops it, leaving nothing on disk.
 */
export function exportArticle(
  id: number,
  destination: string,
  zip: boolean,
  onProgress: (p: import("./types").ExportProgress) => void,
): Promise<import("./types").ExportReport> {
  const progress = new Channel<import("./types").ExportProgress>();
  progress.onmessage = onProgress;
  return call("export_article", { id, destination, zip, progress });
}
export const cancelExport = () => call<null>("cancel_export");
/**
 * Where exporting article `id` into `destination` would write, and what is there already (an
 * earlier package it replaces, or something else it refuses); `null` for a folder the app may
 * not write into, which the export itself refuses.
 */
export const exportDestination = (id: number, destination: string, zip: boolean) =>
  call<import("./types").ExportDestination | null>("export_destination", { id, destination, zip });
/**
 * Asks the user for a folder to export into with the system's dialog; resolves to it, or
 * `null` when cancelled. Packages are written only into a picked folder, `~/Dateline exports`
 * or the desk's folder.
 */
export const chooseExportFolder = () => call<string | null>("pick_folder");
/** Shows the last package written in the system's file manager. */
export const revealExport = () => call<null>("reveal_export");

// ---- The editor's desk: library, workflow, notes, templates, trash, lists ----------------------


export const listLibrary = (query: Types.LibraryQuery) =>
  call<ArticleSummary[]>("list_library", { query });
/** One page of the library: after a cursor from an earlier page, or at an offset (issue 15). */
export const libraryPage = (request: Types.LibraryPageRequest) =>
  call<Types.LibraryPage>("library_page", { request });
/** How many stories a library query selects, in all and per status. */
export const libraryCounts = (query: Types.LibraryQuery) =>
  call<Types.LibraryCounts>("library_counts", { query });
/** One story's library row (after a save, instead of the whole list). */
export const articleSummary = (id: number) => call<ArticleSummary>("article_summary", { id });
export const workflowSteps = () => call<Types.WorkflowStep[]>("workflow_steps");
export const setStatus = (id: number, status: Types.Status) =>
  call<Article>("set_status", { id, status });
export const listTransitions = (id: number) =>
  call<Types.Transition[]>("list_transitions", { id });
export const listNotes = (id: number) => call<Types.Note[]>("list_notes", { id });
export const addNote = (id: number, body: string) => call<Types.Note>("add_note", { id, body });
export const deleteNote = (noteId: number) => call<null>("delete_note", { noteId });
export const duplicateArticle = (id: number) => call<Article>("duplicate_article", { id });
/** The templates in `language`'s words (a new story from one is written in it). */
export const listTemplates = (language: string) =>
  call<Types.Template[]>("list_templates", { language });
export const createFromTemplate = (template: string, headline: string, language: string) =>
  call<Article>("create_from_template", { template, headline, language });
export const trashArticle = (id: number) => call<null>("trash_article", { id });
export const restoreArticle = (id: number) => call<Article>("restore_article", { id });
/** Deletes the trash for good. Ask the person first. */
export const emptyTrash = () => call<number>("empty_trash");
export const listTags = () => call<Types.TagInfo[]>("list_tags");
export const addTag = (name: string) => call<Types.TagInfo>("add_tag", { name });
export const renameTag = (old: string, name: string) =>
  call<number>("rename_tag", { old, new: name });
export const addSection = (name: string) => call<Section>("add_section", { name });
export const renameSection = (id: number, name: string) =>
  call<Section>("rename_section", { id, name });
/** Adds a profile (`id` 0) or saves one. */
export const saveAuthor = (author: Author) => call<Author>("save_author", { author });
export const setIdentity = (name: string) => call<DeskInfo>("set_identity", { name });

// ---- Publication settings, typography, managed lists (issue 11) ------------------------------

/** The desk's publication settings (house rules); `desk_folder` and `export_folder_now` are
 *  read-only answers of the core. */
export const getSettings = () => call<Types.Settings>("get_settings");
/** Saves the settings; resolves to them as stored (the core refuses an unknown aspect…). */
export const saveSettings = (settings: Types.Settings) =>
  call<Types.Settings>("save_settings", { settings });
/** Plain text in the language's typography (curly quotes, rayas), as the page will show it. */
export const typesetText = (text: string, language: string) =>
  call<string>("typeset_text", { text, language });
/** Deletes an unused section; refused with code `in_use` while stories are in it. */
export const deleteSection = (id: number) => call<null>("delete_section", { id });
/** Deletes an unused tag; refused with code `in_use` while stories carry it. */
export const deleteTag = (name: string) => call<null>("delete_tag", { name });

// ---- Newsroom (issue 14) -------------------------------------------------------------------

import { listen } from "@tauri-apps/api/event";
import type * as Newsroom from "../newsroom/types";

/** The newsroom as the background sync last saw it; `null` before its first round. */
export const newsroomState = () => call<Newsroom.SyncState | null>("newsroom_state");
export const newsroomJoin = (server: string, database: string, user: string, password: string) =>
  call<Newsroom.Joined>("newsroom_join", { server, database, user, password });
/** The password for this session, when no keyring keeps it. */
export const newsroomUnlock = (password: string) => call<null>("newsroom_unlock", { password });
/** "Sync now", or "a save settled": the background sync runs a round soon. */
export const newsroomWake = () => call<null>("newsroom_wake");
export const bodyConflict = (id: number) =>
  call<Newsroom.BodyConflict | null>("body_conflict", { id });
export const resolveConflict = (id: number, take: number | null, text: string | null) =>
  call<Article>("resolve_conflict", { id, take, text });
/** The person chose a value for a field in conflict (saved first): it is settled. */
export const settleFieldConflict = (id: number, field: string) =>
  call<number>("settle_field_conflict", { id, field });
export const newsroomHold = (id: number, takeOver: boolean) =>
  call<Newsroom.HolderDto[]>("newsroom_hold", { id, takeOver });
/** The person opened (or left) story `id`: what other desks changed in it is seen. */
export const newsroomSeen = (id: number) => call<null>("newsroom_seen", { id });
export const newsroomRelease = (id: number) => call<null>("newsroom_release", { id });
/** "Save as bundle…" (asks where); `null` when the person cancelled. */
export const saveBundle = (id: number) => call<Newsroom.BundleDone | null>("save_bundle", { id });
/** "Open bundle…" (asks which); `null` when the person cancelled. */
export const openBundle = () => call<Newsroom.BundleDone | null>("open_bundle");
/** A bundle dropped on the window. */
export const applyBundle = (path: string) => call<Newsroom.BundleDone>("apply_bundle", { path });
/** Every round of the background sync. Resolves to a function that stops listening. */
export async function onNewsroomStatus(
  heard: (s: Newsroom.SyncState) => void,
): Promise<() => void> {
  return listen<Newsroom.SyncState>("newsroom-status", (e) => heard(e.payload));
}

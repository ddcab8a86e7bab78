// The story open in the window: its form (`Draft`), its body in the editor, its autosave,
// the preview and counts that follow the body, and every action on it — open another, start
// a new one (blank or from a template), move it along the workflow, duplicate it, trash it
// and bring it back. Each action stores what was typed first (`Autosaver.flush`) and stays
// put when that fails; failures are reported through the session, never thrown at the view.

import { t, ui } from "../i18n";
import * as backend from "../backend";
import type { Article, ArticleDraft, SaveBase, Status, Template, Unsaved } from "../backend";
import { Autosaver } from "../desk/autosave.svelte";
import { LostTrack, PreviewBody } from "../components/patch";
import { coalesce, type Coalescer } from "../desk/coalesce";
import * as latency from "../desk/latency";
import { Draft } from "../desk/draft.svelte";
import { rememberOpen } from "../desk/recent";
import { bodyStats, type BodyStats } from "../desk/stats";
import type { Editor } from "../editor";
import type { Catalogue } from "./catalogue.svelte";
import type { Session } from "./session.svelte";

/** How soon after a change the form is kept beside the desk (for a crash), well inside
 *  autosave's pause. */
const KEEP_MS = 150;

/** The headline a new article gets when the window closes before one was typed. */
export const UNTITLED = "Untitled draft";

/** What the story needs of the body's editor. */
export type BodyText = Pick<
  Editor,
  | "text"
  | "load"
  | "takeIn"
  | "insertBlock"
  | "focus"
  | "setLanguage"
  | "setDistractionFree"
  | "setReadOnly"
>;

export class Story {
  readonly draft = new Draft();
  readonly saver: Autosaver;
  /** The body's editor, once it is mounted; the body lives there, not in the draft. */
  editor: BodyText | null = null;
  /** The headline field, to put the caret in it for a new story. */
  headlineInput = $state<HTMLTextAreaElement>();
  /** The writing column's scroller: another story starts at its top (a tryout's new story
   *  opened halfway down, where the last one had been left). */
  scroller = $state<HTMLElement>();
  /** The preview of the body, as the core renders it, in blocks (patch.ts). */
  readonly preview = new PreviewBody();
  /** The hero's caption line, as the core composes it. */
  caption = $state("");
  stats = $state<BodyStats>({ words: 0, characters: 0, minutes: 0 });
  /** The form field the last failed save was about (a slug already taken). */
  invalidField = $state<"slug" | null>(null);
  /** Counts workflow moves and changes taken in from elsewhere, so an open history panel
   *  reloads. */
  moves = $state(0);
  moving = $state(false);
  /** The preview's headline and dek, typeset by the core as the page will be. */
  typeset = $state({ headline: "", dek: "" });

  readonly heroPhotos = $derived.by(() => this.#catalogue.heroPhotos(this.draft.hero));

  #session: Session;
  #catalogue: Catalogue;
  #preview: Coalescer;
  #statsTimer: ReturnType<typeof setTimeout> | undefined;
  #typesetTimer: ReturnType<typeof setTimeout> | undefined;
  #keepTimer: ReturnType<typeof setTimeout> | undefined;
  #keeping: Promise<unknown> = Promise.resolve();
  /** Counts changes, so a save knows whether it stored the newest one. */
  #edits = 0;
  /** The story as the form last loaded or saved it: a save is made over it, so changes
   *  made elsewhere since (a sync) are merged in rather than overwritten. */
  #base: SaveBase | null = null;

  /** Counts the person's choices of what to show (a story, a new one, a template); an
   *  opening that finds a later choice made while it waited for the core gives way to it. */
  #navigation = 0;

  /** How many choices of what to show were made so far (see `#navigation`). */
  get navigation(): number {
    return this.#navigation;
  }

  constructor(session: Session, catalogue: Catalogue) {
    this.#session = session;
    this.#catalogue = catalogue;
    this.saver = new Autosaver((force) => this.#save(force));
    this.#preview = coalesce(
      () => ({
        text: latency.timed("preview.read", () => this.body()),
        language: this.draft.language,
        since: this.preview.id,
        keys: latency.renderStarts(),
      }),
      async ({ text, language, since, keys }) => {
        const start = performance.now();
        const render = await latency.timed("preview.invoke", () =>
          backend.renderPreview(text, language, since),
        );
        return { render, keys, start, answered: performance.now() };
      },
      ({ render, keys, start, answered }) => {
        try {
          // The changed blocks are in the DOM now; the next frame is the one the writer sees.
          latency.timed("preview.patch", () => this.preview.take(render));
          latency.rendered(keys, start, answered);
        } catch (e) {
          if (!(e instanceof LostTrack)) throw e;
          // The core answered another render than the one shown: ask for every block.
          this.preview.forget();
          latency.carry(keys);
          this.#preview.poke();
        }
      },
      (e) => session.report(e),
    );
  }

  /** The preview's body HTML as shown (the export's render of the body). */
  get html(): string {
    return this.preview.html();
  }

  body(): string {
    return this.editor?.text() ?? "";
  }

  // ---- Saving ---------------------------------------------------------------------------

  /** Stores the article; answers why not when a new article has no headline yet. */
  async #save(force: boolean): Promise<string | undefined> {
    const draft = this.draft;
    const body = latency.timed("save.read", () => this.body());
    const edits = this.#edits;
    const wasNew = draft.id === null;
    /** Why the typed slug was not stored, when the rest was. */
    let slugRefused: string | undefined;
    this.invalidField = null;
    try {
      if (draft.id === null) {
        if (!draft.headline.trim()) {
          if (draft.blank && !body.trim()) return undefined;
          if (!force) return t("story-needs-headline");
          // Closing or leaving before a headline was typed: keep every word under a title
          // the writer will see and can change, rather than lose them.
          draft.headline = UNTITLED;
        }
        const sentSlug = draft.slug;
        const a = await backend.createArticle(draft.toDraft(body));
        draft.id = a.id;
        rememberOpen(this.#session.dir, a.id);
        if (draft.slug === sentSlug) draft.slug = a.slug;
        draft.updatedAt = a.updated_at;
        this.#base = { updated_at: a.updated_at, draft: draft.toDraft(a.body) };
      } else {
        const sentSlug = draft.slug;
        let sent = draft.toDraft(body);
        const base = this.#base?.updated_at === draft.updatedAt ? this.#base : null;
        const stored = draft.id;
        const store = (d: ArticleDraft) =>
          base
            ? latency.timed("save.invoke", () => backend.saveArticleOver(stored, d, base))
            : backend.saveArticle(stored, d).then((article) => ({ article, merged: false, conflict: false }));
        let r;
        try {
          r = await store(sent);
        } catch (e) {
          // A typed address another story has: everything else is stored all the same, under
          // the address the story had (a tryout's words waited unsaved until the slug was
          // fixed). The field stays as typed, marked, and the top bar says why.
          const f = backend.failure(e);
          if (f.code !== "conflict" || sent.slug === null) throw e;
          sent = { ...sent, slug: null };
          r = await store(sent);
          slugRefused = f.message;
        }
        const a = r.article;
        // Only a save over a base merges.
        if (base && (r.merged || r.conflict)) this.#tookOthers(a, sent, base, r.conflict);
        else {
          if (draft.slug === sentSlug && slugRefused === undefined) draft.slug = a.slug;
          draft.updatedAt = a.updated_at;
          this.#base = { updated_at: a.updated_at, draft: sent };
        }
      }
    } catch (e) {
      const f = backend.failure(e);
      // Branch on the code only: a conflict is always the slug. Other failures name their
      // field in the message, which the save indicator shows.
      this.invalidField = f.code === "conflict" ? "slug" : null;
      throw f;
    }
    // What was kept for a crash is stored now, unless the writer went on typing meanwhile
    // (then the next keep and save follow).
    // Queued behind any keep still on its way, so it cannot land after the forget.
    const id = draft.id;
    if (wasNew) this.#keeping = this.#keeping.then(() => backend.forgetUnsaved(null)).catch(() => undefined);
    if (this.#edits === edits) {
      clearTimeout(this.#keepTimer);
      this.#keepTimer = undefined;
      this.#keeping = this.#keeping.then(() => backend.forgetUnsaved(id)).catch(() => undefined);
    }
    // A new story is a new row: the list is read again (its window). A save of a story
    // already listed changes its row only.
    void (wasNew ? this.#catalogue.refreshLibrary() : this.#catalogue.refreshRow(id));
    if (slugRefused !== undefined) {
      this.invalidField = "slug";
      return t("story-slug-not-saved", { why: slugRefused });
    }
    return undefined;
  }

  /** Keeps the form beside the desk a moment after a change (a crash loses nothing typed). */
  #keepSoon(): void {
    this.#edits += 1;
    if (this.#keepTimer !== undefined) return;
    this.#keepTimer = setTimeout(() => {
      this.#keepTimer = undefined;
      this.#keepNow();
    }, KEEP_MS);
  }

  /** Keeps the form beside the desk now (after any keep still on its way). */
  #keepNow(): void {
    const t = performance.now();
    const id = this.draft.id;
    const body = this.body();
    if (id === null && this.draft.blank && !body.trim()) return;
    const draft = this.draft.toDraft(body);
    latency.record("keep.read", performance.now() - t);
    // One after another, so an older form never lands after a newer one. A failure here (a
    // full disk) is the autosave's to report.
    this.#keeping = this.#keeping
      .then(() => latency.timed("keep.invoke", () => backend.keepUnsaved(id, draft)))
      .catch(() => undefined);
  }

  /** Puts back what was typed into the open story and never stored (after a crash). */
  #recover(kept: Unsaved): void {
    this.draft.take(kept.draft);
    this.editor?.load(kept.draft.body);
    this.stats = bodyStats(kept.draft.body);
    this.#preview.poke();
    this.saver.touch();
    this.#session.toast = {
      text: t("story-recovered"),
    };
  }

  /** At start: a new story that was being written when Dateline stopped, back on screen. */
  async recoverNew(kept: Unsaved | null | undefined, untouched: () => boolean): Promise<void> {
    if (!kept) return;
    if (untouched()) {
      await this.newArticle();
      this.#recover(kept);
      return;
    }
    // The writer began work of their own while the desk opened: the form is theirs. The words
    // from last time are stored as a story of their own, which the library shows.
    const draft = { ...kept.draft, headline: kept.draft.headline.trim() || UNTITLED, slug: null };
    const a = await this.#session.attempt(() => backend.createArticle(draft));
    if (!a) return;
    this.#keeping = this.#keeping.then(() => backend.forgetUnsaved(null)).catch(() => undefined);
    // A new story the writer is typing was kept in the same place: it is kept again.
    if (this.draft.id === null) this.#keepNow();
    void this.#catalogue.refreshLibrary();
    this.#session.toast = { text: t("story-recovered-aside", { headline: a.headline }) };
  }

  /** What a new story held when Dateline last stopped before it had a headline (kept beside
   *  the desk, never stored). Read first thing at start, before this session keeps anything
   *  of its own there: read later, a story begun at once was taken for last time's (a test
   *  saw its words moved into a second copy of the story). */
  leftovers(): Promise<Unsaved | null | undefined> {
    return this.#session.attempt(() => backend.unsavedDraft(null));
  }

  /** A field of the form changed. */
  edited(): void {
    this.saver.touch();
    this.#keepSoon();
  }

  /** The body changed: save soon, render the preview, count again. */
  bodyEdited(): void {
    const t = performance.now();
    this.saver.touch();
    this.#keepSoon();
    this.#preview.poke();
    clearTimeout(this.#statsTimer);
    this.#statsTimer = setTimeout(
      () => (this.stats = latency.timed("stats", () => bodyStats(this.body()))),
      200,
    );
    latency.record("bodyEdited", performance.now() - t);
  }

  /** Renders the preview again (the language changed its typography). */
  repreview(): void {
    this.#preview.poke();
  }

  /**
   * Typesets the headline and dek for the preview a moment after they change. Reads them at
   * once, so an effect that calls this follows them.
   */
  retypeset(): void {
    const { headline, dek, language } = this.draft;
    clearTimeout(this.#typesetTimer);
    this.#typesetTimer = setTimeout(async () => {
      try {
        const [h, d] = await Promise.all([
          backend.typesetText(headline, language),
          backend.typesetText(dek, language),
        ]);
        if (this.draft.headline === headline && this.draft.dek === dek) {
          this.typeset = { headline: h, dek: d };
        }
      } catch {
        // An older core without typesetting: the preview shows the text as typed.
        this.typeset = { headline, dek };
      }
    }, 120);
  }

  /** Puts `a` on screen as stored: form, body, counts, preview. Nothing is pending after. */
  #show(a: Article): void {
    this.draft.load(a);
    this.editor?.load(a.body);
    this.#base = { updated_at: a.updated_at, draft: this.draft.toDraft(a.body) };
    this.saver.reset();
    this.invalidField = null;
    this.stats = bodyStats(a.body);
    this.#preview.poke();
  }

  /** Shows the open story as it is stored now, changed elsewhere (a sync brought another
   *  desk's words) while nothing typed was waiting: the text changes around the caret, which
   *  stays where it was. */
  takeStored(a: Article): void {
    if (a.id !== this.draft.id) return;
    this.#takeIn(a);
    this.saver.reset();
    this.moves += 1;
  }

  #takeIn(a: Article): void {
    this.draft.load(a);
    this.editor?.takeIn(a.body);
    this.#base = { updated_at: a.updated_at, draft: this.draft.toDraft(a.body) };
    this.stats = bodyStats(a.body);
    this.#preview.poke();
  }

  /** A save found the story changed elsewhere and stored the form's words together with
   *  the others' (`a`). When nothing was typed since the save was sent, the form shows the
   *  result; otherwise the next save puts the newer typing together with it in turn: what
   *  the form and the stored story have in common is what was sent, so that is the next
   *  save's base (with the older base, the newer typing and the sent words would both look
   *  like changes to the same paragraph — a conflict that set the others' words aside). */
  #tookOthers(a: Article, sent: ArticleDraft, base: SaveBase, conflict: boolean): void {
    const now = this.draft.toDraft(this.body());
    if (JSON.stringify(now) === JSON.stringify(sent)) this.#takeIn(a);
    else {
      // Typed on while the save was merging: the stored story (others' words and what was
      // sent) and the form (what was sent and more) part at `sent`. The next save merges
      // them from there: its base is `sent` at the time the form still knows, so the core
      // merges rather than storing the form over the others' words (it did: a newsroom test
      // lost another desk's edit when the writer typed during a merging save).
      this.#base = { updated_at: base.updated_at, draft: sent };
      this.saver.touch();
    }
    this.#session.toast = {
      text: conflict
        ? t("story-changed-elsewhere-conflict")
        : t("story-changed-elsewhere"),
    };
  }

  // ---- Opening ----------------------------------------------------------------------------

  /** Saves what is open, then opens article `id`. Stays put when the save fails. */
  async open(id: number): Promise<void> {
    if (id === this.draft.id) return;
    const mine = ++this.#navigation;
    if (!(await this.saver.flush(true))) return;
    if (mine !== this.#navigation) return;
    await this.#session.attempt(async () => {
      const a = await backend.getArticle(id);
      // Another story or a new one was asked for meanwhile: the person's last choice wins.
      if (mine !== this.#navigation) return;
      this.#show(a);
      this.scroller?.scrollTo({ top: 0 });
      rememberOpen(this.#session.dir, a.id);
      const kept = await backend.unsavedDraft(a.id);
      if (kept && this.draft.id === a.id) this.#recover(kept);
      this.caption = a.hero ? await backend.heroCaption(a.id) : "";
    });
  }

  /** Opens `id` without saving what is open first (it was just stored, or just trashed). */
  async #openFresh(id: number): Promise<void> {
    this.saver.reset();
    this.draft.id = null;
    await this.open(id);
  }

  /** Shows article `a` as a restore from its history left it (no save: it is stored). */
  restored(a: Article): void {
    this.#show(a);
    // The library's row follows (a restored headline, a settled conflict's words).
    void this.#catalogue.refreshRow(a.id);
  }

  /** Takes the hero the photo desk stored into the draft, so the next autosave keeps it. */
  async heroSet(a: Article): Promise<void> {
    if (a.id !== this.draft.id) return;
    this.draft.hero = a.hero;
    await this.#catalogue.refreshPhotos();
    await this.#session.attempt(async () => {
      this.caption = a.hero ? await backend.heroCaption(a.id) : "";
    });
  }

  /** Puts photo `id` into the open story's text (`![](photo:N)`: its own alt text, caption
   *  and credit) as a paragraph of its own, where the writer left the caret. */
  insertPhoto(id: number): void {
    this.editor?.insertBlock(`![](photo:${id})`);
  }

  /** The hero's caption line again, after its photos' words may have changed (back from the
   *  photo desk, where a caption or credit was typed after the hero was chosen). */
  async refreshCaption(): Promise<void> {
    const id = this.draft.id;
    if (id === null || !this.draft.hero) return;
    const line = await backend.heroCaption(id).catch(() => null);
    if (line !== null && this.draft.id === id) this.caption = line;
  }

  /** Saves what is open, then starts a blank story bylined to the person writing it. */
  async newArticle(): Promise<void> {
    const mine = ++this.#navigation;
    if (!(await this.saver.flush(true))) return;
    if (mine !== this.#navigation) return;
    const name = this.#session.bylineName;
    const me = this.#catalogue.authors.find((a) => a.name === name);
    this.draft.clear(
      name ? { name, role: me?.role || null, author_id: me?.id ?? null } : undefined,
      ui.language,
    );
    this.editor?.load("");
    this.saver.reset();
    this.invalidField = null;
    this.caption = "";
    this.stats = bodyStats("");
    this.#preview.poke();
    this.scroller?.scrollTo({ top: 0 });
    this.headlineInput?.focus();
  }

  async newFromTemplate(t: Template): Promise<void> {
    const mine = ++this.#navigation;
    if (!(await this.saver.flush(true))) return;
    if (mine !== this.#navigation) return;
    await this.#session.attempt(async () => {
      // The story is written in the language the template's words are in.
      const a = await backend.createFromTemplate(t.id, "", t.language);
      await this.#catalogue.refreshLibrary();
      await this.open(a.id);
      // The headline is a placeholder ("New analysis"): select it for the writer to replace.
      this.headlineInput?.focus();
      this.headlineInput?.select();
    });
  }

  /** The desk's name is known now, or was corrected from `before`: a new, never-saved story
   *  bylined to nobody or to the old name takes the new one (a tryout renamed the desk and
   *  its blank story kept the old byline). A byline the writer typed is theirs. */
  identityKnown(identity: string, before = ""): void {
    const first = this.draft.bylines[0];
    if (this.draft.id !== null || this.draft.bylines.length !== 1 || !first) return;
    const name = first.name.trim();
    if (!name || (before.trim() && name === before.trim())) {
      first.name = identity;
      if (name) first.author_id = null;
    }
  }

  // ---- Workflow, duplicate, trash -----------------------------------------------------------

  /**
   * Moves the open story along the workflow. The move runs between two autosaves: what was
   * typed is stored first, and the form takes the new status before the next save reads it,
   * so no save ever sends the old status back (which the core would take as a move back).
   */
  async move(to: Status): Promise<void> {
    const id = this.draft.id;
    if (id === null) return;
    this.moving = true;
    try {
      await this.#session.attempt(async () => {
        await this.saver.between(async () => {
          const a = await backend.setStatus(id, to);
          if (this.draft.id === a.id) {
            this.draft.status = a.status;
            this.draft.updatedAt = a.updated_at;
            // The words were stored before the move: only the status changed.
            if (this.#base)
              this.#base = { updated_at: a.updated_at, draft: { ...this.#base.draft, status: a.status } };
          }
        });
        this.moves += 1;
        void this.#catalogue.refreshLibrary();
        // Spiking is one click and no question (it can be undone): the toast says so and
        // brings the story back to the line (a tryout spiked a story without meaning to).
        if (to === "spiked") {
          const headline = this.draft.headline || t("story-untitled");
          this.#session.toast = {
            text: t("story-spiked", { headline }),
            action: { label: t("story-unspike"), run: () => void this.move("draft") },
          };
        }
      });
    } finally {
      this.moving = false;
    }
  }

  async duplicate(): Promise<void> {
    const id = this.draft.id;
    if (id === null || !(await this.saver.flush(true))) return;
    await this.#session.attempt(async () => {
      const copy = await backend.duplicateArticle(id);
      await this.#catalogue.refreshLibrary();
      await this.open(copy.id);
      this.#session.toast = { text: t("story-duplicated", { headline: copy.headline }) };
    });
  }

  /** Moves the open story to the trash — no question asked, because Undo brings it back. */
  async trash(): Promise<void> {
    const id = this.draft.id;
    if (id === null || !(await this.saver.flush(true))) return;
    const headline = this.draft.headline;
    await this.#session.attempt(async () => {
      await backend.trashArticle(id);
      await this.#catalogue.refreshLibrary();
      // Open the next story on the desk (the list on screen may be the trash's).
      const { filter, articles } = this.#catalogue;
      const onDesk = filter.trashed
        ? await backend.listLibrary({ sort: filter.sort, trashed: false })
        : articles;
      const next = onDesk.find((a) => a.id !== id);
      if (next) await this.#openFresh(next.id);
      else await this.newArticle();
      this.#session.toast = {
        text: t("story-trashed", { headline }),
        action: { label: t("story-undo"), run: () => void this.restore(id) },
      };
    });
  }

  /** Brings a story back from the trash, with all its history, and opens it. */
  async restore(id: number): Promise<void> {
    await this.#session.attempt(async () => {
      const a = await backend.restoreArticle(id);
      this.#session.toast = { text: t("story-restored", { headline: a.headline }) };
      await this.#catalogue.refreshLibrary();
      await this.open(a.id);
    });
  }
}

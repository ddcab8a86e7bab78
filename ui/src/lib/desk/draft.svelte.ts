// The article being edited, as the form holds it: every field but the body (which lives in
// the editor) as reactive state, and the conversion into the `ArticleDraft` the core
// validates. Fields the form does not edit yet (the hero) are carried through untouched, so a
// save never drops them.

import type { Article, ArticleDraft, Byline, Hero, Status } from "../backend";

export const LANGUAGES = [
  { tag: "en", name: "English" },
  { tag: "es", name: "Español" },
] as const;

/** A byline row of the form; `key` keeps rows stable while they are added and removed. */
export interface BylineRow {
  key: number;
  name: string;
  role: string;
  author_id: number | null;
}

let nextKey = 1;
export function bylineRow(b?: Byline): BylineRow {
  return {
    key: nextKey++,
    name: b?.name ?? "",
    role: b?.role ?? "",
    author_id: b?.author_id ?? null,
  };
}

export class Draft {
  /** `null` until a new article is first saved. */
  id = $state<number | null>(null);
  headline = $state("");
  dek = $state("");
  dateline = $state("");
  section = $state("");
  /** As typed: comma-separated. */
  tags = $state("");
  language = $state("en");
  status = $state<Status>("draft");
  slug = $state("");
  bylines = $state<BylineRow[]>([]);
  hero = $state<Hero | null>(null);
  /** Front-matter keys of an imported file that Dateline keeps and writes back on export. */
  frontMatterExtra = $state<string | null>(null);
  updatedAt = $state("");

  load(a: Article): void {
    this.id = a.id;
    this.headline = a.headline;
    this.dek = a.dek;
    this.dateline = a.dateline;
    this.section = a.section ?? "";
    this.tags = a.tags.join(", ");
    this.language = a.language;
    this.status = a.status;
    this.slug = a.slug;
    this.bylines = a.bylines.map(bylineRow);
    this.hero = a.hero;
    this.frontMatterExtra = a.front_matter_extra;
    this.updatedAt = a.updated_at;
  }

  /** Takes the fields of a kept form (what was typed just before a crash) over the stored
   *  ones; the story's id, status and time stay as stored. */
  take(d: ArticleDraft): void {
    this.headline = d.headline;
    this.dek = d.dek;
    this.dateline = d.dateline;
    this.section = d.section ?? "";
    this.tags = d.tags.join(", ");
    if (d.language) this.language = d.language;
    if (d.slug) this.slug = d.slug;
    this.bylines = d.bylines.map(bylineRow);
    this.hero = d.hero;
    this.frontMatterExtra = d.front_matter_extra;
  }

  /** An empty article, not stored until it has a headline, written in `language` (the
   *  window's language: a new story is most likely in the language its writer works in;
   *  the form's Language field changes it, independently of the window's). */
  clear(byline?: Byline, language = "en"): void {
    this.id = null;
    this.headline = "";
    this.dek = "";
    this.dateline = "";
    this.section = "";
    this.tags = "";
    this.language = language;
    this.status = "draft";
    this.slug = "";
    this.bylines = [bylineRow(byline)];
    this.hero = null;
    this.frontMatterExtra = null;
    this.updatedAt = "";
  }

  /** True when nothing but the body would be worth keeping. */
  get blank(): boolean {
    return !this.headline.trim() && !this.dek.trim();
  }

  toDraft(body: string): ArticleDraft {
    return {
      headline: this.headline,
      dek: this.dek,
      body,
      dateline: this.dateline,
      section: this.section.trim() || null,
      tags: this.tags
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
      language: this.language,
      status: this.status,
      // An empty slug asks the core to keep the current one (or derive one from the headline).
      slug: this.slug.trim() || null,
      bylines: this.bylines.map((b) => ({
        name: b.name,
        role: b.role.trim() || null,
        author_id: b.author_id,
      })),
      hero: this.hero,
      front_matter_extra: this.frontMatterExtra,
    };
  }
}

// Every command name and argument the window sends exists in the app's handlers: the
// handler list and the `#[tauri::command]` signatures of `src-tauri/src/`, against every
// `invoke` of `ui/src/`. The checker's own rules are tested first on small sources, so a
// rename on either side is known to fail the real check.

import { describe, expect, test } from "vitest";
import {
  camelCase,
  handlerList,
  mismatches,
  registeredCommands,
  rustCommands,
  uiCalls,
  type Source,
} from "./contract";

/** Paths as a reader finds them from the repository's root (`src-tauri/src/main.rs`). */
const sources = (files: Record<string, string>): Source[] =>
  Object.entries(files).map(([path, text]) => ({
    path: path.replace(/^(\.\.\/)+/, "").replace(/^\/src\//, "ui/src/"),
    text,
  }));

const rust = sources(
  import.meta.glob<string>("../../../../src-tauri/src/**/*.rs", {
    query: "?raw",
    import: "default",
    eager: true,
  }),
);
const ui = sources(
  import.meta.glob<string>(["/src/**/*.ts", "/src/**/*.svelte", "!/src/**/*.test.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  }),
);

describe("the window's calls against the app's handlers", () => {
  const { commands, unresolved } = registeredCommands(rust);
  const { calls, unreadable } = uiCalls(ui);

  test("every handler entry is a #[tauri::command] the checker can read", () => {
    expect(unresolved).toEqual([]);
    // A checker that found nothing would pass everything.
    expect(commands.size).toBeGreaterThan(40);
  });

  test("every invoke of the UI is one the checker can read", () => {
    expect(unreadable).toEqual([]);
    expect(calls.length).toBeGreaterThan(40);
  });

  test("every command and argument the UI sends exists, and none it needs is missing", () => {
    expect(mismatches(calls, commands)).toEqual([]);
  });

  test("only the backend module invokes commands", () => {
    const files = new Set(calls.map((c) => c.at.replace(/:\d+$/, "")));
    expect([...files]).toEqual(["ui/src/lib/backend/index.ts"]);
  });
});

describe("the checker", () => {
  const shell = sources({
    "src-tauri/src/main.rs": `
      fn main() {
        tauri::Builder::default().invoke_handler(tauri::generate_handler![
          commands::get_article,
          // commands::commented_out,
          photo::commands::render_crop,
          set_hero,
        ]);
      }`,
    "src-tauri/src/commands.rs": `
      /// Reads one article.
      #[tauri::command]
      pub async fn get_article(desk: State<'_, Desk>, article_id: ArticleId) -> Answer<Article> {
          desk.with(|ws| ws.article_by_id(article_id))
      }
      #[tauri::command]
      pub async fn not_registered(id: i64) -> Answer<()> { Ok(()) }`,
    "src-tauri/src/photo/commands.rs": `
      #[tauri::command]
      #[allow(clippy::too_many_arguments)]
      pub async fn render_crop<R: Runtime>(
          app: AppHandle<R>,
          window: tauri::Window,
          id: PhotoId,
          crop_name: String,
          progress: Channel<Progress>,
      ) -> Answer<RenditionSet> { todo!() }`,
    "src-tauri/src/hero.rs": `
      #[tauri::command(rename_all = "snake_case")]
      pub fn set_hero(desk: tauri::State<'_, Desk>, article_id: i64, hero: Option<Hero>) -> Answer<()> { todo!() }`,
  });

  test("reads the handler list, skipping comments", () => {
    expect(handlerList(shell)).toEqual([
      "commands::get_article",
      "photo::commands::render_crop",
      "set_hero",
    ]);
  });

  test("takes the keys Tauri expects: camelCase, injected parameters left out", () => {
    const byName = new Map(rustCommands(shell).map((c) => [c.name, c]));
    expect(byName.get("get_article")?.required).toEqual(["articleId"]);
    expect(byName.get("render_crop")?.required).toEqual(["id", "cropName", "progress"]);
    expect(byName.get("render_crop")?.module).toBe("photo::commands");
    expect(byName.get("set_hero")).toMatchObject({ required: ["article_id"], optional: ["hero"] });
    expect(camelCase("revision_id")).toBe("revisionId");
  });

  const check = (ts: string) => {
    const { commands } = registeredCommands(shell);
    const { calls, unreadable } = uiCalls(sources({ "/src/lib/backend/index.ts": ts }));
    return [...unreadable, ...mismatches(calls, commands)];
  };
  const wrapper = `
    import { invoke } from "@tauri-apps/api/core";
    async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
      return await invoke<T>(command, args);
    }`;

  test("passes calls that match", () => {
    expect(
      check(`${wrapper}
        export const a = (articleId: number) => call("get_article", { articleId });
        export const r = (id: number, c: string, progress: unknown) =>
          call("render_crop", { id, cropName: c, progress });
        export const h = () => invoke("set_hero", { article_id: 1 });`),
    ).toEqual([]);
  });

  test("names a command no handler registers (renamed in the UI, or never registered)", () => {
    const problems = check(`${wrapper}
      export const a = (articleId: number) => call("get_articles", { articleId });
      export const b = () => call("not_registered", { id: 1 });`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('invokes "get_articles"');
    expect(problems[1]).toContain('invokes "not_registered"');
  });

  test("names an unknown argument and a missing one", () => {
    const problems = check(`${wrapper}
      export const a = (id: number) => call("get_article", { id });`);
    expect(problems).toEqual([
      expect.stringContaining('"get_article" gets argument "id"'),
      expect.stringContaining('"get_article" is missing argument "articleId"'),
    ]);
  });

  test("refuses what it cannot read rather than skipping it", () => {
    const problems = check(`${wrapper}
      const name = "get_article";
      export const a = () => call(name, { articleId: 1 });
      export const b = (args: Record<string, unknown>) => call("get_article", args);`);
    expect(problems).toHaveLength(2);
  });

  test("reads invoke calls in a Svelte component's script", () => {
    const { calls } = uiCalls(
      sources({
        "/src/X.svelte": `<script lang="ts">
          import { invoke } from "@tauri-apps/api/core";
          void invoke("get_article", { articleId: 3 });
        </script><p>hi</p>`,
      }),
    );
    expect(calls.map((c) => [c.command, c.keys])).toEqual([["get_article", ["articleId"]]]);
  });
});

// The contract between the window and the app's Rust handlers, read from both sides' source:
// which commands `tauri::generate_handler![…]` registers and which arguments each
// `#[tauri::command]` takes, and which commands and argument keys the UI's `invoke` calls
// send. Only `contract.test.ts` uses it (it imports the TypeScript compiler, which never
// reaches the app's bundle). A renamed command or argument on either side is then a failing
// test naming it, not an `ipc` failure a journalist meets in the window.

import ts from "typescript";

/** One source file: its path (for messages and module paths) and its text. */
export interface Source {
  path: string;
  text: string;
}

/** A `#[tauri::command]` function: its module path (`photo_commands`) and its IPC keys. */
export interface RustCommand {
  name: string;
  module: string;
  file: string;
  /** The keys the window must send (camelCase unless `rename_all = "snake_case"`). */
  required: string[];
  /** Keys it may leave out (`Option<…>` parameters). */
  optional: string[];
}

/** One `invoke` of the UI, through whatever wrapper passes the command name along. */
export interface UiCall {
  command: string;
  keys: string[];
  /** `file:line`, for the message. */
  at: string;
}

/** Tauri fills these parameters itself; the window never sends them. */
const INJECTED = new Set([
  "State",
  "AppHandle",
  "Window",
  "WebviewWindow",
  "Webview",
  "Request",
  "CommandScope",
  "GlobalScope",
]);

/** Rust source without comments (string literals kept, so a `"//"` stays a string). */
function stripComments(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === "/" && src[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (src[i] === "*" && src[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
      out += " ";
    } else if (c === '"') {
      const start = i++;
      while (i < src.length && src[i] !== '"') i += src[i] === "\\" ? 2 : 1;
      i++;
      out += src.slice(start, i);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The text from `open` (an index of `(`, `[`, `{` or `<`) to its matching closer, exclusive. */
function balanced(src: string, open: number): { inner: string; end: number } {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
  const stack: string[] = [];
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === "-" && src[i + 1] === ">") {
      i++; // `->` is an arrow, not a closing angle bracket.
      continue;
    }
    const closer = pairs[c];
    if (closer) stack.push(closer);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return { inner: src.slice(open + 1, i), end: i };
    }
  }
  throw new Error(`unbalanced brackets after offset ${open}`);
}

/** Splits on commas outside any brackets. */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "-" && list[i + 1] === ">") {
      i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if (c === ")" || c === "]" || c === "}" || c === ">") depth--;
    else if (c === "," && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Tauri's key for a Rust parameter: `note_id` → `noteId` (heck's lower camel case). */
export function camelCase(snake: string): string {
  return snake
    .replace(/^_+/, "")
    .split("_")
    .filter((w) => w !== "")
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
}

/** `src-tauri/src/photo/commands.rs` → `photo::commands`; `…/mod.rs` → its folder. */
function modulePath(file: string): string {
  const rel = file.replace(/\\/g, "/").replace(/^.*?src-tauri\/src\//, "");
  const parts = rel.replace(/\.rs$/, "").split("/");
  const last = parts[parts.length - 1];
  if (last === "mod" || last === "main" || last === "lib") parts.pop();
  return parts.join("::");
}

/** The outer type's name: `tauri::State<'_, Desk>` → `State`, `&Window` → `Window`. */
function typeName(ty: string): string {
  const bare = ty.replace(/^&\s*('\w+\s+)?(mut\s+)?/, "").trim();
  const path = bare.split("<")[0]!.trim();
  return path.split("::").pop()!.trim();
}

/** Every `#[tauri::command]` function in `files`, with the keys its parameters take. */
export function rustCommands(files: Source[]): RustCommand[] {
  const found: RustCommand[] = [];
  for (const file of files) {
    const src = stripComments(file.text);
    const attr = /#\[\s*tauri\s*::\s*command\s*(\(([^)]*)\))?\s*\]/g;
    for (let m = attr.exec(src); m !== null; m = attr.exec(src)) {
      const snake = /rename_all\s*=\s*"snake_case"/.test(m[2] ?? "");
      // Further attributes, visibility and `async` may stand between the attribute and `fn`.
      const head = /^(\s*#\[[^\]]*\])*\s*(pub(\([^)]*\))?\s+)?(async\s+)?fn\s+(r#)?(\w+)\s*/.exec(
        src.slice(attr.lastIndex),
      );
      if (!head) throw new Error(`${file.path}: #[tauri::command] not followed by a fn`);
      const name = head[6]!;
      let at = attr.lastIndex + head[0].length;
      if (src[at] === "<") at = balanced(src, at).end + 1;
      while (/\s/.test(src[at] ?? "")) at++;
      if (src[at] !== "(") throw new Error(`${file.path}: cannot read the parameters of ${name}`);
      const required: string[] = [];
      const optional: string[] = [];
      for (const param of topLevel(balanced(src, at).inner)) {
        const colon = param.indexOf(":");
        if (colon < 0) continue; // `self` never appears in a command; nothing to send.
        const ident = param
          .slice(0, colon)
          .replace(/^mut\s+/, "")
          .replace(/^r#/, "")
          .trim();
        const ty = param.slice(colon + 1).trim();
        if (INJECTED.has(typeName(ty))) continue;
        const key = snake ? ident : camelCase(ident);
        (typeName(ty) === "Option" ? optional : required).push(key);
      }
      found.push({ name, module: modulePath(file.path), file: file.path, required, optional });
    }
  }
  return found;
}

/** The paths listed in every `generate_handler![…]` (`photo_commands::set_crop`). */
export function handlerList(files: Source[]): string[] {
  const paths: string[] = [];
  for (const file of files) {
    const src = stripComments(file.text);
    const macro = /generate_handler!\s*/g;
    for (let m = macro.exec(src); m !== null; m = macro.exec(src)) {
      const open = macro.lastIndex;
      for (const entry of topLevel(balanced(src, open).inner)) {
        paths.push(entry.replace(/\s+/g, "").replace(/^(crate|self)::/, ""));
      }
    }
  }
  return paths;
}

/**
 * What the app really answers to: each handler entry resolved to its function (by module
 * path, else by a name only one command has). Entries that resolve to nothing are
 * returned in `unresolved`, so a parsing gap shows instead of hiding a command.
 */
export function registeredCommands(files: Source[]): {
  commands: Map<string, RustCommand>;
  unresolved: string[];
} {
  const defined = rustCommands(files);
  const commands = new Map<string, RustCommand>();
  const unresolved: string[] = [];
  for (const entry of handlerList(files)) {
    const segments = entry.split("::");
    const name = segments.pop()!;
    const module = segments.join("::");
    const exact = defined.find((c) => c.name === name && c.module === module);
    const byName = defined.filter((c) => c.name === name);
    const fn = exact ?? (byName.length === 1 ? byName[0] : undefined);
    if (fn) commands.set(name, fn);
    else unresolved.push(entry);
  }
  return { commands, unresolved };
}

/** The `<script>` blocks of a Svelte component, as one TypeScript text. */
function scriptOf(source: Source): string {
  if (!source.path.endsWith(".svelte")) return source.text;
  const blocks = [...source.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  return blocks.map((b) => b[1]).join("\n");
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The name of the function (declaration or `const f = …`) around `node`. */
function enclosingFunction(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      ts.isVariableDeclaration(n.parent) &&
      ts.isIdentifier(n.parent.name)
    ) {
      return n.parent.name.text;
    }
  }
  return undefined;
}

/**
 * Every command the UI invokes, with the keys of its argument object. `invoke` with a
 * literal name is a call; `invoke(name, args)` inside a function makes that function a
 * wrapper (the backend's `call`), whose literal-named calls in the same file count too.
 * Anything these rules cannot read (a computed name, a spread argument) is in `unreadable`,
 * so the test fails rather than skipping it.
 */
export function uiCalls(sources: Source[]): { calls: UiCall[]; unreadable: string[] } {
  const calls: UiCall[] = [];
  const unreadable: string[] = [];
  for (const source of sources) {
    const text = scriptOf(source);
    if (!/\binvoke\b/.test(text)) continue;
    const file = ts.createSourceFile(source.path, text, ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) =>
      `${source.path}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const all: ts.CallExpression[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) all.push(n);
      ts.forEachChild(n, visit);
    };
    visit(file);
    const wrappers = new Set(["invoke"]);
    for (const c of all) {
      const first = c.arguments[0];
      if (calleeName(c) === "invoke" && first && !ts.isStringLiteralLike(first)) {
        const wrapper = enclosingFunction(c);
        if (wrapper) wrappers.add(wrapper);
        else unreadable.push(`${where(c)}: invoke with a computed command name`);
      }
    }
    for (const c of all) {
      const name = calleeName(c);
      if (name === undefined || !wrappers.has(name)) continue;
      const [first, second] = c.arguments;
      if (!first || !ts.isStringLiteralLike(first)) {
        // The wrapper's own pass-through (`invoke(command, args)`) is no call of a command.
        if (name === "invoke" && enclosingFunction(c) !== undefined) continue;
        unreadable.push(`${where(c)}: ${name}(…) with a command name that is not a literal`);
        continue;
      }
      const keys: string[] = [];
      if (second) {
        if (!ts.isObjectLiteralExpression(second)) {
          unreadable.push(`${where(c)}: "${first.text}" sends arguments that are not an object literal`);
          continue;
        }
        for (const p of second.properties) {
          if (ts.isShorthandPropertyAssignment(p)) keys.push(p.name.text);
          else if (
            ts.isPropertyAssignment(p) &&
            (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))
          ) {
            keys.push(p.name.text);
          } else unreadable.push(`${where(p)}: "${first.text}" has an argument key computed at run time`);
        }
      }
      calls.push({ command: first.text, keys, at: where(c) });
    }
  }
  return { calls, unreadable };
}

/** Every way the UI's calls disagree with the handlers, one sentence each; empty when none. */
export function mismatches(calls: UiCall[], commands: Map<string, RustCommand>): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    const fn = commands.get(call.command);
    if (!fn) {
      problems.push(
        `${call.at}: the UI invokes "${call.command}", which no handler in generate_handler![…] registers`,
      );
      continue;
    }
    const known = new Set([...fn.required, ...fn.optional]);
    for (const key of call.keys) {
      if (!known.has(key)) {
        problems.push(
          `${call.at}: "${call.command}" gets argument "${key}", which ${fn.file}'s ${fn.name} does not take (it takes: ${[...known].join(", ") || "nothing"})`,
        );
      }
    }
    for (const key of fn.required) {
      if (!call.keys.includes(key)) {
        problems.push(
          `${call.at}: "${call.command}" is missing argument "${key}", which ${fn.file}'s ${fn.name} requires`,
        );
      }
    }
  }
  return problems;
}

// The body editor, assembled in one place from one extension per file. Toggles that change
// while the editor lives (the article's language, distraction-free mode) sit in Compartments
// and are reconfigured, never rebuilt.

import { Compartment, EditorState, Text, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

import { cspNonce } from "./csp";
import { dialogue } from "./dialogue";
import { editing } from "./editing";
import { formatting } from "./formatting";
import { history } from "./history";
import { lists } from "./lists";
import { markdownSyntax } from "./markdown";
import { editorWords, type EditorWords } from "./placeholder";
import { editListener, programmatic } from "./programmatic";
import { spellcheck } from "./spellcheck";
import { baseTheme, distractionFreeTheme } from "./theme";
import { wrapping } from "./wrapping";
import * as latency from "../desk/latency";

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  language: string;
  /** The editor's own words, in the interface's language. */
  words: EditorWords;
  /** Called after every change the writer makes (never for programmatic ones). */
  onEdit: () => void;
}

export interface Editor {
  readonly view: EditorView;
  /** The whole text. Costs a copy of the document: call it when the text is needed. */
  text(): string;
  /** Shows another article's text, with a fresh undo history. Not an edit. */
  load(text: string): void;
  /** Replaces the text as one undoable step that is not reported as an edit. */
  replace(text: string): void;
  /** Takes in a text changed elsewhere (a sync, a merge): only the span that differs is
   *  replaced, so the caret and the selection stay where they were in the writer's words.
   *  Not reported as an edit. */
  takeIn(text: string): void;
  /** Puts `block` into the text as a paragraph of its own, after the caret's line (at the end
   *  when the caret was never placed), as the writer's own edit: autosaved, undoable. */
  insertBlock(block: string): void;
  setLanguage(language: string): void;
  /** The interface's language changed: the placeholder and the accessible name follow. */
  setWords(words: EditorWords): void;
  setDistractionFree(on: boolean): void;
  /** A story the person may read but not change (a newsroom rule): no edit reaches it. */
  setReadOnly(on: boolean): void;
  focus(): void;
  destroy(): void;
}

/** What follows the story's language: the spellchecker's dictionary and Spanish dialogue. */
function byLanguage(language: string): Extension {
  return [spellcheck(language), dialogue(language)];
}

export function createEditor(options: EditorOptions): Editor {
  const language = new Compartment();
  const distractionFree = new Compartment();
  const readOnly = new Compartment();
  const words = new Compartment();
  let current = { language: options.language, words: options.words, distractionFree: false, readOnly: false };
  const lock = (on: boolean): Extension => [EditorState.readOnly.of(on), EditorView.editable.of(!on)];

  const extensions = (): Extension => [
    cspNonce(),
    lists(),
    markdownSyntax(),
    formatting(),
    history(),
    editing(),
    wrapping(),
    words.of(editorWords(current.words)),
    baseTheme(),
    language.of(byLanguage(current.language)),
    distractionFree.of(distractionFreeTheme(current.distractionFree)),
    readOnly.of(lock(current.readOnly)),
    editListener(options.onEdit),
    caretPlaced,
  ];
  const stateFor = (text: string) => EditorState.create({ doc: text, extensions: extensions() });
  /** The writer has put the caret somewhere (a click, a key, typing) since the text loaded:
   *  a photo put into the text goes there, not at the end. */
  let placed = false;
  const caretPlaced = EditorView.updateListener.of((u) => {
    if (u.transactions.some((tr) => tr.isUserEvent("select") || tr.isUserEvent("input") || tr.isUserEvent("delete")))
      placed = true;
  });

  const view = new EditorView({
    state: stateFor(options.text),
    parent: options.parent,
    // Timed for the keystroke profile (desk/latency.ts; nothing when it is off).
    dispatchTransactions: (trs, v) => latency.timed("cm.update", () => v.update(trs)),
  });
  // CodeMirror's read of the layout in the frame after a change (not in its public types).
  const internal = view as unknown as { measure(flush?: boolean): void };
  const measure = internal.measure.bind(view);
  internal.measure = (flush?: boolean) => latency.timed("cm.measure", () => measure(flush));

  return {
    view,
    text: () => view.state.doc.toString(),
    // A new state rather than a transaction: no listener sees a load, and undo cannot walk
    // back into the previous article.
    load: (text) => {
      placed = false;
      view.setState(stateFor(text));
    },
    replace: (text) =>
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: programmatic.of(true),
      }),
    takeIn: (text) => {
      const change = changedSpan(view.state.doc.toString(), text);
      if (change)
        view.dispatch({ changes: change, annotations: programmatic.of(true) });
    },
    insertBlock: (block) => {
      const head = placed ? view.state.selection.main.head : null;
      const at = blockInsertion(view.state.doc, head, block);
      view.dispatch({
        changes: { from: at.from, insert: at.insert },
        selection: { anchor: at.anchor },
        scrollIntoView: true,
        userEvent: "input",
      });
    },
    setLanguage: (lang) => {
      current = { ...current, language: lang };
      view.dispatch({ effects: language.reconfigure(byLanguage(lang)) });
    },
    setWords: (w) => {
      current = { ...current, words: w };
      view.dispatch({ effects: words.reconfigure(editorWords(w)) });
    },
    setDistractionFree: (on) => {
      current = { ...current, distractionFree: on };
      view.dispatch({ effects: distractionFree.reconfigure(distractionFreeTheme(on)) });
    },
    setReadOnly: (on) => {
      if (current.readOnly === on) return;
      current = { ...current, readOnly: on };
      view.dispatch({ effects: readOnly.reconfigure(lock(on)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

/** Where and how `block` goes in as a paragraph of its own: before the paragraph when the
 *  caret `head` is at its very start, else after the line the caret is on (the text's end
 *  when the caret was never placed: `head` null), with a blank line before and after it;
 *  `anchor` is the caret just after it. */
export function blockInsertion(
  doc: Text,
  head: number | null,
  block: string,
): { from: number; insert: string; anchor: number } {
  if (head !== null) {
    const at = doc.lineAt(head);
    const opens = at.number === 1 || doc.line(at.number - 1).text.trim() === "";
    if (head === at.from && at.text.trim() !== "" && opens)
      return { from: at.from, insert: `${block}\n\n`, anchor: at.from + block.length };
  }
  const line = head === null ? doc.line(doc.lines) : doc.lineAt(head);
  // A blank line before it: after the line's text, or after the text just above an empty
  // line (a body's last line is often the empty one after its final newline).
  const above = line.number > 1 && doc.line(line.number - 1).text.trim() !== "";
  const prefix = line.text.trim() ? "\n\n" : above ? "\n" : "";
  const next = doc.sliceString(line.to, line.to + 2);
  const suffix =
    line.to === doc.length ? "\n" : next.startsWith("\n\n") ? "" : next.startsWith("\n") ? "\n" : "\n\n";
  return { from: line.to, insert: prefix + block + suffix, anchor: line.to + prefix.length + block.length };
}

/** The one span of `before` to replace to make `after` (common start and end kept), or null
 *  when they are equal. */
export function changedSpan(
  before: string,
  after: string,
): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

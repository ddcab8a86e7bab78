// Markdown as a writer sees it: GFM parsing (tables, strikethrough, task lists), Enter that
// continues lists and quotes, and highlighting that keeps markup quiet and prose loud.

import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags as t } from "@lezer/highlight";

const prose = HighlightStyle.define([
  { tag: t.heading1, fontWeight: "700", fontSize: "1.3em" },
  { tag: t.heading2, fontWeight: "700", fontSize: "1.15em" },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: "700" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: t.link, color: "var(--accent-ink)", textDecoration: "underline" },
  { tag: t.url, color: "var(--muted)" },
  { tag: t.quote, color: "var(--quote-ink)", fontStyle: "italic" },
  { tag: t.monospace, fontFamily: "var(--font-mono)", fontSize: "0.88em" },
  // Markup characters (`#`, `**`, `>`, `[]()`) stay visible but step back.
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: "var(--markup)" },
]);

export function markdownSyntax(): Extension {
  return [markdown({ base: markdownLanguage }), syntaxHighlighting(prose)];
}

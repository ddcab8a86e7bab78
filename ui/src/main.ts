// Entry point of the desk window's UI: the bundled serif (no remote fonts), the app's
// styles, and the root component.

import "@fontsource-variable/source-serif-4/standard.css";
import "@fontsource-variable/source-serif-4/standard-italic.css";
import "./app.css";

import { mount } from "svelte";
import App from "./App.svelte";
import { installFieldUndo } from "./lib/components/fieldUndo";
import { installFocusCycle } from "./lib/components/focusCycle";

// The start's own marks (`dateline-*`), read by the cold-start measurement
// (tests/e2e/tests/latency.rs): here, every module of the bundle has been evaluated.
performance.mark("dateline-script");

// The webview's own menu (Back, Forward, Stop, Reload — in English, and Reload would drop
// what is on screen) is not the app's: it is kept only where text is typed or selected, for
// its spelling suggestions, Cut, Copy and Paste (a tryout right-clicked the photo desk).
document.addEventListener("contextmenu", (e) => {
  const el = e.target instanceof Element ? e.target : null;
  const typing = el?.closest("input, textarea, [contenteditable='true'], .cm-content");
  const selected = (window.getSelection()?.toString() ?? "") !== "";
  if (!typing && !selected) e.preventDefault();
});

installFieldUndo();
installFocusCycle();

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

const app = mount(App, { target });
performance.mark("dateline-mounted");
export default app;

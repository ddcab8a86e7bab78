// Entry point of the desk window's UI: the bundled serif (no remote fonts), the app's
// styles, and the root component.

import "@fontsource-variable/source-serif-4/standard.css";
import "@fontsource-variable/source-serif-4/standard-italic.css";
import "./app.css";

import { mount } from "svelte";
import App from "./App.svelte";

// The start's own marks (`dateline-*`), read by the cold-start measurement
// (tests/e2e/tests/latency.rs): here, every module of the bundle has been evaluated.
performance.mark("dateline-script");

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

const app = mount(App, { target });
performance.mark("dateline-mounted");
export default app;

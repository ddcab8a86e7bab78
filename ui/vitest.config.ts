// Vitest runs the UI's unit tests (`src/**/*.test.ts`) through the app's own Vite config, so
// the Svelte plugin compiles the runes in `*.svelte.ts` modules as the build does. The tests
// run in Node: they exercise pure modules and stores, never a webview (that is `tests/e2e/`).
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["src/**/*.test.ts"],
      environment: "node",
    },
  }),
);

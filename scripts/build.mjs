// Bundles the three front doors into dist/ (committed; `npm run check-dist` proves it is fresh).
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { onlyEnglishZodLocales } from "./zod-locales.mjs";

const entries = {
  cli: "src/cli/index.ts",
  app: "src/app/index.ts",
  action: "src/action/index.ts",
  // `run` with an injected clock, for change-gate's own bundle tests (test/action/run-at.mjs); the runner never loads it.
  "action-api": "src/action/api.ts",
  // For `probot run ./dist/probot-app.js`: the module's default export is the Probot app function.
  "probot-app": "src/app/app.ts",
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
await build({
  entryPoints,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  // Full minification: a third less code for node to parse at every start (the CLI's cold start is most of its time).
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [onlyEnglishZodLocales],
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __cgRequire } from "node:module";',
      "const require = __cgRequire(import.meta.url);",
    ].join("\n"),
  },
});
writeFileSync("dist/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);

// Bundles the three front doors into dist/ (committed; `npm run check-dist` proves it is fresh).
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { build } from "esbuild";

/**
 * zod re-exports ~50 locales (300 KB) that change-gate never uses (messages are its own, in English); keep only
 * `en` so start-up stays fast.
 */
const onlyEnglishZodLocales = {
  name: "only-english-zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes("/node_modules/zod/")
        ? // A path relative to the project: output hashes must not depend on where the checkout lives.
          { path: relative(process.cwd(), args.importer), namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: dirname(resolve(args.path)),
      loader: "js",
    }));
  },
};

const entries = {
  cli: "src/cli/index.ts",
  app: "src/app/index.ts",
  action: "src/action/index.ts",
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

// Bundles the three front doors into dist/ (committed; `npm run check-dist` proves it is fresh).
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const entries = { cli: "src/cli/index.ts", app: "src/app/index.ts", action: "src/action/index.ts" };
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
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __cgRequire } from "node:module";',
      "const require = __cgRequire(import.meta.url);",
    ].join("\n"),
  },
});
writeFileSync("dist/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);

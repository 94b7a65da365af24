// Shared by scripts/build.mjs and the Action benchmark's library floor, so both load the same zod.
import { dirname, relative, resolve } from "node:path";

/**
 * zod re-exports ~50 locales (300 KB) that change-gate never uses (messages are its own, in English); keep only
 * `en` so start-up stays fast.
 */
export const onlyEnglishZodLocales = {
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

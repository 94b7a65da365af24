/**
 * Action benchmark (a plain script, not a timed test):
 *   node --import tsx bench/action.bench.ts
 * Wall time of `node dist/action.js` in pr mode (a real pull_request payload, against a loopback fake GitHub API:
 * templates, ledger, check run and label requests) and in deploy mode, next to `node -e 0`; then the bundle sizes:
 * what every run loads at start-up, and what each mode adds through its dynamic import.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
// @ts-expect-error: a plain ESM build script, no type declarations
import { onlyEnglishZodLocales } from "../scripts/zod-locales.mjs";
import { ensureBuilt, examplePayload } from "../test/action/harness.js";
import { prRoutes, READY_BODY } from "../test/action/routes.js";
import { startFakeGitHub } from "../test/support/fake-github.js";

const RUNS = 9;

await ensureBuilt();
const pr = examplePayload("pull_request", (p) => p.action === "opened");
pr.pull_request.body = READY_BODY;
const api = await startFakeGitHub([
  ...prRoutes({ pr: 2, sha: pr.pull_request.head.sha }),
  // Deploy mode looks up the PR behind the pushed commit: none here, and no environment requires one.
  { method: "GET", path: /^\/repos\/Codertocat\/Hello-World\/commits\/[0-9a-f]{40}\/pulls$/, body: [] },
]);
const dir = mkdtempSync(join(tmpdir(), "change-gate-bench-"));
mkdirSync(join(dir, ".github"));
// No windows: always open, so the figures do not depend on the day the bench runs.
writeFileSync(join(dir, ".github/change-gate.yml"), "timezone: Europe/Berlin\n");
writeFileSync(join(dir, "output"), "");
writeFileSync(join(dir, "summary.md"), "");
writeFileSync(join(dir, "pr.json"), JSON.stringify(pr));
writeFileSync(join(dir, "push.json"), JSON.stringify(examplePayload("push")));

function runnerEnv(event: string, payload: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, payload),
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_API_URL: api.url,
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    GITHUB_WORKSPACE: dir,
    INPUT_TOKEN: "ghs_bench",
  };
}

/** Median wall time of a child process; spawned asynchronously so the in-process fake API keeps answering. */
async function wall(args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const code = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, args, { env, stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore" }).on(
        "close",
        resolve,
      ),
    );
    times.push(performance.now() - t);
    if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

/**
 * The floor under the pr mode: a minified bundle that only loads and touches the libraries it must run (YAML, zod,
 * Temporal, cron, globs, unified + remark + GFM, Octokit), without any change-gate code or request.
 */
async function libraryFloor(): Promise<string> {
  const file = join(dir, "floor.mjs");
  await build({
    stdin: {
      contents: [
        'import { parseDocument } from "yaml"; import { z } from "zod"; import { Temporal } from "temporal-polyfill";',
        'import { Cron } from "croner"; import { unified } from "unified";',
        'import remarkParse from "remark-parse"; import remarkGfm from "remark-gfm"; import { Octokit } from "@octokit/core";',
        "globalThis.touched = [parseDocument('a: 1'), z.object({ a: z.string() }).safeParse({ a: 'x' }),",
        "  Temporal.Now.instant(), new Cron('0 9 * * 1'),",
        "  unified().use(remarkParse).use(remarkGfm).parse('## Rollback plan\\nRevert.'), new Octokit()];",
      ].join("\n"),
      resolveDir: process.cwd(),
      loader: "js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    outfile: file,
    logLevel: "error",
    plugins: [onlyEnglishZodLocales],
    // As scripts/build.mjs: CommonJS dependencies inside an ESM bundle need a require.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
  });
  return file;
}

const base = await wall(["-e", "0"]);
const floorFile = await libraryFloor();
const floor = await wall([floorFile]);
const prMode = await wall(["dist/action.js"], runnerEnv("pull_request", "pr.json"));
const requests = api.requests.length / RUNS;
const deployMode = await wall(["dist/action.js"], runnerEnv("push", "push.json"));
await api.close();
rmSync(dir, { recursive: true, force: true });

console.log(`Action wall time (median of ${RUNS}):`);
console.log(`  node -e 0                    ${base.toFixed(0).padStart(5)} ms`);
console.log(
  `  pr mode (${requests} requests)       ${prMode.toFixed(0).padStart(5)} ms = ${(prMode / base).toFixed(2)}x node -e 0`,
);
console.log(
  `  deploy mode (open window)    ${deployMode.toFixed(0).padStart(5)} ms = ${(deployMode / base).toFixed(2)}x`,
);
console.log(
  `  library floor (load only)    ${floor.toFixed(0).padStart(5)} ms = ${(floor / base).toFixed(2)}x  (yaml, zod, temporal, croner, remark+gfm, octokit; no change-gate code, no request)`,
);

/** A bundle file and everything it imports statically (what loading it costs), as a set of paths. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+)"/g))
    closure(normalize(join(dirname(file), m[1]!)), seen);
  return seen;
}
const dynamicImports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/import\("(\.\.?\/[^"]+)"\)/g)].map((m) =>
    normalize(join(dirname(file), m[1]!)),
  );
const kib = (files: Iterable<string>) =>
  `${([...files].reduce((n, f) => n + statSync(f).size, 0) / 1024).toFixed(0).padStart(5)} KiB`;

const startup = closure("dist/action.js");
console.log("\nBundle (dist/action.js and the chunks it loads):");
console.log(`  start-up (static imports)    ${kib(startup)} in ${startup.size} files`);
const modeChunks = [...startup].flatMap(dynamicImports).filter((f) => /\/mode-/.test(f));
for (const chunk of [...new Set(modeChunks)].sort()) {
  const added = [...closure(chunk)].filter((f) => !startup.has(f));
  const name = /mode-([a-z]+)/.exec(chunk)![1]!;
  console.log(
    `  + ${name.padEnd(8)} mode            ${kib(added)} in ${added.length} files (before its own lazy imports)`,
  );
}
const all = [
  ...new Set([...startup, ...[...startup].flatMap(dynamicImports).flatMap((f) => [...closure(f)])]),
];
console.log(`  everything reachable         ${kib(all)}`);

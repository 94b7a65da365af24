// Runs the bundled Action (dist/action.js) the way a runner does: a child process with GITHUB_* and INPUT_* set.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import type { WebhookEventMap, WebhookEventName } from "@octokit/webhooks-types";
import { INPUTS, type Inputs } from "../../src/action/inputs.js";
import { type Recorded, type Route, startFakeGitHub } from "../support/fake-github.js";

const ACTION = "dist/action.js";
/** The bundled `run`, for runs on a virtual clock (`now`). */
const ACTION_API = "dist/action-api.js";
const RUN_AT = fileURLToPath(new URL("./run-at.mjs", import.meta.url));

/**
 * The tests run the committed bundle; `npm test` builds it first. Tests never rebuild it themselves: a rebuild
 * empties dist/ while other test files may be running bundles.
 */
export async function ensureBuilt(): Promise<void> {
  for (const file of [ACTION, ACTION_API])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does) first`);
}

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

/** A real payload from @octokit/webhooks-examples, deep-copied so a test may edit it. */
export function examplePayload<E extends WebhookEventName>(
  event: E,
  pick: (p: WebhookEventMap[E]) => boolean = () => true,
): WebhookEventMap[E] {
  const found = examples.find((d) => d.name === event)?.examples.find((p) => pick(p as WebhookEventMap[E]));
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found) as WebhookEventMap[E];
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  requests: Recorded[];
}

export interface ActionRunOptions {
  event: string;
  /** Written to GITHUB_EVENT_PATH: an object as JSON, a string as it is. */
  payload?: unknown;
  inputs?: Partial<Record<keyof Inputs, string>>;
  routes?: Route[];
  /** Written to `.github/change-gate.yml` in the workspace; absent = no file in the checkout. */
  config?: string;
  env?: Record<string, string>;
  repository?: string;
  /**
   * Run the bundle on a virtual clock starting at this ISO instant (sleeps are instant) through test/action/run-at.mjs;
   * absent = `node dist/action.js` on the system clock, exactly as the runner starts it.
   */
  now?: string;
}

/** `name<<delimiter\nvalue\ndelimiter` records, as the runner protocol has them in GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export async function runAction(o: ActionRunOptions): Promise<ActionRun> {
  const api = await startFakeGitHub(o.routes ?? []);
  const dir = mkdtempSync(join(tmpdir(), "change-gate-action-"));
  const workspace = join(dir, "workspace");
  mkdirSync(workspace);
  if (o.config !== undefined) {
    mkdirSync(join(workspace, ".github"));
    writeFileSync(join(workspace, ".github/change-gate.yml"), o.config);
  }
  const files = {
    event: join(dir, "event.json"),
    output: join(dir, "output"),
    summary: join(dir, "summary.md"),
  };
  writeFileSync(files.event, typeof o.payload === "string" ? o.payload : JSON.stringify(o.payload ?? {}));
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const inputs = Object.fromEntries(
    Object.entries({ token: "ghs_test", ...o.inputs }).map(([k, v]) => [INPUTS[k as keyof Inputs].env, v]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: o.repository ?? "Codertocat/Hello-World",
    GITHUB_API_URL: api.url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ...inputs,
    ...o.env,
  };
  try {
    const argv = o.now === undefined ? [ACTION] : [RUN_AT, ACTION_API, o.now];
    const child = spawn(process.execPath, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(files.output, "utf8")),
      summary: readFileSync(files.summary, "utf8"),
      requests: api.requests,
    };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `::error::` lines a failed step writes. */
export function errors(run: ActionRun): string[] {
  return run.stdout
    .split("\n")
    .filter((l) => l.startsWith("::error::"))
    .map((l) => l.slice("::error::".length).replace(/%0A/g, "\n").replace(/%25/g, "%"));
}

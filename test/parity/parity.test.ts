// One decision everywhere: every row of the parity table goes through the CLI bundle (dist/cli.js), the Action bundle
// (a runner emulation of dist/action.js's code) and the App bundle's code (signed webhooks to dist/probot-app.js on a
// loopback port), against one fake GitHub, and each front door must reach the row's verdict for the same reason.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, examplePayload, runAction } from "../action/harness.js";
import { PRIVATE_KEY } from "../app/harness.js";
import { freePort } from "../support/app-bundle.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { groupRef, groupShaOf, OWNER, PR, parityRoutes, pullOf, RUN_ID, repoOf, shaOf } from "./github.js";
import { AT, cliCanState, ROWS, type Row, TEMPLATE, type Verdict } from "./scenarios.js";

const SECRET = "parity-secret";
const APP_AT = fileURLToPath(new URL("./app-at.mjs", import.meta.url));
/** Rows decided at once: each runs two node processes (CLI, Action) and one delivery to the shared App. */
const CONCURRENCY = 3;

interface Outcome {
  verdict: Verdict | "n/a";
  /** The front door's own explanation (gate summary, job summary, check summary, review comment). */
  text: string;
}
type Results = { cli: Outcome; action: Outcome; app: Outcome };

let fake: FakeGitHub;
let app: ChildProcess;
let appPort: number;
let appLog = "";
const results = new Map<number, Results>();
let runtimeMs = 0;

const fromConclusion = (c: string | undefined): Verdict | "n/a" =>
  c === "success" ? "pass" : c === "failure" ? "block" : c === "neutral" ? "neutral" : "n/a";

function repository(i: number) {
  const repo = examplePayload("pull_request").repository;
  return {
    ...repo,
    name: repoOf(i),
    full_name: `${OWNER}/${repoOf(i)}`,
    owner: { ...repo.owner, login: OWNER },
  };
}

/** The event each front door receives for a row (the Action and the App get the same payload). */
function eventOf(row: Row, i: number): { name: string; payload: Record<string, unknown> } {
  const base = {
    repository: repository(i),
    installation: { id: 1 },
    sender: { login: "octocat", type: "User" },
  };
  if (row.gate === "merge")
    return {
      name: "pull_request",
      payload: { ...base, action: "opened", number: PR, pull_request: pullOf(row, i) },
    };
  if (row.gate === "merge-queue")
    return {
      name: "merge_group",
      payload: {
        ...base,
        action: "checks_requested",
        merge_group: {
          head_sha: groupShaOf(i),
          head_ref: groupRef(i),
          base_sha: "0".repeat(40),
          base_ref: "refs/heads/main",
        },
      },
    };
  return {
    name: "deployment_protection_rule",
    payload: {
      ...base,
      action: "requested",
      environment: "production",
      event: "push",
      deployment_callback_url: `${fake.url}/repos/${OWNER}/${repoOf(i)}/actions/runs/${RUN_ID}/deployment_protection_rule`,
      deployment: { id: 1, sha: shaOf(i), ref: "main", environment: "production", task: "deploy" },
      pull_requests: [{ number: PR }],
    },
  };
}

function spawnText(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function viaCli(row: Row): Promise<Outcome> {
  if (!cliCanState(row)) return { verdict: "n/a", text: "" };
  const dir = mkdtempSync(join(tmpdir(), "change-gate-parity-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const args = [
    "dist/cli.js",
    "check",
    "--body",
    file("body.md", row.body),
    "--template",
    file("t.md", TEMPLATE),
  ];
  args.push("--config", file("change-gate.yml", row.config), "--at", AT, "--format", "json");
  args.push("--files", file("files.txt", (row.files ?? ["src/app.ts"]).join("\n")));
  if (row.labels?.length) args.push("--labels", row.labels.join(","));
  if (row.author) args.push("--author", row.author);
  // In the merge queue a PR is no draft.
  if (row.draft && row.gate === "merge") args.push("--draft");
  if (row.gate === "deploy") args.push("--env", "production");
  const run = await spawnText(args);
  if (run.code === 2 || !run.stdout) return { verdict: "n/a", text: run.stderr };
  const gate = JSON.parse(run.stdout).gates[row.gate === "deploy" ? "deploy" : "merge"];
  return { verdict: fromConclusion(gate.conclusion), text: gate.summary };
}

async function viaAction(row: Row, i: number): Promise<Outcome> {
  const event = eventOf(row, i);
  const deploy = row.gate === "deploy";
  const run = await runAction({
    event: deploy ? "push" : event.name,
    payload: deploy
      ? { ...examplePayload("push"), repository: repository(i), after: shaOf(i) }
      : event.payload,
    inputs: deploy ? { mode: "deploy", environment: "production" } : { mode: "pr" },
    routes: parityRoutes(ROWS),
    repository: `${OWNER}/${repoOf(i)}`,
    now: AT,
  });
  return { verdict: fromConclusion(run.outputs.conclusion), text: `${run.summary}\n${run.stdout}` };
}

async function viaApp(row: Row, i: number): Promise<Outcome> {
  const event = eventOf(row, i);
  const body = JSON.stringify(event.payload);
  const res = await fetch(`http://127.0.0.1:${appPort}/`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event.name,
      "x-github-delivery": `parity-${i}`,
      "x-hub-signature-256": await sign(SECRET, body),
    },
    body,
  });
  if (res.status !== 200) return { verdict: "n/a", text: await res.text() };
  const mine = fake.requests.filter(
    (r) => r.method === "POST" && r.path.startsWith(`/repos/${OWNER}/${repoOf(i)}/`),
  );
  if (row.gate === "deploy") {
    const answer = mine.filter((r) => r.path.endsWith("/deployment_protection_rule")).at(-1)?.body as
      | { state?: string; comment?: string }
      | undefined;
    if (!answer) return { verdict: "n/a", text: "no review or status report" };
    // A status report (no state) holds the deployment: not approved.
    return { verdict: answer.state === "approved" ? "pass" : "block", text: answer.comment ?? "" };
  }
  const run = mine.filter((r) => r.path.endsWith("/check-runs")).at(-1)?.body as
    | { conclusion?: string; output?: { title?: string; summary?: string } }
    | undefined;
  return { verdict: fromConclusion(run?.conclusion), text: `${run?.output?.title}\n${run?.output?.summary}` };
}

beforeAll(async () => {
  await ensureBuilt();
  for (const file of ["dist/cli.js", "dist/probot-app.js"])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const started = Date.now();
  fake = await startFakeGitHub(parityRoutes(ROWS));
  appPort = await freePort();
  app = spawn(process.execPath, [APP_AT, "dist/probot-app.js", AT, String(appPort)], {
    env: { PATH: process.env.PATH, PRIVATE_KEY, WEBHOOK_SECRET: SECRET, GITHUB_API_URL: fake.url },
  });
  app.stdout?.on("data", (d) => (appLog += d));
  app.stderr?.on("data", (d) => (appLog += d));
  for (let i = 0; i < 300 && !appLog.includes("parity app listening"); i++)
    await new Promise((r) => setTimeout(r, 50));
  if (!appLog.includes("parity app listening")) throw new Error(`the App did not start:\n${appLog}`);
  let next = 0;
  const worker = async () => {
    while (next < ROWS.length) {
      const i = next++;
      const row = ROWS[i]!;
      const [cli, action, appOutcome] = await Promise.all([viaCli(row), viaAction(row, i), viaApp(row, i)]);
      results.set(i, { cli, action, app: appOutcome });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  runtimeMs = Date.now() - started;
}, 180_000);

afterAll(async () => {
  app?.kill("SIGTERM");
  await fake?.close();
  console.log(`parity: ${ROWS.length} rows through the CLI, the Action and the App in ${runtimeMs} ms`);
});

describe("the CLI, the Action and the App reach the same verdict on the same change", () => {
  it("has at least 20 rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(20));

  it.each(ROWS.map((row, i) => ({ ...row, i })))("$name → $expect", (row) => {
    const r = results.get(row.i)!;
    const cli = cliCanState(row) ? row.expect : "n/a";
    expect({ cli: r.cli.verdict, action: r.action.verdict, app: r.app.verdict }).toEqual({
      cli,
      action: row.expect,
      app: row.expect,
    });
    if (row.why)
      for (const [door, outcome] of Object.entries(r))
        if (outcome.verdict !== "n/a") expect(outcome.text, `${door} explains the block`).toContain(row.why);
  });
});

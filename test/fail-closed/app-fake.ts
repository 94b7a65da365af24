// A Probot instance with change-gate loaded, and one nock router standing in for every GitHub endpoint a gate path
// touches. Each endpoint has a happy answer (the gate passes or approves); a test breaks exactly one endpoint with a
// status (500/401/403/404/422) or a network error and asserts the gate never ends up passing.
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { sign } from "@octokit/webhooks-methods";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { vi } from "vitest";
import { type AppRuntime, changeGate } from "../../src/app/app.js";
import type { Clock } from "../../src/app/clock.js";
import { writeBlock } from "../../src/github/freeze-ledger/block.js";
import { overrideRecordBody } from "../../src/github/freeze-ledger/override.js";

export const API = "https://api.github.com";
export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const R = `/repos/${OWNER}/${REPO}`;
export const PR = 2;
export const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
export const GROUP_SHA = "929f8209d40f77f4abc622a499c93a83babdbe64";
export const RUN_ID = 5460123987;
export const CALLBACK = `${API}${R}/actions/runs/${RUN_ID}/deployment_protection_rule`;
export const NOW = "2026-11-24T10:00:00Z";
const SECRET = "fail-closed-secret";

export const GOOD_BODY = [
  "## Rollback plan",
  "Revert this PR and redeploy the previous tag v1.4.2 with `helm rollback api 41`.",
  "",
  "## Blast radius",
  "Only the greeting page of Hello-World; worst case the page shows the old text.",
].join("\n");

export const TEMPLATE =
  "## Rollback plan\n\n<!-- how to undo -->\n\n## Blast radius\n\n<!-- who is affected -->\n";

/** A config that makes every read of a PR check happen: a path rule (file list), templates, risk windows. */
export const CONFIG = [
  "timezone: UTC",
  "risk:",
  "  rules:",
  '    - paths: ["src/**"]',
  "      level: medium",
  "  windows:",
  "    high:",
  '      - { days: daily, start: "00:00", end: "23:59" }',
  "commands:",
  "  freeze:",
  "    permission: maintain",
  "    teams: [release]",
  "environments:",
  "  production:",
  "    require: [rollback]",
  "",
].join("\n");

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

type Example = Record<string, any> & { action?: string };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: Example[];
}[];

/** A real example payload with an installation, deep-copied. */
export function example(name: string, action?: string): Record<string, any> {
  const list = examples.find((e) => e.name === name)?.examples ?? [];
  const found =
    list.find((x) => x.action === action && x.installation) ?? list.find((x) => x.action === action);
  if (!found) throw new Error(`no example ${name}.${action}`);
  const copy = structuredClone(found) as Record<string, any>;
  copy.installation ??= { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  return copy;
}

/** The opened-PR example with a described body and a stale risk label (so every label write happens). */
export function openedPr(labels: string[] = ["risk: high"]): Record<string, any> {
  const payload = example("pull_request", "opened");
  payload.pull_request.body = GOOD_BODY;
  payload.pull_request.labels = labels.map((name, i) => ({ id: i + 1, name, color: "ededed" }));
  return payload;
}

export function deploymentPayload(): Record<string, any> {
  const pr = example("pull_request", "opened");
  return {
    action: "requested",
    environment: "production",
    event: "push",
    deployment_callback_url: CALLBACK,
    deployment: { id: 1, sha: SHA, ref: "main", environment: "production", task: "deploy" },
    // As GitHub sends them for a push: numbers only, so the PR is looked up by commit.
    pull_requests: [{ number: PR }],
    repository: pr.repository,
    organization: pr.organization,
    installation: pr.installation ?? { id: 1 },
    sender: pr.sender,
  };
}

/** Timers that run short waits (retry backoff) at once and never fire long ones (5-minute retries, windows). */
export function testClock(): Clock {
  return {
    now: () => new Date(NOW),
    setTimeout: (fn: () => void, ms: number) => {
      if (ms <= 60_000) setImmediate(fn);
      return 0;
    },
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
  } as Clock;
}

export interface AppHarness {
  runtime: AppRuntime;
  /** Resolves when every handler succeeded; rejects when one threw (GitHub then redelivers). */
  send(name: string, payload: unknown): Promise<void>;
}

export async function createApp(): Promise<AppHarness> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  let runtime: AppRuntime | undefined;
  await probot.load(changeGate({ clock: testClock(), appId: 1, sweepIntervalMs: 0 }, (r) => (runtime = r)));
  let n = 0;
  return {
    runtime: runtime!,
    send: async (name, payload) => {
      const text = JSON.stringify(payload);
      const signature = await sign(SECRET, text);
      await onFakeTime(() =>
        probot.webhooks.verifyAndReceive({
          id: `fail-closed-${++n}`,
          name: name as never,
          payload: text,
          signature,
        }),
      );
    },
  };
}

/**
 * Runs a delivery with `setTimeout` and `Date` on fake time. @octokit/auth-app answers a 401 on an installation token
 * younger than 5 s by waiting 1 s, 2 s and 3 s (GitHub's token replication delay) before it gives up: the same four
 * attempts and the same outcome here, without 6 s of real waiting per broken endpoint. The App's own timers are the
 * injected `testClock`; I/O (nock's answers) stays real, so fake time moves only while nothing else can run.
 */
export async function onFakeTime<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.now() });
  let settled = false;
  const result = work().finally(() => {
    settled = true;
  });
  // Awaited below; until then a rejection must not count as unhandled.
  result.catch(() => {});
  try {
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!settled && vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    }
    return await result;
  } finally {
    vi.useRealTimers();
  }
}

export interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
}

type Reply = [number, unknown?, Record<string, string>?];

interface Endpoint {
  name: string;
  method: string;
  path: RegExp;
  /** Narrows a route by body (a deployment review vs. a status report go to the same URL). */
  when?: (req: Req) => boolean;
  reply: (req: Req) => Reply;
}

/** Which endpoint to break and how; `times` limits the fault to the first n requests (a transient error). */
export interface Fault {
  endpoint: string;
  status: number | "network";
  times?: number;
  /** GitHub's answer when it is not the plain one for the status (a rate limit: its message and headers). */
  answer?: { message: string; headers: Record<string, string> };
}

/** GitHub's 403s for a spent primary rate limit and for a secondary rate limit, as it sends them. */
export const RATE_LIMITS = {
  "primary rate limit": {
    message: "API rate limit exceeded for installation ID 1.",
    headers: { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4102444800" },
  },
  "secondary rate limit": {
    message:
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
    headers: { "retry-after": "60" },
  },
} as const;

export interface CheckRunState {
  id: number;
  head_sha: string;
  conclusion: string;
  title: string;
  summary: string;
}

export interface Scenario {
  config?: string | null;
  /** Add `_extends: .github` and serve the base from the org's .github repo. */
  extendsBase?: boolean;
  ledger?: "none" | "frozen";
  /** Bot-written override records on the PR. */
  overrideComment?: boolean;
  /** Who added the `emergency` label, and what lets them. */
  labeller?: "maintainer" | "team-member";
  /** Check runs already on the head (a previous evaluation passed). */
  existingPass?: boolean;
}

const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
const notFound: Reply = [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];

function freezeIssue() {
  const record = {
    v: 1 as const,
    by: "octocat",
    reason: "release week",
    environment: null,
    from: "2026-11-23T00:00:00Z",
    until: "2026-11-30T00:00:00Z",
    source: null,
  };
  return {
    number: 7,
    title: "Freeze: release week",
    state: "open",
    html_url: `https://github.com/${OWNER}/${REPO}/issues/7`,
    created_at: record.from,
    labels: [{ name: "change-freeze" }],
    body: `Frozen by @octocat.\n\n${writeBlock(record)}`,
  };
}

/**
 * The router: one persistent nock interceptor per method on api.github.com. Records every request with the status
 * it got; keeps check runs as GitHub would, so the final verdict on the head can be read back.
 */
export function fakeGitHub(s: Scenario = {}, faultOrFaults?: Fault | Fault[]) {
  const faults =
    faultOrFaults === undefined ? [] : Array.isArray(faultOrFaults) ? faultOrFaults : [faultOrFaults];
  const hits = new Map<Fault, number>();
  const calls: (Req & { status: number | "network" })[] = [];
  const runs: CheckRunState[] = s.existingPass
    ? [{ id: 900, head_sha: SHA, conclusion: "success", title: "Ready to merge", summary: "old pass" }]
    : [];
  let nextId = 1000;
  const config = s.config === undefined ? CONFIG : s.config;
  const configText = config === null ? null : s.extendsBase ? `_extends: .github\n${config}` : config;
  const endpoints: Endpoint[] = [
    {
      name: "installation token",
      method: "POST",
      path: /^\/app\/installations\/\d+\/access_tokens$/,
      reply: () => [201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} }],
    },
    {
      name: "config read",
      method: "GET",
      path: new RegExp(`^${R}/contents/\\.github(%2F|/)change-gate\\.yml$`),
      reply: () => (configText === null ? notFound : [200, configText, RAW]),
    },
    {
      name: "config base read",
      method: "GET",
      path: new RegExp(`^/repos/${OWNER}/\\.github/contents/\\.github(%2F|/)change-gate\\.yml$`),
      reply: () => [200, "timezone: UTC\n", RAW],
    },
    {
      name: "template listing (root)",
      method: "GET",
      path: new RegExp(`^${R}/git/trees/HEAD$`),
      reply: () => [200, { sha: "t", url: "u", truncated: false, tree: [{ path: ".github", type: "tree" }] }],
    },
    {
      name: "template listing (.github)",
      method: "GET",
      path: new RegExp(`^${R}/contents/\\.github$`),
      reply: () => [
        200,
        [{ name: "pull_request_template.md", path: ".github/pull_request_template.md", type: "file" }],
      ],
    },
    {
      name: "template read",
      method: "GET",
      path: new RegExp(`^${R}/contents/\\.github(%2F|/)pull_request_template\\.md$`),
      reply: () => [200, TEMPLATE, RAW],
    },
    {
      name: "PR files",
      method: "GET",
      path: new RegExp(`^${R}/pulls/\\d+/files$`),
      reply: () => [200, [{ filename: "src/app.ts", additions: 3, deletions: 1, status: "modified" }]],
    },
    {
      name: "PR read",
      method: "GET",
      path: new RegExp(`^${R}/pulls/\\d+$`),
      reply: () => {
        const pr = example("pull_request", "opened").pull_request;
        return [200, { ...pr, body: GOOD_BODY, labels: [] }];
      },
    },
    {
      name: "PRs of the deployed commit",
      method: "GET",
      path: new RegExp(`^${R}/commits/${SHA}/pulls$`),
      reply: () => {
        const pr = example("pull_request", "opened").pull_request;
        return [200, [{ ...pr, body: GOOD_BODY, labels: [], merge_commit_sha: SHA }]];
      },
    },
    {
      name: "repo freeze ledger",
      method: "GET",
      path: new RegExp(`^${R}/issues$`),
      reply: () => [200, s.ledger === "frozen" ? [freezeIssue()] : []],
    },
    {
      name: "org freeze ledger",
      method: "GET",
      path: new RegExp(`^/repos/${OWNER}/\\.github/issues$`),
      reply: () => [200, []],
    },
    {
      name: "override comments",
      method: "GET",
      path: new RegExp(`^${R}/issues/\\d+/comments$`),
      reply: () => [
        200,
        s.overrideComment
          ? [
              {
                id: 1,
                user: { login: "change-gate[bot]", type: "Bot" },
                created_at: "2026-11-24T09:00:00Z",
                updated_at: "2026-11-24T09:00:00Z",
                performed_via_github_app: { id: 1, slug: "change-gate" },
                body: overrideRecordBody(
                  PR,
                  { by: "alice", reason: "hotfix", sourceUrl: null },
                  new Date("2026-11-24T09:00:00Z"),
                  "Override approved by @alice: hotfix",
                ),
              },
            ]
          : [],
      ],
    },
    {
      name: "override label history",
      method: "GET",
      path: new RegExp(`^${R}/issues/\\d+/events$`),
      reply: () => [
        200,
        s.labeller
          ? [
              {
                id: 1,
                event: "labeled",
                actor: { login: "alice", type: "User" },
                label: { name: "emergency" },
              },
            ]
          : [],
      ],
    },
    {
      name: "labeller permission",
      method: "GET",
      path: new RegExp(`^${R}/collaborators/[^/]+/permission$`),
      reply: () =>
        s.labeller === "team-member"
          ? [200, { permission: "read", role_name: "read", user: { login: "alice" } }]
          : [200, { permission: "write", role_name: "maintain", user: { login: "alice" } }],
    },
    {
      name: "labeller team membership",
      method: "GET",
      path: new RegExp(`^/orgs/${OWNER}/teams/[^/]+/memberships/[^/]+$`),
      reply: () => [200, { state: "active", role: "member" }],
    },
    {
      name: "check-run lookup",
      method: "GET",
      path: /\/commits\/[0-9a-f]{40}\/check-runs$/,
      reply: (req) => {
        const sha = /commits\/([0-9a-f]{40})\//.exec(req.path)![1];
        const mine = runs.filter((r) => r.head_sha === sha).reverse();
        return [
          200,
          {
            total_count: mine.length,
            check_runs: mine.map((r) => ({
              id: r.id,
              status: "completed",
              conclusion: r.conclusion,
              output: { title: r.title, summary: r.summary },
            })),
          },
        ];
      },
    },
    {
      name: "check-run create",
      method: "POST",
      path: new RegExp(`^${R}/check-runs$`),
      reply: (req) => {
        const run = {
          id: nextId++,
          head_sha: req.body.head_sha,
          conclusion: req.body.conclusion,
          title: req.body.output.title,
          summary: req.body.output.summary,
        };
        runs.push(run);
        return [201, { id: run.id }];
      },
    },
    {
      name: "check-run update",
      method: "PATCH",
      path: new RegExp(`^${R}/check-runs/\\d+$`),
      reply: (req) => {
        const id = Number(/(\d+)$/.exec(req.path)![1]);
        const run = runs.find((r) => r.id === id);
        if (!run) return notFound;
        if (req.body.conclusion) run.conclusion = req.body.conclusion;
        if (req.body.output)
          Object.assign(run, { title: req.body.output.title, summary: req.body.output.summary });
        return [200, { id }];
      },
    },
    {
      name: "risk label add",
      method: "POST",
      path: new RegExp(`^${R}/issues/\\d+/labels$`),
      // A label the repo lacks comes back grey and undescribed: change-gate then styles it.
      reply: (req) => [
        200,
        req.body.labels.map((name: string) => ({ name, color: "ededed", description: null })),
      ],
    },
    {
      name: "risk label style",
      method: "PATCH",
      path: new RegExp(`^${R}/labels/[^/]+$`),
      reply: () => [200, { name: "risk: medium" }],
    },
    {
      name: "stale risk label removal",
      method: "DELETE",
      path: new RegExp(`^${R}/issues/\\d+/labels/[^/]+$`),
      reply: () => [200, []],
    },
    {
      name: "waiting runs list",
      method: "GET",
      path: new RegExp(`^${R}/actions/runs$`),
      reply: () => [
        200,
        {
          total_count: 1,
          workflow_runs: [{ id: RUN_ID, head_sha: SHA, status: "waiting", pull_requests: [{ number: PR }] }],
        },
      ],
    },
    {
      name: "pending deployments",
      method: "GET",
      path: new RegExp(`^${R}/actions/runs/\\d+/pending_deployments$`),
      reply: () => [200, [{ environment: { id: 1, name: "production" }, current_user_can_approve: false }]],
    },
    {
      name: "deployment review",
      method: "POST",
      path: new RegExp(`^${R}/actions/runs/\\d+/deployment_protection_rule$`),
      when: (req) => req.body?.state !== undefined,
      reply: () => [204],
    },
    {
      name: "deployment status report",
      method: "POST",
      path: new RegExp(`^${R}/actions/runs/\\d+/deployment_protection_rule$`),
      reply: () => [204],
    },
  ];
  for (const fault of faults)
    if (!endpoints.some((e) => e.name === fault.endpoint))
      throw new Error(`no endpoint named ${fault.endpoint}`);

  const handle = (method: string) =>
    function (
      this: unknown,
      uri: string,
      body: unknown,
      cb: (err: Error | null, reply?: Reply) => void,
    ): void {
      const url = new URL(uri, API);
      const req: Req = {
        method,
        path: url.pathname,
        query: url.searchParams,
        body: typeof body === "string" && body ? JSON.parse(body) : body,
      };
      const endpoint = endpoints.find(
        (e) => e.method === method && e.path.test(req.path) && (!e.when || e.when(req)),
      );
      if (!endpoint) {
        calls.push({ ...req, status: 404 });
        cb(null, [404, { message: `fail-closed fake: no route for ${method} ${req.path}` }]);
        return;
      }
      const fault = faults.find(
        (f) => f.endpoint === endpoint.name && (f.times === undefined || (hits.get(f) ?? 0) < f.times),
      );
      if (fault) {
        hits.set(fault, (hits.get(fault) ?? 0) + 1);
        calls.push({ ...req, status: fault.status });
        if (fault.status === "network")
          cb(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
        else if (fault.answer)
          cb(null, [
            fault.status,
            { message: fault.answer.message, documentation_url: "https://docs.github.com/rest" },
            fault.answer.headers,
          ]);
        else cb(null, [fault.status, errorBody(fault.status)]);
        return;
      }
      const reply = endpoint.reply(req);
      calls.push({ ...req, status: reply[0] });
      cb(null, reply);
    };
  for (const method of ["GET", "POST", "PATCH", "DELETE"])
    nock(API)
      .persist()
      .intercept(/.*/, method)
      .reply(handle(method) as never);

  return {
    calls,
    runs,
    /** How often the broken endpoint was actually hit (a row whose fault was never reached proves nothing). */
    faultHits: () => Math.min(...faults.map((f) => hits.get(f) ?? 0)),
    /** The verdict GitHub now shows on `sha`: the latest run's conclusion, or null when there is none. */
    verdict: (sha = SHA) => [...runs].reverse().find((r) => r.head_sha === sha) ?? null,
    /** Deployment reviews GitHub accepted. */
    acceptedReviews: () =>
      calls.filter(
        (c) =>
          c.method === "POST" &&
          c.path.endsWith("/deployment_protection_rule") &&
          c.body?.state !== undefined &&
          typeof c.status === "number" &&
          c.status < 300,
      ),
    acceptedReports: () =>
      calls.filter(
        (c) =>
          c.method === "POST" &&
          c.path.endsWith("/deployment_protection_rule") &&
          c.body?.state === undefined &&
          typeof c.status === "number" &&
          c.status < 300,
      ),
  };
}

function errorBody(status: number): unknown {
  const message: Record<number, string> = {
    401: "Bad credentials",
    403: "Resource not accessible by integration",
    404: "Not Found",
    422: "Validation Failed",
    500: "Server Error",
  };
  return {
    message: message[status] ?? "Error",
    documentation_url: "https://docs.github.com/rest",
    status: `${status}`,
  };
}

export type FakeGitHub = ReturnType<typeof fakeGitHub>;

/** Counts the rows of a file's tables; printed in its afterAll and appended to a log for the total. */
export function pathCounter(file: string) {
  let n = 0;
  return {
    add: <T>(rows: T[]): T[] => {
      n += rows.length;
      return rows;
    },
    report: async () => {
      const { appendFileSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { join } = await import("node:path");
      console.log(`fail-closed: ${n} gate paths covered in ${file}`);
      appendFileSync(join(tmpdir(), "change-gate-fail-closed.log"), `${file} ${n}\n`);
    },
  };
}

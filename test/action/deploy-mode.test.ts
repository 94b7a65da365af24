import { beforeAll, describe, expect, it } from "vitest";
import { overrideRecordBody } from "../../src/github/freeze-ledger/override.js";
import type { Route } from "../support/fake-github.js";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { ledgerIssue } from "./ledger.js";
import { NO_FREEZES, NO_PULLS } from "./routes.js";

const CONFIG = `timezone: UTC
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
environments:
  staging: { windows: [] }
`;

beforeAll(ensureBuilt);

describe("deploy mode", () => {
  it("passes inside a window and says when it closes", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T10:00:00Z",
    });
    expect(run.code).toBe(0);
    expect(errors(run)).toEqual([]);
    expect(run.outputs).toEqual({
      open: "true",
      "next-open": "2026-11-24T10:00:00.000Z",
      reason: "window",
      "risk-level": "low",
      conclusion: "success",
    });
    expect(run.summary).toContain("## change-gate: deploy gate");
    expect(run.summary).toContain("| ✅ Deploy window |");
    expect(run.summary).toContain(
      "**Open now** — closes Tue 24 Nov 16:00 UTC · 2026-11-24 16:00 UTC (in 6h)",
    );
  });

  it("fails outside the window, naming the next opening and how to wait for it", async () => {
    const run = await runAction({
      event: "workflow_dispatch",
      payload: examplePayload("workflow_dispatch"),
      inputs: { mode: "deploy" },
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-27T17:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      "Deploy blocked: closed outside deploy windows — opens Mon 30 Nov 09:00 UTC (in 2d 16h). Set `wait: true` (with max-wait of at least 2d 16h) to hold this job until the window opens.",
    ]);
    expect(run.outputs).toMatchObject({
      open: "false",
      "next-open": "2026-11-30T09:00:00.000Z",
      reason: "outside-window",
      conclusion: "failure",
    });
    expect(run.summary).toContain("| ❌ Deploy window |");
    expect(run.summary).toContain(
      "**Next opening:** Mon 30 Nov 09:00 UTC · 2026-11-30 09:00 UTC (in 2d 16h)",
    );
  });

  it("uses the deployment event's environment and its rules", async () => {
    const payload = examplePayload("deployment");
    payload.deployment.environment = "staging";
    const run = await runAction({
      event: "deployment",
      payload,
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-27T17:00:00Z",
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ open: "true", reason: "always" });
    expect(run.summary).toContain("deploy gate for `staging`");
  });

  it("with wait: true sleeps until the window opens, printing progress each minute, then passes", async () => {
    const run = await runAction({
      event: "release",
      payload: examplePayload("release"),
      inputs: { wait: "true", maxWait: "30m" },
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T08:57:00Z",
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("waiting for window"))).toEqual([
      "waiting for window, opens in 3m (Tue 24 Nov 09:00 UTC)",
      "waiting for window, opens in 2m (Tue 24 Nov 09:00 UTC)",
      "waiting for window, opens in 1m (Tue 24 Nov 09:00 UTC)",
    ]);
    // The ledger is read once up front and again after every minute of waiting.
    expect(run.requests.filter((r) => r.path === "/repos/Codertocat/Hello-World/issues")).toHaveLength(4);
    expect(run.outputs).toMatchObject({
      open: "true",
      "next-open": "2026-11-24T09:00:00.000Z",
      conclusion: "success",
    });
    expect(run.summary).toContain("Waited 3m for the window.");
  });

  it("does not wait when the window opens later than max-wait", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      inputs: { wait: "true", maxWait: "1h" },
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T07:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("waiting for window");
    expect(errors(run)[0]).toBe(
      "Deploy blocked: closed outside deploy windows — opens Tue 24 Nov 09:00 UTC (in 2h). The opening is beyond max-wait (2h away); raise max-wait or deploy later.",
    );
  });

  it("while waiting, a /freeze keeps it waiting and the /unfreeze lets it pass", async () => {
    const issues = "/repos/Codertocat/Hello-World/issues";
    const freeze = ledgerIssue(31, {
      from: "2026-11-24T08:58:30Z",
      until: "2026-11-24T09:30:00Z",
      reason: "incident",
    });
    const run = await runAction({
      event: "workflow_dispatch",
      payload: examplePayload("workflow_dispatch"),
      inputs: { mode: "deploy", wait: "true", maxWait: "1h" },
      config: CONFIG,
      routes: [
        NO_PULLS,
        { method: "GET", path: issues, body: [], times: 2 },
        { method: "GET", path: issues, body: [freeze], times: 3 },
        { method: "GET", path: issues, body: [] },
      ],
      now: "2026-11-24T08:57:00Z",
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("waiting for window"))).toEqual([
      "waiting for window, opens in 3m (Tue 24 Nov 09:00 UTC)",
      "waiting for window, opens in 2m (Tue 24 Nov 09:00 UTC)",
      "waiting for window, opens in 31m (Tue 24 Nov 09:30 UTC)",
      "waiting for window, opens in 30m (Tue 24 Nov 09:30 UTC)",
      "waiting for window, opens in 29m (Tue 24 Nov 09:30 UTC)",
    ]);
    expect(run.outputs).toMatchObject({ open: "true", reason: "window", conclusion: "success" });
    expect(run.summary).toContain("Waited 5m for the window.");
  });

  it("a freeze declared while waiting that outlasts max-wait ends the wait with a failure", async () => {
    const issues = "/repos/Codertocat/Hello-World/issues";
    const freeze = ledgerIssue(32, {
      from: "2026-11-24T08:58:00Z",
      until: "2026-11-25T09:00:00Z",
      reason: "incident",
    });
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      inputs: { wait: "true", maxWait: "1h" },
      config: CONFIG,
      routes: [
        NO_PULLS,
        { method: "GET", path: issues, body: [], times: 1 },
        { method: "GET", path: issues, body: [freeze] },
      ],
      now: "2026-11-24T08:57:00Z",
    });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      "Deploy blocked: closed by freeze Freeze #32 — opens Wed 25 Nov 09:00 UTC (in 1d). The opening is beyond max-wait (1d away); raise max-wait or deploy later.",
    ]);
    expect(run.outputs).toMatchObject({
      open: "false",
      reason: "freeze",
      "next-open": "2026-11-25T09:00:00.000Z",
    });
  });

  it("without a checkout it reads the config from the repository through the API", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      routes: [
        NO_FREEZES,
        NO_PULLS,
        {
          method: "GET",
          path: "/repos/Codertocat/Hello-World/contents/.github/change-gate.yml",
          body: CONFIG,
        },
      ],
      now: "2026-11-27T17:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ open: "false", reason: "outside-window" });
    const read = run.requests.find((r) => r.path.endsWith("/contents/.github/change-gate.yml"));
    expect(read?.headers.accept).toBe("application/vnd.github.v3.raw");
  });

  it("a config error fails the gate with file:line:col, never passes it", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: 'timezone: UTC\nwindows:\n  - { days: Mon-Thu, start: "9am", end: "16:00" }\n',
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T10:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toMatch(
      /^change-gate config is invalid:\n\.github\/change-gate\.yml:3:\d+: windows\[0\]\.start: /,
    );
    expect(run.outputs).toEqual({ open: "false", conclusion: "failure" });
    expect(run.summary).toContain("## change-gate: invalid config");
  });

  it("fail-on: never reports a closed gate as a warning and lets the job go on (dry run)", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      inputs: { failOn: "never" },
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-27T17:00:00Z",
    });
    expect(run.code).toBe(0);
    expect(errors(run)).toEqual([]);
    expect(run.stdout).toContain("::warning::Deploy blocked: closed outside deploy windows");
    expect(run.stdout).toContain("(not failing the job: fail-on is never)");
    expect(run.outputs).toMatchObject({ open: "false", conclusion: "failure" });
  });

  it("fail-on: never still fails on an invalid config: the gate could not decide", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      inputs: { failOn: "never" },
      config: "timezone: Mars/Olympus_Mons\n",
      routes: [NO_FREEZES, NO_PULLS],
    });
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toMatch(
      /^change-gate config is invalid:\n\.github\/change-gate\.yml:1:\d+: timezone/,
    );
  });
});

describe("deploy mode decides on the PR behind the deployed commit, as the App does", () => {
  const REPO_PATH = "/repos/Codertocat/Hello-World";
  const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  const PR_CONFIG = `timezone: UTC
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
risk:
  rules:
    - { paths: ["migrations/**"], level: high, reason: database migration }
  windows:
    high: [{ days: Tue-Thu, start: "10:00", end: "12:00" }]
environments:
  production: { require: [rollback, blast_radius] }
`;
  const DESCRIBED =
    "## Rollback plan\nRevert and redeploy v1.4.2.\n\n## Blast radius\nLogin only; worst case a re-login.\n";
  const pullOf = (body: string, labels: string[] = []) => ({
    number: 12,
    body,
    state: "closed",
    merged_at: "2026-11-24T08:00:00Z",
    merge_commit_sha: SHA,
    user: { login: "octocat", type: "User" },
    labels: labels.map((name) => ({ name })),
    base: { ref: "main" },
  });
  const routes = (o: { body?: string; files?: string[]; comments?: unknown[] }): Route[] => [
    NO_FREEZES,
    { method: "GET", path: `${REPO_PATH}/commits/${SHA}/pulls`, body: [pullOf(o.body ?? DESCRIBED)] },
    {
      method: "GET",
      path: `${REPO_PATH}/pulls/12/files`,
      body: (o.files ?? ["src/app.ts"]).map((filename) => ({
        filename,
        additions: 3,
        deletions: 1,
        status: "modified",
      })),
    },
    { method: "GET", path: `${REPO_PATH}/issues/12/comments`, body: o.comments ?? [] },
  ];
  const push = () => ({ ...examplePayload("push"), after: SHA });

  it("looks the PR up by the deployed SHA and rejects a deploy whose PR lacks what the environment requires", async () => {
    const run = await runAction({
      event: "push",
      payload: push(),
      inputs: { environment: "production" },
      config: PR_CONFIG,
      routes: routes({ body: "Quick fix, no notes." }),
      now: "2026-11-24T10:30:00Z",
    });
    expect(run.requests.some((r) => r.path === `${REPO_PATH}/commits/${SHA}/pulls`)).toBe(true);
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toMatch(/^Deploy blocked \(production\): Rollback plan: /);
    expect(run.outputs).toMatchObject({ open: "true", conclusion: "failure" });
    expect(run.summary).toContain("Deployed commit from pull request #12.");
  });

  it("holds a high-risk change (by its files) to risk.windows.high", async () => {
    const run = await runAction({
      event: "push",
      payload: push(),
      inputs: { environment: "production" },
      config: PR_CONFIG,
      routes: routes({ files: ["migrations/0042_add_index.sql"] }),
      now: "2026-11-24T13:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ open: "false", "risk-level": "high", conclusion: "failure" });
    expect(errors(run)[0]).toContain("opens Wed 25 Nov 10:00 UTC");
  });

  it("an /override recorded on the PR opens the deploy gate during a freeze, as the App's protection rule does", async () => {
    // As the Action's command mode leaves them: the person's /override, and the bot's record citing it once audited.
    const at = "2026-11-24T09:00:00Z";
    const command = {
      id: 41,
      user: { login: "alice", type: "User" },
      body: "/override hotfix for the outage",
    };
    const record = {
      id: 42,
      user: { login: "github-actions[bot]", type: "Bot" },
      body: overrideRecordBody(
        12,
        {
          by: "alice",
          reason: "hotfix for the outage",
          sourceUrl: "https://github.com/Codertocat/Hello-World/pull/12#issuecomment-41",
        },
        new Date(at),
        "Override approved by @alice",
      ),
    };
    const admin: Route = {
      method: "GET",
      path: `${REPO_PATH}/collaborators/alice/permission`,
      body: { permission: "admin", role_name: "admin", user: { login: "alice" } },
    };
    const frozen: Route = {
      method: "GET",
      path: `${REPO_PATH}/issues`,
      body: [ledgerIssue(7, { from: "2026-11-24T06:00:00Z", until: null, reason: "incident" })],
    };
    const run = await runAction({
      event: "push",
      payload: push(),
      inputs: { environment: "production" },
      config: PR_CONFIG,
      routes: [
        frozen,
        admin,
        ...routes({ comments: [command, record].map((c) => ({ ...c, created_at: at, updated_at: at })) }),
      ],
      now: "2026-11-24T10:30:00Z",
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ open: "false", reason: "freeze", conclusion: "success" });
    expect(run.summary).toContain("**Override** by @alice: hotfix for the outage");
  });

  it("a commit from no PR is refused for an environment that requires a description", async () => {
    const run = await runAction({
      event: "push",
      payload: push(),
      inputs: { environment: "production" },
      config: PR_CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T10:30:00Z",
    });
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toContain("no pull request found for commit ec26c3e");
  });
});

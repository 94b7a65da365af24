import { beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../support/fake-github.js";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { ledgerIssue } from "./ledger.js";

const CONFIG = `timezone: UTC
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
environments:
  staging: { windows: [] }
`;

/** No `/freeze` in the ledger: no open change-freeze issues. */
const noFreezes: Route = { method: "GET", path: "/repos/Codertocat/Hello-World/issues", body: [] };

beforeAll(ensureBuilt);

describe("deploy mode", () => {
  it("passes inside a window and says when it closes", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: CONFIG,
      routes: [noFreezes],
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
      routes: [noFreezes],
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
      routes: [noFreezes],
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
      routes: [noFreezes],
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
      routes: [noFreezes],
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
        noFreezes,
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
      routes: [noFreezes],
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
      routes: [noFreezes],
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
      routes: [noFreezes],
    });
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toMatch(
      /^change-gate config is invalid:\n\.github\/change-gate\.yml:1:\d+: timezone/,
    );
  });
});

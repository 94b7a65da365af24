import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";

beforeAll(ensureBuilt);

describe("errors fail the step with a message that says what to do", () => {
  it("an event no mode handles names the events change-gate runs on", async () => {
    const run = await runAction({ event: "watch", payload: { action: "started" } });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      'change-gate cannot infer a mode for the "watch" event; it runs on pull_request (pr), pull_request_target (pr), merge_group (pr), issue_comment (command), schedule (sweep), push (deploy), workflow_dispatch (deploy), release (deploy), deployment (deploy), issues (sweep) — or set the mode input',
    ]);
    expect(run.requests).toEqual([]);
  });

  it("a mode run on an event it cannot handle names the events it can", async () => {
    const run = await runAction({ event: "push", payload: examplePayload("push"), inputs: { mode: "pr" } });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      'mode pr cannot handle the "push" event; supported events: pull_request, pull_request_target, merge_group',
    ]);
  });

  it.each([
    [
      "mode",
      "deploy-now",
      'input mode is "deploy-now"; expected one of pr, deploy, command, sweep (or empty to infer it)',
    ],
    ["maxWait", "six hours", 'input max-wait is "six hours"; expected a duration such as 6h, 90m or 1h30m'],
    ["failOn", "error", 'input fail-on is "error"; expected "failure" or "never"'],
    ["wait", "yes please", 'input wait is "yes please"; expected true or false'],
  ] as const)("a bad %s input is named with the values it takes", async (input, value, message) => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      inputs: { [input]: value },
    });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([message]);
  });

  it("a corrupt event payload fails closed", async () => {
    const run = await runAction({ event: "push", payload: '{"ref": "refs/heads/main",' });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      expect.stringMatching(/^the event payload in GITHUB_EVENT_PATH is not JSON: /),
    ]);
    expect(run.requests).toEqual([]);
  });

  it("an API error (bad credentials) fails the deploy gate instead of passing it", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: "timezone: UTC\n",
      routes: [
        {
          method: "GET",
          path: "/repos/Codertocat/Hello-World/issues",
          status: 401,
          body: { message: "Bad credentials" },
        },
        { method: "GET", path: /\/commits\/[0-9a-f]{40}\/pulls$/, body: [] },
      ],
      now: "2026-11-24T10:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([expect.stringContaining("Bad credentials")]);
    expect(run.outputs).toEqual({});
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { readBlock } from "../../src/github/freeze-ledger/block.js";
import { revisionComment } from "../../src/github/freeze-ledger/revision.js";
import type { Recorded } from "../support/fake-github.js";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { ledgerIssue } from "./ledger.js";
import { ADMIN_PERMISSION, FROZEN_LEDGER, prRoutes, READY_BODY, REPO } from "./routes.js";

const CONFIG = "timezone: UTC\n";
const NOW = "2026-11-24T10:00:00Z";

function comment(body: string) {
  const payload = examplePayload("issue_comment", (p) => p.action === "created");
  payload.comment.body = body;
  return payload;
}

const writes = (requests: Recorded[]) =>
  requests.filter((r) => r.method !== "GET" && r.path !== "/graphql").map((r) => `${r.method} ${r.path}`);

beforeAll(ensureBuilt);

describe("command mode", () => {
  it("/freeze status replies with the active freezes and changes nothing", async () => {
    const run = await runAction({
      event: "issue_comment",
      payload: comment("/freeze status"),
      config: CONFIG,
      routes: [
        { method: "POST", path: `${REPO}/issues/comments/492700400/reactions`, status: 201, body: { id: 1 } },
        {
          method: "GET",
          path: `${REPO}/issues`,
          body: [
            ledgerIssue(7, {
              from: "2026-11-24T09:00:00Z",
              until: "2026-11-24T12:00:00Z",
              reason: "incident",
            }),
          ],
        },
        {
          method: "POST",
          path: `${REPO}/issues/1/comments`,
          status: 201,
          body: { id: 2, html_url: "https://github.com/x" },
        },
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(writes(run.requests)).toEqual([
      `POST ${REPO}/issues/comments/492700400/reactions`,
      `POST ${REPO}/issues/1/comments`,
      `POST ${REPO}/issues/comments/492700400/reactions`,
    ]);
    const reply = run.requests.find((r) => r.path === `${REPO}/issues/1/comments`)?.body as { body: string };
    expect(reply.body).toContain("#7");
    expect(run.summary).toContain("## change-gate: `/freeze-status` — done");
    expect(run.outputs).toEqual({ conclusion: "success" });
  });

  it("/freeze from a maintainer records a freeze and re-checks the open pull requests", async () => {
    const run = await runAction({
      event: "issue_comment",
      payload: comment("/freeze for 2h incident 42"),
      config: CONFIG,
      routes: [
        { method: "POST", path: /\/reactions$/, status: 201, body: { id: 1 } },
        ADMIN_PERMISSION,
        { method: "GET", path: `${REPO}/issues`, body: [] },
        {
          method: "POST",
          path: `${REPO}/issues`,
          status: 201,
          body: (req) => ({
            number: 50,
            html_url: `https://github.com/Codertocat/Hello-World/issues/50`,
            created_at: "2026-11-24T10:00:00Z",
            labels: [{ name: "change-freeze" }],
            ...(req.body as object),
          }),
        },
        { method: "POST", path: `${REPO}/issues/50/comments`, status: 201, body: { id: 7 } },
        {
          method: "POST",
          path: "/graphql",
          body: {
            data: {
              reply: { commentEdge: { node: { id: "IC_3" } } },
              reaction: { reaction: { content: "THUMBS_UP" } },
              working: { reaction: { content: "EYES" } },
            },
          },
        },
        { method: "GET", path: `${REPO}/pulls`, body: [] },
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    // The command: eyes, permission, list, create, its revision, re-list (race check), then reply + +1 in one
    // GraphQL request.
    // Then the fan-out: the org ledger and the open PRs (the repository's ledger is the re-list's).
    // First of all the config, from the default branch (the checkout's is not trusted for permissions).
    expect(run.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${REPO}/contents/.github/change-gate.yml`,
      `POST ${REPO}/issues/comments/492700400/reactions`,
      `GET ${REPO}/collaborators/Codertocat/permission`,
      `GET ${REPO}/issues`,
      `POST ${REPO}/issues`,
      `POST ${REPO}/issues/50/comments`,
      `GET ${REPO}/issues`,
      "POST /graphql",
      "GET /repos/Codertocat/.github/issues",
      `GET ${REPO}/pulls`,
    ]);
    const feedback = run.requests.find((r) => r.path === "/graphql")?.body as {
      variables: { body: string; reaction: string };
    };
    expect(feedback.variables.reaction).toBe("THUMBS_UP");
    expect(feedback.variables.body).toMatch(
      /^Frozen all environments until Tue 24 Nov 12:00 UTC by @Codertocat: incident 42/,
    );
    const created = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/issues`)?.body as {
      labels: string[];
      body: string;
    };
    expect(created.labels).toEqual(["change-freeze"]);
    expect(created.body).toContain('"until":"2026-11-24T12:00:00.000Z"');
    expect(run.requests.some((r) => r.method === "GET" && r.path === `${REPO}/pulls`)).toBe(true);
    expect(run.summary).toContain("Re-checked 0 open pull requests.");
  });
});

describe("command mode: /override", () => {
  it("records the override in the ledger and on the PR, then re-checks only that PR, which passes", async () => {
    const payload = comment("/override hotfix for INC-1234");
    payload.issue.pull_request = {
      url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1",
      html_url: "https://github.com/Codertocat/Hello-World/pull/1",
      diff_url: "https://github.com/Codertocat/Hello-World/pull/1.diff",
      patch_url: "https://github.com/Codertocat/Hello-World/pull/1.patch",
    };
    const pr = examplePayload("pull_request", (p) => p.action === "opened").pull_request;
    const records: string[] = [];
    const run = await runAction({
      event: "issue_comment",
      payload,
      config: CONFIG,
      routes: [
        { method: "POST", path: /\/reactions$/, status: 201, body: { id: 1 } },
        ADMIN_PERMISSION,
        ...FROZEN_LEDGER,
        {
          method: "POST",
          path: `${REPO}/issues/1/comments`,
          status: 201,
          body: (req) => {
            records.push((req.body as { body: string }).body);
            return { id: 9, html_url: "https://github.com/Codertocat/Hello-World/pull/1#issuecomment-9" };
          },
        },
        {
          method: "GET",
          path: `${REPO}/pulls/1`,
          body: { ...pr, number: 1, body: READY_BODY, labels: [], draft: false },
        },
        {
          method: "GET",
          path: `${REPO}/issues/1/comments`,
          // The person's own /override is the approval (authority re-checked now); the record proves its audit.
          body: () => [
            payload.comment,
            ...records.map((body, i) => ({
              id: 9 + i,
              body,
              user: { login: "github-actions[bot]", type: "Bot" },
              created_at: "2026-11-24T10:00:00Z",
              updated_at: "2026-11-24T10:00:00Z",
            })),
          ],
        },
        ...prRoutes({ pr: 1, sha: pr.head.sha }).filter((r) => r.path !== `${REPO}/issues`),
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    // No fan-out over every open PR: an override concerns its own PR.
    expect(run.requests.some((r) => r.method === "GET" && r.path === `${REPO}/pulls`)).toBe(false);
    expect(records[0]).toMatch(/^Override approved by @Codertocat: hotfix for INC-1234/);
    const check = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`)?.body as {
      conclusion: string;
      output: { summary: string };
    };
    expect(check.conclusion).toBe("success");
    expect(check.output.summary).toContain("**Override** by @Codertocat: hotfix for INC-1234");
    expect(run.summary).toContain("Re-checked #1: success.");
  });
});

describe("command mode: a re-run does not replay a command (issue 14.8)", () => {
  it("a re-run job (GITHUB_RUN_ATTEMPT 2) finds its 👀 on the comment and does nothing again", async () => {
    const run = await runAction({
      event: "issue_comment",
      payload: comment("/freeze for 2h"),
      config: CONFIG,
      routes: [{ method: "POST", path: /\/reactions$/, status: 200, body: { id: 1, content: "eyes" } }],
      now: NOW,
      env: { GITHUB_RUN_ATTEMPT: "2" },
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(writes(run.requests)).toEqual([`POST ${REPO}/issues/comments/492700400/reactions`]);
    expect(run.summary).toContain("— duplicate");
    expect(run.summary).toContain("post it in a new comment");
  });
});

describe("sweep mode", () => {
  it("closes expired freezes and re-checks open pull requests", async () => {
    const expired = ledgerIssue(5, { from: "2026-11-24T06:00:00Z", until: "2026-11-24T09:00:00Z" });
    const active = ledgerIssue(6, { from: "2026-11-24T06:00:00Z", until: "2026-11-24T18:00:00Z" });
    const run = await runAction({
      event: "schedule",
      payload: { schedule: "*/15 * * * *" },
      config: CONFIG,
      routes: [
        { method: "GET", path: `${REPO}/issues`, body: [expired, active] },
        // No revision by change-gate on either: nothing to compare a hand change with.
        { method: "GET", path: /\/issues\/[56]\/comments$/, body: [] },
        { method: "POST", path: `${REPO}/issues/5/comments`, status: 201, body: { id: 9 } },
        { method: "PATCH", path: `${REPO}/issues/5`, body: { number: 5, state: "closed" } },
        { method: "POST", path: "/graphql", body: { data: { repository: null } } },
        { method: "GET", path: `${REPO}/pulls`, body: [] },
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(writes(run.requests)).toEqual([`POST ${REPO}/issues/5/comments`, `PATCH ${REPO}/issues/5`]);
    expect(run.requests.find((r) => r.method === "PATCH")?.body).toMatchObject({ state: "closed" });
    expect(run.summary).toContain("Closed 1 expired freeze: #5 (ended Tue 24 Nov 09:00 UTC)");
    expect(run.summary).toContain("Re-checked 0 open pull requests");
    expect(run.summary).toContain("No freeze ledger issue was changed by hand.");
  });

  it("undoes ledger issues changed by hand without the right: a close by a triage user, an edited `until`", async () => {
    const freeze = { from: "2026-11-24T06:00:00Z", until: "2026-11-24T18:00:00Z", by: "alice" };
    const closed = { ...ledgerIssue(6, freeze), state: "closed" };
    const honest = ledgerIssue(7, freeze);
    const edited = {
      ...honest,
      body: ledgerIssue(7, { ...freeze, until: "2026-11-24T09:30:00Z" }).body,
    };
    /** change-gate's revision of an issue: a comment by the workflow token's bot. */
    const revisionOf = (issue: { body: string }) => ({
      id: 1,
      body: revisionComment("Freeze declared by @alice.", { active: true, record: readBlock(issue.body) }),
      user: { login: "github-actions[bot]", type: "Bot" },
      created_at: "2026-11-24T06:00:01Z",
      updated_at: "2026-11-24T06:00:01Z",
      performed_via_github_app: null,
    });
    const run = await runAction({
      event: "schedule",
      payload: { schedule: "*/15 * * * *" },
      config: CONFIG,
      routes: [
        // The guard lists every issue updated lately; closing expired freezes lists the open ones.
        {
          method: "GET",
          path: `${REPO}/issues`,
          body: (req) => (req.query.state === "all" ? [closed, edited] : [honest]),
        },
        { method: "GET", path: `${REPO}/issues/6/comments`, body: [revisionOf(honest)] },
        { method: "GET", path: `${REPO}/issues/7/comments`, body: [revisionOf(honest)] },
        {
          method: "GET",
          path: `${REPO}/issues/6/events`,
          body: [
            {
              id: 1,
              event: "labeled",
              actor: { login: "github-actions[bot]", type: "Bot" },
              label: { name: "change-freeze" },
            },
            { id: 2, event: "closed", actor: { login: "bob", type: "User" } },
          ],
        },
        {
          method: "GET",
          path: `${REPO}/collaborators/bob/permission`,
          body: { permission: "read", role_name: "triage", user: { login: "bob" } },
        },
        { method: "POST", path: /\/issues\/[67]\/comments$/, status: 201, body: { id: 9 } },
        { method: "PATCH", path: /\/issues\/[67]$/, body: { number: 6 } },
        { method: "POST", path: "/graphql", body: { data: { repository: null } } },
        { method: "GET", path: `${REPO}/pulls`, body: [] },
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(writes(run.requests)).toEqual([
      `POST ${REPO}/issues/6/comments`,
      `PATCH ${REPO}/issues/6`,
      `POST ${REPO}/issues/7/comments`,
      `PATCH ${REPO}/issues/7`,
    ]);
    const body = (n: number, method: string) =>
      run.requests.find(
        (r) => r.method === method && r.path === `${REPO}/issues/${n}${method === "POST" ? "/comments" : ""}`,
      )?.body as Record<string, string>;
    expect(body(6, "POST").body).toMatch(
      /^Reopened: @bob closed this freeze's issue, but @bob has triage permission; only users with maintain permission or higher may\./,
    );
    expect(body(6, "PATCH")).toEqual({ state: "open" });
    expect(body(7, "POST").body).toMatch(
      /^State restored: Someone edited this freeze's state block, but nobody can tell who made this change\./,
    );
    expect(readBlock(body(7, "PATCH").body)).toEqual(readBlock(honest.body));
    expect(run.summary).toContain(
      "Freeze ledger changed by hand: #6 closed by @bob — undone; #7 edited — undone.",
    );
  });

  it("on an `issues` event, an edit of `until` by a write user is undone at once and attributed to them", async () => {
    const freeze = { from: "2026-11-24T06:00:00Z", until: "2026-11-24T18:00:00Z", by: "alice" };
    const honest = ledgerIssue(7, freeze);
    const tampered = ledgerIssue(7, { ...freeze, until: "2026-11-24T09:30:00Z" }).body;
    const payload = examplePayload("issues", (p) => p.action === "edited") as unknown as Record<string, any>;
    Object.assign(payload.issue, {
      number: 7,
      body: tampered,
      labels: [{ id: 1, name: "change-freeze", color: "1d76db" }],
      user: { login: "github-actions[bot]", type: "Bot" },
    });
    payload.changes = { body: { from: honest.body } };
    payload.sender = { ...payload.sender, login: "dave", type: "User" };
    const run = await runAction({
      event: "issues",
      payload,
      config: CONFIG,
      routes: [
        {
          method: "GET",
          path: `${REPO}/issues/7/comments`,
          body: [
            {
              id: 1,
              body: revisionComment("Freeze declared by @alice.", {
                active: true,
                record: readBlock(honest.body),
              }),
              user: { login: "github-actions[bot]", type: "Bot" },
              created_at: "2026-11-24T06:00:01Z",
              updated_at: "2026-11-24T06:00:01Z",
              performed_via_github_app: null,
            },
          ],
        },
        {
          method: "GET",
          path: `${REPO}/collaborators/dave/permission`,
          body: { permission: "write", role_name: "write", user: { login: "dave" } },
        },
        { method: "POST", path: `${REPO}/issues/7/comments`, status: 201, body: { id: 9 } },
        { method: "PATCH", path: `${REPO}/issues/7`, body: { number: 7 } },
        { method: "GET", path: `${REPO}/pulls`, body: [] },
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(writes(run.requests)).toEqual([`POST ${REPO}/issues/7/comments`, `PATCH ${REPO}/issues/7`]);
    const audit = run.requests.find((r) => r.method === "POST")?.body as { body: string };
    expect(audit.body).toMatch(
      /^State restored: @dave edited this freeze's state block, but @dave has write permission; only users with maintain permission or higher may\./,
    );
    const patch = run.requests.find((r) => r.method === "PATCH")?.body as { body: string };
    expect(readBlock(patch.body)).toEqual(readBlock(honest.body));
    expect(run.summary).toContain("State restored: @dave");
  });

  it("on an `issues` event for an issue that is no freeze, no request is made", async () => {
    const run = await runAction({
      event: "issues",
      payload: examplePayload("issues", (p) => p.action === "edited"),
      config: CONFIG,
      routes: [],
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.requests).toEqual([]);
  });
});

import type { PullRequestLabeledEvent } from "@octokit/webhooks-types";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { ADMIN_PERMISSION, FROZEN_LEDGER, prRoutes, READY_BODY, REPO } from "./routes.js";

const CONFIG = "timezone: UTC\n";
const NOW = "2026-11-24T10:00:00Z";

function openedPr(body: string | null) {
  const payload = examplePayload("pull_request", (p) => p.action === "opened");
  payload.pull_request.body = body;
  return payload;
}

beforeAll(ensureBuilt);

describe("pr mode", () => {
  it("a PR with a rollback plan and blast radius gets a passing change-gate check", async () => {
    const payload = openedPr(READY_BODY);
    const sha = payload.pull_request.head.sha;
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: prRoutes({ pr: 2, sha }),
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    const create = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`);
    expect(create?.body).toMatchObject({
      name: "change-gate",
      head_sha: sha,
      status: "completed",
      conclusion: "success",
      output: { title: "Ready to merge" },
    });
    expect(run.outputs).toEqual({
      open: "true",
      "next-open": "2026-11-24T10:00:00.000Z",
      reason: "always",
      "risk-level": "low",
      rollback: "present",
      "blast-radius": "present",
      conclusion: "success",
    });
    expect(run.summary).toContain("## change-gate: pull request #2");
    expect(run.summary).toContain("| ✅ Rollback plan |");
  });

  it("a 502 from GitHub is retried (the job's direct client keeps the retry policy) and the check is still written", async () => {
    const payload = openedPr(READY_BODY);
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: [
        { method: "GET", path: `${REPO}/issues`, status: 502, body: { message: "Bad Gateway" }, times: 1 },
        ...prRoutes({ pr: 2, sha: payload.pull_request.head.sha }),
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.requests.filter((r) => r.method === "GET" && r.path === `${REPO}/issues`)).toHaveLength(2);
    expect(run.stdout).toMatch(
      /::warning::server error on GET \S+\/repos\/Codertocat\/Hello-World\/issues\?\S+; retrying in 1s/,
    );
    expect(run.outputs.conclusion).toBe("success");
  });

  it("the emergency label added by a maintainer during a freeze is audited in the ledger and lets the PR pass", async () => {
    const payload = examplePayload("pull_request", (p) => p.action === "labeled") as PullRequestLabeledEvent;
    payload.pull_request.body = READY_BODY;
    payload.label = { ...payload.label!, name: "emergency" };
    payload.pull_request.labels = [{ ...payload.label }];
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: [
        ADMIN_PERMISSION,
        ...FROZEN_LEDGER,
        { method: "POST", path: `${REPO}/issues/2/comments`, status: 201, body: { id: 9 } },
        {
          method: "GET",
          path: `${REPO}/issues/2/events`,
          body: [
            {
              id: 1,
              event: "labeled",
              label: { name: "emergency" },
              actor: { login: "Codertocat", type: "User" },
            },
          ],
        },
        { method: "GET", path: `${REPO}/issues/2/comments`, body: [] },
        ...prRoutes({ pr: 2, sha: payload.pull_request.head.sha }),
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    const posted = (path: string) =>
      (
        run.requests.find((r) => r.method === "POST" && r.path === path)?.body as
          | { body?: string }
          | undefined
      )?.body;
    expect(posted(`${REPO}/issues/7/comments`)).toMatch(
      /^Override: @Codertocat let Codertocat\/Hello-World#2 through this freeze .*: `emergency` label/,
    );
    expect(posted(`${REPO}/issues/2/comments`)).toMatch(
      /^Override approved by @Codertocat with the `emergency` label/,
    );
    const check = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`)?.body as {
      conclusion: string;
      output: { summary: string };
    };
    expect(check.conclusion).toBe("success");
    expect(check.output.summary).toContain("**Override** by @Codertocat: `emergency` label");
  });

  it("during a freeze, an override record another workflow wrote as github-actions[bot] approves nothing (issue 14.1)", async () => {
    const payload = openedPr(READY_BODY);
    const record = {
      v: 1,
      pr: 2,
      by: "Codertocat",
      reason: "hotfix",
      at: "2026-11-24T09:00:00.000Z",
      source: null,
    };
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: [
        ...FROZEN_LEDGER,
        {
          method: "GET",
          path: `${REPO}/issues/2/comments`,
          body: [
            {
              id: 5,
              user: { login: "github-actions[bot]", type: "Bot" },
              body: `Override approved by @Codertocat: hotfix\n\n<!-- change-gate:override ${JSON.stringify(record)} -->`,
              created_at: "2026-11-24T09:00:00Z",
              updated_at: "2026-11-24T09:00:00Z",
            },
          ],
        },
        ...prRoutes({ pr: 2, sha: payload.pull_request.head.sha }),
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([expect.stringMatching(/^Not ready to merge: closed by freeze Freeze #7/)]);
    const check = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`)?.body as {
      conclusion: string;
      output: { summary: string };
    };
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).not.toContain("**Override**");
    expect(run.outputs.conclusion).toBe("failure");
  });

  it("a PR without a rollback plan fails the check and the job, and is labelled high risk", async () => {
    const payload = openedPr("This is a pretty simple change that we need to pull into master.");
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: prRoutes({ pr: 2, sha: payload.pull_request.head.sha }),
      now: NOW,
    });
    expect(run.code).toBe(1);
    expect(errors(run)[0]).toMatch(/^Not ready to merge: /);
    const create = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`);
    expect(create?.body).toMatchObject({ conclusion: "failure" });
    const labels = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/issues/2/labels`);
    expect(labels?.body).toEqual({ labels: ["risk: high"] });
    expect(run.outputs).toMatchObject({
      rollback: "missing",
      "blast-radius": "missing",
      "risk-level": "high",
      conclusion: "failure",
    });
    expect(run.summary).toContain("| ❌ Rollback plan | missing |");
  });

  it("a PR's own config edit in the checkout does not judge it: the default branch's config does", async () => {
    const payload = openedPr("This is a pretty simple change that we need to pull into master.");
    const lenient = "description:\n  rollback: { required: false }\n  blast_radius: { required: false }\n";
    const run = await runAction({
      event: "pull_request",
      payload,
      config: lenient,
      routes: [
        {
          method: "GET",
          path: `${REPO}/contents/.github/change-gate.yml`,
          body: "timezone: UTC\n",
          headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
        },
        ...prRoutes({ pr: 2, sha: payload.pull_request.head.sha }),
      ],
      now: NOW,
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ rollback: "missing", conclusion: "failure" });
  });

  it("a token without checks: write fails the job with the decision and names the missing permission", async () => {
    const payload = openedPr(null);
    const run = await runAction({
      event: "pull_request",
      payload,
      config: CONFIG,
      routes: prRoutes({ pr: 2, sha: payload.pull_request.head.sha, checkStatus: 403 }),
      now: NOW,
    });
    expect(run.code).toBe(1);
    const [message] = errors(run);
    expect(message).toMatch(/^Not ready to merge: /);
    expect(message).toContain("the token lacks `checks: write`");
    expect(message).toContain("Add `permissions: checks: write` to the workflow");
    expect(run.outputs).toMatchObject({ conclusion: "failure", rollback: "missing" });
    expect(run.summary).toContain("> [!WARNING]");
    expect(run.summary).toContain("| ❌ Rollback plan |");
  });

  it("without checks: write a ready PR still passes, with a warning about the permission", async () => {
    const payload = openedPr(READY_BODY);
    const run = await runAction({
      event: "pull_request_target",
      payload,
      config: CONFIG,
      routes: prRoutes({ pr: 2, sha: payload.pull_request.head.sha, checkStatus: 403 }),
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning::change-gate could not write the `change-gate` check: the token lacks `checks: write`/m,
    );
    expect(run.outputs).toMatchObject({ conclusion: "success" });
  });

  it("a merge group is checked at the group's head with the queued PR's description", async () => {
    const payload = examplePayload("merge_group");
    const { head_sha } = payload.merge_group;
    const pr = openedPr(READY_BODY).pull_request;
    const run = await runAction({
      event: "merge_group",
      payload,
      config: CONFIG,
      routes: [
        { method: "GET", path: `${REPO}/pulls/104`, body: { ...pr, number: 104 } },
        ...prRoutes({ pr: 104, sha: head_sha }),
      ],
      now: NOW,
    });
    expect(errors(run)).toEqual([]);
    expect(run.code).toBe(0);
    const create = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`);
    expect(create?.body).toMatchObject({ head_sha, conclusion: "success" });
    expect(run.outputs).toMatchObject({ conclusion: "success" });
    expect(run.summary).toContain("merge group for #104");
  });

  it("without checks: write a merge group is still decided on the queued PR, with a warning about the permission", async () => {
    const payload = examplePayload("merge_group");
    const { head_sha } = payload.merge_group;
    const pr = openedPr(READY_BODY).pull_request;
    const run = await runAction({
      event: "merge_group",
      payload,
      config: CONFIG,
      routes: [
        { method: "GET", path: `${REPO}/pulls/104`, body: { ...pr, number: 104 } },
        ...prRoutes({ pr: 104, sha: head_sha, checkStatus: 403 }),
      ],
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning::change-gate could not write the `change-gate` check: the token lacks `checks: write`/m,
    );
    expect(run.outputs).toMatchObject({ conclusion: "success" });
    expect(run.summary).toContain("change-gate: merge group");
    expect(run.summary).toContain("| ✅ Rollback plan |");
  });
});

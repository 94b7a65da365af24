import { beforeAll, expect, it } from "vitest";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { REPO } from "./routes.js";

beforeAll(ensureBuilt);

const TRIAGE_PERMISSION = {
  method: "GET",
  path: `${REPO}/collaborators/Codertocat/permission`,
  body: { permission: "read", role_name: "triage", user: { login: "Codertocat" } },
};

// Issue 14.11: with a checkout, a PR-controlled or stale `.github/change-gate.yml` could lower who may freeze.
it("command mode takes who may /freeze from the default branch through the API, not from the checkout", async () => {
  const payload = examplePayload("issue_comment", (p) => p.action === "created");
  payload.comment.body = "/freeze for 2h incident 42";
  const run = await runAction({
    event: "issue_comment",
    payload,
    // The checkout says triage may freeze; the default branch has no config, so the default (maintain) applies.
    config: "timezone: UTC\ncommands:\n  freeze:\n    permission: triage\n",
    routes: [
      { method: "POST", path: /\/reactions$/, status: 201, body: { id: 1 } },
      TRIAGE_PERMISSION,
      {
        method: "POST",
        path: "/graphql",
        body: {
          data: {
            reply: { commentEdge: { node: { id: "IC_3" } } },
            reaction: { reaction: { content: "THUMBS_DOWN" } },
            working: { reaction: { content: "EYES" } },
          },
        },
      },
    ],
    now: "2026-11-24T10:00:00Z",
  });
  expect(errors(run)).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.requests[0]).toMatchObject({
    method: "GET",
    path: `${REPO}/contents/.github/change-gate.yml`,
  });
  expect(run.requests.filter((r) => r.method === "POST" && r.path === `${REPO}/issues`)).toEqual([]);
  expect(run.summary).toContain("## change-gate: `/freeze` — refused");
});

// Fail-closed audit of the Action (the bundled dist/action.js in a child process, against the loopback fake GitHub):
// an API error in pr or deploy mode fails the job (exit code 1, `conclusion` output not success) and never leaves a
// passing change-gate check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, errors, examplePayload, runAction } from "../action/harness.js";
import { prRoutes, READY_BODY, REPO } from "../action/routes.js";
import type { Route } from "../support/fake-github.js";
import { pathCounter } from "./app-fake.js";

const NOW = "2026-11-24T10:00:00Z";
const ORG_LEDGER = "/repos/Codertocat/.github/issues";
const counter = pathCounter("action");
afterAll(counter.report);
beforeAll(ensureBuilt);

const MESSAGES: Record<number, string> = {
  401: "Bad credentials",
  403: "Forbidden",
  404: "Not Found",
  422: "Validation Failed",
  500: "Server Error",
};

/** GitHub's 403s for a spent primary rate limit and a secondary one, with waits longer than a job accepts. */
const LIMITS: Record<string, { message: string; headers: Record<string, string> }> = {
  "primary rate limit": {
    message: "API rate limit exceeded for installation ID 1.",
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4102444800" },
  },
  "secondary rate limit": {
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    headers: { "retry-after": "3600" },
  },
};

function broken(method: string, path: string, status: number, limit?: string): Route {
  const answer = limit ? LIMITS[limit]! : { message: MESSAGES[status]!, headers: {} };
  return {
    method,
    path,
    status,
    body: { message: answer.message, documentation_url: "https://docs.github.com/rest" },
    headers: answer.headers,
  };
}

/**
 * A 500 is retried three times (1 s, 4 s, 9 s) before the job gives up; on the virtual test clock
 * (`now:`, through dist/action-api.js) those pauses take no real time; the retries and their warnings are real.
 */
function expectRetriedOn500(
  run: { stdout: string; requests: { method: string; path: string }[] },
  method: string,
  path: string,
  status: number,
) {
  if (status !== 500) return;
  for (const pause of ["1s", "4s", "9s"])
    expect(run.stdout).toMatch(new RegExp(`::warning::server error on ${method} \\S+; retrying in ${pause}`));
  expect(run.requests.filter((r) => r.method === method && r.path === path).length).toBeGreaterThanOrEqual(4);
}

function openedPr() {
  const payload = examplePayload("pull_request", (p) => p.action === "opened");
  payload.pull_request.body = READY_BODY;
  return payload;
}

type Row = { name: string; method: string; path: string; status: number; limit?: string };

function rows(what: string, method: string, path: string, statuses: number[]): Row[] {
  return statuses.map((status) => ({
    name: `${what} ${status} → job fails, no passing check`,
    method,
    path,
    status,
  }));
}

/** The same endpoint answering 403 for a spent primary and a secondary rate limit. */
function limitRows(what: string, method: string, path: string): Row[] {
  return Object.keys(LIMITS).map((limit) => ({
    name: `${what} 403 (${limit}) → job fails, no passing check`,
    method,
    path,
    status: 403,
    limit,
  }));
}

describe("Action pr mode", () => {
  const payload = openedPr();
  const sha = payload.pull_request.head.sha;

  it("baseline: a described PR passes", async () => {
    const run = await runAction({
      event: "pull_request",
      payload,
      routes: prRoutes({ pr: 2, sha }),
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe("success");
  });

  it.concurrent.each(
    counter.add([
      ...rows("config read", "GET", `${REPO}/contents/.github/change-gate.yml`, [500, 401, 403, 422]),
      ...rows("template listing", "GET", `${REPO}/git/trees/HEAD`, [500, 401, 403, 422]),
      ...rows("repo freeze ledger", "GET", `${REPO}/issues`, [500, 401, 403, 404, 422]),
      ...rows("org freeze ledger", "GET", ORG_LEDGER, [500, 401, 403, 422]),
      ...limitRows("org freeze ledger", "GET", ORG_LEDGER),
      ...rows("check-run lookup", "GET", `${REPO}/commits/${sha}/check-runs`, [500, 401, 404, 422]),
      ...rows("check-run create", "POST", `${REPO}/check-runs`, [500, 401, 404, 422]),
      ...rows("risk label add", "POST", `${REPO}/issues/2/labels`, [500, 401, 404, 422]),
    ]),
  )(
    "$name",
    async ({ method, path, status, limit }) => {
      const run = await runAction({
        event: "pull_request",
        payload,
        routes: [broken(method, path, status, limit), ...prRoutes({ pr: 2, sha })],
        now: NOW,
      });
      expect(run.requests.some((r) => r.method === method && r.path === path)).toBe(true);
      expectRetriedOn500(run, method, path, status);
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).not.toBe("success");
      expect(errors(run)).not.toEqual([]);
      // The last check-run GitHub accepted (the fake answers the route's status) is not a pass.
      const accepted = run.requests.filter(
        (r) =>
          r.method === "POST" && r.path === `${REPO}/check-runs` && !(method === "POST" && path === r.path),
      );
      const last = accepted.at(-1)?.body as { conclusion?: string } | undefined;
      expect(["success", "neutral"]).not.toContain(last?.conclusion);
    },
    90_000,
  );
});

describe("Action deploy mode", () => {
  const push = () => examplePayload("push");
  const deployed = `${REPO}/commits/${push().after}/pulls`;
  const happy: Route[] = [
    { method: "GET", path: `${REPO}/issues`, body: [] },
    { method: "GET", path: ORG_LEDGER, body: [] },
    // The pushed commit came from PR #12, whose description and overrides the gate reads.
    {
      method: "GET",
      path: deployed,
      body: [{ number: 12, body: READY_BODY, user: { login: "octocat", type: "User" }, labels: [] }],
    },
    { method: "GET", path: `${REPO}/issues/12/comments`, body: [] },
  ];

  it("baseline: an open gate passes", async () => {
    const run = await runAction({
      event: "push",
      payload: push(),
      config: "timezone: UTC\n",
      routes: happy,
      now: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe("success");
  });

  it.concurrent.each(
    counter.add([
      ...rows("deploy: repo freeze ledger", "GET", `${REPO}/issues`, [500, 401, 403, 404, 422]),
      ...rows("deploy: org freeze ledger", "GET", ORG_LEDGER, [500, 401, 403, 422]),
      ...limitRows("deploy: org freeze ledger", "GET", ORG_LEDGER),
      ...rows("deploy: PRs of the deployed commit", "GET", deployed, [500, 401, 403, 404, 422]),
      ...rows("deploy: override comments", "GET", `${REPO}/issues/12/comments`, [500, 401, 403, 404]),
      // Without a checkout the config comes through the API.
      ...rows(
        "deploy without checkout: config read",
        "GET",
        `${REPO}/contents/.github/change-gate.yml`,
        [500, 401, 403, 422],
      ),
    ]),
  )(
    "$name",
    async ({ name, method, path, status, limit }) => {
      const run = await runAction({
        event: "push",
        payload: push(),
        ...(name.includes("without checkout") ? {} : { config: "timezone: UTC\n" }),
        routes: [broken(method, path, status, limit), ...happy],
        now: NOW,
      });
      expect(run.requests.some((r) => r.method === method && r.path === path)).toBe(true);
      expectRetriedOn500(run, method, path, status);
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).not.toBe("success");
      expect(run.outputs.open).not.toBe("true");
      expect(errors(run)).not.toEqual([]);
    },
    90_000,
  );
});

// Fake GitHub answers for the requests a PR check makes, as the real API shapes them.
import type { Route } from "../support/fake-github.js";
import { ledgerIssue } from "./ledger.js";

export const REPO = "/repos/Codertocat/Hello-World";

export interface PrRouteOptions {
  pr: number;
  sha: string;
  /** Status of check-run creation: 201 normally, 403 for a token without `checks: write`. */
  checkStatus?: number;
}

export function prRoutes(o: PrRouteOptions): Route[] {
  const forbidden = {
    message: "Resource not accessible by integration",
    documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
    status: "403",
  };
  return [
    { method: "POST", path: "/graphql", body: { data: { repository: { dir: null } } } },
    { method: "GET", path: `${REPO}/issues`, body: [] },
    { method: "GET", path: `${REPO}/issues/${o.pr}/comments`, body: [] },
    { method: "GET", path: `${REPO}/commits/${o.sha}/check-runs`, body: { total_count: 0, check_runs: [] } },
    {
      method: "POST",
      path: `${REPO}/check-runs`,
      status: o.checkStatus ?? 201,
      body: (req) => (o.checkStatus === 403 ? forbidden : { id: 4242, ...(req.body as object) }),
    },
    {
      method: "POST",
      path: `${REPO}/issues/${o.pr}/labels`,
      body: (req) =>
        (req.body as { labels: string[] }).labels.map((name) => ({
          name,
          color: "b60205",
          description: "change-gate",
        })),
    },
  ];
}

export const READY_BODY = `## What does this change?
Moves the session cache to Redis.

## Rollback plan
Revert this PR and redeploy v1.4.2; the old cache keys are still written.

## Blast radius
Login and checkout; worst case users are logged out once.
`;

/** Codertocat's permission on the repository: admin, so commands and the override label count. */
export const ADMIN_PERMISSION: Route = {
  method: "GET",
  path: `${REPO}/collaborators/Codertocat/permission`,
  body: { permission: "admin", role_name: "admin", user: { login: "Codertocat" } },
};

/** The repository's ledger with one open freeze (#7, since 06:00 UTC, no end), which takes audit comments. */
export const FROZEN_LEDGER: Route[] = [
  {
    method: "GET",
    path: `${REPO}/issues`,
    body: [ledgerIssue(7, { from: "2026-11-24T06:00:00Z", until: null, reason: "incident" })],
  },
  { method: "POST", path: `${REPO}/issues/7/comments`, status: 201, body: { id: 8 } },
];

/** No `/freeze` in the ledger: no open change-freeze issues. */
export const NO_FREEZES: Route = { method: "GET", path: `${REPO}/issues`, body: [] };

/** The deployed commit came from no pull request (deploy mode looks it up). */
export const NO_PULLS: Route = {
  method: "GET",
  path: /^\/repos\/Codertocat\/Hello-World\/commits\/[0-9a-f]{40}\/pulls$/,
  body: [],
};

import { readFileSync } from "node:fs";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import type { PullRequestLike } from "../../src/app/deploy-evaluation.js";
import { register } from "../../src/app/handlers/deployment-protection-rule.js";
import { WaitingDeployments } from "../../src/app/waiting-deployments.js";
import { writeBlock } from "../../src/github/freeze-ledger/block.js";
import type { GitHub } from "../../src/github/types.js";

export const API = "https://api.github.com";
export const PAYLOAD = JSON.parse(
  readFileSync(
    new URL("../fixtures/webhooks/deployment_protection_rule.requested.json", import.meta.url),
    "utf8",
  ),
) as {
  environment: string;
  deployment_callback_url: string;
  deployment: { sha: string; environment: string };
  pull_requests: PullRequestLike[];
  repository: { name: string; owner: { login: string } };
};
export const OWNER = PAYLOAD.repository.owner.login;
export const REPO = PAYLOAD.repository.name;
export const SHA = PAYLOAD.deployment.sha;
export const RUN_ID = 5460123987;
export const CALLBACK_PATH = `/repos/${OWNER}/${REPO}/actions/runs/${RUN_ID}/deployment_protection_rule`;

/**
 * Production needs both sections; windows Tue–Thu 09:00–16:00 Berlin; `hotfix` never holds. `template: none` keeps
 * the template read (one GraphQL request with `auto`) out of these tests: the API contract check in test/setup.ts
 * knows REST only.
 */
export const CONFIG = `timezone: Europe/Berlin
description: { template: none }
windows:
  - { days: Tue-Thu, start: "09:00", end: "16:00" }
environments:
  production: { require: [rollback, blast_radius] }
  hotfix: { hold: false }
`;

export const GOOD_BODY =
  "## Rollback plan\nRevert the merge commit and redeploy v1.4.2 with `make deploy VERSION=1.4.2`.\n\n## Blast radius\nOnly the checkout service; worst case checkout is down for 5 minutes until the rollback.\n";
export const NO_ROLLBACK_BODY =
  "## What\nNew checkout button.\n\n## Blast radius\nOnly the checkout service; worst case checkout is down for 5 minutes.\n";

/** Tue 24 Nov 2026 10:00 CET — inside the window. */
export const IN_WINDOW = new Date("2026-11-24T09:00:00Z");
/** Sat 28 Nov 2026 19:30 CET — closed; opens Tue 1 Dec 09:00 CET. */
export const SATURDAY = new Date("2026-11-28T18:30:00Z");
export const TUESDAY_OPEN = new Date("2026-12-01T08:00:00Z");

export interface LedgerIssue {
  number: number;
  body: string;
}

export function freezeIssue(
  number: number,
  from: string,
  until: string | null,
  reason = "incident",
): LedgerIssue {
  const block = writeBlock({ v: 1, by: "release-bot", reason, environment: null, from, until, source: null });
  return { number, body: `Deploys are frozen.\n\n${block}` };
}

/**
 * A stand-in for api.github.com with everything the deploy gate reads. `posts` records the bodies sent to the
 * protection-rule endpoint; `answers` are the statuses it returns in turn (204 when empty); `requests` counts every
 * request, so tests can report the cost of an event and of a sweep.
 */
export interface FakeApi {
  posts: Record<string, unknown>[];
  answers: number[];
  ledger: LedgerIssue[];
  pulls: Record<string, unknown>[];
  requests: string[];
  waitingRuns: { id: number; head_sha: string }[];
}

export function fakeApi(opts: { pulls?: Record<string, unknown>[]; config?: string } = {}): FakeApi {
  const api: FakeApi = {
    posts: [],
    answers: [],
    ledger: [],
    pulls: opts.pulls ?? [pullRequest(42, GOOD_BODY)],
    requests: [],
    waitingRuns: [],
  };
  const scope = nock(API).persist();
  scope.on("request", (req: { method: string; path: string }) =>
    api.requests.push(`${req.method} ${req.path.split("?")[0]}`),
  );
  scope
    .get(/\/repos\/[^/]+\/[^/]+\/contents\/\.github(%2F|\/)change-gate\.yml/)
    .reply(200, opts.config ?? CONFIG)
    .get(`/repos/${OWNER}/${REPO}/issues`)
    .query(true)
    .reply(() => [200, api.ledger.map(ledgerIssue)])
    .get(`/repos/${OWNER}/.github/issues`)
    .query(true)
    .reply(404, { message: "Not Found" })
    .get(/\/repos\/[^/]+\/[^/]+\/commits\/[0-9a-f]{40}\/pulls/)
    .reply((uri) => {
      const sha = /commits\/([0-9a-f]{40})/.exec(uri)![1];
      return [200, api.pulls.map((p) => ({ ...p, merge_commit_sha: sha }))];
    })
    .get(/\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments/)
    .query(true)
    .reply(200, [])
    .post(/\/repos\/[^/]+\/[^/]+\/actions\/runs\/\d+\/deployment_protection_rule/)
    .reply((_uri, body) => {
      api.posts.push(body as Record<string, unknown>);
      const status = api.answers.shift() ?? 204;
      return status === 204
        ? [204]
        : [
            status,
            { message: status === 422 ? "No pending custom deployment protection rule" : "Server Error" },
          ];
    })
    .get(`/repos/${OWNER}/${REPO}/actions/runs`)
    .query((q) => q.status === "waiting")
    .reply(() => [
      200,
      { total_count: api.waitingRuns.length, workflow_runs: api.waitingRuns.map(workflowRun) },
    ])
    .get(/\/repos\/[^/]+\/[^/]+\/actions\/runs\/\d+\/pending_deployments/)
    .reply(200, [pendingDeployment("production")]);
  return api;
}

function ledgerIssue(i: LedgerIssue) {
  return {
    number: i.number,
    title: "Change freeze",
    body: i.body,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${i.number}`,
    created_at: "2026-11-20T00:00:00Z",
    state: "open",
    labels: [{ name: "change-freeze" }],
  };
}

export function pullRequest(number: number, body: string | null) {
  return {
    number,
    body,
    draft: false,
    state: "closed",
    merged_at: "2026-11-24T08:55:00Z",
    merge_commit_sha: SHA,
    user: { login: "octocat", type: "User" },
    labels: [],
    head: { sha: "0123456789abcdef0123456789abcdef01234567", ref: "feature" },
    base: { ref: "main" },
  };
}

function workflowRun(run: { id: number; head_sha: string }) {
  return {
    id: run.id,
    head_sha: run.head_sha,
    status: "waiting",
    event: "push",
    head_branch: "main",
    pull_requests: [],
  };
}

function pendingDeployment(environment: string) {
  return {
    environment: { id: 161171787, name: environment },
    wait_timer: 0,
    wait_timer_started_at: null,
    current_user_can_approve: false,
    reviewers: [],
  };
}

export const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A Probot with the handler registered, authenticated by token so no installation-token request is made. */
export function probotWith(waiting: WaitingDeployments): Probot {
  const probot = new Probot({ githubToken: "test", Octokit: TestOctokit, logLevel: "fatal" });
  register(probot, { now: () => new Date(), waiting });
  return probot;
}

/** An installation-like client for sweeps, as the App would hold one per installation. */
export async function octokit(): Promise<GitHub> {
  const probot = new Probot({ githubToken: "test", Octokit: TestOctokit, logLevel: "fatal" });
  return (await probot.auth()) as unknown as GitHub;
}

export function registry(): WaitingDeployments {
  return new WaitingDeployments({ now: () => new Date(), retry: { sleep: async () => {} } });
}

export function receive(probot: Probot, payload: unknown = PAYLOAD) {
  return probot.receive({ id: "delivery-1", name: "deployment_protection_rule", payload } as never);
}

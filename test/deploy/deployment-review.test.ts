import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  deploymentCallbackUrl,
  listWaitingRuns,
  reportDeployment,
  reviewDeployment,
} from "../../src/github/deployment-review.js";
import type { GitHub } from "../../src/github/types.js";
import { API, CALLBACK_PATH, OWNER, octokit, PAYLOAD, REPO } from "./helpers.js";

let gh: GitHub;
const noWait = { sleep: async () => {} };
const review = { callbackUrl: PAYLOAD.deployment_callback_url, environment: "production", comment: "ok" };

beforeEach(async () => {
  nock.disableNetConnect();
  gh = await octokit();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("reviewDeployment", () => {
  it("posts the decision to the callback URL exactly as GitHub sent it", async () => {
    const scope = nock(API)
      .post(CALLBACK_PATH, { environment_name: "production", state: "approved", comment: "ok" })
      .reply(204);
    expect(await reviewDeployment(gh, { ...review, state: "approved" }, noWait)).toEqual({
      outcome: "done",
      status: 204,
      attempts: 1,
    });
    expect(scope.isDone()).toBe(true);
  });

  it("treats GitHub's 422 for a rule no longer waiting as already done, without retrying", async () => {
    nock(API).post(CALLBACK_PATH).reply(422, { message: "No pending custom deployment protection rule" });
    expect(await reviewDeployment(gh, { ...review, state: "approved" }, noWait)).toMatchObject({
      outcome: "already-done",
      status: 422,
      attempts: 1,
    });
  });

  it("retries server errors a bounded number of times, then reports failure", async () => {
    const scope = nock(API).post(CALLBACK_PATH).times(3).reply(502, { message: "Bad Gateway" });
    const waits: number[] = [];
    const result = await reviewDeployment(
      gh,
      { ...review, state: "approved" },
      {
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    expect(result).toMatchObject({ outcome: "failed", status: 502, attempts: 3 });
    expect(waits).toEqual([1000, 4000]);
    expect(scope.isDone()).toBe(true);
  });

  it("recovers when a retry succeeds", async () => {
    nock(API).post(CALLBACK_PATH).reply(500, {}).post(CALLBACK_PATH).reply(204);
    expect(await reviewDeployment(gh, { ...review, state: "rejected" }, noWait)).toMatchObject({
      outcome: "done",
      attempts: 2,
    });
  });

  it("does not retry a permission error and does not call it done", async () => {
    nock(API).post(CALLBACK_PATH).reply(403, { message: "Resource not accessible by integration" });
    expect(await reviewDeployment(gh, { ...review, state: "approved" }, noWait)).toMatchObject({
      outcome: "failed",
      status: 403,
      attempts: 1,
    });
  });
});

describe("reportDeployment", () => {
  it("posts a status report: the same endpoint without a state", async () => {
    const scope = nock(API)
      .post(
        CALLBACK_PATH,
        (body) => JSON.stringify(body) === JSON.stringify({ environment_name: "production", comment: "ok" }),
      )
      .reply(204);
    expect(await reportDeployment(gh, review, noWait)).toMatchObject({ outcome: "done" });
    expect(scope.isDone()).toBe(true);
  });
});

describe("listWaitingRuns", () => {
  it("lists runs waiting on protection rules with their pending environments", async () => {
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/actions/runs`)
      .query({ status: "waiting", per_page: "100" })
      .reply(200, {
        total_count: 2,
        workflow_runs: [
          { id: 11, head_sha: "a".repeat(40), pull_requests: [{ number: 5 }] },
          { id: 12, head_sha: "b".repeat(40), pull_requests: [] },
        ],
      })
      .get(`/repos/${OWNER}/${REPO}/actions/runs/11/pending_deployments`)
      .reply(200, [
        {
          environment: { name: "production" },
          wait_timer: 0,
          current_user_can_approve: false,
          reviewers: [],
        },
      ])
      .get(`/repos/${OWNER}/${REPO}/actions/runs/12/pending_deployments`)
      .reply(200, []);
    expect(await listWaitingRuns(gh, { owner: OWNER, repo: REPO })).toEqual([
      { runId: 11, sha: "a".repeat(40), pullRequests: [5], environments: ["production"] },
    ]);
  });

  it("builds the callback URL GitHub would send", () => {
    expect(deploymentCallbackUrl(gh, { owner: OWNER, repo: REPO }, 5460123987)).toBe(
      PAYLOAD.deployment_callback_url,
    );
  });
});

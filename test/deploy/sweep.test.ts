import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeploymentTarget } from "../../src/app/deploy-evaluation.js";
import { MAX_STATUS_REPORTS, WaitingDeployments } from "../../src/app/waiting-deployments.js";
import type { GitHub } from "../../src/github/types.js";
import {
  fakeApi,
  freezeIssue,
  OWNER,
  octokit,
  PAYLOAD,
  REPO,
  RUN_ID,
  SATURDAY,
  SHA,
  TUESDAY_OPEN,
} from "./helpers.js";

const ref = { owner: OWNER, repo: REPO };
let gh: GitHub;
let waiting: WaitingDeployments;

beforeEach(async () => {
  nock.disableNetConnect();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  gh = await octokit();
  waiting = new WaitingDeployments({ now: () => new Date(), retry: { sleep: async () => {} } });
});

afterEach(async () => {
  await waiting.idle();
  waiting.stop();
  vi.useRealTimers();
  nock.cleanAll();
  nock.enableNetConnect();
});

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await waiting.idle();
}

describe("sweeps over waiting runs", () => {
  it("costs 4 + 4N requests for N new waiting runs, 4 + 3N when nothing changed, and approves all N at the opening", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    const N = 5;
    api.waitingRuns = Array.from({ length: N }, (_, i) => ({ id: 1000 + i, head_sha: `${i}`.repeat(40) }));

    const first = await waiting.rebuild(gh, ref);
    expect(first).toMatchObject({ runs: N, deployments: N, outcomes: { waiting: N } });
    // list runs 1, pending deployments N, config 1, ledger 2 (repo + org), PR per commit N, override comments N,
    // one status report per deployment N
    expect(api.requests).toHaveLength(4 + 4 * N);

    api.requests.length = 0;
    await waiting.rebuild(gh, ref);
    expect(api.requests).toHaveLength(4 + 3 * N);
    expect(api.requests.filter((r) => r.startsWith("POST"))).toEqual([]);

    await advance(TUESDAY_OPEN.getTime() - SATURDAY.getTime());
    expect(api.posts.filter((p) => p.state === "approved")).toHaveLength(N);
    expect(waiting.pending()).toEqual([]);
  });

  it("forgets a run GitHub no longer lists as waiting (approved by hand, or cancelled)", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    api.waitingRuns = [{ id: RUN_ID, head_sha: SHA }];
    await waiting.rebuild(gh, ref);
    expect(waiting.pending()).toHaveLength(1);

    api.waitingRuns = [];
    await waiting.rebuild(gh, ref);
    expect(waiting.pending()).toEqual([]);
    await advance(TUESDAY_OPEN.getTime() - SATURDAY.getTime());
    expect(api.posts.filter((p) => p.state)).toEqual([]);
  });

  it("holds past Node's 24.8-day timer limit and approves when a 40-day freeze ends", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    api.ledger = [freezeIssue(3, "2026-11-01T00:00:00Z", "2027-01-07T08:00:00Z", "year-end")];
    api.waitingRuns = [{ id: RUN_ID, head_sha: SHA }];
    await waiting.rebuild(gh, ref);
    expect(api.posts[0]!.comment).toMatch(/GitHub fails a job that waits more than 30 days/);
    const approveAt = Date.parse(waiting.pending()[0]!.approveAt!);

    await advance(approveAt - SATURDAY.getTime() - 1000);
    expect(api.posts.filter((p) => p.state)).toEqual([]);
    api.ledger = [];
    await advance(1000);
    expect(api.posts.filter((p) => p.state === "approved")).toHaveLength(1);
  });

  it("posts at most 10 status reports per deployment, one per change of state", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    let n = 0;
    const changing = new WaitingDeployments({
      now: () => new Date(),
      evaluate: async () => ({
        decision: { action: "wait", comment: `state ${++n}`, approveAt: null, state: `s${n}` },
        pullRequest: null,
        at: new Date(),
      }),
    });
    const target: DeploymentTarget = {
      ...ref,
      runId: RUN_ID,
      environment: "production",
      sha: SHA,
      callbackUrl: PAYLOAD.deployment_callback_url,
      pullRequests: [],
    };
    await changing.request(gh, target);
    for (let i = 0; i < 14; i++) await changing.reevaluateAll();
    expect(api.posts).toHaveLength(MAX_STATUS_REPORTS);
    changing.stop();
  });

  it("never approves when evaluating fails; it reports once and tries again later", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    let fail = true;
    const flaky = new WaitingDeployments({
      now: () => new Date(),
      evaluate: async () => {
        if (fail) throw new Error("GitHub 502");
        return {
          decision: { action: "approve", comment: "ok", approveAt: null, state: "approve" },
          pullRequest: null,
          at: new Date(),
        };
      },
    });
    const target: DeploymentTarget = {
      ...ref,
      runId: RUN_ID,
      environment: "production",
      sha: SHA,
      callbackUrl: PAYLOAD.deployment_callback_url,
      pullRequests: [],
    };
    expect(await flaky.request(gh, target)).toBe("failed");
    expect(await flaky.reevaluateAll()).toMatchObject({ failed: 1 });
    expect(api.posts).toEqual([
      { environment_name: "production", comment: expect.stringContaining("could not read what it needs") },
    ]);
    fail = false;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await flaky.idle();
    expect(api.posts.filter((p) => p.state === "approved")).toHaveLength(1);
    flaky.stop();
  });
});

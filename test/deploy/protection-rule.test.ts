import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WaitingDeployments } from "../../src/app/waiting-deployments.js";
import {
  fakeApi,
  freezeIssue,
  GOOD_BODY,
  IN_WINDOW,
  NO_ROLLBACK_BODY,
  OWNER,
  octokit,
  PAYLOAD,
  probotWith,
  pullRequest,
  REPO,
  RUN_ID,
  receive,
  registry,
  SATURDAY,
  SHA,
  TUESDAY_OPEN,
} from "./helpers.js";

let waiting: WaitingDeployments;

beforeEach(() => {
  nock.disableNetConnect();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  waiting = registry();
});

afterEach(async () => {
  await waiting.idle();
  waiting.stop();
  vi.useRealTimers();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Let fake time pass, then wait for the evaluations the timers started (they do real, nock-answered I/O). */
async function advance(ms: number, registry: WaitingDeployments = waiting): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await registry.idle();
}

const approvals = (posts: Record<string, unknown>[]) => posts.filter((p) => p.state === "approved");

describe("deployment_protection_rule.requested", () => {
  it("approves a deployment inside the window, with the window in the comment", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi();
    await receive(probotWith(waiting));

    expect(api.posts).toEqual([
      {
        environment_name: "production",
        state: "approved",
        comment: expect.stringMatching(
          /^Clear to deploy to `production`: open \(window .*\) — closes Tue 24 Nov 16:00 CET \(in 6h\)\.\n\n\*\*Rollback plan\*\* \(PR #42\): Revert the merge commit/,
        ),
      },
    ]);
    expect(waiting.pending()).toEqual([]);
    // config, ledger (repo + org), PR of the commit, override comments, the review
    expect(api.requests).toHaveLength(6);
  });

  it("reports why and when, then approves exactly when the window opens", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    await receive(probotWith(waiting));

    expect(api.posts).toEqual([
      {
        environment_name: "production",
        comment:
          "Waiting for window: opens Tue 1 Dec 09:00 CET (in 2d 13h). change-gate approves this deployment then.",
      },
    ]);
    expect(waiting.pending()).toMatchObject([{ approveAt: TUESDAY_OPEN.toISOString() }]);
    const perEvent = api.requests.length;

    await advance(TUESDAY_OPEN.getTime() - SATURDAY.getTime() - 1);
    expect(approvals(api.posts)).toEqual([]);
    await advance(1);
    expect(approvals(api.posts)).toHaveLength(1);
    expect(approvals(api.posts)[0]!.comment).toMatch(/^Clear to deploy to `production`: open/);
    expect(waiting.pending()).toEqual([]);
    expect(perEvent).toBe(6);
  });

  it("rejects a production deploy whose PR has no rollback plan, saying what to fix", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi({ pulls: [pullRequest(42, NO_ROLLBACK_BODY)] });
    await receive(probotWith(waiting));

    expect(api.posts).toEqual([
      {
        environment_name: "production",
        state: "rejected",
        comment: expect.stringContaining("PR #42 — Rollback plan: No rollback plan found"),
      },
    ]);
    expect(waiting.pending()).toEqual([]);
  });

  it("keeps waiting when a freeze is declared meanwhile, and approves after /unfreeze", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    await receive(probotWith(waiting));
    expect(api.posts).toHaveLength(1);

    api.ledger = [freezeIssue(7, "2026-11-30T12:00:00Z", null, "payments incident")];
    await advance(TUESDAY_OPEN.getTime() - SATURDAY.getTime());

    expect(approvals(api.posts)).toEqual([]);
    expect(api.posts[1]).toEqual({
      environment_name: "production",
      comment: expect.stringMatching(
        /^Waiting for freeze \*\*Freeze #7\*\* \(payments incident\), declared by @\u200Brelease-bot to end: it has no end date/,
      ),
    });
    expect(waiting.pending()).toMatchObject([{ approveAt: null }]);

    // A later sweep with the same state posts nothing new (GitHub allows 10 reports per deployment).
    await waiting.reevaluateAll({ owner: OWNER, repo: REPO });
    expect(api.posts).toHaveLength(2);

    api.ledger = [];
    await waiting.reevaluateAll({ owner: OWNER, repo: REPO });
    expect(approvals(api.posts)).toHaveLength(1);
    expect(waiting.pending()).toEqual([]);
  });

  it("re-schedules when a timed freeze covers the opening, and approves when it ends", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    await receive(probotWith(waiting));

    api.ledger = [freezeIssue(8, "2026-11-30T12:00:00Z", "2026-12-01T10:00:00Z")];
    await advance(TUESDAY_OPEN.getTime() - SATURDAY.getTime());
    expect(approvals(api.posts)).toEqual([]);
    expect(api.posts[1]!.comment).toMatch(
      /^Waiting for freeze \*\*Freeze #8\*\* .* opens Tue 1 Dec 11:00 CET \(in 2h\)/,
    );

    await advance(2 * 3600_000);
    expect(approvals(api.posts)).toHaveLength(1);
  });

  it("survives a restart: a new registry rebuilt from GitHub approves once, and a second answer's 422 counts as done", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    await receive(probotWith(waiting));
    waiting.stop(); // the process dies; GitHub still holds the deployment

    api.waitingRuns = [{ id: RUN_ID, head_sha: SHA }];
    vi.setSystemTime(new Date("2026-11-30T09:00:00Z"));
    const restarted = registry();
    const gh = await octokit();
    const before = api.requests.length;
    const sweep = await restarted.rebuild(gh, { owner: OWNER, repo: REPO });
    expect(sweep).toMatchObject({ runs: 1, deployments: 1, outcomes: { waiting: 1 } });
    expect(restarted.pending()).toMatchObject([{ approveAt: TUESDAY_OPEN.toISOString() }]);
    const sweepRequests = api.requests.slice(before);

    // A second sweep with nothing changed posts nothing.
    const postsBefore = api.posts.length;
    await restarted.rebuild(gh, { owner: OWNER, repo: REPO });
    expect(api.posts).toHaveLength(postsBefore);

    await advance(TUESDAY_OPEN.getTime() - Date.now(), restarted);
    expect(approvals(api.posts)).toHaveLength(1);
    expect(api.posts.at(-1)).toMatchObject({ state: "approved", environment_name: "production" });

    // Another replica that still lists the run answers too: GitHub's 422 is "already done", not an error.
    api.answers = [422];
    const replica = registry();
    const other = await replica.rebuild(gh, { owner: OWNER, repo: REPO });
    expect(other.outcomes["already-done"]).toBe(1);
    expect(replica.pending()).toEqual([]);
    restarted.stop();

    // list runs, pending deployments, config, ledger ×2, PR, override comments, status report
    expect(sweepRequests).toHaveLength(8);
  });

  it("retries a failing approval, then leaves the deployment waiting and never approves", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi();
    api.answers = [500, 500, 500];
    await receive(probotWith(waiting));

    const attempts = api.posts.filter((p) => p.state === "approved");
    expect(attempts).toHaveLength(3); // bounded retry; GitHub never answered 2xx
    expect(api.posts.at(-1)).toEqual({
      environment_name: "production",
      comment: expect.stringContaining("could not record its decision (GitHub answered 500)"),
    });
    expect(waiting.pending()).toHaveLength(1);
    expect(api.posts.filter((p) => p.state === "rejected")).toEqual([]);
  });

  it("uses the top-level rules for an environment the config does not name", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi({ pulls: [] });
    await receive(probotWith(waiting), { ...PAYLOAD, environment: "preview-123" });
    expect(api.posts).toEqual([
      {
        environment_name: "preview-123",
        comment: expect.stringMatching(/^Waiting for window: opens Tue 1 Dec 09:00 CET/),
      },
    ]);
  });

  it("a production deploy of a migration waits for production's own risk_windows (the PR's files are read)", async () => {
    vi.setSystemTime(IN_WINDOW); // Tue 10:00 CET: inside the normal window
    const api = fakeApi({
      config: `timezone: Europe/Berlin
description: { template: none }
windows:
  - { days: Tue-Thu, start: "09:00", end: "16:00" }
environments:
  production:
    risk_windows: { high: [{ name: DBA hours, days: Wed, start: "10:00", end: "12:00" }] }
risk:
  rules: [{ paths: ["migrations/**"], level: high, reason: database migration }]
`,
    });
    const files = nock("https://api.github.com")
      .get(`/repos/${OWNER}/${REPO}/pulls/42/files`)
      .query(true)
      .reply(200, [
        {
          sha: "0".repeat(40),
          filename: "migrations/0042_add_index.sql",
          status: "added",
          additions: 12,
          deletions: 0,
          changes: 12,
          blob_url: "https://github.com/o/r/blob/x/migrations/0042_add_index.sql",
          raw_url: "https://github.com/o/r/raw/x/migrations/0042_add_index.sql",
          contents_url: "https://api.github.com/repos/o/r/contents/migrations/0042_add_index.sql",
        },
      ]);
    await receive(probotWith(waiting));
    expect(files.isDone()).toBe(true);
    expect(approvals(api.posts)).toEqual([]);
    expect(api.posts[0]?.comment).toMatch(/^Waiting for window: opens Wed 25 Nov 10:00 CET/);
  });

  it("rejects at once when the environment says hold: false", async () => {
    vi.setSystemTime(SATURDAY);
    const api = fakeApi();
    await receive(probotWith(waiting), { ...PAYLOAD, environment: "hotfix" });
    expect(api.posts).toEqual([
      {
        environment_name: "hotfix",
        state: "rejected",
        comment: expect.stringContaining("environments.hotfix.hold: false"),
      },
    ]);
  });

  it("rejects a production deploy of a commit that came from no PR", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi({ pulls: [] });
    await receive(probotWith(waiting));
    expect(api.posts).toEqual([
      {
        environment_name: "production",
        state: "rejected",
        comment: expect.stringContaining("no pull request found for commit 8a3f2c1"),
      },
    ]);
  });

  it("uses the PR the webhook sent instead of looking the commit up", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi({ pulls: [] });
    await receive(probotWith(waiting), {
      ...PAYLOAD,
      event: "pull_request",
      pull_requests: [pullRequest(9, GOOD_BODY)],
    });
    expect(api.posts).toMatchObject([{ state: "approved" }]);
    expect(api.requests.some((r) => r.includes("/commits/"))).toBe(false);
  });

  it("answers nothing, and approves nothing, without a callback URL", async () => {
    vi.setSystemTime(IN_WINDOW);
    const api = fakeApi();
    const { deployment_callback_url: _, ...payload } = PAYLOAD;
    await receive(probotWith(waiting), payload);
    expect(api.requests).toEqual([]);
    expect(waiting.pending()).toEqual([]);
  });

  it("trusts GitHub's Date header over a local clock that is more than a minute off", async () => {
    // The local clock says Tue 08:56 (closed); GitHub says 09:01 (open).
    vi.setSystemTime(new Date("2026-11-24T07:56:00Z"));
    nock("https://api.github.com")
      .get(/\/contents\//)
      .reply(
        200,
        'timezone: Europe/Berlin\ndescription: { template: none }\nwindows:\n  - { days: Tue-Thu, start: "09:00", end: "16:00" }\n',
        {
          Date: "Tue, 24 Nov 2026 08:01:00 GMT",
        },
      );
    const api = fakeApi();
    await receive(probotWith(waiting));
    expect(waiting.clock.skewMs).toBe(5 * 60_000);
    expect(api.posts).toMatchObject([{ state: "approved" }]);
  });
});

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../../src/app/clock.js";
import { Sweep } from "../../src/app/sweep.js";
import { writeBlock } from "../../src/github/freeze-ledger/block.js";
import { createHarness, example, fakeApi, type Harness } from "./harness.js";

const REPO = "/repos/Codertocat/Hello-World";
const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const GOOD_BODY =
  "## Rollback plan\nRevert this PR and redeploy v1.4.2.\n\n## Blast radius\nOnly the greeting page of Hello-World.";
const WINDOWED =
  'timezone: UTC\nwindows:\n  - { days: Mon-Fri, start: "09:00", end: "16:00" }\nmerge:\n  enforce_windows: true\n';
const TREE = { sha: "t", url: "u", truncated: false, tree: [] };
const quiet = { info: () => {}, warn: () => {} };

/** The injected clock on top of vitest's fake timers: the sweep's timers and `now` move only when the test says. */
const fakeClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

beforeEach(() => {
  nock.disableNetConnect();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A harness whose handlers report to a real sweep driven by fake timers. */
async function withSweep(intervalMs: number): Promise<Harness & { sweep: Sweep }> {
  const h = await createHarness(fakeClock);
  const sweep = new Sweep({ app: h.probot, deps: h.runtime.deps, clock: fakeClock, intervalMs, log: quiet });
  h.runtime.deps.sweep = sweep;
  return { ...h, sweep };
}

/** The reads of one repo: config, templates and ledgers, any number of times. */
function repoReads(
  api: ReturnType<typeof fakeApi>,
  repo: string,
  config: string | null,
  ledger: unknown[] = [],
) {
  const base = `/repos/Codertocat/${repo}`;
  return api
    .route(
      "POST",
      /^\/app\/installations\/1\/access_tokens$/,
      201,
      { token: "t", expires_at: "2099-01-01T00:00:00Z" },
      5,
    )
    .route(
      "GET",
      new RegExp(`^${base}/contents/\\.github(%2F|/)change-gate\\.yml`),
      config === null ? 404 : 200,
      config ?? {},
      5,
    )
    .route("GET", `${base}/git/trees/HEAD`, 200, TREE, 5)
    .route("GET", `${base}/contents/.github`, 404, {}, 5)
    .route("GET", new RegExp(`^${base}/issues\\?`), 200, ledger, 5)
    .route("GET", /^\/repos\/Codertocat\/\.github\/issues\?/, 404, {}, 10);
}

const openPr = {
  number: 2,
  head: { sha: SHA },
  base: { ref: "master" },
  body: GOOD_BODY,
  draft: false,
  user: { login: "Codertocat", type: "User" },
  labels: [{ name: "risk: low" }],
  updated_at: "2026-11-24T15:00:00Z",
};

describe("the sweep", () => {
  it("flips a passing PR's check to failing when its window closes, with no new event, at that exact instant", async () => {
    vi.setSystemTime(new Date("2026-11-24T15:00:00Z")); // Tuesday, window 09:00–16:00 UTC
    const h = await withSweep(24 * 3_600_000);
    const payload = example("pull_request", "opened");
    payload.pull_request.body = GOOD_BODY;
    payload.pull_request.labels = [{ name: "risk: low" }];
    const first = repoReads(fakeApi(), "Hello-World", WINDOWED)
      .route("GET", new RegExp(`^${REPO}/commits/${SHA}/check-runs\\?`), 200, {
        total_count: 0,
        check_runs: [],
      })
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 });
    await h.send("pull_request", payload);
    expect(first.writes().find((c) => c.path.endsWith("/check-runs"))?.body.conclusion).toBe("success");
    expect(h.sweep.nextTimer).toBe("2026-11-24T16:00:00.000Z");
    nock.cleanAll();

    const api = repoReads(fakeApi(), "Hello-World", WINDOWED)
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/pulls\?/, 200, [openPr])
      // A failing schedule row looks for a recorded /override on the PR.
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/issues\/comments\?/, 200, [])
      .route("GET", new RegExp(`^${REPO}/commits/${SHA}/check-runs\\?`), 200, {
        total_count: 1,
        check_runs: [
          { id: 42, status: "completed", conclusion: "success", output: { title: "Ready", summary: "" } },
        ],
      })
      .route("PATCH", `${REPO}/check-runs/42`, 200, { id: 42 });
    await vi.advanceTimersByTimeAsync(3_600_000 - 1);
    await h.sweep.enqueue(async () => {});
    expect(api.calls).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    await h.sweep.enqueue(async () => {});
    const patch = api.writes().find((c) => c.method === "PATCH");
    expect(patch?.body.conclusion).toBe("failure");
    expect(patch?.body.output.summary).toContain("Freeze / window");
    // Closed now: the next exact timer is the window's next opening.
    expect(h.sweep.nextTimer).toBe("2026-11-25T09:00:00.000Z");
    h.sweep.stop();
  });

  it("the interval pass re-checks only the repository whose state changed (a freeze declared elsewhere)", async () => {
    vi.setSystemTime(new Date("2026-11-24T10:00:00Z"));
    const h = await withSweep(15 * 60_000);
    const installation = (api: ReturnType<typeof fakeApi>) =>
      api
        .route("GET", /^\/app\/installations\?/, 200, [{ id: 1, account: { login: "Codertocat" } }])
        .route("GET", /^\/installation\/repositories\?/, 200, {
          total_count: 2,
          repositories: [
            { name: "Hello-World", owner: { login: "Codertocat" } },
            { name: "Other", owner: { login: "Codertocat" } },
          ],
        });
    h.sweep.start();

    // First pass: neither repo has windows or freezes, so there is nothing to re-check; their state is remembered.
    const first = installation(repoReads(repoReads(fakeApi(), "Hello-World", null), "Other", null));
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await h.sweep.enqueue(async () => {});
    expect(first.calls.some((c) => c.path.includes("/pulls"))).toBe(false);
    nock.cleanAll();

    // Someone froze Hello-World through its ledger; Other did not change.
    const freeze = {
      number: 9,
      html_url: "https://github.com/Codertocat/Hello-World/issues/9",
      created_at: "2026-11-24T10:20:00Z",
      body: writeBlock({
        v: 1,
        by: "release-bot",
        reason: "incident",
        environment: null,
        from: "2026-11-24T10:20:00Z",
        until: "2026-11-24T18:00:00Z",
        source: null,
      }),
    };
    const second = installation(repoReads(repoReads(fakeApi(), "Hello-World", null, [freeze]), "Other", null))
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/pulls\?/, 200, [openPr])
      // A failing schedule row looks for a recorded /override on the PR.
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/issues\/comments\?/, 200, [])
      .route("GET", new RegExp(`^${REPO}/commits/${SHA}/check-runs\\?`), 200, {
        total_count: 0,
        check_runs: [],
      })
      .route("POST", `${REPO}/check-runs`, 201, { id: 43 });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await h.sweep.enqueue(async () => {});
    const pulls = second.calls.filter((c) => c.path.includes("/pulls")).map((c) => c.path.split("?")[0]);
    expect(pulls).toEqual([`${REPO}/pulls`]);
    expect(
      second
        .writes()
        .filter((c) => !c.path.includes("access_tokens"))
        .map((c) => c.body.conclusion),
    ).toEqual(["failure"]);
    expect(
      second.calls.some((c) => c.path.startsWith("/repos/Codertocat/Other/") && c.method !== "GET"),
    ).toBe(false);
    // The freeze's end is the next boundary: an exact timer waits for it.
    expect(h.sweep.nextTimer).toBe("2026-11-24T18:00:00.000Z");
    h.sweep.stop();
  });
});

// Fail-closed audit of the App's deployment protection rule: each GitHub call × status, core steps throwing, and the
// sweep that rebuilds waiting deployments. Never `state: approved`; the deployment is held (with a status report
// saying why, when GitHub takes one) or GitHub says there is nothing of ours to answer.
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GitHub } from "../../src/github/types.js";
import {
  type AppHarness,
  createApp,
  deploymentPayload,
  type FakeGitHub,
  type Fault,
  fakeGitHub,
  OWNER,
  pathCounter,
  RATE_LIMITS,
  REPO,
} from "./app-fake.js";

const boom = vi.hoisted(() => ({ at: null as string | null }));
// Mocked where they are defined, so every caller (the shared decideChange too) goes through the mock.
vi.mock("../../src/core/policy/evaluate-change.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/evaluate-change.js")>();
  return {
    ...m,
    evaluateChange: (...a: Parameters<typeof m.evaluateChange>) => {
      if (boom.at === "evaluateChange") throw new Error("evaluateChange exploded");
      return m.evaluateChange(...a);
    },
  };
});
vi.mock("../../src/core/policy/skip.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/skip.js")>();
  return {
    ...m,
    descriptionSkipReason: (...a: Parameters<typeof m.descriptionSkipReason>) => {
      if (boom.at === "descriptionSkipReason") throw new Error("descriptionSkipReason exploded");
      return m.descriptionSkipReason(...a);
    },
  };
});
vi.mock("../../src/core/policy/deploy-decision.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/deploy-decision.js")>();
  return {
    ...m,
    decideDeployment: (...a: Parameters<typeof m.decideDeployment>) => {
      if (boom.at === "decideDeployment") throw new Error("decideDeployment exploded");
      return m.decideDeployment(...a);
    },
  };
});
vi.mock("../../src/core/description/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/description/index.js")>();
  return {
    ...m,
    readTemplates: (...a: Parameters<typeof m.readTemplates>) => {
      if (boom.at === "readTemplates") throw new Error("readTemplates exploded");
      return m.readTemplates(...a);
    },
  };
});

const counter = pathCounter("app-deployment");
afterAll(counter.report);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  boom.at = null;
});

async function request(fault?: Fault | Fault[]) {
  const gh = fakeGitHub({}, fault);
  const app = await createApp();
  const error = await app.send("deployment_protection_rule", deploymentPayload()).then(
    () => null,
    (e: unknown) => e,
  );
  await app.runtime.waiting.idle();
  return { gh, app, error };
}

function expectNotApproved(gh: FakeGitHub): void {
  expect(gh.acceptedReviews().filter((c) => c.body.state === "approved")).toEqual([]);
}

/** Held: not approved, still tracked for a retry, and (when GitHub took it) a status report saying why. */
function expectHeld(gh: FakeGitHub, app: AppHarness, reason: RegExp | null): void {
  expectNotApproved(gh);
  expect(gh.acceptedReviews()).toEqual([]);
  expect(app.runtime.waiting.pending().map((p) => p.target.environment)).toEqual(["production"]);
  const reports = gh.acceptedReports().map((c) => c.body.comment as string);
  if (reason) expect(reports).toEqual([expect.stringMatching(reason)]);
  else expect(reports).toEqual([]);
}

const STATUSES = [500, 401, 403, 404, 422] as const;
const COULD_NOT_READ = /could not read what it needs to decide.*keeps waiting/;
const COULD_NOT_RECORD = /could not record its decision.*keeps waiting/;

describe("App deployment protection rule", () => {
  it("baseline: an open gate with a described PR is approved", async () => {
    const { gh, error } = await request();
    expect(error).toBeNull();
    expect(gh.acceptedReviews().map((c) => c.body.state)).toEqual(["approved"]);
    expect(gh.calls.filter((c) => c.status === 404)).toEqual([]);
  });

  const reads = [
    "config read",
    "repo freeze ledger",
    "org freeze ledger",
    "PRs of the deployed commit",
    "PR files",
    "override comments",
    "template listing (root)",
    "template listing (.github)",
    "template read",
  ];
  /** Statuses that mean "not there", after which approving is correct. */
  const irrelevant: Record<string, number[]> = {
    "config read": [404],
    // No .github repository, or not one this installation can see. A 403 (a rate limit, a refused permission) is not.
    "org freeze ledger": [404],
    "template listing (root)": [404],
    "template listing (.github)": [404],
    "template read": [404],
  };
  it.each(
    counter.add(
      reads.flatMap((endpoint) =>
        STATUSES.map((status) => {
          const approve = irrelevant[endpoint]?.includes(status) ?? false;
          return {
            name: `${endpoint} ${status} → ${approve ? "approved (the error means 'not there')" : "held: 'could not read what it needs', retried later"}`,
            fault: { endpoint, status } as Fault,
            approve,
          };
        }),
      ),
    ),
  )("$name", async ({ fault, approve }) => {
    const { gh, app } = await request(fault);
    expect(gh.faultHits()).toBeGreaterThan(0);
    if (approve) expect(gh.acceptedReviews().map((c) => c.body.state)).toEqual(["approved"]);
    else expectHeld(gh, app, COULD_NOT_READ);
  });

  it.each(
    counter.add(
      (Object.keys(RATE_LIMITS) as (keyof typeof RATE_LIMITS)[]).map((limit) => ({
        name: `org freeze ledger 403 (${limit}) → held: 'could not read what it needs', retried later`,
        fault: { endpoint: "org freeze ledger", status: 403, answer: RATE_LIMITS[limit] } as Fault,
      })),
    ),
  )("$name", async ({ fault }) => {
    const { gh, app } = await request(fault);
    expect(gh.faultHits()).toBeGreaterThan(0);
    expectHeld(gh, app, COULD_NOT_READ);
  });

  it.each(
    counter.add(
      STATUSES.map((status) => {
        const nothingWaiting = status === 404 || status === 422;
        return {
          name: `deployment review ${status} → ${nothingWaiting ? "not approved: GitHub says nothing of ours waits" : "held: 'could not record its decision', retried later"}`,
          status,
          nothingWaiting,
        };
      }),
    ),
  )("$name", async ({ status, nothingWaiting }) => {
    const fault: Fault = { endpoint: "deployment review", status };
    const { gh, app } = await request(fault);
    expect(gh.faultHits()).toBeGreaterThan(0);
    expectNotApproved(gh);
    if (nothingWaiting) {
      expect(gh.acceptedReviews()).toEqual([]);
      expect(app.runtime.waiting.pending()).toEqual([]);
    } else expectHeld(gh, app, COULD_NOT_RECORD);
  });

  it.each(
    counter.add([
      {
        name: "deployment review network error (all retries) → held: 'could not record its decision'",
        status: "network" as const,
      },
    ]),
  )("$name", async ({ status }) => {
    const { gh, app } = await request({ endpoint: "deployment review", status });
    expect(gh.faultHits()).toBeGreaterThan(0);
    expectHeld(gh, app, COULD_NOT_RECORD);
  });

  it.each(
    counter.add(
      STATUSES.map((status) => ({
        name: `ledger 500 and the status report ${status} → held silently, retried later`,
        status,
      })),
    ),
  )("$name", async ({ status }) => {
    const { gh, app } = await request([
      { endpoint: "repo freeze ledger", status: 500 },
      { endpoint: "deployment status report", status },
    ]);
    expect(gh.faultHits()).toBeGreaterThan(0);
    expectNotApproved(gh);
    expect(gh.acceptedReviews()).toEqual([]);
    expect(gh.acceptedReports()).toEqual([]);
    // Still held for a retry in a few minutes.
    expect(app.runtime.waiting.pending()).toHaveLength(1);
  });

  it.each(
    counter.add([
      { name: "policy evaluation throws → held: 'could not read what it needs'", at: "evaluateChange" },
      { name: "deploy decision throws → held: 'could not read what it needs'", at: "decideDeployment" },
      { name: "template parsing throws → held: 'could not read what it needs'", at: "readTemplates" },
      {
        name: "description-skip rules throw → held: 'could not read what it needs'",
        at: "descriptionSkipReason",
      },
    ]),
  )("$name", async ({ at }) => {
    boom.at = at;
    const { gh, app } = await request();
    expectHeld(gh, app, COULD_NOT_READ);
  });
});

describe("App deployment sweep (rebuild from GitHub after a restart)", () => {
  function octokit(): GitHub {
    return new ProbotOctokit({
      auth: { token: "ghs_test" },
      retry: { enabled: false },
      throttle: { enabled: false },
    }) as unknown as GitHub;
  }

  it("baseline: a waiting deployment found by the sweep is approved", async () => {
    const gh = fakeGitHub({});
    const app = await createApp();
    const result = await app.runtime.waiting.rebuild(octokit(), { owner: OWNER, repo: REPO });
    expect(result.outcomes.approved).toBe(1);
    expect(gh.acceptedReviews().map((c) => c.body.state)).toEqual(["approved"]);
  });

  it.each(
    counter.add(
      [
        "waiting runs list",
        "pending deployments",
        "config read",
        "repo freeze ledger",
        "PRs of the deployed commit",
      ]
        .flatMap((endpoint) => STATUSES.map((status) => ({ endpoint, status })))
        .filter(({ endpoint, status }) => !(endpoint === "config read" && status === 404))
        .map((r) => ({ ...r, name: `sweep: ${r.endpoint} ${r.status} → nothing approved` })),
    ),
  )("$name", async ({ endpoint, status }) => {
    const gh = fakeGitHub({}, { endpoint, status });
    const app = await createApp();
    await app.runtime.waiting.rebuild(octokit(), { owner: OWNER, repo: REPO }).catch(() => null);
    await app.runtime.waiting.idle();
    expect(gh.faultHits()).toBeGreaterThan(0);
    expectNotApproved(gh);
    expect(gh.acceptedReviews()).toEqual([]);
  });
});

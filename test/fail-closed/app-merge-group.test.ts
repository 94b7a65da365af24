// Fail-closed audit of the App's merge queue check: each GitHub call × status, and core steps throwing.
import nock from "nock";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createApp,
  example,
  type Fault,
  fakeGitHub,
  GROUP_SHA,
  PR,
  pathCounter,
  RATE_LIMITS,
  SHA,
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
vi.mock("../../src/core/render/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/render/index.js")>();
  return {
    ...m,
    gateTitle: (...a: Parameters<typeof m.gateTitle>) => {
      if (boom.at === "gateTitle") throw new Error("gateTitle exploded");
      return m.gateTitle(...a);
    },
  };
});

const counter = pathCounter("app-merge-group");
afterAll(counter.report);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  boom.at = null;
});

/** A merge group for PR #2 (the branch names it), or one whose branch names no PR. */
function group(named = true): Record<string, any> {
  const pr = example("pull_request", "opened");
  return {
    action: "checks_requested",
    merge_group: {
      head_sha: GROUP_SHA,
      head_ref: named
        ? `refs/heads/gh-readonly-queue/main/pr-${PR}-${SHA}`
        : "refs/heads/gh-readonly-queue/main/batch-1",
      base_sha: SHA,
      base_ref: "refs/heads/main",
      head_commit: { id: GROUP_SHA, tree_id: GROUP_SHA, message: "Merge", timestamp: "2026-11-24T09:59:00Z" },
    },
    repository: pr.repository,
    organization: pr.organization,
    installation: pr.installation ?? { id: 1 },
    sender: pr.sender,
  };
}

async function run(fault?: Fault, named = true) {
  const gh = fakeGitHub({}, fault);
  const app = await createApp();
  const error = await app.send("merge_group", group(named)).then(
    () => null,
    (e: unknown) => e,
  );
  return { gh, error, verdict: gh.verdict(GROUP_SHA) };
}

type Seen = "internal error" | "no check" | "pass (irrelevant)";
const STATUSES = [500, 401, 403, 404, 422] as const;
const IRRELEVANT: Record<string, Partial<Record<number, Seen>>> = {
  "config read": { 404: "pass (irrelevant)" },
  "template listing (root)": { 404: "pass (irrelevant)" },
  "template listing (.github)": { 404: "pass (irrelevant)" },
  "template read": { 404: "pass (irrelevant)" },
  "org freeze ledger": { 404: "pass (irrelevant)" },
  "check-run create": Object.fromEntries(STATUSES.map((s) => [s, "no check"])),
};

function rows(endpoints: string[], named: boolean) {
  return endpoints.flatMap((endpoint) =>
    STATUSES.map((status) => {
      const seen = IRRELEVANT[endpoint]?.[status] ?? "internal error";
      const shown =
        seen === "internal error"
          ? "failing check 'internal error'"
          : seen === "no check"
            ? "no check written (the queue waits)"
            : "passes (the error means 'not there')";
      return {
        name: `${named ? "" : "unnamed group: "}${endpoint} ${status} → ${shown}`,
        fault: { endpoint, status } as Fault,
        seen,
        named,
      };
    }),
  );
}

describe("App merge group check", () => {
  it.each([true, false])("baseline (branch names the PR: %s) passes", async (named) => {
    const { verdict, error, gh } = await run(undefined, named);
    expect(error).toBeNull();
    expect(verdict?.conclusion).toBe("success");
    expect(gh.calls.filter((c) => c.status === 404)).toEqual([]);
  });

  it.each(
    counter.add([
      ...rows(
        [
          "config read",
          "template listing (root)",
          "template listing (.github)",
          "template read",
          "repo freeze ledger",
          "org freeze ledger",
          "PR read",
          "PR files",
          "check-run lookup",
          "check-run create",
        ],
        true,
      ),
      ...rows(["repo freeze ledger", "org freeze ledger"], false),
      ...[true, false].flatMap((named) =>
        (Object.keys(RATE_LIMITS) as (keyof typeof RATE_LIMITS)[]).map((limit) => ({
          name: `${named ? "" : "unnamed group: "}org freeze ledger 403 (${limit}) → failing check 'internal error'`,
          fault: { endpoint: "org freeze ledger", status: 403, answer: RATE_LIMITS[limit] } as Fault,
          seen: "internal error" as Seen,
          named,
        })),
      ),
    ]),
  )("$name", async ({ fault, seen, named }) => {
    const { gh, error, verdict } = await run(fault, named);
    expect(gh.faultHits()).toBeGreaterThan(0);
    if (seen === "pass (irrelevant)") {
      expect(error).toBeNull();
      expect(verdict?.conclusion).toBe("success");
      return;
    }
    expect(error).not.toBeNull();
    expect(["success", "neutral"]).not.toContain(verdict?.conclusion);
    if (seen === "no check") expect(verdict).toBeNull();
    else {
      expect(verdict?.conclusion).toBe("failure");
      expect(verdict?.title).toBe("change-gate hit an internal error");
    }
  });

  it("a 401 is tried four times (auth-app's token replication waits, 1 s + 2 s + 3 s of fake time), then fails closed", async () => {
    const { gh, error, verdict } = await run({ endpoint: "repo freeze ledger", status: 401 });
    expect(gh.faultHits()).toBe(4);
    expect(error).not.toBeNull();
    expect(verdict?.conclusion).toBe("failure");
  });

  it.each(
    counter.add([
      { name: "policy evaluation throws → failing check 'internal error'", at: "evaluateChange" },
      { name: "title rendering throws → failing check 'internal error'", at: "gateTitle" },
    ]),
  )("$name", async ({ at }) => {
    boom.at = at;
    const { error, verdict } = await run();
    expect(error).not.toBeNull();
    expect(verdict?.conclusion).toBe("failure");
    expect(verdict?.summary).toContain(`${at} exploded`);
  });
});

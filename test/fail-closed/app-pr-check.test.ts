// Fail-closed audit of the App's PR check: every GitHub call it makes × 500/401/403/404/422 (and a network error),
// and every core step throwing. The verdict GitHub ends up showing on the head is never a pass, unless the error
// provably means "nothing there" (no config file = defaults, no org .github repo = no org freeze, …).
import nock from "nock";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PolicyCache } from "../../src/app/policy-cache.js";
import {
  createApp,
  type FakeGitHub,
  type Fault,
  fakeGitHub,
  openedPr,
  pathCounter,
  RATE_LIMITS,
  type Scenario,
  SHA,
} from "./app-fake.js";

const boom = vi.hoisted(() => ({ at: null as string | null }));
function explode(name: string): void {
  if (boom.at === name) throw new Error(`${name} exploded`);
}
// Mocked where they are defined, so every caller (the shared decideChange too) goes through the mock.
vi.mock("../../src/core/policy/evaluate-change.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/evaluate-change.js")>();
  return {
    ...m,
    evaluateChange: (...a: Parameters<typeof m.evaluateChange>) => {
      explode("evaluateChange");
      return m.evaluateChange(...a);
    },
  };
});
vi.mock("../../src/core/policy/skip.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/skip.js")>();
  return {
    ...m,
    descriptionSkipReason: (...a: Parameters<typeof m.descriptionSkipReason>) => {
      explode("descriptionSkipReason");
      return m.descriptionSkipReason(...a);
    },
  };
});
vi.mock("../../src/core/render/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/render/index.js")>();
  return {
    ...m,
    gateSummary: (...a: Parameters<typeof m.gateSummary>) => {
      explode("gateSummary");
      return m.gateSummary(...a);
    },
  };
});
vi.mock("../../src/core/description/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/description/index.js")>();
  return {
    ...m,
    readTemplates: (...a: Parameters<typeof m.readTemplates>) => {
      explode("readTemplates");
      return m.readTemplates(...a);
    },
  };
});
vi.mock("../../src/core/config/load.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/config/load.js")>();
  return {
    ...m,
    validateConfigValue: (...a: Parameters<typeof m.validateConfigValue>) => {
      explode("validateConfigValue");
      return m.validateConfigValue(...a);
    },
  };
});
vi.mock("../../src/core/risk/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/risk/index.js")>();
  return {
    ...m,
    riskLabels: (...a: Parameters<typeof m.riskLabels>) => {
      explode("riskLabels");
      return m.riskLabels(...a);
    },
  };
});

const counter = pathCounter("app-pr-check");
afterAll(counter.report);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  boom.at = null;
  vi.restoreAllMocks();
});

/** What a user sees on the PR afterwards. */
type Seen =
  /** A failing `change-gate` check titled "change-gate hit an internal error", naming the error. */
  | "internal error"
  /** A failing check with the ordinary verdict (the error meant "not there", and that blocks). */
  | "failing check"
  /** GitHub refused every write: no check at all (a required check then stays pending, which blocks). */
  | "no check"
  /** The error provably means "nothing there": passing is correct. */
  | "pass (irrelevant)";

async function pr(scenario: Scenario, fault?: Fault, labels?: string[]) {
  const gh = fakeGitHub(scenario, fault);
  const app = await createApp();
  const error = await app.send("pull_request", openedPr(labels)).then(
    () => null,
    (e: unknown) => e,
  );
  return { gh, error };
}

function expectSeen(gh: FakeGitHub, error: unknown, seen: Seen, fault?: Fault): void {
  if (fault) expect(gh.faultHits(), `${fault.endpoint} was never requested`).toBeGreaterThan(0);
  const verdict = gh.verdict(SHA);
  if (seen === "pass (irrelevant)") {
    expect(error).toBeNull();
    expect(verdict?.conclusion).toBe("success");
    return;
  }
  // Whatever happened, GitHub does not show a pass, and the delivery failed so GitHub can redeliver it —
  // except when the error meant "not there" and the ordinary verdict (a failure) was written.
  expect(["success", "neutral"]).not.toContain(verdict?.conclusion);
  if (seen === "no check") {
    expect(verdict).toBeNull();
    expect(error).not.toBeNull();
    return;
  }
  expect(verdict?.conclusion).toBe("failure");
  if (seen === "internal error") {
    expect(error).not.toBeNull();
    expect(verdict?.title).toBe("change-gate hit an internal error");
    expect(verdict?.summary).toMatch(/^change-gate hit an internal error: /);
  } else {
    expect(verdict?.title).not.toBe("change-gate hit an internal error");
  }
}

const STATUSES = [500, 401, 403, 404, 422] as const;

/** Where a status does not mean "internal error", what it means instead. */
const IRRELEVANT: Record<string, Partial<Record<number | "network", Seen>>> = {
  // No config file: the documented defaults apply.
  "config read": { 404: "pass (irrelevant)" },
  // No root tree / no .github folder / no template file: no template to compare with.
  "template listing (root)": { 404: "pass (irrelevant)" },
  "template listing (.github)": { 404: "pass (irrelevant)" },
  "template read": { 404: "pass (irrelevant)" },
  // No org .github repository, or not one this installation can see: no org-wide freeze. (A 403 proves neither.)
  "org freeze ledger": { 404: "pass (irrelevant)" },
  // Someone removed the stale label meanwhile: the goal is reached.
  "stale risk label removal": { 404: "pass (irrelevant)" },
  // Every write is refused, the internal-error write included.
  "check-run create": Object.fromEntries([...STATUSES, "network"].map((s) => [s, "no check"])),
  "installation token": Object.fromEntries([...STATUSES, "network"].map((s) => [s, "no check"])),
};

const ENDPOINTS = [
  "installation token",
  "config read",
  "template listing (root)",
  "template listing (.github)",
  "template read",
  "PR files",
  "repo freeze ledger",
  "org freeze ledger",
  "check-run lookup",
  "check-run create",
  "risk label add",
  "risk label style",
  "stale risk label removal",
];

function seenText(seen: Seen): string {
  return seen === "internal error"
    ? "failing check 'internal error'"
    : seen === "failing check"
      ? "failing check"
      : seen === "no check"
        ? "no check written (stays pending)"
        : "passes (the error means 'not there')";
}

type Row = { name: string; scenario: Scenario; fault: Fault; seen: Seen; labels?: string[] };

function rows(endpoints: string[], scenario: Scenario, labels?: string[], overrides = IRRELEVANT): Row[] {
  return endpoints.flatMap((endpoint) =>
    [...STATUSES, "network" as const].map((status) => {
      const seen = overrides[endpoint]?.[status] ?? "internal error";
      return {
        name: `${endpoint} ${status === "network" ? "network error" : status} → ${seenText(seen)}`,
        scenario,
        fault: { endpoint, status },
        seen,
        labels,
      };
    }),
  );
}

describe("App PR check: the baselines pass, so each failure below is the error's doing", () => {
  it.each([
    ["an open gate", {}, undefined],
    ["a freeze with a recorded /override", { ledger: "frozen", overrideComment: true }, undefined],
    [
      "a freeze with the emergency label by a maintainer",
      { ledger: "frozen", labeller: "maintainer" },
      ["emergency"],
    ],
    [
      "a freeze with the emergency label by a team member",
      { ledger: "frozen", labeller: "team-member" },
      ["emergency"],
    ],
    ["a config that extends the org's", { extendsBase: true }, undefined],
  ] as [string, Scenario, string[] | undefined][])("%s passes", async (_name, scenario, labels) => {
    const { gh, error } = await pr(scenario, undefined, labels && [...labels, "risk: high"]);
    expect(error).toBeNull();
    expect(gh.verdict()?.conclusion).toBe("success");
    expect(gh.calls.filter((c) => c.status === 404)).toEqual([]);
  });
});

describe("App PR check: a GitHub error never becomes a pass", () => {
  it.each(counter.add(rows(ENDPOINTS, {})))("$name", async ({ scenario, fault, seen }) => {
    const { gh, error } = await pr(scenario, fault);
    expectSeen(gh, error, seen, fault);
  });

  it.each(
    counter.add(
      rows(["override comments"], { ledger: "frozen", overrideComment: true }).map((r) => ({
        ...r,
        name: `during a freeze, ${r.name}`,
      })),
    ),
  )("$name", async ({ scenario, fault, seen }) => {
    const { gh, error } = await pr(scenario, fault);
    expectSeen(gh, error, seen, fault);
  });

  it.each(
    counter.add(
      rows(["override label history", "labeller permission"], { ledger: "frozen", labeller: "maintainer" }, [
        "emergency",
        "risk: high",
      ]).filter((r) => !(r.fault.endpoint === "labeller permission" && r.fault.status === 404)),
    ),
  )("during a freeze with the emergency label, $name", async ({ scenario, fault, seen, labels }) => {
    const { gh, error } = await pr(scenario, fault, labels);
    expectSeen(gh, error, seen, fault);
  });

  it.each(
    counter.add(
      rows(
        ["labeller team membership"],
        { ledger: "frozen", labeller: "team-member" },
        ["emergency", "risk: high"],
        {
          // 404 = not a member: the label approves nothing and the freeze blocks with the ordinary verdict.
          "labeller team membership": { 404: "failing check" },
        },
      ),
    ),
  )("during a freeze with the emergency label, $name", async ({ scenario, fault, seen, labels }) => {
    const { gh, error } = await pr(scenario, fault, labels);
    expectSeen(gh, error, seen, fault);
  });

  it(
    counter.add([
      "during a freeze with the emergency label, labeller permission 404 and team membership 404 → failing check",
    ])[0]!,
    async () => {
      // Not a collaborator and not in the team: the label approves nothing and the freeze blocks.
      const faults: Fault[] = [
        { endpoint: "labeller permission", status: 404 },
        { endpoint: "labeller team membership", status: 404 },
      ];
      const gh = fakeGitHub({ ledger: "frozen", labeller: "maintainer" }, faults);
      const app = await createApp();
      const error = await app.send("pull_request", openedPr(["emergency", "risk: high"])).then(
        () => null,
        (e: unknown) => e,
      );
      expectSeen(gh, error, "failing check");
      expect(gh.faultHits()).toBe(1);
      expect(error).toBeNull();
    },
  );

  it.each(
    counter
      .add(
        rows(["config base read"], { extendsBase: true }, undefined, {
          // The base named by `_extends` does not exist: a config error, shown as a failing check with the error.
          "config base read": { 404: "failing check" },
        }),
      )
      .map((r) => ({ ...r, name: `with _extends: .github, ${r.name}` })),
  )("$name", async ({ scenario, fault, seen }) => {
    const { gh, error } = await pr(scenario, fault);
    expectSeen(gh, error, seen, fault);
  });

  it.each(
    counter.add(
      (["config read", "repo freeze ledger", "PR files", "risk label add"] as const).map((endpoint) => ({
        name: `${endpoint} 500 with a pass already on the head → the pass is replaced by a failing 'internal error' check`,
        fault: { endpoint, status: 500 } as Fault,
      })),
    ),
  )("$name", async ({ fault }) => {
    const { gh, error } = await pr({ existingPass: true }, fault);
    expectSeen(gh, error, "internal error", fault);
    expect(gh.runs).toHaveLength(1);
  });

  it.each(
    counter.add(
      (Object.keys(RATE_LIMITS) as (keyof typeof RATE_LIMITS)[]).map((limit) => ({
        name: `org freeze ledger 403 (${limit}) → failing check 'internal error' naming the rate limit`,
        fault: { endpoint: "org freeze ledger", status: 403, answer: RATE_LIMITS[limit] } as Fault,
        limit,
      })),
    ),
  )("$name", async ({ fault, limit }) => {
    const { gh, error } = await pr({}, fault);
    expectSeen(gh, error, "internal error", fault);
    expect(gh.verdict()?.summary).toContain(
      `GitHub's ${limit === "primary rate limit" ? "rate limit" : limit} refused reading the org-wide freeze ledger (Codertocat/.github)`,
    );
  });

  it.each(
    counter.add(
      ([...STATUSES, "network"] as const).map((status) => ({
        name: `after a restart during a freeze, check-run lookup ${status === "network" ? "network error" : status} on every try → a new failing 'internal error' run replaces the old pass`,
        status,
      })),
    ),
  )("$name", async ({ status }) => {
    // The journal is empty after a restart, so the head's run must be read; when that read fails, the pass written
    // before the freeze must not stand.
    const fault: Fault = { endpoint: "check-run lookup", status };
    const { gh, error } = await pr({ existingPass: true, ledger: "frozen" }, fault);
    expectSeen(gh, error, "internal error", fault);
    expect(gh.runs.map((r) => r.conclusion)).toEqual(["success", "failure"]);
    expect(gh.calls.filter((c) => c.method === "PATCH")).toEqual([]);
  });

  it.each(
    counter.add([
      {
        name: "check-run lookup 500 once → failing check 'internal error' on the retry-free second write",
        endpoint: "check-run lookup",
      },
      { name: "check-run create 500 once → failing check 'internal error'", endpoint: "check-run create" },
    ]),
  )("$name", async ({ endpoint }) => {
    const fault: Fault = { endpoint, status: 500, times: 1 };
    const { gh, error } = await pr({}, fault);
    expectSeen(gh, error, "internal error", fault);
  });
});

describe("App PR check: a core step that throws never becomes a pass", () => {
  it.each(
    counter.add([
      { name: "config validation throws → failing check 'internal error'", at: "validateConfigValue" },
      { name: "template parsing throws → failing check 'internal error'", at: "readTemplates" },
      { name: "description-skip rules throw → failing check 'internal error'", at: "descriptionSkipReason" },
      { name: "policy evaluation throws → failing check 'internal error'", at: "evaluateChange" },
      { name: "summary rendering throws → failing check 'internal error'", at: "gateSummary" },
      { name: "risk label mapping throws → failing check 'internal error'", at: "riskLabels" },
    ]),
  )("$name", async ({ at }) => {
    boom.at = at;
    const { gh, error } = await pr({});
    expectSeen(gh, error, "internal error");
    expect(gh.verdict()?.summary).toContain(`${at} exploded`);
  });

  it(counter.add(["policy cache throws → failing check 'internal error'"])[0]!, async () => {
    vi.spyOn(PolicyCache.prototype, "get").mockRejectedValue(new Error("policy cache exploded"));
    const { gh, error } = await pr({});
    expectSeen(gh, error, "internal error");
    expect(gh.verdict()?.summary).toContain("policy cache exploded");
  });
});

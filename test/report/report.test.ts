import { describe, expect, it } from "vitest";
import { runReport, SHA_51 } from "./report-fixture.js";

describe("change-gate report", () => {
  it("counts merged PRs and deployments per week, plan shares, risk, deploys outside the schedule, overrides and freeze days", async () => {
    const res = await runReport(["--format", "json"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.totals).toEqual({
      mergedPulls: 2,
      deployments: 3,
      withRollback: 1,
      withBlastRadius: 2,
      rollbackShare: 0.5,
      blastRadiusShare: 1,
      risk: { low: 1, medium: 0, high: 1, unknown: 0 },
      outsideSchedule: 2,
      overrides: 1,
      freezeDays: 1,
      // #50 merged inside the window; #51 on Saturday 12:00 waited until Monday 09:00 (45 h).
      windowWait: { waited: 1, medianMinutes: 0, p90Minutes: 2700, maxMinutes: 2700 },
    });
    expect(out.weeks).toEqual([
      {
        week: "2026-11-09",
        mergedPulls: 0,
        deployments: 1,
        withRollback: 0,
        withBlastRadius: 0,
        risk: { low: 0, medium: 0, high: 0, unknown: 0 },
        outsideSchedule: 1,
        freezeDays: 1,
      },
      {
        week: "2026-11-16",
        mergedPulls: 2,
        deployments: 2,
        withRollback: 1,
        withBlastRadius: 2,
        risk: { low: 1, medium: 0, high: 1, unknown: 0 },
        outsideSchedule: 1,
        freezeDays: 0,
      },
      {
        week: "2026-11-23",
        mergedPulls: 0,
        deployments: 0,
        withRollback: 0,
        withBlastRadius: 0,
        risk: { low: 0, medium: 0, high: 0, unknown: 0 },
        outsideSchedule: 0,
        freezeDays: 0,
      },
    ]);
    expect(out.outsideSchedule).toEqual([
      {
        id: 702,
        sha: SHA_51,
        environment: "production",
        createdAt: "2026-11-21T12:30:00Z",
        creator: "github-actions[bot]",
        reason: "outside-window",
        rule: null,
        override: { by: ["release-lead"], reason: "payments failing, Black Friday" },
      },
      {
        id: 700,
        sha: "7000000000000000000000000000000000000000",
        environment: "staging",
        createdAt: "2026-11-12T10:00:00Z",
        creator: "github-actions[bot]",
        reason: "freeze",
        rule: "/freeze #9",
        override: null,
      },
    ]);
    expect(out.overrides).toEqual([
      { pr: 51, by: "release-lead", reason: "payments failing, Black Friday", at: "2026-11-21T12:10:00Z" },
    ]);
    expect(out.freezeDays).toEqual(["2026-11-12"]);
    expect(
      out.pulls.map((p: { number: number; waitedMinutes: number }) => [p.number, p.waitedMinutes]),
    ).toEqual([
      [51, 2700],
      [50, 0],
    ]);
  });

  it("makes one request per listing page and no per-PR or per-deployment request, and says how many", async () => {
    const res = await runReport(["--format", "json"]);
    const out = JSON.parse(res.stdout);
    const paths = res.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.filter((p) => p === "GET /repos/acme/shop/pulls")).toHaveLength(1);
    expect(paths.filter((p) => p === "GET /repos/acme/shop/deployments")).toHaveLength(1);
    expect(paths.filter((p) => p === "GET /repos/acme/shop/issues/comments")).toHaveLength(1);
    expect(paths.filter((p) => p === "GET /repos/acme/shop/issues")).toHaveLength(1);
    expect(paths.some((p) => /\/pulls\/\d+|\/deployments\/\d+|\/issues\/\d+|\/commits\//.test(p))).toBe(
      false,
    );
    expect(out.requests.total).toBe(res.requests.length);
    expect(out.requests.byListing).toMatchObject({ pulls: 1, deployments: 1, comments: 1, ledger: 1 });
    const comments = res.requests.find((r) => r.path === "/repos/acme/shop/issues/comments");
    expect(comments?.query.since).toBe("2026-11-10T10:00:00.000Z");
    const ledger = res.requests.find((r) => r.path === "/repos/acme/shop/issues");
    expect(ledger?.query).toMatchObject({ labels: "change-freeze", state: "all" });
  });

  it("prints Markdown with the headline, the weeks and the overrides, user text escaped", async () => {
    const res = await runReport([]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("# Change report: acme/shop");
    expect(res.stdout).toContain("| With a rollback plan | 1 (50%) |");
    expect(res.stdout).toContain("| Wait for a window after merge (median / p90 / max) | 0m / 45h / 45h |");
    expect(res.stdout).toContain("| 2026-11-16 | 2 | 2 | 1 | 2 | 1/0/1 | 1 | 0 |");
    expect(res.stdout).toContain("| #51 | @\u200Brelease-lead | payments failing, Black Friday |");
    expect(res.stdout).toMatch(
      /_\d+ requests to GitHub \(config \d+, pulls 1, deployments 1, comments 1, ledger 1\)\._/,
    );
  });

  it("refuses a period longer than 366 days before calling GitHub", async () => {
    const res = await runReport(["--since", "400d"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("at most 366 days");
    expect(res.requests).toHaveLength(0);
  });
});

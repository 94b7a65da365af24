import { describe, expect, it } from "vitest";
import { type ConfigInput, configSchema } from "../../src/core/config/schema.js";
import {
  DEPLOY_COMMENT_LIMIT,
  decideDeployment,
  rejectForConfig,
} from "../../src/core/policy/deploy-decision.js";
import { evaluateChange, type Override } from "../../src/core/policy/index.js";
import type { LedgerFreeze } from "../../src/core/schedule/index.js";
import { GOOD_BODY, IN_WINDOW, NO_ROLLBACK_BODY, SATURDAY } from "./helpers.js";

const BASE: ConfigInput = {
  timezone: "Europe/Berlin",
  description: { template: "none" },
  windows: [{ days: "Tue-Thu", start: "09:00", end: "16:00" }],
  environments: { production: { require: ["rollback", "blast_radius"] }, hotfix: { hold: false } },
};

function decide(
  at: Date,
  opts: {
    environment?: string;
    body?: string | null;
    ledger?: LedgerFreeze[];
    override?: Override | null;
    config?: ConfigInput;
  } = {},
) {
  const config = configSchema.parse(opts.config ?? BASE);
  const environment = opts.environment ?? "production";
  const body = opts.body === undefined ? GOOD_BODY : opts.body;
  const report = evaluateChange({
    config,
    at,
    body,
    environment,
    ledger: opts.ledger ?? [],
    override: opts.override ?? null,
  });
  return decideDeployment({
    report,
    environmentRule: config.environments[environment],
    pullRequest: body === null ? null : 42,
    sha: "8a3f2c1d9e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
    now: at,
  });
}

describe("decideDeployment", () => {
  it("approves inside a window and says when it closes", () => {
    expect(decide(IN_WINDOW)).toEqual({
      action: "approve",
      comment:
        "Clear to deploy to `production`: open (window Tue-Thu 09:00-16:00) — closes Tue 24 Nov 16:00 CET (in 6h).\n\n**Rollback plan** (PR #42): Revert the merge commit and redeploy v1.4.2 with make deploy VERSION=1.4.2.",
      approveAt: null,
      state: "approve",
    });
  });

  it("quotes the PR's rollback plan in the approval, escaped and cut to an excerpt", () => {
    const long = `Ping @oncall-team, revert if p99 < 300ms | ${"step ".repeat(100)}`;
    const { comment } = decide(IN_WINDOW, {
      body: `## Rollback plan\n${long}\n\n## Blast radius\nOnly checkout.\n`,
    });
    const note = comment.split("\n\n")[1]!;
    expect(note).toMatch(
      /^\*\*Rollback plan\*\* \(PR #42\): Ping @\u200Boncall-team, revert if p99 &lt; 300ms \\\| step step/,
    );
    expect(note.length).toBeLessThan(260);
    expect(comment.length).toBeLessThanOrEqual(DEPLOY_COMMENT_LIMIT);
  });

  it("an approval without a rollback plan (environment does not require one) quotes nothing", () => {
    const config = { ...BASE, description: { template: "none" as const, rollback: { required: false } } };
    const { action, comment } = decide(IN_WINDOW, { environment: "staging", body: NO_ROLLBACK_BODY, config });
    expect(action).toBe("approve");
    expect(comment).not.toContain("Rollback plan");
  });

  it("waits for the window, saying when it opens, and approves at that instant", () => {
    expect(decide(SATURDAY)).toEqual({
      action: "wait",
      comment:
        "Waiting for window: opens Tue 1 Dec 09:00 CET (in 2d 13h). change-gate approves this deployment then.",
      approveAt: "2026-12-01T08:00:00.000Z",
      state: "wait:outside-window::2026-12-01T08:00:00.000Z",
    });
  });

  it("waits out a timed freeze and names it", () => {
    const ledger = [
      {
        name: "Freeze #7",
        reason: "payments incident",
        by: "alice",
        from: "2026-11-24T00:00:00Z",
        until: "2026-11-26T12:00:00Z",
      },
    ];
    const d = decide(IN_WINDOW, { ledger });
    expect(d.action).toBe("wait");
    expect(d.comment).toBe(
      "Waiting for freeze **Freeze #7** (payments incident), declared by @\u200Balice to end: opens Thu 26 Nov 13:00 CET (in 2d 3h). change-gate approves this deployment then.",
    );
    expect(d.approveAt).toBe("2026-11-26T12:00:00.000Z");
  });

  it("keeps waiting on a freeze with no end, with no timer, because it may be lifted", () => {
    const d = decide(IN_WINDOW, {
      ledger: [{ name: "Freeze #9", from: "2026-11-24T00:00:00Z", until: null }],
    });
    expect(d).toMatchObject({ action: "wait", approveAt: null });
    expect(d.comment).toMatch(/it has no end date, so it may be lifted at any time \(\/unfreeze\)/);
  });

  it("warns that GitHub fails the job when the gate opens more than 30 days away", () => {
    const ledger = [{ name: "Peak", from: "2026-11-20T00:00:00Z", until: "2027-01-05T08:00:00Z" }];
    const d = decide(IN_WINDOW, { ledger });
    expect(d.action).toBe("wait");
    expect(d.comment).toMatch(
      /\(in 41d 23h\)\. change-gate approves this deployment then\. GitHub fails a job that waits more than 30 days/,
    );
  });

  it("rejects when the gate never opens within a year", () => {
    const d = decide(IN_WINDOW, {
      config: { ...BASE, freezes: [{ name: "Forever", cron: "0 0 * * *", duration: "1d" }] },
    });
    expect(d).toMatchObject({ action: "reject", approveAt: null });
    expect(d.comment).toMatch(
      /^Rejected: closed by freeze Forever — never opens within a year — waiting cannot help/,
    );
  });

  it("rejects a closed gate at once when the environment does not hold", () => {
    const d = decide(SATURDAY, { environment: "hotfix" });
    expect(d.action).toBe("reject");
    expect(d.comment).toContain("Holding is off for `hotfix` (environments.hotfix.hold: false)");
  });

  it("rejects a missing rollback plan for production even inside the window", () => {
    const d = decide(IN_WINDOW, { body: NO_ROLLBACK_BODY });
    expect(d.action).toBe("reject");
    expect(d.comment).toMatch(
      /^Rejected: the deploy to `production` needs a complete change description\. PR #42 — Rollback plan: No rollback plan found/,
    );
  });

  it("rejects a production deploy without a PR, but lets other environments through", () => {
    expect(decide(IN_WINDOW, { body: null }).comment).toContain(
      "no pull request found for commit 8a3f2c1, and `production` requires a rollback plan and a blast radius (environments.production.require)",
    );
    expect(decide(IN_WINDOW, { body: null, environment: "staging" }).action).toBe("approve");
  });

  it("approves a closed gate under an override and says who overrode it", () => {
    const d = decide(SATURDAY, { override: { by: ["alice"], reason: "hotfix for INC-7" } });
    expect(d.action).toBe("approve");
    expect(d.comment).toContain("overridden by @\u200Balice: hotfix for INC-7");
  });

  it("keeps every comment within GitHub's 1024 characters", () => {
    const reason = "x".repeat(3000);
    const d = decide(IN_WINDOW, {
      ledger: [{ name: "Long", reason, from: "2026-11-24T00:00:00Z", until: "2026-11-25T00:00:00Z" }],
    });
    expect(d.comment.length).toBeLessThanOrEqual(DEPLOY_COMMENT_LIMIT);
    expect(
      rejectForConfig(Array.from({ length: 50 }, () => "y".repeat(500))).comment.length,
    ).toBeLessThanOrEqual(DEPLOY_COMMENT_LIMIT);
  });

  it("rejects when the config is invalid, listing the errors", () => {
    const d = rejectForConfig([".github/change-gate.yml:3:5: windows[0].start: bad time"]);
    expect(d).toMatchObject({ action: "reject", state: "reject:config" });
    expect(d.comment).toContain("- .github/change-gate.yml:3:5: windows[0].start: bad time");
  });
});

describe("an environment the config does not name", () => {
  it("is decided by the top-level rules and the deployment comment warns, naming the configured ones", () => {
    const d = decide(IN_WINDOW, { environment: "prodution" });
    expect(d.action).toBe("approve");
    expect(d.comment).toContain(
      'Warning: environment "prodution" is not configured, so the top-level rules apply; configured environments: "production", "hotfix"',
    );
  });

  it("a configured environment gets no warning", () => {
    expect(decide(IN_WINDOW).comment).not.toContain("Warning");
  });
});

import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../src/core/config/schema.js";
import { decideDeployment } from "../../src/core/policy/deploy-decision.js";
import { evaluateChange } from "../../src/core/policy/index.js";
import {
  evaluateSchedule,
  renderCalendar,
  renderExplain,
  type ScheduleResult,
} from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

/**
 * Bake time (issue 18.1), in the style of evaluate-table.test.ts: every expected instant worked out by hand. A deploy
 * may start at t only if the schedule stays open over [t, t + bake]; starts are allowed in [open, close − bake).
 * Mon 5 Jan 2026 … Fri 9 Jan 2026 are weekdays; Berlin is UTC+1 in January and UTC+2 from 29 Mar 2026.
 */
interface Case {
  name: string;
  timezone: string;
  rules: Omit<ConfigInput, "timezone">;
  at: string;
  env?: string;
  expect: Partial<ScheduleResult>;
}

const open = (rule: string | null, closesAt: string | null, reason: "window" | "always" = "window") => ({
  open: true,
  reason,
  rule,
  closesAt,
});
const baking = (rule: string | null, nextOpen: string | null) => ({
  open: false,
  reason: "bake" as const,
  rule,
  nextOpen,
  closesAt: null,
});
const outside = (nextOpen: string | null) => ({
  open: false,
  reason: "outside-window" as const,
  rule: null,
  nextOpen,
  closesAt: null,
});
const frozen = (rule: string, nextOpen: string | null) => ({
  open: false,
  reason: "freeze" as const,
  rule,
  nextOpen,
  closesAt: null,
});

const W = "Mon-Fri 09:00-17:00";
const weekdays = { windows: [{ days: "Mon-Fri", start: "09:00", end: "17:00" }], bake: "3h" };
const freeze = (from: string, to: string) => ({ ...weekdays, freezes: [{ name: "Incident", from, to }] });

const cases: Case[] = [
  // --- the example: Mon–Fri 09:00–17:00 with bake 3h allows starts in [09:00, 14:00)
  {
    name: "at the window's start",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T09:00:00.000Z",
    expect: open(W, "2026-01-05T14:00:00.000Z"),
  },
  {
    name: "one minute before the last start",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T13:59:00.000Z",
    expect: open(W, "2026-01-05T14:00:00.000Z"),
  },
  {
    name: "exactly at the last start (end-exclusive)",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T14:00:00.000Z",
    expect: baking(W, "2026-01-06T09:00:00.000Z"),
  },
  {
    name: "inside the window, bake does not fit",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T16:59:00.000Z",
    expect: baking(W, "2026-01-06T09:00:00.000Z"),
  },
  {
    name: "after the window: outside-window, next full bake tomorrow",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T17:00:00.000Z",
    expect: outside("2026-01-06T09:00:00.000Z"),
  },
  {
    name: "Friday afternoon waits for Monday",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-09T14:30:00.000Z",
    expect: baking(W, "2026-01-12T09:00:00.000Z"),
  },
  // --- a freeze inside the window: nextOpen is the next instant a full bake fits
  {
    name: "freeze at 11:00 cuts the bake short",
    timezone: "UTC",
    rules: freeze("2026-01-05T11:00", "2026-01-05T13:00"),
    at: "2026-01-05T10:00:00.000Z",
    expect: baking(W, "2026-01-05T13:00:00.000Z"),
  },
  {
    name: "before the window, its first hours too short: opens after the freeze (4 h remain)",
    timezone: "UTC",
    rules: freeze("2026-01-05T11:00", "2026-01-05T13:00"),
    at: "2026-01-05T08:00:00.000Z",
    expect: outside("2026-01-05T13:00:00.000Z"),
  },
  {
    name: "during the freeze: opens when it ends and 4 h remain",
    timezone: "UTC",
    rules: freeze("2026-01-05T11:00", "2026-01-05T13:00"),
    at: "2026-01-05T11:30:00.000Z",
    expect: frozen("Incident", "2026-01-05T13:00:00.000Z"),
  },
  {
    name: "freeze until 15:00 leaves 2 h: next day",
    timezone: "UTC",
    rules: freeze("2026-01-05T11:00", "2026-01-05T15:00"),
    at: "2026-01-05T10:00:00.000Z",
    expect: baking(W, "2026-01-06T09:00:00.000Z"),
  },
  {
    name: "a freeze starting tomorrow does not touch today's bake",
    timezone: "UTC",
    rules: freeze("2026-01-06", "2026-01-06"),
    at: "2026-01-05T12:00:00.000Z",
    expect: open(W, "2026-01-05T14:00:00.000Z"),
  },
  // --- per environment
  {
    name: "environment bake replaces the top-level one",
    timezone: "UTC",
    rules: { ...weekdays, environments: { production: { bake: "1h" } } },
    env: "production",
    at: "2026-01-05T15:30:00.000Z",
    expect: open(W, "2026-01-05T16:00:00.000Z"),
  },
  {
    name: "environment without its own bake inherits it",
    timezone: "UTC",
    rules: { ...weekdays, environments: { production: { bake: "1h" } } },
    env: "staging",
    at: "2026-01-05T15:30:00.000Z",
    expect: baking(W, "2026-01-06T09:00:00.000Z"),
  },
  {
    name: "environment bake 0m turns it off",
    timezone: "UTC",
    rules: { ...weekdays, environments: { hotfix: { bake: "0m" } } },
    env: "hotfix",
    at: "2026-01-05T16:30:00.000Z",
    expect: open(W, "2026-01-05T17:00:00.000Z"),
  },
  {
    name: "bake only in one environment",
    timezone: "UTC",
    rules: { windows: weekdays.windows, environments: { production: { bake: "2h" } } },
    env: "production",
    at: "2026-01-05T15:00:00.000Z",
    expect: baking(W, "2026-01-06T09:00:00.000Z"),
  },
  // --- no windows, touching windows, midnight, another zone
  {
    name: "no windows and no freezes: always open",
    timezone: "UTC",
    rules: { bake: "3h" },
    at: "2026-01-05T22:00:00.000Z",
    expect: open(null, null, "always"),
  },
  {
    name: "no windows: the bake must end before a freeze",
    timezone: "UTC",
    rules: { bake: "3h", freezes: [{ name: "Tuesday", from: "2026-01-06", to: "2026-01-06" }] },
    at: "2026-01-05T20:00:00.000Z",
    expect: open(null, "2026-01-05T21:00:00.000Z", "always"),
  },
  {
    name: "no windows: too close to a freeze, opens when it ends",
    timezone: "UTC",
    rules: { bake: "3h", freezes: [{ name: "Tuesday", from: "2026-01-06", to: "2026-01-06" }] },
    at: "2026-01-05T22:00:00.000Z",
    expect: baking(null, "2026-01-07T00:00:00.000Z"),
  },
  {
    name: "touching windows count as one stretch",
    timezone: "UTC",
    rules: {
      bake: "3h",
      windows: [
        { days: "Mon-Fri", start: "09:00", end: "13:00" },
        { days: "Mon-Fri", start: "13:00", end: "17:00" },
      ],
    },
    at: "2026-01-05T12:30:00.000Z",
    expect: open("Mon-Fri 09:00-13:00", "2026-01-05T14:00:00.000Z"),
  },
  {
    name: "window across midnight (Fri 22:00–02:00), bake 3h",
    timezone: "UTC",
    rules: { bake: "3h", windows: [{ days: "Fri", start: "22:00", end: "02:00" }] },
    at: "2026-01-09T22:00:00.000Z",
    expect: open("Fri 22:00-02:00", "2026-01-09T23:00:00.000Z"),
  },
  {
    name: "window across midnight, too late to start",
    timezone: "UTC",
    rules: { bake: "3h", windows: [{ days: "Fri", start: "22:00", end: "02:00" }] },
    at: "2026-01-09T23:00:00.000Z",
    expect: baking("Fri 22:00-02:00", "2026-01-16T22:00:00.000Z"),
  },
  {
    name: "Berlin summer time: last start 14:00 CEST = 12:00Z",
    timezone: "Europe/Berlin",
    rules: weekdays,
    at: "2026-03-30T11:59:00.000Z",
    expect: open(W, "2026-03-30T12:00:00.000Z"),
  },
  {
    name: "Berlin winter time: last start 14:00 CET = 13:00Z",
    timezone: "Europe/Berlin",
    rules: weekdays,
    at: "2026-01-05T13:00:00.000Z",
    expect: baking(W, "2026-01-06T08:00:00.000Z"),
  },
  {
    name: "a bake longer than any window never fits",
    timezone: "UTC",
    rules: { ...weekdays, bake: "9h" },
    at: "2026-01-05T09:00:00.000Z",
    expect: baking(W, null),
  },
];

describe("evaluateSchedule with bake", () => {
  it.each(cases)("$timezone: $name", (c) => {
    const cfg = config({ timezone: c.timezone, ...c.rules } as ConfigInput);
    const result = evaluateSchedule({ config: cfg, environment: c.env }, new Date(c.at));
    expect(result).toMatchObject({ ...c.expect, timezone: c.timezone });
    if (result.open) expect(result.nextOpen).toBe(c.at);
    else expect(result.closesAt).toBeNull();
  });

  it("says which bake applied", () => {
    const r = evaluateSchedule(
      { config: config(weekdays), environment: null },
      new Date("2026-01-05T10:00:00Z"),
    );
    expect(r.bake).toBe("3h");
    expect(
      evaluateSchedule({ config: config({ windows: weekdays.windows }) }, new Date("2026-01-05T10:00:00Z"))
        .bake,
    ).toBeUndefined();
  });
});

describe("bake binds merges only with merge.enforce_windows", () => {
  const at = new Date("2026-01-05T15:00:00Z"); // inside the window, bake no longer fits
  const body = "## Rollback plan\nRevert and redeploy.\n\n## Blast radius\nCheckout only.\n";
  const check = (merge: ConfigInput["merge"]) =>
    evaluateChange({
      config: config({ ...weekdays, description: { template: "none" }, merge }),
      at,
      body,
      environment: null,
    });

  it("without enforce_windows the merge passes while the deploy gate is closed for bake", () => {
    const report = check({ enforce_windows: false });
    expect(report.gates.merge.conclusion).toBe("success");
    expect(report.gates.deploy.conclusion).toBe("failure");
    expect(report.schedule).toMatchObject({
      open: false,
      reason: "bake",
      nextOpen: "2026-01-06T09:00:00.000Z",
    });
  });

  it("with enforce_windows the merge is held for bake too", () => {
    const report = check({ enforce_windows: true });
    expect(report.gates.merge.conclusion).toBe("failure");
    expect(report.gates.merge.summary).toContain(
      "closed for bake time: a deploy now would not have 3h of open schedule after it — opens Tue 6 Jan 09:00 UTC",
    );
  });

  it("the deploy gate of an environment uses its own bake", () => {
    const cfg = config({
      ...weekdays,
      description: { template: "none" },
      environments: { production: { bake: "1h" } },
    });
    const report = evaluateChange({ config: cfg, at, body, environment: "production" });
    expect(report.gates.deploy.conclusion).toBe("success");
    expect(report.schedule.closesAt).toBe("2026-01-05T16:00:00.000Z");
  });
});

describe("explain, calendar and the deploy gate show the bake", () => {
  const berlin = config({
    timezone: "Europe/Berlin",
    windows: [{ days: "Mon-Fri", start: "09:00", end: "17:00" }],
    freezes: [{ name: "Incident", from: "2026-01-05T11:00", to: "2026-01-05T13:00" }],
    bake: "3h",
  });
  const at = new Date("2026-01-05T09:00:00Z"); // Mon 10:00 CET

  it("explain prints the last start of each open period, or that none fits", () => {
    const text = renderExplain({ config: berlin }, at, 2);
    expect(text).toContain(
      "State: closed for bake time: a deploy now would not have 3h of open schedule after it — opens Mon 5 Jan 13:00 CET (in 3h)",
    );
    expect(text).toContain("Bake time 3h: a deploy may start only if the schedule stays open 3h after it.");
    expect(text).toMatch(/09:00–11:00 CET +open .*no start fits the bake {2}◀ now/);
    expect(text).toMatch(/13:00–17:00 CET +open .*UTC 12:00–16:00 {2}last start 14:00 CET\n/);
  });

  it("calendar puts the last start in each window event", () => {
    const ics = renderCalendar({ config: berlin }, at, 3).replace(/\r\n /g, "");
    expect(ics).toContain("No deploy start fits the 3h bake in this window.");
    expect(ics).toContain("Last deploy start: 14:00 Europe/Berlin (bake 3h");
  });

  it("the deploy gate holds until a whole bake fits, and says so", () => {
    const report = evaluateChange({ config: berlin, at, body: null, environment: "production" });
    const d = decideDeployment({ report, now: at });
    expect(d).toMatchObject({ action: "wait", approveAt: "2026-01-05T12:00:00.000Z" });
    expect(d.comment).toBe(
      "Waiting for a start with 3h of open schedule after it (bake): opens Mon 5 Jan 13:00 CET (in 3h). change-gate approves this deployment then.",
    );
  });
});

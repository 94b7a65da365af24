import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/load.js";
import { cronFires } from "../../src/core/schedule/cron-fires.js";
import {
  describeSchedule,
  evaluateSchedule,
  formatIn,
  formatWhen,
  holidayConfigError,
  type ScheduleResult,
} from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

describe("formatWhen", () => {
  it.each([
    ["2026-01-05T08:00:00Z", "Europe/Berlin", "Mon 5 Jan 09:00 CET"],
    ["2026-07-05T08:00:00Z", "Europe/Berlin", "Sun 5 Jul 10:00 CEST"],
    ["2026-07-05T08:00:00Z", "Europe/London", "Sun 5 Jul 09:00 BST"],
    ["2026-01-05T08:00:00Z", "Europe/London", "Mon 5 Jan 08:00 GMT"],
    ["2026-07-05T08:00:00Z", "America/Los_Angeles", "Sun 5 Jul 01:00 PDT"],
    ["2026-01-05T14:00:00Z", "America/New_York", "Mon 5 Jan 09:00 EST"],
    ["2026-07-05T08:00:00Z", "UTC", "Sun 5 Jul 08:00 UTC"],
    ["2026-07-05T08:00:00Z", "Asia/Kathmandu", "Sun 5 Jul 13:45 UTC+05:45"],
    ["2026-01-05T08:00:00Z", "Pacific/Chatham", "Mon 5 Jan 21:45 UTC+13:45"],
    ["2026-07-05T08:00:00Z", "Australia/Lord_Howe", "Sun 5 Jul 18:30 UTC+10:30"],
    ["2026-01-05T08:00:00Z", "America/Sao_Paulo", "Mon 5 Jan 05:00 UTC-03:00"],
  ])("%s in %s", (iso, zone, text) => expect(formatWhen(iso, zone)).toBe(text));
});

describe("formatIn", () => {
  it.each([
    ["2026-01-02T19:00:00Z", "2026-01-05T08:00:00Z", "2d 13h"],
    ["2026-01-05T08:00:00Z", "2026-01-05T09:12:30Z", "1h 12m"],
    ["2026-01-05T08:00:00Z", "2026-01-05T14:00:00Z", "6h"],
    ["2026-01-05T08:00:00Z", "2026-01-05T08:45:59Z", "45m"],
    ["2026-01-05T08:00:00Z", "2026-01-05T08:00:30Z", "30s"],
    ["2026-01-05T08:00:00Z", "2026-01-08T08:00:00Z", "3d"],
    ["2026-01-05T08:00:00Z", "2026-01-05T07:00:00Z", "0s"],
  ])("%s → %s", (a, b, text) => expect(formatIn(a, b)).toBe(text));
});

describe("describeSchedule", () => {
  const base: ScheduleResult = {
    open: false,
    reason: "freeze",
    rule: "Year end",
    nextOpen: null,
    closesAt: null,
    timezone: "Europe/Berlin",
  };
  const at = new Date("2027-01-02T19:00:00Z");
  it.each<[Partial<ScheduleResult>, string]>([
    [
      { nextOpen: "2027-01-05T08:00:00.000Z" },
      "closed by freeze Year end — opens Tue 5 Jan 09:00 CET (in 2d 13h)",
    ],
    [
      { reason: "holiday", rule: "Christmas Day", nextOpen: "2027-01-05T08:00:00.000Z" },
      "closed by holiday Christmas Day — opens Tue 5 Jan 09:00 CET (in 2d 13h)",
    ],
    [
      { reason: "outside-window", rule: null, nextOpen: "2027-01-02T20:00:00.000Z" },
      "closed outside deploy windows — opens Sat 2 Jan 21:00 CET (in 1h)",
    ],
    [{}, "closed by freeze Year end — never opens within a year"],
    [
      {
        open: true,
        reason: "window",
        rule: "Mon-Thu 09:00-16:00",
        nextOpen: at.toISOString(),
        closesAt: "2027-01-03T01:00:00.000Z",
      },
      "open (window Mon-Thu 09:00-16:00) — closes Sun 3 Jan 02:00 CET (in 6h)",
    ],
    [
      { open: true, reason: "always", rule: null, nextOpen: at.toISOString() },
      "open — no windows configured",
    ],
    [
      {
        open: true,
        reason: "always",
        rule: null,
        nextOpen: at.toISOString(),
        closesAt: "2027-01-02T19:45:00.000Z",
      },
      "open — no windows configured — closes Sat 2 Jan 20:45 CET (in 45m)",
    ],
    [
      { open: true, reason: "window", rule: "All day", nextOpen: at.toISOString() },
      "open (window All day) — stays open for at least a year",
    ],
  ])("%j", (patch, text) => expect(describeSchedule({ ...base, ...patch }, at)).toBe(text));

  it("reads the DESIGN example end to end", () => {
    const cfg = config({
      timezone: "Europe/Berlin",
      windows: [{ days: "Mon-Thu", start: "09:00", end: "16:00" }],
      freezes: [{ name: "Year end", from: "2026-12-19T00:00", to: "2027-01-05T00:00" }],
    });
    const at = new Date("2027-01-02T19:00:00Z");
    expect(describeSchedule(evaluateSchedule({ config: cfg }, at), at)).toBe(
      "closed by freeze Year end — opens Tue 5 Jan 09:00 CET (in 2d 13h)",
    );
  });
});

describe("cron fires follow DESIGN §4, not croner's own DST handling", () => {
  it("enumerates wall-clock fires; day-of-month OR day-of-week like Vixie cron", () => {
    const fires = cronFires(
      "0 9 1 * 5",
      Date.parse("2026-01-01T00:00:00Z"),
      Date.parse("2026-01-10T00:00:00Z"),
    );
    // 1 Jan (day-of-month) and Fridays 2 and 9 Jan
    expect(fires.map((f) => new Date(f).toISOString())).toEqual([
      "2026-01-01T09:00:00.000Z",
      "2026-01-02T09:00:00.000Z",
      "2026-01-09T09:00:00.000Z",
    ]);
  });

  it("a fire at 02:30 on the spring-forward night opens at 03:30 CEST (croner alone would say 03:00)", () => {
    const cfg = config({ timezone: "Europe/Berlin", windows: [{ cron: "30 2 29 3 *", duration: "30m" }] });
    const r = evaluateSchedule({ config: cfg }, new Date("2026-03-28T00:00:00Z"));
    expect(r.nextOpen).toBe("2026-03-29T01:30:00.000Z");
  });

  it("an hourly cron through the gap fires once at 03:00 CEST", () => {
    const cfg = config({
      timezone: "Europe/Berlin",
      freezes: [{ name: "Hourly", cron: "0 * * * *", duration: "10m" }],
    });
    const r = evaluateSchedule({ config: cfg }, new Date("2026-03-29T00:55:00Z"));
    expect(r).toMatchObject({ open: true, closesAt: "2026-03-29T01:00:00.000Z" });
  });
});

describe("bad input is rejected by the config schema with positions", () => {
  it.each([
    ['windows:\n  - { days: Mon, start: "25:00", end: "10:00" }\n', "windows[0].start"],
    ['windows:\n  - { cron: "61 * * * *", duration: 1h }\n', "windows[0].cron"],
    ['windows:\n  - { cron: "0 9 * * 5", duration: 0h }\n', "windows[0].duration"],
    ["timezone: Mars/Olympus\n", "timezone"],
    ['freezes:\n  - { from: "2026-12-01T00:00", to: "2026-11-01T00:00" }\n', "freezes[0].to"],
  ])("%s", (yaml, key) => {
    const r = loadConfig(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.key).toBe(key);
      expect(r.errors[0]?.line).toBeGreaterThan(0);
    }
  });

  it("holidayConfigError flags unknown countries and regions", () => {
    expect(holidayConfigError({ country: "DE", region: "BE" })).toBeNull();
    expect(holidayConfigError({ country: "ZZ" })).toEqual({
      key: "country",
      message: 'unknown country "ZZ"',
    });
    expect(holidayConfigError({ country: "DE", region: "XX" })?.message).toMatch(
      /^unknown region "XX" for DE/,
    );
  });
});

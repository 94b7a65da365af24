import { describe, expect, it } from "vitest";
import type { ConfigInput, RiskLevel } from "../../src/core/config/schema.js";
import { evaluateSchedule, type LedgerFreeze, type ScheduleResult } from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

/**
 * Table-driven cases. Every expected instant was worked out by hand from the zone's offset and the 2026/2027 DST
 * dates (EU: 29 Mar / 25 Oct; US: 8 Mar / 1 Nov; Sydney: 5 Apr / 4 Oct; Lord Howe ±30 min at 02:00; Chatham
 * +12:45/+13:45), never by calling the engine.
 */
interface Case {
  name: string;
  timezone: string;
  rules: Omit<ConfigInput, "timezone">;
  at: string;
  env?: string;
  risk?: RiskLevel;
  ledger?: LedgerFreeze[];
  expect: Partial<ScheduleResult>;
}

const open = (rule: string | null, closesAt: string | null, reason: "window" | "always" = "window") => ({
  open: true,
  reason,
  rule,
  closesAt,
});
const outside = (nextOpen: string | null) => ({
  open: false,
  reason: "outside-window" as const,
  rule: null,
  nextOpen,
  closesAt: null,
});
const frozen = (rule: string, nextOpen: string | null, reason: "freeze" | "holiday" = "freeze") => ({
  open: false,
  reason,
  rule,
  nextOpen,
  closesAt: null,
});

const weekdays = { windows: [{ days: "Mon-Fri", start: "09:00", end: "17:00" }] };
const berlinStd = {
  windows: [
    { days: "Mon-Thu", start: "09:00", end: "16:00" },
    { cron: "0 9 * * 5", duration: "3h" },
  ],
};
const friNight = { windows: [{ days: "Fri", start: "22:00", end: "02:00" }] };

const cases: Case[] = [
  // --- UTC basics: start inclusive, end exclusive, weekend roll-over
  {
    name: "exactly at start",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T09:00:00.000Z",
    expect: open("Mon-Fri 09:00-17:00", "2026-01-05T17:00:00.000Z"),
  },
  {
    name: "exactly at end",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T17:00:00.000Z",
    expect: outside("2026-01-06T09:00:00.000Z"),
  },
  {
    name: "weekend roll-over",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-09T17:30:00.000Z",
    expect: outside("2026-01-12T09:00:00.000Z"),
  },
  {
    name: "one second before start",
    timezone: "UTC",
    rules: weekdays,
    at: "2026-01-05T08:59:59.000Z",
    expect: outside("2026-01-05T09:00:00.000Z"),
  },
  {
    name: "no rules = always open",
    timezone: "UTC",
    rules: {},
    at: "2026-03-01T12:00:00.000Z",
    expect: open(null, null, "always"),
  },
  // --- Berlin, DESIGN example policy
  {
    name: "Berlin Thu inside",
    timezone: "Europe/Berlin",
    rules: berlinStd,
    at: "2026-11-26T09:00:00.000Z",
    expect: open("Mon-Thu 09:00-16:00", "2026-11-26T15:00:00.000Z"),
  },
  {
    name: "Berlin Fri cron window at fire",
    timezone: "Europe/Berlin",
    rules: berlinStd,
    at: "2026-11-27T08:00:00.000Z",
    expect: open("cron 0 9 * * 5 for 3h", "2026-11-27T11:00:00.000Z"),
  },
  {
    name: "Berlin Fri after cron window",
    timezone: "Europe/Berlin",
    rules: berlinStd,
    at: "2026-11-27T11:00:00.000Z",
    expect: outside("2026-11-30T08:00:00.000Z"),
  },
  {
    name: "Berlin summer offset",
    timezone: "Europe/Berlin",
    rules: berlinStd,
    at: "2026-07-06T06:59:00.000Z",
    expect: outside("2026-07-06T07:00:00.000Z"),
  },
  // --- cross-midnight belongs to its start day
  {
    name: "Fri 22-02 open Sat 01:30",
    timezone: "Europe/Berlin",
    rules: friNight,
    at: "2026-01-10T00:30:00.000Z",
    expect: open("Fri 22:00-02:00", "2026-01-10T01:00:00.000Z"),
  },
  {
    name: "Fri 22-02 closed at Sat 02:00",
    timezone: "Europe/Berlin",
    rules: friNight,
    at: "2026-01-10T01:00:00.000Z",
    expect: outside("2026-01-16T21:00:00.000Z"),
  },
  {
    name: "Fri 22-02 before start",
    timezone: "Europe/Berlin",
    rules: friNight,
    at: "2026-01-09T20:59:00.000Z",
    expect: outside("2026-01-09T21:00:00.000Z"),
  },
  {
    name: "Fri 22-02 not on Sat night",
    timezone: "Europe/Berlin",
    rules: friNight,
    at: "2026-01-10T21:30:00.000Z",
    expect: outside("2026-01-16T21:00:00.000Z"),
  },
  // --- end 24:00, adjacent days merge
  {
    name: "Tokyo weekend 00:00-24:00 open",
    timezone: "Asia/Tokyo",
    rules: { windows: [{ days: "Sat,Sun", start: "00:00", end: "24:00" }] },
    at: "2026-01-09T15:00:00.000Z",
    expect: open("Sat,Sun 00:00-24:00", "2026-01-11T15:00:00.000Z"),
  },
  {
    name: "Tokyo weekend before",
    timezone: "Asia/Tokyo",
    rules: { windows: [{ days: ["Sat", "Sun"], start: "00:00", end: "24:00" }] },
    at: "2026-01-09T14:59:00.000Z",
    expect: outside("2026-01-09T15:00:00.000Z"),
  },
  // --- New York around DST
  {
    name: "NY weekend into spring-forward",
    timezone: "America/New_York",
    rules: weekdays,
    at: "2026-03-06T22:00:00.000Z",
    expect: outside("2026-03-09T13:00:00.000Z"),
  },
  {
    name: "NY first EDT Monday",
    timezone: "America/New_York",
    rules: weekdays,
    at: "2026-03-09T13:00:00.000Z",
    expect: open("Mon-Fri 09:00-17:00", "2026-03-09T21:00:00.000Z"),
  },
  {
    name: "NY weekend into fall-back",
    timezone: "America/New_York",
    rules: weekdays,
    at: "2026-10-30T21:00:00.000Z",
    expect: outside("2026-11-02T14:00:00.000Z"),
  },
  // --- start inside the spring-forward gap shifts forward by the gap
  {
    name: "NY start 02:30 in gap -> 03:30 EDT",
    timezone: "America/New_York",
    rules: { windows: [{ days: "Sun", start: "02:30", end: "04:00" }] },
    at: "2026-03-08T06:00:00.000Z",
    expect: outside("2026-03-08T07:30:00.000Z"),
  },
  {
    name: "NY gap window open",
    timezone: "America/New_York",
    rules: { windows: [{ days: "Sun", start: "02:30", end: "04:00" }] },
    at: "2026-03-08T07:30:00.000Z",
    expect: open("Sun 02:30-04:00", "2026-03-08T08:00:00.000Z"),
  },
  {
    name: "NY same window normal Sunday",
    timezone: "America/New_York",
    rules: { windows: [{ days: "Sun", start: "02:30", end: "04:00" }] },
    at: "2026-03-15T06:00:00.000Z",
    expect: outside("2026-03-15T06:30:00.000Z"),
  },
  // --- fall-back overlap takes the earlier instant
  {
    name: "LA 01:30 ambiguous -> PDT",
    timezone: "America/Los_Angeles",
    rules: { windows: [{ days: "Sun", start: "01:30", end: "03:00" }] },
    at: "2026-11-01T08:00:00.000Z",
    expect: outside("2026-11-01T08:30:00.000Z"),
  },
  {
    name: "LA second 01:45 inside",
    timezone: "America/Los_Angeles",
    rules: { windows: [{ days: "Sun", start: "01:30", end: "03:00" }] },
    at: "2026-11-01T09:45:00.000Z",
    expect: open("Sun 01:30-03:00", "2026-11-01T11:00:00.000Z"),
  },
  {
    name: "LA after overlap window",
    timezone: "America/Los_Angeles",
    rules: { windows: [{ days: "Sun", start: "01:30", end: "03:00" }] },
    at: "2026-11-01T11:00:00.000Z",
    expect: outside("2026-11-08T09:30:00.000Z"),
  },
  // --- cron + 8h exact across DST (wall clock would say 06:00 / 06:00)
  {
    name: "Berlin cron 8h spring: still open 06:30 CEST",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 22 * * 6", duration: "8h" }] },
    at: "2026-03-29T04:30:00.000Z",
    expect: open("cron 0 22 * * 6 for 8h", "2026-03-29T05:00:00.000Z"),
  },
  {
    name: "Berlin cron 8h spring: closed at 07:00 CEST",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 22 * * 6", duration: "8h" }] },
    at: "2026-03-29T05:00:00.000Z",
    expect: outside("2026-04-04T20:00:00.000Z"),
  },
  {
    name: "Berlin cron 8h fall: ends 05:00 CET",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 22 * * 6", duration: "8h" }] },
    at: "2026-10-25T03:59:00.000Z",
    expect: open("cron 0 22 * * 6 for 8h", "2026-10-25T04:00:00.000Z"),
  },
  // --- 1d is a calendar day: 23 h / 25 h
  {
    name: "Berlin 1d spring = 23h (open)",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 12 * * 6", duration: "1d" }] },
    at: "2026-03-29T09:59:00.000Z",
    expect: open("cron 0 12 * * 6 for 1d", "2026-03-29T10:00:00.000Z"),
  },
  {
    name: "Berlin 1d spring = 23h (closed)",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 12 * * 6", duration: "1d" }] },
    at: "2026-03-29T10:00:00.000Z",
    expect: outside("2026-04-04T10:00:00.000Z"),
  },
  {
    name: "Berlin 1d fall = 25h",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "0 12 * * 6", duration: "1d" }] },
    at: "2026-10-25T10:30:00.000Z",
    expect: open("cron 0 12 * * 6 for 1d", "2026-10-25T11:00:00.000Z"),
  },
  // --- cron fire inside the gap / overlap
  {
    name: "Berlin cron 02:30 in gap -> 03:30 CEST",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "30 2 * * *", duration: "1h" }] },
    at: "2026-03-29T01:00:00.000Z",
    expect: outside("2026-03-29T01:30:00.000Z"),
  },
  {
    name: "Berlin cron gap window open",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "30 2 * * *", duration: "1h" }] },
    at: "2026-03-29T01:30:00.000Z",
    expect: open("cron 30 2 * * * for 1h", "2026-03-29T02:30:00.000Z"),
  },
  {
    name: "Berlin cron overlap earlier instant",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "30 2 * * *", duration: "1h" }] },
    at: "2026-10-25T00:30:00.000Z",
    expect: open("cron 30 2 * * * for 1h", "2026-10-25T01:30:00.000Z"),
  },
  {
    name: "Berlin cron overlap fires once",
    timezone: "Europe/Berlin",
    rules: { windows: [{ cron: "30 2 * * *", duration: "1h" }] },
    at: "2026-10-25T01:30:00.000Z",
    expect: outside("2026-10-26T01:30:00.000Z"),
  },
  // --- Lord Howe: 30-minute DST
  {
    name: "Lord Howe 02:00 in 30-min gap",
    timezone: "Australia/Lord_Howe",
    rules: { windows: [{ days: "daily", start: "02:00", end: "03:00" }] },
    at: "2026-10-03T15:00:00.000Z",
    expect: outside("2026-10-03T15:30:00.000Z"),
  },
  {
    name: "Lord Howe gap day window is 30 min",
    timezone: "Australia/Lord_Howe",
    rules: { windows: [{ days: "daily", start: "02:00", end: "03:00" }] },
    at: "2026-10-03T15:30:00.000Z",
    expect: open("daily 02:00-03:00", "2026-10-03T16:00:00.000Z"),
  },
  {
    name: "Lord Howe standard day",
    timezone: "Australia/Lord_Howe",
    rules: { windows: [{ days: "daily", start: "02:00", end: "03:00" }] },
    at: "2026-10-01T15:30:00.000Z",
    expect: open("daily 02:00-03:00", "2026-10-01T16:30:00.000Z"),
  },
  {
    name: "Lord Howe fall-back day",
    timezone: "Australia/Lord_Howe",
    rules: { windows: [{ days: "daily", start: "02:00", end: "03:00" }] },
    at: "2026-04-04T15:29:00.000Z",
    expect: outside("2026-04-04T15:30:00.000Z"),
  },
  // --- odd offsets
  {
    name: "Kathmandu at start",
    timezone: "Asia/Kathmandu",
    rules: { windows: [{ days: "Mon-Fri", start: "10:00", end: "17:00" }] },
    at: "2026-01-05T04:15:00.000Z",
    expect: open("Mon-Fri 10:00-17:00", "2026-01-05T11:15:00.000Z"),
  },
  {
    name: "Kathmandu one minute early",
    timezone: "Asia/Kathmandu",
    rules: { windows: [{ days: "Mon-Fri", start: "10:00", end: "17:00" }] },
    at: "2026-01-05T04:14:00.000Z",
    expect: outside("2026-01-05T04:15:00.000Z"),
  },
  {
    name: "Kathmandu weekend",
    timezone: "Asia/Kathmandu",
    rules: { windows: [{ days: "Mon-Fri", start: "10:00", end: "17:00" }] },
    at: "2026-01-09T11:15:00.000Z",
    expect: outside("2026-01-12T04:15:00.000Z"),
  },
  {
    name: "Chatham summer +13:45",
    timezone: "Pacific/Chatham",
    rules: weekdays,
    at: "2026-01-04T19:15:00.000Z",
    expect: open("Mon-Fri 09:00-17:00", "2026-01-05T03:15:00.000Z"),
  },
  {
    name: "Chatham winter +12:45",
    timezone: "Pacific/Chatham",
    rules: weekdays,
    at: "2026-07-03T05:00:00.000Z",
    expect: outside("2026-07-05T20:15:00.000Z"),
  },
  {
    name: "Kolkata cron window",
    timezone: "Asia/Kolkata",
    rules: { windows: [{ cron: "30 9 * * 1-5", duration: "4h" }] },
    at: "2026-01-05T07:59:00.000Z",
    expect: open("cron 30 9 * * 1-5 for 4h", "2026-01-05T08:00:00.000Z"),
  },
  {
    name: "Kolkata cron weekend",
    timezone: "Asia/Kolkata",
    rules: { windows: [{ cron: "30 9 * * 1-5", duration: "4h" }] },
    at: "2026-01-10T00:00:00.000Z",
    expect: outside("2026-01-12T04:00:00.000Z"),
  },
  // --- southern hemisphere / no DST
  {
    name: "Sydney weekend DST ends",
    timezone: "Australia/Sydney",
    rules: weekdays,
    at: "2026-04-03T06:00:00.000Z",
    expect: outside("2026-04-05T23:00:00.000Z"),
  },
  {
    name: "Sydney weekend DST starts",
    timezone: "Australia/Sydney",
    rules: weekdays,
    at: "2026-10-02T07:00:00.000Z",
    expect: outside("2026-10-04T22:00:00.000Z"),
  },
  {
    name: "Sao Paulo open",
    timezone: "America/Sao_Paulo",
    rules: { windows: [{ days: "Mon-Fri", start: "08:00", end: "18:00" }] },
    at: "2026-01-05T11:00:00.000Z",
    expect: open("Mon-Fri 08:00-18:00", "2026-01-05T21:00:00.000Z"),
  },
  {
    name: "Sao Paulo after close (no DST in Nov)",
    timezone: "America/Sao_Paulo",
    rules: { windows: [{ days: "Mon-Fri", start: "08:00", end: "18:00" }] },
    at: "2026-11-02T21:00:00.000Z",
    expect: outside("2026-11-03T11:00:00.000Z"),
  },
  {
    name: "London weekend into BST",
    timezone: "Europe/London",
    rules: weekdays,
    at: "2026-03-27T17:00:00.000Z",
    expect: outside("2026-03-30T08:00:00.000Z"),
  },
  // --- freezes
  ...(() => {
    const rules = {
      ...weekdays,
      freezes: [{ name: "Year end", reason: "holidays", from: "2026-12-19T00:00", to: "2027-01-05T00:00" }],
    };
    return [
      {
        name: "freeze spanning New Year",
        timezone: "Europe/Berlin",
        rules,
        at: "2026-12-31T12:00:00.000Z",
        expect: {
          ...frozen("Year end", "2027-01-05T08:00:00.000Z"),
          freeze: { name: "Year end", reason: "holidays", until: "2027-01-04T23:00:00.000Z" },
        },
      },
      {
        name: "freeze last minute",
        timezone: "Europe/Berlin",
        rules,
        at: "2027-01-04T22:59:00.000Z",
        expect: frozen("Year end", "2027-01-05T08:00:00.000Z"),
      },
      {
        name: "after freeze",
        timezone: "Europe/Berlin",
        rules,
        at: "2027-01-05T08:00:00.000Z",
        expect: open("Mon-Fri 09:00-17:00", "2027-01-05T16:00:00.000Z"),
      },
    ] satisfies Case[];
  })(),
  ...(() => {
    const rules = {
      ...weekdays,
      freezes: [{ name: "No Friday afternoons", days: "Fri", start: "12:00", end: "24:00" }],
    };
    return [
      {
        name: "freeze overlapping window: closes at freeze",
        timezone: "Europe/Berlin",
        rules,
        at: "2026-01-09T10:59:00.000Z",
        expect: open("Mon-Fri 09:00-17:00", "2026-01-09T11:00:00.000Z"),
      },
      {
        name: "freeze overlapping window: deny wins",
        timezone: "Europe/Berlin",
        rules,
        at: "2026-01-09T11:00:00.000Z",
        expect: frozen("No Friday afternoons", "2026-01-12T08:00:00.000Z"),
      },
    ] satisfies Case[];
  })(),
  ...(() => {
    const rules = { freezes: [{ from: "2026-06-01T10:00:00Z", to: "2026-06-01T14:00:00+02:00" }] };
    return [
      {
        name: "instant freeze (offsets) active",
        timezone: "Asia/Tokyo",
        rules,
        at: "2026-06-01T11:00:00.000Z",
        expect: {
          ...frozen("2026-06-01T10:00:00Z to 2026-06-01T14:00:00+02:00", "2026-06-01T12:00:00.000Z"),
          freeze: {
            name: "2026-06-01T10:00:00Z to 2026-06-01T14:00:00+02:00",
            until: "2026-06-01T12:00:00.000Z",
          },
        },
      },
      {
        name: "always open until freeze",
        timezone: "Asia/Tokyo",
        rules,
        at: "2026-06-01T09:00:00.000Z",
        expect: open(null, "2026-06-01T10:00:00.000Z", "always"),
      },
    ] satisfies Case[];
  })(),
  ...(() => {
    const rules = {
      freezes: [
        { name: "A", from: "2026-05-01T00:00", to: "2026-05-10T00:00" },
        { name: "B", from: "2026-05-08T00:00", to: "2026-05-15T00:00" },
      ],
    };
    return [
      {
        name: "overlapping freezes: the one ending last decides",
        timezone: "UTC",
        rules,
        at: "2026-05-09T00:00:00.000Z",
        expect: frozen("B", "2026-05-15T00:00:00.000Z"),
      },
      {
        name: "overlapping freezes: nextOpen after all",
        timezone: "UTC",
        rules,
        at: "2026-05-05T00:00:00.000Z",
        expect: {
          ...frozen("A", "2026-05-15T00:00:00.000Z"),
          freeze: { name: "A", until: "2026-05-10T00:00:00.000Z" },
        },
      },
    ] satisfies Case[];
  })(),
  {
    name: "recurring weekend freeze 2d",
    timezone: "UTC",
    rules: { freezes: [{ name: "Weekend", cron: "0 0 * * 6", duration: "2d" }] },
    at: "2026-01-10T12:00:00.000Z",
    expect: frozen("Weekend", "2026-01-12T00:00:00.000Z"),
  },
  {
    name: "never open: 400-day freeze",
    timezone: "UTC",
    rules: { freezes: [{ name: "Long", from: "2026-01-01T00:00", to: "2027-02-05T00:00" }] },
    at: "2026-01-02T00:00:00.000Z",
    expect: { ...frozen("Long", null), freeze: { name: "Long", until: "2027-02-05T00:00:00.000Z" } },
  },
  {
    name: "never open: window always frozen",
    timezone: "UTC",
    rules: {
      windows: [{ days: "Mon", start: "09:00", end: "10:00" }],
      freezes: [{ name: "Mondays", days: "Mon", start: "00:00", end: "24:00" }],
    },
    at: "2026-01-05T09:30:00.000Z",
    expect: frozen("Mondays", null),
  },
  {
    name: "window never closes within a year",
    timezone: "UTC",
    rules: { windows: [{ start: "00:00", end: "24:00" }] },
    at: "2026-01-05T00:00:00.000Z",
    expect: open("daily 00:00-24:00", null),
  },
  {
    name: "adjacent windows chain for closesAt",
    timezone: "UTC",
    rules: {
      windows: [
        { days: "Mon", start: "09:00", end: "12:00" },
        { days: "Mon", start: "12:00", end: "15:00" },
      ],
    },
    at: "2026-01-05T10:00:00.000Z",
    expect: open("Mon 09:00-12:00", "2026-01-05T15:00:00.000Z"),
  },
  {
    name: "rule-level timezone",
    timezone: "UTC",
    rules: { windows: [{ days: "Mon-Fri", start: "09:00", end: "17:00", timezone: "Asia/Tokyo" }] },
    at: "2026-01-05T00:00:00.000Z",
    expect: open("Mon-Fri 09:00-17:00 (Asia/Tokyo)", "2026-01-05T08:00:00.000Z"),
  },
  {
    name: "named window label",
    timezone: "UTC",
    rules: { windows: [{ name: "Business hours", days: "Mon-Fri", start: "09:00", end: "17:00" }] },
    at: "2026-01-05T10:00:00.000Z",
    expect: open("Business hours", "2026-01-05T17:00:00.000Z"),
  },
  // --- holidays
  {
    name: "DE/BE Christmas Day",
    timezone: "Europe/Berlin",
    rules: { holidays: { country: "DE", region: "BE" } },
    at: "2026-12-25T10:00:00.000Z",
    expect: {
      ...frozen("Christmas Day", "2026-12-26T23:00:00.000Z", "holiday"),
      freeze: { name: "Christmas Day", until: "2026-12-25T23:00:00.000Z" },
    },
  },
  {
    name: "DE/BE Christmas Eve is not public",
    timezone: "Europe/Berlin",
    rules: { holidays: { country: "DE", region: "BE" } },
    at: "2026-12-24T10:00:00.000Z",
    expect: open(null, "2026-12-24T23:00:00.000Z", "always"),
  },
  {
    name: "DE/BE day_before",
    timezone: "Europe/Berlin",
    rules: { holidays: { country: "DE", region: "BE", day_before: true } },
    at: "2026-12-24T10:00:00.000Z",
    expect: frozen("Day before Christmas Day", "2026-12-26T23:00:00.000Z", "holiday"),
  },
  {
    name: "US Thanksgiving",
    timezone: "America/New_York",
    rules: { ...weekdays, holidays: { country: "US" } },
    at: "2026-11-26T15:00:00.000Z",
    expect: frozen("Thanksgiving Day", "2026-11-27T14:00:00.000Z", "holiday"),
  },
  {
    name: "US Independence Day substitute Fri",
    timezone: "America/New_York",
    rules: { ...weekdays, holidays: { country: "US" } },
    at: "2026-07-02T21:00:00.000Z",
    expect: outside("2026-07-06T13:00:00.000Z"),
  },
];

const envRules = {
  ...weekdays,
  environments: {
    staging: { windows: [] },
    production: { freezes: [{ name: "Prod freeze", from: "2026-01-05T00:00", to: "2026-01-06T00:00" }] },
    canary: { windows: [{ days: "Sat", start: "10:00", end: "12:00" }] },
  },
};
const riskRules = {
  ...weekdays,
  risk: { windows: { high: [{ days: "Tue-Thu", start: "10:00", end: "15:00" }] } },
};
const incident: LedgerFreeze = {
  name: "Incident 42",
  reason: "incident",
  by: "alice",
  from: "2026-01-05T10:00:00Z",
  until: null,
};

cases.push(
  {
    name: "env staging: [] = always open",
    timezone: "UTC",
    rules: envRules,
    env: "staging",
    at: "2026-01-10T03:00:00.000Z",
    expect: open(null, null, "always"),
  },
  {
    name: "env production adds freeze",
    timezone: "UTC",
    rules: envRules,
    env: "production",
    at: "2026-01-05T10:00:00.000Z",
    expect: frozen("Prod freeze", "2026-01-06T09:00:00.000Z"),
  },
  {
    name: "no env: top-level rules",
    timezone: "UTC",
    rules: envRules,
    at: "2026-01-05T10:00:00.000Z",
    expect: open("Mon-Fri 09:00-17:00", "2026-01-05T17:00:00.000Z"),
  },
  {
    name: "unknown env: top-level rules",
    timezone: "UTC",
    rules: envRules,
    env: "qa",
    at: "2026-01-10T03:00:00.000Z",
    expect: outside("2026-01-12T09:00:00.000Z"),
  },
  {
    name: "env windows replace",
    timezone: "UTC",
    rules: envRules,
    env: "canary",
    at: "2026-01-05T10:00:00.000Z",
    expect: outside("2026-01-10T10:00:00.000Z"),
  },
  {
    name: "risk high uses stricter windows",
    timezone: "UTC",
    rules: riskRules,
    risk: "high",
    at: "2026-01-05T10:00:00.000Z",
    expect: outside("2026-01-06T10:00:00.000Z"),
  },
  {
    name: "risk medium without list: normal windows",
    timezone: "UTC",
    rules: riskRules,
    risk: "medium",
    at: "2026-01-05T10:00:00.000Z",
    expect: open("Mon-Fri 09:00-17:00", "2026-01-05T17:00:00.000Z"),
  },
  {
    name: "risk high inside stricter window",
    timezone: "UTC",
    rules: riskRules,
    risk: "high",
    at: "2026-01-06T14:59:00.000Z",
    expect: open("Tue-Thu 10:00-15:00", "2026-01-06T15:00:00.000Z"),
  },
  {
    name: "ledger freeze until lifted",
    timezone: "UTC",
    rules: {},
    ledger: [incident],
    at: "2026-01-05T11:00:00.000Z",
    expect: {
      ...frozen("Incident 42", null),
      freeze: { name: "Incident 42", reason: "incident", by: "alice", until: null },
    },
  },
  {
    name: "ledger freeze in the future",
    timezone: "UTC",
    rules: {},
    ledger: [incident],
    at: "2026-01-05T09:00:00.000Z",
    expect: open(null, "2026-01-05T10:00:00.000Z", "always"),
  },
  {
    name: "ledger freeze for another env",
    timezone: "UTC",
    rules: {},
    env: "staging",
    ledger: [{ ...incident, environment: "production" }],
    at: "2026-01-05T11:00:00.000Z",
    expect: open(null, null, "always"),
  },
  {
    name: "ledger freeze for this env",
    timezone: "UTC",
    rules: {},
    env: "production",
    ledger: [{ ...incident, environment: "production" }],
    at: "2026-01-05T11:00:00.000Z",
    expect: frozen("Incident 42", null),
  },
  {
    name: "ledger freeze with end, then window",
    timezone: "UTC",
    rules: weekdays,
    ledger: [{ ...incident, until: "2026-01-05T12:00:00Z" }],
    at: "2026-01-05T11:00:00.000Z",
    expect: frozen("Incident 42", "2026-01-05T12:00:00.000Z"),
  },
);

describe("evaluateSchedule table", () => {
  it("covers at least 60 cases across at least 10 zones", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.timezone)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)("$timezone: $name", (c) => {
    const cfg = config({ timezone: c.timezone, ...c.rules } as ConfigInput);
    const result = evaluateSchedule(
      { config: cfg, environment: c.env, riskLevel: c.risk, ledger: c.ledger },
      new Date(c.at),
    );
    expect(result).toMatchObject({ ...c.expect, timezone: c.timezone });
    if (result.open) expect(result.nextOpen).toBe(c.at);
    else expect(result.closesAt).toBeNull();
  });
});

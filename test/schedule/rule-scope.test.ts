import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/load.js";
import { evaluateSchedule } from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

describe("a date-only freeze end covers that whole day", () => {
  const c = config({
    timezone: "Europe/Berlin",
    freezes: [{ name: "Holidays", from: "2026-12-20", to: "2027-01-04" }],
  });

  it("January 4 is frozen all day, and the freeze lifts at January 5 00:00 local", () => {
    const late = evaluateSchedule({ config: c }, new Date("2027-01-04T22:30:00Z")); // 23:30 CET
    expect(late).toMatchObject({ open: false, reason: "freeze", rule: "Holidays" });
    expect(late.nextOpen).toBe("2027-01-04T23:00:00.000Z");
    expect(evaluateSchedule({ config: c }, new Date("2027-01-04T23:00:00Z")).open).toBe(true);
  });

  it("the start of a date-only freeze is 00:00 local that day", () => {
    expect(evaluateSchedule({ config: c }, new Date("2026-12-19T22:59:00Z")).open).toBe(true);
    expect(evaluateSchedule({ config: c }, new Date("2026-12-19T23:00:00Z")).open).toBe(false);
  });

  it("a one-day freeze from and to the same date validates and covers that day", () => {
    const r = loadConfig('freezes: [{ name: Launch, from: "2026-12-03", to: "2026-12-03" }]\n', "c.yml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(evaluateSchedule({ config: r.config }, new Date("2026-12-03T23:59:00Z")).open).toBe(false);
    expect(evaluateSchedule({ config: r.config }, new Date("2026-12-04T00:00:00Z")).open).toBe(true);
  });

  it("a to with a time still ends exactly then", () => {
    const t = config({ freezes: [{ from: "2026-12-20", to: "2027-01-04T00:00" }] });
    expect(evaluateSchedule({ config: t }, new Date("2027-01-04T00:00:00Z")).open).toBe(true);
  });
});

describe("risk windows per environment", () => {
  const c = config({
    timezone: "UTC",
    windows: [{ days: "Mon-Fri", start: "08:00", end: "18:00" }],
    environments: {
      production: {},
      staging: { windows: [], risk_windows: {} },
      qa: { risk_windows: { high: [{ days: "Mon-Fri", start: "06:00", end: "22:00" }] } },
    },
    risk: { windows: { high: [{ days: "Tue-Thu", start: "10:00", end: "12:00" }] } },
  });
  const tuesdayEvening = new Date("2026-11-24T20:00:00Z");

  it("an environment without its own risk windows gets the top-level risk.windows", () => {
    const r = evaluateSchedule({ config: c, environment: "production", riskLevel: "high" }, tuesdayEvening);
    expect(r).toMatchObject({ open: false, reason: "outside-window", nextOpen: "2026-11-25T10:00:00.000Z" });
  });

  it("risk_windows: {} keeps a high-risk change to staging on staging's own windows (always open)", () => {
    const r = evaluateSchedule({ config: c, environment: "staging", riskLevel: "high" }, tuesdayEvening);
    expect(r).toMatchObject({ open: true, reason: "always" });
  });

  it("an environment's own risk_windows.high replaces the top-level one", () => {
    const r = evaluateSchedule({ config: c, environment: "qa", riskLevel: "high" }, tuesdayEvening);
    expect(r).toMatchObject({ open: true, reason: "window", rule: "Mon-Fri 06:00-22:00" });
  });

  it("with its own risk_windows but no list for the level, the environment's normal windows apply", () => {
    const r = evaluateSchedule({ config: c, environment: "qa", riskLevel: "medium" }, tuesdayEvening);
    expect(r).toMatchObject({ open: false, reason: "outside-window", nextOpen: "2026-11-25T08:00:00.000Z" });
  });
});

import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { bundle, cli, tempFile } from "./helpers.js";

const CONFIG = "examples/change-gate.yml";

describe("change-gate explain", () => {
  it("prints a timeline with today marked, rule names, and local and UTC times", async () => {
    const r = await cli(["explain", "--config", CONFIG, "--at", "2026-11-24T10:00", "--days", "3"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Deploy schedule — time zone Europe/Berlin");
    expect(lines).toContain("Tue 24 Nov 2026  (today)");
    expect(r.stdout).toContain(
      "09:00–16:00 CET      open    window Mon-Thu 09:00-16:00         UTC 08:00–15:00  ◀ now",
    );
    expect(r.stdout).toContain("00:00–24:00 CET      closed  freeze Peak season");
  });

  it("uses environment rules with --env (staging is always open)", async () => {
    const r = await cli([
      "explain",
      "--config",
      CONFIG,
      "--at",
      "2026-11-24T20:00",
      "--env",
      "staging",
      "--days",
      "1",
    ]);
    expect(r.stdout).toMatch(/State: open/);
  });
});

describe("change-gate calendar", () => {
  it("writes an RFC 5545 feed that a real ICS parser reads, with the freezes and windows in range", async () => {
    const r = await cli(["calendar", "--config", CONFIG, "--at", "2026-11-24T10:00", "--days", "40"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(r.stdout));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const peak = events.find((e) => e.summary.includes("Peak season"));
    expect(peak?.startDate.toJSDate().toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(peak?.endDate.toJSDate().toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(events.some((e) => e.summary.includes("Year end"))).toBe(true);
    expect(events.filter((e) => e.summary.startsWith("Deploy window")).length).toBeGreaterThan(10);
  });

  it("the bundle writes the same feed to stdout", () => {
    const r = bundle(["calendar", "--config", CONFIG, "--at", "2026-11-24T10:00Z", "--days", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("END:VCALENDAR");
  });

  it("an invalid config exits 2 with file:line:col", async () => {
    const cfg = tempFile("c.yml", 'windows:\n  - { days: Mon, start: "09:00", end: "25:00" }\n');
    const r = await cli(["calendar", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cfg}:2:39: windows[0].end: end must be a time HH:MM from 00:00 to 24:00`);
  });
});

import { readFileSync } from "node:fs";
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
    const windows = events.filter((e) => e.summary.startsWith("Deploy window"));
    expect(windows.some((e) => e.isRecurring())).toBe(true);
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

/** Every occurrence of every VEVENT (RRULE and EXDATE expanded by ical.js) up to `until`. */
function occurrences(ics: string, until: Date): { summary: string; start: number; end: number }[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  const out: { summary: string; start: number; end: number }[] = [];
  for (const c of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(c);
    if (!event.isRecurring()) {
      out.push({
        summary: event.summary,
        start: event.startDate.toJSDate().getTime(),
        end: event.endDate.toJSDate().getTime(),
      });
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next && next.toJSDate() < until; next = it.next()) {
      const d = event.getOccurrenceDetails(next);
      out.push({
        summary: event.summary,
        start: d.startDate.toJSDate().getTime(),
        end: d.endDate.toJSDate().getTime(),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function merged(spans: { start: number; end: number }[]): string[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out.map((s) => `${new Date(s.start).toISOString()}/${new Date(s.end).toISOString()}`);
}

describe("change-gate calendar shows the effective schedule", () => {
  const at = "2026-11-24T10:00";
  const from = new Date("2026-11-24T09:00:00Z");

  it("a year is a few events: weekly windows as RRULE with EXDATE for frozen days, a new series at each DST change", async () => {
    const r = await cli(["calendar", "--config", CONFIG, "--at", at, "--days", "366"]);
    const events = r.stdout.split("BEGIN:VEVENT").length - 1;
    expect(events).toBeLessThanOrEqual(12);
    expect(r.stdout).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=");
    expect(r.stdout).toMatch(/EXDATE:20261126T080000Z,20261130T080000Z/);
  });

  it("expanded, the windows are exactly the open periods of explain's engine: none inside a freeze", async () => {
    const days = 366;
    const until = new Date(from.getTime() + days * 86_400_000);
    const r = await cli(["calendar", "--config", CONFIG, "--at", at, "--days", String(days)]);
    const all = occurrences(r.stdout, until);
    const windows = all.filter((o) => o.summary.startsWith("Deploy window"));
    const freezes = all.filter((o) => o.summary.startsWith("Freeze") || o.summary.startsWith("Holiday"));
    expect(windows.length).toBeGreaterThan(150);
    for (const w of windows) for (const f of freezes) expect(w.start < f.end && f.start < w.end).toBe(false);

    const { loadConfigAsync } = await import("../../src/core/config/load.js");
    const { schedulePeriods } = await import("../../src/core/schedule/index.js");
    const loaded = await loadConfigAsync(readFileSync(CONFIG, "utf8"));
    if (!loaded.ok) throw new Error("example config invalid");
    const open = schedulePeriods({ config: loaded.config }, from, until)
      .filter((p) => p.open)
      .map((p) => ({ start: Date.parse(p.start), end: Date.parse(p.end) }));
    const clip = (s: { start: number; end: number }) => ({
      start: Math.max(s.start, from.getTime()),
      end: Math.min(s.end, until.getTime()),
    });
    expect(merged(windows.map(clip).filter((s) => s.end > s.start))).toEqual(merged(open));
  });

  it.each([
    [
      "Sydney, daily window, weekly freeze, public holidays",
      'timezone: Australia/Sydney\nwindows: [{ days: daily, start: "08:00", end: "18:00" }]\nfreezes: [{ name: No Friday afternoons, days: Fri, start: "13:00", end: "24:00" }]\nholidays: { country: AU, region: NSW }\n',
    ],
    [
      "New York, a cron window inside the DST gap, monthly cron freeze",
      'timezone: America/New_York\nwindows: [{ cron: "30 2 * * 1-5", duration: 4h }]\nfreezes: [{ name: Month end, cron: "0 0 28 * *", duration: 2d }]\n',
    ],
  ])("matches the engine over a year: %s", async (_name, yaml) => {
    const cfg = tempFile("c.yml", yaml);
    const until = new Date(from.getTime() + 366 * 86_400_000);
    const r = await cli(["calendar", "--config", cfg, "--at", "2026-11-24T09:00Z", "--days", "366"]);
    expect(r.code).toBe(0);
    const windows = occurrences(r.stdout, until).filter((o) => o.summary.startsWith("Deploy window"));
    const { loadConfigAsync } = await import("../../src/core/config/load.js");
    const { schedulePeriods } = await import("../../src/core/schedule/index.js");
    const loaded = await loadConfigAsync(yaml);
    if (!loaded.ok) throw new Error("config invalid");
    const open = schedulePeriods({ config: loaded.config }, from, until)
      .filter((p) => p.open)
      .map((p) => ({ start: Date.parse(p.start), end: Date.parse(p.end) }));
    const clip = (s: { start: number; end: number }) => ({
      start: Math.max(s.start, from.getTime()),
      end: Math.min(s.end, until.getTime()),
    });
    expect(merged(windows.map(clip).filter((s) => s.end > s.start))).toEqual(merged(open));
    expect(r.stdout.split("BEGIN:VEVENT").length - 1).toBeLessThan(60);
  });

  it("a window a freeze cuts short shows what is left of it", async () => {
    const cfg = tempFile(
      "c.yml",
      'timezone: UTC\nwindows: [{ days: Mon-Fri, start: "09:00", end: "17:00" }]\nfreezes: [{ name: Outage, from: "2026-11-25T12:00", to: "2026-11-25T14:00" }]\n',
    );
    const r = await cli(["calendar", "--config", cfg, "--at", "2026-11-23T00:00Z", "--days", "7"]);
    const wednesday = occurrences(r.stdout, new Date("2026-12-01T00:00:00Z"))
      .filter((o) => o.summary.startsWith("Deploy window") && o.start >= Date.parse("2026-11-25T00:00:00Z"))
      .filter((o) => o.start < Date.parse("2026-11-26T00:00:00Z"))
      .map((o) => `${new Date(o.start).toISOString()}/${new Date(o.end).toISOString()}`);
    expect(wednesday).toEqual([
      "2026-11-25T09:00:00.000Z/2026-11-25T12:00:00.000Z",
      "2026-11-25T14:00:00.000Z/2026-11-25T17:00:00.000Z",
    ]);
  });
});

describe("change-gate explain prints whole days as their UTC span", () => {
  it("a frozen local day reads 25 Nov 23:00–26 Nov 23:00 UTC, not 23:00–23:00", async () => {
    const r = await cli(["explain", "--config", CONFIG, "--at", "2026-11-26T10:00", "--days", "1"]);
    expect(r.stdout).toContain(
      "  00:00–24:00 CET      closed  freeze Peak season                 UTC 25 Nov 23:00–26 Nov 23:00  ◀ now",
    );
    expect(r.stdout).not.toMatch(/UTC (\d\d:\d\d)–\1/);
  });
});

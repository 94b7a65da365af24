import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderCalendar, renderExplain } from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

const berlin = config({
  timezone: "Europe/Berlin",
  windows: [
    { days: "Mon-Thu", start: "09:00", end: "16:00" },
    { cron: "0 9 * * 5", duration: "3h" },
  ],
  freezes: [{ name: "No Friday afternoons", days: "Fri", start: "15:00", end: "24:00" }],
});

describe("renderExplain", () => {
  it("prints a day-by-day timeline with today and now marked, local and UTC times, across a DST change", () => {
    const text = renderExplain(
      { config: berlin, environment: "production" },
      new Date("2026-03-26T10:30:00Z"),
      4,
    );
    expect(text).toBe(
      [
        "Deploy schedule — time zone Europe/Berlin, environment production",
        "Now: Thu 26 Mar 2026 11:30 CET (2026-03-26T10:30:00.000Z)",
        "State: open (window Mon-Thu 09:00-16:00) — closes Thu 26 Mar 16:00 CET (in 4h 30m)",
        "",
        "Thu 26 Mar 2026  (today)",
        "  00:00–09:00 CET      closed  outside windows                    UTC 25 Mar 23:00–26 Mar 08:00",
        "  09:00–16:00 CET      open    window Mon-Thu 09:00-16:00         UTC 08:00–15:00  ◀ now",
        "  16:00–24:00 CET      closed  outside windows                    UTC 15:00–23:00",
        "",
        "Fri 27 Mar 2026",
        "  00:00–09:00 CET      closed  outside windows                    UTC 26 Mar 23:00–27 Mar 08:00",
        "  09:00–12:00 CET      open    window cron 0 9 * * 5 for 3h       UTC 08:00–11:00",
        "  12:00–15:00 CET      closed  outside windows                    UTC 11:00–14:00",
        "  15:00–24:00 CET      closed  freeze No Friday afternoons        UTC 14:00–23:00",
        "",
        "Sat 28 Mar 2026",
        "  00:00–24:00 CET      closed  outside windows                    UTC 27 Mar 23:00–28 Mar 23:00",
        "",
        "Sun 29 Mar 2026",
        "  00:00 CET–24:00 CEST closed  outside windows                    UTC 28 Mar 23:00–29 Mar 22:00",
        "",
      ].join("\n"),
    );
  });

  it("says when no windows apply", () => {
    const text = renderExplain({ config: config({}) }, new Date("2026-01-05T12:00:00Z"), 1);
    expect(text).toContain("No deploy windows apply");
    expect(text).toContain(
      "  00:00–24:00 UTC      open    no windows                         UTC 00:00–24:00",
    );
    expect(text).toContain("◀ now");
  });
});

describe("renderCalendar", () => {
  const cfg = config({
    timezone: "Europe/Berlin",
    windows: [{ days: "Mon-Thu", start: "09:00", end: "16:00" }],
    freezes: [
      {
        name: 'Year end; Q4, "hard" freeze — Jahresende mit einem ausgesprochen langen Namen über 75 Oktette',
        reason: "line one\nline two, with comma; and semicolon \\ backslash",
        from: "2026-12-19T00:00",
        to: "2027-01-05T00:00",
      },
    ],
    holidays: { country: "DE", region: "BE" },
  });
  const from = new Date("2026-12-14T00:00:00Z");
  const ics = renderCalendar(
    { config: cfg, ledger: [{ name: "Incident", from: "2026-12-15T10:00:00Z", until: null }] },
    from,
    21,
  );

  it("is valid RFC 5545 that ical.js parses, with the expected events", () => {
    const root = new ICAL.Component(ICAL.parse(ics));
    expect(root.name).toBe("vcalendar");
    expect(root.getFirstPropertyValue("version")).toBe("2.0");
    const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const summaries = events.map((e) => e.summary);
    const yearEnd = events.find((e) => e.summary.startsWith("Freeze: Year end"))!;
    expect(yearEnd.summary).toBe(
      'Freeze: Year end; Q4, "hard" freeze — Jahresende mit einem ausgesprochen langen Namen über 75 Oktette',
    );
    expect(yearEnd.description).toContain(
      "Reason: line one\nline two, with comma; and semicolon \\ backslash",
    );
    expect(yearEnd.startDate.toJSDate().toISOString()).toBe("2026-12-18T23:00:00.000Z");
    expect(yearEnd.endDate.toJSDate().toISOString()).toBe("2027-01-04T23:00:00.000Z");
    expect(summaries).toContain("Holiday: Christmas Day");
    expect(summaries).toContain("Holiday: Boxing Day");
    expect(summaries).toContain("Freeze: Incident");
    // The incident freezes everything from 15 Dec 10:00 UTC: only Monday's window and Tuesday's first hour are left.
    const windows = events.filter((e) => e.summary === "Deploy window: Mon-Thu 09:00-16:00");
    expect(
      windows.map((e) => `${e.startDate.toJSDate().toISOString()}/${e.endDate.toJSDate().toISOString()}`),
    ).toEqual([
      "2026-12-14T08:00:00.000Z/2026-12-14T15:00:00.000Z",
      "2026-12-15T08:00:00.000Z/2026-12-15T10:00:00.000Z",
    ]);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const c of root.getAllSubcomponents("vevent"))
      expect(c.getFirstProperty("dtstamp")?.getFirstValue()?.toString()).toBe("2026-12-14T00:00:00Z");
    const incident = events.find((e) => e.summary === "Freeze: Incident")!;
    expect(incident.endDate.toJSDate().toISOString()).toBe("2027-01-04T00:00:00.000Z");
  });

  it("uses CRLF and folds lines at 75 octets", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(ics).toContain("\\;");
    expect(ics).toContain("\\,");
    expect(ics).toContain("\\n");
  });
});

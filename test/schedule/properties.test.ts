import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../src/core/config/schema.js";
import {
  evaluateSchedule,
  type Period,
  type ScheduleQuery,
  schedulePeriods,
} from "../../src/core/schedule/index.js";
import { config } from "./helpers.js";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Australia/Sydney",
];
const DAY = 86_400_000;
const BASE = Date.parse("2026-01-01T00:00:00Z");
const two = (n: number) => String(n).padStart(2, "0");

const clock = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => (h === 24 ? "24:00" : `${two(h)}:${two(m)}`));
const days = fc.constantFrom("Mon-Fri", "Mon-Thu", "Fri", "Sat,Sun", "daily", "Tue,Thu", "Fri-Mon");
const weekly = fc.record({ days, start: clock, end: clock });
const cron = fc.record({
  cron: fc
    .tuple(
      fc.constantFrom(0, 30),
      fc.integer({ min: 0, max: 23 }),
      fc.constantFrom("*", "1-5", "5", "6", "0,3"),
    )
    .map(([m, h, dow]) => `${m} ${h} * * ${dow}`),
  duration: fc.constantFrom("30m", "3h", "8h", "1d", "2d", "1h30m"),
});
function local(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:00`;
}
const oneOff = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 500 }))
  .map(([day, hour, hours]) => {
    const from = BASE + day * DAY + hour * 3_600_000;
    return { name: `F${day}`, from: local(from), to: local(from + hours * 3_600_000) };
  });

const query = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    windows: fc.array(fc.oneof(weekly, cron), { maxLength: 3 }),
    freezes: fc.array(fc.oneof(weekly, cron, oneOff), { maxLength: 2 }),
  })
  .map((input): ScheduleQuery => ({ config: config(input as ConfigInput) }));
const instant = fc
  .integer({ min: 0, max: 500 * DAY })
  .map((ms) => new Date(BASE + Math.floor(ms / 60_000) * 60_000));

function periods(q: ScheduleQuery, from: number, to: number): Period[] {
  return to > from ? schedulePeriods(q, new Date(from), new Date(to)) : [];
}

const SETTINGS = { seed: 20_260_105, numRuns: 200 };

describe("schedule properties", () => {
  it("nextOpen is open and nothing between at and nextOpen is open", () => {
    fc.assert(
      fc.property(query, instant, (q, at) => {
        const r = evaluateSchedule(q, at);
        const t = at.getTime();
        if (r.open) {
          expect(r.nextOpen).toBe(at.toISOString());
          return;
        }
        const end = r.nextOpen ? Date.parse(r.nextOpen) : t + 366 * DAY;
        expect(end).toBeGreaterThan(t);
        for (const p of periods(q, t, end)) expect(p.open).toBe(false);
        if (r.nextOpen) expect(evaluateSchedule(q, new Date(end)).open).toBe(true);
      }),
      SETTINGS,
    );
  });

  it("closesAt is closed and the gate stays open until then", () => {
    fc.assert(
      fc.property(query, instant, (q, at) => {
        const r = evaluateSchedule(q, at);
        if (!r.open) {
          expect(r.closesAt).toBeNull();
          return;
        }
        const t = at.getTime();
        const end = r.closesAt ? Date.parse(r.closesAt) : t + 366 * DAY;
        expect(end).toBeGreaterThan(t);
        for (const p of periods(q, t, end)) expect(p.open).toBe(true);
        if (r.closesAt) expect(evaluateSchedule(q, new Date(end)).open).toBe(false);
      }),
      SETTINGS,
    );
  });

  it("periods are gap-free and agree with evaluateSchedule at their starts", () => {
    fc.assert(
      fc.property(query, instant, fc.integer({ min: 1, max: 10 }), (q, from, span) => {
        const to = new Date(from.getTime() + span * DAY);
        const list = schedulePeriods(q, from, to);
        expect(list[0]?.start).toBe(from.toISOString());
        expect(list[list.length - 1]?.end).toBe(to.toISOString());
        for (let i = 0; i < list.length; i++) {
          const p = list[i]!;
          if (i > 0) expect(p.start).toBe(list[i - 1]!.end);
          expect(Date.parse(p.end)).toBeGreaterThan(Date.parse(p.start));
          const r = evaluateSchedule(q, new Date(p.start));
          expect({ open: r.open, reason: r.reason, rule: r.rule }).toEqual({
            open: p.open,
            reason: p.reason,
            rule: p.rule,
          });
        }
      }),
      { ...SETTINGS, numRuns: 60 },
    );
  });
});

import type { FreezeRule, HolidayRule, WindowRule } from "../config/schema.js";
import {
  type DateTimeLike,
  parseClock,
  parseDateTimeLike,
  parseDays,
  parseDuration,
  parseFreezeEnd,
} from "../config/values.js";
import { cronFires } from "./cron-fires.js";
import { holidayIntervals } from "./holiday-list.js";
import { ruleLabel } from "./rule-label.js";
import type { LedgerFreeze } from "./types.js";
import { DAY, fromWall, isoWeekday, MINUTE, shiftedWall, wallDayOf, wallOf } from "./wall-time.js";

/** A span of time one rule covers: instants in epoch ms, `start` inclusive, `end` exclusive (may be Infinity). */
export interface Interval {
  start: number;
  end: number;
  /** Rule name or label (for holidays: the holiday's name). */
  name: string;
  source: Source;
}

/** One compiled rule (or the holiday calendar) that yields its intervals for any range. */
export interface Source {
  kind: "window" | "freeze";
  /** Reason a covering interval gives: "window" for windows, "freeze" or "holiday" for freezes. */
  why: "window" | "freeze" | "holiday";
  /** Declaration order, used to break ties (first declared wins). */
  order: number;
  label: string;
  reason?: string;
  by?: string;
  /** Intervals with start < to and end > from, sorted by start. */
  intervals(from: number, to: number): Interval[];
}

/** Offsets never exceed ±14 h, so a wall range padded by 2 days always contains the instant range. */
const PAD = 2 * DAY;

/** What a config window or freeze rule says about itself, shared by its weekly and cron forms. */
function identity(rule: WindowRule | FreezeRule, kind: Source["kind"], order: number) {
  return {
    kind,
    why: kind === "window" ? ("window" as const) : ("freeze" as const),
    order,
    label: ruleLabel(rule),
    reason: rule.reason,
  };
}

function weeklySource(
  rule: WindowRule | FreezeRule,
  zone: string,
  kind: Source["kind"],
  order: number,
): Source {
  const parsed =
    rule.days === undefined
      ? [1, 2, 3, 4, 5, 6, 7]
      : parseDays(Array.isArray(rule.days) ? rule.days.join(",") : rule.days);
  const days = new Set(typeof parsed === "string" ? [] : parsed);
  const start = parseClock(rule.start ?? "") ?? 0;
  const end = parseClock(rule.end ?? "") ?? 0;
  // end <= start crosses midnight and belongs to its start day (end 24:00 is the next midnight, not a crossing).
  const endOffset = end <= start ? DAY + end * MINUTE : end * MINUTE;
  const source: Source = {
    ...identity(rule, kind, order),
    intervals(from, to) {
      const out: Interval[] = [];
      if (days.size === 0) return out;
      const first = wallDayOf(from - PAD);
      const last = wallDayOf(to + PAD);
      for (let day = first; day <= last; day += DAY) {
        if (!days.has(isoWeekday(day))) continue;
        const s = fromWall(day + start * MINUTE, zone);
        if (s >= to) break;
        const e = fromWall(day + endOffset, zone);
        if (e > from && e > s) out.push({ start: s, end: e, name: source.label, source });
      }
      return out;
    },
  };
  return source;
}

function cronSource(
  rule: WindowRule | FreezeRule,
  zone: string,
  kind: Source["kind"],
  order: number,
): Source {
  const d = parseDuration(rule.duration ?? "") ?? { weeks: 0, days: 0, hours: 0, minutes: 0 };
  const calendarDays = d.weeks * 7 + d.days;
  const exact = (d.hours * 60 + d.minutes) * MINUTE;
  const maxLength = calendarDays * DAY + DAY + exact;
  const expr = rule.cron ?? "";
  const source: Source = {
    ...identity(rule, kind, order),
    intervals(from, to) {
      const out: Interval[] = [];
      let previous = Number.NEGATIVE_INFINITY;
      for (const fire of cronFires(expr, from - maxLength - PAD, to + PAD)) {
        const s = fromWall(fire, zone);
        if (s >= to) break;
        if (s === previous) continue; // two wall fires mapped onto one instant (both ends of a DST gap)
        previous = s;
        // h/m are exact elapsed time; d/w are calendar days in the zone, counted from the wall time of the start
        // (as Temporal.ZonedDateTime.add: calendar part first, then the exact part).
        const e =
          calendarDays === 0
            ? s + exact
            : fromWall(shiftedWall(fire, zone) + calendarDays * DAY, zone) + exact;
        if (e > from) out.push({ start: s, end: e, name: source.label, source });
      }
      return out;
    },
  };
  return source;
}

function instantOf(p: DateTimeLike | null, zone: string): number {
  if (!p) return Number.NaN;
  return p.kind === "instant" ? p.instant.epochMilliseconds : fromWall(wallOf(p.local), zone);
}

function fixedSource(
  start: number,
  end: number,
  label: string,
  order: number,
  extra: { reason?: string; by?: string },
): Source {
  const source: Source = {
    kind: "freeze",
    why: "freeze",
    order,
    label,
    ...extra,
    intervals(from, to) {
      return start < to && end > from && end > start ? [{ start, end, name: label, source }] : [];
    },
  };
  return source;
}

export function windowSource(rule: WindowRule, zone: string, order: number): Source {
  const z = rule.timezone ?? zone;
  return rule.cron !== undefined
    ? cronSource(rule, z, "window", order)
    : weeklySource(rule, z, "window", order);
}

export function freezeSource(rule: FreezeRule, zone: string, order: number): Source {
  const z = rule.timezone ?? zone;
  if (rule.cron !== undefined) return cronSource(rule, z, "freeze", order);
  if (rule.from !== undefined || rule.to !== undefined)
    return fixedSource(
      instantOf(parseDateTimeLike(rule.from ?? ""), z),
      instantOf(parseFreezeEnd(rule.to ?? ""), z),
      ruleLabel(rule),
      order,
      { reason: rule.reason },
    );
  return weeklySource(rule, z, "freeze", order);
}

export function holidaySource(rule: HolidayRule, zone: string, order: number): Source {
  const z = rule.timezone ?? zone;
  const source: Source = {
    kind: "freeze",
    why: "holiday",
    order,
    label: "public holidays",
    reason: "public holiday",
    intervals(from, to) {
      const out: Interval[] = [];
      const first = new Date(from - PAD).getUTCFullYear();
      const last = new Date(Math.min(to, 8.64e15) + PAD).getUTCFullYear();
      for (let year = first; year <= last; year++)
        for (const h of holidayIntervals(rule, z, year))
          if (h.start < to && h.end > from) out.push({ start: h.start, end: h.end, name: h.name, source });
      return out;
    },
  };
  return source;
}

export function ledgerSource(freeze: LedgerFreeze, order: number): Source {
  const start = Date.parse(freeze.from);
  const end = freeze.until === null ? Number.POSITIVE_INFINITY : Date.parse(freeze.until);
  return fixedSource(start, end, freeze.name, order, { reason: freeze.reason, by: freeze.by });
}

/** Parsers for the config's value types (times, days, durations, zones, cron, globs, date-times). No zod here,
 * so the schedule engine and the CLI use them without loading the schema. */
import { Cron } from "croner";
import { Temporal } from "temporal-polyfill";
import { globSyntaxError } from "../glob/index.js";

/** Weekday numbers follow ISO 8601 (Temporal's `dayOfWeek`): Monday = 1 … Sunday = 7. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since local midnight for "HH:MM"; 24:00 gives 1440. Null when malformed. */
export function parseClock(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 1440 ? null : minutes;
}

function weekdayIndex(name: string): number | null {
  const key = name.trim().toLowerCase().slice(0, 3);
  const i = WEEKDAYS.indexOf(key as (typeof WEEKDAYS)[number]);
  return i < 0 || !/^[a-z]+$/i.test(name.trim()) ? null : i + 1;
}

/** "Mon-Fri", "Mon,Wed,Fri", "Fri-Mon" (wraps), "daily"/"*" → sorted ISO weekday numbers, or an error text. */
export function parseDays(text: string): number[] | string {
  const t = text.trim().toLowerCase();
  if (t === "*" || t === "daily" || t === "every day" || t === "all") return [1, 2, 3, 4, 5, 6, 7];
  if (t === "weekdays") return [1, 2, 3, 4, 5];
  if (t === "weekends") return [6, 7];
  const days = new Set<number>();
  for (const part of t.split(",")) {
    const [from, to, extra] = part.split("-");
    if (extra !== undefined || !from) return `"${part.trim()}" is not a day or a day range`;
    const a = weekdayIndex(from);
    const b = to === undefined ? a : weekdayIndex(to);
    if (a === null || b === null)
      return `"${part.trim()}" is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun`;
    for (let d = a; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

export interface Duration {
  /** Calendar part, applied in the zone (so 1d across DST is 23 h or 25 h). */
  weeks: number;
  days: number;
  /** Exact elapsed part. */
  hours: number;
  minutes: number;
}

const DURATION_RE = /^(?:(\d+)w)?\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$/i;

/** "3h", "15d", "1w", "1h30m" → Duration, or null when malformed or zero. */
export function parseDuration(text: string): Duration | null {
  const m = DURATION_RE.exec(text.trim());
  if (!m || text.trim() === "") return null;
  const [weeks, days, hours, minutes] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  if (weeks + days + hours + minutes === 0) return null;
  return { weeks, days, hours, minutes };
}

/** A rule's duration is at most a year (366 days): evaluation looks back as far as the longest duration. */
export const MAX_RULE_DURATION_DAYS = 366;

/** Error text for a rule `duration` that is malformed, zero or longer than `MAX_RULE_DURATION_DAYS`, else null. */
export function durationError(text: string): string | null {
  const d = parseDuration(text);
  if (!d) return "duration must be a positive length like 90m, 3h, 1h30m, 2d or 1w (h/m exact, d/w calendar)";
  const minutes = ((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes;
  if (minutes > MAX_RULE_DURATION_DAYS * 24 * 60)
    return `duration "${text.trim()}" is longer than ${MAX_RULE_DURATION_DAYS} days; use at most 52w2d (or 366d), or a one-off { from, to } freeze`;
  return null;
}

export function isTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

const CRON_FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "weekday", min: 0, max: 7 },
] as const;

/** A number outside its field's range, in the user's own numbering (croner reports months 0-based). */
function cronRangeError(expr: string, fields: string[]): string | null {
  for (const [i, field] of fields.entries()) {
    const { name, min, max } = CRON_FIELDS[i]!;
    for (const part of field.split(",")) {
      const range = part.split("/")[0] ?? "";
      for (const n of range.split("-"))
        if (/^\d+$/.test(n) && (Number(n) < min || Number(n) > max))
          return `"${expr}": ${name} ${n} is out of range; use ${min}-${max}`;
    }
  }
  return null;
}

/** Returns an error text for a cron expression that is not a valid 5-field cron, else null. */
export function cronError(expr: string): string | null {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5)
    return `"${expr}" has ${fields.length} fields; expected 5 (minute hour day month weekday)`;
  const range = cronRangeError(expr, fields);
  if (range) return range;
  try {
    new Cron(expr, { paused: true, mode: "5-part" });
    return null;
  } catch (e) {
    return `"${expr}" is not a valid cron expression: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Error text for a glob the linear-time matcher (src/core/glob) refuses, else null. */
export function globError(glob: string): string | null {
  return globSyntaxError(glob);
}

/**
 * A local date-time ("2026-11-20T00:00", "2026-11-20 00:00", "2026-11-20") or an instant with an offset
 * ("2026-11-20T00:00Z", "…+01:00"). Returns null when it parses, else an error text.
 */
export function dateTimeError(text: string): string | null {
  return parseDateTimeLike(text)
    ? null
    : `"${text}" is not a date-time; use YYYY-MM-DDTHH:MM (local) or ISO 8601`;
}

export type DateTimeLike =
  | { kind: "instant"; instant: Temporal.Instant }
  | { kind: "local"; local: Temporal.PlainDateTime };

export function parseDateTimeLike(text: string): DateTimeLike | null {
  const t = text.trim().replace(" ", "T");
  if (/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(t)) {
    try {
      return { kind: "instant", instant: Temporal.Instant.from(t) };
    } catch {
      return null;
    }
  }
  if (!/^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?$/.test(t)) return null;
  try {
    return { kind: "local", local: Temporal.PlainDateTime.from(t, { overflow: "reject" }) };
  } catch {
    return null;
  }
}

/** A date without a time, "2027-01-04": as the end of a freeze it covers that whole day (see `parseFreezeEnd`). */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d\d-\d\d$/.test(text.trim());
}

/**
 * The end of a freeze — a config freeze's `to` and `/freeze until`: like `parseDateTimeLike`, except that a date
 * without a time ("2027-01-04") covers that whole day, so the end (exclusive) is the next day's 00:00 local.
 */
export function parseFreezeEnd(text: string): DateTimeLike | null {
  const parsed = parseDateTimeLike(text);
  if (parsed?.kind === "local" && isDateOnly(text))
    return { kind: "local", local: parsed.local.add({ days: 1 }) };
  return parsed;
}

import { Temporal } from "temporal-polyfill";

/**
 * Wall-clock times are handled as "wall ms": the epoch milliseconds the same calendar date and clock time would have
 * in UTC. Calendar arithmetic on them is plain arithmetic (UTC has no DST); every conversion between a wall time and
 * a real instant goes through Temporal, memoised per zone and local day.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

interface DayInfo {
  /** Instant of the day's first moment (Temporal `startOfDay`). */
  start: number;
  /** True when the day is exactly 24 h long, starts at 00:00 and so has one constant UTC offset. */
  regular: boolean;
}

const MAX_DAYS_PER_ZONE = 20_000;
const dayCache = new Map<string, Map<number, DayInfo>>();

function plainDateTime(wall: number): Temporal.PlainDateTime {
  const d = new Date(wall);
  return new Temporal.PlainDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

function dayInfo(zone: string, wallDay: number): DayInfo {
  let days = dayCache.get(zone);
  if (!days) {
    days = new Map();
    dayCache.set(zone, days);
  }
  let info = days.get(wallDay);
  if (info) return info;
  const zdt = plainDateTime(wallDay).toPlainDate().toZonedDateTime({ timeZone: zone });
  // A day with a DST change (or a gap at midnight) is not regular; conversions on it go through Temporal each time.
  info = {
    start: zdt.epochMilliseconds,
    regular: zdt.hour === 0 && zdt.minute === 0 && zdt.hoursInDay === 24,
  };
  if (days.size > MAX_DAYS_PER_ZONE) days.clear();
  days.set(wallDay, info);
  return info;
}

/** The wall-clock day (wall ms at 00:00) that contains `wall`. */
export function wallDayOf(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

/**
 * The instant of a local wall time in `zone`. A time inside a DST gap is shifted forward by the gap and an ambiguous
 * time in a fall-back overlap takes the earlier instant (Temporal `disambiguation: "compatible"`, as RFC 5545).
 */
export function fromWall(wall: number, zone: string): number {
  const day = wallDayOf(wall);
  const info = dayInfo(zone, day);
  if (info.regular) return info.start + (wall - day);
  return plainDateTime(wall).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
}

/**
 * The wall time the instant `fromWall(wall, zone)` shows: `wall` itself, or shifted forward when it falls in a DST gap.
 * Same as `toWall(fromWall(wall, zone), zone)`, without Temporal on regular days (one cached look-up per day).
 */
export function shiftedWall(wall: number, zone: string): number {
  if (dayInfo(zone, wallDayOf(wall)).regular) return wall;
  return toWall(fromWall(wall, zone), zone);
}

/** The local wall time (wall ms) of an instant in `zone`. */
export function toWall(instant: number, zone: string): number {
  const z = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond);
}

/** ISO weekday (Mon = 1 … Sun = 7) of a wall time. */
export function isoWeekday(wall: number): number {
  const d = new Date(wall).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Wall ms of a Temporal.PlainDateTime. */
export function wallOf(p: Temporal.PlainDateTime): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
}

/** UTC offset of `zone` at an instant, as "+05:45". */
export function offsetAt(instant: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).offset;
}

import type { Temporal } from "temporal-polyfill";
import { type Duration, isDateOnly, isTimeZone, parseFreezeEnd } from "../config/values.js";

/** `wholeDay`: the date an `until` named without a time — the freeze covers that whole day. */
export type TimeResult = { instant: Temporal.Instant; wholeDay?: string } | { error: string };

/** "2026-12-01T08:00:00.000Z": the `Date#toISOString()` form (milliseconds, UTC). */
export function isoInstant(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

function zoneError(zone: string): string | null {
  return isTimeZone(zone)
    ? null
    : `the configured time zone "${zone}" is unknown, so times cannot be interpreted`;
}

/** `now` + duration: weeks and days on the calendar of `zone` (1d across a DST change is 23 h or 25 h), h/m exact. */
export function endAfter(
  duration: Duration,
  written: string,
  now: Temporal.Instant,
  zone: string,
): TimeResult {
  const bad = zoneError(zone);
  if (bad) return { error: bad };
  try {
    const { weeks, days, hours, minutes } = duration;
    return { instant: now.toZonedDateTimeISO(zone).add({ weeks, days, hours, minutes }).toInstant() };
  } catch {
    return { error: `\`for ${written}\` is too long` };
  }
}

/** A date, YYYY-MM-DD. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A time that may follow a date as a separate word: 9:00, 09:00, 09:00:30, 09:00Z, 09:00+01:00. */
export const TIME_WORD = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[zZ]|[+-]\d{2}:?\d{2})?$/;
/** Something that starts like a date: the user meant a date even if it is impossible. */
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}/;

/**
 * The instant an `until` value names: a local date-time in `zone` (a time in a DST gap moves forward, in an overlap
 * takes the earlier one — Temporal's "compatible") or an ISO 8601 instant with an offset. A date alone covers that
 * whole day, as a config freeze's `to` does (the same `parseFreezeEnd`): the end is the next day's 00:00 in `zone`.
 * Must lie after `now`.
 */
export function endAt(written: string, now: Temporal.Instant, zone: string): TimeResult {
  if (TIME_WORD.test(written)) {
    return { error: `\`until ${written}\` needs a date as well, e.g. \`until 2026-12-01 ${written}\`` };
  }
  const text = written.replace(/^(\d{4}-\d{2}-\d{2})[Tt ](\d):/, "$1T0$2:");
  const parsed = parseFreezeEnd(text);
  if (!parsed) {
    return DATE_LIKE.test(written)
      ? {
          error: `\`until ${written}\` is not a real date and time (check the day of the month and the hour)`,
        }
      : {
          error: `\`until ${written}\` is not a date-time; write YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601 with an offset (words like "tomorrow" are not understood)`,
        };
  }
  let instant: Temporal.Instant;
  if (parsed.kind === "instant") {
    instant = parsed.instant;
  } else {
    const bad = zoneError(zone);
    if (bad) return { error: bad };
    try {
      instant = parsed.local.toZonedDateTime(zone, { disambiguation: "compatible" }).toInstant();
    } catch {
      return { error: `\`until ${written}\` is out of range` };
    }
  }
  if (instant.epochMilliseconds <= now.epochMilliseconds) {
    return { error: `\`until ${written}\` is in the past (it is now ${isoInstant(now)})` };
  }
  return isDateOnly(written) ? { instant, wholeDay: written.trim() } : { instant };
}

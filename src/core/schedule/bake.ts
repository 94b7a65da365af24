import { Temporal } from "temporal-polyfill";
import type { Config } from "../config/schema.js";
import { type Duration, parseDuration } from "../config/values.js";
import type { CompiledSchedule } from "./compile-query.js";
import { rawPeriods } from "./schedule-periods.js";
import { DAY } from "./wall-time.js";

/** A bake time as written and parsed. */
export interface Bake {
  text: string;
  duration: Duration;
}

/** `environments.<env>.bake` when the environment sets it ("0m" = none), else the top-level `bake`; null = none. */
export function bakeOf(config: Config, environment: string | null | undefined): Bake | null {
  const env =
    environment && Object.hasOwn(config.environments, environment)
      ? config.environments[environment]
      : undefined;
  const text = env?.bake ?? config.bake;
  if (text === undefined) return null;
  const duration = parseDuration(text);
  return duration ? { text: text.trim(), duration } : null;
}

/** t + bake: the calendar part (d/w) in the zone, then the exact part (h/m), as `Temporal.ZonedDateTime.add`. */
export function bakeEnd(t: number, bake: Bake, zone: string): number {
  const { weeks, days, hours, minutes } = bake.duration;
  return Temporal.Instant.fromEpochMilliseconds(t)
    .toZonedDateTimeISO(zone)
    .add({ weeks, days })
    .add({ hours, minutes }).epochMilliseconds;
}

/** The first instant at which a start no longer fits before `close`: close − bake (exact part first, then calendar). */
export function lastStart(close: number, bake: Bake, zone: string): number {
  const { weeks, days, hours, minutes } = bake.duration;
  return Temporal.Instant.fromEpochMilliseconds(close)
    .toZonedDateTimeISO(zone)
    .subtract({ hours, minutes })
    .subtract({ weeks, days }).epochMilliseconds;
}

/** Horizons tried in turn, as for `nextOpen` without bake: a year is read only when nothing fits sooner. */
const HORIZONS = [8 * DAY, 64 * DAY, 366 * DAY + 1];

/**
 * The first instant ≥ `from` at which a deploy may start with its bake: the schedule is open there and stays open
 * (across touching windows) until after the bake ends. Null when none within a year. Work is bounded by the periods
 * of that year.
 */
export function firstBakedStart(compiled: CompiledSchedule, from: number, bake: Bake): number | null {
  for (const span of HORIZONS) {
    const to = from + span;
    let start: number | null = null;
    for (const p of rawPeriods(compiled, from, to)) {
      if (p.open) {
        start ??= p.start;
        continue;
      }
      if (start !== null && bakeEnd(start, bake, compiled.zone) < p.start) return start;
      start = null;
    }
    // An open block that reaches the horizon fits if the bake ends before it; else a longer look decides.
    if (start !== null && bakeEnd(start, bake, compiled.zone) < to) return start;
  }
  return null;
}

import { bakeOf, lastStart } from "./bake.js";
import { compileQuery } from "./compile-query.js";
import { describeSchedule } from "./describe-schedule.js";
import { evaluateSchedule } from "./evaluate-schedule.js";
import { MONTH, WEEKDAY, zoneAbbreviation } from "./format-when.js";
import { rawPeriods } from "./schedule-periods.js";
import type { ScheduleQuery } from "./types.js";
import { unknownEnvironmentWarning } from "./unknown-environment.js";
import { DAY, fromWall, isoWeekday, offsetAt, toWall, wallDayOf } from "./wall-time.js";

const two = (n: number) => String(n).padStart(2, "0");

function hhmm(wall: number): string {
  const d = new Date(wall);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

function dayTitle(wallDay: number): string {
  const d = new Date(wallDay);
  return `${WEEKDAY[isoWeekday(wallDay) - 1]} ${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A period's UTC times: "UTC 08:00–15:00" within one UTC day, "UTC 23:00–24:00" up to the next UTC midnight, else
 * with dates ("UTC 27 Mar 23:00–28 Mar 23:00"), so a whole local day never reads as an empty "23:00–23:00".
 */
function utcSpan(start: number, end: number): string {
  const startDay = wallDayOf(start);
  if (end - startDay <= DAY) return `UTC ${hhmm(start)}–${end - startDay === DAY ? "24:00" : hhmm(end)}`;
  const date = (ms: number) => `${new Date(ms).getUTCDate()} ${MONTH[new Date(ms).getUTCMonth()]}`;
  return `UTC ${date(start)} ${hhmm(start)}–${date(end)} ${hhmm(end)}`;
}

/**
 * The human timeline for `change-gate explain`: a header with the current state, then `days` local days starting
 * with today (marked), each split into open/closed periods with the deciding rule, local times (zone abbreviation)
 * and UTC times; the period containing `at` is marked "◀ now". `warnings` (the caller's, e.g. an `_extends` not applied)
 * print as `Warning:` lines in the header.
 */
export function renderExplain(
  query: ScheduleQuery,
  at: Date,
  days: number,
  warnings: readonly string[] = [],
): string {
  const compiled = compileQuery(query);
  const zone = compiled.zone;
  const t = at.getTime();
  const abbr = (ms: number) => zoneAbbreviation(ms, zone, offsetAt(ms, zone));
  const today = wallDayOf(toWall(t, zone));
  const count = Math.max(1, Math.floor(days));
  const lines: string[] = [];
  const scope = [`time zone ${zone}`];
  if (query.environment) scope.push(`environment ${query.environment}`);
  if (query.riskLevel) scope.push(`risk ${query.riskLevel}`);
  lines.push(`Deploy schedule — ${scope.join(", ")}`);
  const nowWall = toWall(t, zone);
  lines.push(`Now: ${dayTitle(today)} ${hhmm(nowWall)} ${abbr(t)} (${at.toISOString()})`);
  lines.push(`State: ${describeSchedule(evaluateSchedule(query, at), at)}`);
  const warning = unknownEnvironmentWarning(query.config, query.environment);
  for (const w of warning ? [...warnings, warning] : warnings) lines.push(`Warning: ${w}`);
  if (!compiled.windows) lines.push("No deploy windows apply: open whenever no freeze is active.");

  const dayStarts: number[] = [];
  for (let k = 0; k <= count; k++) dayStarts.push(fromWall(today + k * DAY, zone));
  const periods = rawPeriods(compiled, dayStarts[0]!, dayStarts[count]!);
  const bake = query.ignoreBake || query.ignoreWindows ? null : bakeOf(query.config, query.environment);
  if (bake)
    lines.push(
      `Bake time ${bake.text}: a deploy may start only if the schedule stays open ${bake.text} after it.`,
    );
  // With a bake, each open stretch (touching open periods) ends its starts at stretch end − bake.
  const lastStartOf = (q: number): number | null => {
    if (!bake) return null;
    let r = q;
    while (r + 1 < periods.length && periods[r + 1]!.open) r++;
    const end = periods[r]!.end;
    if (end >= dayStarts[count]!) return null; // the stretch runs past what is shown; its end is not known here
    return lastStart(end, bake, zone);
  };
  let p = 0;
  for (let k = 0; k < count; k++) {
    const dayStart = dayStarts[k]!;
    const dayEnd = dayStarts[k + 1]!;
    lines.push("");
    lines.push(`${dayTitle(today + k * DAY)}${k === 0 ? "  (today)" : ""}`);
    while (p < periods.length && periods[p]!.end <= dayStart) p++;
    for (let q = p; q < periods.length && periods[q]!.start < dayEnd; q++) {
      const period = periods[q]!;
      const s = Math.max(period.start, dayStart);
      const e = Math.min(period.end, dayEnd);
      const sAbbr = abbr(s);
      const eAbbr = abbr(e - 1);
      const endText = e === dayEnd ? "24:00" : hhmm(toWall(e, zone));
      const local =
        sAbbr === eAbbr
          ? `${hhmm(toWall(s, zone))}–${endText} ${sAbbr}`
          : `${hhmm(toWall(s, zone))} ${sAbbr}–${endText} ${eAbbr}`;
      const utc = utcSpan(s, e);
      const state = period.open ? "open  " : "closed";
      const why =
        period.reason === "window"
          ? `window ${period.rule}`
          : period.reason === "always"
            ? "no windows"
            : period.reason === "outside-window"
              ? "outside windows"
              : `${period.reason} ${period.rule}`;
      const now = s <= t && t < e ? "  ◀ now" : "";
      const last = period.open ? lastStartOf(q) : null;
      const bakeNote =
        last === null
          ? ""
          : last <= period.start
            ? "  no start fits the bake"
            : last <= e
              ? `  last start ${hhmm(toWall(last, zone))} ${abbr(last)}`
              : "";
      lines.push(`  ${local.padEnd(20)} ${state}  ${why.padEnd(34)} ${utc}${bakeNote}${now}`.trimEnd());
    }
  }
  return `${lines.join("\n")}\n`;
}

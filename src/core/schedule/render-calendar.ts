import { type Bake, bakeOf, lastStart } from "./bake.js";
import { compileQuery } from "./compile-query.js";
import { union } from "./evaluate-schedule.js";
import { type Series, subtract, toSeries } from "./recurrence.js";
import type { Interval, Source } from "./rule-source.js";
import type { ScheduleQuery } from "./types.js";
import { DAY, toWall } from "./wall-time.js";

function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1 folding: lines of at most 75 octets, continuation lines start with one space; never splits a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function uidPart(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "rule"
  );
}

const BYDAY = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** The calendar lines of one series: DTSTART/DTEND of its first occurrence, then RRULE and EXDATE when it repeats. */
function seriesLines(series: Series, rangeEnd: number): string[] {
  const stop = Number.isFinite(series.first.end) ? series.first.end : rangeEnd;
  const lines = [`DTSTART:${icsTime(series.first.start)}`, `DTEND:${icsTime(stop)}`];
  if (series.days && series.until !== undefined)
    lines.push(
      `RRULE:FREQ=WEEKLY;BYDAY=${series.days.map((d) => BYDAY[d]).join(",")};UNTIL=${icsTime(series.until)}`,
    );
  if (series.except?.length) lines.push(`EXDATE:${series.except.map(icsTime).join(",")}`);
  return lines;
}

interface Entry {
  kind: "freeze" | "holiday" | "window";
  name: string;
  source: Source;
  series: Series;
}

/** Each source's intervals grouped by name (a holiday calendar yields many names), in order of first start. */
function byName(intervals: Interval[]): Interval[][] {
  const groups = new Map<string, Interval[]>();
  for (const i of intervals) {
    const list = groups.get(i.name);
    if (list) list.push(i);
    else groups.set(i.name, [i]);
  }
  return [...groups.values()];
}

/** "Last deploy start: 14:00 Europe/Berlin (bake 3h …)" for a window occurrence, in the zone's wall time. */
function lastStartLine(window: { start: number; end: number }, bake: Bake, zone: string): string {
  const last = lastStart(window.end, bake, zone);
  if (last <= window.start) return `No deploy start fits the ${bake.text} bake in this window.`;
  const wall = new Date(toWall(last, zone));
  const hh = String(wall.getUTCHours()).padStart(2, "0");
  const mm = String(wall.getUTCMinutes()).padStart(2, "0");
  return `Last deploy start: ${hh}:${mm} ${zone} (bake ${bake.text}: a deploy must leave ${bake.text} of open schedule after it).`;
}

/**
 * An RFC 5545 calendar (CRLF, folded, escaped) of the effective schedule in [from, from + days): every freeze and
 * holiday as a busy event (TRANSP:OPAQUE), and the deploy windows net of them as free events (TRANSPARENT) — a window
 * day inside a freeze is left out, a window a freeze cuts short appears as what is left of it. Occurrences that repeat
 * weekly at one UTC time are one event with RRULE and EXDATE, so a year stays a few dozen events; a DST change starts
 * a new series. Times are UTC ("Z"); DTSTAMP is `from`, so output is deterministic. A freeze without an end (ledger,
 * until lifted) ends at the range end.
 */
export function renderCalendar(query: ScheduleQuery, from: Date, days: number): string {
  const compiled = compileQuery(query);
  const start = from.getTime();
  const end = start + Math.max(1, days) * DAY;
  const stamp = icsTime(start);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//change-gate//schedule//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`change-gate: freezes and deploy windows (${compiled.zone})`)}`,
    `X-WR-TIMEZONE:${compiled.zone}`,
  ];
  const bake = query.ignoreBake || query.ignoreWindows ? null : bakeOf(query.config, query.environment);
  const entries: Entry[] = [];
  const frozen: Interval[] = [];
  for (const s of compiled.freezes) {
    const intervals = s.intervals(start, end);
    frozen.push(...intervals);
    const kind = s.why === "holiday" ? "holiday" : "freeze";
    for (const group of byName(intervals))
      for (const series of toSeries(group)) entries.push({ kind, name: group[0]!.name, source: s, series });
  }
  const blocks = union(frozen);
  for (const s of compiled.windows ?? []) {
    const { whole, pieces } = subtract(s.intervals(start, end), blocks);
    // What a weekly freeze leaves of a window repeats too (Friday mornings before "No Friday afternoons").
    const left = [...whole, ...pieces].sort((a, b) => a.start - b.start);
    for (const one of toSeries(left)) entries.push({ kind: "window", name: s.label, source: s, series: one });
  }
  entries.sort((a, b) => a.series.first.start - b.series.first.start || a.source.order - b.source.order);
  for (const e of entries) {
    const freeze = e.kind !== "window";
    const title = freeze
      ? `${e.kind === "holiday" ? "Holiday" : "Freeze"}: ${e.name}`
      : `Deploy window: ${e.name}`;
    const description = [
      freeze
        ? "Deploys are blocked (freezes beat windows)."
        : "Deploys are allowed (freezes already left out).",
      !freeze && bake ? lastStartLine(e.series.first, bake, compiled.zone) : "",
      e.source.reason ? `Reason: ${e.source.reason}` : "",
      e.source.by ? `By: ${e.source.by}` : "",
      Number.isFinite(e.series.first.end) ? "" : "Until lifted with /unfreeze.",
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.kind}-${e.source.order}-${uidPart(e.name)}-${icsTime(e.series.first.start)}@change-gate`,
      `DTSTAMP:${stamp}`,
      ...seriesLines(e.series, end),
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${e.kind.toUpperCase()}`,
      `TRANSP:${freeze ? "OPAQUE" : "TRANSPARENT"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

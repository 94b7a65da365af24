import { compileQuery } from "./compile-query.js";
import type { Interval } from "./rule-source.js";
import type { ScheduleQuery } from "./types.js";
import { DAY } from "./wall-time.js";

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

/**
 * An RFC 5545 calendar (CRLF, folded, escaped) with one VEVENT per freeze, holiday and window interval that overlaps
 * [from, from + days). Times are UTC ("Z"); DTSTAMP is `from`, so output is deterministic. Freezes are busy
 * (TRANSP:OPAQUE), windows free (TRANSPARENT). A freeze without an end (ledger, until lifted) ends at the range end.
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
  const events: Interval[] = [];
  for (const s of compiled.freezes) events.push(...s.intervals(start, end));
  for (const s of compiled.windows ?? []) events.push(...s.intervals(start, end));
  events.sort((a, b) => a.start - b.start || a.source.order - b.source.order);
  for (const e of events) {
    const freeze = e.source.kind === "freeze";
    const kind = freeze ? (e.source.why === "holiday" ? "holiday" : "freeze") : "window";
    const title = freeze
      ? `${e.source.why === "holiday" ? "Holiday" : "Freeze"}: ${e.name}`
      : `Deploy window: ${e.name}`;
    const stop = Number.isFinite(e.end) ? e.end : end;
    const description = [
      freeze
        ? "Deploys are blocked (freezes beat windows)."
        : "Deploys are allowed unless a freeze is active.",
      e.source.reason ? `Reason: ${e.source.reason}` : "",
      e.source.by ? `By: ${e.source.by}` : "",
      Number.isFinite(e.end) ? "" : "Until lifted with /unfreeze.",
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${kind}-${e.source.order}-${uidPart(e.name)}-${icsTime(e.start)}@change-gate`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(e.start)}`,
      `DTEND:${icsTime(stop)}`,
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${kind.toUpperCase()}`,
      `TRANSP:${freeze ? "OPAQUE" : "TRANSPARENT"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

import type { CheckReport, GateDecision } from "../core/policy/index.js";
import { cell, gateSummary } from "../core/render/index.js";
import { formatIn, formatWhen, type ScheduleResult } from "../core/schedule/index.js";

/** "2027-01-05 08:00 UTC" */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The next-opening line of every summary: local time in the config zone, UTC, and how far away. */
export function nextOpeningLine(schedule: ScheduleResult, at: Date): string {
  if (schedule.open) {
    const closes = schedule.closesAt
      ? ` — closes ${formatWhen(schedule.closesAt, schedule.timezone)} · ${utc(schedule.closesAt)} (in ${formatIn(at.toISOString(), schedule.closesAt)})`
      : "";
    return `**Open now**${closes}`;
  }
  if (!schedule.nextOpen) return "**Next opening:** none within a year";
  return `**Next opening:** ${formatWhen(schedule.nextOpen, schedule.timezone)} · ${utc(schedule.nextOpen)} (in ${formatIn(at.toISOString(), schedule.nextOpen)})`;
}

/** Job summary for a decision: headline, the gate's rules table, and the next opening in local time and UTC. */
export function decisionSummary(title: string, report: CheckReport, gate: GateDecision, at: Date): string {
  return [
    `## ${title}`,
    `**${cell(gate.summary)}**`,
    gateSummary(report, gate),
    nextOpeningLine(report.schedule, at),
  ].join("\n\n");
}

/** "Re-checked 12 open pull requests (1 failed); next schedule change Tue 24 Nov 16:00 UTC." */
export function reevaluationLine(
  result: { evaluated: number; failures: number; untouched?: number; nextChange: string | null },
  timezone: string,
): string {
  const failed = result.failures ? ` (${result.failures} failed)` : "";
  const untouched = result.untouched
    ? `, ${result.untouched} of them unaffected by the change (check left as it was)`
    : "";
  const next = result.nextChange ? `; next schedule change ${formatWhen(result.nextChange, timezone)}` : "";
  return `Re-checked ${result.evaluated} open pull request${result.evaluated === 1 ? "" : "s"}${failed}${untouched}${next}.`;
}

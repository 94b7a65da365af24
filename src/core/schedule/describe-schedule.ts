import { formatIn } from "./format-in.js";
import { formatWhen } from "./format-when.js";
import type { ScheduleResult } from "./types.js";

/**
 * One line for messages:
 * - "closed by freeze Year end — opens Mon 5 Jan 09:00 CET (in 2d 13h)"
 * - "closed by holiday Christmas Day — opens …", "closed outside deploy windows — opens …"
 * - "open (window Mon-Thu 09:00-16:00) — closes Thu 26 Nov 16:00 CET (in 6h)"
 * - "open — no windows configured" (plus " — closes …" when a freeze is coming within a year); with
 *   `windowsIgnored` (windows exist but do not apply here): "open — windows apply to deploys only"
 *   (plus " — closes … for freeze …")
 * - "closed … — never opens within a year", "open (window …) — stays open for at least a year"
 * - with `bake`: "open (window …) — last start with a 3h bake Mon 5 Jan 14:00 UTC (in 4h)", "closed for bake time: a
 *   deploy now would not have 3h of open schedule after it — opens …"
 */
export function describeSchedule(
  result: ScheduleResult,
  at: Date,
  options: { windowsIgnored?: boolean } = {},
): string {
  const now = at.toISOString();
  const when = (iso: string) => `${formatWhen(iso, result.timezone)} (in ${formatIn(now, iso)})`;
  if (result.open) {
    const head =
      result.reason === "window"
        ? `open (window ${result.rule})`
        : options.windowsIgnored
          ? "open — windows apply to deploys only"
          : "open — no windows configured";
    if (result.closesAt && result.bake)
      return `${head} — last start with a ${result.bake} bake ${when(result.closesAt)}`;
    if (result.closesAt) return `${head} — closes ${when(result.closesAt)}`;
    return result.reason === "window" ? `${head} — stays open for at least a year` : head;
  }
  const head =
    result.reason === "freeze"
      ? `closed by freeze ${result.rule}`
      : result.reason === "holiday"
        ? `closed by holiday ${result.rule}`
        : result.reason === "bake"
          ? `closed for bake time: a deploy now would not have ${result.bake ?? "its bake time"} of open schedule after it`
          : "closed outside deploy windows";
  return result.nextOpen ? `${head} — opens ${when(result.nextOpen)}` : `${head} — never opens within a year`;
}

import type { FreezeRule, WindowRule } from "../config/schema.js";

function daysText(days: string | string[] | undefined): string {
  if (days === undefined) return "daily";
  return Array.isArray(days) ? days.join(",") : days.trim();
}

/**
 * A readable label for a rule: its `name` when it has one, else a description of its timing such as
 * "Mon-Thu 09:00-16:00", "cron 0 9 * * 5 for 3h" or "2026-11-20T00:00 to 2026-12-01T00:00"; a rule-level
 * time zone is appended in parentheses.
 */
export function ruleLabel(rule: WindowRule | FreezeRule): string {
  if (rule.name) return rule.name;
  let text: string;
  if (rule.cron !== undefined) text = `cron ${rule.cron.trim()} for ${rule.duration ?? "?"}`;
  else if ("from" in rule && rule.from !== undefined) text = `${rule.from} to ${rule.to ?? "?"}`;
  else text = `${daysText(rule.days)} ${rule.start ?? "?"}-${rule.end ?? "?"}`;
  return rule.timezone ? `${text} (${rule.timezone})` : text;
}

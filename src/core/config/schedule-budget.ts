import type { z } from "zod";
import { cronFiresPerYear, MAX_CRON_FIRES_PER_YEAR } from "../schedule/cron-fires.js";

/**
 * Bounded work: every config that validates evaluates in bounded work. Evaluating a query walks each schedule rule
 * over at most about two years (a year of look-ahead, plus a look-back as long as the longest duration), so the
 * number of rules and the number of cron fires a year bound the work of every evaluation.
 */
export const MAX_SCHEDULE_RULES = 200;
/** Fires a year of all cron rules together (two hourly rules). */
export const MAX_CONFIG_CRON_FIRES_PER_YEAR = 20_000;

const fmt = (n: number) => n.toLocaleString("en-US");

/** The limits in one sentence, for the schema text (docs/config.md and editors). */
export const SCHEDULE_BUDGET_TEXT = `At most ${fmt(MAX_CRON_FIRES_PER_YEAR)} fires a year (hourly is 8,784); all cron rules together at most ${fmt(MAX_CONFIG_CRON_FIRES_PER_YEAR)}; at most ${MAX_SCHEDULE_RULES} window and freeze rules in a config.`;

interface FoundRule {
  path: (string | number)[];
  rule: Record<string, unknown>;
}

const RULE_KEYS = ["cron", "days", "start", "end", "from", "to"];

/**
 * Every window or freeze rule in the (validated) config, wherever it sits: top level, environments, risk windows, and
 * any list added later. A rule is an object in a list with one of the schedule keys.
 */
function scheduleRules(value: unknown, path: (string | number)[], out: FoundRule[]): FoundRule[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item && typeof item === "object" && !Array.isArray(item) && RULE_KEYS.some((k) => k in item))
        out.push({ path: [...path, i], rule: item as Record<string, unknown> });
      else scheduleRules(item, [...path, i], out);
    });
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) scheduleRules(child, [...path, key], out);
  }
  return out;
}

function firesPerYear(cron: string): number | null {
  try {
    return cronFiresPerYear(cron);
  } catch {
    return null;
  }
}

/** Config-level refinement: too many rules, a cron that fires too often (or never), too many fires in total. */
export function checkScheduleBudget(config: unknown, ctx: z.RefinementCtx): void {
  const rules = scheduleRules(config, [], []);
  if (rules.length > MAX_SCHEDULE_RULES) {
    ctx.addIssue({
      code: "custom",
      path: rules[MAX_SCHEDULE_RULES]!.path,
      message: `the config has ${fmt(rules.length)} window and freeze rules (all environments and risk levels counted); at most ${MAX_SCHEDULE_RULES} are allowed: merge rules, e.g. one { days: Mon-Fri, start, end } rule instead of one per day`,
    });
    return;
  }
  let total = 0;
  let tooDense = false;
  let overBudgetAt: (string | number)[] | null = null;
  for (const { path, rule } of rules) {
    if (typeof rule.cron !== "string") continue;
    const fires = firesPerYear(rule.cron);
    if (fires === null) continue; // not a valid cron: the rule's own check reports it
    total += fires;
    if (total > MAX_CONFIG_CRON_FIRES_PER_YEAR && overBudgetAt === null) overBudgetAt = [...path, "cron"];
    if (fires === 0)
      ctx.addIssue({
        code: "custom",
        path: [...path, "cron"],
        message: `"${rule.cron}" never fires (no such date); check the day-of-month and month fields`,
      });
    else if (fires > MAX_CRON_FIRES_PER_YEAR) {
      tooDense = true;
      ctx.addIssue({
        code: "custom",
        path: [...path, "cron"],
        message: `"${rule.cron}" fires ${fmt(fires)} times a year; a cron rule may fire at most ${fmt(MAX_CRON_FIRES_PER_YEAR)} times a year (hourly is 8,784): for a window open most of the day use { days, start, end }, or fire less often`,
      });
    }
  }
  if (overBudgetAt && !tooDense)
    ctx.addIssue({
      code: "custom",
      path: overBudgetAt,
      message: `the cron rules fire ${fmt(total)} times a year together; at most ${fmt(MAX_CONFIG_CRON_FIRES_PER_YEAR)} are allowed: use fewer or less frequent cron rules, or { days, start, end } rules`,
    });
}

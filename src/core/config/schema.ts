import { z } from "zod";
import { GLOB_SYNTAX } from "../glob/index.js";
import { isHolidayLibraryLoaded } from "../schedule/holiday-library.js";
import { holidayConfigError } from "../schedule/holiday-list.js";
import {
  clockTime,
  cronSpec,
  dateTimeSpec,
  daysSpec,
  durationSpec,
  globSpec,
  MAX_RULE_DURATION_DAYS,
  parseDateTimeLike,
  parseFreezeEnd,
  timeZone,
} from "./primitives.js";
import { checkScheduleBudget, SCHEDULE_BUDGET_TEXT } from "./schedule-budget.js";
import { durationError, parseDuration } from "./values.js";

/**
 * The single source of truth for `.github/change-gate.yml`. Every key carries its documentation in `.describe()`,
 * which flows into `schema/change-gate.schema.json` for editors and into the README's config reference.
 */

const name = z.string().min(1).max(200).describe('Human name shown in messages, e.g. "Peak season".');
const reason = z.string().max(1000).describe("Why this rule exists; shown next to the name.");
const ruleZone = timeZone.describe(
  "IANA time zone for this rule only; defaults to the top-level `timezone`.",
);

/** Fields shared by every schedule rule; which of them are required depends on the rule's kind. */
const ruleShape = {
  name: name.optional(),
  reason: reason.optional(),
  timezone: ruleZone.optional(),
  days: daysSpec
    .optional()
    .describe('Weekdays the rule applies to: "Mon-Fri", "Mon,Wed,Fri", ["Sat", "Sun"], "daily".'),
  start: clockTime("start").optional().describe('Local start time "HH:MM", inclusive.'),
  end: clockTime("end")
    .optional()
    .describe('Local end time "HH:MM", exclusive; "24:00" allowed; end <= start crosses midnight.'),
  cron: cronSpec
    .optional()
    .describe(
      `5-field cron in local time; the rule opens at each fire, e.g. "0 9 * * 5". ${SCHEDULE_BUDGET_TEXT}`,
    ),
  duration: durationSpec
    .optional()
    .describe(
      `How long a cron rule lasts: h/m are exact time, d/w calendar units; at most ${MAX_RULE_DURATION_DAYS} days.`,
    ),
};

type RuleInput = {
  days?: unknown;
  start?: unknown;
  end?: unknown;
  cron?: unknown;
  duration?: unknown;
  from?: unknown;
  to?: unknown;
};

function requireRuleKind(kinds: string, allowFromTo: boolean) {
  return (v: RuleInput, ctx: z.RefinementCtx) => {
    const weekly = v.days !== undefined || v.start !== undefined || v.end !== undefined;
    const cron = v.cron !== undefined || v.duration !== undefined;
    const oneOff = v.from !== undefined || v.to !== undefined;
    const count = [weekly, cron, oneOff].filter(Boolean).length;
    if (count !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `a rule must be exactly one of: ${kinds}`,
      });
      return;
    }
    if (weekly) {
      for (const key of ["start", "end"] as const)
        if (v[key] === undefined)
          ctx.addIssue({ code: "custom", path: [key], message: `missing "${key}" (HH:MM)` });
    }
    if (cron) {
      for (const key of ["cron", "duration"] as const)
        if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `missing "${key}"` });
    }
    if (oneOff && allowFromTo) {
      for (const key of ["from", "to"] as const)
        if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `missing "${key}"` });
      if (typeof v.from === "string" && typeof v.to === "string") {
        const a = parseDateTimeLike(v.from);
        const b = parseFreezeEnd(v.to);
        if (a && b && a.kind === "local" && b.kind === "local" && compareLocal(a.local, b.local) >= 0)
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: `"to" (${v.to}) must be after "from" (${v.from})`,
          });
        if (
          a &&
          b &&
          a.kind === "instant" &&
          b.kind === "instant" &&
          a.instant.epochMilliseconds >= b.instant.epochMilliseconds
        )
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: `"to" (${v.to}) must be after "from" (${v.from})`,
          });
      }
    }
  };
}

function compareLocal(a: { toString(): string }, b: { toString(): string }): number {
  return a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0;
}

export const windowSchema = z
  .strictObject(ruleShape)
  .superRefine(requireRuleKind("{days, start, end} or {cron, duration}", false))
  .describe("An allowed deploy window: weekly {days, start, end} or recurring {cron, duration}.");

export const freezeSchema = z
  .strictObject({
    ...ruleShape,
    from: dateTimeSpec
      .optional()
      .describe(
        'One-off freeze start, local "YYYY-MM-DDTHH:MM" (or ISO with offset); a date alone starts at 00:00 local.',
      ),
    to: dateTimeSpec
      .optional()
      .describe(
        'One-off freeze end (exclusive), same format as `from`; a date alone ("2027-01-04") covers that whole day, so the freeze ends at the next day\'s 00:00 local.',
      ),
  })
  .superRefine(requireRuleKind("{from, to}, {cron, duration} or {days, start, end}", true))
  .describe(
    "A period when changes are not allowed: one-off {from, to}, recurring {cron, duration} or weekly {days, start, end}.",
  );

export const holidaysSchema = z
  .strictObject({
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "country must be an ISO 3166-1 alpha-2 code such as DE or US")
      .describe("ISO 3166-1 alpha-2 country code, e.g. DE."),
    region: z
      .string()
      .min(1)
      .optional()
      .describe("State/region code within the country, e.g. BE for Berlin."),
    types: z
      .array(z.enum(["public", "bank", "school", "optional", "observance"]))
      .default(["public"])
      .describe("Which holiday types freeze; default only public holidays."),
    day_before: z.boolean().default(false).describe("Also freeze the whole day before each holiday."),
    timezone: ruleZone.optional(),
  })
  .superRefine((v, ctx) => {
    if (!isHolidayLibraryLoaded()) {
      // Fail closed: a caller that skipped loadConfigAsync must not get an unchecked holiday rule.
      ctx.addIssue({
        code: "custom",
        message: "holiday calendar not loaded (internal error: use loadConfigAsync)",
      });
      return;
    }
    const err = holidayConfigError(v);
    if (err) ctx.addIssue({ code: "custom", path: [err.key], message: err.message });
  })
  .describe("Public holidays of a country (via date-holidays) act as freezes named after the holiday.");

const sectionSchema = (defaults: string[]) =>
  z
    .strictObject({
      required: z
        .boolean()
        .default(true)
        .describe("Fail the check when the section is missing or a placeholder."),
      headings: z
        .array(z.string().min(1))
        .default([])
        .describe(
          "Extra heading/label words that name this section, added to the built-in multilingual aliases.",
        ),
    })
    .default({ required: true, headings: [] })
    .describe(`Section rule. Built-in aliases include: ${defaults.join(", ")}.`);

export const descriptionSchema = z
  .strictObject({
    rollback: sectionSchema(["rollback", "roll back", "revert", "backout", "reversal", "undo"]),
    blast_radius: sectionSchema(["blast radius", "impact", "worst case", "affected", "risk"]),
    template: z
      .union([z.literal("auto"), z.literal("none"), z.string().min(1)])
      .default("auto")
      .describe(
        '"auto" compares with the repo\'s own PR template(s), "none" disables it, or a path to one template.',
      ),
    reasoned_na: z
      .boolean()
      .default(true)
      .describe('Accept "N/A" followed by a reason ("N/A — docs-only, nothing to roll back") as an answer.'),
    placeholders: z
      .array(z.string().min(1))
      .default([])
      .describe("Extra stock non-answers treated as placeholders (case-insensitive, whole answer)."),
    skip: z
      .strictObject({
        labels: z
          .array(z.string().min(1))
          .default([])
          .describe("PRs with any of these labels skip the description rules."),
        authors: z
          .array(z.string().min(1))
          .default([])
          .describe("PR authors (logins) that skip the description rules."),
        paths: z
          .array(globSpec)
          .default([])
          .describe(`Skip when every changed file matches one of these globs. ${GLOB_SYNTAX}`),
      })
      .default({ labels: [], authors: [], paths: [] })
      .describe("When the description rules do not apply."),
  })
  .default({
    rollback: { required: true, headings: [] },
    blast_radius: { required: true, headings: [] },
    template: "auto",
    reasoned_na: true,
    placeholders: [],
    skip: { labels: [], authors: [], paths: [] },
  })
  .describe("Rules for the PR description: rollback plan and blast radius.");

const requirable = z.enum(["rollback", "blast_radius"]);

const riskWindowsSchema = z.strictObject({
  medium: z
    .array(windowSchema)
    .optional()
    .describe("Windows for medium-risk changes, instead of the normal ones."),
  high: z
    .array(windowSchema)
    .optional()
    .describe("Windows for high-risk changes, instead of the normal ones."),
});

/** `bake`: a duration (h/m exact, d/w calendar days), at most a week; "0m" turns an inherited bake off. */
const bakeSpec = z.string().superRefine((v, ctx) => {
  if (/^\s*0+\s*m(?:in)?\s*$/i.test(v)) return;
  const err = durationError(v);
  if (err) return void ctx.addIssue({ code: "custom", message: err });
  const d = parseDuration(v);
  if (d && (d.weeks * 7 + d.days) * 24 * 60 + d.hours * 60 + d.minutes > 7 * 24 * 60)
    ctx.addIssue({ code: "custom", message: `bake "${v}" is longer than a week; use at most 1w` });
});

export const environmentSchema = z
  .strictObject({
    windows: z
      .array(windowSchema)
      .optional()
      .describe("Replaces the top-level windows for this environment; [] = always open."),
    freezes: z
      .array(freezeSchema)
      .optional()
      .describe("Added to the top-level freezes for this environment."),
    risk_windows: riskWindowsSchema
      .optional()
      .describe(
        "Risk windows for this environment, same shape as `risk.windows`; when present the top-level `risk.windows` do not apply to it ({} = none).",
      ),
    require: z
      .array(requirable)
      .optional()
      .describe("Description sections a deploy to this environment requires."),
    bake: bakeSpec
      .optional()
      .describe(
        'Bake time for deploys to this environment; replaces the top-level `bake` (e.g. "3h", "0m" = none).',
      ),
    hold: z
      .boolean()
      .default(true)
      .describe("Deploy gate: hold a waiting deployment until the window opens (false = reject at once)."),
  })
  .describe("Per-environment overrides; keys are GitHub deployment environment names.");

const riskLevel = z.enum(["low", "medium", "high"]);

const labelSpec = z.union([
  z.string().min(1).max(50),
  z.strictObject({
    name: z.string().min(1).max(50),
    color: z
      .string()
      .regex(/^#?[0-9a-fA-F]{6}$/, "color must be 6 hex digits such as d73a4a")
      .optional(),
    description: z.string().max(100).optional(),
  }),
]);

export const riskRuleSchema = z
  .strictObject({
    paths: z
      .array(globSpec)
      .optional()
      .describe(`Matches when any changed file matches one of these globs. ${GLOB_SYNTAX}`),
    lines_changed: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Matches when additions + deletions >= this."),
    files_changed: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Matches when the number of changed files >= this."),
    labels: z.array(z.string().min(1)).optional().describe("Matches when the PR has any of these labels."),
    level: riskLevel.describe("Risk level this rule raises the change to."),
    reason: reason.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.paths && v.lines_changed === undefined && v.files_changed === undefined && !v.labels)
      ctx.addIssue({
        code: "custom",
        message: "a risk rule needs paths, lines_changed, files_changed or labels",
      });
  });

export const riskSchema = z
  .strictObject({
    rules: z
      .array(riskRuleSchema)
      .default([])
      .describe("Rules that raise a change's risk level; the highest match wins."),
    labels: z
      .strictObject({ low: labelSpec, medium: labelSpec, high: labelSpec })
      .default({ low: "risk: low", medium: "risk: medium", high: "risk: high" })
      .describe("Label names (and optional colours) for each level; change-gate keeps exactly one in sync."),
    windows: riskWindowsSchema
      .default({})
      .describe(
        "Stricter windows that apply instead of the normal ones when a change is at that risk level; an environment with its own `risk_windows` uses those instead.",
      ),
    missing_rollback: riskLevel
      .default("high")
      .describe("Risk level of a change whose rollback plan is missing or a placeholder."),
  })
  .default({
    rules: [],
    labels: { low: "risk: low", medium: "risk: medium", high: "risk: high" },
    windows: {},
    missing_rollback: "high",
  })
  .describe("Risk classification and labels.");

const permission = z.enum(["admin", "maintain", "write", "triage", "read"]);

export const configSchema = z
  .strictObject({
    _extends: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Inherit another repo's config, e.g. \".github\" (the org's .github repo); this file wins key by key.",
      ),
    timezone: timeZone.default("UTC").describe("IANA time zone for all wall-clock times; default UTC."),
    description: descriptionSchema,
    windows: z.array(windowSchema).default([]).describe("Allowed deploy windows; none = always open."),
    freezes: z.array(freezeSchema).default([]).describe("Freezes always beat windows."),
    holidays: holidaysSchema.optional(),
    environments: z.record(z.string().min(1), environmentSchema).default({}),
    bake: bakeSpec
      .optional()
      .describe(
        'Bake time: a deploy may start only if the schedule stays open for this long after it (e.g. "3h"); default none.',
      ),
    risk: riskSchema,
    merge: z
      .strictObject({
        enforce_freezes: z.boolean().default(true).describe("Fail the merge check while a freeze is active."),
        enforce_windows: z
          .boolean()
          .default(false)
          .describe(
            "Also fail the merge check outside windows; when false (the default) windows apply to deploys only.",
          ),
      })
      .default({ enforce_freezes: true, enforce_windows: false })
      .describe("What the `change-gate` check enforces at merge time."),
    commands: z
      .strictObject({
        freeze: z
          .strictObject({
            permission: permission
              .default("maintain")
              .describe("Minimum repository permission for /freeze, /unfreeze, /override."),
            teams: z
              .array(z.string().min(1))
              .default([])
              .describe("Org teams (slugs) whose members may also use them."),
          })
          .default({ permission: "maintain", teams: [] }),
      })
      .default({ freeze: { permission: "maintain", teams: [] } })
      .describe("Who may use the slash commands."),
    overrides: z
      .strictObject({
        label: z
          .string()
          .min(1)
          .default("emergency")
          .describe("Label that acts as /override when added by an authorised user."),
        approvals: z
          .number()
          .int()
          .min(1)
          .max(10)
          .default(1)
          .describe("Distinct authorised users needed for an override."),
      })
      .default({ label: "emergency", approvals: 1 })
      .describe("Break-glass overrides."),
  })
  .superRefine(checkScheduleBudget)
  .describe("change-gate configuration (.github/change-gate.yml).");

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type WindowRule = z.output<typeof windowSchema>;
export type FreezeRule = z.output<typeof freezeSchema>;
export type HolidayRule = z.output<typeof holidaysSchema>;
export type RiskLevel = z.output<typeof riskLevel>;
export type EnvironmentRule = z.output<typeof environmentSchema>;
export type LabelSpec = z.output<typeof labelSpec>;

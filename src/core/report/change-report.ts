import { Temporal } from "temporal-polyfill";
import type { Config } from "../config/schema.js";
import { parseDescription, type SectionStatus, type TemplateText } from "../description/index.js";
import { type AssessedRisk, assessRiskFor } from "../risk/index.js";
import { evaluateSchedule, type LedgerFreeze, schedulePeriods } from "../schedule/index.js";

/** Longest period a report covers: its work (schedule periods, freeze days) stays bounded. */
export const REPORT_MAX_DAYS = 366;

export interface ReportPull {
  number: number;
  title: string;
  url: string;
  author: string | null;
  body: string;
  labels: string[];
  mergedAt: string;
  mergeCommitSha: string | null;
}

export interface ReportDeployment {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  creator: string | null;
}

export interface ReportOverride {
  pr: number;
  by: string;
  reason: string;
  at: string;
}

/** Merged PRs per risk level; `unknown` when a risk rule reads files (the report reads no file lists). */
export interface RiskCounts {
  low: number;
  medium: number;
  high: number;
  unknown: number;
}

export interface WeekRow {
  /** Monday of the week, in the config's time zone (YYYY-MM-DD). */
  week: string;
  mergedPulls: number;
  deployments: number;
  withRollback: number;
  withBlastRadius: number;
  risk: RiskCounts;
  outsideSchedule: number;
  freezeDays: number;
}

export interface OutsideDeploy {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  creator: string | null;
  reason: string;
  rule: string | null;
  /** The override change-gate recorded on the deployed PR before the deploy; null when none was recorded. */
  override: { by: string[]; reason: string } | null;
}

export interface PullRow {
  number: number;
  title: string;
  url: string;
  author: string | null;
  mergedAt: string;
  rollback: SectionStatus;
  blastRadius: SectionStatus;
  risk: AssessedRisk;
  /** Minutes from the merge until the deploy schedule next opened; 0 when it was open; null when it never opened. */
  waitedMinutes: number | null;
}

export interface Requests {
  total: number;
  /** Requests per listing (each one request per page) and for the config and templates. */
  byListing: Record<string, number>;
}

/** `change-gate report --format json`: a stable contract (docs/cli.md). */
export interface ChangeReport {
  repository: string;
  environment: string | null;
  since: string;
  until: string;
  timezone: string;
  totals: {
    mergedPulls: number;
    deployments: number;
    withRollback: number;
    withBlastRadius: number;
    /** Shares of merged PRs (0–1, three decimals); null without merged PRs. */
    rollbackShare: number | null;
    blastRadiusShare: number | null;
    risk: RiskCounts;
    outsideSchedule: number;
    overrides: number;
    freezeDays: number;
    windowWait: {
      waited: number;
      medianMinutes: number | null;
      p90Minutes: number | null;
      maxMinutes: number | null;
    };
  };
  weeks: WeekRow[];
  outsideSchedule: OutsideDeploy[];
  overrides: ReportOverride[];
  freezeDays: string[];
  pulls: PullRow[];
  requests: Requests;
  warnings: string[];
}

export interface ChangeReportInput {
  repository: string;
  environment: string | null;
  since: Date;
  until: Date;
  config: Config;
  template?: TemplateText;
  pulls: readonly ReportPull[];
  deployments: readonly ReportDeployment[];
  overrides: readonly ReportOverride[];
  /** `/freeze` ledger entries of the period, open or closed (closed ones end when they were closed). */
  ledger: readonly LedgerFreeze[];
  requests: Requests;
  warnings?: string[];
}

function localDate(iso: string | number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(typeof iso === "number" ? iso : Date.parse(iso))
    .toZonedDateTimeISO(zone)
    .toPlainDate();
}

function weekOf(iso: string, zone: string): string {
  const d = localDate(iso, zone);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

function share(n: number, of: number): number | null {
  return of === 0 ? null : Math.round((n / of) * 1000) / 1000;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Local dates on which a freeze or holiday closed the schedule for some time, in [since, until). */
function freezeDates(input: ChangeReportInput, ledger: LedgerFreeze[]): string[] {
  const zone = input.config.timezone;
  const periods = schedulePeriods(
    { config: input.config, environment: input.environment, ledger },
    input.since,
    input.until,
  );
  const days = new Set<string>();
  for (const p of periods) {
    if (p.reason !== "freeze" && p.reason !== "holiday") continue;
    const last = localDate(Date.parse(p.end) - 1, zone);
    for (let d = localDate(p.start, zone); Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 }))
      days.add(d.toString());
  }
  return [...days].sort();
}

function emptyWeek(week: string): WeekRow {
  return {
    week,
    mergedPulls: 0,
    deployments: 0,
    withRollback: 0,
    withBlastRadius: 0,
    risk: { low: 0, medium: 0, high: 0, unknown: 0 },
    outsideSchedule: 0,
    freezeDays: 0,
  };
}

/** The change load of a period, from gathered PRs, deployments, override records and freezes. Pure. */
export function buildChangeReport(input: ChangeReportInput): ChangeReport {
  const { config } = input;
  const zone = config.timezone;
  const ledger = [...input.ledger];
  const weeks = new Map<string, WeekRow>();
  const week = (iso: string) => {
    const key = weekOf(iso, zone);
    const row = weeks.get(key) ?? emptyWeek(key);
    weeks.set(key, row);
    return row;
  };
  for (let d = localDate(input.since.toISOString(), zone); ; d = d.add({ days: 7 })) {
    const iso = d.toZonedDateTime({ timeZone: zone }).toInstant().toString();
    if (Date.parse(iso) >= input.until.getTime()) break;
    week(iso);
  }

  const risk: RiskCounts = { low: 0, medium: 0, high: 0, unknown: 0 };
  const waits: number[] = [];
  const pulls = input.pulls.map((p): PullRow => {
    const record = parseDescription(p.body, { template: input.template, rules: config.description });
    const assessed = assessRiskFor(config, { files: null, labels: p.labels }, record);
    const level = assessed.risk.level;
    const s = evaluateSchedule(
      { config, environment: input.environment, riskLevel: assessed.scheduleLevel, ledger },
      new Date(p.mergedAt),
    );
    const waited = s.open
      ? 0
      : s.nextOpen
        ? Math.round((Date.parse(s.nextOpen) - Date.parse(p.mergedAt)) / 60_000)
        : null;
    if (waited !== null) waits.push(waited);
    const row = week(p.mergedAt);
    row.mergedPulls++;
    if (record.rollback.status === "present") row.withRollback++;
    if (record.blastRadius.status === "present") row.withBlastRadius++;
    row.risk[level]++;
    risk[level]++;
    return {
      number: p.number,
      title: p.title,
      url: p.url,
      author: p.author,
      mergedAt: p.mergedAt,
      rollback: record.rollback.status,
      blastRadius: record.blastRadius.status,
      risk: level,
      waitedMinutes: waited,
    };
  });

  const prsOfSha = new Map<string, number[]>();
  for (const p of input.pulls)
    if (p.mergeCommitSha)
      prsOfSha.set(p.mergeCommitSha, [...(prsOfSha.get(p.mergeCommitSha) ?? []), p.number]);
  const outsideSchedule: OutsideDeploy[] = [];
  for (const d of input.deployments) {
    const row = week(d.createdAt);
    row.deployments++;
    const s = evaluateSchedule({ config, environment: d.environment, ledger }, new Date(d.createdAt));
    if (s.open) continue;
    row.outsideSchedule++;
    const prs = prsOfSha.get(d.sha) ?? [];
    const records = input.overrides.filter(
      (o) => prs.includes(o.pr) && Date.parse(o.at) <= Date.parse(d.createdAt),
    );
    outsideSchedule.push({
      id: d.id,
      sha: d.sha,
      environment: d.environment,
      createdAt: d.createdAt,
      creator: d.creator,
      reason: s.reason,
      rule: s.rule,
      override: records.length
        ? {
            by: [...new Set(records.map((r) => r.by))],
            reason: [...new Set(records.map((r) => r.reason))].join("; "),
          }
        : null,
    });
  }

  const freezeDays = freezeDates(input, ledger);
  for (const day of freezeDays) {
    const row = weeks.get(
      weekOf(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).toInstant().toString(), zone),
    );
    if (row) row.freezeDays++;
  }

  const merged = pulls.length;
  const withRollback = pulls.filter((p) => p.rollback === "present").length;
  const withBlastRadius = pulls.filter((p) => p.blastRadius === "present").length;
  const sorted = [...waits].sort((a, b) => a - b);
  return {
    repository: input.repository,
    environment: input.environment,
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    timezone: zone,
    totals: {
      mergedPulls: merged,
      deployments: input.deployments.length,
      withRollback,
      withBlastRadius,
      rollbackShare: share(withRollback, merged),
      blastRadiusShare: share(withBlastRadius, merged),
      risk,
      outsideSchedule: outsideSchedule.length,
      overrides: input.overrides.length,
      freezeDays: freezeDays.length,
      windowWait: {
        waited: sorted.filter((w) => w > 0).length,
        medianMinutes: percentile(sorted, 50),
        p90Minutes: percentile(sorted, 90),
        maxMinutes: sorted.at(-1) ?? null,
      },
    },
    weeks: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
    outsideSchedule,
    overrides: [...input.overrides].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    freezeDays,
    pulls,
    requests: input.requests,
    warnings: input.warnings ?? [],
  };
}

import type { Config } from "../config/schema.js";
import {
  type ChangeRecord,
  parseDescription,
  SECTION_TITLE,
  type SectionFinding,
  type SectionKey,
  type TemplateText,
} from "../description/index.js";
import { assessRiskFor, type ChangedFile, type RiskResult } from "../risk/index.js";
import {
  describeSchedule,
  evaluateSchedule,
  type LedgerFreeze,
  type ScheduleResult,
  unknownEnvironmentWarning,
} from "../schedule/index.js";

export type Conclusion = "success" | "failure" | "neutral";

/** One row of a gate's summary table: a rule, how it stands, and what to do about it. */
export interface GateRule {
  rule: string;
  status: "pass" | "fail" | "skip" | "info";
  detail: string;
  fix: string | null;
}

export interface GateDecision {
  conclusion: Conclusion;
  summary: string;
  rules: GateRule[];
}

export interface Override {
  /** Distinct authorised users who approved the override. */
  by: string[];
  reason: string;
}

export interface ChangeInput {
  config: Config;
  at: Date;
  /** The PR body; null for schedule-only checks. */
  body: string | null;
  template?: TemplateText;
  environment?: string | null;
  files?: ChangedFile[] | null;
  labels?: readonly string[];
  /** Why the description rules are skipped for this PR, if they are. */
  skip?: string | null;
  draft?: boolean;
  ledger?: LedgerFreeze[];
  override?: Override | null;
}

/** The CLI JSON contract (DESIGN §6); the App and the Action render the same object. */
export interface CheckReport {
  at: string;
  environment: string | null;
  description: { rollback: SectionFinding; blastRadius: SectionFinding } | null;
  schedule: ScheduleResult;
  risk: RiskResult;
  gates: { merge: GateDecision; deploy: GateDecision };
  warnings: string[];
  skipped: string | null;
  override: Override | null;
}

const CONFIG_KEY: Record<SectionKey, "rollback" | "blast_radius"> = {
  rollback: "rollback",
  blastRadius: "blast_radius",
};

function sectionRule(key: SectionKey, finding: SectionFinding, required: boolean): GateRule {
  const where = finding.status === "missing" ? "" : ` (line ${finding.line})`;
  if (finding.status === "present")
    return { rule: SECTION_TITLE[key], status: "pass", detail: `${finding.message}${where}`, fix: null };
  return {
    rule: SECTION_TITLE[key],
    status: required ? "fail" : "info",
    detail: `${finding.status}${where}`,
    fix: finding.message,
  };
}

function descriptionRules(
  record: ChangeRecord | null,
  skip: string | null,
  required: Record<SectionKey, boolean>,
): GateRule[] {
  if (skip) return [{ rule: "Description", status: "skip", detail: `skipped: ${skip}`, fix: null }];
  if (!record) return [];
  return (["rollback", "blastRadius"] as const).map((k) => sectionRule(k, record[k], required[k]));
}

function scheduleRule(
  name: string,
  result: ScheduleResult,
  at: Date,
  enforced: boolean,
  override: Override | null,
  windowsIgnored = false,
): GateRule {
  const line = describeSchedule(result, at, { windowsIgnored });
  if (result.open) return { rule: name, status: "pass", detail: line, fix: null };
  if (!enforced) return { rule: name, status: "info", detail: `${line} (not enforced here)`, fix: null };
  if (override)
    return {
      rule: name,
      status: "pass",
      detail: `${line} — overridden by ${override.by.map((u) => `@${u}`).join(", ")}: ${override.reason}`,
      fix: null,
    };
  const fix = result.nextOpen
    ? `${line}; wait until then, or ask a release manager for /override <reason>`
    : `${line}; check the freezes, or ask a release manager for /override <reason>`;
  return { rule: name, status: "fail", detail: line, fix };
}

/** Whether any window rule exists anywhere in the config (top level, risk levels or an environment). */
function hasAnyWindows(config: Config): boolean {
  const riskLists = (r: Config["risk"]["windows"] | undefined) => [r?.medium, r?.high];
  const lists = [config.windows, ...riskLists(config.risk.windows)];
  for (const env of Object.values(config.environments))
    lists.push(env.windows, ...riskLists(env.risk_windows));
  return lists.some((l) => l !== undefined && l.length > 0);
}

function conclude(rules: GateRule[], headline: { pass: string; fail: string }): GateDecision {
  const failed = rules.filter((r) => r.status === "fail");
  const conclusion: Conclusion = failed.length ? "failure" : "success";
  const summary = failed.length
    ? `${headline.fail}: ${failed.map((r) => r.fix ?? r.detail).join("; ")}`
    : headline.pass;
  return { conclusion, summary, rules };
}

/** The single decision shared by the CLI, the App and the Action: description, schedule, risk and both gates. */
export function evaluateChange(input: ChangeInput): CheckReport {
  const { config, at } = input;
  const environment = input.environment ?? null;
  const skip = input.skip ?? null;
  const override =
    input.override && input.override.by.length >= config.overrides.approvals ? input.override : null;
  const record =
    input.body === null
      ? null
      : parseDescription(input.body, { template: input.template, rules: config.description });
  const { risk, scheduleLevel } = assessRiskFor(
    config,
    { files: input.files ?? null, labels: input.labels ?? [] },
    skip ? null : record,
  );
  const ledger = input.ledger ?? [];
  const deploySchedule = evaluateSchedule({ config, environment, riskLevel: scheduleLevel, ledger }, at);
  // Merges honour windows only with merge.enforce_windows; else only freezes decide, and the text says why.
  const windowsIgnored = !config.merge.enforce_windows && hasAnyWindows(config);
  // Bake time binds merges only with merge.enforce_windows (ignoreWindows drops it), so the deploy schedule is reused
  // only when it holds no bake the merge must not see.
  const mergeSchedule =
    environment === null && !windowsIgnored && (config.merge.enforce_windows || config.bake === undefined)
      ? deploySchedule
      : evaluateSchedule(
          { config, riskLevel: scheduleLevel, ledger, ignoreWindows: !config.merge.enforce_windows },
          at,
        );

  const required = {
    rollback: config.description.rollback.required,
    blastRadius: config.description.blast_radius.required,
  };
  const envRequire = environment ? config.environments[environment]?.require : undefined;
  const deployRequired = envRequire
    ? {
        rollback: envRequire.includes(CONFIG_KEY.rollback),
        blastRadius: envRequire.includes(CONFIG_KEY.blastRadius),
      }
    : required;

  const mergeRules = [
    ...descriptionRules(record, skip, required),
    scheduleRule(
      "Freeze / window",
      mergeSchedule,
      at,
      config.merge.enforce_freezes || config.merge.enforce_windows,
      override,
      windowsIgnored,
    ),
    {
      rule: "Risk",
      status: "info" as const,
      detail: `${risk.level}${risk.reasons.length ? ` — ${risk.reasons.join("; ")}` : ""}`,
      fix: null,
    },
  ];
  const deployRules = [
    ...descriptionRules(record, skip, deployRequired),
    scheduleRule(
      environment ? `Deploy window (${environment})` : "Deploy window",
      deploySchedule,
      at,
      true,
      override,
    ),
  ];
  let merge = conclude(mergeRules, { pass: "Ready to merge", fail: "Not ready to merge" });
  const deploy = conclude(deployRules, { pass: "Clear to deploy", fail: "Deploy blocked" });
  if (input.draft)
    merge = {
      ...merge,
      conclusion: "neutral",
      summary: `Draft PR — not enforced until it is ready for review${merge.conclusion === "failure" ? `; then: ${merge.summary}` : ""}`,
    };

  return {
    at: at.toISOString(),
    environment,
    description: record ? { rollback: record.rollback, blastRadius: record.blastRadius } : null,
    schedule: deploySchedule,
    risk,
    gates: { merge, deploy },
    warnings: [unknownEnvironmentWarning(config, environment), ...(record?.warnings ?? [])].filter(
      (w): w is string => w !== null,
    ),
    skipped: skip,
    override,
  };
}

import type { Config, RiskLevel } from "../config/schema.js";
import type { ChangeRecord } from "../description/index.js";
import { GlobSet, globBudget } from "../glob/index.js";
import { RISK_LEVELS, riskLabels } from "./labels.js";

export interface ChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

/** What is known about a change besides its description. `files` is null when not known (e.g. CLI without --files). */
export interface RiskFacts {
  files: ChangedFile[] | null;
  labels: readonly string[];
}

/** "unknown": a path or size rule exists but the changed files are not known (e.g. the CLI without --files). */
export type AssessedRisk = RiskLevel | "unknown";

export interface RiskResult {
  level: AssessedRisk;
  reasons: string[];
  /** The risk label this change should carry (exactly one; none while the level is unknown). */
  labels: string[];
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

const needsFiles = (rule: Config["risk"]["rules"][number]) =>
  rule.paths !== undefined || rule.lines_changed !== undefined || rule.files_changed !== undefined;

/** Highest level wins; every rule that raised it is a reason. Pure: facts come in as arguments. */
export function assessRisk(config: Config, facts: RiskFacts, record: ChangeRecord | null): RiskResult {
  return assessRiskFor(config, facts, record).risk;
}

/**
 * `assessRisk`, and the level that picks `risk.windows`: the assessed level, or, while the file list is unknown, the
 * highest level a rule that reads files could raise the change to — an unknown change is held to the strictest
 * windows it might need (fail closed), never the lenient ones.
 */
export function assessRiskFor(
  config: Config,
  facts: RiskFacts,
  record: ChangeRecord | null,
): { risk: RiskResult; scheduleLevel: RiskLevel } {
  let level: RiskLevel = "low";
  const reasons: string[] = [];
  const raise = (to: RiskLevel, reason: string) => {
    reasons.push(`${to}: ${reason}`);
    if (rank(to) > rank(level)) level = to;
  };
  const files = facts.files ?? [];
  const lines = files.reduce((n, f) => n + f.additions + f.deletions, 0);
  // One linear-time matching budget for every path rule; a path it cannot decide counts as a match (fail closed).
  const budget = globBudget();
  for (const rule of config.risk.rules) {
    const why: string[] = [];
    if (rule.paths && files.length) {
      const globs = new GlobSet(rule.paths);
      const hits: ChangedFile[] = [];
      let undecided = 0;
      for (const f of files) {
        const hit = globs.test(f.path, budget);
        if (hit === null) undecided++;
        else if (hit) hits.push(f);
      }
      if (hits.length)
        why.push(
          `${hits.length} file${hits.length > 1 ? "s" : ""} match ${rule.paths.join(", ")} (${hits[0]!.path}${hits.length > 1 ? ", …" : ""})`,
        );
      if (undecided)
        why.push(
          `${undecided} file path${undecided > 1 ? "s" : ""} could not be checked against ${rule.paths.join(", ")} (too long, or over the matching work limit), so the rule applies`,
        );
    }
    if (rule.lines_changed !== undefined && facts.files && lines >= rule.lines_changed)
      why.push(`${lines} lines changed (>= ${rule.lines_changed})`);
    if (rule.files_changed !== undefined && facts.files && files.length >= rule.files_changed)
      why.push(`${files.length} files changed (>= ${rule.files_changed})`);
    if (rule.labels) {
      const hit = rule.labels.find((l) => facts.labels.includes(l));
      if (hit) why.push(`labelled "${hit}"`);
    }
    if (why.length) raise(rule.level, rule.reason ? `${rule.reason} — ${why.join("; ")}` : why.join("; "));
  }
  if (record?.declaredRisk) raise(record.declaredRisk, `blast radius declared ${record.declaredRisk}`);
  if (record && config.description.rollback.required && record.rollback.status !== "present")
    raise(config.risk.missing_rollback, `rollback plan is ${record.rollback.status}`);
  const unread = facts.files === null ? config.risk.rules.filter(needsFiles) : [];
  if (unread.length === 0)
    return {
      risk: { level, reasons, labels: [riskLabels(config.risk.labels)[level].name] },
      scheduleLevel: level,
    };
  const ceiling = unread.reduce<RiskLevel>((max, r) => (rank(r.level) > rank(max) ? r.level : max), level);
  reasons.push(
    `unknown: the changed files are not known, and ${unread.length === 1 ? "a rule reads" : `${unread.length} rules read`} them (risk.rules with paths, lines_changed or files_changed)`,
  );
  return { risk: { level: "unknown", reasons, labels: [] }, scheduleLevel: ceiling };
}

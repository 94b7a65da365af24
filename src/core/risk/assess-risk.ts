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
export interface ChangeFacts {
  files: ChangedFile[] | null;
  labels: readonly string[];
}

export interface RiskResult {
  level: RiskLevel;
  reasons: string[];
  /** The risk label this change should carry (exactly one). */
  labels: string[];
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/** Highest level wins; every rule that raised it is a reason. Pure: facts come in as arguments. */
export function assessRisk(config: Config, facts: ChangeFacts, record: ChangeRecord | null): RiskResult {
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
  return { level, reasons, labels: [riskLabels(config.risk.labels)[level].name] };
}

import type { EnvironmentRule } from "../config/schema.js";
import { SECTION_TITLE } from "../description/index.js";
import { inertText } from "../render/inert.js";
import { cell } from "../render/markdown.js";
import { describeSchedule, formatIn, formatWhen, type ScheduleResult } from "../schedule/index.js";
import type { CheckReport, GateRule } from "./evaluate-change.js";

/** GitHub's limit for a deployment protection rule comment (review or status report). */
export const DEPLOY_COMMENT_LIMIT = 1024;
/** GitHub fails a job that has waited this long on its deployment protection rules. */
export const GITHUB_WAIT_LIMIT_DAYS = 30;

const DAY_MS = 86_400_000;

export type DeployAction = "approve" | "wait" | "reject";

export interface DeployDecision {
  action: DeployAction;
  /** Markdown for the review or status report, at most DEPLOY_COMMENT_LIMIT characters. */
  comment: string;
  /** When a waiting deployment should be approved (ISO); null when unknown (a freeze without end) or not waiting. */
  approveAt: string | null;
  /**
   * What the comment describes, without the parts that change every minute ("in 2d 13h"): a status report is posted
   * only when this changes, because GitHub allows few reports per deployment.
   */
  state: string;
}

export interface DeployDecisionInput {
  /** `evaluateChange` for the deployment's environment (with the PR body when a PR was found, else `body: null`). */
  report: CheckReport;
  /** `environments.<name>` of the config; undefined for an environment the config does not name. */
  environmentRule?: EnvironmentRule;
  /** The PR the deployed commit came from, when one was found. */
  pullRequest?: number | null;
  /** The deployed commit, for messages. */
  sha?: string;
  now: Date;
}

function clip(text: string): string {
  return text.length <= DEPLOY_COMMENT_LIMIT ? text : `${text.slice(0, DEPLOY_COMMENT_LIMIT - 1)}…`;
}

function decision(
  action: DeployAction,
  comment: string,
  approveAt: string | null,
  state: string,
): DeployDecision {
  return { action, comment: clip(comment), approveAt, state };
}

function target(report: CheckReport): string {
  return report.environment ? `\`${cell(report.environment)}\`` : "this environment";
}

const SECTION_RULES = new Set(Object.values(SECTION_TITLE));

function failedSections(report: CheckReport): GateRule[] {
  return report.gates.deploy.rules.filter((r) => r.status === "fail" && SECTION_RULES.has(r.rule));
}

function requireNames(require: readonly string[]): string {
  const names = require.map((k) => (k === "rollback" ? "a rollback plan" : "a blast radius"));
  return names.join(" and ");
}

/** Why the gate is closed, as the head of a waiting message. */
function waitingFor(s: ScheduleResult): string {
  if (s.reason === "freeze" || s.reason === "holiday") {
    const what = s.reason === "holiday" ? "holiday" : "freeze";
    const why = s.freeze?.reason ? ` (${cell(s.freeze.reason)})` : "";
    const by = s.freeze?.by ? `, declared by ${cell(`@${s.freeze.by}`)}` : "";
    return `Waiting for ${what} **${cell(s.rule ?? "freeze")}**${why}${by} to end`;
  }
  if (s.reason === "bake")
    return `Waiting for a start with ${s.bake ?? "the bake time"} of open schedule after it (bake)`;
  return "Waiting for window";
}

function overrideNote(report: CheckReport): string {
  const o = report.override;
  if (!o || report.schedule.open) return "";
  return ` Closed (${describeSchedule(report.schedule, new Date(report.at))}) but overridden by ${o.by.map((u) => cell(`@${u}`)).join(", ")}: ${cell(o.reason)}.`;
}

/**
 * The PR's rollback plan as its author wrote it (the parser keeps its first 200 characters), for the approval
 * comment: the on-call who looks at a deployment sees how to undo it without opening the PR. Escaped as table-cell
 * text (no HTML, no @mentions).
 */
function rollbackNote(report: CheckReport, pr: string | null): string {
  const rollback = report.description?.rollback;
  if (rollback?.status !== "present" || !rollback.answer) return "";
  return `\n\n**Rollback plan**${pr ? ` (${pr})` : ""}: ${inertText(cell(rollback.answer))}`;
}

/**
 * What the deploy gate does with a deployment waiting on change-gate's protection rule: approve it now, hold it until
 * the gate opens, or reject it when waiting cannot help (a required section is missing, the gate never opens within a
 * year, or the environment says `hold: false`). Pure: `now` and every fact come in as arguments.
 */
export function decideDeployment(input: DeployDecisionInput): DeployDecision {
  const decided = decide(input);
  // Warnings (an environment the config does not name) ride along; they never change the decision or its state.
  const notes = input.report.warnings.map((w) => `Warning: ${cell(w)}`);
  return notes.length ? { ...decided, comment: clip([decided.comment, ...notes].join("\n\n")) } : decided;
}

function decide(input: DeployDecisionInput): DeployDecision {
  const { report, environmentRule, now } = input;
  const env = target(report);
  const pr = input.pullRequest ? `PR #${input.pullRequest}` : null;

  const sections = failedSections(report);
  if (sections.length > 0) {
    const what = sections.map((r) => `${r.rule}: ${r.fix ?? r.detail}`).join("; ");
    return decision(
      "reject",
      `Rejected: the deploy to ${env} needs a complete change description. ${pr ?? "The PR"} — ${cell(what)}. Fix the PR description, then re-run this job.`,
      null,
      `reject:description:${sections.map((r) => r.rule).join(",")}`,
    );
  }
  const require = environmentRule?.require ?? [];
  if (!pr && report.description === null && require.length > 0 && !report.skipped) {
    const commit = input.sha ? `commit ${input.sha.slice(0, 7)}` : "this commit";
    return decision(
      "reject",
      `Rejected: no pull request found for ${commit}, and ${env} requires ${requireNames(require)} (environments.${cell(report.environment ?? "")}.require). Deploy a commit merged through a PR.`,
      null,
      "reject:no-pull-request",
    );
  }

  const s = report.schedule;
  if (s.open || report.override)
    return decision(
      "approve",
      `Clear to deploy to ${env}: ${describeSchedule(s, now)}.${overrideNote(report)}${rollbackNote(report, pr)}`,
      null,
      "approve",
    );

  const hold = environmentRule?.hold ?? true;
  const holdOff = ` Holding is off for ${env} (environments.${cell(report.environment ?? "")}.hold: false); re-run this job when it opens.`;
  if ((s.reason === "freeze" || s.reason === "holiday") && s.freeze?.until === null) {
    if (!hold)
      return decision("reject", `Rejected: ${describeSchedule(s, now)}.${holdOff}`, null, "reject:hold-off");
    return decision(
      "wait",
      `${waitingFor(s)}: it has no end date, so it may be lifted at any time (/unfreeze). This deployment is approved as soon as it is lifted and the deploy window is open.`,
      null,
      `wait:${s.reason}:${s.rule}:unknown-end`,
    );
  }
  if (s.nextOpen === null)
    return decision(
      "reject",
      `Rejected: ${describeSchedule(s, now)} — waiting cannot help. Check the windows and freezes in .github/change-gate.yml, or ask a release manager for /override <reason>.`,
      null,
      "reject:never-opens",
    );
  if (!hold)
    return decision("reject", `Rejected: ${describeSchedule(s, now)}.${holdOff}`, null, "reject:hold-off");

  const when = `${formatWhen(s.nextOpen, s.timezone)} (in ${formatIn(now.toISOString(), s.nextOpen)})`;
  const tooFar =
    Date.parse(s.nextOpen) - now.getTime() > GITHUB_WAIT_LIMIT_DAYS * DAY_MS
      ? ` GitHub fails a job that waits more than ${GITHUB_WAIT_LIMIT_DAYS} days, so this job will fail before then — re-run it after the gate opens.`
      : "";
  return decision(
    "wait",
    `${waitingFor(s)}: opens ${when}. change-gate approves this deployment then.${tooFar}`,
    s.nextOpen,
    `wait:${s.reason}:${s.rule ?? ""}:${s.nextOpen}`,
  );
}

/** A config that does not load never lets a deployment through: reject with the first errors, positioned. */
export function rejectForConfig(errors: readonly string[]): DeployDecision {
  const list = errors.slice(0, 5).map((e) => `- ${cell(e)}`);
  const more = errors.length > 5 ? `\n- …and ${errors.length - 5} more` : "";
  return decision(
    "reject",
    `Rejected: .github/change-gate.yml is invalid, so change-gate cannot decide. Fix it and re-run this job.\n${list.join("\n")}${more}`,
    null,
    "reject:config",
  );
}

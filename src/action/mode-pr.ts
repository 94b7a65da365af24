import type { ConfigResult } from "../core/config/load.js";
import type { CheckReport } from "../core/policy/index.js";
import { decideMergeGroup, type MergeGroupLike, runMergeGroupCheck } from "../github/merge-group-check.js";
import { type LabelEvent, recordLabelOverride } from "../github/override-label.js";
import { decidePr, type PullRequestLike, runPrCheck } from "../github/pr-check.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { InputError } from "./inputs.js";
import type { ActionOutputs } from "./outputs.js";
import { missingPermission } from "./permissions.js";
import { decisionSummary } from "./summary.js";

/** Writes the job can do without: their decision is still reported, through the job result. */
const WRITES = ["checks: write", "pull-requests: write"];

type Target = { kind: "pr"; pr: PullRequestLike } | { kind: "group"; group: MergeGroupLike };

/** The `change-gate` check on a PR head (or a merge-queue group), plus risk labels — the App's decision, from a job. */
export async function runPrMode(ctx: ActionContext): Promise<ModeResult> {
  const target = targetOf(ctx);
  const config = await readActionConfig(ctx, { trustCheckout: false });
  const loaded = configOrFailure(config);
  const now = ctx.clock.now();
  try {
    if (target.kind === "group") {
      const result = await runMergeGroupCheck(ctx.gh, { ref: ctx.repo, group: target.group, now, config });
      if ("failure" in loaded) return { outputs: { conclusion: "failure" }, ...loaded };
      const title = `change-gate: merge group${result.pullRequest ? ` for #${result.pullRequest}` : ""}`;
      ctx.log.info(`check run ${result.check.action} (#${result.check.id}): ${result.conclusion}`);
      const failure =
        result.conclusion === "failure" ? `${title}: not ready to merge (see the change-gate check)` : null;
      return {
        outputs: { conclusion: result.conclusion },
        summary: `## ${title}\n\n**${result.conclusion}**`,
        failure,
      };
    }
    // The override label added by a person is audited (or refused) first; any other event is no request.
    const override = config.ok
      ? await recordLabelOverride(
          ctx.gh,
          ctx.repo,
          ctx.event.payload as unknown as LabelEvent,
          config.config,
          now,
        )
      : null;
    if (override) ctx.log.info(`override label by @${override.by}: ${override.outcome}`);
    const result = await runPrCheck(ctx.gh, { ref: ctx.repo, pr: target.pr, now, config });
    if (!result.report || "failure" in loaded)
      return { outputs: { conclusion: "failure" }, ...("failure" in loaded ? loaded : invalid()) };
    ctx.log.info(
      `check run ${result.check.action}${"id" in result.check ? ` (#${result.check.id})` : ""}: ${result.report.gates.merge.summary}`,
    );
    return verdict(result.report, now, `pull request #${target.pr.number}`, null);
  } catch (error) {
    const permission = missingPermission(error);
    if (!permission) throw error;
    if (!WRITES.includes(permission) || !config.ok)
      throw new Error(`${(error as Error).message} — the workflow needs \`permissions: ${permission}\``);
    // A token that may not write checks (fork PRs, read-only default permissions): the job result is the decision.
    const report = await decide(ctx, target, config, now);
    const what = target.kind === "pr" ? `pull request #${target.pr.number}` : "merge group";
    return verdict(report, now, what, permission);
  }
}

function invalid(): { summary: string; failure: string; undecided: true } {
  return {
    summary: "change-gate config is invalid",
    failure: "change-gate config is invalid",
    undecided: true,
  };
}

/** The decision alone, for the fallback: what runPrCheck / runMergeGroupCheck would have written. */
async function decide(
  ctx: ActionContext,
  target: Target,
  config: Extract<ConfigResult, { ok: true }>,
  now: Date,
): Promise<CheckReport> {
  if (target.kind === "pr")
    return decidePr(ctx.gh, { ref: ctx.repo, pr: target.pr, now, config: config.config });
  const { report } = await decideMergeGroup(ctx.gh, {
    ref: ctx.repo,
    group: target.group,
    now,
    config: config.config,
  });
  return report;
}

function verdict(report: CheckReport, now: Date, what: string, permission: string | null): ModeResult {
  const gate = report.gates.merge;
  const lines = [decisionSummary(`change-gate: ${what}`, report, gate, now)];
  const note = permission
    ? `change-gate could not write the \`change-gate\` check: the token lacks \`${permission}\` (GitHub answered 403 "Resource not accessible by integration"). Add \`permissions: ${permission}\` to the workflow; until then this job's result is the decision.`
    : null;
  if (note) lines.unshift(`> [!WARNING]\n> ${note}`);
  return {
    outputs: outputsOf(report),
    summary: lines.join("\n\n"),
    failure: gate.conclusion === "failure" ? `${gate.summary}${note ? `\n${note}` : ""}` : null,
    ...(note && gate.conclusion !== "failure" ? { warning: note } : {}),
  };
}

function outputsOf(report: CheckReport): ActionOutputs {
  const section = (key: "rollback" | "blastRadius") =>
    report.skipped ? "skipped" : (report.description?.[key].status ?? "missing");
  return {
    open: report.schedule.open,
    nextOpen: report.schedule.nextOpen,
    reason: report.schedule.reason,
    riskLevel: report.risk.level,
    rollback: section("rollback"),
    blastRadius: section("blastRadius"),
    conclusion: report.gates.merge.conclusion,
  };
}

function targetOf(ctx: ActionContext): Target {
  const { payload } = ctx.event;
  if (payload.pull_request) return { kind: "pr", pr: payload.pull_request as PullRequestLike };
  const group = payload.merge_group as Partial<MergeGroupLike> | undefined;
  if (group?.head_sha && group.head_ref) return { kind: "group", group: group as MergeGroupLike };
  throw new InputError(
    `pr mode needs a pull_request or merge_group payload; this ${ctx.event.name} event has neither`,
  );
}

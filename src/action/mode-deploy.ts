import type { Config } from "../core/config/schema.js";
import { type DeployDecision, decideDeployment } from "../core/policy/deploy-decision.js";
import { type ChangeFacts, type CheckReport, changeDecider } from "../core/policy/index.js";
import { describeSchedule, formatIn, formatWhen } from "../core/schedule/index.js";
import { gatherDeploymentFacts, readChangeOverride } from "../github/change-facts.js";
import { type DeployedPullRequest, findDeployedPullRequest } from "../github/deployed-pull-request.js";
import { readActiveFreezes } from "../github/freeze-ledger/index.js";
import { readTemplatesFor } from "../github/pr-check.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { decisionSummary } from "./summary.js";

const MINUTE = 60_000;

/**
 * The deploy gate, deciding as the App's deployment protection rule does: on the facts of the PR the deployed commit
 * came from (description, templates, labels, files, author, overrides) with the environment's rules. Passes when the
 * App would approve; fails (or waits up to `max-wait` for the window) otherwise.
 */
export async function runDeployMode(ctx: ActionContext): Promise<ModeResult> {
  const loaded = configOrFailure(await readActionConfig(ctx));
  if ("failure" in loaded) return { outputs: { open: false, conclusion: "failure" }, ...loaded };
  const { config } = loaded;
  const environment = ctx.inputs.environment ?? deploymentEnvironment(ctx.event.payload);
  const sha = deployedSha(ctx);
  const pr = sha ? await findDeployedPullRequest(ctx.gh, ctx.repo, sha, eventPullRequests(ctx)) : null;
  const facts = await gatherDeploymentFacts(ctx.gh, ctx.repo, pr, {
    config,
    now: ctx.clock.now(),
    templates: () => readTemplatesFor(ctx.gh, ctx.repo, config),
    environment,
  });
  // While waiting, the ledger and the overrides are read again each minute: a /freeze, /unfreeze or /override
  // changes the outcome; the PR itself does not change under a deployed commit.
  const decider = changeDecider(config, facts);
  const evaluate = async (fresh: boolean): Promise<Evaluation> => {
    const at = ctx.clock.now();
    const [ledger, override] = fresh
      ? await Promise.all([
          readActiveFreezes(ctx.gh, ctx.repo, at),
          readChangeOverride(ctx.gh, ctx.repo, facts, config, at),
        ])
      : [facts.ledger, facts.override];
    return decide(config, facts, decider(ledger, override, at), at, sha);
  };

  const started = ctx.clock.now();
  let current = await evaluate(false);
  if (pr) ctx.log.info(`deployed commit ${sha?.slice(0, 7)} comes from pull request #${pr.number}`);
  ctx.log.info(
    `deploy gate${environment ? ` (${environment})` : ""}: ${describeSchedule(current.report.schedule, current.at)}`,
  );
  if (waitable(current) && ctx.inputs.wait && withinMaxWait(current.report, started, ctx.inputs.maxWait))
    current = await waitForWindow(ctx, () => evaluate(true), started, current);
  return result(ctx, current, started);
}

type Evaluation = { at: Date; report: CheckReport; decision: DeployDecision; pullRequest: number | null };

function decide(
  config: Config,
  facts: ChangeFacts,
  report: CheckReport,
  at: Date,
  sha: string | null,
): Evaluation {
  const decision = decideDeployment({
    report,
    environmentRule: facts.environment ? config.environments[facts.environment] : undefined,
    pullRequest: facts.pullRequest,
    ...(sha ? { sha } : {}),
    now: at,
  });
  return { at, report, decision, pullRequest: facts.pullRequest };
}

/** Only a closed schedule is worth waiting for; a description the environment requires does not appear by waiting. */
function waitable(e: Evaluation): boolean {
  return (
    e.decision.action !== "approve" &&
    !e.report.schedule.open &&
    !e.decision.state.startsWith("reject:description") &&
    e.decision.state !== "reject:no-pull-request"
  );
}

function withinMaxWait(report: CheckReport, started: Date, maxWait: number): boolean {
  const next = report.schedule.nextOpen;
  return next !== null && Date.parse(next) - started.getTime() <= maxWait;
}

/**
 * Sleep a minute at a time until the gate opens, re-reading the freeze ledger and overrides each minute: a new
 * `/freeze` keeps the step waiting (or ends the wait when the new opening is beyond `max-wait`), an `/unfreeze` or an
 * `/override` lets it pass.
 */
async function waitForWindow(
  ctx: ActionContext,
  evaluate: () => Promise<Evaluation>,
  started: Date,
  first: Evaluation,
): Promise<Evaluation> {
  let current = first;
  while (waitable(current) && withinMaxWait(current.report, started, ctx.inputs.maxWait)) {
    const next = current.report.schedule.nextOpen!;
    ctx.log.info(
      `waiting for window, opens in ${formatIn(current.at.toISOString(), next)} (${formatWhen(next, current.report.schedule.timezone)})`,
    );
    await ctx.clock.sleep(Math.min(MINUTE, Math.max(1000, Date.parse(next) - current.at.getTime())));
    current = await evaluate();
  }
  return current;
}

function result(ctx: ActionContext, e: Evaluation, started: Date): ModeResult {
  const { report, at, decision } = e;
  const schedule = report.schedule;
  const gate = report.gates.deploy;
  const passes = decision.action === "approve";
  const waited = at.getTime() - started.getTime();
  const title = `change-gate: deploy gate${report.environment ? ` for \`${report.environment}\`` : ""}`;
  const lines = [decisionSummary(title, report, gate, at)];
  if (e.pullRequest) lines.splice(1, 0, `Deployed commit from pull request #${e.pullRequest}.`);
  // What the gate's table cannot show (no PR for a commit the environment requires a description of).
  if (!passes && gate.conclusion !== "failure") lines.splice(1, 0, `**${decision.comment}**`);
  if (waited > 0) lines.push(`Waited ${formatIn(started.toISOString(), at.toISOString())} for the window.`);
  return {
    outputs: {
      open: schedule.open,
      nextOpen: schedule.nextOpen,
      reason: schedule.reason,
      riskLevel: report.risk.level,
      conclusion: passes ? "success" : "failure",
    },
    summary: lines.join("\n\n"),
    failure: passes ? null : failureMessage(ctx, e, started),
  };
}

function failureMessage(ctx: ActionContext, e: Evaluation, started: Date): string {
  const { report, at } = e;
  const where = report.environment ? ` (${report.environment})` : "";
  if (report.schedule.open || !waitable(e)) {
    const failed = report.gates.deploy.rules.filter((r) => r.status === "fail");
    const why = failed.length
      ? failed.map((r) => `${r.rule}: ${r.fix ?? r.detail}`).join("; ")
      : e.decision.comment;
    return `Deploy blocked${where}: ${why}`;
  }
  const line = describeSchedule(report.schedule, at);
  const next = report.schedule.nextOpen;
  const head = `Deploy blocked${where}: ${line}`;
  if (next === null) return head;
  const gap = formatIn(started.toISOString(), next);
  return ctx.inputs.wait
    ? `${head}. The opening is beyond max-wait (${gap} away); raise max-wait or deploy later.`
    : `${head}. Set \`wait: true\` (with max-wait of at least ${gap}) to hold this job until the window opens.`;
}

/** The environment of a `deployment` event, when the workflow runs for one. */
function deploymentEnvironment(payload: Record<string, unknown>): string | null {
  const deployment = payload.deployment as { environment?: unknown } | undefined;
  return typeof deployment?.environment === "string" ? deployment.environment : null;
}

const SHA_RE = /^[0-9a-f]{40}$/;

/** The commit being deployed: the deployment's, else the pushed head, else the workflow's commit (GITHUB_SHA). */
function deployedSha(ctx: ActionContext): string | null {
  const p = ctx.event.payload as { deployment?: { sha?: unknown }; after?: unknown };
  for (const sha of [p.deployment?.sha, p.after, ctx.sha])
    if (typeof sha === "string" && SHA_RE.test(sha) && !/^0+$/.test(sha)) return sha;
  return null;
}

/** PRs a `deployment_protection_rule`-like payload names (most events name none). */
function eventPullRequests(ctx: ActionContext): DeployedPullRequest[] {
  const given = (ctx.event.payload as { pull_requests?: unknown }).pull_requests;
  return Array.isArray(given) ? (given as DeployedPullRequest[]) : [];
}

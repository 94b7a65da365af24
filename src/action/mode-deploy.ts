import { type CheckReport, evaluateChange } from "../core/policy/index.js";
import { describeSchedule, formatIn, formatWhen } from "../core/schedule/index.js";
import { readActiveFreezes } from "../github/freeze-ledger/index.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { decisionSummary } from "./summary.js";

const MINUTE = 60_000;

/** The deploy gate: passes inside a window, fails (or waits up to `max-wait`) outside one or during a freeze. */
export async function runDeployMode(ctx: ActionContext): Promise<ModeResult> {
  const loaded = configOrFailure(await readActionConfig(ctx));
  if ("failure" in loaded) return { outputs: { open: false, conclusion: "failure" }, ...loaded };
  const environment = ctx.inputs.environment ?? deploymentEnvironment(ctx.event.payload);
  const evaluate = async () => {
    const at = ctx.clock.now();
    const ledger = await readActiveFreezes(ctx.gh, ctx.repo, at);
    return { at, report: evaluateChange({ config: loaded.config, at, body: null, environment, ledger }) };
  };

  const started = ctx.clock.now();
  let { at, report } = await evaluate();
  ctx.log.info(
    `deploy gate${environment ? ` (${environment})` : ""}: ${describeSchedule(report.schedule, at)}`,
  );
  if (!report.schedule.open && ctx.inputs.wait && withinMaxWait(report, started, ctx.inputs.maxWait)) {
    ({ at, report } = await waitForWindow(ctx, evaluate, started, { at, report }));
  }
  return result(ctx, report, at, started);
}

type Evaluation = { at: Date; report: CheckReport };

function withinMaxWait(report: CheckReport, started: Date, maxWait: number): boolean {
  const next = report.schedule.nextOpen;
  return next !== null && Date.parse(next) - started.getTime() <= maxWait;
}

/**
 * Sleep a minute at a time until the gate opens, re-reading the freeze ledger each minute: a new `/freeze` keeps
 * the step waiting (or ends the wait when the new opening is beyond `max-wait`), an `/unfreeze` lets it pass.
 */
async function waitForWindow(
  ctx: ActionContext,
  evaluate: () => Promise<Evaluation>,
  started: Date,
  first: Evaluation,
): Promise<Evaluation> {
  let current = first;
  while (!current.report.schedule.open && withinMaxWait(current.report, started, ctx.inputs.maxWait)) {
    const next = current.report.schedule.nextOpen!;
    ctx.log.info(
      `waiting for window, opens in ${formatIn(current.at.toISOString(), next)} (${formatWhen(next, current.report.schedule.timezone)})`,
    );
    await ctx.clock.sleep(Math.min(MINUTE, Math.max(1000, Date.parse(next) - current.at.getTime())));
    current = await evaluate();
  }
  return current;
}

function result(ctx: ActionContext, report: CheckReport, at: Date, started: Date): ModeResult {
  const schedule = report.schedule;
  const gate = report.gates.deploy;
  const waited = at.getTime() - started.getTime();
  const title = `change-gate: deploy gate${report.environment ? ` for \`${report.environment}\`` : ""}`;
  const lines = [decisionSummary(title, report, gate, at)];
  if (waited > 0) lines.push(`Waited ${formatIn(started.toISOString(), at.toISOString())} for the window.`);
  return {
    outputs: {
      open: schedule.open,
      nextOpen: schedule.nextOpen,
      reason: schedule.reason,
      riskLevel: report.risk.level,
      conclusion: gate.conclusion,
    },
    summary: lines.join("\n\n"),
    failure: gate.conclusion === "failure" ? failureMessage(ctx, report, at, started) : null,
  };
}

function failureMessage(ctx: ActionContext, report: CheckReport, at: Date, started: Date): string {
  const line = describeSchedule(report.schedule, at);
  const next = report.schedule.nextOpen;
  const head = `Deploy blocked${report.environment ? ` (${report.environment})` : ""}: ${line}`;
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

import { formatWhen } from "../core/schedule/index.js";
import {
  concernsLedger,
  type GuardOptions,
  guardLedgerChange,
  type IssuesPayload,
  ledgerChangeOf,
} from "../github/freeze-ledger/guard.js";
import { type GuardedIssue, guardLedgerIssues } from "../github/freeze-ledger/guard-sweep.js";
import { closeExpiredFreezes } from "../github/freeze-ledger/index.js";
import { ACTIONS_BOT } from "../github/freeze-ledger/revision.js";
import { reevaluateOpenPrs } from "../github/pr-check.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { reevaluationLine } from "./summary.js";

/**
 * On a schedule: undo ledger issues changed by hand without the right (and record authorised lifts), close expired
 * freezes, then re-check open PRs so checks flip at window and freeze edges.
 */
export async function runSweepMode(ctx: ActionContext): Promise<ModeResult> {
  // On an `issues` event only that issue is judged, with the event's sender; any other issue costs no request.
  const change =
    ctx.event.name === "issues"
      ? ledgerChangeOf(ctx.event.payload as unknown as IssuesPayload, (i) => i.user?.login === ACTIONS_BOT)
      : null;
  if (change && !concernsLedger(change))
    return {
      outputs: { conclusion: "success" },
      summary: "## change-gate: sweep\n\nNot a freeze ledger issue: nothing to do.",
      failure: null,
    };
  const config = await readActionConfig(ctx);
  const loaded = configOrFailure(config);
  if ("failure" in loaded) return { outputs: { conclusion: "failure" }, ...loaded };
  const now = ctx.clock.now();
  // The workflow token writes change-gate's revisions as github-actions[bot]: only those are trusted.
  const guard: GuardOptions = {
    rule: loaded.config.commands.freeze,
    author: { login: ACTIONS_BOT },
    zone: loaded.config.timezone,
    now,
  };
  if (change) return judgeIssueEvent(ctx, change, guard, config);
  const guarded = await guardLedgerIssues(ctx.gh, ctx.repo, guard);
  const closed = await closeExpiredFreezes(ctx.gh, ctx.repo, now, { timezone: loaded.config.timezone });
  const failed: number[] = [];
  const prs = await reevaluateOpenPrs(ctx.gh, ctx.repo, now, {
    config,
    onError: (pr, error) => {
      failed.push(pr);
      ctx.log.warning(`#${pr}: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  const lines = [
    "## change-gate: sweep",
    closed.length
      ? `Closed ${closed.length} expired freeze${closed.length === 1 ? "" : "s"}: ${closed.map((f) => `#${f.number} (ended ${formatWhen(f.until, loaded.config.timezone)})`).join(", ")}`
      : "No expired freezes.",
    guardLine(guarded),
    reevaluationLine(prs, loaded.config.timezone),
  ];
  ctx.log.info(lines.slice(1).join("\n"));
  return {
    outputs: { conclusion: failed.length ? "failure" : "success" },
    summary: lines.join("\n\n"),
    // A PR whose check could not be written keeps its old verdict: the sweep says so rather than pass quietly.
    failure: failed.length ? `change-gate could not re-check ${failed.map((n) => `#${n}`).join(", ")}` : null,
  };
}

/** "Ledger changed by hand: #3 closed by @bob — restored; #4 closed by @carol — accepted as /unfreeze." */
function guardLine(guarded: readonly GuardedIssue[]): string {
  if (guarded.length === 0) return "No freeze ledger issue was changed by hand.";
  const what = guarded.map(
    (g) =>
      `#${g.number} ${g.kind}${g.by ? ` by @${g.by}` : ""} — ${g.outcome === "restored" ? "undone" : g.kind === "closed" || g.kind === "unlabeled" ? "accepted as /unfreeze" : "accepted"}`,
  );
  return `Freeze ledger changed by hand: ${what.join("; ")}.`;
}

/** An `issues` event on a ledger issue: judged like the App's webhook; open PRs re-checked when the ledger moved. */
async function judgeIssueEvent(
  ctx: ActionContext,
  change: ReturnType<typeof ledgerChangeOf>,
  guard: GuardOptions,
  config: Awaited<ReturnType<typeof readActionConfig>>,
): Promise<ModeResult> {
  const result = await guardLedgerChange(ctx.gh, ctx.repo, change, guard);
  const lines = [
    "## change-gate: sweep",
    result.reply ?? `#${change.issue.number}: nothing changed in the freeze.`,
  ];
  const failed: number[] = [];
  if (result.stateChanged) {
    const prs = await reevaluateOpenPrs(ctx.gh, ctx.repo, guard.now, {
      config,
      onError: (pr, error) => {
        failed.push(pr);
        ctx.log.warning(`#${pr}: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
    lines.push(reevaluationLine(prs, guard.zone));
  }
  ctx.log.info(lines.slice(1).join("\n"));
  return {
    outputs: { conclusion: failed.length ? "failure" : "success" },
    summary: lines.join("\n\n"),
    failure: failed.length ? `change-gate could not re-check ${failed.map((n) => `#${n}`).join(", ")}` : null,
  };
}

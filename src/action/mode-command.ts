import { cell } from "../core/render/index.js";
import { type PullRequestLike, reevaluateOpenPrs, runPrCheck } from "../github/pr-check.js";
import { type CommandEvent, fanOutLedger, runCommand } from "../github/run-command.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { InputError } from "./inputs.js";
import { reevaluationLine } from "./summary.js";

interface CommentPayload {
  action?: string;
  comment?: {
    id: number;
    node_id?: string;
    body?: string | null;
    html_url: string;
    user?: { login: string; type?: string } | null;
  };
  issue?: { number: number; node_id?: string; pull_request?: unknown; locked?: boolean };
}

/** `/freeze`, `/unfreeze`, `/freeze status`, `/override` in an issue or PR comment; PR checks follow a ledger change. */
export async function runCommandMode(ctx: ActionContext): Promise<ModeResult> {
  const payload = ctx.event.payload as CommentPayload;
  const { comment, issue } = payload;
  if (!comment || !issue)
    throw new InputError(`command mode needs an issue_comment payload with a comment and an issue`);
  // Who may run a command is the default branch's rule, never a checkout's (a PR's or a stale file could lower it).
  const config = await readActionConfig(ctx, { trustCheckout: false });
  const loaded = configOrFailure(config);
  if ("failure" in loaded) return { outputs: { conclusion: "failure" }, ...loaded };
  const now = ctx.clock.now();
  const event: CommandEvent = {
    ref: ctx.repo,
    config: loaded.config,
    now,
    comment: {
      id: comment.id,
      ...(comment.node_id ? { node_id: comment.node_id } : {}),
      body: comment.body ?? "",
      html_url: comment.html_url,
      user: { login: comment.user?.login ?? "ghost", type: comment.user?.type ?? "User" },
    },
    issue: {
      number: issue.number,
      ...(issue.node_id ? { node_id: issue.node_id } : {}),
      is_pull_request: Boolean(issue.pull_request),
      locked: Boolean(issue.locked),
    },
    action: payload.action ?? "",
    // A re-run replays the comment: act on it only if no earlier attempt took it (see CommandEvent.once).
    once: (ctx.event.attempt ?? 1) > 1,
  };
  const result = await runCommand(ctx.gh, event);
  ctx.log.info(`command ${result.command?.kind ?? "(none)"}: ${result.outcome}`);
  const lines = [
    `## change-gate: ${result.command ? `\`/${result.command.kind}\`` : "comment"} — ${result.outcome}`,
  ];
  if (result.reply)
    lines.push(
      result.reply
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n"),
    );
  if (result.error) lines.push(`Error: ${cell(result.error)}`);
  if (result.outcome === "duplicate")
    lines.push(
      "This comment already carries change-gate's 👀: an earlier attempt of this job took it, so nothing was done " +
        "again. To run the command again, post it in a new comment.",
    );
  if (result.stateChanged && result.command?.kind === "override") {
    // An override concerns its own PR only: re-check that one, as the App does.
    const { data: pr } = await ctx.gh.rest.pulls.get({ ...ctx.repo, pull_number: event.issue.number });
    const out = await runPrCheck(ctx.gh, { ref: ctx.repo, pr: pr as PullRequestLike, now, config });
    lines.push(`Re-checked #${pr.number}: ${out.conclusion}.`);
  } else if (result.stateChanged) {
    const prs = await reevaluateOpenPrs(ctx.gh, ctx.repo, now, {
      config,
      ...(await fanOutLedger(ctx.gh, ctx.repo, now, result)),
      onError: (pr, error) =>
        ctx.log.warning(`#${pr}: ${error instanceof Error ? error.message : String(error)}`),
    });
    lines.push(reevaluationLine(prs, loaded.config.timezone));
  }
  return {
    outputs: { conclusion: result.outcome === "failed" ? "failure" : "success" },
    summary: lines.join("\n\n"),
    // Refused and invalid commands were answered in the thread; only a command that broke fails the job.
    failure:
      result.outcome === "failed" ? `change-gate command failed: ${result.error ?? "unknown error"}` : null,
  };
}

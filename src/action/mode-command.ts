import { cell } from "../core/render/index.js";
import { reevaluateOpenPrs } from "../github/pr-check.js";
import { type CommandEvent, runCommand } from "../github/run-command.js";
import { configOrFailure, readActionConfig } from "./config.js";
import type { ActionContext, ModeResult } from "./context.js";
import { InputError } from "./inputs.js";
import { reevaluationLine } from "./summary.js";

interface CommentPayload {
  action?: string;
  comment?: {
    id: number;
    body?: string | null;
    html_url: string;
    user?: { login: string; type?: string } | null;
  };
  issue?: { number: number; pull_request?: unknown; locked?: boolean };
}

/** `/freeze`, `/unfreeze`, `/freeze status`, `/override` in an issue or PR comment; PR checks follow a ledger change. */
export async function runCommandMode(ctx: ActionContext): Promise<ModeResult> {
  const payload = ctx.event.payload as CommentPayload;
  const { comment, issue } = payload;
  if (!comment || !issue)
    throw new InputError(`command mode needs an issue_comment payload with a comment and an issue`);
  const config = await readActionConfig(ctx);
  const loaded = configOrFailure(config);
  if ("failure" in loaded) return { outputs: { conclusion: "failure" }, ...loaded };
  const now = ctx.clock.now();
  const event: CommandEvent = {
    ref: ctx.repo,
    config: loaded.config,
    now,
    comment: {
      id: comment.id,
      body: comment.body ?? "",
      html_url: comment.html_url,
      user: { login: comment.user?.login ?? "ghost", type: comment.user?.type ?? "User" },
    },
    issue: {
      number: issue.number,
      is_pull_request: Boolean(issue.pull_request),
      locked: Boolean(issue.locked),
    },
    action: payload.action ?? "",
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
  if (result.stateChanged) {
    const prs = await reevaluateOpenPrs(ctx.gh, ctx.repo, now, {
      config,
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

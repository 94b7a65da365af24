import { type Command, parseCommand } from "../core/commands/index.js";
import type { Config } from "../core/config/schema.js";
import { isBotAccount } from "../core/policy/skip.js";
import { inertText } from "../core/render/index.js";
import { describeSchedule, evaluateSchedule, type LedgerFreeze } from "../core/schedule/index.js";
import {
  declareFreeze,
  type LedgerIssue,
  liftFreezes,
  readActiveFreezes,
  readLedgerChange,
  recordOverride,
  recordOverrideInLedger,
} from "./freeze-ledger/index.js";
import {
  approvalsNeeded,
  frozenReply,
  ledgerAuditLine,
  statusReply,
  unfrozenReply,
} from "./freeze-ledger/replies.js";
import { checkAuthority, whoMay, yourPermission } from "./permissions.js";
import type { GitHub, RepoRef } from "./types.js";

export interface CommandEvent {
  ref: RepoRef;
  config: Config;
  now: Date;
  /** `node_id`s (in every webhook payload) let the closing reply and reaction go out as one GraphQL request. */
  comment: {
    id: number;
    node_id?: string;
    body: string;
    html_url: string;
    user: { login: string; type: string };
  };
  issue: { number: number; node_id?: string; is_pull_request: boolean; locked: boolean };
  /** The `issue_comment` action; only "created" runs a command. */
  action: string;
  /**
   * A comment is acted on once: change-gate's 👀 stays on a comment it took, and when GitHub answers the 👀 with
   * "already there" (200, not 201) the comment was taken before (a redelivery, a replay after a restart) and nothing
   * is done. Default true. The Action passes false on a job's first attempt: every workflow reacts as
   * `github-actions[bot]`, so another workflow's 👀 must not silence a command; a re-run (attempt > 1) passes true.
   */
  once?: boolean;
}

/** "duplicate": the comment was acted on before (see `CommandEvent.once`); nothing was done or posted. */
export type CommandOutcome = "ignored" | "duplicate" | "refused" | "invalid" | "done" | "failed";

export interface CommandResult {
  outcome: CommandOutcome;
  command?: Command;
  /** The reply text (also when posting it failed, e.g. on a locked issue). */
  reply?: string;
  /** Whether the reply was posted. */
  replied?: boolean;
  /** The ledger changed (freeze declared or lifted, override recorded): re-evaluate open PRs. */
  stateChanged: boolean;
  /** Why the command failed (outcome "failed"). */
  error?: string;
  /**
   * The repository's open ledger issues right after the command, from a list it made anyway (for `/freeze` the race
   * check's re-list): `fanOutLedger` turns it (with `previous`) into the fan-out's ledgers without listing again.
   */
  ledger?: LedgerIssue[];
  /** The same issues as listed before the command changed them (`/freeze`, `/unfreeze`): what a fan-out compares. */
  previous?: LedgerIssue[];
}

type Reaction = "eyes" | "+1" | "-1";

/**
 * Runs a slash command from a newly created comment: take it (👀, once per comment), parse, check the author's
 * authority, change the ledger, and answer with a reaction (+1 done, -1 refused, invalid or failed) and a reply.
 * Edited comments, bots and comments without a command cost no request at all; a comment taken before costs one.
 * A reply that cannot be posted (locked issue) does not undo the change.
 */
export async function runCommand(gh: GitHub, event: CommandEvent): Promise<CommandResult> {
  const { comment, config } = event;
  const taken = await take(gh, event, config.timezone);
  if ("outcome" in taken) return taken;
  const { parsed, feedback } = taken;
  if (!parsed.ok) {
    return feedback.finish("invalid", false, `${parsed.error}.\n\n${parsed.usage}`);
  }
  const command = parsed.command;
  if (command.kind === "override" && !event.issue.is_pull_request) {
    return feedback.finish(
      "invalid",
      false,
      "`/override` works only in a pull request comment; nothing was recorded.",
      command,
    );
  }
  try {
    if (command.kind !== "freeze-status") {
      const authority = await checkAuthority(
        gh,
        event.ref,
        comment.user.login,
        comment.user.type,
        config.commands.freeze,
      );
      if (!authority.allowed) {
        const reply =
          `Sorry @${comment.user.login}, \`/${command.kind}\` is limited to ${whoMay(event.ref, config.commands.freeze)}; ` +
          `${yourPermission(authority)}. Nothing was changed.`;
        return feedback.finish("refused", false, reply, command);
      }
    }
    const { reply, stateChanged, posted, ledger, previous } = await execute(gh, event, command);
    const result = await feedback.finish("done", stateChanged, reply, command, posted);
    return { ...result, ...(ledger ? { ledger } : {}), ...(previous ? { previous } : {}) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reply = `\`/${command.kind}\` failed: ${message}. Nothing may have changed; check the freeze ledger (issues labelled \`change-freeze\`) and try again.`;
    return { ...(await feedback.finish("failed", false, reply, command)), error: message };
  }
}

async function execute(
  gh: GitHub,
  event: CommandEvent,
  command: Command,
): Promise<{
  reply: string;
  stateChanged: boolean;
  posted?: boolean;
  ledger?: LedgerIssue[];
  previous?: LedgerIssue[];
}> {
  const { ref, config, now, comment } = event;
  const by = comment.user.login;
  const zone = config.timezone;
  switch (command.kind) {
    case "freeze": {
      const declared = await declareFreeze(
        gh,
        ref,
        {
          by,
          reason: command.reason,
          environment: command.environment,
          from: now.toISOString(),
          until: command.until,
          sourceUrl: comment.html_url,
          timezone: zone,
        },
        now,
      );
      return {
        reply: frozenReply(declared, zone, command.wholeDay),
        stateChanged: true,
        ledger: declared.ledger,
        previous: declared.previous,
      };
    }
    case "unfreeze": {
      const { lifted, ledger, previous } = await liftFreezes(gh, ref, {
        by,
        environment: command.environment,
        reason: command.reason,
        sourceUrl: comment.html_url,
      });
      return {
        reply: unfrozenReply(lifted, command.environment, by, command.reason),
        stateChanged: lifted.length > 0,
        ledger,
        previous,
      };
    }
    case "freeze-status": {
      const freezes = (await readActiveFreezes(gh, ref, now)).filter(
        (f) => !command.environment || !f.environment || f.environment === command.environment,
      );
      let schedule: string | null = null;
      try {
        schedule = describeSchedule(
          evaluateSchedule({ config, environment: command.environment, ledger: freezes }, now),
          now,
        );
      } catch {
        schedule = null;
      }
      return { reply: statusReply(freezes, command.environment, zone, now, schedule), stateChanged: false };
    }
    case "override": {
      const approval = { by, reason: command.reason, sourceUrl: comment.html_url };
      // The ledger first: an override that cannot be audited there is not recorded at all (fail closed).
      const { recorded, ledger } = await recordOverrideInLedger(gh, ref, event.issue.number, approval, now);
      const audit = ledgerAuditLine(recorded);
      const note =
        `Override approved by @${by}: ${command.reason}\n\n` +
        `${approvalsNeeded(config.overrides.approvals)}; the check shows who approved.` +
        (audit ? `\n\n${audit}` : "");
      await recordOverride(gh, ref, event.issue.number, approval, now, note);
      // The record is itself the reply, so no second comment is posted.
      return { reply: note, stateChanged: true, posted: true, ledger };
    }
  }
}

type Parsed = NonNullable<ReturnType<typeof parseCommand>>;

/**
 * How every command starts: only a newly created comment by a person, holding a command, and taken with 👀 once
 * (see `CommandEvent.once`). A result when there is nothing (more) to do.
 */
async function take(
  gh: GitHub,
  event: Omit<CommandEvent, "config">,
  timezone: string,
): Promise<CommandResult | { parsed: Parsed; feedback: Feedback }> {
  const { comment } = event;
  if (event.action !== "created" || isBotAccount(comment.user.login, comment.user.type)) return ignored();
  const parsed = parseCommand(comment.body, { now: event.now, timezone });
  if (parsed === null) return ignored();
  const feedback = new Feedback(gh, event);
  if ((await feedback.react("eyes")) === "exists" && event.once !== false) return duplicate(parsed);
  return { parsed, feedback };
}

function ignored(): CommandResult {
  return { outcome: "ignored", stateChanged: false };
}

function duplicate(parsed: Parsed): CommandResult {
  return { outcome: "duplicate", stateChanged: false, ...(parsed.ok ? { command: parsed.command } : {}) };
}

const REACTION_ENUM: Record<Reaction, string> = { eyes: "EYES", "+1": "THUMBS_UP", "-1": "THUMBS_DOWN" };

/**
 * The closing feedback in one request: the reply and the outcome's reaction (the 👀 stays: it marks the comment as
 * taken). Each field succeeds or fails on its own (GraphQL reports a locked issue as an error on `reply` alone).
 */
const CLOSING_FEEDBACK = `mutation ChangeGateFeedback($issue: ID!, $comment: ID!, $body: String!, $reaction: ReactionContent!) {
  reply: addComment(input: { subjectId: $issue, body: $body }) { commentEdge { node { id } } }
  reaction: addReaction(input: { subjectId: $comment, content: $reaction }) { reaction { content } }
}`;

type ClosingData = { reply?: unknown; reaction?: unknown } | null | undefined;

/** Reactions and the reply: best effort, so a locked issue or a lost reaction never hides what was done. */
class Feedback {
  constructor(
    private readonly gh: GitHub,
    private readonly event: Pick<CommandEvent, "ref" | "comment" | "issue">,
  ) {}

  /** "exists": GitHub already had this reaction from us (200); "failed": unknown, the command goes on. */
  async react(content: Reaction): Promise<"created" | "exists" | "failed"> {
    try {
      const { status } = await this.gh.rest.reactions.createForIssueComment({
        ...this.event.ref,
        comment_id: this.event.comment.id,
        content,
      });
      return status === 200 ? "exists" : "created";
    } catch {
      return "failed";
    }
  }

  async reply(body: string): Promise<boolean> {
    try {
      await this.gh.rest.issues.createComment({
        ...this.event.ref,
        issue_number: this.event.issue.number,
        body: inertText(body),
      });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Reply and react together through GraphQL; whatever that did not do (no node ids, GraphQL unavailable, one field
   * failed) is done through REST, so nothing is lost. Returns whether the reply was posted.
   */
  async replyAndReact(body: string, content: Reaction): Promise<boolean> {
    const { comment, issue } = this.event;
    let data: ClosingData = null;
    if (comment.node_id && issue.node_id) {
      try {
        data = await this.gh.graphql<ClosingData>(CLOSING_FEEDBACK, {
          issue: issue.node_id,
          comment: comment.node_id,
          body: inertText(body),
          reaction: REACTION_ENUM[content],
        });
      } catch (error) {
        // A GraphqlResponseError carries what did succeed; an HTTP failure carries nothing.
        data = (error as { data?: ClosingData } | null)?.data ?? null;
      }
    }
    const replied = data?.reply ? true : await this.reply(body);
    if (!data?.reaction) await this.react(content);
    return replied;
  }

  async finish(
    outcome: CommandOutcome,
    stateChanged: boolean,
    reply: string,
    command?: Command,
    posted = false,
  ): Promise<CommandResult> {
    const content = outcome === "done" ? "+1" : "-1";
    let replied = posted;
    if (posted) await this.react(content);
    else replied = await this.replyAndReact(reply, content);
    const result: CommandResult = { outcome, stateChanged, reply, replied };
    if (command) result.command = command;
    return result;
  }
}

/**
 * A command arrived while the repository's config is broken: authority rules cannot be read, so nothing is run
 * (fail closed). Answers with -1 and the errors; returns null (no request) when the comment holds no command.
 */
export async function refuseWithConfigErrors(
  gh: GitHub,
  event: Omit<CommandEvent, "config">,
  errors: readonly string[],
): Promise<CommandResult> {
  const taken = await take(gh, event, "UTC");
  if ("outcome" in taken) return taken;
  const { parsed, feedback } = taken;
  const reply = [
    "change-gate cannot run commands while its config has errors, so nothing was changed:",
    "",
    "```",
    ...errors,
    "```",
  ].join("\n");
  return feedback.finish("failed", false, reply, parsed.ok ? parsed.command : undefined);
}

/**
 * The ledger a fan-out after this command evaluates PRs under, read as little as possible: the repository's side
 * comes from the command's own lists, the org's is read once. With the list from before the command as well, the
 * fan-out leaves alone every PR whose verdict the change does not move.
 */
export async function fanOutLedger(
  gh: GitHub,
  ref: RepoRef,
  now: Date,
  result: Pick<CommandResult, "ledger" | "previous">,
): Promise<{ ledger: LedgerFreeze[]; previousLedger?: LedgerFreeze[] }> {
  if (result.ledger && result.previous) {
    const { before, after } = await readLedgerChange(gh, ref, now, {
      before: result.previous,
      after: result.ledger,
    });
    return { ledger: after, previousLedger: before };
  }
  return { ledger: await readActiveFreezes(gh, ref, now, result.ledger ? { own: result.ledger } : {}) };
}

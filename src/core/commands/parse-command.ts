import { Temporal } from "temporal-polyfill";
import { commandLine } from "./first-line.js";
import { type CommandWord, matchHead } from "./head.js";
import { lookalikeHead } from "./lookalike.js";
import {
  disguisedKeyword,
  ENV_NAME,
  keyword,
  misplacedOption,
  type OptionName,
  readOptions,
} from "./options.js";
import { cleanReason } from "./reason.js";
import { stripTrailingPunctuation, type Token, tokenize } from "./text.js";
import { endAfter, endAt, isoInstant } from "./time.js";
import type { Command, CommandKind, ParseOptions, ParseResult } from "./types.js";
import { USAGE } from "./usage.js";

function fail(kind: CommandKind, error: string): ParseResult {
  return { ok: false, error, usage: USAGE[kind] };
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

/**
 * Reads a `/freeze`, `/unfreeze`, `/freeze status` or `/override` command from a comment. Only the first non-blank line
 * that is not a `>` quote is looked at (none if it opens a code fence). Returns null when the comment holds no command,
 * `{ ok: false, error, usage }` for a malformed one — including a command disguised with look-alike slashes, letters
 * or invisible characters — and never throws.
 */
export function parseCommand(commentBody: string, options: ParseOptions): ParseResult {
  const line = commandLine(commentBody);
  if (line === null) return null;
  const head = matchHead(line);
  if (!head) {
    const imitated = lookalikeHead(line);
    if (!imitated) return null;
    return fail(
      imitated,
      `this looks like /${imitated} but uses look-alike characters; type it with a plain / and plain letters (no invisible characters)`,
    );
  }
  try {
    return parseArguments(head.word, head.rest, options);
  } catch (e) {
    return fail(head.word, `could not read the command: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseArguments(word: CommandWord, rest: string, options: ParseOptions): ParseResult {
  if (word === "override") return parseOverride(rest);
  const tokens = tokenize(rest);
  if (word === "unfreeze") return parseUnfreeze(rest, tokens);
  const first = tokens[0];
  if (first && stripTrailingPunctuation(first.text).toLowerCase() === "status")
    return parseStatus(tokens.slice(1));
  if (first && disguisedKeyword(first.text, ["status"]) === "status") {
    return fail(
      "freeze-status",
      `\`${first.text}\` looks like \`status\` but uses look-alike characters; type it in plain letters`,
    );
  }
  return parseFreeze(rest, tokens, options);
}

/** The reason: the rest of the line from token `at`, cleaned; unquoted text must not hide an option. */
function readReason(
  rest: string,
  tokens: readonly Token[],
  at: number,
  allowed: readonly OptionName[],
  command: string,
): { reason: string | null } | { error: string } {
  const start = tokens[at];
  if (!start) return { reason: null };
  const cleaned = cleanReason(rest.slice(start.start));
  if ("error" in cleaned) return cleaned;
  if (!cleaned.quoted) {
    const misplaced = misplacedOption(tokens.slice(at), allowed, command);
    if (misplaced) return { error: misplaced };
  }
  return { reason: cleaned.reason };
}

const FREEZE_OPTIONS: readonly OptionName[] = ["for", "until", "env"];

function parseFreeze(rest: string, tokens: readonly Token[], options: ParseOptions): ParseResult {
  const opts = readOptions(tokens, FREEZE_OPTIONS);
  if ("error" in opts) return fail("freeze", opts.error);
  const reason = readReason(rest, tokens, opts.reasonAt, FREEZE_OPTIONS, "/freeze");
  if ("error" in reason) return fail("freeze", reason.error);
  let until: string | null = null;
  let wholeDay: string | undefined;
  if (opts.duration || opts.until !== null) {
    const nowMs = options.now.getTime();
    if (!Number.isFinite(nowMs))
      return fail("freeze", "the current time is not available, so the end cannot be computed");
    const now = Temporal.Instant.fromEpochMilliseconds(nowMs);
    const end = opts.duration
      ? endAfter(opts.duration.value, opts.duration.written, now, options.timezone)
      : endAt(opts.until!, now, options.timezone);
    if ("error" in end) return fail("freeze", end.error);
    until = isoInstant(end.instant);
    wholeDay = end.wholeDay;
  }
  const command: Command = { kind: "freeze", until, environment: opts.env, reason: reason.reason };
  if (opts.duration) command.duration = opts.duration.written;
  if (wholeDay) command.wholeDay = wholeDay;
  return ok(command);
}

function parseUnfreeze(rest: string, tokens: readonly Token[]): ParseResult {
  const allowed: readonly OptionName[] = ["env"];
  const opts = readOptions(tokens, allowed);
  if ("error" in opts) return fail("unfreeze", opts.error);
  const reason = readReason(rest, tokens, opts.reasonAt, allowed, "/unfreeze");
  if ("error" in reason) return fail("unfreeze", reason.error);
  return ok({ kind: "unfreeze", environment: opts.env, reason: reason.reason });
}

function parseStatus(tokens: readonly Token[]): ParseResult {
  let environment: string | null = null;
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i]!.text;
    if (keyword(word) !== "env") {
      return fail(
        "freeze-status",
        `\`/freeze status\` takes only \`env <name>\`; \`${word}\` is not understood`,
      );
    }
    if (environment !== null) return fail("freeze-status", "`env` is given twice");
    const next = tokens[i + 1];
    if (!next) return fail("freeze-status", `\`${word}\` needs an environment name such as production`);
    const value = stripTrailingPunctuation(next.text);
    if (!ENV_NAME.test(value)) {
      return fail(
        "freeze-status",
        `\`env ${value}\` is not an environment name; use letters, digits, "_", "." and "-"`,
      );
    }
    environment = value;
  }
  return ok({ kind: "freeze-status", environment });
}

function parseOverride(rest: string): ParseResult {
  const cleaned = cleanReason(rest);
  if ("error" in cleaned) return fail("override", cleaned.error);
  if (cleaned.reason === null) {
    return fail("override", "`/override` needs a reason, e.g. `/override hotfix for INC-1234`");
  }
  return ok({ kind: "override", reason: cleaned.reason });
}

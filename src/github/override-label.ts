import type { Config } from "../core/config/schema.js";
import { isBotAccount } from "../core/policy/skip.js";
import { inertText } from "../core/render/index.js";
import { type LedgerAudit, recordOverrideInLedger } from "./freeze-ledger/index.js";
import { approvalsNeeded, ledgerAuditLine } from "./freeze-ledger/replies.js";
import { checkAuthority, whoMay, yourPermission } from "./permissions.js";
import type { GitHub, RepoRef } from "./types.js";

/** The parts of a `pull_request.labeled` payload this reads. */
export interface LabelEvent {
  action: string;
  label?: { name: string } | null;
  sender?: { login: string; type?: string } | null;
  pull_request: { number: number; html_url?: string };
}

export interface LabelOverride {
  outcome: "recorded" | "refused";
  by: string;
  /** Ledger issues the approval was written into (none when no freeze is active: a window-only override). */
  recorded: LedgerAudit[];
  /** The answer posted on the PR (also when posting it failed). */
  reply: string;
}

/** Whether this event adds the configured override label (`overrides.label`, "emergency" by default). */
export function addsOverrideLabel(event: LabelEvent, config: Config): boolean {
  return (
    event.action === "labeled" &&
    event.label?.name.toLowerCase() === config.overrides.label.toLowerCase() &&
    !!event.sender &&
    !isBotAccount(event.sender.login, event.sender.type ?? "User")
  );
}

/**
 * The override label added by a person is a break-glass approval, as `/override` is: when they may override, it is
 * written into every active freeze's ledger issue (the same audit `/override` writes) and the PR is told; anyone
 * else is told politely that the label approves nothing. The approval itself is the label (the check reads who added
 * it, and it lapses when the label is removed), so the PR reply carries no approval record. Null: not this label.
 */
export async function recordLabelOverride(
  gh: GitHub,
  ref: RepoRef,
  event: LabelEvent,
  config: Config,
  now: Date,
): Promise<LabelOverride | null> {
  if (!addsOverrideLabel(event, config) || !event.sender) return null;
  const { login, type = "User" } = event.sender;
  const label = `\`${config.overrides.label}\``;
  const rule = config.commands.freeze;
  const authority = await checkAuthority(gh, ref, login, type, rule);
  if (!authority.allowed) {
    const reply =
      `Sorry @${login}, the ${label} label overrides a freeze or a closed window only when added by ` +
      `${whoMay(ref, rule)}; ${yourPermission(authority)}. ` +
      `It approves nothing: the change-gate check still blocks this pull request while a freeze or window applies.`;
    await answer(gh, ref, event.pull_request.number, reply);
    return { outcome: "refused", by: login, recorded: [], reply };
  }
  const approval = {
    by: login,
    reason: `${label} label`,
    sourceUrl: event.pull_request.html_url ?? null,
  };
  // Fail closed as /override does: an approval the ledger cannot hold is an error, not a silent pass. The label is
  // the approval, so it is taken off again (best effort) and the person told to add it once the ledger can take it.
  let recorded: LedgerAudit[];
  try {
    ({ recorded } = await recordOverrideInLedger(gh, ref, event.pull_request.number, approval, now));
  } catch (error) {
    const removed = await gh.rest.issues
      .removeLabel({
        ...ref,
        issue_number: event.pull_request.number,
        name: event.label?.name ?? config.overrides.label,
      })
      .then(
        () => true,
        () => false,
      );
    await answer(
      gh,
      ref,
      event.pull_request.number,
      `@${login}, the ${label} label could not be recorded in the freeze ledger ` +
        `(${error instanceof Error ? error.message : String(error)}). ` +
        (removed
          ? "It was removed again, so it approves nothing. "
          : "It could not be removed either: **remove it by hand**, an unaudited label must not stay. ") +
        `Add it again (or use \`/override <reason>\`) once the ledger can be written.`,
    );
    throw error;
  }
  const audit = ledgerAuditLine(recorded);
  const reply =
    `Override approved by @${login} with the ${label} label.${audit ? ` ${audit}` : ""}\n\n` +
    `${approvalsNeeded(config.overrides.approvals)}; removing the label withdraws this approval.`;
  await answer(gh, ref, event.pull_request.number, reply);
  return { outcome: "recorded", by: login, recorded, reply };
}

/** Best effort: the ledger record and the check are what count; a reply lost (locked PR) hides nothing. */
async function answer(gh: GitHub, ref: RepoRef, issue: number, body: string): Promise<void> {
  try {
    await gh.rest.issues.createComment({ ...ref, issue_number: issue, body: inertText(body) });
  } catch {
    // nothing to do
  }
}

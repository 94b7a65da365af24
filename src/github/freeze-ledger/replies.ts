import { formatIn, formatWhen, type LedgerFreeze } from "../../core/schedule/index.js";
import type { DeclaredFreeze } from "./declare.js";
import type { LiftedFreeze } from "./lift.js";
import type { LedgerAudit } from "./override.js";
import { scopeName, untilText } from "./render.js";

/**
 * "Frozen production until Mon 1 Dec 09:00 CET by @alice: Black Friday" + where it is recorded. `wholeDay`: the date
 * `until` named without a time; the reply then says that it covers that whole day and the exact instant it ends.
 */
export function frozenReply(declared: DeclaredFreeze, zone: string, wholeDay?: string): string {
  const r = declared.record;
  const reason = r.reason ? `: ${r.reason}` : "";
  const unfreeze = r.environment === null ? "`/unfreeze`" : `\`/unfreeze env ${r.environment}\``;
  const where =
    declared.action === "created" ? `Recorded in #${declared.number}` : `Updated #${declared.number}`;
  const lines = [`Frozen ${scopeName(r.environment)} ${untilText(r.until, zone)} by @${r.by}${reason}`, ""];
  if (wholeDay && r.until !== null)
    lines.push(
      `\`until ${wholeDay}\` covers that whole day, as \`to: "${wholeDay}"\` does in the config: the freeze ends at ${r.until}.`,
      "",
    );
  lines.push(`${where}. Lift it with ${unfreeze}.`);
  return lines.join("\n");
}

export function unfrozenReply(
  lifted: readonly LiftedFreeze[],
  environment: string | null,
  by: string,
  reason: string | null,
): string {
  if (lifted.length === 0) {
    return environment === null
      ? "Nothing to unfreeze: this repository has no active freeze."
      : `Nothing to unfreeze: there is no active freeze for ${environment}.`;
  }
  const scopes = [
    ...new Set(
      lifted.map((l) => (l.environment === undefined ? "an unreadable freeze" : scopeName(l.environment))),
    ),
  ];
  const issues = lifted.map((l) => `#${l.number}`).join(", ");
  return `Unfrozen ${scopes.join(", ")} by @${by}${reason ? `: ${reason}` : ""} (closed ${issues}).`;
}

/** The active freezes, one line each: where, until when, by whom and why. */
export function statusReply(
  freezes: readonly LedgerFreeze[],
  environment: string | null,
  zone: string,
  now: Date,
  schedule: string | null,
): string {
  const scope = environment === null ? "" : ` for ${environment}`;
  const lines =
    freezes.length === 0
      ? [`No active freezes${scope} in the freeze ledger.`]
      : [
          `Active freezes${scope} (${freezes.length}):`,
          ...freezes.map((f) => `- ${freezeLine(f, zone, now)}`),
        ];
  if (schedule !== null) lines.push("", `Right now${scope}: ${schedule}.`);
  return lines.join("\n");
}

function freezeLine(f: LedgerFreeze, zone: string, now: Date): string {
  const on = f.environment ? f.environment : "all environments";
  const until =
    f.until === null
      ? f.by === undefined
        ? "with unknown end (its hidden block is unreadable, so it counts as active)"
        : "until lifted with `/unfreeze`"
      : `until ${formatWhen(f.until, zone)} (in ${formatIn(now.toISOString(), f.until)})`;
  const by = f.by ? `, by @${f.by}` : "";
  const why = f.reason ? `: ${f.reason}` : "";
  return `**${f.name}** on ${on} ${until}${by}${why}`;
}

/** "… once 2 distinct authorised people approve": what an override needs, for every override reply. */
export function approvalsNeeded(approvals: number): string {
  return (
    `This pull request may merge and deploy during a freeze or outside a window once ${approvals} distinct ` +
    `authorised ${approvals === 1 ? "person approves" : "people approve"}`
  );
}

/** "Recorded in the freeze ledger: #7, acme/.github#3." — empty when no freeze was active to record it in. */
export function ledgerAuditLine(recorded: readonly LedgerAudit[]): string {
  return recorded.length === 0
    ? ""
    : `Recorded in the freeze ledger: ${recorded.map((r) => r.where).join(", ")}.`;
}

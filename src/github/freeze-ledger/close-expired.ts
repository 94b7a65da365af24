import { formatWhen } from "../../core/schedule/index.js";
import type { GitHub, RepoRef } from "../types.js";
import { isExpired, listLedgerIssues } from "./list-ledger.js";
import { revisionComment } from "./revision.js";

export interface ClosedFreeze {
  number: number;
  environment: string | null;
  until: string;
}

/**
 * For the sweep: closes open ledger issues whose freeze ended at or before `now`, each with a comment. Unreadable
 * ones stay open (their end is unknown). One list request, plus two per expired freeze.
 */
export async function closeExpiredFreezes(
  gh: GitHub,
  ref: RepoRef,
  now: Date,
  opts: { timezone?: string } = {},
): Promise<ClosedFreeze[]> {
  const closed: ClosedFreeze[] = [];
  for (const issue of await listLedgerIssues(gh, ref)) {
    const r = issue.record;
    if (!r || r.until === null || !isExpired(r, now)) continue;
    await gh.rest.issues.createComment({
      ...ref,
      issue_number: issue.number,
      body: revisionComment(
        `Freeze ended ${formatWhen(r.until, opts.timezone ?? "UTC")}; closed by change-gate.`,
        {
          active: false,
          record: r,
        },
      ),
    });
    await gh.rest.issues.update({
      ...ref,
      issue_number: issue.number,
      state: "closed",
      state_reason: "completed",
    });
    closed.push({ number: issue.number, environment: r.environment, until: r.until });
  }
  return closed;
}

import type { GitHub, RepoRef } from "../types.js";
import { type LedgerIssue, listLedgerIssues, sameEnvironment } from "./list-ledger.js";
import { revisionComment } from "./revision.js";

export interface FreezeLift {
  by: string;
  /** Lift only this environment's freeze; null lifts every freeze in the repository's ledger. */
  environment: string | null;
  reason: string | null;
  sourceUrl?: string | null;
}

export interface LiftedFreeze {
  number: number;
  html_url: string;
  /** The environment it froze; null = all environments; undefined when its block was unreadable. */
  environment: string | null | undefined;
}

/**
 * Lifts freezes: closes the matching open ledger issues, each with a comment saying who lifted it and why. Without
 * an environment every open ledger issue of the repository is closed, unreadable ones included (that is how a
 * hand-broken freeze is lifted). Returns what was lifted (empty when nothing was frozen).
 */
export async function liftFreeze(gh: GitHub, ref: RepoRef, lift: FreezeLift): Promise<LiftedFreeze[]> {
  return (await liftFreezes(gh, ref, lift)).lifted;
}

/**
 * `liftFreeze`, also returning the repository's open ledger issues left after it (from the same list), for a fan-out
 * that would otherwise list them again.
 */
export async function liftFreezes(
  gh: GitHub,
  ref: RepoRef,
  lift: FreezeLift,
): Promise<{ lifted: LiftedFreeze[]; ledger: LedgerIssue[]; previous: LedgerIssue[] }> {
  const listed = await listLedgerIssues(gh, ref);
  const issues = listed.filter(
    (i) => lift.environment === null || sameEnvironment(i.record, lift.environment),
  );
  const why = lift.reason ? `: ${lift.reason}` : "";
  const where = lift.sourceUrl ? ` (${lift.sourceUrl})` : "";
  for (const issue of issues) {
    await gh.rest.issues.createComment({
      ...ref,
      issue_number: issue.number,
      // The revision (lifted) goes first, so the `closed` event that follows matches it.
      body: revisionComment(`Freeze lifted by @${lift.by}${where}${why}`, {
        active: false,
        record: issue.record,
      }),
    });
    await gh.rest.issues.update({
      ...ref,
      issue_number: issue.number,
      state: "closed",
      state_reason: "completed",
    });
  }
  return {
    lifted: issues.map((i) => ({
      number: i.number,
      html_url: i.html_url,
      environment: i.record ? i.record.environment : undefined,
    })),
    ledger: listed.filter((i) => !issues.includes(i)),
    previous: listed,
  };
}

import { type GuardedIssue, guardLedgerIssues } from "../github/freeze-ledger/guard-sweep.js";
import { closeExpiredFreezes } from "../github/freeze-ledger/index.js";
import { reevaluateOpenPrs } from "../github/pr-check.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { AppDeps } from "./deps.js";

/**
 * The App's interval pass over one repository's ledger, for what no webhook told it (the App was down, or handling
 * an `issues` event failed — GitHub does not redeliver by itself): hand changes are judged against change-gate's
 * revisions as the `issues` handler does, expired freezes are closed, and when a hand change was undone or accepted
 * the open PRs are re-checked. Returns what the guard did.
 */
export async function sweepLedger(gh: GitHub, ref: RepoRef, deps: AppDeps): Promise<GuardedIssue[]> {
  const now = deps.clock.now();
  let guarded: GuardedIssue[] = [];
  if (deps.appId !== undefined) {
    const { config } = await deps.policies.get(gh, ref);
    guarded = await guardLedgerIssues(gh, ref, {
      rule: config.ok ? config.config.commands.freeze : null,
      author: { appId: deps.appId },
      zone: config.ok ? config.config.timezone : "UTC",
      now,
    });
  }
  // Expired /freeze issues are closed here too, so the ledger stays what it says.
  await closeExpiredFreezes(gh, ref, now);
  if (guarded.length > 0) await reevaluateOpenPrs(gh, ref, now, { appId: deps.appId });
  return guarded;
}

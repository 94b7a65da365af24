import type { ConfigResult } from "../core/config/load.js";
import { decideChange, scheduleOnlyFacts } from "../core/policy/index.js";
import { gateSummary, gateTitle } from "../core/render/index.js";
import type { CheckRunWrite } from "./check-run.js";
import { upsertCheckRun } from "./check-run.js";
import { readActiveFreezes } from "./freeze-ledger/index.js";
import { decidePr, type PullRequestLike, writeConfigErrors, writeInternalError } from "./pr-check.js";
import { readRepoConfig } from "./read-config.js";
import type { GitHub, RepoRef } from "./types.js";

export interface MergeGroupLike {
  head_sha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>`: names the PR that entered the queue. */
  head_ref: string;
}

/** The PR number a merge queue branch is named after, or null when the name does not say. */
export function mergeGroupPrNumber(headRef: string): number | null {
  const m = /\/pr-(\d+)-[0-9a-f]+$/.exec(headRef);
  return m ? Number(m[1]) : null;
}

/**
 * The `change-gate` check on a merge group's head: the queued PR's description when the branch names it, else the
 * schedule and freezes only (nothing else is knowable about the group).
 */
export async function runMergeGroupCheck(
  gh: GitHub,
  opts: {
    ref: RepoRef;
    group: MergeGroupLike;
    now: Date;
    appId?: number;
    config?: ConfigResult;
    templates?: string[];
  },
): Promise<{ conclusion: string; check: CheckRunWrite; pullRequest: number | null }> {
  const { ref, group, now } = opts;
  try {
    const config = opts.config ?? (await readRepoConfig(gh, ref));
    if (!config.ok) {
      const check = await writeConfigErrors(gh, ref, group.head_sha, config, opts.appId);
      return { conclusion: "failure", check, pullRequest: null };
    }
    const number = mergeGroupPrNumber(group.head_ref);
    const ledger = await readActiveFreezes(gh, ref, now);
    let report: ReturnType<typeof decideChange>;
    if (number === null) {
      report = decideChange(config.config, scheduleOnlyFacts({ ledger }), now);
    } else {
      const { data } = await gh.rest.pulls.get({ ...ref, pull_number: number });
      const pr = data as PullRequestLike;
      // In the queue the PR is no longer a draft by definition; its head is not the group's head.
      report = await decidePr(gh, {
        ref,
        pr,
        mergeQueue: true,
        now,
        config: config.config,
        ledger,
        templates: opts.templates,
        appId: opts.appId,
      });
    }
    const gate = report.gates.merge;
    const check = await upsertCheckRun(gh, ref, {
      headSha: group.head_sha,
      conclusion: gate.conclusion,
      title: gateTitle(gate),
      summary: `${number === null ? "Merge group: schedule and freezes only (the queued PR is not named by the branch)." : `Merge group for #${number}.`}\n\n${gateSummary(report, gate)}`,
      appId: opts.appId,
    });
    return { conclusion: gate.conclusion, check, pullRequest: number };
  } catch (error) {
    await writeInternalError(gh, ref, group.head_sha, error, opts.appId);
    throw error;
  }
}

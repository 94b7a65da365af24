import type { ConfigResult } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { type CheckReport, decideChange, scheduleOnlyFacts } from "../core/policy/index.js";
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
 * The decision on a merge group: the queued PR's when the branch names it, else the schedule and freezes only
 * (nothing else is knowable about the group). Written as a check by `runMergeGroupCheck`, or reported by the Action
 * when its token may not write checks.
 */
export async function decideMergeGroup(
  gh: GitHub,
  opts: {
    ref: RepoRef;
    group: MergeGroupLike;
    now: Date;
    config: Config;
    templates?: string[];
    appId?: number;
  },
): Promise<{ report: CheckReport; pullRequest: number | null }> {
  const { ref, now, config } = opts;
  const number = mergeGroupPrNumber(opts.group.head_ref);
  const ledger = await readActiveFreezes(gh, ref, now);
  if (number === null)
    return { report: decideChange(config, scheduleOnlyFacts({ ledger }), now), pullRequest: null };
  const { data } = await gh.rest.pulls.get({ ...ref, pull_number: number });
  // In the queue the PR is no longer a draft by definition; its head is not the group's head.
  const report = await decidePr(gh, {
    ref,
    pr: data as PullRequestLike,
    mergeQueue: true,
    now,
    config,
    ledger,
    templates: opts.templates,
    appId: opts.appId,
  });
  return { report, pullRequest: number };
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
  const { ref, group } = opts;
  try {
    const config = opts.config ?? (await readRepoConfig(gh, ref));
    if (!config.ok) {
      const check = await writeConfigErrors(gh, ref, group.head_sha, config, opts.appId);
      return { conclusion: "failure", check, pullRequest: null };
    }
    const { report, pullRequest: number } = await decideMergeGroup(gh, { ...opts, config: config.config });
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

import { riskLabels } from "../core/risk/index.js";
import {
  nextChangeOf,
  type PrCheckResult,
  type PullRequestLike,
  runPrCheck,
  writeInternalError,
} from "../github/pr-check.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { AppDeps } from "./deps.js";

export interface CheckPullRequestOptions {
  /** The event just moved the PR to a head nobody has checked yet (a fresh `synchronize`): create without a read. */
  newHead?: boolean;
}

/**
 * One PR through the shared pipeline, with the repo's cached config and templates; tells the sweep what it saw.
 * What this process already wrote (the journal) corrects a payload that predates it, so a redelivered event writes
 * nothing twice.
 */
export async function checkPullRequest(
  gh: GitHub,
  ref: RepoRef,
  pr: PullRequestLike,
  deps: AppDeps,
  installationId: number | null,
  opts: CheckPullRequestOptions = {},
): Promise<PrCheckResult> {
  let policy: Awaited<ReturnType<AppDeps["policies"]["get"]>>;
  let labelSet: ReturnType<typeof riskLabels> | null;
  let labels: string[];
  let known: ReturnType<AppDeps["journal"]["checkRun"]>;
  // Fail closed: anything before runPrCheck (which guards itself) that throws is a failing check too.
  try {
    policy = await deps.policies.get(gh, ref);
    labelSet = policy.config.ok ? riskLabels(policy.config.config.risk.labels) : null;
    labels = labelSet
      ? deps.journal.currentLabels(
          ref,
          pr,
          Object.values(labelSet).map((l) => l.name),
        )
      : pr.labels.map((l) => l.name);
    known = deps.journal.checkRun(ref, pr.head.sha);
  } catch (error) {
    await writeInternalError(gh, ref, pr.head.sha, error, deps.appId);
    throw error;
  }
  const result = await runPrCheck(gh, {
    ref,
    pr: { ...pr, labels: labels.map((name) => ({ name })) },
    now: deps.clock.now(),
    config: policy.config,
    templates: policy.templates,
    appId: deps.appId,
    priorRun: known ?? (opts.newHead ? null : undefined),
  });
  if ("verdict" in result.check) deps.journal.recordCheckRun(ref, pr.head.sha, result.check.verdict);
  const level = result.report?.risk.level;
  if (
    labelSet &&
    level &&
    level !== "unknown" &&
    result.labels.added.length + result.labels.removed.length > 0
  )
    deps.journal.recordRiskLabel(ref, pr.number, labelSet[level].name, deps.clock.now());
  if (installationId !== null && result.report)
    deps.sweep?.track(installationId, ref, nextChangeOf(result.report));
  return result;
}

import {
  nextChangeOf,
  type PrCheckResult,
  type PullRequestLike,
  runPrCheck,
  writeInternalError,
} from "../github/pr-check.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { AppDeps } from "./deps.js";

/** One PR through the shared pipeline, with the repo's cached config and templates; tells the sweep what it saw. */
export async function checkPullRequest(
  gh: GitHub,
  ref: RepoRef,
  pr: PullRequestLike,
  deps: AppDeps,
  installationId: number | null,
): Promise<PrCheckResult> {
  let policy: Awaited<ReturnType<AppDeps["policies"]["get"]>>;
  try {
    policy = await deps.policies.get(gh, ref);
  } catch (error) {
    await writeInternalError(gh, ref, pr.head.sha, error, deps.appId);
    throw error;
  }
  const result = await runPrCheck(gh, {
    ref,
    pr,
    now: deps.clock.now(),
    config: policy.config,
    templates: policy.templates,
    appId: deps.appId,
  });
  if (installationId !== null && result.report)
    deps.sweep?.track(installationId, ref, nextChangeOf(result.report));
  return result;
}

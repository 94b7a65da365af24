import type { Context, Probot } from "probot";
import { CHECK_NAME } from "../../github/check-run.js";
import { runMergeGroupCheck } from "../../github/merge-group-check.js";
import type { PullRequestLike } from "../../github/pr-check.js";
import { writeInternalError } from "../../github/pr-check.js";
import type { GitHub, RepoRef } from "../../github/types.js";
import { checkPullRequest } from "../check-pull-request.js";
import { githubOf, guarded, installationOf, repoOf } from "../context.js";
import type { AppDeps } from "../deps.js";

const MERGE_QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\//;

/** "Re-run" on the check (or its suite): evaluate the same head again, with fresh data. */
export function register(app: Probot, deps: AppDeps): void {
  app.on("check_run.rerequested", (context) =>
    guarded(context, async () => {
      const run = context.payload.check_run;
      if (run.name !== CHECK_NAME) return;
      await recheck(context, deps, {
        headSha: run.head_sha,
        headBranch: run.check_suite.head_branch ?? null,
        prNumbers: run.pull_requests.map((p) => p.number),
      });
    }),
  );
  app.on("check_suite.rerequested", (context) =>
    guarded(context, async () => {
      const suite = context.payload.check_suite;
      await recheck(context, deps, {
        headSha: suite.head_sha,
        headBranch: suite.head_branch ?? null,
        prNumbers: suite.pull_requests.map((p) => p.number),
      });
    }),
  );
}

async function recheck(
  context: Context<"check_run" | "check_suite">,
  deps: AppDeps,
  head: { headSha: string; headBranch: string | null; prNumbers: number[] },
): Promise<void> {
  const gh = githubOf(context);
  const ref = repoOf(context.payload.repository);
  deps.policies.evict(ref);
  if (head.headBranch && MERGE_QUEUE_BRANCH.test(head.headBranch)) {
    let policy: Awaited<ReturnType<typeof deps.policies.get>>;
    try {
      policy = await deps.policies.get(gh, ref);
    } catch (error) {
      // Fail closed: the queued group gets a failing check rather than none.
      await writeInternalError(gh, ref, head.headSha, error, deps.appId);
      throw error;
    }
    const { config, templates } = policy;
    await runMergeGroupCheck(gh, {
      ref,
      group: {
        head_sha: head.headSha,
        head_ref: `refs/heads/${head.headBranch.replace(/^refs\/heads\//, "")}`,
      },
      now: deps.clock.now(),
      config,
      templates,
      appId: deps.appId,
    });
    return;
  }
  for (const pr of await pullRequestsAt(gh, ref, head.headSha, head.prNumbers)) {
    // A PR whose head moved on has its own, newer check; the old head keeps its verdict.
    if (pr.head.sha !== head.headSha) continue;
    await checkPullRequest(gh, ref, pr, deps, installationOf(context));
  }
}

/** The open PRs whose head is this commit: from the event when it names them (same-repo PRs), else by asking. */
async function pullRequestsAt(
  gh: GitHub,
  ref: RepoRef,
  sha: string,
  numbers: number[],
): Promise<PullRequestLike[]> {
  if (numbers.length > 0) {
    const prs: PullRequestLike[] = [];
    for (const pull_number of numbers)
      prs.push((await gh.rest.pulls.get({ ...ref, pull_number })).data as PullRequestLike);
    return prs;
  }
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...ref, commit_sha: sha });
  return (data as (PullRequestLike & { state: string })[]).filter((p) => p.state === "open");
}

import type { Probot } from "probot";
import { runMergeGroupCheck } from "../../github/merge-group-check.js";
import { writeInternalError } from "../../github/pr-check.js";
import { githubOf, guarded, repoOf } from "../context.js";
import type { AppDeps } from "../deps.js";

/** Merge queue entries need the required check on the group's head, or the queue waits forever. */
export function register(app: Probot, deps: AppDeps): void {
  app.on("merge_group.checks_requested", (context) =>
    guarded(context, async () => {
      const gh = githubOf(context);
      const repository = context.payload.repository;
      if (!repository) return;
      const ref = repoOf(repository);
      let policy: Awaited<ReturnType<AppDeps["policies"]["get"]>>;
      try {
        policy = await deps.policies.get(gh, ref);
      } catch (error) {
        // Fail closed with the error on the group's head, as runMergeGroupCheck does, instead of leaving it pending.
        await writeInternalError(gh, ref, context.payload.merge_group.head_sha, error, deps.appId);
        throw error;
      }
      const { config, templates } = policy;
      const result = await runMergeGroupCheck(gh, {
        ref,
        group: context.payload.merge_group,
        now: deps.clock.now(),
        config,
        templates,
        appId: deps.appId,
      });
      context.log.info(
        { delivery: context.id, pr: result.pullRequest },
        `change-gate merge group ${result.conclusion}`,
      );
    }),
  );
}

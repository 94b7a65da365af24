import type { Probot } from "probot";
import { parseCommand } from "../../core/commands/index.js";
import { formatConfigError } from "../../core/config/load.js";
import type { PullRequestLike } from "../../github/pr-check.js";
import { reevaluateOpenPrs } from "../../github/pr-check.js";
import { readRepoConfig } from "../../github/read-config.js";
import {
  type CommandEvent,
  fanOutLedger,
  refuseWithConfigErrors,
  runCommand,
} from "../../github/run-command.js";
import type { GitHub, RepoRef } from "../../github/types.js";
import { checkPullRequest } from "../check-pull-request.js";
import { githubOf, guarded, installationOf, repoOf } from "../context.js";
import type { AppDeps } from "../deps.js";

/**
 * `/freeze`, `/unfreeze`, `/freeze status` and `/override` in issue and PR comments. The config is read fresh (who
 * may freeze must not be stale); a change to the ledger re-checks every open PR — of every repository the App can
 * see when the freeze was declared in the org's `.github` repository — and an override re-checks its PR.
 */
export function register(app: Probot, deps: AppDeps): void {
  app.on("issue_comment.created", (context) =>
    guarded(context, async () => {
      const { payload } = context;
      const user = payload.comment.user;
      // Ordinary comments cost no request: only a comment whose first line reads as a command goes further.
      if (!user || parseCommand(payload.comment.body, { now: deps.clock.now(), timezone: "UTC" }) === null)
        return;
      const gh = githubOf(context);
      const ref = repoOf(payload.repository);
      const event: Omit<CommandEvent, "config"> = {
        ref,
        now: deps.clock.now(),
        action: payload.action,
        comment: {
          id: payload.comment.id,
          node_id: payload.comment.node_id,
          body: payload.comment.body,
          html_url: payload.comment.html_url,
          user: { login: user.login, type: user.type ?? "User" },
        },
        issue: {
          number: payload.issue.number,
          node_id: payload.issue.node_id,
          is_pull_request: Boolean(payload.issue.pull_request),
          locked: payload.issue.locked ?? false,
        },
      };
      const config = await readRepoConfig(gh, ref);
      const result = config.ok
        ? await runCommand(gh, { ...event, config: config.config })
        : await refuseWithConfigErrors(gh, event, config.errors.map(formatConfigError));
      if (result.outcome === "ignored") return;
      context.log.info(
        {
          delivery: context.id,
          issue: event.issue.number,
          command: result.command?.kind,
          outcome: result.outcome,
        },
        `change-gate command ${result.outcome}`,
      );
      if (!result.stateChanged || !config.ok) return;
      // Held deployments first: an unfreeze or override should release a waiting deploy without waiting for a timer.
      await deps.waiting?.reevaluateAll(ref.repo === ".github" ? undefined : ref);
      const installationId = installationOf(context);
      if (result.command?.kind === "override") {
        const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: event.issue.number });
        await checkPullRequest(gh, ref, pr as PullRequestLike, deps, installationId);
        return;
      }
      const repos = ref.repo === ".github" ? await installationRepos(gh, ref.owner) : [ref];
      for (const target of repos) {
        const now = deps.clock.now();
        const out = await reevaluateOpenPrs(gh, target, now, {
          appId: deps.appId,
          // The command just listed this repo's ledger after its write: the fan-out reuses it.
          // Templates from the policy cache when warm (an active repo), else read with the command's fresh config.
          ...(target === ref
            ? {
                config,
                templates: await deps.policies.templates(gh, ref, config),
                ...(await fanOutLedger(gh, ref, now, result)),
              }
            : {}),
          onError: (pr, error) =>
            context.log.warn(
              {
                repo: `${target.owner}/${target.repo}`,
                pr,
                err: error instanceof Error ? error.message : String(error),
              },
              "re-check after a freeze change failed",
            ),
        });
        if (installationId !== null) deps.sweep?.track(installationId, target, out.nextChange);
      }
    }),
  );
}

/** An org-wide freeze applies to every repository of the owner this installation can see (archived ones excepted). */
export async function installationRepos(gh: GitHub, owner: string): Promise<RepoRef[]> {
  const repos = await gh.paginate(gh.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
  return repos
    .filter((r) => r.owner.login.toLowerCase() === owner.toLowerCase() && !r.archived)
    .map((r) => ({ owner: r.owner.login, repo: r.name }));
}

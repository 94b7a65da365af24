import type { Probot } from "probot";
import {
  concernsLedger,
  guardLedgerChange,
  type IssuesPayload,
  type LedgerChangeKind,
  ledgerChangeOf,
} from "../../github/freeze-ledger/guard.js";
import { reevaluateOpenPrs } from "../../github/pr-check.js";
import { readRepoConfig } from "../../github/read-config.js";
import { githubOf, guarded, installationOf, repoOf } from "../context.js";
import type { AppDeps } from "../deps.js";
import { installationRepos } from "./issue-comment.js";

/** The `issues` actions that can change a freeze by hand (app.yml subscribes to `issues`). */
export const LEDGER_ISSUE_EVENTS: `issues.${LedgerChangeKind | "transferred"}`[] = [
  "issues.closed",
  "issues.reopened",
  "issues.edited",
  "issues.labeled",
  "issues.unlabeled",
  "issues.deleted",
  // Moved to another repository, the issue is gone from this one's ledger, as if deleted.
  "issues.transferred",
];

/**
 * This App's own write coming back as an event: its bot, on an issue it created. Nothing to judge — and the payload
 * may already be older than the App's next write, so comparing it with the latest revision would be wrong.
 */
export function isOwnEvent(payload: IssuesPayload, appId: number): boolean {
  const app = payload.issue.performed_via_github_app;
  return (
    payload.sender.type === "Bot" &&
    app?.id === appId &&
    !!app.slug &&
    payload.sender.login === `${app.slug}[bot]`
  );
}

/**
 * Ledger issues changed by hand: closed, reopened, edited, labelled, unlabelled or deleted. An unauthorised change
 * is undone and audited; an authorised close or unlabel counts as `/unfreeze`. Either way, when the ledger's freezes
 * changed, held deployments and open PRs are re-checked as after a command. Issues that carry no freeze cost no
 * request.
 */
export function register(app: Probot, deps: AppDeps): void {
  app.on(LEDGER_ISSUE_EVENTS, (context) =>
    guarded(context, async () => {
      const payload = context.payload as unknown as IssuesPayload;
      // Without its id the App cannot tell its own revisions from anyone else's, so it trusts none and guards nothing.
      if (payload.issue.pull_request || deps.appId === undefined || isOwnEvent(payload, deps.appId)) return;
      const appId = deps.appId;
      const change = ledgerChangeOf(payload, (issue) => issue.performed_via_github_app?.id === appId);
      if (!concernsLedger(change)) return;
      const gh = githubOf(context);
      const ref = repoOf(context.payload.repository);
      const config = await readRepoConfig(gh, ref);
      const result = await guardLedgerChange(gh, ref, change, {
        rule: config.ok ? config.config.commands.freeze : null,
        author: { appId: deps.appId },
        zone: config.ok ? config.config.timezone : "UTC",
        now: deps.clock.now(),
      });
      if (result.outcome === "ignored" || result.outcome === "unchanged") return;
      context.log.info(
        {
          delivery: context.id,
          issue: change.issue.number,
          change: change.kind,
          by: change.actor?.login,
          outcome: result.outcome,
        },
        `change-gate ledger change ${result.outcome}`,
      );
      if (!result.stateChanged) return;
      await deps.waiting?.reevaluateAll(ref.repo === ".github" ? undefined : ref);
      const installationId = installationOf(context);
      const repos = ref.repo === ".github" ? await installationRepos(gh, ref.owner) : [ref];
      for (const target of repos) {
        const out = await reevaluateOpenPrs(gh, target, deps.clock.now(), {
          appId: deps.appId,
          ...(target === ref && config.ok ? { config } : {}),
          onError: (pr, error) =>
            context.log.warn(
              {
                repo: `${target.owner}/${target.repo}`,
                pr,
                err: error instanceof Error ? error.message : String(error),
              },
              "re-check after a ledger change failed",
            ),
        });
        if (installationId !== null) deps.sweep?.track(installationId, target, out.nextChange);
      }
    }),
  );
}

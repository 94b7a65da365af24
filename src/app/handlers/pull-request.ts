import type { Probot } from "probot";
import { riskLabels } from "../../core/risk/index.js";
import { type LabelEvent, recordLabelOverride } from "../../github/override-label.js";
import type { PullRequestLike } from "../../github/pr-check.js";
import { checkPullRequest } from "../check-pull-request.js";
import { githubOf, guarded, installationOf, repoOf } from "../context.js";
import type { AppDeps } from "../deps.js";

export const PULL_REQUEST_EVENTS: (
  | "pull_request.opened"
  | "pull_request.edited"
  | "pull_request.synchronize"
  | "pull_request.reopened"
  | "pull_request.ready_for_review"
  | "pull_request.labeled"
  | "pull_request.unlabeled"
)[] = [
  "pull_request.opened",
  "pull_request.edited",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.labeled",
  "pull_request.unlabeled",
];

/**
 * A push's event is seconds old when it arrives; a redelivery (hours later, maybe after a restart that lost the
 * journal) is not, and must read the head before writing so it cannot add a second run.
 */
export const FRESH_EVENT_MS = 60_000;

function isFresh(pr: PullRequestLike, now: Date): boolean {
  const at = pr.updated_at === undefined ? Number.NaN : Date.parse(pr.updated_at);
  return now.getTime() - at <= FRESH_EVENT_MS;
}

/** Every PR change that can change the verdict re-runs the check on the PR head. */
export function register(app: Probot, deps: AppDeps): void {
  app.on(PULL_REQUEST_EVENTS, (context) =>
    guarded(context, async () => {
      const { payload } = context;
      const gh = githubOf(context);
      const ref = repoOf(payload.repository);
      if (payload.action === "labeled" || payload.action === "unlabeled") {
        // Our own risk-label writes come back as events; re-checking them would only confirm what we just wrote.
        const { config } = await deps.policies.get(gh, ref);
        const name = (payload as { label?: { name: string } }).label?.name;
        const ours =
          config.ok && Object.values(riskLabels(config.config.risk.labels)).some((l) => l.name === name);
        if (ours && payload.sender?.type === "Bot") return;
        // The override label added by a person: audited in the freeze ledger (or refused) before the check reads it.
        const override = config.ok
          ? await recordLabelOverride(gh, ref, payload as LabelEvent, config.config, deps.clock.now())
          : null;
        if (override) {
          context.log.info(
            {
              delivery: context.id,
              pr: payload.pull_request.number,
              by: override.by,
              ledger: override.recorded,
            },
            `change-gate override label ${override.outcome}`,
          );
          // As after /override: a deployment held for this change is released without waiting for a timer.
          if (override.outcome === "recorded") await deps.waiting?.reevaluateAll(ref);
        }
      }
      const pr = payload.pull_request as PullRequestLike;
      const result = await checkPullRequest(gh, ref, pr, deps, installationOf(context), {
        newHead: payload.action === "synchronize" && isFresh(pr, deps.clock.now()),
      });
      context.log.info(
        {
          delivery: context.id,
          pr: payload.pull_request.number,
          check: result.check.action,
          labels: result.labels,
        },
        `change-gate ${result.conclusion}`,
      );
    }),
  );
}

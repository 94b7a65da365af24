import { formatConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { type DeployDecision, decideDeployment, rejectForConfig } from "../core/policy/deploy-decision.js";
import { decideChange } from "../core/policy/index.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { gatherDeploymentFacts } from "../github/change-facts.js";
import { type DeployedPullRequest, findDeployedPullRequest } from "../github/deployed-pull-request.js";
import { readActiveFreezes } from "../github/freeze-ledger/index.js";
import { readTemplatesFor } from "../github/pr-check.js";
import { readRepoConfig } from "../github/read-config.js";
import type { GitHub, RepoRef } from "../github/types.js";

/** One deployment waiting on change-gate's protection rule: a workflow run's job for one environment. */
export interface DeploymentTarget extends RepoRef {
  runId: number;
  environment: string;
  /** The deployed commit. */
  sha: string;
  /** `deployment_callback_url`, where the review and status reports go. */
  callbackUrl: string;
  /** PRs GitHub attached to the event, full objects from the webhook when it sent them. */
  pullRequests: PullRequestLike[];
  /** The installation that may answer it: a replica that did not receive the webhook authenticates with it. */
  installationId?: number;
}

/** The fields change-gate reads from a PR, as both the webhook and `GET …/commits/{sha}/pulls` send them. */
export type PullRequestLike = DeployedPullRequest;

export interface Evaluation {
  decision: DeployDecision;
  pullRequest: number | null;
  at: Date;
}

interface RepoPolicy {
  config: Config;
  ledger: LedgerFreeze[];
  templates: () => Promise<readonly string[]>;
}

/**
 * What one sweep (or one webhook) reads once per repository and once per commit: config, ledger, templates and the
 * PR behind a SHA. A fresh cache per sweep keeps decisions current; sharing it across a sweep keeps requests to
 * O(repos + distinct commits), not O(waiting deployments).
 */
export class EvaluationCache {
  readonly policies = new Map<string, Promise<RepoPolicy | { errors: string[] }>>();
  readonly pulls = new Map<string, Promise<PullRequestLike | null>>();
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= load();
    return p;
  };
}

async function loadPolicy(
  gh: GitHub,
  ref: RepoRef,
  now: () => Date,
): Promise<RepoPolicy | { errors: string[] }> {
  const result = await readRepoConfig(gh, ref);
  if (!result.ok) return { errors: result.errors.map(formatConfigError) };
  const config = result.config;
  const ledger = await readActiveFreezes(gh, ref, now());
  const templates = once(() => readTemplatesFor(gh, ref, config));
  return { config, ledger, templates };
}

/**
 * Gather (config, ledger, the PR and its description, override) and decide (core) for one waiting deployment.
 * Never approves on an error: HTTP failures throw, and the caller leaves the deployment waiting. `appId`: this App's
 * id, so only its own override records count.
 */
export async function evaluateDeployment(
  gh: GitHub,
  target: DeploymentTarget,
  now: () => Date,
  cache: EvaluationCache = new EvaluationCache(),
  appId?: number,
): Promise<Evaluation> {
  const ref = { owner: target.owner, repo: target.repo };
  const repoKey = `${ref.owner}/${ref.repo}`;
  let policy = cache.policies.get(repoKey);
  if (!policy) {
    policy = loadPolicy(gh, ref, now);
    cache.policies.set(repoKey, policy);
  }
  const loaded = await policy;
  if ("errors" in loaded) return { decision: rejectForConfig(loaded.errors), pullRequest: null, at: now() };
  const { config, ledger } = loaded;

  const pullKey = `${repoKey}@${target.sha}`;
  let pull = cache.pulls.get(pullKey);
  if (!pull) {
    pull = findDeployedPullRequest(gh, ref, target.sha, target.pullRequests);
    cache.pulls.set(pullKey, pull);
  }
  const pr = await pull;
  const facts = await gatherDeploymentFacts(gh, ref, pr, {
    config,
    now: now(),
    templates: loaded.templates,
    ledger,
    environment: target.environment,
    // Only this App's override records count; without an id, the people's own `/override` comments do.
    appId,
  });
  const at = now();
  const decision = decideDeployment({
    report: decideChange(config, facts, at),
    environmentRule: config.environments[target.environment],
    pullRequest: pr?.number ?? null,
    sha: target.sha,
    now: at,
  });
  return { decision, pullRequest: pr?.number ?? null, at };
}

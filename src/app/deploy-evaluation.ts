import { formatConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { readTemplates, type TemplateText } from "../core/description/index.js";
import { type DeployDecision, decideDeployment, rejectForConfig } from "../core/policy/deploy-decision.js";
import { descriptionSkipReason, evaluateChange, pullRequestFacts } from "../core/policy/index.js";
import type { ChangedFile } from "../core/risk/index.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { readActiveFreezes, readOverride } from "../github/freeze-ledger/index.js";
import { listPrFiles } from "../github/list-pr-files.js";
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
export interface PullRequestLike {
  number: number;
  body?: string | null;
  draft?: boolean;
  merge_commit_sha?: string | null;
  merged_at?: string | null;
  labels?: { name?: string }[];
  user?: { login?: string; type?: string } | null;
}

export interface Evaluation {
  decision: DeployDecision;
  pullRequest: number | null;
  at: Date;
}

interface RepoPolicy {
  config: Config;
  ledger: LedgerFreeze[];
  template: () => Promise<TemplateText>;
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
  const template = once(async () => readTemplates(await readTemplatesFor(gh, ref, config)));
  return { config, ledger, template };
}

/** The PR a commit came from: the one whose merge commit it is, else a merged one, else the first GitHub lists. */
export function pickPullRequest(pulls: readonly PullRequestLike[], sha: string): PullRequestLike | null {
  return pulls.find((p) => p.merge_commit_sha === sha) ?? pulls.find((p) => p.merged_at) ?? pulls[0] ?? null;
}

async function findPullRequest(gh: GitHub, target: DeploymentTarget): Promise<PullRequestLike | null> {
  const given = target.pullRequests.filter((p) => p.body !== undefined);
  if (given.length > 0) return pickPullRequest(given, target.sha);
  const { data } = await gh.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.sha,
  });
  const linked = target.pullRequests.map((p) => p.number);
  const pulls = data as PullRequestLike[];
  return (
    pickPullRequest(linked.length ? pulls.filter((p) => linked.includes(p.number)) : pulls, target.sha) ??
    pickPullRequest(pulls, target.sha)
  );
}

/**
 * The deploy gate reads the risk level only to pick the risk windows (the environment's `risk_windows`, else
 * `risk.windows`), so the file list is fetched only when those exist and a rule looks at files, or when
 * `description.skip.paths` needs it.
 */
function needsFiles(config: Config, environment: string): boolean {
  const own = Object.hasOwn(config.environments, environment)
    ? config.environments[environment]?.risk_windows
    : undefined;
  const riskWindows = Object.values(own ?? config.risk.windows).some((w) => w !== undefined);
  const fileRules = config.risk.rules.some((r) => r.paths || r.lines_changed || r.files_changed);
  return (riskWindows && fileRules) || config.description.skip.paths.length > 0;
}

/**
 * Gather (config, ledger, the PR and its description, override) and decide (core) for one waiting deployment.
 * Never approves on an error: HTTP failures throw, and the caller leaves the deployment waiting.
 */
export async function evaluateDeployment(
  gh: GitHub,
  target: DeploymentTarget,
  now: () => Date,
  cache: EvaluationCache = new EvaluationCache(),
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
    pull = findPullRequest(gh, target);
    cache.pulls.set(pullKey, pull);
  }
  const pr = await pull;

  let files: ChangedFile[] | null = null;
  if (pr && needsFiles(config, target.environment)) files = await listPrFiles(gh, ref, pr.number);
  const facts = pr ? pullRequestFacts(pr, files) : null;
  const labels = facts?.labels ?? [];
  const skip = facts ? descriptionSkipReason(config, facts) : null;
  const override = pr ? await readOverride(gh, ref, pr.number, config, now(), { labels }) : null;
  const template = pr && !skip ? await loaded.template() : undefined;

  const at = now();
  const report = evaluateChange({
    config,
    at,
    body: pr ? (pr.body ?? "") : null,
    template,
    environment: target.environment,
    files,
    labels,
    skip,
    ledger,
    override,
  });
  const decision = decideDeployment({
    report,
    environmentRule: config.environments[target.environment],
    pullRequest: pr?.number ?? null,
    sha: target.sha,
    now: at,
  });
  return { decision, pullRequest: pr?.number ?? null, at };
}

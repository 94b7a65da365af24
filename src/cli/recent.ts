import type { Config } from "../core/config/schema.js";
import { buildRecent, type DeploymentFact, decidedAt, type PullFact } from "../core/report/recent.js";
import { renderRecentText } from "../core/report/render-recent.js";
import { listCommitPulls } from "../github/commit-pulls.js";
import { readOverride } from "../github/freeze-ledger/index.js";
import { listDeploymentStatuses, listDeployments } from "../github/list-deployments.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { RepoCommandArgs } from "./github-args.js";
import { cliGitHub } from "./github-client.js";
import { readRepoPolicy } from "./repo-policy.js";

/**
 * Gather for `recent`: the deployments in the period, then per deployment its statuses and the PRs behind its
 * commit, per PR the override records up to the moment the deployment was released (or created, when not held). Requests: config + templates, 1 per 100 deployments,
 * 2 per deployment, 1 per PR (cached per commit and per PR).
 */
async function gather(
  gh: GitHub,
  ref: RepoRef,
  args: RepoCommandArgs,
  config: Config,
): Promise<DeploymentFact[]> {
  const deployments = await listDeployments(gh, ref, { environment: args.environment, since: args.since });
  const pullsBySha = new Map<string, ReturnType<typeof listCommitPulls>>();
  const facts: DeploymentFact[] = [];
  for (const d of deployments) {
    const statuses = await listDeploymentStatuses(gh, ref, d.id);
    let pending = pullsBySha.get(d.sha);
    if (!pending) {
      pending = listCommitPulls(gh, ref, d.sha);
      pullsBySha.set(d.sha, pending);
    }
    const pulls: PullFact[] = [];
    const decided = decidedAt(statuses, d.createdAt);
    for (const p of await pending) {
      const override = await readOverride(gh, ref, p.number, config, decided);
      pulls.push({ ...p, override });
    }
    facts.push({ ...d, statuses, pulls });
  }
  return facts;
}

/** `change-gate recent`: what was deployed to an environment lately, and how to roll each change back. */
export async function runRecent(
  args: RepoCommandArgs,
  io: { now: Date; env: NodeJS.ProcessEnv; out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const { gh, requests } = await cliGitHub(io.env, io.err);
  const ref = { owner: args.owner, repo: args.repo };
  const { config, template, warnings } = await readRepoPolicy(gh, ref);
  for (const w of warnings) io.err(`change-gate: ${w}\n`);
  const deployments = await gather(gh, ref, args, config);
  const report = buildRecent({
    repository: `${ref.owner}/${ref.repo}`,
    environment: args.environment ?? "",
    since: args.since,
    until: io.now,
    config,
    template,
    deployments,
    requests: requests(),
    warnings,
  });
  io.out(
    args.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderRecentText(report, config.timezone),
  );
  return 0;
}

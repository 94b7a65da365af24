import type { PullRequestSource } from "./change-facts.js";
import type { GitHub, RepoRef } from "./types.js";

/** A PR as a deployment event or `GET /repos/{o}/{r}/commits/{sha}/pulls` sends it. */
export interface DeployedPullRequest extends PullRequestSource {
  merge_commit_sha?: string | null;
  merged_at?: string | null;
}

/** The PR a commit came from: the one whose merge commit it is, else a merged one, else the first GitHub lists. */
function pickPullRequest(pulls: readonly DeployedPullRequest[], sha: string): DeployedPullRequest | null {
  return pulls.find((p) => p.merge_commit_sha === sha) ?? pulls.find((p) => p.merged_at) ?? pulls[0] ?? null;
}

/**
 * The PR behind a deployed commit, for the App's protection rule and the Action's deploy mode alike. Full PR objects
 * the event already carries are used as they are; otherwise `GET /repos/{o}/{r}/commits/{sha}/pulls` is asked,
 * preferring the PRs the event names. Null when the commit came from no PR. HTTP errors throw (fail closed).
 */
export async function findDeployedPullRequest(
  gh: GitHub,
  ref: RepoRef,
  sha: string,
  given: readonly DeployedPullRequest[] = [],
): Promise<DeployedPullRequest | null> {
  const full = given.filter((p) => p.body !== undefined);
  if (full.length > 0) return pickPullRequest(full, sha);
  const { data } = await gh.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ref,
    commit_sha: sha,
  });
  const linked = given.map((p) => p.number);
  const pulls = data as DeployedPullRequest[];
  return (
    pickPullRequest(linked.length ? pulls.filter((p) => linked.includes(p.number)) : pulls, sha) ??
    pickPullRequest(pulls, sha)
  );
}

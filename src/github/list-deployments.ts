import type { GitHub, RepoRef } from "./types.js";

/** A deployment as change-gate reads it from `GET /repos/{owner}/{repo}/deployments`. */
export interface DeploymentListed {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  creator: string | null;
}

/**
 * Deployments created at or after `since` (to `environment`, or to any when null), newest first. GitHub lists
 * deployments newest first, so listing stops at the first page that reaches back past `since`: one request per 100
 * deployments in the period (plus one).
 */
export async function listDeployments(
  gh: GitHub,
  ref: RepoRef,
  opts: { environment: string | null; since: Date },
): Promise<DeploymentListed[]> {
  const out: DeploymentListed[] = [];
  const since = opts.since.getTime();
  const iterator = gh.paginate.iterator(gh.rest.repos.listDeployments, {
    ...ref,
    ...(opts.environment ? { environment: opts.environment } : {}),
    per_page: 100,
  });
  for await (const page of iterator) {
    let past = false;
    for (const d of page.data) {
      if (Date.parse(d.created_at) < since) {
        past = true;
        continue;
      }
      out.push({
        id: d.id,
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        createdAt: d.created_at,
        creator: d.creator?.login ?? null,
      });
    }
    if (past) break;
  }
  return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

/** One status of a deployment, as GitHub records it (`waiting` while protection rules hold it). */
export interface DeploymentStatusListed {
  state: string;
  createdAt: string;
  description: string;
  creator: string | null;
}

/** The statuses of one deployment, oldest first: one request per 100 statuses. */
export async function listDeploymentStatuses(
  gh: GitHub,
  ref: RepoRef,
  deploymentId: number,
): Promise<DeploymentStatusListed[]> {
  const statuses = await gh.paginate(gh.rest.repos.listDeploymentStatuses, {
    ...ref,
    deployment_id: deploymentId,
    per_page: 100,
  });
  return statuses
    .map((s) => ({
      state: s.state,
      createdAt: s.created_at,
      description: s.description ?? "",
      creator: s.creator?.login ?? null,
    }))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

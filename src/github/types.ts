import type { Octokit } from "@octokit/core";
import type { PaginateInterface } from "@octokit/plugin-paginate-rest";
import type { Api } from "@octokit/plugin-rest-endpoint-methods";

/**
 * The GitHub client every adapter takes: Probot's `context.octokit` and the Action's `getOctokit()` both fit.
 * Adapters depend on nothing else, so the App and the Action share them.
 */
export type GitHub = Octokit & Api & { paginate: PaginateInterface };

export interface RepoRef {
  owner: string;
  repo: string;
}

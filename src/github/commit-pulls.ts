import type { GitHub, RepoRef } from "./types.js";

/** A PR behind a commit, with the fields the on-call view shows. */
export interface CommitPull {
  number: number;
  title: string;
  url: string;
  author: string | null;
  body: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  labels: string[];
}

/** The PRs a commit belongs to (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`): one request. */
export async function listCommitPulls(gh: GitHub, ref: RepoRef, sha: string): Promise<CommitPull[]> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ref,
    commit_sha: sha,
    per_page: 100,
  });
  return data.map((p) => ({
    number: p.number,
    title: p.title,
    url: p.html_url,
    author: p.user?.login ?? null,
    body: p.body ?? "",
    mergedAt: p.merged_at ?? null,
    mergeCommitSha: p.merge_commit_sha ?? null,
    labels: p.labels.map((l) => l.name),
  }));
}

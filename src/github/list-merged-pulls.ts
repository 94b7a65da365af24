import type { GitHub, RepoRef } from "./types.js";

/** A merged PR as the pulls listing returns it: the body comes with it, so no per-PR request is needed. */
export interface MergedPull {
  number: number;
  title: string;
  url: string;
  author: string | null;
  body: string;
  labels: string[];
  createdAt: string;
  mergedAt: string;
  mergeCommitSha: string | null;
}

/**
 * PRs merged at or after `since`, newest merge first. Closed PRs are listed by last update, newest first; a PR merged
 * in the period was updated in it too, so listing stops at the first page that reaches past `since`. One request per
 * 100 closed PRs updated in the period (plus one).
 */
export async function listMergedPulls(gh: GitHub, ref: RepoRef, since: Date): Promise<MergedPull[]> {
  const out: MergedPull[] = [];
  const from = since.getTime();
  const iterator = gh.paginate.iterator(gh.rest.pulls.list, {
    ...ref,
    state: "closed",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  });
  for await (const page of iterator) {
    let past = false;
    for (const p of page.data) {
      if (Date.parse(p.updated_at) < from) past = true;
      if (!p.merged_at || Date.parse(p.merged_at) < from) continue;
      out.push({
        number: p.number,
        title: p.title,
        url: p.html_url,
        author: p.user?.login ?? null,
        body: p.body ?? "",
        labels: p.labels.map((l) => l.name),
        createdAt: p.created_at,
        mergedAt: p.merged_at,
        mergeCommitSha: p.merge_commit_sha ?? null,
      });
    }
    if (past) break;
  }
  return out.sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt));
}

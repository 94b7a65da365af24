import type { ChangedFile } from "../core/risk/index.js";
import type { GitHub, RepoRef } from "./types.js";

/** The PR's changed files with line counts (GitHub lists at most 3000). */
export async function listPrFiles(gh: GitHub, ref: RepoRef, pull_number: number): Promise<ChangedFile[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number, per_page: 100 });
  return files.map((f) => ({ path: f.filename, additions: f.additions, deletions: f.deletions }));
}

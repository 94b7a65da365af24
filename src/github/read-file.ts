import type { GitHub, RepoRef } from "./types.js";

/** A file's text on the default branch (or `ref`), or null when the repository or the file does not exist. */
export async function readRepoFile(
  gh: GitHub,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string | null> {
  try {
    const res = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path,
      ...(ref ? { ref } : {}),
      mediaType: { format: "raw" },
    });
    // With the raw media type GitHub answers with the file's bytes; a directory still answers with JSON.
    return typeof res.data === "string" ? res.data : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404;
}

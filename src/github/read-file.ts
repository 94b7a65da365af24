import type { GitHub, RepoRef } from "./types.js";

/**
 * The contents API answered with something that is not the file's bytes: a directory listing, a symlink or submodule
 * entry, an over-size file without content, or JSON a proxy made up. Never "no file": a config read this way would
 * silently fall back to the defaults.
 */
export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}

/** The contents API's JSON entry, sent when the raw media type was ignored (some proxies, some GHES versions). */
interface ContentsEntry {
  type?: unknown;
  encoding?: unknown;
  content?: unknown;
}

/**
 * A file's text on the default branch (or `ref`), or null when the repository or the file does not exist (404).
 * Throws `UnreadableFileError` when the answer is not a file (see there) and the HTTP error for any other failure.
 */
export async function readRepoFile(
  gh: GitHub,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string | null> {
  let data: unknown;
  try {
    ({ data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path,
      ...(ref ? { ref } : {}),
      mediaType: { format: "raw" },
    }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  return fileText(data, `${repo.owner}/${repo.repo}:${path}`);
}

/** With the raw media type GitHub answers with the bytes; a JSON `type: file` entry carries them base64-encoded. */
function fileText(data: unknown, where: string): string {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  if (ArrayBuffer.isView(data))
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  if (Array.isArray(data))
    throw new UnreadableFileError(`${where} is a directory, not a file; point the setting at a file`);
  const entry = (typeof data === "object" && data !== null ? data : {}) as ContentsEntry;
  if (entry.type === "file" && entry.encoding === "base64" && typeof entry.content === "string")
    return Buffer.from(entry.content, "base64").toString("utf8");
  if (entry.type === "file")
    throw new UnreadableFileError(
      `${where} came back without its content (encoding "${String(entry.encoding)}": files over 1 MB are not served that way); make it smaller`,
    );
  const what = typeof entry.type === "string" ? `a ${entry.type}` : "an answer that is not a file's contents";
  throw new UnreadableFileError(
    `GitHub answered ${where} with ${what}, not the file; check the path and any proxy in front of the API`,
  );
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404;
}

import { isNotFound, readRepoFile } from "./read-file.js";
import type { GitHub, RepoRef } from "./types.js";

/** The single-file places GitHub looks for a PR template, in its order. */
export const TEMPLATE_FILES = [
  ".github/pull_request_template.md",
  ".github/PULL_REQUEST_TEMPLATE.md",
  "PULL_REQUEST_TEMPLATE.md",
  "pull_request_template.md",
  "docs/pull_request_template.md",
  "docs/PULL_REQUEST_TEMPLATE.md",
] as const;

/** The folder of multiple templates (`?template=name.md`). */
export const TEMPLATE_DIR = ".github/PULL_REQUEST_TEMPLATE";

interface Entry {
  name: string;
  path: string;
  type: string;
}

/** A folder's entries; [] when it does not exist. */
async function list(gh: GitHub, ref: RepoRef, path: string): Promise<Entry[]> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...ref, path });
    return Array.isArray(data) ? (data as Entry[]) : [];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The root folder, from the default branch's tree (the contents API has no operation for the root itself). */
async function listRoot(gh: GitHub, ref: RepoRef): Promise<Entry[]> {
  try {
    const { data } = await gh.rest.git.getTree({ ...ref, tree_sha: "HEAD" });
    return data.tree.map((e) => ({ name: e.path, path: e.path, type: e.type === "tree" ? "dir" : "file" }));
  } catch (error) {
    // 409: an empty repository has no tree yet.
    if (isNotFound(error) || (error as { status?: number }).status === 409) return [];
    throw error;
  }
}

/**
 * The texts of every PR template on the default branch. Folder listings say which candidates exist, so only those
 * are read: a repo with one template costs the root and `.github` listings plus one read (2 with none).
 */
export async function readPrTemplates(gh: GitHub, ref: RepoRef): Promise<string[]> {
  const [root, dotGithub] = await Promise.all([listRoot(gh, ref), list(gh, ref, ".github")]);
  const has = (entries: Entry[], type: string, name: string) =>
    entries.some((e) => e.type === type && e.name === name);
  const docs = has(root, "dir", "docs") ? await list(gh, ref, "docs") : [];
  const dir = has(dotGithub, "dir", "PULL_REQUEST_TEMPLATE") ? await list(gh, ref, TEMPLATE_DIR) : [];
  const byFolder: Record<string, Entry[]> = { "": root, ".github": dotGithub, docs };
  const paths: string[] = TEMPLATE_FILES.filter((p) => {
    const slash = p.lastIndexOf("/");
    return has(byFolder[p.slice(0, Math.max(slash, 0))] ?? [], "file", p.slice(slash + 1));
  });
  for (const e of [...dir].sort((a, b) => a.name.localeCompare(b.name)))
    if (e.type === "file" && /\.md$/i.test(e.name)) paths.push(e.path);
  const texts = await Promise.all(paths.map((p) => readRepoFile(gh, ref, p)));
  return texts.filter((t): t is string => t !== null);
}

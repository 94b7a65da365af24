import { extendsOf, mergeOverBase } from "../core/config/extends.js";
import {
  type ConfigResult,
  DEFAULT_CONFIG_PATH,
  defaultConfig,
  mentionsHolidays,
  parseYaml,
  validateConfigValue,
} from "../core/config/load.js";
import { loadHolidayLibrary } from "../core/schedule/holiday-library.js";
import { readRepoFile, UnreadableFileError } from "./read-file.js";
import type { GitHub, RepoRef } from "./types.js";

export type RepoConfig = ConfigResult & { source: "file" | "default" };

/** Where `_extends` points: `.github` (the org's .github repo), `repo`, `owner/repo` or `owner/repo:path`. */
export function extendsTarget(
  value: string,
  ref: RepoRef,
  path: string,
): (RepoRef & { path: string }) | null {
  const m = /^(?:([A-Za-z0-9-]+)\/)?([A-Za-z0-9._-]+)(?::(.+))?$/.exec(value.trim());
  if (!m) return null;
  return { owner: m[1] ?? ref.owner, repo: m[2]!, path: m[3] ?? path };
}

/**
 * The repo's change-gate config: the file when it exists (merged over its `_extends` base, one level), the documented
 * defaults when it does not (404 only). Users' mistakes, and an answer that is not a file, come back as positioned
 * errors; HTTP failures other than 404 throw so callers fail closed.
 */
export async function readRepoConfig(
  gh: GitHub,
  ref: RepoRef,
  path: string = DEFAULT_CONFIG_PATH,
): Promise<RepoConfig> {
  const text = await readRepoFile(gh, ref, path).catch(unreadable);
  if (text instanceof UnreadableFileError)
    return {
      ok: false,
      errors: [{ file: path, line: 1, column: 1, key: "", message: text.message }],
      file: path,
      source: "file",
    };
  if (text === null) return { ok: true, config: defaultConfig(), file: path, source: "default" };
  const near = parseYaml(text, path);
  if (!near.ok) return { ok: false, errors: near.errors, file: path, source: "file" };
  let value = near.value;
  const base = extendsOf(value);
  if (base !== null) {
    const target = extendsTarget(base, ref, path);
    const fail = (message: string): RepoConfig => {
      const [line, column] = near.locate(["_extends"]);
      return {
        ok: false,
        file: path,
        source: "file",
        errors: [{ file: path, line, column, key: "_extends", message }],
      };
    };
    if (!target)
      return fail(
        `"${base}" is not a repository; expected ".github", "repo", "owner/repo" or "owner/repo:path"`,
      );
    if (target.owner === ref.owner && target.repo === ref.repo && target.path === path)
      return fail("a config cannot extend itself");
    const baseText = await readRepoFile(gh, target, target.path).catch(unreadable);
    if (baseText instanceof UnreadableFileError) return fail(baseText.message);
    if (baseText === null) return fail(`${target.owner}/${target.repo}:${target.path} was not found`);
    const far = parseYaml(baseText, `${target.owner}/${target.repo}:${target.path}`);
    if (!far.ok) return { ok: false, errors: far.errors, file: path, source: "file" };
    value = mergeOverBase(far.value, value);
  }
  if (mentionsHolidays(value)) await loadHolidayLibrary();
  return { ...validateConfigValue(value, path, near.locate), source: "file" };
}

/** An answer that is not a file becomes a config error; every other failure still throws. */
function unreadable(error: unknown): UnreadableFileError {
  if (error instanceof UnreadableFileError) return error;
  throw error;
}

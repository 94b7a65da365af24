import { createGitHub } from "../action/github-client.js";
import type { GitHub } from "../github/types.js";
import { UsageError } from "./io.js";

/**
 * A GitHub client for the CLI from `GITHUB_TOKEN` and `GITHUB_API_URL` (GHES: `https://HOST/api/v3`), with the
 * Action's retry policy, and a count of the requests it makes (reports print it).
 */
export async function cliGitHub(
  env: NodeJS.ProcessEnv,
  warn: (s: string) => void,
): Promise<{ gh: GitHub; requests: () => number }> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "set GITHUB_TOKEN to a token that can read the repository (and GITHUB_API_URL for GitHub Enterprise Server)",
    );
  const gh = await createGitHub(
    token,
    env,
    { warning: (m) => warn(`change-gate: ${m}\n`) },
    { fanOut: false },
  );
  let count = 0;
  gh.hook.before("request", () => {
    count++;
  });
  return { gh, requests: () => count };
}

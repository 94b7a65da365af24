import type { Probot } from "probot";
import { githubOf, guarded } from "../context.js";
import type { AppDeps } from "../deps.js";
import { reevaluateRepo } from "../reevaluate-repo.js";

interface RepoName {
  full_name: string;
  name: string;
}

/** A new installation (or newly added repos) gets a first pass over the open PRs, so the check exists before any push. */
export function register(app: Probot, deps: AppDeps): void {
  app.on("installation.created", (context) =>
    guarded(context, () =>
      firstPass(context, deps, context.payload.repositories ?? [], context.payload.installation.id),
    ),
  );
  app.on("installation_repositories.added", (context) =>
    guarded(context, () =>
      firstPass(context, deps, context.payload.repositories_added, context.payload.installation.id),
    ),
  );
}

async function firstPass(
  context: Parameters<Parameters<Probot["on"]>[1]>[0],
  deps: AppDeps,
  repos: RepoName[],
  installationId: number,
): Promise<void> {
  const gh = githubOf(context);
  let failures = 0;
  for (const r of repos) {
    const [owner = "", repo = r.name] = r.full_name.split("/");
    const result = await reevaluateRepo(gh, { owner, repo }, deps, installationId, context.log);
    failures += result.failures;
  }
  if (failures > 0) throw new Error(`${failures} pull request check(s) failed during the first pass`);
}

import type { Context } from "probot";
import type { GitHub, RepoRef } from "../github/types.js";

/** Probot's installation client, as the adapters' client type (both are Octokit core + REST + paginate). */
export function githubOf(context: Context): GitHub {
  return context.octokit as unknown as GitHub;
}

export function repoOf(repository: { name: string; owner: { login: string } }): RepoRef {
  return { owner: repository.owner.login, repo: repository.name };
}

export function installationOf(context: Context): number | null {
  const installation = (context.payload as { installation?: { id?: number } }).installation;
  return installation?.id ?? null;
}

/**
 * Run a handler body; a failure is logged with the delivery id (never the payload or credentials) and rethrown so
 * the webhook answers with an error and GitHub can redeliver.
 */
export async function guarded(context: Context, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    context.log.error(
      {
        delivery: context.id,
        event: context.name,
        err: error instanceof Error ? error.message : String(error),
      },
      "change-gate failed to handle an event",
    );
    throw error;
  }
}

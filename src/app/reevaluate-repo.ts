import { reevaluateOpenPrs } from "../github/pr-check.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { AppDeps } from "./deps.js";

export interface Logger {
  warn(obj: object, msg: string): void;
}

/** Re-check every open PR of one repo (config and templates from the cache, ledger once) and tell the sweep. */
export async function reevaluateRepo(
  gh: GitHub,
  ref: RepoRef,
  deps: AppDeps,
  installationId: number,
  log: Logger,
): Promise<{ evaluated: number; failures: number }> {
  const { config, templates } = await deps.policies.get(gh, ref);
  const result = await reevaluateOpenPrs(gh, ref, deps.clock.now(), {
    appId: deps.appId,
    config,
    templates,
    onError: (pr, error) =>
      log.warn(
        { repo: `${ref.owner}/${ref.repo}`, pr, err: error instanceof Error ? error.message : String(error) },
        "re-check failed",
      ),
  });
  deps.sweep?.track(installationId, ref, result.nextChange);
  return result;
}

import type { Probot } from "probot";
import { DEFAULT_CONFIG_PATH } from "../../core/config/load.js";
import { TEMPLATE_DIR, TEMPLATE_FILES } from "../../github/read-templates.js";
import { githubOf, guarded, installationOf } from "../context.js";
import type { AppDeps } from "../deps.js";
import { reevaluateRepo } from "../reevaluate-repo.js";

/** GitHub lists at most this many commits in a push payload; a longer push may touch anything. */
const PAYLOAD_COMMIT_LIMIT = 20;

const POLICY_FILES = new Set<string>([DEFAULT_CONFIG_PATH, ...TEMPLATE_FILES].map((p) => p.toLowerCase()));

/** Whether a path is the config or a PR template, the files that decide every open PR's verdict. */
export function isPolicyFile(path: string): boolean {
  const p = path.toLowerCase();
  return POLICY_FILES.has(p) || (p.startsWith(`${TEMPLATE_DIR.toLowerCase()}/`) && p.endsWith(".md"));
}

interface PushCommit {
  added?: string[];
  removed?: string[];
  modified?: string[];
}

/** A changed config or template on the default branch re-checks every open PR against it. */
export function register(app: Probot, deps: AppDeps): void {
  app.on("push", (context) =>
    guarded(context, async () => {
      const { payload } = context;
      if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
      const commits = payload.commits as PushCommit[];
      const touched =
        commits.length >= PAYLOAD_COMMIT_LIMIT ||
        commits.some((c) =>
          [...(c.added ?? []), ...(c.removed ?? []), ...(c.modified ?? [])].some(isPolicyFile),
        );
      if (!touched) return;
      const ref = {
        owner: payload.repository.owner?.login ?? payload.repository.owner?.name ?? "",
        repo: payload.repository.name,
      };
      deps.policies.evict(ref);
      // The org's .github config is the base other repos `_extends`; they read it afresh on their next event.
      if (ref.repo === ".github") deps.policies.evictOwner(ref.owner);
      const installationId = installationOf(context);
      if (installationId === null) return;
      await reevaluateRepo(githubOf(context), ref, deps, installationId, context.log);
    }),
  );
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ConfigResult, formatConfigError, loadConfigAsync } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { readRepoConfig } from "../github/read-config.js";
import type { ActionContext } from "./context.js";

/**
 * The config from the job's checkout when there is one and it may be trusted, else from the repository's default
 * branch through the API (also when the file `_extends` another repo's config, which only the API can read).
 * A pull request's checkout is never trusted: a PR that edits `.github/change-gate.yml` must not judge itself by
 * its own rules — the App reads the default branch too.
 */
export async function readActionConfig(
  ctx: Pick<ActionContext, "gh" | "repo" | "workspace" | "inputs">,
  options: { trustCheckout: boolean } = { trustCheckout: true },
): Promise<ConfigResult> {
  const path = ctx.inputs.config;
  const local = ctx.workspace && options.trustCheckout ? join(ctx.workspace, path) : null;
  if (local && existsSync(local)) {
    const text = readFileSync(local, "utf8");
    if (!/^_extends\s*:/m.test(text)) return loadConfigAsync(text, path);
  }
  return readRepoConfig(ctx.gh, ctx.repo, path);
}

/** The config, or the failure message a bad config becomes (fail closed: never a silent pass). */
export function configOrFailure(
  result: ConfigResult,
): { config: Config } | { failure: string; summary: string; undecided: true } {
  if (result.ok) return { config: result.config };
  const lines = result.errors.map(formatConfigError);
  return {
    failure: `change-gate config is invalid:\n${lines.join("\n")}`,
    summary: ["## change-gate: invalid config", "", "```text", ...lines, "```"].join("\n"),
    undecided: true,
  };
}

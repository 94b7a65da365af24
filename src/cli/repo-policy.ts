import { defaultConfig } from "../core/config/defaults.js";
import { formatConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { readTemplates, type TemplateText } from "../core/description/index.js";
import { readTemplatesFor } from "../github/pr-check.js";
import { readRepoConfig } from "../github/read-config.js";
import type { GitHub, RepoRef } from "../github/types.js";

/**
 * The repository's config and PR templates, read once. These commands only read and report, so an invalid config
 * does not hide the deployments: the defaults are used and the errors come back as warnings.
 */
export async function readRepoPolicy(
  gh: GitHub,
  ref: RepoRef,
): Promise<{ config: Config; template: TemplateText; warnings: string[] }> {
  const result = await readRepoConfig(gh, ref);
  const warnings = result.ok
    ? []
    : result.errors.map((e) => `config ignored, defaults used: ${formatConfigError(e)}`);
  const config = result.ok ? result.config : defaultConfig();
  const template = readTemplates(await readTemplatesFor(gh, ref, config));
  return { config, template, warnings };
}

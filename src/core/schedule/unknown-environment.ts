import type { Config } from "../config/schema.js";

/**
 * A warning when `environment` is not one of the configured `environments` (while some are): its rules fall back to
 * the top-level ones, which is rarely what a typo such as "prodution" meant. Not an error: GitHub environments can be
 * created ad hoc.
 */
export function unknownEnvironmentWarning(
  config: Config,
  environment: string | null | undefined,
): string | null {
  if (!environment) return null;
  const known = Object.keys(config.environments);
  if (known.length === 0 || known.includes(environment)) return null;
  return `environment "${environment}" is not configured, so the top-level rules apply; configured environments: ${known.map((k) => `"${k}"`).join(", ")}`;
}

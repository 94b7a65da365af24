import { formatConfigError } from "../core/config/load.js";
import type { CliArgs } from "./args.js";
import { ConfigFailure, readCliConfig } from "./context.js";
import { UsageError } from "./io.js";

/**
 * `change-gate validate`: errors as file:line:col: message, exit 2 when invalid. With `--extends` the merged config
 * is validated; an `_extends` without it is reported as a warning on stderr (the base was not checked).
 */
export async function runValidate(
  args: CliArgs,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!args.config) throw new UsageError("validate needs --config FILE");
  let warnings: string[];
  try {
    ({ warnings } = await readCliConfig(args.config, args.extends));
  } catch (e) {
    if (!(e instanceof ConfigFailure)) throw e;
    for (const error of e.errors) err(`${formatConfigError(error)}\n`);
    const files = [...new Set(e.errors.map((error) => error.file))].join(", ") || args.config;
    err(`${e.errors.length} error${e.errors.length > 1 ? "s" : ""} in ${files}\n`);
    return 2;
  }
  for (const w of warnings) err(`change-gate: warning: ${w}\n`);
  out(`${args.config}${args.extends ? ` (over ${args.extends})` : ""}: ok\n`);
  return 0;
}

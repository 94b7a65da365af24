import { formatConfigError, loadConfigAsync } from "../core/config/load.js";
import type { CliArgs } from "./args.js";
import { readText, UsageError } from "./io.js";

/** `change-gate validate`: errors as file:line:col: message, exit 2 when invalid. */
export async function runValidate(
  args: CliArgs,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!args.config) throw new UsageError("validate needs --config FILE");
  const result = await loadConfigAsync(readText(args.config, "config"), args.config);
  if (result.ok) {
    out(`${args.config}: ok\n`);
    return 0;
  }
  for (const e of result.errors) err(`${formatConfigError(e)}\n`);
  err(`${result.errors.length} error${result.errors.length > 1 ? "s" : ""} in ${args.config}\n`);
  return 2;
}

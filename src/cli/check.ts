import { decideChange } from "../core/policy/index.js";
import { renderText } from "../core/render/index.js";
import type { CliArgs } from "./args.js";
import { readCliConfig, resolveAt } from "./context.js";
import { cliChangeFacts } from "./facts.js";

/** `change-gate check`: exit 0 when every gate passes, 1 when any gate blocks. */
export async function runCheck(args: CliArgs, now: Date, out: (s: string) => void): Promise<number> {
  const { config, warnings } = await readCliConfig(args.config, args.extends);
  const at = resolveAt(args.at, config.timezone, now);
  const decided = decideChange(config, cliChangeFacts(args), at);
  const report = { ...decided, warnings: [...warnings, ...decided.warnings] };
  out(
    args.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderText(report, args.body === "-" ? "<stdin>" : (args.body ?? "(no body)")),
  );
  return Object.values(report.gates).some((g) => g.conclusion === "failure") ? 1 : 0;
}

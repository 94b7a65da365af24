import { renderCalendar, renderExplain } from "../core/schedule/index.js";
import type { CliArgs } from "./args.js";
import { readCliConfig, resolveAt } from "./context.js";
import { UsageError } from "./io.js";

/** `change-gate explain`: a human timeline of open and closed periods; warnings print as `Warning:` lines. */
export async function runExplain(args: CliArgs, now: Date, out: (s: string) => void): Promise<number> {
  if (!args.config) throw new UsageError("explain needs --config FILE");
  const { config, warnings } = await readCliConfig(args.config, args.extends);
  const at = resolveAt(args.at, config.timezone, now);
  out(renderExplain({ config, environment: args.env ?? null }, at, args.days ?? 7, warnings));
  return 0;
}

/** `change-gate calendar`: an RFC 5545 feed of freezes and windows on stdout; warnings go to stderr. */
export async function runCalendar(
  args: CliArgs,
  now: Date,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!args.config) throw new UsageError("calendar needs --config FILE");
  const { config, warnings } = await readCliConfig(args.config, args.extends);
  for (const w of warnings) err(`change-gate: warning: ${w}\n`);
  const at = resolveAt(args.at, config.timezone, now);
  out(renderCalendar({ config, environment: args.env ?? null }, at, args.days ?? 90));
  return 0;
}

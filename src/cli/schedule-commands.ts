import { renderCalendar, renderExplain } from "../core/schedule/index.js";
import type { CliArgs } from "./args.js";
import { readConfig, resolveAt } from "./context.js";
import { UsageError } from "./io.js";

/** `change-gate explain`: a human timeline of open and closed periods. */
export async function runExplain(args: CliArgs, now: Date, out: (s: string) => void): Promise<number> {
  if (!args.config) throw new UsageError("explain needs --config FILE");
  const config = await readConfig(args.config);
  const at = resolveAt(args.at, config.timezone, now);
  out(renderExplain({ config, environment: args.env ?? null }, at, args.days ?? 7));
  return 0;
}

/** `change-gate calendar`: an RFC 5545 feed of freezes and windows. */
export async function runCalendar(args: CliArgs, now: Date, out: (s: string) => void): Promise<number> {
  if (!args.config) throw new UsageError("calendar needs --config FILE");
  const config = await readConfig(args.config);
  const at = resolveAt(args.at, config.timezone, now);
  out(renderCalendar({ config, environment: args.env ?? null }, at, args.days ?? 90));
  return 0;
}

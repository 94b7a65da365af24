import { freezeSource, holidaySource, ledgerSource, type Source, windowSource } from "./rule-source.js";
import type { ScheduleQuery } from "./types.js";

export interface CompiledSchedule {
  zone: string;
  /** null = no window rules apply: always open (unless frozen). */
  windows: Source[] | null;
  /** Config freezes, environment freezes, holidays, ledger freezes — in that declaration order. */
  freezes: Source[];
}

/**
 * Which rules apply to a query:
 * - windows: `risk.windows.<riskLevel>` when that exact list exists, else `environments.<env>.windows` when present,
 *   else the top-level `windows`; an empty list means always open;
 * - freezes: top-level freezes + `environments.<env>.freezes` + holidays + ledger freezes for all environments or for
 *   this one. An unknown environment uses the top-level rules.
 */
export function compileQuery(query: ScheduleQuery): CompiledSchedule {
  const { config } = query;
  const zone = config.timezone;
  const env = query.environment ? config.environments[query.environment] : undefined;
  const riskWindows =
    query.riskLevel && query.riskLevel !== "low" ? config.risk.windows[query.riskLevel] : undefined;
  const windowRules = riskWindows ?? env?.windows ?? config.windows;
  const windows = windowRules.length === 0 ? null : windowRules.map((w, i) => windowSource(w, zone, i));
  const freezes: Source[] = [];
  for (const f of config.freezes) freezes.push(freezeSource(f, zone, freezes.length));
  for (const f of env?.freezes ?? []) freezes.push(freezeSource(f, zone, freezes.length));
  if (config.holidays) freezes.push(holidaySource(config.holidays, zone, freezes.length));
  for (const f of query.ledger ?? [])
    if (!f.environment || f.environment === query.environment) freezes.push(ledgerSource(f, freezes.length));
  return { zone, windows, freezes };
}

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
 * - windows: the risk windows for `riskLevel` when that exact list exists, else `environments.<env>.windows` when
 *   present, else the top-level `windows`; an empty list means always open. The risk windows are
 *   `environments.<env>.risk_windows` when the environment declares them, else the top-level `risk.windows`;
 * - freezes: top-level freezes + `environments.<env>.freezes` + holidays + ledger freezes for all environments or for
 *   this one. An unknown environment uses the top-level rules.
 * With `ignoreWindows` only the freezes apply.
 */
export function compileQuery(query: ScheduleQuery): CompiledSchedule {
  const { config } = query;
  const zone = config.timezone;
  const env =
    query.environment && Object.hasOwn(config.environments, query.environment)
      ? config.environments[query.environment]
      : undefined;
  // An environment that declares its own risk windows does not inherit the top-level ones.
  const riskRules = env?.risk_windows ?? config.risk.windows;
  const riskWindows = query.riskLevel && query.riskLevel !== "low" ? riskRules[query.riskLevel] : undefined;
  const windowRules = riskWindows ?? env?.windows ?? config.windows;
  const windows =
    query.ignoreWindows || windowRules.length === 0
      ? null
      : windowRules.map((w, i) => windowSource(w, zone, i));
  const freezes: Source[] = [];
  for (const f of config.freezes) freezes.push(freezeSource(f, zone, freezes.length));
  for (const f of env?.freezes ?? []) freezes.push(freezeSource(f, zone, freezes.length));
  if (config.holidays) freezes.push(holidaySource(config.holidays, zone, freezes.length));
  for (const f of query.ledger ?? [])
    if (!f.environment || f.environment === query.environment) freezes.push(ledgerSource(f, freezes.length));
  return { zone, windows, freezes };
}

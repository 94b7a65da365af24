import type { Config, RiskLevel } from "../config/schema.js";

/** A freeze from the `/freeze` ledger (an open `change-freeze` issue), already parsed into plain data. */
export interface LedgerFreeze {
  name: string;
  reason?: string;
  by?: string;
  /** ISO instant the freeze starts. */
  from: string;
  /** ISO instant the freeze ends (exclusive); null = until lifted with `/unfreeze`. */
  until: string | null;
  /** Only this deployment environment; null/undefined = every environment. */
  environment?: string | null;
}

export interface ScheduleQuery {
  config: Config;
  /** Deployment environment; unknown or absent = the top-level rules. */
  environment?: string | null;
  /** Risk level of the change; selects `risk.windows.<level>` when that list exists. */
  riskLevel?: RiskLevel;
  /** Active and scheduled freezes from the ledger. */
  ledger?: LedgerFreeze[];
  /** Freezes only: windows are not consulted (the merge gate when `merge.enforce_windows` is false). */
  ignoreWindows?: boolean;
  /** Leave out the bake time; by default the environment's (or the top-level) `bake` applies, never with `ignoreWindows`. */
  ignoreBake?: boolean;
}

/** `bake`: open now, but the schedule closes before the bake time (`bake:`) would be over. */
export type ScheduleReason = "window" | "freeze" | "holiday" | "outside-window" | "always" | "bake";

export interface ScheduleResult {
  open: boolean;
  reason: ScheduleReason;
  /** Name (or readable label) of the deciding rule; null for "always" and "outside-window". */
  rule: string | null;
  /** Next instant the gate is open (ISO, `toISOString` form); equals `at` when open; null if not within 366 days. */
  nextOpen: string | null;
  /** When open: the next instant it closes (null if not within 366 days). When closed: null. */
  closesAt: string | null;
  /** IANA zone used for messages (the config `timezone`). */
  timezone: string;
  /** The deciding freeze when `reason` is "freeze" or "holiday"; `until` is when that freeze lifts (null = never/until lifted). */
  freeze?: { name: string; reason?: string; by?: string; until: string | null };
  /** The bake time that applied (`bake:` as written, e.g. "3h"); absent when there is none. */
  bake?: string;
}

/** A stretch of time with one state; `schedulePeriods` returns consecutive, gap-free periods. */
export interface Period {
  start: string;
  end: string;
  open: boolean;
  reason: ScheduleReason;
  rule: string | null;
}

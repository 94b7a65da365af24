import type { Clock } from "./clock.js";
import type { PolicyCache } from "./policy-cache.js";
import type { WriteJournal } from "./write-journal.js";

/** Where the sweep learns about repositories and when their schedule state next flips. */
export interface SweepTracker {
  track(installationId: number, ref: { owner: string; repo: string }, nextChange: string | null): void;
}

/** What every handler shares; built once per app instance. */
export interface AppDeps {
  clock: Clock;
  /** This App's id: only its own check runs are compared and updated. */
  appId?: number;
  policies: PolicyCache;
  journal: WriteJournal;
  sweep: SweepTracker | null;
  /** Deployments held by the protection rule; `/unfreeze` and `/override` re-check them at once. */
  waiting?: { reevaluateAll(ref?: { owner: string; repo: string }): Promise<unknown> };
}

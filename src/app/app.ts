import type { ApplicationFunction, Probot } from "probot";
import type { GitHub } from "../github/types.js";
import { type Clock, systemClock } from "./clock.js";
import type { Cluster } from "./cluster/index.js";
import type { DeploymentTarget } from "./deploy-evaluation.js";
import type { AppDeps } from "./deps.js";
import * as deploymentProtectionRule from "./handlers/deployment-protection-rule.js";
import * as installation from "./handlers/installation.js";
import * as issueComment from "./handlers/issue-comment.js";
import * as ledgerIssue from "./handlers/ledger-issue.js";
import * as mergeGroup from "./handlers/merge-group.js";
import * as pullRequest from "./handlers/pull-request.js";
import * as push from "./handlers/push.js";
import * as rerequested from "./handlers/rerequested.js";
import { sweepLedger } from "./ledger-sweep.js";
import { PolicyCache } from "./policy-cache.js";
import { DEFAULT_SWEEP_INTERVAL_MS, Sweep } from "./sweep.js";
import { WaitingDeployments } from "./waiting-deployments.js";
import { WriteJournal } from "./write-journal.js";

export interface AppOptions {
  clock?: Clock;
  /** Replicas on Redis; without it the App is one self-contained process. */
  cluster?: Pick<Cluster, "jobs" | "claims">;
  appId?: number;
  /** Interval of the full sweep; 0 turns the sweep (and its timers) off, as tests do. */
  sweepIntervalMs?: number;
}

/** The running parts of one app instance, returned so the entry point can stop them and tests can drive them. */
export interface AppRuntime {
  deps: AppDeps;
  sweep: Sweep | null;
  waiting: WaitingDeployments;
}

/** Wire every handler to one shared set of dependencies. Logic lives in the handlers and `src/github`. */
export function changeGate(
  options: AppOptions = {},
  started?: (runtime: AppRuntime) => void,
): ApplicationFunction {
  return (app: Probot) => {
    const clock = options.clock ?? systemClock;
    const deps: AppDeps = {
      clock,
      appId: options.appId,
      policies: new PolicyCache(() => clock.now()),
      journal: new WriteJournal(),
      sweep: null,
    };
    const waiting = new WaitingDeployments({
      now: () => clock.now(),
      appId: options.appId,
      timers: clock,
      log: {
        info: (m) => app.log.info(m),
        warn: (m) => app.log.warn(m),
        error: (m) => app.log.error(m),
      },
      cluster: options.cluster,
    });
    deps.waiting = waiting;
    const intervalMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
    const sweep =
      intervalMs > 0
        ? new Sweep({
            app,
            deps,
            clock,
            intervalMs,
            log: app.log,
            jobs: options.cluster?.jobs,
            onRepo: async (gh, ref, installationId) => {
              await sweepLedger(gh, ref, deps);
              await waiting.rebuild(gh, ref, installationId);
            },
          })
        : null;
    deps.sweep = sweep;

    pullRequest.register(app, deps);
    mergeGroup.register(app, deps);
    rerequested.register(app, deps);
    installation.register(app, deps);
    push.register(app, deps);
    issueComment.register(app, deps);
    ledgerIssue.register(app, deps);
    deploymentProtectionRule.register(app, { now: () => clock.now(), waiting });

    options.cluster?.jobs.handle("deployment", async (data) => {
      const target = data.target as DeploymentTarget;
      const gh = (await app.auth(Number(data.installationId))) as unknown as GitHub;
      await waiting.due(gh, target);
    });
    if (sweep) {
      sweep.start();
      // A restart may have missed a boundary or a waiting deployment: one pass now rebuilds both from GitHub.
      void sweep.enqueue(() => sweep.sweepAll());
    }
    started?.({ deps, sweep, waiting });
  };
}

/** For `probot run`: settings come from the environment. */
const app: ApplicationFunction = (probot, options) =>
  changeGate({
    appId: process.env.APP_ID ? Number(process.env.APP_ID) : undefined,
    sweepIntervalMs: parseDuration(process.env.SWEEP_INTERVAL) ?? DEFAULT_SWEEP_INTERVAL_MS,
  })(probot, options);
export default app;

/** `SWEEP_INTERVAL`: milliseconds, or a number with s/m/h ("15m"); "0" turns the sweep off. */
export function parseDuration(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`SWEEP_INTERVAL "${text}" is not a duration; use e.g. 15m, 900s or 900000`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "ms") as "ms" | "s" | "m" | "h"];
  return Math.round(Number(m[1]) * unit);
}

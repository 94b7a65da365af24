import type { DeployDecision } from "../core/policy/deploy-decision.js";
import {
  deploymentCallbackUrl,
  listWaitingRuns,
  type RetryOptions,
  type ReviewOutcome,
  reportDeployment,
  reviewDeployment,
} from "../github/deployment-review.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { DeploymentClaims } from "./cluster/deploy-lock.js";
import type { DurableJobs } from "./cluster/durable-jobs.js";
import {
  type DeploymentTarget,
  type Evaluation,
  EvaluationCache,
  evaluateDeployment,
} from "./deploy-evaluation.js";
import { ServerClock } from "./server-clock.js";

/** GitHub keeps at most this many status reports per deployment. */
export const MAX_STATUS_REPORTS = 10;
/** After a failed evaluation or review, try again this much later (the sweep may come sooner). */
export const RETRY_AFTER_MS = 5 * 60_000;
/** Node timers overflow beyond 2^31-1 ms (~24.8 days); longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type Evaluator = (
  gh: GitHub,
  target: DeploymentTarget,
  now: () => Date,
  cache: EvaluationCache,
) => Promise<Evaluation>;

export interface WaitingDeploymentsOptions {
  now: () => Date;
  timers?: Timers;
  log?: Log;
  /** Gather + decide; default `evaluateDeployment` (with `appId`). */
  evaluate?: Evaluator;
  /** This App's id: only its own override records approve a held deployment. */
  appId?: number;
  /** Retries of the review call; the default sleeps on `timers`. */
  retry?: RetryOptions;
  /** Replicas: the hold is a durable job instead of a timer, and one replica at a time answers a deployment. */
  cluster?: { jobs: DurableJobs; claims: DeploymentClaims };
}

/** What happened to one deployment in one evaluation. */
export type Outcome = "approved" | "rejected" | "waiting" | "already-done" | "failed" | "skipped";

export interface SweepResult {
  runs: number;
  deployments: number;
  outcomes: Record<Outcome, number>;
}

interface Entry {
  key: string;
  gh: GitHub;
  target: DeploymentTarget;
  approveAt: string | null;
  timer: unknown;
  /** `DeployDecision.state` last posted as a status report. */
  reported: string | null;
  reports: number;
}

const silent: Log = { info() {}, warn() {}, error() {} };

export function deploymentKey(t: Pick<DeploymentTarget, "owner" | "repo" | "runId" | "environment">): string {
  return `${t.owner}/${t.repo}#${t.runId}@${t.environment}`.toLowerCase();
}

function emptyOutcomes(): Record<Outcome, number> {
  return { approved: 0, rejected: 0, waiting: 0, "already-done": 0, failed: 0, skipped: 0 };
}

/**
 * The deploy gate's memory of deployments it holds: one exact timer per deployment at `approveAt`, re-evaluated when
 * it fires (a freeze declared meanwhile keeps it waiting). Nothing lives only here: `rebuild` recovers every waiting
 * deployment from GitHub at start-up and on each sweep, and answering twice is harmless (GitHub's 4xx for an
 * already-answered rule counts as done), so restarts and replicas neither lose nor double-approve.
 */
export class WaitingDeployments {
  private readonly entries = new Map<string, Entry>();
  /** Answered (or not ours); sweeps skip them while their run is still listed as waiting. */
  private readonly settled = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly timers: Timers;
  private readonly log: Log;
  private readonly evaluate: Evaluator;
  private readonly retry: RetryOptions;
  private readonly cluster: WaitingDeploymentsOptions["cluster"];
  readonly clock: ServerClock;

  constructor(options: WaitingDeploymentsOptions) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.log = options.log ?? silent;
    this.evaluate =
      options.evaluate ??
      ((gh, target, now, cache) => evaluateDeployment(gh, target, now, cache, options.appId));
    this.clock = new ServerClock(options.now, this.log);
    this.cluster = options.cluster;
    this.retry = {
      sleep: (ms) => new Promise<void>((resolve) => this.timers.setTimeout(resolve, ms)),
      ...options.retry,
    };
  }

  /** Deployments currently held, soonest first. */
  pending(): { key: string; approveAt: string | null; target: DeploymentTarget }[] {
    return [...this.entries.values()]
      .map((e) => ({ key: e.key, approveAt: e.approveAt, target: e.target }))
      .sort((a, b) => (a.approveAt ?? "~").localeCompare(b.approveAt ?? "~"));
  }

  /** The webhook path: a new protection-rule request (or a re-run of one already answered). */
  async request(gh: GitHub, target: DeploymentTarget): Promise<Outcome> {
    const key = deploymentKey(target);
    this.settled.delete(key);
    await this.cluster?.claims.clearSettled(key);
    const entry = this.track(gh, target);
    return this.serial(key, () => this.run(entry, new EvaluationCache()));
  }

  /** A durable hold fell due (on this replica or another): decide again, unless it was answered meanwhile. */
  async due(gh: GitHub, target: DeploymentTarget): Promise<Outcome> {
    const entry = this.track(gh, target);
    return this.serial(entry.key, () => this.run(entry, new EvaluationCache()));
  }

  /**
   * Recover and re-decide every deployment of `ref` that waits on protection rules. Requests: 1 list (per 100 runs)
   * + 1 per waiting run + what the evaluations read (config and ledger once, PR once per commit) + one review or
   * report per deployment whose state changed.
   */
  async rebuild(gh: GitHub, ref: RepoRef, installationId?: number): Promise<SweepResult> {
    this.clock.watch(gh);
    const runs = await listWaitingRuns(gh, ref);
    const result: SweepResult = { runs: runs.length, deployments: 0, outcomes: emptyOutcomes() };
    const seen = new Set<string>();
    const cache = new EvaluationCache();
    for (const run of runs)
      for (const environment of run.environments) {
        const target: DeploymentTarget = {
          ...ref,
          runId: run.runId,
          environment,
          sha: run.sha,
          callbackUrl: deploymentCallbackUrl(gh, ref, run.runId),
          pullRequests: run.pullRequests.map((number) => ({ number })),
          installationId,
        };
        const key = deploymentKey(target);
        seen.add(key);
        result.deployments++;
        if (this.settled.has(key)) {
          result.outcomes.skipped++;
          continue;
        }
        const known = this.entries.get(key);
        const entry = known ?? this.track(gh, target);
        if (known) known.gh = gh;
        result.outcomes[await this.serial(key, () => this.run(entry, cache))]++;
      }
    // Whatever GitHub no longer lists as waiting was answered elsewhere or cancelled: forget it.
    const prefix = `${ref.owner}/${ref.repo}#`.toLowerCase();
    for (const key of [...this.entries.keys(), ...this.settled])
      if (key.startsWith(prefix) && !seen.has(key)) this.forget(key);
    return result;
  }

  /** Re-decide every held deployment now (after `/unfreeze`, `/override`, a config change); `ref` limits it to a repo. */
  async reevaluateAll(ref?: RepoRef): Promise<Record<Outcome, number>> {
    const outcomes = emptyOutcomes();
    const cache = new EvaluationCache();
    const chosen = [...this.entries.values()].filter(
      (e) =>
        !ref ||
        (e.target.owner.toLowerCase() === ref.owner.toLowerCase() &&
          e.target.repo.toLowerCase() === ref.repo.toLowerCase()),
    );
    for (const entry of chosen) outcomes[await this.serial(entry.key, () => this.run(entry, cache))]++;
    return outcomes;
  }

  /** Resolves when no evaluation is in flight (timers that fired, sweeps, webhooks): for shutdown and tests. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  /** Cancel every timer (shutdown, tests). GitHub still holds the deployments; the next start rebuilds them. */
  stop(): void {
    for (const e of this.entries.values()) this.disarm(e);
    this.entries.clear();
  }

  private track(gh: GitHub, target: DeploymentTarget): Entry {
    const key = deploymentKey(target);
    const known = this.entries.get(key);
    if (known) {
      known.gh = gh;
      known.target = target;
      return known;
    }
    const entry: Entry = { key, gh, target, approveAt: null, timer: null, reported: null, reports: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  private forget(key: string): void {
    const e = this.entries.get(key);
    if (e) this.disarm(e);
    this.entries.delete(key);
    this.settled.delete(key);
  }

  private settle(entry: Entry): void {
    this.disarm(entry);
    this.entries.delete(entry.key);
    this.settled.add(entry.key);
  }

  /** One evaluation at a time per deployment: a timer, a sweep and a webhook may race for it. */
  private serial(key: string, work: () => Promise<Outcome>): Promise<Outcome> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const next = before.then(work, work);
    const tail = next.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return next;
  }

  private async run(entry: Entry, cache: EvaluationCache): Promise<Outcome> {
    if (this.entries.get(entry.key) !== entry) return "skipped";
    const claims = this.cluster?.claims;
    if (!claims) return this.decide(entry, cache);
    return claims.exclusive(
      entry.key,
      async () => {
        if (await claims.isSettled(entry.key)) {
          this.settle(entry);
          return "already-done";
        }
        const outcome = await this.decide(entry, cache);
        if (outcome === "approved" || outcome === "rejected" || outcome === "already-done")
          await claims.markSettled(entry.key);
        return outcome;
      },
      "skipped",
    );
  }

  private async decide(entry: Entry, cache: EvaluationCache): Promise<Outcome> {
    const { gh, target } = entry;
    this.clock.watch(gh);
    let evaluation: Evaluation;
    try {
      evaluation = await this.evaluate(gh, target, () => this.clock.now(), cache);
    } catch (error) {
      this.log.error(
        `${entry.key}: could not evaluate (${(error as Error).message}); still waiting, retrying later`,
      );
      await this.report(
        entry,
        "error:evaluate",
        "change-gate could not read what it needs to decide (a GitHub error); this deployment keeps waiting and is re-checked in a few minutes.",
      );
      this.arm(entry, new Date(this.clock.now().getTime() + RETRY_AFTER_MS).toISOString());
      return "failed";
    }
    return this.act(entry, evaluation.decision);
  }

  private async act(entry: Entry, decision: DeployDecision): Promise<Outcome> {
    const { gh, target } = entry;
    const review = {
      callbackUrl: target.callbackUrl,
      environment: target.environment,
      comment: decision.comment,
    };
    if (decision.action === "wait") {
      const posted = await this.report(entry, decision.state, decision.comment);
      if (posted?.outcome === "already-done") {
        this.log.info(`${entry.key}: nothing of ours waiting; forgetting it`);
        this.settle(entry);
        return "already-done";
      }
      entry.approveAt = decision.approveAt;
      if (decision.approveAt) this.arm(entry, decision.approveAt);
      else this.disarm(entry);
      return "waiting";
    }
    const state = decision.action === "approve" ? "approved" : "rejected";
    const outcome: ReviewOutcome = await reviewDeployment(gh, { ...review, state }, this.retry);
    if (outcome.outcome === "failed") {
      this.log.error(
        `${entry.key}: ${state} review failed after ${outcome.attempts} attempt(s) (${outcome.status ?? "network"}: ${outcome.message}); still waiting`,
      );
      await this.report(
        entry,
        `error:${state}`,
        `change-gate could not record its decision (GitHub answered ${outcome.status ?? "with a network error"}); this deployment keeps waiting and is re-checked in a few minutes.`,
      );
      this.arm(entry, new Date(this.clock.now().getTime() + RETRY_AFTER_MS).toISOString());
      return "failed";
    }
    this.log.info(
      `${entry.key}: ${outcome.outcome === "done" ? state : `already answered (${outcome.status})`}`,
    );
    this.settle(entry);
    if (outcome.outcome === "already-done") return "already-done";
    return state;
  }

  /** A status report, only when the state it describes changed and GitHub's per-deployment budget allows. */
  private async report(entry: Entry, state: string, comment: string): Promise<ReviewOutcome | null> {
    if (entry.reported === state || entry.reports >= MAX_STATUS_REPORTS) return null;
    const { gh, target } = entry;
    const posted = await reportDeployment(
      gh,
      { callbackUrl: target.callbackUrl, environment: target.environment, comment },
      {
        ...this.retry,
        attempts: 2,
      },
    );
    if (posted.outcome === "done") {
      entry.reported = state;
      entry.reports++;
    } else if (posted.outcome === "failed")
      this.log.warn(`${entry.key}: status report failed (${posted.status ?? "network"}: ${posted.message})`);
    return posted;
  }

  private arm(entry: Entry, at: string): void {
    this.disarm(entry);
    if (this.cluster) {
      const { installationId, ...rest } = entry.target;
      if (installationId === undefined) {
        this.log.warn(`${entry.key}: no installation to re-check it with; the next sweep picks it up`);
        return;
      }
      void this.cluster.jobs
        .at(
          "deployment",
          entry.key,
          { installationId, target: { ...rest, installationId } },
          new Date(at),
          this.clock.now(),
        )
        .catch((error: unknown) =>
          this.log.error(
            `${entry.key}: could not schedule its re-check (${String(error)}); the sweep retries`,
          ),
        );
      return;
    }
    const delay = Math.max(0, Date.parse(at) - this.clock.now().getTime());
    entry.timer = this.timers.setTimeout(
      () => {
        entry.timer = null;
        if (this.entries.get(entry.key) !== entry) return;
        // Long waits are re-armed in steps; a timer that fires early (clock adjusted) is also just re-armed.
        if (Date.parse(at) - this.clock.now().getTime() > 1000) return this.arm(entry, at);
        void this.serial(entry.key, () => this.run(entry, new EvaluationCache())).catch((error: unknown) =>
          this.log.error(`${entry.key}: timer evaluation crashed: ${String(error)}`),
        );
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  }

  private disarm(entry: Entry): void {
    if (entry.timer !== null) this.timers.clearTimeout(entry.timer);
    entry.timer = null;
  }
}

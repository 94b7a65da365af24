import type { Probot } from "probot";
import { RISK_LEVELS } from "../core/risk/index.js";
import { evaluateSchedule, type LedgerFreeze } from "../core/schedule/index.js";
import { readActiveFreezes } from "../github/freeze-ledger/index.js";
import { earliest } from "../github/pr-check.js";
import type { GitHub, RepoRef } from "../github/types.js";
import type { Clock } from "./clock.js";
import type { DurableJobs } from "./cluster/durable-jobs.js";
import type { AppDeps, SweepTracker } from "./deps.js";
import { reevaluateRepo } from "./reevaluate-repo.js";

export const DEFAULT_SWEEP_INTERVAL_MS = 15 * 60_000;
/** Node timers overflow beyond 2^31-1 ms; a farther boundary is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SweepLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

interface RepoState {
  installationId: number;
  ref: RepoRef;
  /** Open/closed per risk level, to notice a flip between sweeps. */
  signature: string | null;
  nextChange: string | null;
}

export interface SweepOptions {
  app: Probot;
  deps: Omit<AppDeps, "sweep">;
  clock: Clock;
  intervalMs?: number;
  log: SweepLog;
  /** Also called for every installed repo on each interval pass (e.g. the deploy gate's rebuild of waiting runs). */
  onRepo?: (gh: GitHub, ref: RepoRef, installationId: number) => Promise<void>;
  /** Replicas: the interval pass and the boundary re-checks are durable jobs, each run once cluster-wide. */
  jobs?: DurableJobs;
}

/**
 * Flips the check when a window or freeze boundary passes, without any event: an exact timer at the earliest known
 * boundary re-checks the repos due then, and an interval pass over every installation catches what no event taught
 * us (restarts, freezes declared elsewhere, boundaries further than a timer can reach).
 */
export class Sweep implements SweepTracker {
  private readonly repos = new Map<string, RepoState>();
  private interval: unknown = null;
  private timer: unknown = null;
  private timerAt: number | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly opts: SweepOptions) {}

  start(): void {
    if (this.interval !== null) return;
    const ms = this.opts.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
    const jobs = this.opts.jobs;
    if (jobs) {
      this.interval = "durable";
      jobs.handle("sweep", () => this.enqueue(() => this.sweepAll()));
      jobs.handle("boundary", (data) => this.enqueue(() => this.boundaryDue(data)));
      void jobs
        .every("sweep", ms)
        .catch((error: unknown) =>
          this.opts.log.warn({ err: String(error) }, "could not schedule the sweep"),
        );
      return;
    }
    this.interval = this.opts.clock.setInterval(() => void this.enqueue(() => this.sweepAll()), ms);
  }

  stop(): void {
    if (this.interval !== null && this.interval !== "durable") this.opts.clock.clearInterval(this.interval);
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.interval = this.timer = this.timerAt = null;
  }

  /** Passes run one at a time, so a slow pass never overlaps the next. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.running = this.running
      .then(work)
      .catch((error) =>
        this.opts.log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          "sweep pass failed",
        ),
      );
    return this.running;
  }

  track(installationId: number, ref: RepoRef, nextChange: string | null): void {
    const key = `${ref.owner}/${ref.repo}`.toLowerCase();
    const known = this.repos.get(key);
    this.repos.set(key, { installationId, ref, signature: known?.signature ?? null, nextChange });
    if (this.opts.jobs) this.schedule(this.repos.get(key)!);
    else this.arm();
  }

  /** Replicas: each repo's next boundary is its own durable job (the same boundary twice is one job). */
  private schedule(r: RepoState): void {
    if (r.nextChange === null || !this.opts.jobs) return;
    const key = `${r.ref.owner}/${r.ref.repo}`.toLowerCase();
    void this.opts.jobs
      .at(
        "boundary",
        key,
        { installationId: r.installationId, ...r.ref },
        new Date(r.nextChange),
        this.opts.clock.now(),
      )
      .catch((error: unknown) =>
        this.opts.log.warn({ repo: key, err: String(error) }, "could not schedule the boundary re-check"),
      );
  }

  /** A durable boundary job fell due, on whichever replica: re-check that repo. */
  private async boundaryDue(data: Record<string, unknown>): Promise<void> {
    const installationId = Number(data.installationId);
    const ref = { owner: String(data.owner), repo: String(data.repo) };
    const gh = (await this.opts.app.auth(installationId)) as unknown as GitHub;
    await this.sweepRepo(gh, installationId, ref, true);
  }

  /** When the exact timer fires next (ISO), for tests and logs. */
  get nextTimer(): string | null {
    return this.timerAt === null ? null : new Date(this.timerAt).toISOString();
  }

  private arm(): void {
    if (this.opts.jobs) return;
    let next: string | null = null;
    for (const r of this.repos.values()) next = earliest(next, r.nextChange);
    const at = next === null ? null : Date.parse(next);
    if (at === this.timerAt) return;
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = at;
    if (at === null) return;
    const wait = Math.min(Math.max(0, at - this.opts.clock.now().getTime()), MAX_TIMER_MS);
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = this.timerAt = null;
      void this.enqueue(() => this.sweepDue());
    }, wait);
  }

  /** Re-check the repos whose boundary has passed. */
  async sweepDue(): Promise<void> {
    const now = this.opts.clock.now().getTime();
    const due = [...this.repos.values()].filter(
      (r) => r.nextChange !== null && Date.parse(r.nextChange) <= now,
    );
    for (const r of due) {
      r.nextChange = null;
      await this.reevaluate(r);
    }
    this.arm();
  }

  /** The interval pass: every repo of every installation; re-check those whose open/closed state flipped. */
  async sweepAll(): Promise<void> {
    const appClient = (await this.opts.app.auth()) as unknown as GitHub;
    const installations = await appClient.paginate(appClient.rest.apps.listInstallations, { per_page: 100 });
    for (const installation of installations) {
      const gh = (await this.opts.app.auth(installation.id)) as unknown as GitHub;
      const repos = await gh.paginate(gh.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      for (const repository of repos) {
        const ref = { owner: repository.owner.login, repo: repository.name };
        try {
          await this.sweepRepo(gh, installation.id, ref);
          await this.opts.onRepo?.(gh, ref, installation.id);
        } catch (error) {
          this.opts.log.warn(
            { repo: `${ref.owner}/${ref.repo}`, err: error instanceof Error ? error.message : String(error) },
            "sweep of a repository failed",
          );
        }
      }
    }
    this.arm();
  }

  private async sweepRepo(gh: GitHub, installationId: number, ref: RepoRef, force = false): Promise<void> {
    const key = `${ref.owner}/${ref.repo}`.toLowerCase();
    const { config } = await this.opts.deps.policies.get(gh, ref);
    if (!config.ok) return;
    const now = this.opts.clock.now();
    const ledger = await readActiveFreezes(gh, ref, now);
    const state = scheduleState(config.config, ledger, now);
    const known = this.repos.get(key);
    const timed =
      config.config.windows.length > 0 ||
      config.config.freezes.length > 0 ||
      ledger.length > 0 ||
      config.config.holidays !== undefined;
    // Unknown repos are re-checked only when time can matter to them; then we remember their state.
    const flipped = force || (known?.signature != null ? known.signature !== state.signature : timed);
    const next = { installationId, ref, signature: state.signature, nextChange: state.nextChange };
    this.repos.set(key, next);
    if (this.opts.jobs) this.schedule(next);
    if (flipped) await this.reevaluate(next, gh);
  }

  private async reevaluate(r: RepoState, client?: GitHub): Promise<void> {
    const gh = client ?? ((await this.opts.app.auth(r.installationId)) as unknown as GitHub);
    const result = await reevaluateRepo(
      gh,
      r.ref,
      { ...this.opts.deps, sweep: this },
      r.installationId,
      this.opts.log,
    );
    this.opts.log.info(
      { repo: `${r.ref.owner}/${r.ref.repo}`, ...result },
      "sweep re-checked open pull requests",
    );
  }
}

/** Open/closed for each risk level (risk windows differ) and the earliest flip among them. */
export function scheduleState(
  config: Parameters<typeof evaluateSchedule>[0]["config"],
  ledger: LedgerFreeze[],
  now: Date,
): { signature: string; nextChange: string | null } {
  let nextChange: string | null = null;
  const parts: string[] = [];
  for (const riskLevel of RISK_LEVELS) {
    const r = evaluateSchedule({ config, riskLevel, ledger }, now);
    parts.push(`${riskLevel}:${r.open ? "open" : "closed"}:${r.reason}:${r.rule ?? ""}`);
    nextChange = earliest(nextChange, r.open ? r.closesAt : r.nextOpen);
  }
  return { signature: parts.join("|"), nextChange };
}

// With replicas, the App's timers are durable jobs: the sweep, each repository's next boundary and each held
// deployment are scheduled in Redis (here a recording stand-in), never as a timer that dies with the process.
import type { Probot } from "probot";
import { expect, it } from "vitest";
import type { Clock } from "../../src/app/clock.js";
import type { DurableJobs, JobHandler, JobName } from "../../src/app/cluster/durable-jobs.js";
import { PolicyCache } from "../../src/app/policy-cache.js";
import { Sweep } from "../../src/app/sweep.js";
import { WaitingDeployments } from "../../src/app/waiting-deployments.js";
import { WriteJournal } from "../../src/app/write-journal.js";
import type { GitHub } from "../../src/github/types.js";

class RecordedJobs implements DurableJobs {
  scheduled: { name: JobName; id: string; data: Record<string, unknown>; at: string }[] = [];
  repeating: { name: JobName; ms: number }[] = [];
  handlers = new Map<JobName, JobHandler>();
  async at(name: JobName, id: string, data: Record<string, unknown>, at: Date): Promise<void> {
    this.scheduled.push({ name, id, data, at: at.toISOString() });
  }
  async every(name: JobName, ms: number): Promise<void> {
    this.repeating.push({ name, ms });
  }
  handle(name: JobName, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }
  async close(): Promise<void> {}
}

const NOW = new Date("2026-11-24T10:00:00Z");
const noTimers: Clock = {
  now: () => NOW,
  setTimeout: () => {
    throw new Error("a replica must not arm a local timer");
  },
  clearTimeout: () => {},
  setInterval: () => {
    throw new Error("a replica must not arm a local interval");
  },
  clearInterval: () => {},
};

it("the sweep runs as one cluster-wide schedule and each boundary as a job per repository", async () => {
  const jobs = new RecordedJobs();
  const sweep = new Sweep({
    app: {} as Probot,
    deps: { clock: noTimers, policies: new PolicyCache(() => NOW), journal: new WriteJournal() },
    clock: noTimers,
    intervalMs: 900_000,
    log: { info: () => {}, warn: () => {} },
    jobs,
  });
  sweep.start();
  await Promise.resolve();
  expect(jobs.repeating).toEqual([{ name: "sweep", ms: 900_000 }]);
  expect([...jobs.handlers.keys()].sort()).toEqual(["boundary", "sweep"]);
  sweep.track(7, { owner: "Acme", repo: "api" }, "2026-11-24T16:00:00.000Z");
  sweep.track(7, { owner: "Acme", repo: "web" }, null);
  await Promise.resolve();
  expect(jobs.scheduled).toEqual([
    {
      name: "boundary",
      id: "acme/api",
      data: { installationId: 7, owner: "Acme", repo: "api" },
      at: "2026-11-24T16:00:00.000Z",
    },
  ]);
  expect(sweep.nextTimer).toBeNull();
});

it("a held deployment becomes a job that any replica can answer with the installation it carries", async () => {
  const jobs = new RecordedJobs();
  const settled = new Set<string>();
  const waiting = new WaitingDeployments({
    now: () => NOW,
    timers: { setTimeout: noTimers.setTimeout, clearTimeout: () => {} },
    cluster: {
      jobs,
      claims: {
        exclusive: (_key, work) => work(),
        isSettled: async (key) => settled.has(key),
        markSettled: async (key) => void settled.add(key),
        clearSettled: async (key) => void settled.delete(key),
      },
    },
    evaluate: async () => ({
      decision: {
        action: "wait",
        state: "window",
        approveAt: "2026-11-24T16:00:00Z",
        comment: "Waiting for the window",
      } as never,
      pullRequest: 9,
      at: NOW,
    }),
  });
  const reports: unknown[] = [];
  const gh = {
    hook: { after: () => {} },
    request: async (_route: string, body: unknown) => {
      reports.push(body);
      return { status: 204 };
    },
  } as unknown as GitHub;
  const target = {
    owner: "Acme",
    repo: "api",
    runId: 5,
    environment: "production",
    sha: "a".repeat(40),
    callbackUrl: "https://api.github.com/repos/Acme/api/actions/runs/5/deployment_protection_rule",
    pullRequests: [],
    installationId: 42,
  };
  expect(await waiting.request(gh, target)).toBe("waiting");
  await Promise.resolve();
  expect(jobs.scheduled).toEqual([
    {
      name: "deployment",
      id: "acme/api#5@production",
      data: { installationId: 42, target },
      at: "2026-11-24T16:00:00.000Z",
    },
  ]);
  expect(reports).toHaveLength(1);
});

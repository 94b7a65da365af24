/**
 * `npm run load`: bounded load tests of `node dist/app.js`, loopback only, against a fake GitHub API.
 *   1. validity — N signed `pull_request.opened` deliveries over 20 installations, plus mis-signed and oversized
 *      ones: throughput, latency, RSS; every valid event exactly one check run, invalid ones none, no request outside
 *      GitHub's OpenAPI description.
 *   2. fairness — while one installation has 30 events (then a 500-PR freeze fan-out) in flight, how long a single PR
 *      in another, idle installation waits for its check (target ≤ 3 s: write pacing is per installation).
 *   3. replicas — with Redis (REDIS_URL, default 127.0.0.1:6379): 1 and 3 replicas over 20 installations: events/s,
 *      p50/p99 time to check, Redis commands per event, RSS per replica. Skipped with a reason when Redis is absent
 *      (under CI it must be there).
 *   LOAD_EVENTS=40 LOAD_CONCURRENCY=10 npm run load
 */
import { createRequire } from "node:module";
import { Redis } from "ioredis";
import { deleteKeys } from "../test/cluster/redis.js";
import { type AppProcess, deliver, startApp } from "./load/app-process.js";
import { type LoadApi, startLoadApi } from "./load/fake-api.js";

const EVENTS = Number(process.env.LOAD_EVENTS ?? 40);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 10);
const INVALID = Math.max(10, Math.floor(EVENTS / 10));
const INSTALLATIONS = 20;
const DEADLINE_MS = 600_000;
const FAIR_TARGET_MS = 3_000;

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are edited field by field
type Json = Record<string, any>;
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: Json[];
}[];
const find = (name: string, action: string) =>
  structuredClone(examples.find((e) => e.name === name)!.examples.find((p) => p.action === action)!) as Json;
const opened = find("pull_request", "opened");
const commented = find("issue_comment", "created");

const shaOf = (tag: string, i: number) => `${tag}${i.toString(16).padStart(40 - tag.length, "0")}`;

/** A PR in `repo` of `installation`, with its own head SHA. */
function pullRequest(installation: number, repo: string, number: number, sha: string): Json {
  const pr = structuredClone(opened);
  pr.number = number;
  pr.pull_request = { ...pr.pull_request, number, head: { ...pr.pull_request.head, sha } };
  pr.repository = { ...pr.repository, name: repo, full_name: `${pr.repository.owner.login}/${repo}` };
  pr.installation = { id: installation, node_id: `I_${installation}` };
  return pr;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;
};

async function pool<T>(jobs: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) results.push(await jobs[next++]!());
    }),
  );
  return results;
}

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const start = performance.now();
  while (!done() && performance.now() - start < ms) await new Promise((r) => setTimeout(r, 50));
  return done();
}

let failed = false;
const fail = (why: string) => {
  failed = true;
  console.log(`FAILED: ${why}`);
};

/* ---------- 1. validity ---------- */
async function validity(): Promise<void> {
  const api = await startLoadApi();
  const app = await startApp(api.url);
  try {
    const jobs: (() => Promise<{ status: number; ms: number; valid: boolean }>)[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const payload = JSON.stringify(
        pullRequest(1 + (i % INSTALLATIONS), "Hello-World", 1000 + i, shaOf("", i)),
      );
      jobs.push(async () => ({
        ...(await deliver(app.port, "pull_request", payload, `valid-${i}`)),
        valid: true,
      }));
    }
    for (let i = 0; i < INVALID; i++) {
      const payload = JSON.stringify(pullRequest(1, "Hello-World", 5000 + i, shaOf("f", i)));
      const oversized = i % 2 === 1;
      const body = oversized
        ? JSON.stringify({ ...JSON.parse(payload), padding: "x".repeat(26 * 1024 * 1024) })
        : payload;
      jobs.push(async () => ({
        ...(await deliver(app.port, "pull_request", body, `invalid-${i}`, "sha256=deadbeef").catch(() => ({
          status: 0,
          ms: 0,
        }))),
        valid: false,
      }));
    }
    const started = performance.now();
    let peakRss = 0;
    const results = await pool(
      jobs.map((job) => async () => {
        const r = await job();
        peakRss = Math.max(peakRss, app.rss());
        return r;
      }),
      CONCURRENCY,
    );
    const elapsed = (performance.now() - started) / 1000;
    const valid = [...Array(EVENTS).keys()].map((i) => shaOf("", i));
    await until(() => valid.every((sha) => api.checkRuns.has(sha)), DEADLINE_MS / 4);
    const drained = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1000)); // and make sure no duplicate follows
    const latencies = results.filter((r) => r.valid).map((r) => r.ms);
    const exactlyOne = valid.every((sha) => api.checkRuns.get(sha)?.count === 1);
    const invalidWrites = [...api.checkRuns.keys()].filter((sha) => sha.startsWith("f")).length;
    console.log(
      `## validity: ${EVENTS} valid + ${INVALID} invalid deliveries over ${INSTALLATIONS} installations, concurrency ${CONCURRENCY}`,
    );
    console.log(
      `acknowledged ${(results.length / elapsed).toFixed(1)}/s over ${elapsed.toFixed(1)} s; all check runs after ${drained.toFixed(1)} s (${(EVENTS / drained).toFixed(2)} events/s end to end)`,
    );
    console.log(
      `response latency (valid): p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${pct(latencies, 0.99).toFixed(0)} ms`,
    );
    console.log(
      `server peak RSS ${peakRss.toFixed(0)} MB; API requests ${api.requests} (${(api.requests / EVENTS).toFixed(1)} per event)`,
    );
    console.log(
      `statuses: valid ${[...new Set(results.filter((r) => r.valid).map((r) => r.status))].join(",")}; invalid ${[...new Set(results.filter((r) => !r.valid).map((r) => r.status))].join(",")}`,
    );
    console.log(
      `every valid event exactly one check run: ${exactlyOne}; check runs for invalid events: ${invalidWrites}`,
    );
    if (!exactlyOne) fail("a valid event did not produce exactly one check run");
    if (invalidWrites > 0) fail("an invalid delivery produced a check run");
    reportViolations(api);
  } finally {
    app.stop();
    await api.close();
  }
}

function reportViolations(api: LoadApi): void {
  console.log(`requests outside GitHub's OpenAPI description: ${api.violations.length}`);
  if (api.violations.length) fail([...new Set(api.violations)].join("\n"));
}

/* ---------- 2. fairness ---------- */
async function timeToCheck(
  app: AppProcess,
  api: LoadApi,
  installation: number,
  tag: string,
): Promise<number> {
  const sha = shaOf(tag, 1);
  const start = performance.now();
  await deliver(
    app.port,
    "pull_request",
    JSON.stringify(pullRequest(installation, "Idle", 1, sha)),
    `idle-${tag}`,
  );
  await until(() => api.checkRuns.has(sha), 120_000);
  return (api.checkRuns.get(sha)?.at ?? Number.NaN) - start;
}

async function fairness(): Promise<void> {
  console.log("## fairness: a single PR in an idle installation while another is busy");
  {
    const api = await startLoadApi();
    const app = await startApp(api.url);
    try {
      const busy = Array.from({ length: 30 }, (_, i) =>
        deliver(
          app.port,
          "pull_request",
          JSON.stringify(pullRequest(101, "Busy", 100 + i, shaOf("b", i))),
          `busy-${i}`,
        ),
      );
      await new Promise((r) => setTimeout(r, 300));
      const ms = await timeToCheck(app, api, 202, "c");
      await Promise.all(busy);
      console.log(
        `30 events in flight in installation A: idle installation B's check after ${ms.toFixed(0)} ms (target ≤ ${FAIR_TARGET_MS})`,
      );
      if (!(ms <= FAIR_TARGET_MS)) fail("the idle installation waited behind the busy one");
    } finally {
      app.stop();
      await api.close();
    }
  }
  {
    const api = await startLoadApi();
    const owner = opened.repository.owner.login;
    api.openPulls.set(
      `${owner}/Frozen`,
      Array.from({ length: 500 }, (_, i) => pullRequest(303, "Frozen", 10 + i, shaOf("d", i)).pull_request),
    );
    const app = await startApp(api.url);
    try {
      const freeze = structuredClone(commented);
      freeze.comment = {
        ...freeze.comment,
        body: "/freeze for 2h incident",
        user: { ...freeze.comment.user, type: "User" },
      };
      freeze.repository = { ...freeze.repository, name: "Frozen", full_name: `${owner}/Frozen` };
      freeze.installation = { id: 303, node_id: "I_303" };
      const before = api.checkRuns.size;
      await deliver(app.port, "issue_comment", JSON.stringify(freeze), "freeze-1");
      const started = await until(() => api.checkRuns.size > before + 2, 60_000);
      const ms = await timeToCheck(app, api, 404, "e");
      const fanned = [...api.checkRuns.keys()].filter((sha) => sha.startsWith("d")).length;
      console.log(
        `500-PR freeze fan-out in installation A (${started ? `${fanned} PRs re-checked so far` : "did not start"}): idle installation B's check after ${ms.toFixed(0)} ms (target ≤ ${FAIR_TARGET_MS})`,
      );
      if (!started) fail("the freeze fan-out did not start");
      if (!(ms <= FAIR_TARGET_MS)) fail("the idle installation waited behind the fan-out");
    } finally {
      app.stop();
      await api.close();
    }
  }
}

/* ---------- 3. replicas ---------- */
async function replicas(): Promise<void> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000 });
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch (error) {
    if (process.env.CI === "true") return fail(`Redis at ${url} is unreachable under CI (${String(error)})`);
    console.log(`## replicas: skipped, no Redis at ${url} (${String(error)})`);
    return;
  }
  console.log(
    `## replicas on Redis: ${EVENTS} events over ${INSTALLATIONS} installations, concurrency ${CONCURRENCY}`,
  );
  console.log(
    "| replicas | events/s end to end | time to check p50 | p99 | Redis commands/event | RSS per replica (MB) |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const count of [1, 3]) {
    const prefix = `cg-load-${process.pid}-${count}`;
    const api = await startLoadApi();
    const apps = await Promise.all(
      Array.from({ length: count }, () =>
        startApp(api.url, { REDIS_URL: url, CHANGE_GATE_REDIS_PREFIX: prefix }),
      ),
    );
    try {
      const commandsBefore = await totalCommands(redis);
      const sent = new Map<string, number>();
      const started = performance.now();
      await pool(
        Array.from({ length: EVENTS }, (_, i) => async () => {
          const sha = shaOf(`r${count}`, i);
          const payload = JSON.stringify(pullRequest(1 + (i % INSTALLATIONS), "Hello-World", 2000 + i, sha));
          sent.set(sha, performance.now());
          await deliver(apps[i % count]!.port, "pull_request", payload, `replica-${count}-${i}`);
        }),
        CONCURRENCY,
      );
      await until(() => [...sent.keys()].every((sha) => api.checkRuns.has(sha)), DEADLINE_MS / 4);
      const elapsed = (performance.now() - started) / 1000;
      const commands = (await totalCommands(redis)) - commandsBefore;
      const times = [...sent].map(([sha, at]) => (api.checkRuns.get(sha)?.at ?? Number.NaN) - at);
      const once = [...sent.keys()].every((sha) => api.checkRuns.get(sha)?.count === 1);
      console.log(
        `| ${count} | ${(EVENTS / elapsed).toFixed(2)} | ${pct(times, 0.5).toFixed(0)} ms | ${pct(times, 0.99).toFixed(0)} ms | ${(commands / EVENTS).toFixed(0)} | ${apps.map((a) => a.rss().toFixed(0)).join(", ")} |`,
      );
      if (!once) fail(`${count} replica(s): an event did not produce exactly one check run`);
      reportViolations(api);
    } finally {
      for (const app of apps) app.stop();
      await api.close();
      await deleteKeys(prefix, redis);
    }
  }
  redis.disconnect();
}

async function totalCommands(redis: Redis): Promise<number> {
  const info = await redis.info("stats");
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

const deadline = setTimeout(() => {
  console.error("load test hit its deadline; stopping");
  process.exit(1);
}, DEADLINE_MS);
try {
  await validity();
  await fairness();
  await replicas();
} finally {
  clearTimeout(deadline);
}
if (failed) process.exitCode = 1;
process.exit();

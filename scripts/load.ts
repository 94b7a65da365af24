/**
 * `npm run load`: a bounded load test of the webhook server, loopback only.
 * Starts `node dist/app.js` against a local fake GitHub API, sends N signed `pull_request.opened` webhooks with
 * bounded concurrency, plus webhooks with invalid signatures and oversized bodies, then reports throughput,
 * p50/p99 latency, the server's peak RSS, and whether every valid event produced exactly one check run and every
 * invalid one none. Also checks every API request against GitHub's OpenAPI description.
 *   LOAD_EVENTS=40 LOAD_CONCURRENCY=10 npm run load
 * Writes go through Octokit's throttling plugin, which spaces mutating requests 1 s apart app-wide (GitHub's
 * guidance against secondary rate limits), so end-to-end throughput is bounded by writes, not by the server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { validateRequest } from "../test/contract/openapi.js";

const EVENTS = Number(process.env.LOAD_EVENTS ?? 40);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 10);
const INVALID = Math.max(10, Math.floor(EVENTS / 10));
const DEADLINE_MS = 240_000;
const SECRET = "load-test-secret";

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: Record<string, unknown>[];
}[];
const opened = examples
  .find((e) => e.name === "pull_request")!
  .examples.find((p) => p.action === "opened") as Record<string, any>;

/* ---------- a fake GitHub API on loopback ---------- */
const checkRuns = new Map<string, number>();
let apiRequests = 0;
const violations: string[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

async function fakeApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  apiRequests++;
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname.replace(/^\/api\/v3/, "");
  const text = await readBody(req);
  const body = text ? JSON.parse(text) : undefined;
  violations.push(
    ...validateRequest({
      method: req.method ?? "GET",
      url: `https://api.github.com${path}${url.search}`,
      body,
    }),
  );
  const json = (status: number, value: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  if (req.method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path))
    return json(201, {
      token: "ghs_load",
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      permissions: {},
    });
  if (req.method === "POST" && /\/check-runs$/.test(path)) {
    checkRuns.set(body.head_sha, (checkRuns.get(body.head_sha) ?? 0) + 1);
    return json(201, { id: checkRuns.size, ...body });
  }
  if (req.method === "GET" && /\/check-runs$/.test(path))
    return json(200, { total_count: 0, check_runs: [] });
  if (req.method === "GET" && /\/pulls\/\d+\/files$/.test(path))
    return json(200, [{ filename: "src/app.ts", additions: 3, deletions: 1 }]);
  if (req.method === "GET" && /\/issues$/.test(path)) return json(200, []);
  if (/\/issues\/\d+\/labels/.test(path))
    return json(200, body?.labels?.map((name: string) => ({ name })) ?? []);
  if (req.method === "GET" && /\/labels\//.test(path))
    return json(200, { name: "risk: low", color: "0e8a16" });
  if (req.method === "GET") return json(404, { message: "Not Found" });
  return json(req.method === "POST" ? 201 : 200, req.method === "DELETE" ? [] : {});
}

/* ---------- the App under test ---------- */
function sign(payload: string): string {
  return `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
}

async function post(
  port: number,
  payload: string,
  signature: string,
  id: string,
): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": id,
      "x-hub-signature-256": signature,
    },
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  await res.text();
  return { status: res.status, ms: performance.now() - t };
}

function rssOf(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/ping`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("dist/app.js did not start");
}

const api = createServer((req, res) => void fakeApi(req, res));
await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
const apiPort = (api.address() as AddressInfo).port;
const appPort = 30_000 + Math.floor(Math.random() * 20_000);
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const app = spawn(process.execPath, ["dist/app.js"], {
  env: {
    ...process.env,
    APP_ID: "1",
    PRIVATE_KEY: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    WEBHOOK_SECRET: SECRET,
    PORT: String(appPort),
    HOST: "127.0.0.1",
    GITHUB_API_URL: `http://127.0.0.1:${apiPort}`,
    LOG_LEVEL: "error",
    SWEEP_INTERVAL: "0",
  },
  // The server's logs (pino JSON, incl. refused deliveries) are not part of the report.
  stdio: ["ignore", "ignore", "ignore"],
});
const stopAll = () => {
  app.kill("SIGTERM");
  api.close();
};
const deadline = setTimeout(() => {
  console.error("load test hit its deadline; stopping");
  stopAll();
  process.exit(1);
}, DEADLINE_MS);

try {
  await waitForPort(appPort);
  const jobs: (() => Promise<{ status: number; ms: number; valid: boolean }>)[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const sha = i.toString(16).padStart(40, "0");
    const payload = JSON.stringify({
      ...opened,
      number: 1000 + i,
      pull_request: { ...opened.pull_request, number: 1000 + i, head: { ...opened.pull_request.head, sha } },
    });
    jobs.push(async () => ({ ...(await post(appPort, payload, sign(payload), `valid-${i}`)), valid: true }));
  }
  for (let i = 0; i < INVALID; i++) {
    const sha = `f${i.toString(16).padStart(39, "0")}`;
    const payload = JSON.stringify({
      ...opened,
      pull_request: { ...opened.pull_request, head: { ...opened.pull_request.head, sha } },
    });
    const oversized = i % 2 === 1;
    const body = oversized
      ? JSON.stringify({ ...JSON.parse(payload), padding: "x".repeat(26 * 1024 * 1024) })
      : payload;
    jobs.push(async () => ({
      ...(await post(
        appPort,
        body,
        oversized ? sign(body).replace(/.$/, "0") : "sha256=deadbeef",
        `invalid-${i}`,
      ).catch(() => ({ status: 0, ms: 0 }))),
      valid: false,
    }));
  }
  const results: { status: number; ms: number; valid: boolean }[] = [];
  const started = performance.now();
  let peakRss = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        results.push(await job());
        peakRss = Math.max(peakRss, rssOf(app));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Handlers keep running after the 202: wait (bounded) until every valid event's check run has been written.
  const drainStart = performance.now();
  while (checkRuns.size < EVENTS && performance.now() - drainStart < DEADLINE_MS / 2)
    await new Promise((r) => setTimeout(r, 250));
  const drained = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // and make sure no duplicate follows
  const valid = results.filter((r) => r.valid);
  const latencies = valid.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(0);
  const exactlyOne = [...Array(EVENTS).keys()].every(
    (i) => checkRuns.get(i.toString(16).padStart(40, "0")) === 1,
  );
  const invalidWrites = [...checkRuns.keys()].filter((sha) => sha.startsWith("f")).length;
  console.log(
    `events: ${EVENTS} valid + ${INVALID} invalid (bad signature / 26 MB body), concurrency ${CONCURRENCY}`,
  );
  console.log(
    `webhooks acknowledged: ${(results.length / elapsed).toFixed(1)}/s over ${elapsed.toFixed(1)} s; all check runs written after ${drained.toFixed(1)} s (${(EVENTS / drained).toFixed(2)} events/s end to end)`,
  );
  console.log(`webhook response latency (valid): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);
  console.log(
    `server peak RSS: ${peakRss.toFixed(0)} MB; API requests: ${apiRequests} (${(apiRequests / EVENTS).toFixed(1)} per event)`,
  );
  console.log(
    `statuses: valid ${[...new Set(valid.map((r) => r.status))].join(",")}; invalid ${[...new Set(results.filter((r) => !r.valid).map((r) => r.status))].join(",")}`,
  );
  console.log(
    `every valid event produced exactly one check run: ${exactlyOne}; check runs for invalid events: ${invalidWrites}`,
  );
  console.log(
    `requests violating GitHub's OpenAPI description: ${violations.length}${violations.length ? `\n${[...new Set(violations)].join("\n")}` : ""}`,
  );
  if (!exactlyOne || invalidWrites > 0 || violations.length > 0) process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  stopAll();
}

// N replicas of `node dist/app.js` on one real Redis, GitHub replaced by a loopback fake: what users of a scaled-out
// App observe — one check run per delivery whichever replicas it reaches, and a held deployment approved once, at the
// end of its freeze, by a surviving replica after the one that held it was killed.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { example } from "../app/harness.js";
import { PAYLOAD } from "../deploy/helpers.js";
import { type AppBundle, postDelivery, startAppBundle } from "../support/app-bundle.js";
import { type FakeGitHub, type Recorded, type Route, startFakeGitHub } from "../support/fake-github.js";
import { deleteKeys, REDIS_URL, redisAvailable, testPrefix } from "./redis.js";

const SECRET = "replica-secret";
const available = await redisAvailable();
const prefix = testPrefix();
const replicas: AppBundle[] = [];
let fake: FakeGitHub | undefined;
// The bundle as the Docker image ships it: dist/ alone, no node_modules to fall back on.
const shipped = mkdtempSync(join(tmpdir(), "cg-dist-"));
cpSync("dist", join(shipped, "dist"), { recursive: true });

async function startReplica(apiUrl: string) {
  const replica = await startAppBundle({
    apiUrl,
    secret: SECRET,
    cwd: shipped,
    env: { REDIS_URL, CHANGE_GATE_REDIS_PREFIX: prefix },
  });
  replicas.push(replica);
  return replica;
}

async function deliver(port: number, name: string, payload: object, id: string): Promise<number> {
  const res = await postDelivery(port, SECRET, name, payload, id);
  await res.text();
  return res.status;
}

/** Poll (100 ms steps, bounded) until `done` holds; the App writes after it acknowledges. */
async function until(done: () => boolean, ms = 8_000): Promise<void> {
  for (let waited = 0; waited < ms && !done(); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

const TOKEN: Route = {
  method: "POST",
  path: /^\/app\/installations\/\d+\/access_tokens$/,
  status: 201,
  body: { token: "ghs_replica", expires_at: "2099-01-01T00:00:00Z" },
};

function prRoutes(): Route[] {
  return [
    TOKEN,
    { method: "GET", path: /\/issues$/, body: [] },
    { method: "GET", path: /\/check-runs$/, body: { total_count: 0, check_runs: [] } },
    {
      method: "POST",
      path: /\/check-runs$/,
      status: 201,
      body: (req) => ({ id: 77, ...(req.body as object) }),
    },
    {
      method: "POST",
      path: /\/issues\/\d+\/labels$/,
      body: (req) =>
        ((req.body as { labels?: string[] }).labels ?? []).map((name) => ({
          name,
          color: "d93f0b",
          description: "d",
        })),
    },
  ];
}

const checkRunsBySha = (requests: Recorded[]) => {
  const counts = new Map<string, number>();
  for (const r of requests)
    if (r.method === "POST" && r.path.endsWith("/check-runs")) {
      const sha = (r.body as { head_sha: string }).head_sha;
      counts.set(sha, (counts.get(sha) ?? 0) + 1);
    }
  return counts;
};

function pullRequestEvent(i: number) {
  const payload = example("pull_request", "opened") as {
    number: number;
    pull_request: { number: number; head: { sha: string } };
    installation: { id: number };
  };
  const sha = (0xabc000 + i).toString(16).padStart(40, "0");
  payload.number = 100 + i;
  payload.pull_request.number = 100 + i;
  payload.pull_request.head.sha = sha;
  // Each installation has its own write queue: spread over several, as a busy App is.
  payload.installation.id = 1 + (i % 10);
  return payload;
}

afterEach(async () => {
  for (const r of replicas.splice(0)) r.child.kill("SIGKILL");
  await fake?.close();
  fake = undefined;
});

afterAll(async () => {
  rmSync(shipped, { recursive: true, force: true });
  if (available) await deleteKeys(prefix);
});

describe.skipIf(!available)("replicas on one Redis", () => {
  beforeAll(async () => {
    await deleteKeys(prefix);
  });

  it("the same delivery posted to two replicas writes one check run", async () => {
    fake = await startFakeGitHub(prRoutes());
    const [a, b] = await Promise.all([startReplica(fake.url), startReplica(fake.url)]);
    const payload = pullRequestEvent(1);
    const statuses = await Promise.all([
      deliver(a!.port, "pull_request", payload, "dup-delivery-1"),
      deliver(b!.port, "pull_request", payload, "dup-delivery-1"),
    ]);
    expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
    await until(() => checkRunsBySha(fake!.requests).size > 0);
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
    expect([...checkRunsBySha(fake.requests).values()]).toEqual([1]);
  });

  it("20 events spread over three replicas write exactly one check run each", async () => {
    fake = await startFakeGitHub(prRoutes());
    const three = await Promise.all([startReplica(fake.url), startReplica(fake.url), startReplica(fake.url)]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deliver(three[i % 3]!.port, "pull_request", pullRequestEvent(10 + i), `spread-${i}`),
      ),
    );
    // And every delivery redelivered to the next replica, as GitHub's "Redeliver" or a retrying balancer would.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deliver(three[(i + 1) % 3]!.port, "pull_request", pullRequestEvent(10 + i), `spread-${i}`),
      ),
    );
    await until(() => checkRunsBySha(fake!.requests).size >= 20, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const counts = checkRunsBySha(fake.requests);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it("a deployment held by replica A is approved once, at the end of the freeze, by replica B after A is killed", async () => {
    const payload = structuredClone(PAYLOAD);
    const repo = `/repos/${payload.repository.owner.login}/${payload.repository.name}`;
    // GitHub's clock, as the App reads it from the Date header: a freeze ends 3 s after "now" on a whole minute.
    const real = Date.now();
    const freezeEnd = Math.ceil((real + 3 * 60_000) / 60_000) * 60_000;
    // Set again just before the delivery: replicas take a moment to start.
    let offset = freezeEnd - 3_000 - real;
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    const config = [
      "timezone: UTC",
      "description: { template: none }",
      "freezes:",
      `  - { name: Launch, from: "${minute(freezeEnd - 3_600_000)}", to: "${minute(freezeEnd)}" }`,
      "",
    ].join("\n");
    const body =
      "## Rollback plan\nRevert the merge commit and redeploy v1.4.2.\n\n## Blast radius\nOnly checkout; worst case checkout is down 5 minutes.\n";
    fake = await startFakeGitHub(
      [
        TOKEN,
        {
          method: "GET",
          path: `${repo}/contents/.github/change-gate.yml`,
          headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
          body: config,
        },
        { method: "GET", path: /\/issues$/, body: [] },
        { method: "GET", path: /\/issues\/comments$/, body: [] },
        { method: "GET", path: /\/issues\/\d+\/comments$/, body: [] },
        {
          method: "GET",
          path: `${repo}/commits/${payload.deployment.sha}/pulls`,
          body: [
            {
              number: 9,
              body,
              draft: false,
              merged_at: "2026-11-24T09:00:00Z",
              labels: [],
              user: { login: "dev", type: "User" },
            },
          ],
        },
        { method: "POST", path: /\/deployment_protection_rule$/, status: 204 },
      ],
      { now: () => new Date(Date.now() + offset) },
    );
    payload.deployment_callback_url = String(payload.deployment_callback_url).replace(
      "https://api.github.com",
      fake.url,
    );
    const a = await startReplica(fake.url);
    const b = await startReplica(fake.url);
    const reviews = () =>
      fake!.requests.filter(
        (r) =>
          r.method === "POST" &&
          r.path.endsWith("/deployment_protection_rule") &&
          "state" in (r.body as object),
      );
    const reports = () =>
      fake!.requests.filter(
        (r) =>
          r.method === "POST" &&
          r.path.endsWith("/deployment_protection_rule") &&
          !("state" in (r.body as object)),
      );
    offset = freezeEnd - 3_000 - Date.now();
    expect(await deliver(a.port, "deployment_protection_rule", payload, "held-1")).toBeLessThan(300);
    await until(() => reports().length > 0);
    expect(reviews()).toHaveLength(0);
    expect((reports()[0]?.body as { comment?: string } | undefined)?.comment).toMatch(
      /^Waiting for freeze \*\*Launch\*\* to end: opens .* \(in [1-3]s\)/,
    );
    a.child.kill("SIGKILL");
    await until(() => reviews().length > 0, 10_000);
    const approvedAt = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    expect(reviews()).toHaveLength(1);
    expect(reviews()[0]?.body).toMatchObject({ state: "approved", environment_name: payload.environment });
    expect(approvedAt + offset).toBeGreaterThanOrEqual(freezeEnd - 1_000);
    expect(b.output()).not.toContain("ghs_replica");
  }, 30_000);
});

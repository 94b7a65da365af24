// The Redis pieces replicas coordinate through, against a real Redis: each is used by two "replicas" (two clients)
// at once, as two processes would.
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisDeliveries } from "../../src/app/cluster/delivery-once.js";
import { RedisDeploymentClaims } from "../../src/app/cluster/deploy-lock.js";
import { BullJobs, jobId } from "../../src/app/cluster/durable-jobs.js";
import { deleteKeys, REDIS_URL, redisAvailable, testPrefix } from "./redis.js";

const available = await redisAvailable();
const prefix = testPrefix();
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  clients.push(c);
  return c;
};

afterAll(async () => {
  for (const c of clients) c.disconnect();
  if (available) await deleteKeys(prefix);
});

describe.skipIf(!available)("Redis coordination", () => {
  it("a delivery id is claimed by exactly one of two replicas", async () => {
    const a = new RedisDeliveries(client(), prefix);
    const b = new RedisDeliveries(client(), prefix);
    const claims = await Promise.all([a.claim("d-1"), b.claim("d-1"), a.claim("d-1"), b.claim("d-2")]);
    expect(claims.filter((c, i) => i < 3 && c)).toHaveLength(1);
    expect(claims[3]).toBe(true);
    // d-1 succeeded: remembered. d-2 failed: released, so GitHub's "Redeliver" is acted on again.
    await a.settle("d-1", true);
    await b.settle("d-2", false);
    expect(await b.claim("d-1")).toBe(false);
    expect(await a.claim("d-2")).toBe(true);
  });

  it("one replica decides a deployment; the other stands down, and a settled one is not decided again", async () => {
    const a = new RedisDeploymentClaims(client(), prefix);
    const b = new RedisDeploymentClaims(client(), prefix);
    let release: () => void = () => {};
    const held = a.exclusive(
      "o/r#1@prod",
      () => new Promise<string>((r) => (release = () => r("a"))),
      "busy",
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.exclusive("o/r#1@prod", async () => "b", "busy")).toBe("busy");
    release();
    expect(await held).toBe("a");
    expect(await b.exclusive("o/r#1@prod", async () => "b", "busy")).toBe("b");
    await a.markSettled("o/r#1@prod");
    expect(await b.isSettled("o/r#1@prod")).toBe(true);
    await b.clearSettled("o/r#1@prod");
    expect(await a.isSettled("o/r#1@prod")).toBe(false);
  });

  it("a job scheduled twice (by two replicas) runs once, on one of them, when it is due", async () => {
    const errors: string[] = [];
    const a = new BullJobs(client(), prefix, (m) => errors.push(m));
    const b = new BullJobs(client(), prefix, (m) => errors.push(m));
    const ran: string[] = [];
    a.handle("deployment", async (data) => void ran.push(`a:${data.key}`));
    b.handle("deployment", async (data) => void ran.push(`b:${data.key}`));
    const now = new Date();
    const at = new Date(now.getTime() + 300);
    await Promise.all([
      a.at("deployment", "o/r#1@prod", { key: "k1" }, at, now),
      b.at("deployment", "o/r#1@prod", { key: "k1" }, at, now),
    ]);
    for (let i = 0; i < 40 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([a.close(), b.close()]);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatch(/^[ab]:k1$/);
    expect(errors).toEqual([]);
  });

  it("job ids carry the due time and never a colon (BullMQ refuses one)", () => {
    expect(jobId("boundary", "acme/api", new Date("2026-12-01T08:00:00Z"))).toBe(
      "boundary|acme/api|1796112000000",
    );
    expect(jobId("deployment", "a:b", new Date(0))).not.toContain(":");
  });
});

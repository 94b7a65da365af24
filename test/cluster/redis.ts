// Tests of the Redis mode use a real Redis (127.0.0.1:6379 unless REDIS_URL says otherwise). Under CI it must be
// there and a test fails without it; on a laptop without Redis these tests are skipped with the reason printed.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI === "true")
      throw new Error(
        `Redis at ${REDIS_URL} is unreachable under CI (${String(error)}); the Redis tests must run`,
      );
    console.warn(`skipping Redis tests: no Redis at ${REDIS_URL} (${String(error)})`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** A prefix of its own per test file, so runs never see each other's keys; deleted afterwards. */
export function testPrefix(): string {
  return `cg-test-${randomUUID().slice(0, 8)}`;
}

/** Ours (`prefix:*`) and Bottleneck's throttling state (`b_octokit-…-prefix:…`); `client` is left connected. */
export async function deleteKeys(prefix: string, client?: Redis): Promise<void> {
  const redis = client ?? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`${prefix}:*`, `b_*${prefix}:*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
    }
  } finally {
    if (!client) redis.disconnect();
  }
}

import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Replicas must not answer one deployment twice: a webhook on one replica and a due job on another may race for it.
 * The lock makes one of them act; the settled mark makes a later arrival (a timer left over, a slow replica) stand
 * down. GitHub stays the source of truth: the mark only spares a second, refused, review.
 */
export interface DeploymentClaims {
  /** Run `work` if no other replica holds `key`; otherwise `busy`. */
  exclusive<T>(key: string, work: () => Promise<T>, busy: T): Promise<T>;
  isSettled(key: string): Promise<boolean>;
  markSettled(key: string): Promise<void>;
  /** A new protection-rule request for the same run (a re-run) is decided afresh. */
  clearSettled(key: string): Promise<void>;
}

const LOCK_MS = 120_000;
const SETTLED_MS = 31 * 24 * 3_600_000;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisDeploymentClaims implements DeploymentClaims {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async exclusive<T>(key: string, work: () => Promise<T>, busy: T): Promise<T> {
    const lock = `${this.prefix}:deploy-lock:${key}`;
    const token = randomUUID();
    if ((await this.redis.set(lock, token, "PX", LOCK_MS, "NX")) !== "OK") return busy;
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
    }
  }

  async isSettled(key: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:deploy-settled:${key}`)) === 1;
  }

  async markSettled(key: string): Promise<void> {
    await this.redis.set(`${this.prefix}:deploy-settled:${key}`, "1", "PX", SETTLED_MS);
  }

  async clearSettled(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}:deploy-settled:${key}`);
  }
}

import type { Redis } from "ioredis";

/**
 * Whether a webhook delivery (`X-GitHub-Delivery`) is seen for the first time. GitHub redelivers on request and load
 * balancers retry, so the same delivery can reach the App (or several replicas) more than once; only the first is
 * acted on. Claimed after the signature is verified, so an unsigned request cannot burn a delivery id.
 */
export interface DeliveryOnce {
  claim(deliveryId: string): Promise<boolean>;
}

/** How long a delivery id is remembered: GitHub lets a delivery be redelivered for 3 days. */
export const DELIVERY_MEMORY_MS = 4 * 24 * 3_600_000;

/** One process: a bounded memory of recent delivery ids (the oldest are forgotten first). */
export class MemoryDeliveries implements DeliveryOnce {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 50_000) {}

  async claim(deliveryId: string): Promise<boolean> {
    if (this.seen.has(deliveryId)) return false;
    this.seen.add(deliveryId);
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }
}

/** Replicas: one `SET NX` per delivery, cluster-wide. A Redis error rejects, and the delivery fails (GitHub keeps it). */
export class RedisDeliveries implements DeliveryOnce {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(deliveryId: string): Promise<boolean> {
    const set = await this.redis.set(
      `${this.prefix}:delivery:${deliveryId}`,
      "1",
      "PX",
      DELIVERY_MEMORY_MS,
      "NX",
    );
    return set === "OK";
  }
}

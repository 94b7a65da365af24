import type { Redis } from "ioredis";

/**
 * Whether a webhook delivery (`X-GitHub-Delivery`) is acted on. GitHub redelivers on request and load balancers retry,
 * so the same delivery can reach the App (or several replicas) more than once; only one copy is acted on. Claimed
 * after the signature is verified, so an unsigned request cannot burn a delivery id. A delivery whose handling failed
 * is released, so GitHub's "Redeliver" still retries it; one that succeeded is remembered while GitHub can redeliver.
 */
export interface DeliveryOnce {
  /** True for the copy that should act; false while another copy is in flight or after one succeeded. */
  claim(deliveryId: string): Promise<boolean>;
  /** The claimed copy finished: remember success, forget failure. */
  settle(deliveryId: string, succeeded: boolean): Promise<void>;
}

/** How long a handled delivery id is remembered: GitHub lets a delivery be redelivered for 3 days. */
export const DELIVERY_MEMORY_MS = 4 * 24 * 3_600_000;
/** How long a claim holds while its handler runs; a replica killed mid-delivery frees its claim after this. */
export const DELIVERY_CLAIM_MS = 10 * 60_000;

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

  async settle(deliveryId: string, succeeded: boolean): Promise<void> {
    if (!succeeded) this.seen.delete(deliveryId);
  }
}

/** Replicas: one `SET NX` per delivery, cluster-wide. A Redis error rejects, and the delivery fails (GitHub keeps it). */
export class RedisDeliveries implements DeliveryOnce {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(deliveryId: string): Promise<boolean> {
    const set = await this.redis.set(this.key(deliveryId), "claimed", "PX", DELIVERY_CLAIM_MS, "NX");
    return set === "OK";
  }

  async settle(deliveryId: string, succeeded: boolean): Promise<void> {
    if (succeeded) await this.redis.set(this.key(deliveryId), "done", "PX", DELIVERY_MEMORY_MS);
    else await this.redis.del(this.key(deliveryId));
  }

  private key(deliveryId: string): string {
    return `${this.prefix}:delivery:${deliveryId}`;
  }
}

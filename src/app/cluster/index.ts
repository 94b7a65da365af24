import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import type { ProbotOctokit } from "probot";
import { type DeliveryOnce, RedisDeliveries } from "./delivery-once.js";
import { type DeploymentClaims, RedisDeploymentClaims } from "./deploy-lock.js";
import { BullJobs, type DurableJobs } from "./durable-jobs.js";
import { throttledOctokit } from "./throttle.js";

/** What replicas share through Redis; absent in the default single-process App. */
export interface Cluster {
  deliveries: DeliveryOnce;
  Octokit: typeof ProbotOctokit;
  jobs: DurableJobs;
  claims: DeploymentClaims;
  close(): Promise<void>;
}

/**
 * Connect to Redis and build the shared parts. Fails (and the App does not start) when Redis cannot be reached, so a
 * replica never runs alone believing it is part of a cluster.
 */
export async function startCluster(options: {
  url: string;
  prefix: string;
  onError: (message: string) => void;
}): Promise<Cluster> {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  redis.on("error", (error: Error) => options.onError(`redis: ${error.message}`));
  await redis.connect();
  await redis.ping();
  const jobs = new BullJobs(redis, options.prefix, options.onError);
  return {
    deliveries: new RedisDeliveries(redis, options.prefix),
    Octokit: throttledOctokit({
      prefix: options.prefix,
      shared: {
        Bottleneck,
        connection: new Bottleneck.IORedisConnection({
          client: redis.duplicate({ lazyConnect: false }),
          // Given, not looked up: Bottleneck's own lookup is a hidden `require` that no bundle can satisfy.
          Redis,
        }),
      },
    }),
    jobs,
    claims: new RedisDeploymentClaims(redis, options.prefix),
    close: async () => {
      await jobs.close();
      redis.disconnect();
    },
  };
}

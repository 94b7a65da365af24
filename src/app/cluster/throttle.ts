import type Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

/**
 * Where replicas share their throttling queues: Bottleneck's full build and its Redis connection. Built by
 * `startCluster` (cluster/index.ts), so the default single-process App loads neither ioredis nor that build.
 */
export interface SharedThrottle {
  Bottleneck: typeof Bottleneck;
  connection: Bottleneck.IORedisConnection;
}

/**
 * Octokit with its throttling queues keyed per installation and, with `shared`, shared by every replica: GitHub paces
 * content-creating requests per token, so one busy installation must not delay another. The key comes from the
 * client's own installation id (the App's JWT client, which has none, gets `app`), never from options an earlier
 * client passed on. The prefix namespaces the keys, so several Apps can share one Redis.
 */
export function throttledOctokit(options: { prefix: string; shared?: SharedThrottle }): typeof ProbotOctokit {
  const { shared } = options;
  return ProbotOctokit.defaults((instance: Record<string, unknown>) => {
    const throttle = (instance.throttle ?? {}) as Record<string, unknown>;
    if (throttle.enabled === false) return instance;
    return {
      ...instance,
      throttle: {
        ...throttle,
        id: throttleKey(
          options.prefix,
          (instance.auth as { installationId?: unknown } | undefined)?.installationId,
        ),
        ...(shared ? { Bottleneck: shared.Bottleneck, connection: shared.connection } : {}),
      },
    };
  }) as typeof ProbotOctokit;
}

/** `prefix:<installation id>` for installation clients, `prefix:app` for the App's JWT client. */
export function throttleKey(prefix: string, installationId: unknown): string {
  const id = Number(installationId);
  return Number.isSafeInteger(id) && id > 0 ? `${prefix}:${id}` : `${prefix}:app`;
}

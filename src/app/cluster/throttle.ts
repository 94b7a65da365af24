import Bottleneck from "bottleneck";
import { Redis as IORedis, type Redis } from "ioredis";
import { ProbotOctokit } from "probot";

/**
 * Octokit with its throttling queues keyed per installation and, with Redis, shared by every replica: GitHub paces
 * content-creating requests per token, so one busy installation must not delay another. The key comes from the
 * client's own installation id (the App's JWT client, which has none, gets `app`), never from options an earlier
 * client passed on. The prefix namespaces the keys, so several Apps can share one Redis.
 */
export function throttledOctokit(options: { prefix: string; redis?: Redis }): typeof ProbotOctokit {
  const connection = options.redis
    ? new Bottleneck.IORedisConnection({
        client: options.redis.duplicate({ lazyConnect: false }),
        // Given, not looked up: Bottleneck's own lookup is a hidden `require` that no bundle can satisfy.
        Redis: IORedis,
      })
    : undefined;
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
        ...(connection ? { Bottleneck, connection } : {}),
      },
    };
  }) as typeof ProbotOctokit;
}

/** `prefix:<installation id>` for installation clients, `prefix:app` for the App's JWT client. */
export function throttleKey(prefix: string, installationId: unknown): string {
  const id = Number(installationId);
  return Number.isSafeInteger(id) && id > 0 ? `${prefix}:${id}` : `${prefix}:app`;
}

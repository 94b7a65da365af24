import { createServer, type Server } from "node:http";
import { Probot } from "probot";
import { changeGate } from "./app.js";
import { type DeliveryOnce, MemoryDeliveries } from "./cluster/delivery-once.js";
import type { Cluster } from "./cluster/index.js";
import { throttledOctokit } from "./cluster/throttle.js";
import { type AppSettings, DEFAULT_REDIS_PREFIX } from "./settings.js";
import { DEFAULT_SWEEP_INTERVAL_MS } from "./sweep.js";
import { createWebhookHandler, type WebhookReceiver } from "./webhook-server.js";

const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

/**
 * Start the webhook server. Every request is guarded before its body is read and every delivery's signature is checked
 * before it is acknowledged (webhook-server.ts; a secret is required). Octokit's retry and throttling plugins stay at
 * Probot's defaults, but the throttling queues are per installation (cluster/throttle.ts), so secondary rate limits
 * are waited out, not hit, and one busy installation does not hold up another. With `REDIS_URL` the App is one of N
 * replicas (cluster/): deliveries, throttling, held deployments and timers are shared through Redis.
 */
export async function startServer(settings: AppSettings): Promise<Server> {
  // Redis and BullMQ load only for replicas: the default App neither needs nor parses them.
  const prefix = settings.redisPrefix ?? DEFAULT_REDIS_PREFIX;
  const cluster: Cluster | null = settings.redisUrl
    ? await (await import("./cluster/index.js")).startCluster({
        url: settings.redisUrl,
        prefix,
        onError: (message) => console.error(`change-gate: ${message}`),
      })
    : null;
  const deliveries: DeliveryOnce = cluster?.deliveries ?? new MemoryDeliveries();
  const probot = new Probot({
    Octokit: cluster?.Octokit ?? throttledOctokit({ prefix }),
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
  });
  let stop = () => {};
  const appFn = changeGate(
    {
      appId: settings.appId,
      sweepIntervalMs: settings.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
      cluster: cluster ?? undefined,
    },
    (runtime) => {
      stop = () => runtime.sweep?.stop();
    },
  );
  const webhookPath = settings.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  await probot.ready();
  await probot.load(appFn, { cwd: process.cwd(), addHandler: () => {} });
  const log = probot.log;
  // A delivery is acted on once (GitHub redelivers, load balancers retry): claimed only after its signature checked out.
  const receiver: WebhookReceiver = {
    verify: (payload, signature) => probot.webhooks.verify(payload, signature),
    receive: async (event) => {
      if (!(await deliveries.claim(event.id))) {
        log.info(`delivery ${event.id} was already handled (or is being handled); ignoring the repeat`);
        return;
      }
      try {
        await probot.webhooks.receive(event);
      } catch (error) {
        // Failed: a redelivery may try again (the gate already failed closed; nothing was passed).
        await deliveries.settle(event.id, false).catch(() => undefined);
        throw error;
      }
      await deliveries.settle(event.id, true);
    },
  };
  const server = createServer(
    createWebhookHandler({
      path: webhookPath,
      receiver,
      log: { error: (message) => log.error(message) },
    }),
  );
  await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve));
  probot.log.info(`change-gate listening on http://${settings.host}:${settings.port}${webhookPath}`);
  const shutdown = () => {
    stop();
    server.close(() => void (cluster?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

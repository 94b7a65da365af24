import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createNodeMiddleware } from "@octokit/webhooks";
import { Probot } from "probot";
import { changeGate } from "./app.js";
import { type DeliveryOnce, MemoryDeliveries } from "./cluster/delivery-once.js";
import type { Cluster } from "./cluster/index.js";
import { throttledOctokit } from "./cluster/throttle.js";
import type { AppSettings } from "./settings.js";
import { DEFAULT_SWEEP_INTERVAL_MS } from "./sweep.js";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub and is refused before it is read. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
/**
 * How long a delivery may wait for its handler before it is acknowledged with 202 (the handler goes on). GitHub
 * gives up after 10 s, and writes are spaced 1 s apart by the throttling plugin, so a burst must not hold responses.
 */
export const WEBHOOK_ACK_MS = 2_000;

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: message }));
}

/**
 * An unauthenticated peer could otherwise make the server buffer any number of bytes before the signature is
 * checked: refuse unknown or oversized lengths first (GitHub always sends Content-Length).
 */
export function refuseOversized(req: IncomingMessage, res: ServerResponse, webhookPath: string): boolean {
  if (req.method !== "POST" || !req.url?.startsWith(webhookPath)) return false;
  const length = req.headers["content-length"];
  if (length === undefined) {
    reply(res, 411, "Content-Length is required");
    req.destroy();
    return true;
  }
  if (!/^\d+$/.test(length) || Number(length) > MAX_WEBHOOK_BYTES) {
    reply(res, 413, `payload larger than ${MAX_WEBHOOK_BYTES} bytes`);
    req.destroy();
    return true;
  }
  return false;
}

/**
 * Start the webhook server. Signature verification is Probot's and always on (a secret is required); Octokit's
 * retry and throttling plugins stay at Probot's defaults, so secondary rate limits are waited out, not hit.
 */
export async function startServer(settings: AppSettings): Promise<Server> {
  // Redis and BullMQ load only for replicas: the default App neither needs nor parses them.
  const cluster: Cluster | null = settings.redisUrl
    ? await (await import("./cluster/index.js")).startCluster({
        url: settings.redisUrl,
        prefix: settings.redisPrefix,
        onError: (message) => console.error(`change-gate: ${message}`),
      })
    : null;
  const deliveries: DeliveryOnce = cluster?.deliveries ?? new MemoryDeliveries();
  const probot = new Probot({
    Octokit: cluster?.Octokit ?? throttledOctokit({ prefix: settings.redisPrefix }),
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
  // Probot initialises itself on its first middleware request; ours replaces it only to set the acknowledgement time.
  await probot.getNodeMiddleware({ path: webhookPath });
  await probot.load(appFn, { cwd: process.cwd(), addHandler: () => {} });
  // A delivery is acted on once (GitHub redelivers, load balancers retry): claimed only after its signature checks out.
  const onceWebhooks = {
    verifyAndReceive: async (event: Parameters<typeof probot.webhooks.verifyAndReceive>[0]) => {
      if (
        (await probot.webhooks.verify(event.payload, event.signature).catch(() => false)) &&
        !(await deliveries.claim(event.id))
      ) {
        probot.log.info(`delivery ${event.id} was already handled; ignoring the repeat`);
        return;
      }
      return probot.webhooks.verifyAndReceive(event);
    },
  } as unknown as typeof probot.webhooks;
  const middleware = createNodeMiddleware(onceWebhooks, {
    path: webhookPath,
    log: probot.log,
    timeout: WEBHOOK_ACK_MS,
  });
  const server = createServer((req, res) => {
    if (refuseOversized(req, res, webhookPath)) return;
    if (req.method === "GET" && req.url === "/ping") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("PONG");
      return;
    }
    void Promise.resolve(middleware(req, res, () => reply(res, 404, "not found"))).catch((error: unknown) => {
      probot.log.error({ err: error instanceof Error ? error.message : String(error) }, "request failed");
      if (!res.headersSent) reply(res, 500, "internal error");
    });
  });
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

import { createServer, type Server } from "node:http";
import { Probot } from "probot";
import { changeGate } from "./app.js";
import type { AppSettings } from "./settings.js";
import { DEFAULT_SWEEP_INTERVAL_MS } from "./sweep.js";
import { createWebhookHandler } from "./webhook-server.js";

const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

/**
 * Start the webhook server. Every request is guarded before its body is read and every delivery's signature is checked
 * before it is acknowledged (webhook-server.ts; a secret is required). Octokit's retry and throttling plugins stay at
 * Probot's defaults, so secondary rate limits are waited out, not hit.
 */
export async function startServer(settings: AppSettings): Promise<Server> {
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
  });
  let stop = () => {};
  const appFn = changeGate(
    { appId: settings.appId, sweepIntervalMs: settings.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS },
    (runtime) => {
      stop = () => runtime.sweep?.stop();
    },
  );
  const webhookPath = settings.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  await probot.ready();
  await probot.load(appFn, { cwd: process.cwd(), addHandler: () => {} });
  const log = probot.log;
  const server = createServer(
    createWebhookHandler({
      path: webhookPath,
      receiver: probot.webhooks,
      log: { error: (message) => log.error(message) },
    }),
  );
  await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve));
  probot.log.info(`change-gate listening on http://${settings.host}:${settings.port}${webhookPath}`);
  const shutdown = () => {
    stop();
    server.close(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

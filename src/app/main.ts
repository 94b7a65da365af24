import { Probot, Server } from "probot";
import { changeGate } from "./app.js";
import type { AppSettings } from "./settings.js";
import { DEFAULT_SWEEP_INTERVAL_MS } from "./sweep.js";

/**
 * Start the webhook server. Signature verification is Probot's and always on (a secret is required); Octokit's
 * retry and throttling plugins stay at Probot's defaults, so secondary rate limits are waited out, not hit.
 */
export async function startServer(settings: AppSettings): Promise<Server> {
  const server = new Server({
    Probot: Probot.defaults({
      appId: settings.appId,
      privateKey: settings.privateKey,
      secret: settings.webhookSecret,
      baseUrl: settings.baseUrl,
      logLevel: settings.logLevel,
    }),
    port: settings.port,
    host: settings.host,
    webhookPath: settings.webhookPath,
    enableStaticFiles: false,
  });
  let stop = () => {};
  const appFn = changeGate(
    { appId: settings.appId, sweepIntervalMs: settings.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS },
    (runtime) => {
      stop = () => runtime.sweep?.stop();
    },
  );
  // Probot's Server builds its own logger at "info"; LOG_LEVEL applies to the app's.
  await server.load((app, options) => {
    app.log.level = settings.logLevel;
    return appFn(app, options);
  });
  await server.start();
  const shutdown = () => {
    stop();
    void server.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

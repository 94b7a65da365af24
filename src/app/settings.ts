import { readFileSync } from "node:fs";
import { parseDuration } from "./app.js";

/** Everything the server reads from its environment, in one typed place. */
export interface AppSettings {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  /** REST base URL: GitHub Enterprise Server (`GHE_HOST`) or any API (`GITHUB_API_URL`); undefined = api.github.com. */
  baseUrl: string | undefined;
  webhookPath: string | undefined;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  sweepIntervalMs: number | null;
  /** `REDIS_URL`: run as one of N replicas sharing Redis; unset = one self-contained process. */
  redisUrl?: string;
  /** `CHANGE_GATE_REDIS_PREFIX`: namespaces every key, so several Apps can share one Redis. */
  redisPrefix?: string;
}

export const DEFAULT_REDIS_PREFIX = "change-gate";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

/** Read and check the settings; a missing secret or key stops start-up with a message naming the variable. */
export function readAppSettings(env: NodeJS.ProcessEnv): AppSettings {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set; see docs/app.md`);
    return value;
  };
  const appId = Number(required("APP_ID"));
  if (!Number.isInteger(appId) || appId <= 0)
    throw new Error(`APP_ID "${env.APP_ID}" is not a GitHub App id`);
  const privateKey = env.PRIVATE_KEY
    ? env.PRIVATE_KEY.replace(/\\n/g, "\n")
    : env.PRIVATE_KEY_PATH
      ? readFileSync(env.PRIVATE_KEY_PATH, "utf8")
      : required("PRIVATE_KEY");
  const logLevel = (env.LOG_LEVEL ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new Error(`LOG_LEVEL "${env.LOG_LEVEL}" must be one of ${LOG_LEVELS.join(", ")}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT "${env.PORT}" is not a port`);
  return {
    appId,
    privateKey,
    webhookSecret: required("WEBHOOK_SECRET"),
    port,
    host: env.HOST ?? "0.0.0.0",
    baseUrl: env.GHE_HOST
      ? `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3`
      : (env.GITHUB_API_URL ?? undefined),
    webhookPath: env.WEBHOOK_PATH,
    logLevel: logLevel as AppSettings["logLevel"],
    sweepIntervalMs: parseDuration(env.SWEEP_INTERVAL),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: redisPrefix(env.CHANGE_GATE_REDIS_PREFIX),
  };
}

/** Letters, digits and `-_.`; a colon would split BullMQ's and our keys in two. */
function redisPrefix(value: string | undefined): string {
  const prefix = value?.trim() || DEFAULT_REDIS_PREFIX;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(prefix))
    throw new Error(
      `CHANGE_GATE_REDIS_PREFIX "${value}" may hold only letters, digits, ".", "_" and "-" (at most 64)`,
    );
  return prefix;
}

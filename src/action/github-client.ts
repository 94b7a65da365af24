import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import type { ThrottlingOptions } from "@octokit/plugin-throttling";
import type { GitHub } from "../github/types.js";
import { DIRECT_RETRY, directRetry } from "./direct-retry.js";
import { httpFetch } from "./http-fetch.js";

export interface ClientLog {
  warning(message: string): void;
}

export interface ClientOptions {
  /**
   * A run that fans out over many PRs (sweep, freeze commands): the throttling plugin queues requests and spaces
   * writes a second apart (GitHub's advice for many writes), and the retry plugin retries. A single PR check or
   * deploy gate makes a handful of requests: they go straight out, with the same retry policy (`directRetry`),
   * because the plugins' queues cost ~10 ms per request and would only wait for nothing.
   */
  fanOut: boolean;
  /** How the direct retry waits between tries (the run's clock: real time, or the virtual test clock). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The run is on a harness's virtual clock (dist/action-api.js), where waiting takes no real time: the fan-out
   * plugins keep their queues and their retry decisions but space writes 0 s apart and retry without a pause.
   */
  virtualTime?: boolean;
}

const PROXY_VARS = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

/**
 * Octokit with REST methods, pagination and retry (and throttling when `fanOut`), requesting through `httpFetch`
 * (node:http(s); tests point GITHUB_API_URL at a loopback API). Behind a proxy (https_proxy and friends)
 * @actions/github's proxy-aware client is used instead; it is imported only then, after the event payload was
 * validated (importing it parses GITHUB_EVENT_PATH at once and would crash, outside any error handling, on a corrupt
 * payload).
 */
export async function createGitHub(
  token: string,
  env: NodeJS.ProcessEnv,
  log: ClientLog,
  opts: ClientOptions,
): Promise<GitHub> {
  const proxied = PROXY_VARS.some((name) => env[name]);
  const onLimit =
    (kind: string, tries: number) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      log.warning(`${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
      return retryCount < tries;
    };
  const options = {
    baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    throttle: {
      onRateLimit: onLimit("rate limit", 2),
      onSecondaryRateLimit: onLimit("secondary rate limit", 3),
    } as ThrottlingOptions,
  };
  if (proxied) {
    // Behind a proxy the toolkit's proxy-aware fetch is kept (it loads undici, so only then).
    const [{ getOctokit }, { throttling, retry }] = await Promise.all([
      import("@actions/github"),
      queuePlugins(),
    ]);
    return getOctokit(token, options, throttling, retry) as unknown as GitHub;
  }
  const client = {
    ...options,
    auth: token,
    userAgent: "change-gate-action",
    request: { fetch: httpFetch },
  };
  if (opts.fanOut) {
    const { throttling, retry, Bottleneck } = await queuePlugins();
    const unpaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
    const paced = opts.virtualTime
      ? {
          ...client,
          throttle: {
            ...client.throttle,
            write: unpaced(),
            notifications: unpaced(),
            retryAfterBaseValue: 0,
          },
          retry: { retryAfterBaseValue: 0 },
        }
      : client;
    return new (Octokit.plugin(restEndpointMethods, paginateRest, throttling, retry))(
      paced,
    ) as unknown as GitHub;
  }
  const direct = new (Octokit.plugin(restEndpointMethods, paginateRest))(client);
  direct.hook.wrap(
    "request",
    directRetry(log, opts.sleep ? { ...DIRECT_RETRY, sleep: opts.sleep } : DIRECT_RETRY),
  );
  return direct as unknown as GitHub;
}

/** The throttling and retry plugins (and Bottleneck under them), loaded only by the runs that use them. */
async function queuePlugins() {
  const [{ throttling }, { retry }, { default: Bottleneck }] = await Promise.all([
    import("@octokit/plugin-throttling"),
    import("@octokit/plugin-retry"),
    import("bottleneck/light.js"),
  ]);
  return { throttling, retry, Bottleneck };
}

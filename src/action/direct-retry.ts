/**
 * Retry for a job that makes a handful of requests (pr and deploy modes), without the throttling and retry
 * plugins: their Bottleneck queues yield to the timer loop several times per request (~10 ms each, measured), which
 * in a one-PR check was a third of the run. The policy is theirs: rate limits are waited out as GitHub says
 * (`retry-after`, or `x-ratelimit-reset` when the primary limit is spent), server errors and network failures are
 * retried with a growing pause, and nothing else is retried.
 */

export interface RetryLog {
  warning(message: string): void;
}

export interface DirectRetryOptions {
  /** Rate-limit answers waited out before giving up. */
  rateLimitTries: number;
  /** 5xx answers and network errors retried before giving up. */
  serverErrorTries: number;
  /** Longest pause a job accepts; a longer rate-limit wait fails the run with GitHub's answer instead. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const DIRECT_RETRY: DirectRetryOptions = { rateLimitTries: 3, serverErrorTries: 3, maxWaitMs: 60_000 };

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** How long to wait before trying again, or null when this answer is final. */
export function retryDelay(
  error: unknown,
  attempt: { rateLimit: number; server: number },
  o: DirectRetryOptions,
  now: number,
): { ms: number; kind: "rate limit" | "secondary rate limit" | "server error" } | null {
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === "number" ? e.status : 0;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  const secondary = /secondary rate limit/i.test(e.message ?? "") || Number.isFinite(retryAfter);
  if (status === 429 || (status === 403 && (secondary || headers["x-ratelimit-remaining"] === "0"))) {
    if (attempt.rateLimit >= o.rateLimitTries) return null;
    const reset = Number(headers["x-ratelimit-reset"]) * 1000;
    const ms = Number.isFinite(retryAfter)
      ? retryAfter * 1000
      : Number.isFinite(reset)
        ? Math.max(0, reset - now)
        : 60_000;
    if (ms > o.maxWaitMs) return null;
    return { ms, kind: secondary ? "secondary rate limit" : "rate limit" };
  }
  // Octokit reports a failed fetch (no answer at all) as status 500.
  if (status >= 500) {
    if (attempt.server >= o.serverErrorTries) return null;
    return { ms: (attempt.server + 1) ** 2 * 1000, kind: "server error" };
  }
  return null;
}

/** An Octokit `hook.wrap("request", …)` handler with the policy above. */
export function directRetry(log: RetryLog, o: DirectRetryOptions = DIRECT_RETRY) {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  return async <O extends { method: string; url: string }, T>(
    request: (options: O) => T | Promise<T>,
    options: O,
  ): Promise<T> => {
    const attempt = { rateLimit: 0, server: 0 };
    for (;;) {
      try {
        return await request(options);
      } catch (error) {
        const delay = retryDelay(error, attempt, o, now());
        if (!delay) throw error;
        if (delay.kind === "server error") attempt.server++;
        else attempt.rateLimit++;
        log.warning(
          `${delay.kind} on ${options.method} ${options.url}; retrying in ${Math.ceil(delay.ms / 1000)}s`,
        );
        await sleep(delay.ms);
      }
    }
  };
}

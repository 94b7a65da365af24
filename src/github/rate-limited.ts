interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * Whether a failed request was refused by a rate limit, and which one: a 429, or a 403 that says so (`retry-after`,
 * `x-ratelimit-remaining: 0`, or "rate limit" in GitHub's message). Null for any other answer.
 */
export function rateLimitOf(error: unknown): "rate limit" | "secondary rate limit" | null {
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === "number" ? e.status : 0;
  if (status !== 403 && status !== 429) return null;
  const headers = e.response?.headers ?? {};
  const message = typeof e.message === "string" ? e.message : "";
  if (/secondary rate limit/i.test(message) || headers["retry-after"] !== undefined)
    return "secondary rate limit";
  if (status === 429 || String(headers["x-ratelimit-remaining"]) === "0" || /rate limit/i.test(message))
    return "rate limit";
  return null;
}

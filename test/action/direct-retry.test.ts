import { describe, expect, it } from "vitest";
import { DIRECT_RETRY, directRetry, retryDelay } from "../../src/action/direct-retry.js";

const error = (status: number, headers: Record<string, string> = {}, message = "x") =>
  Object.assign(new Error(message), { status, response: { headers } });
const first = { rateLimit: 0, server: 0 };
const NOW = Date.parse("2026-11-24T10:00:00Z");

describe("retryDelay (pr and deploy modes, without the throttling plugin's queues)", () => {
  it("waits out a secondary rate limit for its retry-after", () => {
    expect(retryDelay(error(403, { "retry-after": "7" }), first, DIRECT_RETRY, NOW)).toEqual({
      ms: 7000,
      kind: "secondary rate limit",
    });
    expect(retryDelay(error(429, { "retry-after": "2" }), first, DIRECT_RETRY, NOW)?.ms).toBe(2000);
  });

  it("waits for the reset of a spent primary limit, but not longer than a job accepts", () => {
    const reset = String((NOW + 30_000) / 1000);
    expect(
      retryDelay(
        error(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }),
        first,
        DIRECT_RETRY,
        NOW,
      ),
    ).toEqual({ ms: 30_000, kind: "rate limit" });
    const late = String((NOW + 3_600_000) / 1000);
    expect(
      retryDelay(
        error(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": late }),
        first,
        DIRECT_RETRY,
        NOW,
      ),
    ).toBeNull();
  });

  it("retries server errors three times with growing pauses, and never a plain 403, 404 or 422", () => {
    expect(
      [0, 1, 2, 3].map((n) => retryDelay(error(502), { rateLimit: 0, server: n }, DIRECT_RETRY, NOW)?.ms),
    ).toEqual([1000, 4000, 9000, undefined]);
    for (const status of [403, 404, 422])
      expect(retryDelay(error(status), first, DIRECT_RETRY, NOW)).toBeNull();
    expect(retryDelay("not an error", first, DIRECT_RETRY, NOW)).toBeNull();
  });
});

describe("directRetry", () => {
  it("repeats a request through a 502 and a secondary rate limit, saying so, and returns the answer", async () => {
    const waits: number[] = [];
    const warnings: string[] = [];
    const answers = [
      error(502),
      error(403, { "retry-after": "3" }, "You have exceeded a secondary rate limit"),
    ];
    const wrap = directRetry(
      { warning: (m) => warnings.push(m) },
      { ...DIRECT_RETRY, sleep: async (ms) => void waits.push(ms) },
    );
    const result = await wrap(
      async () => {
        const next = answers.shift();
        if (next) throw next;
        return "ok";
      },
      { method: "GET", url: "/repos/{owner}/{repo}/issues" },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([1000, 3000]);
    expect(warnings).toEqual([
      "server error on GET /repos/{owner}/{repo}/issues; retrying in 1s",
      "secondary rate limit on GET /repos/{owner}/{repo}/issues; retrying in 3s",
    ]);
  });

  it("gives up with GitHub's own error once the tries are spent", async () => {
    const wrap = directRetry({ warning: () => {} }, { ...DIRECT_RETRY, sleep: async () => {} });
    let calls = 0;
    await expect(
      wrap(
        async () => {
          calls++;
          throw error(503, {}, "Service Unavailable");
        },
        { method: "POST", url: "/x" },
      ),
    ).rejects.toThrow("Service Unavailable");
    expect(calls).toBe(4);
  });
});

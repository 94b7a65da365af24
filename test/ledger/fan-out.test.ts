import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { reevaluateOpenPrs } from "../../src/github/pr-check.js";
import type { GitHub } from "../../src/github/types.js";
import { API, block, config, LIST_LEDGER, LIST_ORG_LEDGER, ledgerIssue, NOW, REF, REPO } from "./helpers.js";

const TOTAL = 250;
const SECONDARY = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url:
    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});

function pr(number: number) {
  return {
    number,
    head: { sha: `sha${number}` },
    body: "## Rollback\nRevert the commit.\n\n## Blast radius\nOnly the docs site.",
    draft: false,
    user: { login: "octocat", type: "User" },
    labels: [{ name: "risk: low" }],
    base: { ref: "main" },
  };
}

function throttledClient(secondaryLimits: number[]): GitHub {
  const ThrottledOctokit = Octokit.plugin(restEndpointMethods, paginateRest, throttling);
  return new ThrottledOctokit({
    auth: "t",
    request: { retries: 0 },
    throttle: {
      onSecondaryRateLimit: (retryAfter: number) => {
        secondaryLimits.push(retryAfter);
        return true;
      },
      onRateLimit: () => true,
      // Production spaces writes 1 s apart; the test keeps the plugin's retry logic but not the wall-clock wait.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      retryAfterBaseValue: 20,
    },
  }) as unknown as GitHub;
}

describe("fan-out after a freeze", () => {
  it("re-checks every one of 250 open PRs across 3 pages, retrying 403 secondary rate limits (retry-after: 1)", async () => {
    const throttledOnce = new Set<string>();
    const limitOnce = (key: string) => {
      if (throttledOnce.has(key)) return false;
      throttledOnce.add(key);
      return true;
    };
    const LIMITED = new Set([1, 99, 100, 101, 180, 250]);

    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(3, block({ by: "alice", from: "2026-11-23T00:00:00.000Z", until: null }))]);
    nock(API).get(LIST_ORG_LEDGER).reply(404, {});
    nock(API)
      .get(`${REPO}/pulls`)
      .query(true)
      .times(4)
      .reply((uri) => {
        const page = Number(new URL(uri, API).searchParams.get("page") ?? "1");
        if (page === 2 && limitOnce("list-2")) return [403, SECONDARY, { "retry-after": "1" }];
        const numbers = Array.from({ length: 100 }, (_, i) => (page - 1) * 100 + i + 1).filter(
          (n) => n <= TOTAL,
        );
        const link =
          page < 3
            ? { link: `<${API}${REPO}/pulls?state=open&per_page=100&page=${page + 1}>; rel="next"` }
            : {};
        return [200, numbers.map(pr), link];
      });
    const checked: number[] = [];
    nock(API)
      .get(/\/repos\/Codertocat\/Hello-World\/commits\/sha\d+\/check-runs/)
      .times(TOTAL)
      .reply(200, { total_count: 0, check_runs: [] });
    // Override approvals are read once per page of PRs (the repository's recent comments), not once per PR.
    nock(API)
      .get(/\/repos\/Codertocat\/Hello-World\/issues\/comments\?/)
      .times(3)
      .reply(200, []);
    nock(API)
      .post(`${REPO}/check-runs`)
      .times(TOTAL + LIMITED.size)
      .reply((_, body) => {
        const n = Number((body as { head_sha: string }).head_sha.slice(3));
        if (LIMITED.has(n) && limitOnce(`check-${n}`)) return [403, SECONDARY, { "retry-after": "1" }];
        checked.push(n);
        return [201, { id: n }];
      });

    const secondaryLimits: number[] = [];
    const gh = throttledClient(secondaryLimits);
    const requests: string[] = [];
    gh.hook.before("request", (o) => {
      requests.push(`${o.method} ${o.url}`);
    });
    const cfg = config({ description: { template: "none" } });
    const failures: number[] = [];
    const result = await reevaluateOpenPrs(gh, REF, NOW, {
      config: { ok: true, config: cfg, file: ".github/change-gate.yml" },
      onError: (n) => failures.push(n),
    });

    expect(failures).toEqual([]);
    expect(result).toMatchObject({ evaluated: TOTAL, failures: 0 });
    expect(checked.sort((a, b) => a - b)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(secondaryLimits).toEqual(Array(LIMITED.size + 1).fill(1));
    // 2 ledger reads + 3 pages + 3 override listings (one a page), then per PR: find its check run, write the check.
    expect(requests.length).toBe(2 + 3 + 3 + 2 * TOTAL);
    // Bottleneck's scheduling costs ~15 ms a request even against nock.
  }, 90_000);
});

import nock from "nock";
import { describe, expect, it } from "vitest";
import { overrideBatch } from "../../src/github/freeze-ledger/index.js";
import { API, client, config, expectEveryMockUsed, NOW, REF, REPO } from "./helpers.js";

const BOT = { login: "change-gate[bot]", type: "Bot" };
/** The App reading the batch: only comments its installation wrote are its records. */
const APP_ID = 7;

expectEveryMockUsed();

function record(pr: number, by: string, reason = "hotfix") {
  return `Override approved by @${by}: ${reason}\n\n<!-- change-gate:override ${JSON.stringify({ v: 1, pr, by, reason, at: "2026-11-24T08:00:00.000Z", source: null })} -->`;
}

function comment(
  issue: number,
  createdAt: string,
  body: string,
  user: { login: string; type: string } = BOT,
) {
  return {
    id: issue * 1000 + Date.parse(createdAt) / 1000,
    issue_url: `${API}${REPO}/issues/${issue}`,
    created_at: createdAt,
    updated_at: createdAt,
    user,
    body,
    performed_via_github_app: user === BOT ? { id: APP_ID, slug: "change-gate" } : null,
  };
}

/** PRs numbered 1..n, PR k opened k hours before NOW. */
function prs(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    created_at: new Date(NOW.getTime() - (i + 1) * 3_600_000).toISOString(),
  }));
}

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe("overrideBatch: override approvals for a fan-out page in a few requests", () => {
  it("reads 100 PRs' approvals from 2 pages of repository comments instead of 100 listings", async () => {
    const page1 = [
      // newest first, as the listing sorts them
      comment(5, hoursAgo(0.5), record(5, "bob", "second approval")),
      comment(5, hoursAgo(1), record(5, "alice")),
      // a person pasting the block approves nothing
      comment(7, hoursAgo(2), record(7, "mallory"), { login: "mallory", type: "User" }),
      // a bot block on #8 that claims to be about #9 counts for neither
      comment(8, hoursAgo(3), record(9, "alice")),
      // an audit comment in a ledger issue is not an approval
      comment(
        300,
        hoursAgo(3),
        `Override: …\n\n<!-- change-gate:override-audit ${JSON.stringify({ v: 1, pr: 42, by: "alice", reason: "x", at: hoursAgo(3) })} -->`,
      ),
      ...Array.from({ length: 95 }, (_, i) =>
        comment(60, hoursAgo(4 + i * 0.1), "LGTM", { login: "octocat", type: "User" }),
      ),
    ];
    const page2 = [comment(42, hoursAgo(41), record(42, "carol", "INC-42"))];
    let query: URLSearchParams | undefined;
    nock(API)
      .get(`${REPO}/issues/comments`)
      .query(true)
      .reply((uri) => {
        query = new URL(uri, API).searchParams;
        return [200, page1, { link: `<${API}${REPO}/issues/comments?page=2>; rel="next"` }];
      });
    nock(API).get(`${REPO}/issues/comments`).query({ page: "2" }).reply(200, page2);

    const { gh, calls } = client();
    const batch = overrideBatch(gh, REF, prs(100), config(), NOW, { appId: APP_ID });
    expect(calls).toEqual([]);
    const results = new Map<number, unknown>();
    for (let n = 1; n <= 100; n++) results.set(n, await batch.get(n));

    expect(Object.fromEntries(query!)).toEqual({
      sort: "created",
      direction: "desc",
      per_page: "100",
      since: hoursAgo(100),
    });
    expect(results.get(5)).toEqual({ by: ["alice", "bob"], reason: "hotfix; second approval" });
    expect(results.get(42)).toEqual({ by: ["carol"], reason: "INC-42" });
    expect([...results].filter(([, o]) => o !== null).map(([n]) => n)).toEqual([5, 42]);
    expect(calls).toHaveLength(2);
  });

  it("costs nothing when no PR asks (no schedule rule fails)", async () => {
    const { gh, calls } = client();
    overrideBatch(gh, REF, prs(50), config(), NOW);
    expect(calls).toEqual([]);
  });

  it("stops listing once reading the uncovered PRs one by one is no dearer, and reads those one by one", async () => {
    // Two PRs opened a week ago in a busy repository: the listing never gets back that far.
    const old = [
      { number: 1, created_at: hoursAgo(24 * 7) },
      { number: 2, created_at: hoursAgo(24 * 7 + 1) },
      { number: 3, created_at: hoursAgo(0.5) },
    ];
    const busy = (from: number) =>
      Array.from({ length: 100 }, (_, i) =>
        comment(99, hoursAgo(from + i * 0.001), "chatter", { login: "o", type: "User" }),
      );
    nock(API)
      .get(`${REPO}/issues/comments`)
      .query((q) => q.page === undefined)
      .reply(200, [comment(3, hoursAgo(0.1), record(3, "alice")), ...busy(0.2).slice(1)], {
        link: `<${API}${REPO}/issues/comments?page=2>; rel="next"`,
      });
    nock(API)
      .get(`${REPO}/issues/comments`)
      .query({ page: "2" })
      .reply(200, busy(1), { link: `<${API}${REPO}/issues/comments?page=3>; rel="next"` });
    nock(API)
      .get(`${REPO}/issues/1/comments?per_page=100`)
      .reply(200, [comment(1, hoursAgo(30), record(1, "bob"))]);
    nock(API).get(`${REPO}/issues/2/comments?per_page=100`).reply(200, []);

    const { gh, calls } = client();
    const batch = overrideBatch(gh, REF, old, config(), NOW, { appId: APP_ID });
    expect(await batch.get(3)).toEqual({ by: ["alice"], reason: "hotfix" });
    expect(await batch.get(1)).toEqual({ by: ["bob"], reason: "hotfix" });
    expect(await batch.get(2)).toBeNull();
    // 2 pages (then 2 uncovered PRs ≤ 2 pages read: stop), + 1 listing for each of the 2 uncovered PRs
    expect(calls.map((c) => c.line.replace(/\?.*/, ""))).toEqual([
      `GET ${REPO}/issues/comments`,
      `GET ${REPO}/issues/comments`,
      `GET ${REPO}/issues/1/comments`,
      `GET ${REPO}/issues/2/comments`,
    ]);
  });

  it("the override label still counts per labelled PR (its labeller's authority is checked)", async () => {
    nock(API).get(`${REPO}/issues/comments`).query(true).reply(200, []);
    nock(API)
      .get(`${REPO}/issues/2/events?per_page=100`)
      .reply(200, [
        { event: "labeled", actor: { login: "alice", type: "User" }, label: { name: "emergency" } },
      ]);
    nock(API)
      .get(`${REPO}/collaborators/alice/permission`)
      .reply(200, { permission: "admin", role_name: "admin" });
    const { gh, calls } = client();
    const batch = overrideBatch(gh, REF, prs(3), config(), NOW, { appId: APP_ID });
    expect(await batch.get(1, [])).toBeNull();
    expect(await batch.get(2, ["emergency"])).toEqual({ by: ["alice"], reason: "`emergency` label" });
    expect(await batch.get(3)).toBeNull();
    expect(calls).toHaveLength(3);
  });
});

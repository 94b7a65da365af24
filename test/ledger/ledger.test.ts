import nock from "nock";
import { describe, expect, it } from "vitest";
import { evaluateSchedule } from "../../src/core/schedule/index.js";
import {
  closeExpiredFreezes,
  declareFreeze,
  liftFreeze,
  readActiveFreezes,
} from "../../src/github/freeze-ledger/index.js";
import { readRevisionBlock } from "../../src/github/freeze-ledger/revision.js";
import {
  API,
  block,
  client,
  config,
  expectEveryMockUsed,
  LIST_LEDGER,
  LIST_ORG_LEDGER,
  ledgerIssue,
  NOW,
  postedComment,
  REF,
  REPO,
} from "./helpers.js";

const FROM = "2026-11-23T00:00:00.000Z";

expectEveryMockUsed();

const declaration = {
  by: "alice",
  reason: "Black Friday",
  environment: "production",
  from: NOW.toISOString(),
  until: "2026-12-01T08:00:00.000Z",
  sourceUrl: "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-1",
  timezone: "Europe/Berlin",
};

describe("readActiveFreezes", () => {
  it("reads the repository's and the org's ledger; expired and pull-request entries do not count", async () => {
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(
          3,
          block({
            by: "alice",
            reason: "Black Friday",
            environment: "production",
            from: FROM,
            until: "2026-12-01T08:00:00.000Z",
          }),
        ),
        ledgerIssue(4, block({ by: "bob", from: FROM, until: "2026-11-24T09:00:00.000Z" })),
        ledgerIssue(5, block({ by: "bob", from: FROM, until: null }), { pull_request: { url: "x" } }),
      ]);
    nock(API)
      .get(LIST_ORG_LEDGER)
      .reply(200, [ledgerIssue(1, block({ by: "cto", reason: "year end", from: FROM, until: null }))]);
    const { gh, calls } = client();
    expect(await readActiveFreezes(gh, REF, NOW)).toEqual([
      {
        name: "Freeze #3",
        by: "alice",
        reason: "Black Friday",
        environment: "production",
        from: FROM,
        until: "2026-12-01T08:00:00.000Z",
      },
      {
        name: "Org-wide freeze Codertocat/.github#1",
        by: "cto",
        reason: "year end",
        environment: null,
        from: FROM,
        until: null,
      },
    ]);
    expect(calls).toHaveLength(2);
  });

  it("an org-wide freeze closes the gate of a repository with no freeze of its own", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API)
      .get(LIST_ORG_LEDGER)
      .reply(200, [ledgerIssue(1, block({ by: "cto", from: FROM, until: "2026-11-25T09:00:00.000Z" }))]);
    const ledger = await readActiveFreezes(client().gh, REF, NOW);
    const result = evaluateSchedule({ config: config(), ledger }, NOW);
    expect(result).toMatchObject({
      open: false,
      reason: "freeze",
      rule: "Org-wide freeze Codertocat/.github#1",
    });
    expect(result.nextOpen).toBe("2026-11-25T09:00:00.000Z");
  });

  it("a 404 from the org's .github repository (none, or not visible to this token) means no org-wide freezes", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(404, { message: "Not Found" });
    expect(await readActiveFreezes(client().gh, REF, NOW)).toEqual([]);
  });

  it.each([
    [
      "a refused permission",
      { message: "Resource not accessible by integration" },
      {},
      "change-gate may not read the org-wide freeze ledger (Codertocat/.github): Resource not accessible by integration. An org-wide freeze may be active, so change-gate fails closed; give it Issues: read on Codertocat/.github",
    ],
    [
      "a spent primary rate limit",
      { message: "API rate limit exceeded for installation ID 1." },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4102444800" },
      "GitHub's rate limit refused reading the org-wide freeze ledger (Codertocat/.github): API rate limit exceeded for installation ID 1.",
    ],
    [
      "a secondary rate limit",
      {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
      { "retry-after": "60" },
      "GitHub's secondary rate limit refused reading the org-wide freeze ledger (Codertocat/.github)",
    ],
  ])(
    "a 403 for %s from the org's .github repository is an error, so the gate fails closed",
    async (_, body, headers, message) => {
      nock(API).get(LIST_LEDGER).reply(200, []);
      nock(API).get(LIST_ORG_LEDGER).reply(403, body, headers);
      const read = readActiveFreezes(client().gh, REF, NOW);
      await expect(read).rejects.toMatchObject({ name: "OrgLedgerUnreadable", status: 403 });
      await expect(read).rejects.toThrow(message);
    },
  );

  it("other failures are errors, so the check fails closed", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(500, { message: "boom" });
    await expect(readActiveFreezes(client().gh, REF, NOW)).rejects.toMatchObject({ status: 500 });
  });

  it("orgWide: false, and the .github repository itself, read one ledger", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    const { gh, calls } = client();
    expect(await readActiveFreezes(gh, REF, NOW, { orgWide: false })).toEqual([]);
    nock(API).get(LIST_ORG_LEDGER).reply(200, []);
    expect(await readActiveFreezes(gh, { owner: "Codertocat", repo: ".github" }, NOW)).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["invalid JSON", '<!-- change-gate:freeze {"v":1,"by":"alice","until":"2026-12-01 -->'],
    ["a wrong shape", block({ by: "alice", from: "soon", until: null })],
    ["no block at all", null],
  ])("a ledger issue with %s is an active freeze with unknown end", async (_, body) => {
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(12, body)]);
    const ledger = await readActiveFreezes(client().gh, REF, NOW, { orgWide: false });
    expect(ledger).toEqual([
      { name: "Freeze (ledger issue #12 is unreadable)", from: "2026-11-20T08:00:00Z", until: null },
    ]);
    expect(evaluateSchedule({ config: config(), environment: "production", ledger }, NOW)).toMatchObject({
      open: false,
      rule: "Freeze (ledger issue #12 is unreadable)",
      nextOpen: null,
    });
  });

  it("a reason cannot close the hidden comment early", async () => {
    let body = "";
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API)
      .post(`${REPO}/issues`, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, ledgerIssue(7, null));
    const revision = postedComment(`${REPO}/issues/7/comments`);
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, () => [ledgerIssue(7, null, { body })]);
    await declareFreeze(client().gh, REF, { ...declaration, reason: "a --> b <!-- c & d" }, NOW);
    expect(body).toContain('"reason":"a --\\u003e b \\u003c!-- c \\u0026 d"');
    // The revision comment quotes the reason for people, inert, and keeps it exactly in its block.
    expect(revision.body).toMatch(
      /^Freeze declared by @alice: production until .*: a --&gt; b &lt;!-- c & d\n\n<!-- change-gate:ledger-revision /,
    );
    expect(readRevisionBlock(revision.body)?.record?.reason).toBe("a --> b <!-- c & d");
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(7, null, { body })]);
    expect((await readActiveFreezes(client().gh, REF, NOW, { orgWide: false }))[0]?.reason).toBe(
      "a --> b <!-- c & d",
    );
  });
});

describe("declareFreeze", () => {
  it("creates the change-freeze label when GitHub dropped it from the new issue", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API)
      .post(`${REPO}/issues`)
      .reply(201, { ...ledgerIssue(7, null), labels: [] });
    nock(API)
      .post(`${REPO}/labels`, {
        name: "change-freeze",
        color: "1d76db",
        description: "change-gate freeze ledger: an open issue with this label is an active freeze",
      })
      .reply(201, {});
    nock(API)
      .post(`${REPO}/issues/7/labels`, { labels: ["change-freeze"] })
      .reply(200, []);
    nock(API).post(`${REPO}/issues/7/comments`).reply(201, {});
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(7, block({ by: "alice", environment: "production", from: FROM, until: null })),
      ]);
    const out = await declareFreeze(client().gh, REF, declaration, NOW);
    expect(out).toMatchObject({ action: "created", number: 7, closedDuplicates: [] });
  });

  it("a race: two freezes for the same environment — the newer one is closed and the older one updated", async () => {
    const theirs = block({
      by: "bob",
      reason: "release",
      environment: "production",
      from: FROM,
      until: null,
    });
    nock(API).get(LIST_LEDGER).reply(200, []);
    let mine = "";
    nock(API)
      .post(`${REPO}/issues`, (b) => {
        mine = b.body;
        return true;
      })
      .reply(201, ledgerIssue(8, null));
    // Another /freeze created #6 between our list and our create.
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, () => [ledgerIssue(6, theirs), ledgerIssue(8, null, { body: mine })]);
    // Our issue's first revision, then the duplicate's close with a lifted one, then the kept issue's.
    nock(API).post(`${REPO}/issues/8/comments`).reply(201, {});
    const duplicate = postedComment(`${REPO}/issues/8/comments`);
    const keptRevision = postedComment(`${REPO}/issues/6/comments`);
    nock(API).patch(`${REPO}/issues/8`, { state: "closed", state_reason: "not_planned" }).reply(200, {});
    let kept: Record<string, string> = {};
    nock(API)
      .patch(`${REPO}/issues/6`, (b) => {
        kept = b;
        return true;
      })
      .reply(200, {});
    const { gh, calls } = client();
    const out = await declareFreeze(gh, REF, declaration, NOW);
    expect(out).toMatchObject({ action: "updated", number: 6, closedDuplicates: [8] });
    expect(kept.body).toContain(
      '{"v":1,"by":"alice","reason":"Black Friday","environment":"production","from":"2026-11-23T00:00:00.000Z","until":"2026-12-01T08:00:00.000Z"',
    );
    expect(duplicate.body).toMatch(
      /^Duplicate of #6 \(https:\/\/github.com\/Codertocat\/Hello-World\/issues\/6\): two freezes were declared at the same time; the freeze is recorded there\.\n\n/,
    );
    expect(readRevisionBlock(duplicate.body)?.active).toBe(false);
    expect(readRevisionBlock(keptRevision.body)).toMatchObject({ active: true, record: { by: "alice" } });
    expect(calls).toHaveLength(8);
  });

  it("a race won: the older issue is ours, the newer duplicate is closed", async () => {
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).post(`${REPO}/issues`).reply(201, ledgerIssue(6, null));
    nock(API).post(`${REPO}/issues/6/comments`).reply(201, {});
    const rec = block({ by: "alice", environment: "production", from: FROM, until: null });
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(6, rec), ledgerIssue(9, rec)]);
    nock(API).post(`${REPO}/issues/9/comments`).reply(201, {});
    nock(API).patch(`${REPO}/issues/9`, { state: "closed", state_reason: "not_planned" }).reply(200, {});
    const out = await declareFreeze(client().gh, REF, declaration, NOW);
    expect(out).toMatchObject({ action: "created", number: 6, closedDuplicates: [9] });
  });

  it("freezes of different environments are separate issues", async () => {
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(3, block({ by: "bob", environment: "staging", from: FROM, until: null }))]);
    nock(API).post(`${REPO}/issues`).reply(201, ledgerIssue(7, null));
    nock(API).post(`${REPO}/issues/7/comments`).reply(201, {});
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(3, block({ by: "bob", environment: "staging", from: FROM, until: null })),
        ledgerIssue(7, block({ by: "alice", environment: "production", from: FROM, until: null })),
      ]);
    expect(await declareFreeze(client().gh, REF, declaration, NOW)).toMatchObject({
      action: "created",
      number: 7,
    });
  });
});

describe("liftFreeze and closeExpiredFreezes", () => {
  it("/unfreeze without an environment lifts every freeze, an unreadable one too", async () => {
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(3, block({ by: "bob", environment: "staging", from: FROM, until: null })),
        ledgerIssue(4, "<!-- change-gate:freeze {oops -->"),
      ]);
    for (const n of [3, 4]) {
      nock(API)
        .post(
          `${REPO}/issues/${n}/comments`,
          (b) =>
            // Lifted, with the record it lifted (null for the unreadable one), in the same comment.
            b.body.startsWith("Freeze lifted by @alice: done\n\n") &&
            readRevisionBlock(b.body)?.active === false &&
            (readRevisionBlock(b.body)?.record === null) === (n === 4),
        )
        .reply(201, {});
      nock(API).patch(`${REPO}/issues/${n}`, { state: "closed", state_reason: "completed" }).reply(200, {});
    }
    const lifted = await liftFreeze(client().gh, REF, { by: "alice", environment: null, reason: "done" });
    expect(lifted.map((l) => [l.number, l.environment])).toEqual([
      [3, "staging"],
      [4, undefined],
    ]);
  });

  it("the sweep closes expired freezes and leaves running and unreadable ones open", async () => {
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(3, block({ by: "bob", from: FROM, until: "2026-11-24T08:00:00.000Z" })),
        ledgerIssue(4, block({ by: "bob", from: FROM, until: "2026-11-24T09:00:00.001Z" })),
        ledgerIssue(5, block({ by: "bob", from: FROM, until: null })),
        ledgerIssue(6, "<!-- change-gate:freeze nope -->"),
      ]);
    nock(API)
      .post(
        `${REPO}/issues/3/comments`,
        (b) =>
          b.body.startsWith("Freeze ended Tue 24 Nov 09:00 CET; closed by change-gate.\n\n") &&
          readRevisionBlock(b.body)?.active === false,
      )
      .reply(201, {});
    nock(API).patch(`${REPO}/issues/3`, { state: "closed", state_reason: "completed" }).reply(200, {});
    expect(await closeExpiredFreezes(client().gh, REF, NOW, { timezone: "Europe/Berlin" })).toEqual([
      { number: 3, environment: null, until: "2026-11-24T08:00:00.000Z" },
    ]);
  });
});

import nock from "nock";
import { describe, expect, it } from "vitest";
import { readBlock } from "../../src/github/freeze-ledger/block.js";
import { readOverride } from "../../src/github/freeze-ledger/index.js";
import { readRevisionBlock } from "../../src/github/freeze-ledger/revision.js";
import { runCommand } from "../../src/github/run-command.js";
import {
  API,
  block,
  client,
  commentPayload,
  config,
  eventOf,
  eventWithNodeIds,
  expectEveryMockUsed,
  graphqlFeedback,
  LIST_LEDGER,
  LIST_ORG_LEDGER,
  ledgerIssue,
  NOW,
  PERMISSION,
  postedComment,
  REF,
  REPO,
} from "./helpers.js";

const REACTIONS = `${REPO}/issues/comments/492700400/reactions`;
const FROM = "2026-11-23T08:00:00.000Z";
const SOURCE = "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400";

expectEveryMockUsed();

function reactions(...contents: string[]) {
  const scope = nock(API);
  for (const content of contents) scope.post(REACTIONS, { content }).reply(201, { id: 1, content });
  return scope;
}

function permission(login: string, role: string, status = 200) {
  return nock(API)
    .get(PERMISSION(login))
    .reply(
      status,
      status === 200
        ? { permission: role === "maintain" ? "write" : role, role_name: role }
        : { message: "Not Found" },
    );
}

describe("/freeze", () => {
  it("a /freeze from a maintainer opens a ledger issue, replies with the result and asks for a fan-out (7 requests)", async () => {
    reactions("eyes");
    permission("Codertocat", "maintain");
    nock(API).get(LIST_LEDGER).reply(200, []);
    let created: Record<string, unknown> = {};
    nock(API)
      .post(`${REPO}/issues`, (b) => {
        created = b;
        return true;
      })
      .reply(201, { ...ledgerIssue(7, null), created_at: NOW.toISOString() });
    const revision = postedComment(`${REPO}/issues/7/comments`);
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, () => [ledgerIssue(7, null, { body: created.body })]);
    const feedback = graphqlFeedback();

    const { gh, calls } = client();
    const payload = commentPayload("/freeze until 2026-12-01 09:00 env production Black Friday");
    const result = await runCommand(gh, eventWithNodeIds(payload));
    const reply = feedback.variables.body;

    expect(result).toMatchObject({ outcome: "done", stateChanged: true, replied: true });
    expect(result.command).toEqual({
      kind: "freeze",
      until: "2026-12-01T08:00:00.000Z",
      environment: "production",
      reason: "Black Friday",
    });
    expect(reply).toBe(
      "Frozen production until Tue 1 Dec 09:00 CET by @Codertocat: Black Friday\n\nRecorded in #7. Lift it with `/unfreeze env production`.",
    );
    expect(result.reply).toBe(reply);
    expect(created.title).toBe("Change freeze: production");
    expect(created.labels).toEqual(["change-freeze"]);
    expect(created.body).toContain(
      `<!-- change-gate:freeze {"v":1,"by":"Codertocat","reason":"Black Friday","environment":"production","from":"2026-11-24T09:00:00.000Z","until":"2026-12-01T08:00:00.000Z","source":"${SOURCE}"} -->`,
    );
    expect(created.body).toContain(
      "**production** is frozen until Tue 1 Dec 09:00 CET, declared by @Codertocat.",
    );
    // The race check's re-list is the ledger after the write: a fan-out reuses it instead of listing again.
    expect(result.ledger).toMatchObject([
      { number: 7, record: { by: "Codertocat", environment: "production" } },
    ]);
    // The reply, the +1 and the eyes taken back are one GraphQL mutation, on the payload's node ids.
    expect(feedback.variables).toMatchObject({
      issue: payload.issue.node_id,
      comment: payload.comment.node_id,
      reaction: "THUMBS_UP",
    });
    // The revision comment: what the issue says, as change-gate wrote it (a hand edit is restored to it).
    expect(revision.body).toMatch(
      /^Freeze declared by @Codertocat: production until Tue 1 Dec 09:00 CET: Black Friday\n\n/,
    );
    expect(readRevisionBlock(revision.body)).toEqual({
      v: 1,
      active: true,
      record: readBlock(created.body as string),
    });
    // eyes, permission, list, create, revision, re-list (race check), reply + +1
    expect(calls.map((c) => c.line)).toEqual([
      `POST ${REACTIONS}`,
      `GET ${PERMISSION("Codertocat")}`,
      `GET ${LIST_LEDGER}`,
      `POST ${REPO}/issues`,
      `POST ${REPO}/issues/7/comments`,
      `GET ${LIST_LEDGER}`,
      "POST /graphql",
    ]);
  });

  it("without node ids in the payload the reply and the +1 go out through REST (8 requests)", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "maintain");
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API)
      .post(`${REPO}/issues`)
      .reply(201, { ...ledgerIssue(7, null), created_at: NOW.toISOString() });
    nock(API).post(`${REPO}/issues/7/comments`).reply(201, {});
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(7, block({ by: "Codertocat", from: FROM }))]);
    const reply = postedComment(`${REPO}/issues/1/comments`);
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze")));
    expect(result).toMatchObject({ outcome: "done", replied: true });
    expect(reply.body).toBe(result.reply);
    expect(calls.map((c) => c.line).slice(-2)).toEqual([
      `POST ${REPO}/issues/1/comments`,
      `POST ${REACTIONS}`,
    ]);
  });

  it("when GraphQL is unavailable nothing is lost: the reply and the reaction follow through REST", async () => {
    reactions("eyes", "-1");
    permission("someone", "read");
    nock(API).post("/graphql").reply(404, { message: "Not Found" });
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => /^Sorry @someone/.test(b.body))
      .reply(201, {});
    const { gh, calls } = client();
    const result = await runCommand(gh, eventWithNodeIds(commentPayload("/freeze", { login: "someone" })));
    expect(result).toMatchObject({ outcome: "refused", replied: true, stateChanged: false });
    expect(calls.map((c) => c.line)).toEqual([
      `POST ${REACTIONS}`,
      `GET ${PERMISSION("someone")}`,
      "POST /graphql",
      `POST ${REPO}/issues/1/comments`,
      `POST ${REACTIONS}`,
    ]);
  });

  it("a field GraphQL reports as failed is retried alone through REST; one that succeeded is not repeated", async () => {
    reactions("eyes");
    const feedback = graphqlFeedback(["reply"]);
    // The issue is locked: the REST reply fails too, and the result says the reply was not posted.
    nock(API)
      .post(`${REPO}/issues/1/comments`)
      .reply(403, { message: "Unable to create comment because issue is locked." });
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(404, { message: "Not Found" });
    const { gh, calls } = client();
    const result = await runCommand(gh, eventWithNodeIds(commentPayload("/freeze status", { locked: true })));
    expect(result).toMatchObject({ outcome: "done", replied: false });
    expect(feedback.variables.reaction).toBe("THUMBS_UP");
    expect(calls.map((c) => c.line)).toEqual([
      `POST ${REACTIONS}`,
      `GET ${LIST_LEDGER}`,
      `GET ${LIST_ORG_LEDGER}`,
      "POST /graphql",
      `POST ${REPO}/issues/1/comments`,
    ]);
  });

  it("a /freeze while one is open for the environment updates that issue instead of opening another (7 requests)", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "admin");
    const running = block({
      by: "hubot",
      reason: "deploy freeze",
      environment: null,
      from: "2026-11-23T00:00:00.000Z",
      until: null,
    });
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(3, running)]);
    let patch: Record<string, unknown> = {};
    // The revision first, so the `edited` event the update causes finds the issue as change-gate wrote it.
    const revision = postedComment(`${REPO}/issues/3/comments`);
    nock(API)
      .patch(`${REPO}/issues/3`, (b) => {
        patch = b;
        return true;
      })
      .reply(200, {});
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: "Frozen all environments until Tue 24 Nov 12:00 CET by @Codertocat: hotfix in progress\n\nUpdated #3. Lift it with `/unfreeze`.",
      })
      .reply(201, {});

    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze for 2h hotfix in progress")));
    expect(result.outcome).toBe("done");
    expect(patch.title).toBe("Change freeze: all environments");
    // The freeze already running keeps its start.
    expect(patch.body).toContain('"from":"2026-11-23T00:00:00.000Z","until":"2026-11-24T11:00:00.000Z"');
    expect(readRevisionBlock(revision.body)?.record).toEqual(readBlock(patch.body as string));
    expect(calls.map((c) => c.line).slice(3, 5)).toEqual([
      `POST ${REPO}/issues/3/comments`,
      `PATCH ${REPO}/issues/3`,
    ]);
    expect(calls).toHaveLength(7);
  });

  it("a /freeze from a triage user is refused and changes nothing", async () => {
    reactions("eyes", "-1");
    permission("Codertocat", "triage");
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: "Sorry @Codertocat, `/freeze` is limited to users with maintain permission or higher, or members of @Codertocat/release-managers; you have triage permission here. Nothing was changed.",
      })
      .reply(201, {});
    nock(API).get("/orgs/Codertocat/teams/release-managers/memberships/Codertocat").reply(404, {});

    const { gh, calls } = client();
    const cfg = config({ commands: { freeze: { teams: ["release-managers"] } } });
    const result = await runCommand(gh, eventOf(commentPayload("/freeze for 2h"), cfg));
    expect(result).toMatchObject({ outcome: "refused", stateChanged: false });
    expect(calls.some((c) => c.line.includes("/issues?") || c.line.endsWith("/issues"))).toBe(false);
  });

  it.each([
    [
      "/freeze until yesterday",
      '`until yesterday` is not a date-time; write YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601 with an offset (words like "tomorrow" are not understood).',
    ],
    ["/freeze until 2026-11-23", "`until 2026-11-23` is in the past (it is now 2026-11-24T09:00:00.000Z)."],
    [
      "/freeze until 2026-02-30 09:00",
      "`until 2026-02-30 09:00` is not a real date and time (check the day of the month and the hour).",
    ],
  ])("`%s` gets the error and the usage text, and no ledger write", async (body, error) => {
    reactions("eyes", "-1");
    let reply = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        reply = b.body;
        return true;
      })
      .reply(201, {});
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload(body)));
    expect(result).toMatchObject({ outcome: "invalid", stateChanged: false });
    expect(reply.split("\n")[0]).toBe(error);
    expect(reply).toContain("**`/freeze [for <duration>] [until <date-time>] [env <name>] [reason]`**");
    expect(calls.map((c) => c.line)).toEqual([
      `POST ${REACTIONS}`,
      `POST ${REPO}/issues/1/comments`,
      `POST ${REACTIONS}`,
    ]);
  });

  it("an edited comment, a bot's comment and an ordinary comment make no request at all", async () => {
    const { gh, calls } = client();
    for (const payload of [
      commentPayload("/freeze for 2h", { action: "edited" }),
      commentPayload("/freeze for 2h", { login: "renovate[bot]", type: "Bot" }),
      commentPayload("/freeze for 2h", { login: "some-app", type: "Bot" }),
      commentPayload("You are totally right! I'll get this fixed right away."),
      commentPayload("> /freeze for 2h\nquoted, not a command"),
      commentPayload("```\n/freeze for 2h\n```"),
    ]) {
      expect(await runCommand(gh, eventOf(payload))).toEqual({ outcome: "ignored", stateChanged: false });
    }
    expect(calls).toEqual([]);
  });

  it("a 60 KB comment is read from its first line only", async () => {
    const { gh, calls } = client();
    const prose = `${"lorem ipsum /freeze ".repeat(3100)}`;
    expect(prose.length).toBeGreaterThan(60_000);
    expect(await runCommand(gh, eventOf(commentPayload(prose)))).toEqual({
      outcome: "ignored",
      stateChanged: false,
    });

    reactions("eyes", "-1");
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) =>
        b.body.startsWith("the reason is 59989 characters long; keep it to 500."),
      )
      .reply(201, {});
    const long = await runCommand(gh, eventOf(commentPayload(`/freeze ${"x".repeat(59_989)}`)));
    expect(long.outcome).toBe("invalid");
    expect(calls).toHaveLength(3);
  });

  it("a look-alike slash does not freeze; the reply says why", async () => {
    reactions("eyes", "-1");
    let reply = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        reply = b.body;
        return true;
      })
      .reply(201, {});
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("\u2215freeze for 2h")));
    expect(result).toMatchObject({ outcome: "invalid", stateChanged: false });
    expect(reply.split("\n")[0]).toBe(
      "this looks like /freeze but uses look-alike characters; type it with a plain / and plain letters (no invisible characters).",
    );
    expect(calls.filter((c) => c.line.includes("permission") || c.line.includes("labels="))).toEqual([]);
  });

  it("on a locked issue the freeze still happens even though the reply is refused", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "admin");
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).post(`${REPO}/issues`).reply(201, ledgerIssue(9, null));
    nock(API).post(`${REPO}/issues/9/comments`).reply(201, {});
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(9, block({ by: "Codertocat", from: NOW.toISOString(), until: null }))]);
    nock(API)
      .post(`${REPO}/issues/1/comments`)
      .reply(403, { message: "Unable to create comment because issue is locked." });
    const { gh } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze", { locked: true })));
    expect(result).toMatchObject({ outcome: "done", stateChanged: true, replied: false });
    expect(result.reply).toBe(
      "Frozen all environments until lifted with `/unfreeze` by @Codertocat\n\nRecorded in #9. Lift it with `/unfreeze`.",
    );
  });

  it("a failure while writing the ledger is reported with -1 and no fan-out", async () => {
    reactions("eyes", "-1");
    permission("Codertocat", "admin");
    nock(API).get(LIST_LEDGER).reply(500, { message: "Server Error" });
    nock(API).post(`${REPO}/issues/1/comments`).reply(201, {});
    const { gh } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze")));
    expect(result).toMatchObject({ outcome: "failed", stateChanged: false, error: "Server Error" });
    expect(result.reply).toBe(
      "`/freeze` failed: Server Error. Nothing may have changed; check the freeze ledger (issues labelled `change-freeze`) and try again.",
    );
  });
});

describe("/unfreeze and /freeze status", () => {
  it("/unfreeze closes the environment's ledger issue with a comment", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "maintain");
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(
          3,
          block({ by: "hubot", environment: "production", from: "2026-11-23T00:00:00.000Z", until: null }),
        ),
        ledgerIssue(
          4,
          block({ by: "hubot", environment: "staging", from: "2026-11-23T00:00:00.000Z", until: null }),
        ),
      ]);
    // The lift comment carries the lifted revision, so the `closed` event that follows is no change by hand.
    nock(API)
      .post(
        `${REPO}/issues/3/comments`,
        (b) =>
          b.body.startsWith(`Freeze lifted by @Codertocat (${SOURCE}): release shipped\n\n`) &&
          readRevisionBlock(b.body)?.active === false &&
          readRevisionBlock(b.body)?.record?.environment === "production",
      )
      .reply(201, {});
    nock(API).patch(`${REPO}/issues/3`, { state: "closed", state_reason: "completed" }).reply(200, {});
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: "Unfrozen production by @Codertocat: release shipped (closed #3).",
      })
      .reply(201, {});
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/unfreeze env production release shipped")));
    expect(result).toMatchObject({ outcome: "done", stateChanged: true });
    expect(calls).toHaveLength(7);
  });

  it("/unfreeze with nothing frozen says so and asks for no fan-out", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "maintain");
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: "Nothing to unfreeze: this repository has no active freeze.",
      })
      .reply(201, {});
    const result = await runCommand(client().gh, eventOf(commentPayload("/unfreeze")));
    expect(result).toMatchObject({ outcome: "done", stateChanged: false });
  });

  it("/freeze status lists who froze what, why and until when — anyone may ask", async () => {
    reactions("eyes", "+1");
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(
          3,
          block({
            by: "alice",
            reason: "Black Friday",
            environment: "production",
            from: "2026-11-23T00:00:00.000Z",
            until: "2026-12-01T08:00:00.000Z",
          }),
        ),
        ledgerIssue(5, '<!-- change-gate:freeze {"v":1,"by":"bob", -->'),
      ]);
    nock(API).get(LIST_ORG_LEDGER).reply(404, { message: "Not Found" });
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: [
          "Active freezes (2):",
          "- **Freeze #3** on production until Tue 1 Dec 09:00 CET (in 6d 23h), by @alice: Black Friday",
          "- **Freeze (ledger issue #5 is unreadable)** on all environments with unknown end (its hidden block is unreadable, so it counts as active)",
          "",
          "Right now: closed by freeze Freeze (ledger issue #5 is unreadable) — never opens within a year.",
        ].join("\n"),
      })
      .reply(201, {});
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze status", { login: "outsider" })));
    expect(result).toMatchObject({ outcome: "done", stateChanged: false });
    expect(calls.some((c) => c.line.includes("permission"))).toBe(false);
  });
});

describe("/override", () => {
  it("on an issue (not a PR) it is refused without checking anything", async () => {
    reactions("eyes", "-1");
    nock(API)
      .post(`${REPO}/issues/1/comments`, {
        body: "`/override` works only in a pull request comment; nothing was recorded.",
      })
      .reply(201, {});
    const result = await runCommand(client().gh, eventOf(commentPayload("/override hotfix for INC-1234")));
    expect(result.outcome).toBe("invalid");
  });

  it("without a reason it gets the usage text", async () => {
    reactions("eyes", "-1");
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) =>
        b.body.startsWith("`/override` needs a reason, e.g. `/override hotfix for INC-1234`."),
      )
      .reply(201, {});
    const result = await runCommand(client().gh, eventOf(commentPayload("/override", { pullRequest: true })));
    expect(result.outcome).toBe("invalid");
  });

  it("on a PR by an authorised user it is recorded in a comment that readOverride reads back", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "admin");
    // No freeze running: nothing to write into the ledger.
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(404, {});
    let record = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        record = b.body;
        return true;
      })
      .reply(201, { html_url: "https://github.com/Codertocat/Hello-World/pull/1#issuecomment-2" });
    const { gh, calls } = client();
    const cfg = config({ overrides: { approvals: 2 } });
    const result = await runCommand(
      gh,
      eventOf(commentPayload("/override hotfix for INC-1234", { pullRequest: true }), cfg),
    );
    expect(result).toMatchObject({ outcome: "done", stateChanged: true, replied: true });
    expect(record).toBe(
      [
        "Override approved by @Codertocat: hotfix for INC-1234",
        "",
        "This pull request may merge and deploy during a freeze or outside a window once 2 distinct authorised people approve; the check shows who approved.",
        "",
        `<!-- change-gate:override {"v":1,"pr":1,"by":"Codertocat","reason":"hotfix for INC-1234","at":"2026-11-24T09:00:00.000Z","source":"${SOURCE}"} -->`,
      ].join("\n"),
    );
    // eyes, permission, ledger (repo + org), record (= reply), +1
    expect(calls).toHaveLength(6);

    // Read back (App id 5): this App's records count once per person; a human pasting the block, another bot's
    // comment and an edited record approve nothing.
    const bot = { login: "change-gate[bot]", type: "Bot" };
    const at = { created_at: "2026-11-24T09:00:00Z", updated_at: "2026-11-24T09:00:00Z" };
    const ours = { ...at, user: bot, performed_via_github_app: { id: 5 } };
    const forged = record.replaceAll("Codertocat", "mallory");
    nock(API)
      .get(`${REPO}/issues/1/comments?per_page=100`)
      .reply(200, [
        { id: 1, ...ours, body: record },
        { id: 2, ...at, user: { login: "mallory", type: "User" }, body: forged },
        { id: 3, ...ours, body: record.replace("hotfix for INC-1234", "again") },
        { id: 4, ...ours, body: record.replaceAll("Codertocat", "octocat").replace('"pr":1', '"pr":2') },
        { id: 5, ...at, user: { login: "github-actions[bot]", type: "Bot" }, body: forged },
        { id: 6, ...ours, updated_at: "2026-11-24T09:30:00Z", body: forged },
      ]);
    expect(await readOverride(client().gh, REF, 1, cfg, NOW, { appId: 5 })).toEqual({
      by: ["Codertocat"],
      reason: "hotfix for INC-1234",
    });
  });

  it("during a freeze it is also recorded in every active ledger issue, the org's included", async () => {
    reactions("eyes", "+1");
    permission("Codertocat", "maintain");
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [
        ledgerIssue(
          3,
          block({ by: "alice", reason: "Black Friday", environment: "production", from: FROM, until: null }),
        ),
        ledgerIssue(4, block({ by: "bob", from: FROM, until: "2026-11-24T08:00:00.000Z" })),
      ]);
    nock(API)
      .get(LIST_ORG_LEDGER)
      .reply(200, [{ ...ledgerIssue(9, null), html_url: "https://github.com/Codertocat/.github/issues/9" }]);
    const audits: { path: string; body: string }[] = [];
    for (const path of [`${REPO}/issues/3/comments`, "/repos/Codertocat/.github/issues/9/comments"])
      nock(API)
        .post(path, (b) => {
          audits.push({ path, body: b.body });
          return true;
        })
        .reply(201, {});
    let record = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        record = b.body;
        return true;
      })
      .reply(201, { html_url: "https://github.com/Codertocat/Hello-World/pull/1#issuecomment-2" });

    const { gh, calls } = client();
    const result = await runCommand(
      gh,
      eventOf(commentPayload("/override hotfix for INC-1234", { pullRequest: true })),
    );

    expect(result).toMatchObject({ outcome: "done", stateChanged: true, replied: true });
    // The expired freeze (#4) gets nothing; the unreadable org one counts as active (fail closed).
    expect(audits.map((a) => a.path)).toEqual([
      `${REPO}/issues/3/comments`,
      "/repos/Codertocat/.github/issues/9/comments",
    ]);
    expect(audits[0]!.body).toBe(
      `Override: @Codertocat let Codertocat/Hello-World#1 through this freeze (${SOURCE}): hotfix for INC-1234\n\n` +
        `<!-- change-gate:override-audit {"v":1,"pr":1,"repo":"Codertocat/Hello-World","by":"Codertocat","reason":"hotfix for INC-1234","at":"2026-11-24T09:00:00.000Z","source":"${SOURCE}"} -->`,
    );
    expect(record).toContain(
      "\n\nRecorded in the freeze ledger: #3, Codertocat/.github#9.\n\n<!-- change-gate:override ",
    );
    expect(result.ledger?.map((i) => i.number)).toEqual([3, 4]);
    // eyes, permission, 2 ledger lists, 2 audit comments, record (= reply), +1
    expect(calls).toHaveLength(8);
    // An audit comment is not an approval: only the PR's own record counts.
    nock(API)
      .get(`${REPO}/issues/3/comments?per_page=100`)
      .reply(200, [
        {
          id: 1,
          user: { login: "change-gate[bot]", type: "Bot" },
          created_at: "2026-11-24T09:00:00Z",
          updated_at: "2026-11-24T09:00:00Z",
          performed_via_github_app: { id: 5 },
          body: audits[0]!.body,
        },
      ]);
    expect(await readOverride(client().gh, REF, 3, config(), NOW, { appId: 5 })).toBeNull();
  });

  it("an override that cannot be written into the ledger is not recorded at all (fail closed)", async () => {
    reactions("eyes", "-1");
    permission("Codertocat", "maintain");
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(3, block({ by: "alice", from: FROM, until: null }))]);
    nock(API).get(LIST_ORG_LEDGER).reply(404, {});
    nock(API).post(`${REPO}/issues/3/comments`).reply(500, { message: "Server Error" });
    let reply = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        reply = b.body;
        return true;
      })
      .reply(201, {});
    const result = await runCommand(
      client().gh,
      eventOf(commentPayload("/override hotfix for INC-1234", { pullRequest: true })),
    );
    expect(result).toMatchObject({ outcome: "failed", stateChanged: false });
    expect(reply).not.toContain("change-gate:override");
    expect(reply.startsWith("`/override` failed:")).toBe(true);
  });

  it("the emergency label added by an authorised user counts as an approval", async () => {
    nock(API).get(`${REPO}/issues/1/comments?per_page=100`).reply(200, []);
    nock(API)
      .get(`${REPO}/issues/1/events?per_page=100`)
      .reply(200, [
        { event: "labeled", actor: { login: "mallory", type: "User" }, label: { name: "emergency" } },
        { event: "unlabeled", actor: { login: "mallory", type: "User" }, label: { name: "emergency" } },
        { event: "labeled", actor: { login: "alice", type: "User" }, label: { name: "Emergency" } },
      ]);
    permission("alice", "maintain");
    expect(await readOverride(client().gh, REF, 1, config(), NOW, { labels: ["emergency"] })).toEqual({
      by: ["alice"],
      reason: "`emergency` label",
    });
  });
});

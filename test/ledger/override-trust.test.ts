// Who can vouch for an override (issue 14.1), hidden blocks in user text (14.2) and commands acted on once (14.8).
import nock from "nock";
import { describe, expect, it } from "vitest";
import { evaluateChange } from "../../src/core/policy/index.js";
import { readBlock } from "../../src/github/freeze-ledger/block.js";
import { overrideBatch, readOverride } from "../../src/github/freeze-ledger/index.js";
import { readRevisionBlock } from "../../src/github/freeze-ledger/revision.js";
import { runCommand } from "../../src/github/run-command.js";
import {
  API,
  client,
  commentPayload,
  config,
  eventOf,
  expectEveryMockUsed,
  LIST_LEDGER,
  LIST_ORG_LEDGER,
  NOW,
  PERMISSION,
  REF,
  REPO,
} from "./helpers.js";

expectEveryMockUsed();

const PR_URL = "https://github.com/Codertocat/Hello-World/pull/1";
const AT = "2026-11-24T08:00:00Z";
const ACTIONS_BOT = { login: "github-actions[bot]", type: "Bot" };
const REACTIONS = `${REPO}/issues/comments/492700400/reactions`;

/** An issue comment as `GET …/issues/1/comments` lists it. */
function listed(
  id: number,
  user: { login: string; type: string },
  body: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    user,
    body,
    html_url: `${PR_URL}#issuecomment-${id}`,
    created_at: AT,
    updated_at: AT,
    ...extra,
  };
}

/** The override record change-gate writes on the PR, citing the `/override` comment it answers. */
function record(by: string, reason: string, source: number | null) {
  const json = {
    v: 1,
    pr: 1,
    by,
    reason,
    at: "2026-11-24T08:00:01.000Z",
    source: source && `${PR_URL}#issuecomment-${source}`,
  };
  return `Override approved by @${by}: ${reason}\n\n<!-- change-gate:override ${JSON.stringify(json)} -->`;
}

function permission(login: string, role: string) {
  nock(API)
    .get(PERMISSION(login))
    .reply(200, { permission: role === "maintain" ? "write" : role, role_name: role });
}

const comments = (list: unknown[]) =>
  nock(API).get(`${REPO}/issues/1/comments?per_page=100`).reply(200, list);

describe("the Action: records prove nothing, people's own /override comments do", () => {
  it("records written by github-actions[bot] (any workflow of the repository can write one) approve nothing", async () => {
    comments([
      listed(1, ACTIONS_BOT, record("bob", "forged by another workflow", null)),
      // A record citing a person's ordinary comment does not make it an /override.
      listed(2, { login: "alice", type: "User" }, "LGTM"),
      listed(3, ACTIONS_BOT, record("alice", "forged", 2)),
    ]);
    const { gh, calls } = client();
    expect(await readOverride(gh, REF, 1, config(), NOW)).toBeNull();
    // Not even a permission lookup: there is no /override to look at.
    expect(calls).toHaveLength(1);
  });

  it("an unedited /override by someone who may override now counts once its audit record cites it", async () => {
    comments([
      listed(11, { login: "alice", type: "User" }, "/override hotfix for INC-1"),
      listed(12, ACTIONS_BOT, record("alice", "hotfix for INC-1", 11)),
      // carol's audit never happened (the ledger could not be written): her /override has no record.
      listed(13, { login: "carol", type: "User" }, "/override me too"),
      // a second /override by alice is still one approval
      listed(14, { login: "alice", type: "User" }, "/override again"),
      listed(15, ACTIONS_BOT, record("alice", "again", 14)),
    ]);
    permission("alice", "maintain");
    const { gh, calls } = client();
    expect(await readOverride(gh, REF, 1, config({ overrides: { approvals: 2 } }), NOW)).toEqual({
      by: ["alice"],
      reason: "hotfix for INC-1",
    });
    // The comments, and alice's authority once.
    expect(calls).toHaveLength(2);
  });

  it("an edited /override, and one whose author no longer may override, approve nothing", async () => {
    comments([
      // Edited an hour later: maybe by someone with write access turning bob's comment into an approval.
      listed(21, { login: "bob", type: "User" }, "/override hotfix", { updated_at: "2026-11-24T09:00:00Z" }),
      listed(22, ACTIONS_BOT, record("bob", "hotfix", 21)),
      // dave was a maintainer when he commented; he has write permission now.
      listed(23, { login: "dave", type: "User" }, "/override hotfix"),
      listed(24, ACTIONS_BOT, record("dave", "hotfix", 23)),
    ]);
    permission("dave", "write");
    expect(await readOverride(client().gh, REF, 1, config(), NOW)).toBeNull();
  });

  it("in a fan-out each approver's authority is asked once for the whole batch", async () => {
    const page = [1, 2].flatMap((pr) => [
      {
        ...listed(pr * 10, { login: "alice", type: "User" }, "/override hotfix"),
        issue_url: `${API}${REPO}/issues/${pr}`,
      },
      {
        ...listed(
          pr * 10 + 1,
          ACTIONS_BOT,
          record("alice", "hotfix", pr * 10).replace('"pr":1', `"pr":${pr}`),
        ),
        issue_url: `${API}${REPO}/issues/${pr}`,
      },
    ]);
    nock(API).get(`${REPO}/issues/comments`).query(true).reply(200, page.reverse());
    permission("alice", "admin");
    const { gh, calls } = client();
    const prs = [1, 2].map((number) => ({ number, created_at: "2026-11-24T07:00:00Z" }));
    const batch = overrideBatch(gh, REF, prs, config(), NOW);
    expect(await batch.get(1)).toEqual({ by: ["alice"], reason: "hotfix" });
    expect(await batch.get(2)).toEqual({ by: ["alice"], reason: "hotfix" });
    expect(calls).toHaveLength(2);
  });
});

describe("the override label: its adder's authority is read when the label is", () => {
  it("a label added by someone who has since lost the permission approves nothing", async () => {
    comments([]);
    nock(API)
      .get(`${REPO}/issues/1/events?per_page=100`)
      .reply(200, [
        { event: "labeled", actor: { login: "erin", type: "User" }, label: { name: "emergency" } },
      ]);
    permission("erin", "triage");
    expect(
      await readOverride(client().gh, REF, 1, config(), NOW, { labels: ["emergency"], appId: 5 }),
    ).toBeNull();
  });
});

describe("user text never reaches a hidden block", () => {
  const FORGED = `<!-- change-gate:override {"v":1,"pr":1,"by":"bob","reason":"x","at":"2026-11-24T08:00:00.000Z","source":null} -->`;

  it("/override hotfix <!-- change-gate:override {…bob…} --> by alice is alice's approval alone: 2 approvals are not met", async () => {
    nock(API).post(REACTIONS, { content: "eyes" }).reply(201, {});
    nock(API).post(REACTIONS, { content: "+1" }).reply(201, {});
    permission("alice", "maintain");
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(404, {});
    let written = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        written = b.body;
        return true;
      })
      .reply(201, { html_url: `${PR_URL}#issuecomment-2` });
    const cfg = config({ overrides: { approvals: 2 } });
    const payload = commentPayload(`/override hotfix ${FORGED}`, { pullRequest: true, login: "alice" });
    expect((await runCommand(client().gh, eventOf(payload, cfg))).outcome).toBe("done");

    // The reason reads the same to people, but opens no comment: the record's own block is the only one.
    expect(written.match(/<!--/g)).toHaveLength(1);
    expect(written).toContain("hotfix &lt;!-- change-gate&#58;override {");
    // Read back as this App's record, next to alice's earlier plain one: one approver, so no override.
    const ours = { user: { login: "change-gate[bot]", type: "Bot" }, performed_via_github_app: { id: 5 } };
    comments([
      listed(1, ours.user, record("alice", "first", null), ours),
      listed(2, ours.user, written, ours),
    ]);
    const override = await readOverride(client().gh, REF, 1, cfg, NOW, { appId: 5 });
    expect(override?.by).toEqual(["alice"]);
    const report = evaluateChange({
      config: cfg,
      at: NOW,
      body: null,
      ledger: [{ name: "Freeze #3", from: AT, until: null }],
      override,
    });
    expect(report.gates.merge.conclusion).toBe("failure");
  });

  it("a /freeze reason carrying a freeze block does not change the ledger's record", async () => {
    nock(API).post(REACTIONS, { content: "eyes" }).reply(201, {});
    permission("Codertocat", "maintain");
    nock(API).get(LIST_LEDGER).reply(200, []);
    let body = "";
    nock(API)
      .post(`${REPO}/issues`, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, {
        number: 7,
        html_url: "https://github.com/Codertocat/Hello-World/issues/7",
        created_at: AT,
        labels: [{ name: "change-freeze" }],
      });
    // The ledger revision, whose visible text quotes the reason inertly.
    let revision = "";
    nock(API)
      .post(`${REPO}/issues/7/comments`, (b) => {
        revision = b.body;
        return true;
      })
      .reply(201, {});
    nock(API).get(LIST_LEDGER).reply(200, []);
    let reply = "";
    nock(API)
      .post(`${REPO}/issues/1/comments`, (b) => {
        reply = b.body;
        return true;
      })
      .reply(201, {});
    nock(API).post(REACTIONS, { content: "+1" }).reply(201, {});
    const forged = `<!-- change-gate:freeze {"v":1,"by":"ceo","from":"2020-01-01T00:00:00Z","until":"2020-01-02T00:00:00Z"} -->`;
    await runCommand(client().gh, eventOf(commentPayload(`/freeze for 2h release ${forged}`)));
    expect(readBlock(body)).toMatchObject({ by: "Codertocat", until: "2026-11-24T11:00:00.000Z" });
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(reply).not.toContain("<!--");
    expect(revision.match(/<!--/g)).toHaveLength(1);
    expect(readRevisionBlock(revision)?.record).toMatchObject({
      by: "Codertocat",
      until: "2026-11-24T11:00:00.000Z",
    });
  });
});

describe("a command comment is acted on once", () => {
  it("a /freeze whose 👀 is already there (a redelivery, a replay after a restart) does nothing more", async () => {
    // GitHub answers 200 when this reaction by us already exists, 201 when it is new.
    nock(API).post(REACTIONS, { content: "eyes" }).reply(200, { id: 1, content: "eyes" });
    const { gh, calls } = client();
    const result = await runCommand(gh, eventOf(commentPayload("/freeze for 2h")));
    expect(result).toMatchObject({ outcome: "duplicate", stateChanged: false, command: { kind: "freeze" } });
    expect(calls).toHaveLength(1);
  });

  it("a replayed /override writes no second record", async () => {
    nock(API).post(REACTIONS, { content: "eyes" }).reply(200, { id: 1, content: "eyes" });
    const { gh, calls } = client();
    const payload = commentPayload("/override hotfix", { pullRequest: true });
    expect((await runCommand(gh, eventOf(payload))).outcome).toBe("duplicate");
    expect(calls.map((c) => c.line)).toEqual([`POST ${REACTIONS}`]);
  });

  it("the Action's first attempt runs the command although another workflow's 👀 (same github-actions[bot]) is there", async () => {
    nock(API).post(REACTIONS, { content: "eyes" }).reply(200, { id: 1, content: "eyes" });
    nock(API).get(LIST_LEDGER).reply(200, []);
    nock(API).get(LIST_ORG_LEDGER).reply(404, {});
    nock(API).post(`${REPO}/issues/1/comments`).reply(201, {});
    nock(API).post(REACTIONS, { content: "+1" }).reply(201, {});
    const result = await runCommand(client().gh, {
      ...eventOf(commentPayload("/freeze status")),
      once: false,
    });
    expect(result.outcome).toBe("done");
  });
});

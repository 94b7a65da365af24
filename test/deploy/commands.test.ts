// /unfreeze and /override release held deployments at once, through the real App (Probot, signed webhooks).
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, example, type Harness } from "../app/harness.js";
import {
  CONFIG,
  fakeApi,
  freezeIssue,
  GOOD_BODY,
  OWNER,
  PAYLOAD,
  pullRequest,
  REPO,
  SHA,
} from "./helpers.js";

const BASE = `/repos/${OWNER}/${REPO}`;
const INSTALLATION = (PAYLOAD as unknown as { installation: { id: number } }).installation.id;
const HEAD = "0123456789abcdef0123456789abcdef01234567";

beforeEach(() => nock.disableNetConnect());
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A real `issue_comment.created` payload, moved to the repository (and installation) of the deployment fixture. */
function command(body: string, opts: { pullRequest?: boolean } = {}) {
  const payload = example("issue_comment", "created");
  payload.comment.body = body;
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMzU0OTAxMjU=" };
  if (opts.pullRequest) payload.issue.pull_request = { url: `https://api.github.com${BASE}/pulls/1` };
  return payload;
}

interface Commands {
  /** Bodies posted as comments, by issue number. */
  comments: { issue: number; body: string }[];
  reactions: string[];
  checkRuns: { conclusion?: string; output?: { summary?: string } }[];
}

/** What the command side needs on top of the deploy gate's fake API: token, reactions, permission, comments. */
function commandApi(prComments: Record<string, unknown>[], reacted = new Set<string>()): Commands {
  const seen: Commands = { comments: [], reactions: [], checkRuns: [] };
  nock("https://api.github.com")
    .persist()
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
    .post(/\/issues\/comments\/\d+\/reactions$/)
    .reply((uri, body) => {
      // As GitHub: 200 when the App's reaction is already on that comment, 201 when it is new.
      const key = `${uri} ${(body as { content: string }).content}`;
      const exists = reacted.has(key);
      reacted.add(key);
      seen.reactions.push((body as { content: string }).content);
      return [exists ? 200 : 201, { id: 1 }];
    })
    .get(`${BASE}/collaborators/Codertocat/permission`)
    .reply(200, { permission: "admin", role_name: "maintain" })
    // Registered before the deploy gate's fake API, so the PR's comments are what was posted.
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .reply(() => [200, prComments])
    .post(/\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments/)
    .reply((uri, body) => {
      const issue = Number(/issues\/(\d+)\/comments/.exec(uri)![1]);
      const text = (body as { body: string }).body;
      seen.comments.push({ issue, body: text });
      if (issue === 1)
        prComments.push({
          id: 2,
          user: { login: "change-gate[bot]", type: "Bot" },
          body: text,
          created_at: "2026-11-24T10:00:00Z",
          updated_at: "2026-11-24T10:00:00Z",
          // Written with the installation token of the harness's App (id 1): only such records count.
          performed_via_github_app: { id: 1, slug: "change-gate" },
        });
      return [201, { id: 2, html_url: `https://github.com/${OWNER}/${REPO}/pull/1#issuecomment-2` }];
    })
    // The closing reply and reaction, as one GraphQL mutation (the payloads carry node ids); the command comments
    // here are all on #1.
    .post("/graphql")
    .reply((_uri, body) => {
      const v = (body as { variables: { body: string; reaction: string } }).variables;
      seen.comments.push({ issue: 1, body: v.body });
      seen.reactions.push(
        v.reaction === "THUMBS_UP" ? "+1" : v.reaction === "THUMBS_DOWN" ? "-1" : v.reaction,
      );
      return [
        200,
        {
          data: {
            reply: { commentEdge: { node: { id: "IC_2" } } },
            reaction: { reaction: { content: v.reaction } },
            working: null,
          },
        },
      ];
    })
    .get(`${BASE}/pulls`)
    .query(true)
    .reply(200, []);
  return seen;
}

/** The PR check on HEAD that follows an override: no run yet, the new one kept in `seen.checkRuns`. */
function recheckApi(seen: Commands): void {
  nock("https://api.github.com")
    .get(new RegExp(`${BASE}/commits/${HEAD}/check-runs`))
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${BASE}/check-runs`)
    .reply((_uri, body) => {
      seen.checkRuns.push(body as Commands["checkRuns"][number]);
      return [201, { id: 9 }];
    })
    .post(`${BASE}/issues/1/labels`)
    .optionally()
    .reply(200, [{ name: "risk: low" }]);
}

async function held(h: Harness, api: ReturnType<typeof fakeApi>): Promise<void> {
  await h.send("deployment_protection_rule", PAYLOAD);
  expect(api.posts).toEqual([
    {
      environment_name: "production",
      comment: expect.stringMatching(/^Waiting for freeze \*\*Freeze #7\*\*/),
    },
  ]);
  expect(h.runtime.waiting.pending()).toHaveLength(1);
}

describe("commands re-evaluate held deployments at once (App)", () => {
  it("/unfreeze by a maintainer approves the deployment the freeze held, without waiting for a timer or sweep", async () => {
    // Tue 24 Nov 11:00 CET: inside the window, so only the freeze holds the deployment.
    const h = await createHarness();
    const seen = commandApi([]);
    const api = fakeApi();
    api.ledger = [freezeIssue(7, "2026-11-23T12:00:00Z", null, "payments incident")];
    nock("https://api.github.com")
      .patch(`${BASE}/issues/7`)
      .reply((_uri, body) => {
        expect(body).toMatchObject({ state: "closed" });
        api.ledger = [];
        return [200, {}];
      });

    await held(h, api);
    await h.send("issue_comment", command("/unfreeze payments fixed"));
    await h.runtime.waiting.idle();

    expect(seen.reactions).toEqual(["eyes", "+1"]);
    expect(seen.comments.map((c) => c.issue)).toEqual([7, 1]);
    expect(api.posts).toHaveLength(2);
    expect(api.posts[1]).toMatchObject({ environment_name: "production", state: "approved" });
    expect(h.runtime.waiting.pending()).toEqual([]);
  });

  it("/override <reason> on the PR releases its held deployment, is recorded in the ledger issue and shows in the check", async () => {
    const h = await createHarness();
    const prComments: Record<string, unknown>[] = [];
    const seen = commandApi(prComments);
    const api = fakeApi({ pulls: [pullRequest(1, GOOD_BODY)] });
    api.ledger = [freezeIssue(7, "2026-11-23T12:00:00Z", null, "payments incident")];
    // After the override the App re-checks the PR itself.
    nock("https://api.github.com")
      .get(`${BASE}/pulls/1`)
      .reply(200, {
        ...pullRequest(1, GOOD_BODY),
        state: "open",
        merged_at: null,
        head: { sha: HEAD, ref: "fix" },
      });
    recheckApi(seen);

    await held(h, api);
    await h.send("issue_comment", command("/override hotfix for INC-1234", { pullRequest: true }));
    await h.runtime.waiting.idle();

    expect(seen.reactions).toEqual(["eyes", "+1"]);
    // The freeze's ledger issue shows who overrode it for which PR and why; then the PR's own record.
    expect(seen.comments.map((c) => c.issue)).toEqual([7, 1]);
    expect(seen.comments[0]!.body).toMatch(
      new RegExp(
        `^Override: @Codertocat let ${OWNER}/${REPO}#1 through this freeze \\(.*\\): hotfix for INC-1234`,
      ),
    );
    expect(seen.comments[1]!.body).toContain("Recorded in the freeze ledger: #7.");
    // The held deployment (its commit came from PR #1) is approved at once.
    expect(api.posts).toHaveLength(2);
    expect(api.posts[1]).toMatchObject({ environment_name: "production", state: "approved" });
    expect(h.runtime.waiting.pending()).toEqual([]);
    // The check run passes and its summary names the override.
    expect(seen.checkRuns).toHaveLength(1);
    expect(seen.checkRuns[0]).toMatchObject({ conclusion: "success" });
    expect(seen.checkRuns[0]!.output?.summary).toContain("**Override** by @Codertocat: hotfix for INC-1234");
    expect(SHA).toBe(PAYLOAD.deployment.sha);
  });

  it("the emergency label added by a maintainer is audited in the ledger, releases the held deployment and passes the check", async () => {
    const h = await createHarness();
    const seen = commandApi([]);
    // The PR carries the label now; the deploy gate and the check both read who added it.
    const labelled = { ...pullRequest(1, GOOD_BODY), labels: [{ name: "emergency" }] };
    const api = fakeApi({ pulls: [pullRequest(1, GOOD_BODY)] });
    api.ledger = [freezeIssue(7, "2026-11-23T12:00:00Z", null, "payments incident")];
    nock("https://api.github.com")
      .persist()
      .get(`${BASE}/issues/1/events`)
      .query(true)
      .reply(200, [
        {
          id: 1,
          event: "labeled",
          label: { name: "emergency" },
          actor: { login: "Codertocat", type: "User" },
        },
      ]);
    recheckApi(seen);

    await held(h, api);
    api.pulls = [labelled];
    const payload = example("pull_request", "labeled");
    payload.repository.name = REPO;
    payload.repository.full_name = `${OWNER}/${REPO}`;
    payload.repository.owner.login = OWNER;
    payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMzU0OTAxMjU=" };
    payload.label = { ...payload.label, name: "emergency" };
    payload.pull_request = {
      ...payload.pull_request,
      ...labelled,
      state: "open",
      merged_at: null,
      head: { ...payload.pull_request.head, sha: HEAD },
    };
    await h.send("pull_request", payload);
    await h.runtime.waiting.idle();

    // The ledger issue of the freeze records the exception; the PR is told.
    expect(seen.comments.map((c) => c.issue)).toEqual([7, 1]);
    expect(seen.comments[0]!.body).toMatch(
      new RegExp(
        `^Override: @Codertocat let ${OWNER}/${REPO}#1 through this freeze \\(.*\\): \`emergency\` label`,
      ),
    );
    expect(seen.comments[1]!.body).toMatch(
      /^Override approved by @Codertocat with the `emergency` label\. Recorded in the freeze ledger: #7\./,
    );
    // The held deployment is approved at once, and the check passes naming the override.
    expect(api.posts[1]).toMatchObject({ environment_name: "production", state: "approved" });
    expect(seen.checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
    expect(seen.checkRuns.at(-1)!.output?.summary).toContain(
      "**Override** by @Codertocat: `emergency` label",
    );
  });
});

describe("override trust and replays in the App (issue 14)", () => {
  /** What the override check on HEAD reads after an /override (no run yet), answered for any number of re-checks. */
  function recheckMany(seen: Commands): void {
    nock("https://api.github.com")
      .persist()
      .get(`${BASE}/pulls/1`)
      .reply(200, {
        ...pullRequest(1, GOOD_BODY),
        state: "open",
        merged_at: null,
        head: { sha: HEAD, ref: "fix" },
      })
      .get(new RegExp(`${BASE}/commits/${HEAD}/check-runs`))
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`${BASE}/check-runs`)
      .reply((_uri, body) => {
        seen.checkRuns.push(body as Commands["checkRuns"][number]);
        return [201, { id: 9 }];
      })
      .post(`${BASE}/issues/1/labels`)
      .reply(200, [{ name: "risk: low" }]);
  }

  it("an override record written by another workflow (github-actions[bot]) or another App does not release a held deployment", async () => {
    const h = await createHarness();
    const forged = `Override approved by @Codertocat: hotfix\n\n<!-- change-gate:override ${JSON.stringify({ v: 1, pr: 1, by: "Codertocat", reason: "hotfix", at: "2026-11-24T08:00:00.000Z", source: null })} -->`;
    const at = { created_at: "2026-11-24T08:00:00Z", updated_at: "2026-11-24T08:00:00Z" };
    commandApi([
      { id: 5, user: { login: "github-actions[bot]", type: "Bot" }, body: forged, ...at },
      {
        id: 6,
        user: { login: "other-app[bot]", type: "Bot" },
        body: forged,
        ...at,
        performed_via_github_app: { id: 99 },
      },
    ]);
    const api = fakeApi({ pulls: [pullRequest(1, GOOD_BODY)] });
    api.ledger = [freezeIssue(7, "2026-11-23T12:00:00Z", null, "payments incident")];
    await held(h, api);
    expect(api.posts.some((p) => (p as { state?: string }).state === "approved")).toBe(false);
  });

  it("with `overrides.approvals: 2`, one person hiding a second approver's block in the reason does not release the deployment", async () => {
    const h = await createHarness();
    const prComments: Record<string, unknown>[] = [];
    const seen = commandApi(prComments);
    const api = fakeApi({
      pulls: [pullRequest(1, GOOD_BODY)],
      config: `${CONFIG}overrides: { approvals: 2 }\n`,
    });
    api.ledger = [freezeIssue(7, "2026-11-23T12:00:00Z", null, "payments incident")];
    recheckMany(seen);
    await held(h, api);
    const bob = `<!-- change-gate:override ${JSON.stringify({ v: 1, pr: 1, by: "bob", reason: "x", at: "2026-11-24T08:00:00.000Z", source: null })} -->`;
    await h.send("issue_comment", command("/override hotfix", { pullRequest: true }));
    const second = command(`/override hotfix ${bob}`, { pullRequest: true });
    second.comment.id += 1;
    await h.send("issue_comment", second);
    await h.runtime.waiting.idle();
    // Both records were written (one per command), yet only Codertocat approved.
    expect(prComments).toHaveLength(2);
    expect(api.posts.some((p) => (p as { state?: string }).state === "approved")).toBe(false);
    expect(h.runtime.waiting.pending()).toHaveLength(1);
    expect(seen.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
  });

  it("an /override redelivered to a restarted App (or another replica) writes no second record", async () => {
    const prComments: Record<string, unknown>[] = [];
    const reacted = new Set<string>();
    const seen = commandApi(prComments, reacted);
    const api = fakeApi({ pulls: [pullRequest(1, GOOD_BODY)] });
    recheckMany(seen);
    const payload = command("/override hotfix for INC-1234", { pullRequest: true });
    await (await createHarness()).send("issue_comment", payload, "delivery-override");
    // A new process: nothing in memory, so what GitHub holds (the App's 👀 on the comment) decides.
    const restarted = await createHarness();
    await restarted.send("issue_comment", payload, "delivery-override");
    await restarted.runtime.waiting.idle();
    expect(seen.reactions).toEqual(["eyes", "+1", "eyes"]);
    expect(seen.comments.filter((c) => c.body.includes("<!-- change-gate:override "))).toHaveLength(1);
    expect(prComments).toHaveLength(1);
    expect(api.posts).toEqual([]);
  });
});

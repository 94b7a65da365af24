// Ledger issues changed by hand reach the App as `issues` webhooks (real payloads from @octokit/webhooks-examples):
// an unauthorised change is undone and audited, an authorised close counts as /unfreeze, change-gate's own writes
// change nothing.
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepLedger } from "../../src/app/ledger-sweep.js";
import { readBlock } from "../../src/github/freeze-ledger/block.js";
import { ledgerBody } from "../../src/github/freeze-ledger/render.js";
import { readRevisionBlock, revisionComment } from "../../src/github/freeze-ledger/revision.js";
import type { GitHub } from "../../src/github/types.js";
import { createHarness, example, fakeApi, token } from "../app/harness.js";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(pending).toEqual([]);
});

const REPO = "/repos/Codertocat/Hello-World";
const RECORD = {
  v: 1 as const,
  by: "alice",
  reason: "release week",
  environment: "production",
  from: "2026-11-23T00:00:00.000Z",
  until: "2026-11-30T00:00:00.000Z",
  source: null,
};
const BODY = ledgerBody(RECORD, "UTC");
const APP = { id: 1, slug: "change-gate" };

/** An `issues.<action>` example (Codertocat/Hello-World#1) turned into a ledger issue and sent by `sender`. */
function ledgerEvent(
  action: "closed" | "reopened" | "edited" | "labeled" | "unlabeled" | "deleted",
  sender: string,
  edit: { state?: "open" | "closed"; labels?: string[]; body?: string; from?: string } = {},
) {
  // The examples have no `closed` payload: a `reopened` one with the state it reports after a close.
  const payload = example("issues", action === "closed" ? "reopened" : action);
  payload.action = action;
  payload.issue.state = edit.state ?? (action === "closed" ? "closed" : "open");
  payload.issue.body = edit.body ?? BODY;
  payload.issue.labels = (edit.labels ?? ["change-freeze"]).map((name, i) => ({
    id: i + 1,
    name,
    color: "ededed",
  }));
  payload.issue.performed_via_github_app = APP;
  if (action === "labeled" || action === "unlabeled")
    payload.label = { id: 9, name: "change-freeze", color: "1d76db" };
  if (action === "edited") payload.changes = { body: { from: edit.from ?? BODY } };
  payload.sender = { ...payload.sender, login: sender, type: "User" };
  return payload;
}

/** A comment on the ledger issue as the REST listing returns it. */
function comment(body: string, opts: { app?: number | null; edited?: boolean; login?: string } = {}) {
  return {
    id: 1,
    body,
    user: { login: opts.login ?? "change-gate[bot]", type: "Bot" },
    created_at: "2026-11-23T00:00:01Z",
    updated_at: opts.edited ? "2026-11-24T09:00:00Z" : "2026-11-23T00:00:01Z",
    performed_via_github_app: opts.app === null ? null : { ...APP, id: opts.app ?? APP.id },
  };
}

const declared = comment(revisionComment("Freeze declared by @alice.", { active: true, record: RECORD }));
const lifted = comment(revisionComment("Freeze lifted by @alice", { active: false, record: RECORD }));

/** The reads every guarded change makes: the config (none: maintain may freeze) and the issue's comments. */
function reads(comments: unknown[]) {
  return token(fakeApi())
    .route("GET", new RegExp(`^${REPO}/contents/\\.github(%2F|/)change-gate\\.yml`), 404, {})
    .route("GET", `${REPO}/issues/1/comments?per_page=100`, 200, comments);
}

function permission(api: ReturnType<typeof fakeApi>, login: string, role: string) {
  const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
  return api.route("GET", `${REPO}/collaborators/${login}/permission`, 200, {
    permission,
    role_name: role,
    user: { login },
  });
}

/** The re-check after the ledger changed: no open PRs here. */
function fanOut(api: ReturnType<typeof fakeApi>) {
  return api.route("GET", `${REPO}/pulls?state=open&per_page=100`, 200, []);
}

const audits = (api: ReturnType<typeof fakeApi>) =>
  api.writes().filter((w) => w.method === "POST" && w.path === `${REPO}/issues/1/comments`);

describe("a ledger issue changed by hand", () => {
  it("closed by a triage user: reopened, with a reply saying who may lift it; the freeze stays", async () => {
    const h = await createHarness();
    const api = fanOut(permission(reads([declared]), "bob", "triage"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {});
    await h.send("issues", ledgerEvent("closed", "bob"));
    const [audit, reopen] = api.writes();
    expect(audit?.body.body).toMatch(
      /^Reopened: @bob closed this freeze's issue, but @bob has triage permission; only users with maintain permission or higher may\. The freeze stays: production frozen until .*\. Lift or change it with `\/unfreeze` or `\/freeze`\./,
    );
    // The audit carries the revision restored to, written before the undo so the App's own `reopened` is no change.
    expect(readRevisionBlock(audit?.body.body)).toEqual({ v: 1, active: true, record: RECORD });
    expect(reopen).toMatchObject({ method: "PATCH", path: `${REPO}/issues/1`, body: { state: "open" } });
    expect(api.writes()).toHaveLength(2);
  });

  it("closed by a maintainer: counts as /unfreeze, audited, and open PRs are re-checked", async () => {
    const h = await createHarness();
    const api = fanOut(permission(reads([declared]), "carol", "maintain")).route(
      "POST",
      `${REPO}/issues/1/comments`,
      201,
      { id: 2 },
    );
    await h.send("issues", ledgerEvent("closed", "carol"));
    expect(api.writes()).toHaveLength(1);
    const body = audits(api)[0]?.body.body as string;
    expect(body).toMatch(
      /^Freeze lifted by @carol, who closed this freeze's issue \(this counts as `\/unfreeze`; @carol has maintain permission\)\./,
    );
    expect(readRevisionBlock(body)).toEqual({ v: 1, active: false, record: RECORD });
    expect(api.calls.some((c) => c.path.startsWith(`${REPO}/pulls?`))).toBe(true);
  });

  it("a freeze whose `until` has passed may be closed by anyone: nothing to undo", async () => {
    const h = await createHarness();
    const ended = { ...RECORD, until: "2026-11-24T09:00:00.000Z" };
    const api = reads([comment(revisionComment("x", { active: true, record: ended }))]);
    await h.send("issues", ledgerEvent("closed", "bob", { body: ledgerBody(ended, "UTC") }));
    expect(api.writes()).toEqual([]);
  });

  it("the change-freeze label removed by a triage user: put back, audited", async () => {
    const h = await createHarness();
    const api = fanOut(permission(reads([declared]), "bob", "triage"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("POST", `${REPO}/issues/1/labels`, 200, [{ name: "change-freeze" }]);
    await h.send("issues", ledgerEvent("unlabeled", "bob", { labels: [] }));
    expect(audits(api)[0]?.body.body).toMatch(/^Label restored: @bob removed the `change-freeze` label, but/);
    expect(api.writes()[1]).toMatchObject({
      path: `${REPO}/issues/1/labels`,
      body: { labels: ["change-freeze"] },
    });
  });

  it("`until` edited by a write user below the command permission: the App's last revision is restored", async () => {
    const h = await createHarness();
    const tampered = BODY.replace("2026-11-30T00:00:00.000Z", "2026-11-24T00:00:00.000Z");
    expect(readBlock(tampered)?.until).toBe("2026-11-24T00:00:00.000Z");
    const api = fanOut(permission(reads([declared]), "dave", "write"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {});
    await h.send("issues", ledgerEvent("edited", "dave", { body: tampered }));
    expect(audits(api)[0]?.body.body).toMatch(
      /^State restored: @dave edited this freeze's state block, but @dave has write permission; only users with maintain permission or higher may\./,
    );
    const patch = api.writes()[1];
    expect(patch?.body.body).toBe(BODY);
    expect(readBlock(patch?.body.body)).toEqual(RECORD);
  });

  it("a forged revision (pasted by a person, or by another App) is not trusted: the edit is still undone", async () => {
    const h = await createHarness();
    const early = { ...RECORD, until: "2026-11-24T00:00:00.000Z" };
    const tampered = ledgerBody(early, "UTC");
    const forged = [
      comment(revisionComment("lol", { active: true, record: early }), { app: null, login: "dave" }),
      comment(revisionComment("other app", { active: true, record: early }), { app: 99 }),
      // change-gate's own revision, edited afterwards by someone with write: no longer its word.
      { ...comment(revisionComment("x", { active: true, record: early }), { edited: true }), id: 3 },
    ];
    const api = fanOut(permission(reads([declared, ...forged]), "dave", "write"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {});
    await h.send("issues", ledgerEvent("edited", "dave", { body: tampered }));
    expect(readBlock(api.writes()[1]?.body.body)).toEqual(RECORD);
  });

  it("edited by a maintainer: accepted as the new revision, audited", async () => {
    const h = await createHarness();
    const later = { ...RECORD, until: "2026-12-02T00:00:00.000Z" };
    const api = fanOut(permission(reads([declared]), "carol", "maintain")).route(
      "POST",
      `${REPO}/issues/1/comments`,
      201,
      { id: 2 },
    );
    await h.send("issues", ledgerEvent("edited", "carol", { body: ledgerBody(later, "UTC") }));
    expect(api.writes()).toHaveLength(1);
    const body = audits(api)[0]?.body.body as string;
    expect(body).toMatch(
      /^Freeze changed by hand by @carol \(@carol has maintain permission\): now production frozen until /,
    );
    expect(readRevisionBlock(body)).toEqual({ v: 1, active: true, record: later });
  });

  it("a lifted freeze reopened by a triage user: closed again, audited", async () => {
    const h = await createHarness();
    const api = fanOut(permission(reads([declared, lifted]), "bob", "triage"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {});
    await h.send("issues", ledgerEvent("reopened", "bob"));
    expect(audits(api)[0]?.body.body).toMatch(
      /^Closed again: @bob reopened this lifted freeze's issue, but .*The freeze stays lifted\./,
    );
    expect(api.writes()[1]?.body).toMatchObject({ state: "closed" });
  });

  it("the label added by a triage user to an issue with a freeze block: taken off again", async () => {
    const h = await createHarness();
    const payload = ledgerEvent("labeled", "bob");
    payload.issue.performed_via_github_app = null;
    const api = fanOut(permission(reads([]), "bob", "triage"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("DELETE", `${REPO}/issues/1/labels/change-freeze`, 200, []);
    await h.send("issues", payload);
    expect(audits(api)[0]?.body.body).toMatch(/^Label removed: @bob added the `change-freeze` label, but/);
    expect(api.writes()[1]?.method).toBe("DELETE");
  });

  it("change-gate's own close (/unfreeze wrote a lifted revision first) changes nothing: one read, no write", async () => {
    const h = await createHarness();
    const api = reads([declared, lifted]);
    const payload = ledgerEvent("closed", "change-gate[bot]");
    payload.sender.type = "Bot";
    // On an issue a person declared (so the App's bot is not known from the issue), the revision settles it.
    payload.issue.performed_via_github_app = null;
    await h.send("issues", payload);
    expect(api.writes()).toEqual([]);
  });

  it("change-gate's own edit of an issue it created costs no request, even when a later write overtook it", async () => {
    const h = await createHarness();
    const api = fakeApi();
    const payload = ledgerEvent("edited", "change-gate[bot]", {
      body: ledgerBody({ ...RECORD, until: null }, "UTC"),
    });
    payload.sender.type = "Bot";
    await h.send("issues", payload);
    expect(api.calls).toEqual([]);
  });

  it("a ledger issue moved to another repository by a triage user is declared again here", async () => {
    const h = await createHarness();
    const payload = example("issues", "transferred");
    Object.assign(payload.issue, { body: BODY, state: "open", labels: [{ id: 1, name: "change-freeze" }] });
    payload.repository = example("issues", "reopened").repository;
    payload.sender = { ...payload.sender, login: "bob", type: "User" };
    const api = permission(
      token(fakeApi()).route(
        "GET",
        new RegExp(`^${REPO}/contents/\\.github(%2F|/)change-gate\\.yml`),
        404,
        {},
      ),
      "bob",
      "triage",
    )
      .route("POST", `${REPO}/issues`, 201, { number: 12 })
      .route("POST", `${REPO}/issues/12/comments`, 201, { id: 3 });
    fanOut(api);
    await h.send("issues", payload);
    const created = api.writes()[0]?.body;
    expect(created).toMatchObject({ title: "Change freeze: production", labels: ["change-freeze"] });
    expect(readBlock(created.body)).toEqual(RECORD);
    expect(created.body).toMatch(
      /^This freeze was declared again: @bob deleted or moved #1, but @bob has triage permission/,
    );
    expect(readRevisionBlock(api.writes()[1]?.body.body)).toEqual({ v: 1, active: true, record: RECORD });
  });

  it("a label on a freeze change-gate is still creating (no revision yet) is left alone", async () => {
    const h = await createHarness();
    const api = reads([]);
    const payload = ledgerEvent("labeled", "change-gate[bot]");
    // Whoever sent it (a payload without the App's slug cannot be told from another bot's).
    delete payload.issue.performed_via_github_app.slug;
    payload.sender.type = "Bot";
    await h.send("issues", payload);
    expect(api.writes()).toEqual([]);
  });

  it("a freeze change-gate declared before it wrote revisions, closed by a triage user, is reopened", async () => {
    const h = await createHarness();
    const api = fanOut(permission(reads([]), "bob", "triage"))
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {});
    await h.send("issues", ledgerEvent("closed", "bob"));
    expect(readRevisionBlock(audits(api)[0]?.body.body)).toEqual({ v: 1, active: true, record: RECORD });
    expect(api.writes()[1]?.body).toEqual({ state: "open" });
  });

  it("deleted by an admin: counts as /unfreeze (nothing to write on a deleted issue); open PRs re-checked", async () => {
    const h = await createHarness();
    const api = fanOut(
      permission(
        token(fakeApi()).route(
          "GET",
          new RegExp(`^${REPO}/contents/\\.github(%2F|/)change-gate\\.yml`),
          404,
          {},
        ),
        "Codertocat",
        "admin",
      ),
    );
    await h.send("issues", ledgerEvent("deleted", "Codertocat"));
    expect(api.writes()).toEqual([]);
  });

  it("an issue that is no freeze costs no request", async () => {
    const h = await createHarness();
    const payload = example("issues", "edited");
    await h.send("issues", payload);
    const labeled = example("issues", "labeled");
    await h.send("issues", labeled);
  });
});

describe("the App's interval pass over the ledger (a missed or failed `issues` event)", () => {
  it("a ledger issue closed by a triage user while the App was down is reopened, audited, and PRs re-checked", async () => {
    const h = await createHarness();
    const gh = new ProbotOctokit({
      auth: { token: "ghs_test" },
      retry: { enabled: false },
      throttle: { enabled: false },
    }) as unknown as GitHub;
    const closed = {
      number: 1,
      state: "closed",
      body: BODY,
      labels: [{ name: "change-freeze" }],
      html_url: "https://github.com/Codertocat/Hello-World/issues/1",
      created_at: "2026-11-23T00:00:00Z",
    };
    const api = fakeApi()
      // The policy (config, templates) as every sweep of the repository reads it.
      .route("GET", new RegExp(`^${REPO}/contents/\\.github(%2F|/)change-gate\\.yml`), 404, {})
      .route("GET", `${REPO}/git/trees/HEAD`, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .route("GET", `${REPO}/contents/.github`, 404, {})
      .route("GET", new RegExp(`^${REPO}/issues\\?.*state=all`), 200, [closed])
      .route("GET", `${REPO}/issues/1/comments?per_page=100`, 200, [declared])
      .route("GET", `${REPO}/issues/1/events?per_page=100`, 200, [
        { id: 1, event: "closed", actor: { login: "bob", type: "User" } },
      ]);
    permission(api, "bob", "triage")
      .route("POST", `${REPO}/issues/1/comments`, 201, { id: 2 })
      .route("PATCH", `${REPO}/issues/1`, 200, {})
      .route("GET", new RegExp(`^${REPO}/issues\\?.*state=open`), 200, [])
      .route("GET", `${REPO}/pulls?state=open&per_page=100`, 200, []);
    const guarded = await sweepLedger(gh, { owner: "Codertocat", repo: "Hello-World" }, h.runtime.deps);
    expect(guarded).toEqual([{ number: 1, kind: "closed", by: "bob", outcome: "restored" }]);
    expect(api.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST ${REPO}/issues/1/comments`,
      `PATCH ${REPO}/issues/1`,
    ]);
    expect(api.writes()[1]?.body).toEqual({ state: "open" });
  });
});

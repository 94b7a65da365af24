import { readFileSync } from "node:fs";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, example, fakeApi, token } from "./harness.js";

const REPO = "/repos/Codertocat/Hello-World";
const CONFIG = /^\/repos\/Codertocat\/Hello-World\/contents\/\.github(%2F|\/)change-gate\.yml/;
const LEDGER = /^\/repos\/Codertocat\/Hello-World\/issues\?.*labels=change-freeze/;
const ORG_LEDGER = /^\/repos\/Codertocat\/\.github\/issues\?/;
const ROOT_LIST = /^\/repos\/Codertocat\/Hello-World\/git\/trees\/HEAD$/;
const GITHUB_LIST = /^\/repos\/Codertocat\/Hello-World\/contents\/\.github$/;
const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = new RegExp(`^${REPO}/commits/${SHA}/check-runs\\?`);

const GOOD_BODY = [
  "## Rollback plan",
  "Revert this PR and redeploy the previous tag v1.4.2 with `helm rollback api 41`.",
  "",
  "## Blast radius",
  "Only the greeting page of Hello-World; worst case the page shows the old text.",
].join("\n");

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The request count docs/app.md's "API cost per event" table gives for the row that starts with `event`. */
function documented(event: string): number {
  const row = readFileSync("docs/app.md", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`| ${event}`));
  const count = /^\|[^|]*\|\s*(\d+)/.exec(row ?? "")?.[1];
  if (count === undefined) throw new Error(`docs/app.md has no request count for "${event}"`);
  return Number(count);
}

/** A written check's verdict as GitHub would list it back. */
function pick(body: { conclusion: string; output: { title: string; summary: string } }) {
  return { conclusion: body.conclusion, output: { title: body.output.title, summary: body.output.summary } };
}

/** Routes every PR check reads: no config file, no templates, empty ledgers. */
function reads(api: ReturnType<typeof fakeApi>, existing: unknown[] = []) {
  token(api)
    .route("GET", CONFIG, 404, { message: "Not Found" })
    .route("GET", ROOT_LIST, 200, { sha: "t", url: "u", truncated: false, tree: [] })
    .route("GET", GITHUB_LIST, 404, {})
    .route("GET", LEDGER, 200, [])
    .route("GET", ORG_LEDGER, 404, { message: "Not Found" })
    .route("GET", CHECKS, 200, { total_count: existing.length, check_runs: existing });
  return api;
}

describe("pull_request events", () => {
  it("an opened PR without a rollback plan gets a failing change-gate check and the high-risk label", async () => {
    const h = await createHarness();
    const api = reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: high", color: "d93f0b", description: "x" },
      ]);
    await h.send("pull_request", example("pull_request", "opened"));

    const [check, label] = api.writes();
    expect(check?.body).toMatchObject({
      name: "change-gate",
      head_sha: SHA,
      status: "completed",
      conclusion: "failure",
    });
    expect(check?.body.output.title).toMatch(/^Not ready to merge: /);
    expect(check?.body.output.summary).toContain("| ❌ Rollback plan | missing |");
    expect(check?.body.output.summary).toContain("| ❌ Blast radius | missing |");
    expect(label).toMatchObject({
      method: "POST",
      path: `${REPO}/issues/2/labels`,
      body: { labels: ["risk: high"] },
    });
    expect(api.writes()).toHaveLength(2);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a described PR passes, swaps its stale risk label and leaves other labels alone", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "edited" in {} ? "edited" : "opened");
    payload.action = "edited";
    payload.changes = { body: { from: "" } };
    payload.pull_request.body = GOOD_BODY;
    payload.pull_request.labels = [{ name: "bug" }, { name: "risk: high" }];
    const api = reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: low", color: "0e8a16", description: "x" },
      ])
      .route("DELETE", `${REPO}/issues/2/labels/risk%3A%20high`, 200, []);
    await h.send("pull_request", payload);

    const [check, add, remove] = api.writes();
    expect(check?.body).toMatchObject({ conclusion: "success", output: { title: "Ready to merge" } });
    expect(add?.body).toEqual({ labels: ["risk: low"] });
    expect(remove?.method).toBe("DELETE");
    expect(api.writes()).toHaveLength(3);
  });

  it("a label the repo lacks is created grey by GitHub and then given its colour and description", async () => {
    const h = await createHarness();
    const api = reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: high", color: "ededed", description: null },
      ])
      .route("PATCH", `${REPO}/labels/risk%3A%20high`, 200, {});
    await h.send("pull_request", example("pull_request", "opened"));
    expect(api.writes()[2]?.body).toEqual({ color: "d93f0b", description: "change-gate: high risk change" });
  });

  it("a synchronize whose verdict is already on the head writes nothing (no write when unchanged)", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "synchronize");
    payload.pull_request.labels.push({ name: "risk: high" });
    // First delivery writes the check; the second sees it and stays silent.
    const first = reads(fakeApi()).route("POST", `${REPO}/check-runs`, 201, { id: 42 });
    await h.send("pull_request", payload);
    const written = first.writes()[0]!.body;
    expect(first.writes()).toHaveLength(1);
    nock.cleanAll();

    const api = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("GET", CHECKS, 200, {
        total_count: 1,
        check_runs: [{ id: 42, status: "completed", conclusion: written.conclusion, output: written.output }],
      });
    await h.send("pull_request", payload, "delivery-redelivered");
    expect(api.writes()).toEqual([]);
    console.log(`requests: pull_request.synchronize, unchanged result, warm cache = ${api.calls.length}`);
    expect(api.calls.length).toBeLessThanOrEqual(3);
  });

  it("a synchronize with a changed verdict updates the check in place and fixes the labels", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "synchronize");
    // Warm the per-repo config/template cache as a prior event on the repo would.
    reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, []);
    await h.send("pull_request", payload);
    nock.cleanAll();

    payload.pull_request.body = GOOD_BODY;
    payload.pull_request.labels = [{ name: "risk: high" }, { name: "bug" }];
    payload.pull_request.updated_at = "2026-11-24T10:00:00Z";
    const api = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("PATCH", `${REPO}/check-runs/42`, 200, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: low", color: "0e8a16", description: "d" },
      ])
      .route("DELETE", `${REPO}/issues/2/labels/risk%3A%20high`, 200, []);
    await h.send("pull_request", payload, "d-2");
    // The run this process wrote on the head is known, so it is updated without reading it back.
    expect(api.calls.map((c) => `${c.method} ${c.path.split("?")[0]}`)).toEqual([
      `GET ${REPO}/issues`,
      "GET /repos/Codertocat/.github/issues",
      `PATCH ${REPO}/check-runs/42`,
      `POST ${REPO}/issues/2/labels`,
      `DELETE ${REPO}/issues/2/labels/risk%3A%20high`,
    ]);
    expect(api.writes()[0]?.body).toMatchObject({ conclusion: "success" });
    expect(api.writes()[1]?.body).toEqual({ labels: ["risk: low"] });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("request budget of pull_request.synchronize: changed result with a label swap = 5, unchanged = 3", async () => {
    const h = await createHarness();
    // A repo event warms the config/template cache, as any earlier event on the repo does.
    const warm = example("pull_request", "opened");
    warm.pull_request.head.sha = "0".repeat(40);
    warm.pull_request.labels = [{ name: "risk: high" }];
    reads(fakeApi())
      .route("GET", /\/commits\/0{40}\/check-runs\?/, 200, { total_count: 0, check_runs: [] })
      .route("POST", `${REPO}/check-runs`, 201, { id: 41 });
    await h.send("pull_request", warm);
    nock.cleanAll();

    // A push just now: a head nobody has checked yet, and a described PR whose risk drops from high to low.
    const payload = example("pull_request", "synchronize");
    payload.pull_request.body = GOOD_BODY;
    payload.pull_request.labels = [{ name: "bug" }, { name: "risk: high" }];
    payload.pull_request.updated_at = "2026-11-24T09:59:58Z";
    const changed = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("POST", `${REPO}/check-runs`, 201, { id: 43 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "bug", color: "d73a4a", description: "" },
        { name: "risk: low", color: "0e8a16", description: "d" },
      ])
      .route("DELETE", `${REPO}/issues/2/labels/risk%3A%20high`, 200, [{ name: "bug" }]);
    await h.send("pull_request", payload, "push-1");
    expect(changed.calls.map((c) => `${c.method} ${c.path.split("?")[0]}`)).toEqual([
      `GET ${REPO}/issues`,
      "GET /repos/Codertocat/.github/issues",
      `POST ${REPO}/check-runs`,
      `POST ${REPO}/issues/2/labels`,
      `DELETE ${REPO}/issues/2/labels/risk%3A%20high`,
    ]);
    expect(changed.writes()[0]?.body).toMatchObject({ head_sha: SHA, conclusion: "success" });
    nock.cleanAll();

    // The same push delivered again: the verdict is on the head and the labels are right.
    const unchanged = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("GET", CHECKS, 200, {
        total_count: 1,
        check_runs: [{ id: 43, status: "completed", ...pick(changed.writes()[0]!.body) }],
      });
    await h.send("pull_request", payload, "push-1");
    expect(unchanged.writes()).toEqual([]);

    console.log(
      [
        "request budget, pull_request.synchronize (warm config cache, token cached):",
        `  changed result + risk label swap: ${changed.calls.length} (was 6; target <= 5)`,
        `  unchanged result (redelivery):    ${unchanged.calls.length} (target <= 3)`,
      ].join("\n"),
    );
    expect(changed.calls).toHaveLength(5);
    expect(unchanged.calls).toHaveLength(3);
    expect(documented("`pull_request.synchronize` of a new head, risk label swapped")).toBe(
      changed.calls.length,
    );
    expect(documented("`pull_request.synchronize` redelivered, verdict unchanged")).toBe(
      unchanged.calls.length,
    );

    // A new head whose verdict changes but whose risk label is already right: no label write.
    const sameLabel = example("pull_request", "synchronize");
    sameLabel.pull_request.head.sha = "1".repeat(40);
    sameLabel.pull_request.body = GOOD_BODY;
    sameLabel.pull_request.labels = [{ name: "risk: low" }];
    sameLabel.pull_request.updated_at = "2026-11-24T09:59:59Z";
    nock.cleanAll();
    const noLabel = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("POST", `${REPO}/check-runs`, 201, { id: 44 });
    await h.send("pull_request", sameLabel, "push-2");
    expect(noLabel.writes()).toHaveLength(1);
    expect(documented("`pull_request.synchronize` of a new head, no label change")).toBe(
      noLabel.calls.length,
    );
  });

  it("a redelivered event makes no second write: neither the check nor the risk label", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "opened");
    const first = reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: high", color: "d93f0b", description: "x" },
      ]);
    await h.send("pull_request", payload, "delivery-7");
    expect(first.writes().map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST ${REPO}/check-runs`,
      `POST ${REPO}/issues/2/labels`,
    ]);
    nock.cleanAll();

    // GitHub redelivers the very same payload, which still shows the PR without the label we added.
    const again = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("GET", CHECKS, 200, {
        total_count: 1,
        check_runs: [{ id: 42, status: "completed", ...pick(first.writes()[0]!.body) }],
      });
    await h.send("pull_request", payload, "delivery-7");
    expect(again.writes()).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a label someone removed after our write is added back when their event arrives", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "opened");
    reads(fakeApi())
      .route("POST", `${REPO}/check-runs`, 201, { id: 42 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: high", color: "d93f0b", description: "x" },
      ]);
    await h.send("pull_request", payload);
    nock.cleanAll();

    // Their unlabeled event is newer than our write, so its labels are believed over what we remember.
    const removed = example("pull_request", "unlabeled");
    removed.label = { name: "risk: high" };
    removed.pull_request.labels = [];
    removed.pull_request.updated_at = "2026-11-24T10:05:00Z";
    removed.sender = { ...removed.sender, type: "User" };
    const api = fakeApi()
      .route("GET", LEDGER, 200, [])
      .route("GET", ORG_LEDGER, 404, {})
      .route("GET", CHECKS, 200, { total_count: 0, check_runs: [] })
      .route("POST", `${REPO}/check-runs`, 201, { id: 44 })
      .route("POST", `${REPO}/issues/2/labels`, 200, [
        { name: "risk: high", color: "d93f0b", description: "x" },
      ]);
    await h.send("pull_request", removed);
    expect(
      api
        .writes()
        .map((c) => c.body.labels)
        .filter(Boolean),
    ).toEqual([["risk: high"]]);
  });

  it("counts the requests of a cold synchronize (first event of a repo in this process)", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "synchronize");
    payload.pull_request.labels.push({ name: "risk: high" });
    const api = reads(fakeApi()).route("POST", `${REPO}/check-runs`, 201, { id: 42 });
    await h.send("pull_request", payload);
    console.log(
      `requests: pull_request.synchronize, cold cache, token exchange included = ${api.calls.length}`,
    );
    expect(api.calls.map((c) => `${c.method} ${c.path.split("?")[0]}`)).toHaveLength(8);
    expect(documented("first event of a repository in a process")).toBe(api.calls.length);
  });

  it("for every PR action the check is written on the head", async () => {
    for (const action of ["opened", "reopened", "ready_for_review", "labeled", "unlabeled", "synchronize"]) {
      const h = await createHarness();
      const payload = example("pull_request", action);
      payload.pull_request.labels = [{ name: "risk: high" }];
      const api = reads(fakeApi()).route("POST", `${REPO}/check-runs`, 201, { id: 1 });
      await h.send("pull_request", payload);
      expect(
        api.writes().map((c) => c.body.head_sha),
        action,
      ).toEqual([SHA]);
      nock.cleanAll();
    }
  });

  it("our own risk-label change coming back as an event costs no check", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "labeled");
    payload.label = { name: "risk: high" };
    payload.sender = { ...payload.sender, login: "change-gate[bot]", type: "Bot" };
    const api = token(fakeApi())
      .route("GET", CONFIG, 404, {})
      .route("GET", ROOT_LIST, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .route("GET", GITHUB_LIST, 404, {});
    await h.send("pull_request", payload);
    expect(api.writes()).toEqual([]);
  });

  it("a draft PR gets a neutral check that says it is not enforced yet", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "opened");
    payload.pull_request.draft = true;
    payload.pull_request.labels = [{ name: "risk: high" }];
    const api = reads(fakeApi()).route("POST", `${REPO}/check-runs`, 201, { id: 1 });
    await h.send("pull_request", payload);
    expect(api.writes()[0]?.body).toMatchObject({ conclusion: "neutral" });
    expect(api.writes()[0]?.body.output.title).toMatch(
      /^Draft PR — not enforced until it is ready for review/,
    );
  });

  it("a dependabot PR skips the description rules and passes with the reason", async () => {
    const h = await createHarness();
    const payload = example("pull_request", "opened");
    payload.pull_request.user = { ...payload.pull_request.user, login: "dependabot[bot]", type: "Bot" };
    payload.pull_request.body = "Bumps lodash from 4.17.20 to 4.17.21.";
    payload.pull_request.labels = [{ name: "risk: low" }];
    const api = reads(fakeApi()).route("POST", `${REPO}/check-runs`, 201, { id: 1 });
    await h.send("pull_request", payload);
    expect(api.writes()).toHaveLength(1);
    expect(api.writes()[0]?.body).toMatchObject({ conclusion: "success" });
    expect(api.writes()[0]?.body.output.summary).toContain("skipped: authored by the bot dependabot[bot]");
  });

  it("an invalid config fails the check with each error annotated at its line and column", async () => {
    const h = await createHarness();
    const api = token(fakeApi())
      .route(
        "GET",
        CONFIG,
        200,
        'timezone: Mars/Olympus\nwindows:\n  - { days: Mon-Thu, start: "25:00", end: "16:00" }\n',
      )
      .route("GET", CHECKS, 200, { total_count: 0, check_runs: [] })
      .route("POST", `${REPO}/check-runs`, 201, { id: 9 });
    await h.send("pull_request", example("pull_request", "opened"));
    const check = api.writes()[0]!.body;
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toMatch(/^\.github\/change-gate\.yml has \d+ errors?$/);
    expect(check.output.summary).toContain(".github/change-gate.yml:1:11: timezone:");
    expect(check.output.annotations[0]).toMatchObject({
      path: ".github/change-gate.yml",
      start_line: 1,
      start_column: 11,
      annotation_level: "failure",
    });
    expect(api.writes()).toHaveLength(1);
  });

  it("an exception inside fails the check with 'internal error' and the delivery is rejected", async () => {
    const h = await createHarness();
    const api = token(fakeApi())
      .route("GET", CONFIG, 404, {})
      .route("GET", ROOT_LIST, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .route("GET", GITHUB_LIST, 404, {})
      .route("GET", LEDGER, 500, { message: "boom" })
      .route("GET", CHECKS, 200, { total_count: 0, check_runs: [] })
      .route("POST", `${REPO}/check-runs`, 201, { id: 9 });
    await expect(h.send("pull_request", example("pull_request", "opened"))).rejects.toThrow();
    const check = api.writes()[0]!.body;
    expect(check).toMatchObject({
      conclusion: "failure",
      output: { title: "change-gate hit an internal error" },
    });
    expect(check.output.summary).toMatch(/^change-gate hit an internal error: /);
  });

  it("an invalid signature is rejected and calls no API", async () => {
    const h = await createHarness();
    const api = fakeApi();
    const payload = JSON.stringify(example("pull_request", "opened"));
    await expect(
      h.probot.webhooks.verifyAndReceive({
        id: "x",
        name: "pull_request",
        payload,
        signature: "sha256=0000000000000000000000000000000000000000000000000000000000000000",
      }),
    ).rejects.toThrow(/signature does not match/);
    expect(api.calls).toEqual([]);
  });
});

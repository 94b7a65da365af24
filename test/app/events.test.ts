import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, example, fakeApi, token } from "./harness.js";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const TREE = { sha: "t", url: "u", truncated: false, tree: [] };

/** Config-free repo reads for `owner/repo` (no config, no templates, empty ledger). */
function repoReads(api: ReturnType<typeof fakeApi>, owner: string, repo: string, sha: string) {
  const base = `/repos/${owner}/${repo}`;
  return api
    .route("GET", new RegExp(`^${base}/contents/\\.github(%2F|/)change-gate\\.yml`), 404, {})
    .route("GET", `${base}/git/trees/HEAD`, 200, TREE)
    .route("GET", `${base}/contents/.github`, 404, {})
    .route("GET", new RegExp(`^${base}/issues\\?`), 200, [])
    .route("GET", new RegExp(`^/repos/${owner}/\\.github/issues\\?`), 404, {})
    .route("GET", new RegExp(`^${base}/commits/${sha}/check-runs\\?`), 200, {
      total_count: 0,
      check_runs: [],
    });
}

describe("other events", () => {
  it("merge_group.checks_requested checks the group head with the queued PR's description", async () => {
    const h = await createHarness();
    const payload = example("merge_group", "checks_requested");
    const { head_sha } = payload.merge_group;
    const api = repoReads(token(fakeApi()), "octo-org", "octo-repo", head_sha)
      .route("GET", "/repos/octo-org/octo-repo/pulls/104", 200, {
        number: 104,
        head: { sha: "abc" },
        base: { ref: "main" },
        body: "## Rollback plan\nRevert the merge commit and redeploy v2.\n\n## Blast radius\nOnly the README.",
        draft: false,
        user: { login: "octocat", type: "User" },
        labels: [],
      })
      .route("POST", "/repos/octo-org/octo-repo/check-runs", 201, { id: 5 });
    await h.send("merge_group", payload);
    expect(api.writes()).toHaveLength(1);
    expect(api.writes()[0]?.body).toMatchObject({ name: "change-gate", head_sha, conclusion: "success" });
    expect(api.writes()[0]?.body.output.summary).toMatch(/^Merge group for #104\./);
  });

  it("check_run.rerequested re-checks the PR at that head", async () => {
    const h = await createHarness();
    const payload = example("check_run", "rerequested");
    payload.check_run.name = "change-gate";
    payload.check_run.pull_requests = [{ number: 7, head: { sha: payload.check_run.head_sha } }];
    const sha = payload.check_run.head_sha;
    const api = repoReads(token(fakeApi()), "github", "hello-world", sha)
      .route("GET", "/repos/github/hello-world/pulls/7", 200, {
        number: 7,
        head: { sha },
        base: { ref: "main" },
        body: null,
        user: { login: "octocat", type: "User" },
        labels: [{ name: "risk: high" }],
      })
      .route("POST", "/repos/github/hello-world/check-runs", 201, { id: 5 });
    await h.send("check_run", payload);
    expect(api.writes().map((c) => [c.body.head_sha, c.body.conclusion])).toEqual([[sha, "failure"]]);
  });

  it("check_suite.rerequested re-checks the suite's PRs", async () => {
    const h = await createHarness();
    const payload = example("check_suite", "rerequested");
    payload.installation = { id: 1 };
    const sha = payload.check_suite.head_sha;
    const number = payload.check_suite.pull_requests[0].number;
    const api = repoReads(token(fakeApi()), "Codertocat", "Hello-World", sha)
      .route("GET", `/repos/Codertocat/Hello-World/pulls/${number}`, 200, {
        number,
        head: { sha },
        base: { ref: "master" },
        body: null,
        user: { login: "octocat", type: "User" },
        labels: [{ name: "risk: high" }],
      })
      .route("POST", "/repos/Codertocat/Hello-World/check-runs", 201, { id: 5 });
    await h.send("check_suite", payload);
    expect(api.writes()).toHaveLength(1);
  });

  it("installation.created checks every open PR of the installed repositories", async () => {
    const h = await createHarness();
    const payload = example("installation", "created");
    payload.installation.id = 1;
    const api = repoReads(token(fakeApi()), "Codertocat", "Hello-World", "s1")
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/pulls\?/, 200, [
        {
          number: 3,
          head: { sha: "s1" },
          base: { ref: "main" },
          body: null,
          user: { login: "a", type: "User" },
          labels: [{ name: "risk: high" }],
        },
      ])
      .route("POST", "/repos/Codertocat/Hello-World/check-runs", 201, { id: 5 });
    await h.send("installation", payload);
    expect(api.writes().map((c) => c.body.head_sha)).toEqual(["s1"]);
  });

  it("a push to the default branch touching the config re-checks open PRs; other pushes do nothing", async () => {
    const h = await createHarness();
    const payload = example("push", undefined);
    payload.installation = { id: 1 };
    payload.ref = "refs/heads/master";
    payload.commits = [{ added: [], removed: [], modified: ["README.md"] }];
    const idle = fakeApi();
    await h.send("push", payload);
    expect(idle.calls).toEqual([]);

    payload.commits = [{ added: [".github/change-gate.yml"], removed: [], modified: [] }];
    const api = repoReads(token(fakeApi()), "Codertocat", "Hello-World", "s1").route(
      "GET",
      /^\/repos\/Codertocat\/Hello-World\/pulls\?/,
      200,
      [],
    );
    await h.send("push", payload, "push-2");
    expect(api.calls.some((c) => c.path.startsWith("/repos/Codertocat/Hello-World/pulls?"))).toBe(true);
    expect(api.writes()).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/core/config/schema.js";
import { reevaluateOpenPrs } from "../../src/github/pr-check.js";
import { API, client, contents, github, isolateNetwork, REPO, ref } from "./helpers.js";

isolateNetwork();

const pr = (n: number) => ({
  number: n,
  head: { sha: n.toString(16).padStart(40, "0") },
  base: { ref: "main" },
  body: null,
  draft: false,
  user: { login: "octocat", type: "User" },
  labels: [{ name: "risk: high" }],
  additions: 1,
  deletions: 0,
  changed_files: 1,
});
const page = (n: number) => `${API}${REPO}/pulls?state=open&per_page=100&page=${n}`;

describe("reevaluateOpenPrs", () => {
  it("checks 250 open PRs over 3 pages, reading config, templates and the ledger once", async () => {
    const all = Array.from({ length: 250 }, (_, i) => pr(i + 1));
    const api = github()
      .on("GET", contents(REPO, ".github/change-gate.yml"), 404, { message: "Not Found" })
      .on("GET", `${REPO}/git/trees/HEAD`, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .on("GET", `${REPO}/contents/.github`, 404, { message: "Not Found" })
      .on("GET", /^\/repos\/octo-org\/api\/issues\?/, 200, [])
      .on("GET", /^\/repos\/octo-org\/\.github\/issues\?/, 404, { message: "Not Found" })
      .on("GET", /\/pulls\?state=open&per_page=100$/, 200, all.slice(0, 100), {
        link: `<${page(2)}>; rel="next", <${page(3)}>; rel="last"`,
      })
      .on("GET", /\/pulls\?state=open&per_page=100&page=2$/, 200, all.slice(100, 200), {
        link: `<${page(3)}>; rel="next", <${page(3)}>; rel="last"`,
      })
      .on("GET", /\/pulls\?state=open&per_page=100&page=3$/, 200, all.slice(200))
      .on(
        "GET",
        /\/commits\/[0-9a-f]{40}\/check-runs\?/,
        200,
        { total_count: 0, check_runs: [] },
        undefined,
        250,
      )
      .on("POST", `${REPO}/check-runs`, 201, { id: 1 }, undefined, 250);

    const result = await reevaluateOpenPrs(await client(), ref, new Date("2026-11-24T10:00:00Z"));

    expect(result).toMatchObject({ evaluated: 250, failures: 0 });
    const count = (prefix: string) => api.requests().filter((r) => r.startsWith(prefix)).length;
    expect(count(`GET ${REPO}/contents/.github/change-gate.yml`)).toBe(1);
    expect(count(`GET ${REPO}/git/trees/HEAD`)).toBe(1);
    expect(count(`GET ${REPO}/contents/.github`)).toBe(2); // config file + the .github listing
    expect(count(`GET ${REPO}/issues`)).toBe(1);
    expect(count("GET /repos/octo-org/.github/issues")).toBe(1);
    expect(count(`GET ${REPO}/pulls`)).toBe(3);
    expect(api.writes().map((w) => w.body.head_sha)).toEqual(all.map((p) => p.head.sha));
    // Each PR already carries its risk label: no label writes.
    expect(count("POST") + count("DELETE")).toBe(250);
    expect(api.calls).toHaveLength(3 + 2 + 3 + 250 * 2);
  });

  it("a PR whose check fails to write is counted and the batch goes on", async () => {
    const failed: number[] = [];
    github()
      .on("GET", contents(REPO, ".github/change-gate.yml"), 404, {})
      .on("GET", `${REPO}/git/trees/HEAD`, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .on("GET", `${REPO}/contents/.github`, 404, {})
      .on("GET", /^\/repos\/octo-org\/api\/issues\?/, 200, [])
      .on("GET", /^\/repos\/octo-org\/\.github\/issues\?/, 404, {})
      .on("GET", /\/pulls\?state=open&per_page=100$/, 200, [pr(1), pr(2)])
      .on(
        "GET",
        /\/commits\/[0-9a-f]{40}\/check-runs\?/,
        200,
        { total_count: 0, check_runs: [] },
        undefined,
        3,
      )
      .on("POST", `${REPO}/check-runs`, 500, { message: "boom" })
      .on("POST", `${REPO}/check-runs`, 500, { message: "boom" })
      .on("POST", `${REPO}/check-runs`, 201, { id: 2 });
    const result = await reevaluateOpenPrs(await client(), ref, new Date("2026-11-24T10:00:00Z"), {
      onError: (n) => failed.push(n),
    });
    expect(result).toMatchObject({ evaluated: 2, failures: 1 });
    expect(failed).toEqual([1]);
  });

  it("when the freeze ledger cannot be read, every open PR gets a failing 'internal error' check, not a stale pass", async () => {
    const failed: number[] = [];
    const api = github()
      .on("GET", contents(REPO, ".github/change-gate.yml"), 404, {})
      .on("GET", `${REPO}/git/trees/HEAD`, 200, { sha: "t", url: "u", truncated: false, tree: [] })
      .on("GET", `${REPO}/contents/.github`, 404, {})
      .on("GET", /^\/repos\/octo-org\/api\/issues\?/, 500, { message: "Server Error" })
      .on("GET", /\/pulls\?state=open&per_page=100$/, 200, [pr(1), pr(2)])
      .on(
        "GET",
        /\/commits\/[0-9a-f]{40}\/check-runs\?/,
        200,
        { total_count: 0, check_runs: [] },
        undefined,
        2,
      )
      .on("POST", `${REPO}/check-runs`, 201, { id: 1 }, undefined, 2);

    await expect(
      reevaluateOpenPrs(await client(), ref, new Date("2026-11-24T10:00:00Z"), {
        onError: (n) => failed.push(n),
      }),
    ).rejects.toThrow();
    expect(failed).toEqual([1, 2]);
    const writes = api.writes();
    expect(writes.map((w) => [w.body.head_sha, w.body.conclusion])).toEqual([
      [pr(1).head.sha, "failure"],
      [pr(2).head.sha, "failure"],
    ]);
    expect(writes[0]?.body.output.title).toMatch(/internal error/);
  });

  describe("after a ledger change (a /freeze or /unfreeze fan-out)", () => {
    const NOW = new Date("2026-11-24T10:00:00Z");
    const freeze = (environment: string | null) => ({
      name: "Freeze #7",
      by: "Codertocat",
      from: "2026-11-24T09:00:00Z",
      until: null,
      environment,
    });
    const config = {
      ok: true as const,
      config: configSchema.parse({ timezone: "UTC" }),
      file: ".github/change-gate.yml",
    };

    function api(prs: ReturnType<typeof pr>[]) {
      return github()
        .on("GET", `${REPO}/git/trees/HEAD`, 200, { sha: "t", url: "u", truncated: false, tree: [] })
        .on("GET", `${REPO}/contents/.github`, 404, {})
        .on("GET", /\/pulls\?state=open&per_page=100$/, 200, prs)
        .on("GET", /^\/repos\/octo-org\/api\/issues\/\d+\/comments/, 200, [], undefined, prs.length)
        .on("GET", /^\/repos\/octo-org\/api\/issues\/comments\?/, 200, [], undefined, 10)
        .on("POST", `${REPO}/check-runs`, 201, { id: 1 }, undefined, prs.length);
    }

    it("a freeze that flips every PR costs one request per PR: the new verdict, without looking up the old run", async () => {
      const prs = Array.from({ length: 30 }, (_, i) => pr(i + 1));
      const fake = api(prs);
      const result = await reevaluateOpenPrs(await client(), ref, NOW, {
        config,
        ledger: [freeze(null)],
        previousLedger: [],
      });
      expect(result).toMatchObject({ evaluated: 30, failures: 0, untouched: 0 });
      expect(fake.writes().map((w) => [w.body.head_sha, w.body.conclusion])).toEqual(
        prs.map((p) => [p.head.sha, "failure"]),
      );
      expect(fake.requests().filter((r) => r.includes("/check-runs?"))).toEqual([]);
      const perPr = fake.calls.length - 3; // templates (2) and the PR list (1), once
      // The override comments of the page are read together (one listing), then one write per PR.
      expect(perPr).toBe(30 + 1);
    });

    it("a freeze that moves no PR's verdict (deploys of one environment only) reads and writes nothing per PR", async () => {
      const prs = Array.from({ length: 30 }, (_, i) => pr(i + 1));
      const fake = api(prs);
      const result = await reevaluateOpenPrs(await client(), ref, NOW, {
        config,
        ledger: [freeze("production")],
        previousLedger: [],
      });
      expect(result).toMatchObject({ evaluated: 30, failures: 0, untouched: 30 });
      expect(fake.writes()).toEqual([]);
      expect(fake.calls).toHaveLength(3);
    });
  });
});

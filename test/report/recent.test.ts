import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { type FakeGitHub, type Route, startFakeGitHub } from "../support/fake-github.js";
import {
  base,
  configRoute,
  deployment,
  overrideCommand,
  overrideComment,
  permissionRoute,
  pull,
  status,
} from "./routes.js";

// Tue 24 Nov 2026 10:00 UTC; the config's window is Mon–Fri 09:00–17:00 UTC.
const NOW = new Date("2026-11-24T10:00:00Z");

const HOTFIX_BODY = `## Rollback plan
Revert this PR and redeploy v1.4.2; the old cache keys are still written.

## Blast radius
Login and checkout; worst case users are logged out once.
`;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function run(argv: string[], routes: Route[], prefix = "") {
  fake = await startFakeGitHub(routes);
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    now: NOW,
    env: { GITHUB_TOKEN: "test-token", GITHUB_API_URL: `${fake.url}${prefix}` },
  });
  return { code, stdout, stderr, requests: fake.requests };
}

function routes(prefix = ""): Route[] {
  const r = base(prefix);
  return [
    configRoute(prefix),
    {
      method: "GET",
      path: `${r}/deployments`,
      body: [
        deployment(503, "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3", "2026-11-24T09:30:00Z"),
        // Deployed at 06:00, before the window opened: held, then released when an override was recorded.
        deployment(502, "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2", "2026-11-24T07:30:00Z"),
        deployment(501, "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "2026-11-24T05:00:00Z"),
      ],
    },
    {
      method: "GET",
      path: `${r}/deployments/503/statuses`,
      body: [status(2, "success", "2026-11-24T09:34:00Z"), status(1, "in_progress", "2026-11-24T09:30:05Z")],
    },
    {
      method: "GET",
      path: `${r}/deployments/502/statuses`,
      body: [
        status(6, "success", "2026-11-24T07:52:00Z"),
        status(5, "in_progress", "2026-11-24T07:48:00Z"),
        status(4, "waiting", "2026-11-24T07:30:02Z"),
      ],
    },
    {
      method: "GET",
      path: `${r}/commits/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3/pulls`,
      body: [
        pull(41, {
          body: "## Rollback plan\nTBD\n\n## Blast radius\nThe search page only.",
          title: "Faster search \u001b[2J",
          mergedAt: "2026-11-24T09:20:00Z",
          sha: "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3",
        }),
      ],
    },
    {
      method: "GET",
      path: `${r}/commits/b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2/pulls`,
      body: [
        pull(40, {
          body: HOTFIX_BODY,
          title: "Hotfix: session cache",
          mergedAt: "2026-11-24T07:20:00Z",
          sha: "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2",
        }),
      ],
    },
    { method: "GET", path: `${r}/issues/41/comments`, body: [] },
    {
      method: "GET",
      path: `${r}/issues/40/comments`,
      body: [
        overrideCommand(899, 40, "release-lead", "sessions failing for 5% of users", "2026-11-24T07:39:00Z"),
        overrideComment(
          900,
          40,
          "release-lead",
          "sessions failing for 5% of users",
          "2026-11-24T07:40:00Z",
          899,
        ),
        // A person pasting the block approves nothing: it cites no /override of theirs.
        overrideComment(901, 40, "mallory", "pasted", "2026-11-24T07:41:00Z", null, {
          login: "mallory",
          id: 7,
          type: "User",
          html_url: "https://github.com/mallory",
        }),
      ],
    },
    permissionRoute("release-lead", "admin"),
  ];
}

describe("change-gate recent", () => {
  it("lists the deployments of the period newest first, with each PR's rollback plan and blast radius as written", async () => {
    const res = await run(
      ["recent", "--repo", "acme/shop", "--env", "production", "--since", "3h", "--format", "json"],
      routes(),
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({
      repository: "acme/shop",
      environment: "production",
      since: "2026-11-24T07:00:00.000Z",
      until: "2026-11-24T10:00:00.000Z",
      warnings: [],
    });
    // 501 (05:00) is before --since: not listed, and its statuses and PRs are never read.
    expect(out.deployments.map((d: { id: number }) => d.id)).toEqual([503, 502]);
    const [latest, hotfix] = out.deployments;
    expect(latest).toMatchObject({
      sha: "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3",
      createdAt: "2026-11-24T09:30:00Z",
      decision: {
        gate: "not-held",
        state: "success",
        override: null,
        schedule: { open: true, reason: "window" },
      },
      pullRequests: [
        {
          number: 41,
          rollback: { status: "placeholder" },
          blastRadius: { status: "present", answer: "The search page only." },
        },
      ],
    });
    expect(hotfix).toMatchObject({
      decision: {
        gate: "held-released",
        heldFrom: "2026-11-24T07:30:02Z",
        releasedAt: "2026-11-24T07:48:00Z",
        state: "success",
        override: { by: ["release-lead"], reason: "sessions failing for 5% of users" },
        schedule: { open: false, reason: "outside-window" },
      },
      pullRequests: [
        {
          number: 40,
          title: "Hotfix: session cache",
          url: "https://github.com/acme/shop/pull/40",
          rollback: {
            status: "present",
            answer: "Revert this PR and redeploy v1.4.2; the old cache keys are still written.",
          },
          blastRadius: {
            status: "present",
            answer: "Login and checkout; worst case users are logged out once.",
          },
        },
      ],
    });
    expect(out.requests).toBe(res.requests.length);
    const deploymentList = res.requests.filter((r) => r.path.endsWith("/deployments"));
    expect(deploymentList).toHaveLength(1);
    expect(deploymentList[0]!.query).toMatchObject({ environment: "production", per_page: "100" });
    expect(res.requests.some((r) => r.path.includes("/deployments/501"))).toBe(false);
    expect(res.requests.every((r) => r.headers.authorization === "token test-token")).toBe(true);
  });

  it("prints a text view for people, with PR text stripped of terminal control characters", async () => {
    const res = await run(
      ["recent", "--repo", "acme/shop", "--env", "production", "--since", "3h"],
      routes(),
    );
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain("\u001b");
    expect(res.stdout).toContain("acme/shop → production: 2 deployments since Tue 24 Nov 07:00 UTC");
    expect(res.stdout).toContain(
      "change-gate: held 17m, then released; overridden by @release-lead: sessions failing for 5% of users; outside the schedule (outside-window)",
    );
    expect(res.stdout).toContain(
      "    Rollback plan: Revert this PR and redeploy v1.4.2; the old cache keys are still written.",
    );
    expect(res.stdout).toContain("    Rollback plan: PLACEHOLDER");
    expect(res.stdout).toContain("PR #41 Faster search");
  });

  it("works against GitHub Enterprise Server (GITHUB_API_URL ending in /api/v3)", async () => {
    const res = await run(
      ["recent", "--repo", "acme/shop", "--env", "production", "--since", "3h", "--format", "json"],
      routes("/api/v3"),
      "/api/v3",
    );
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).deployments).toHaveLength(2);
    expect(res.requests.every((r) => r.path.startsWith("/api/v3/repos/acme/shop/"))).toBe(true);
  });

  it("without GITHUB_TOKEN it says what to set and exits 2, making no request", async () => {
    let stderr = "";
    const code = await main(["recent", "--repo", "acme/shop", "--env", "production"], {
      out: () => {},
      err: (s) => (stderr += s),
      now: NOW,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain("set GITHUB_TOKEN");
  });

  it("a GitHub error is exit 1 with GitHub's status, never an empty list", async () => {
    const res = await run(
      ["recent", "--repo", "acme/shop", "--env", "production", "--format", "json"],
      [
        configRoute(),
        {
          method: "GET",
          path: `${base()}/deployments`,
          status: 403,
          body: { message: "Resource not accessible by integration" },
        },
      ],
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("GitHub answered 403");
  });
});

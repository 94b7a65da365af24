import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, example, fakeApi, token } from "../app/harness.js";
import { ledgerIssue, REPO } from "./helpers.js";

const CONFIG = /^\/repos\/Codertocat\/Hello-World\/contents\/\.github(%2F|\/)change-gate\.yml/;
const LEDGER = /^\/repos\/Codertocat\/Hello-World\/issues\?.*labels=change-freeze/;
const ORG_LEDGER = /^\/repos\/Codertocat\/\.github\/issues\?/;
const REACTIONS = `${REPO}/issues/comments/492700400/reactions`;

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function comment(body: string, action = "created") {
  const payload = example("issue_comment", action);
  payload.comment.body = body;
  return payload;
}

describe("issue_comment.created in the App", () => {
  it("a /freeze freezes, answers, and re-checks every open PR with the new freeze", async () => {
    const h = await createHarness();
    let ledger: unknown[] = [];
    const api = token(fakeApi())
      .route("GET", CONFIG, 404, { message: "Not Found" })
      .route("POST", REACTIONS, 201, {})
      .route("GET", `${REPO}/collaborators/Codertocat/permission`, 200, {
        permission: "admin",
        role_name: "admin",
      })
      .route("GET", LEDGER, () => [200, ledger], undefined, 3)
      .route("POST", `${REPO}/issues`, (body) => {
        ledger = [ledgerIssue(7, null, { body: (body as { body: string }).body })];
        return [201, ledgerIssue(7, null)];
      })
      .route("POST", `${REPO}/issues/7/comments`, 201, {})
      // The reply, the 👍 and the 👀 taken back: one GraphQL mutation.
      .route("POST", "/graphql", 200, {
        data: {
          reply: { commentEdge: { node: { id: "IC_2" } } },
          reaction: { reaction: { content: "THUMBS_UP" } },
          working: { reaction: { content: "EYES" } },
        },
      })
      // fan-out: templates, the org ledger, the open PRs, then one PR's check
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/git\/trees\/HEAD$/, 200, { tree: [] })
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/contents\/\.github$/, 404, {})
      .route("GET", ORG_LEDGER, 404, {})
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/pulls\?/, 200, [
        {
          number: 2,
          head: { sha: "abc" },
          body: "## Rollback\nRevert.\n\n## Blast radius\nThe greeting page only.",
          user: { login: "octocat", type: "User" },
          labels: [{ name: "risk: low" }],
          base: { ref: "main" },
        },
      ])
      .route("GET", /^\/repos\/Codertocat\/Hello-World\/issues\/comments\?/, 200, [])
      .route("POST", `${REPO}/check-runs`, 201, { id: 9 });

    await h.send("issue_comment", comment("/freeze for 2h release day"));

    const lines = api.calls.map((c) => `${c.method} ${c.path.replace(/\?.*/, "")}`);
    // Token and config, then the command's 7 requests (with the ledger revision), then the fan-out: templates (the policy cache was cold), the
    // org ledger (the repository's is the race check's re-list), the open PRs, the page's override listing (the new
    // freeze fails every PR's schedule) and one write per PR whose verdict moved (no lookup of its old run).
    expect(lines).toEqual([
      "POST /app/installations/1/access_tokens",
      "GET /repos/Codertocat/Hello-World/contents/.github%2Fchange-gate.yml",
      `POST ${REACTIONS}`,
      "GET /repos/Codertocat/Hello-World/collaborators/Codertocat/permission",
      "GET /repos/Codertocat/Hello-World/issues",
      "POST /repos/Codertocat/Hello-World/issues",
      "POST /repos/Codertocat/Hello-World/issues/7/comments",
      "GET /repos/Codertocat/Hello-World/issues",
      "POST /graphql",
      "GET /repos/Codertocat/Hello-World/git/trees/HEAD",
      "GET /repos/Codertocat/Hello-World/contents/.github",
      "GET /repos/Codertocat/.github/issues",
      "GET /repos/Codertocat/Hello-World/pulls",
      "GET /repos/Codertocat/Hello-World/issues/comments",
      "POST /repos/Codertocat/Hello-World/check-runs",
    ]);
    const check = api.calls.find((c) => c.path === `${REPO}/check-runs`);
    expect(check?.body).toMatchObject({ head_sha: "abc", conclusion: "failure" });
    expect(check?.body.output.summary).toContain("Freeze #7");
    expect(api.calls.find((c) => c.path === "/graphql")?.body.variables).toMatchObject({
      body: "Frozen all environments until Tue 24 Nov 12:00 UTC by @Codertocat: release day\n\nRecorded in #7. Lift it with `/unfreeze`.",
      reaction: "THUMBS_UP",
    });
  });

  it("an edited comment and an ordinary comment make no request, not even for a token", async () => {
    const h = await createHarness();
    const api = fakeApi();
    await h.send("issue_comment", comment("/freeze for 2h", "edited"));
    await h.send("issue_comment", comment("Looks good to me"));
    expect(api.calls).toEqual([]);
  });

  it("with a broken config a command is refused with the errors and nothing changes", async () => {
    const h = await createHarness();
    const api = token(fakeApi())
      .route("GET", CONFIG, 200, "commands:\n  freeze:\n    permission: root\n")
      .route("POST", REACTIONS, 201, {}, 2)
      .route("POST", `${REPO}/issues/1/comments`, 201, {});
    await h.send("issue_comment", comment("/unfreeze"));
    const reply = api.calls.find((c) => c.path === `${REPO}/issues/1/comments`)?.body.body as string;
    expect(reply.split("\n")[0]).toBe(
      "change-gate cannot run commands while its config has errors, so nothing was changed:",
    );
    expect(reply).toContain(".github/change-gate.yml:3:17");
    expect(api.calls.filter((c) => c.path.startsWith(REACTIONS)).map((c) => c.body.content)).toEqual([
      "eyes",
      "-1",
    ]);
    expect(api.calls.some((c) => c.path.includes("labels=change-freeze"))).toBe(false);
  });

  it("after a restart, a redelivered /freeze whose 👀 is already on the comment changes nothing", async () => {
    // A new process: its delivery log is empty, so GitHub's state decides. 200 = our 👀 was already there.
    const h = await createHarness();
    const api = token(fakeApi())
      .route("GET", CONFIG, 404, { message: "Not Found" })
      .route("POST", REACTIONS, 200, { id: 1, content: "eyes" })
      // Anything else it tried would show up here.
      .route("GET", /.*/, 500, {}, 10)
      .route("POST", /.*/, 500, {}, 10);
    await h.send("issue_comment", comment("/freeze for 2h release day")).catch(() => {});
    expect(api.calls.map((c) => `${c.method} ${c.path.replace(/\?.*/, "")}`)).toEqual([
      "POST /app/installations/1/access_tokens",
      "GET /repos/Codertocat/Hello-World/contents/.github%2Fchange-gate.yml",
      `POST ${REACTIONS}`,
    ]);
  });
});

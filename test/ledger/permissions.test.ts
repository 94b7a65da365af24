import nock from "nock";
import { describe, expect, it } from "vitest";
import { checkAuthority } from "../../src/github/permissions.js";
import { API, client, expectEveryMockUsed, REF } from "./helpers.js";

const PERMISSION = "/repos/Codertocat/Hello-World/collaborators/alice/permission";
const TEAM = "/orgs/Codertocat/teams/release-managers/memberships/alice";
const maintain = { permission: "maintain" as const, teams: [] };

expectEveryMockUsed();

describe("checkAuthority (default rule: maintain)", () => {
  // GitHub's `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
  it.each([
    ["admin", "admin", true],
    ["maintain", "write", true],
    ["write", "write", false],
    ["triage", "read", false],
    ["read", "read", false],
  ])("a %s user (REST permission %s) is allowed: %s", async (role, permission, allowed) => {
    nock(API)
      .get(PERMISSION)
      .reply(200, { permission, role_name: role, user: { login: "alice" } });
    const { gh, calls } = client();
    const out = await checkAuthority(gh, REF, "alice", "User", maintain);
    expect(out).toEqual({
      allowed,
      permission: role,
      reason: allowed
        ? `@alice has ${role} permission`
        : `@alice has ${role} permission; only users with maintain permission or higher may`,
    });
    expect(calls).toHaveLength(1);
  });

  it("a non-collaborator (404) has no permission and is refused", async () => {
    nock(API).get(PERMISSION).reply(404, { message: "Not Found" });
    expect(await checkAuthority(client().gh, REF, "alice", "User", maintain)).toEqual({
      allowed: false,
      permission: "none",
      reason: "@alice has no permission; only users with maintain permission or higher may",
    });
  });

  it.each([
    ["dependabot[bot]", "Bot"],
    ["some-app", "Bot"],
    ["look-like-a-user[bot]", "User"],
  ])("a bot (%s, %s) is refused without a request", async (login, type) => {
    const { gh, calls } = client();
    expect(await checkAuthority(gh, REF, login, type, maintain)).toEqual({
      allowed: false,
      permission: "none",
      reason: "bots may not use commands",
    });
    expect(calls).toEqual([]);
  });

  it("a write user who is an active member of a configured team is allowed", async () => {
    nock(API).get(PERMISSION).reply(200, { permission: "write", role_name: "write" });
    nock(API).get(TEAM).reply(200, { state: "active", role: "member" });
    expect(
      await checkAuthority(client().gh, REF, "alice", "User", {
        permission: "maintain",
        teams: ["release-managers"],
      }),
    ).toEqual({
      allowed: true,
      permission: "write",
      reason: "@alice is a member of team Codertocat/release-managers",
    });
  });

  it("a pending team invitation does not count", async () => {
    nock(API).get(PERMISSION).reply(404, {});
    nock(API).get(TEAM).reply(200, { state: "pending", role: "member" });
    expect(
      await checkAuthority(client().gh, REF, "alice", "User", {
        permission: "admin",
        teams: ["Codertocat/release-managers"],
      }),
    ).toEqual({
      allowed: false,
      permission: "none",
      reason:
        "@alice has no permission; only users with admin permission, or members of @Codertocat/release-managers may",
    });
  });

  it("a lower configured permission admits write users", async () => {
    nock(API).get(PERMISSION).reply(200, { permission: "write", role_name: "write" });
    expect(
      (await checkAuthority(client().gh, REF, "alice", "User", { permission: "write", teams: [] })).allowed,
    ).toBe(true);
  });

  it("a server error is thrown, never read as permission", async () => {
    nock(API).get(PERMISSION).reply(502, { message: "Bad Gateway" });
    await expect(checkAuthority(client().gh, REF, "alice", "User", maintain)).rejects.toMatchObject({
      status: 502,
    });
  });
});

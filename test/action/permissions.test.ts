import { describe, expect, it } from "vitest";
import { missingPermission } from "../../src/action/permissions.js";

const refused = (method: string, url: string) => ({
  status: 403,
  message: "Resource not accessible by integration",
  request: { method, url: `https://api.github.com${url}` },
});

describe("missingPermission names the `permissions:` entry a refused request needed", () => {
  it.each([
    ["POST", "/repos/o/r/check-runs", "checks: write"],
    ["POST", "/repos/o/r/issues/2/labels", "pull-requests: write"],
    ["POST", "/repos/o/r/issues/7/comments", "issues: write"],
    ["PATCH", "/repos/o/r/issues/7", "issues: write"],
    ["GET", "/repos/o/r/issues?labels=change-freeze", "issues: read"],
    ["GET", "/repos/o/r/pulls?state=open", "pull-requests: read"],
    ["GET", "/repos/o/r/contents/.github%2Fchange-gate.yml", "contents: read"],
  ])("%s %s → %s", (method, url, permission) => {
    expect(missingPermission(refused(method, url))).toBe(permission);
  });

  it("is null for other errors (a 404, a rate limit, a non-error throw)", () => {
    expect(missingPermission({ ...refused("GET", "/repos/o/r/issues"), status: 404 })).toBeNull();
    expect(missingPermission({ status: 403, message: "API rate limit exceeded" })).toBeNull();
    expect(missingPermission("boom")).toBeNull();
  });
});

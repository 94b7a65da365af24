import { describe, expect, it } from "vitest";
import { validateRequest } from "./openapi.js";

describe("GitHub OpenAPI request validator", () => {
  it("accepts a valid check-run creation", () => {
    expect(
      validateRequest({
        method: "POST",
        url: "https://api.github.com/repos/o/r/check-runs",
        body: {
          name: "change-gate",
          head_sha: "a".repeat(40),
          status: "completed",
          conclusion: "success",
          output: { title: "t", summary: "s" },
        },
      }),
    ).toEqual([]);
  });

  it("rejects an unknown endpoint, a bad body and unknown query parameters", () => {
    expect(
      validateRequest({ method: "POST", url: "https://api.github.com/repos/o/r/check-runz", body: {} })[0],
    ).toMatch(/not an operation/);
    expect(
      validateRequest({
        method: "POST",
        url: "/repos/o/r/check-runs",
        body: { name: "x", head_sha: "y", conclusion: "passed" },
      })[0],
    ).toMatch(/conclusion/);
    expect(validateRequest({ method: "GET", url: "/repos/o/r/pulls?stat=open", body: undefined })[0]).toMatch(
      /unknown query parameter "stat"/,
    );
    expect(
      validateRequest({ method: "POST", url: "/repos/o/r/issues/1/labels", body: { labels: "risk: high" } }),
    ).not.toEqual([]);
  });

  it("accepts the deployment protection rule review", () => {
    expect(
      validateRequest({
        method: "POST",
        url: "https://api.github.com/repos/o/r/actions/runs/42/deployment_protection_rule",
        body: { environment_name: "production", state: "approved", comment: "open" },
      }),
    ).toEqual([]);
  });
});

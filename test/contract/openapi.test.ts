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

  it("rejects a body property GitHub does not list (a typo is a silent no-op on GitHub)", () => {
    const errors = validateRequest({
      method: "PATCH",
      url: "https://api.github.com/repos/o/r/check-runs/5",
      body: { conclusoin: "success" },
    });
    expect(errors.join("\n")).toMatch(/data must NOT have additional properties: "conclusoin"/);
    expect(
      validateRequest({
        method: "PATCH",
        url: "https://api.github.com/repos/o/r/check-runs/5",
        body: { conclusion: "success", output: { title: "t", summary: "s", sumary: "typo" } },
      }).join("\n"),
    ).toMatch(/data.output must NOT have additional properties: "sumary"/);
    // Closed, but not stricter than GitHub: what it lists still passes.
    expect(
      validateRequest({
        method: "PATCH",
        url: "https://api.github.com/repos/o/r/check-runs/5",
        body: { status: "completed", conclusion: "failure", output: { title: "t", summary: "s", text: "x" } },
      }),
    ).toEqual([]);
  });

  it("keeps open what GitHub's description leaves open (a deployment's payload)", () => {
    expect(
      validateRequest({
        method: "POST",
        url: "/repos/o/r/deployments",
        body: { ref: "main", payload: { anything: { goes: 1 } } },
      }),
    ).toEqual([]);
    expect(
      validateRequest({ method: "POST", url: "/repos/o/r/deployments", body: { ref: "main", refs: "x" } }),
    ).not.toEqual([]);
  });

  it("checks path parameters against their schema: undefined, null, empty and non-integers fail", () => {
    const labels = (n: string) =>
      validateRequest({
        method: "POST",
        url: `https://api.github.com/repos/o/r/issues/${n}/labels`,
        body: { labels: ["x"] },
      });
    expect(labels("undefined").join("\n")).toMatch(/path parameter "issue_number" is "undefined"/);
    expect(labels("null").join("\n")).toMatch(/"issue_number" is "null"/);
    expect(labels("").join("\n")).toMatch(/"issue_number" is empty/);
    expect(labels("7.5").join("\n")).toMatch(/not an integer/);
    expect(labels("7")).toEqual([]);
    expect(
      validateRequest({ method: "GET", url: "/repos/undefined/r/pulls/1", body: undefined }).join("\n"),
    ).toMatch(/"owner" is "undefined"/);
    expect(
      validateRequest({
        method: "GET",
        url: "/repos/o/r/contents/.github%2Fchange-gate.yml",
        body: undefined,
      }),
    ).toEqual([]);
  });

  it("picks the template whose parameters fit when two match the same path", () => {
    expect(
      validateRequest({ method: "PATCH", url: "/repos/o/r/issues/comments/9", body: { body: "x" } }),
    ).toEqual([]);
    expect(validateRequest({ method: "GET", url: "/repos/o/r/issues/9/comments", body: undefined })).toEqual(
      [],
    );
  });

  it("checks query values against their schema", () => {
    expect(
      validateRequest({ method: "GET", url: "/repos/o/r/pulls?state=opened", body: undefined })[0],
    ).toMatch(/query parameter "state" "opened" is not one of/);
    expect(
      validateRequest({ method: "GET", url: "/repos/o/r/pulls?per_page=100&state=open", body: undefined }),
    ).toEqual([]);
    expect(
      validateRequest({ method: "GET", url: "/repos/o/r/pulls?per_page=undefined", body: undefined })[0],
    ).toMatch(/"per_page" is "undefined"/);
  });
});

import { describe, expect, it } from "vitest";
import { riskLabels } from "../../src/core/risk/index.js";
import { syncRiskLabels } from "../../src/github/sync-labels.js";
import { client, github, isolateNetwork, REPO, ref } from "./helpers.js";

isolateNetwork();

const LABELS = riskLabels({
  low: "risk: low",
  medium: "risk: medium",
  high: { name: "risk: high", color: "b60205", description: "Deploy with care" },
});

describe("syncRiskLabels", () => {
  it("a label the repo lacks comes back grey from GitHub and is then given its colour and description", async () => {
    const api = github()
      .on("POST", `${REPO}/issues/5/labels`, 200, [
        { name: "risk: high", color: "ededed", description: null },
      ])
      .on("PATCH", `${REPO}/labels/risk%3A%20high`, 200, { name: "risk: high" });
    const out = await syncRiskLabels(await client(), ref, 5, [], "high", LABELS);
    expect(out).toEqual({ added: ["risk: high"], removed: [] });
    expect(api.writes().map((w) => [w.method, w.body])).toEqual([
      ["POST", { labels: ["risk: high"] }],
      ["PATCH", { color: "b60205", description: "Deploy with care" }],
    ]);
  });

  it("an existing label is added with one request and not restyled", async () => {
    const api = github().on("POST", `${REPO}/issues/5/labels`, 200, [
      { name: "risk: high", color: "b60205", description: "Deploy with care" },
    ]);
    await syncRiskLabels(await client(), ref, 5, [], "high", LABELS);
    expect(api.calls).toHaveLength(1);
  });

  it("removes the stale risk labels and touches no other label", async () => {
    const api = github()
      .on("POST", `${REPO}/issues/5/labels`, 200, [])
      .on("DELETE", `${REPO}/issues/5/labels/risk%3A%20low`, 200, [])
      // Someone removed this one meanwhile: the goal is reached, not an error.
      .on("DELETE", `${REPO}/issues/5/labels/Risk%3A%20Medium`, 404, { message: "Label does not exist" });
    const current = ["bug", "risk: low", "needs-review", "Risk: Medium", "risky"];
    const out = await syncRiskLabels(await client(), ref, 5, current, "high", LABELS);
    expect(out).toEqual({ added: ["risk: high"], removed: ["risk: low", "Risk: Medium"] });
    expect(api.requests()).toEqual([
      `POST ${REPO}/issues/5/labels`,
      `DELETE ${REPO}/issues/5/labels/risk: low`,
      `DELETE ${REPO}/issues/5/labels/Risk: Medium`,
    ]);
  });

  it("makes no request when the PR already carries exactly the wanted risk label", async () => {
    const api = github();
    const out = await syncRiskLabels(await client(), ref, 5, ["bug", "RISK: HIGH"], "high", LABELS);
    expect(out).toEqual({ added: [], removed: [] });
    expect(api.calls).toEqual([]);
  });

  it("a failure other than 404 while removing propagates", async () => {
    github().on("DELETE", `${REPO}/issues/5/labels/risk%3A%20low`, 500, { message: "boom" });
    await expect(
      syncRiskLabels(await client(), ref, 5, ["risk: high", "risk: low"], "high", LABELS),
    ).rejects.toMatchObject({ status: 500 });
  });
});

import { beforeAll, expect, it } from "vitest";
import { ensureBuilt, examplePayload, runAction } from "./harness.js";

beforeAll(ensureBuilt);

// Issue 14.13: a workflow (a PR's, or an org-wide variable) could set CHANGE_GATE_TEST_NOW and move "now" into a
// window or past a freeze. The runner's entry has no clock setting at all.
it("dist/action.js runs on the system clock whatever CHANGE_GATE_TEST_NOW says", async () => {
  const before = Date.now();
  const run = await runAction({
    event: "push",
    payload: examplePayload("push"),
    config: "timezone: UTC\n",
    routes: [
      { method: "GET", path: "/repos/Codertocat/Hello-World/issues", body: [] },
      { method: "GET", path: /\/commits\/[0-9a-f]{40}\/pulls$/, body: [] },
    ],
    env: { CHANGE_GATE_TEST_NOW: "2020-01-06T10:00:00Z" },
  });
  expect(run.code).toBe(0);
  // Open with no windows: the next opening is the instant it evaluated.
  const at = Date.parse(run.outputs["next-open"] ?? "");
  expect(at).toBeGreaterThanOrEqual(before - 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
  expect(run.stdout).not.toContain("CHANGE_GATE_TEST_NOW");
});

import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/core/config/schema.js";
import { evaluateChange } from "../../src/core/policy/index.js";
import { gateSummary } from "../../src/core/render/index.js";

const AT = new Date("2026-11-24T10:00:00Z");
const config = configSchema.parse({ description: { template: "none" } });

function summary(body: string) {
  const report = evaluateChange({ config, at: AT, body, environment: "production" });
  return gateSummary(report, report.gates.merge);
}

describe("the check run summary carries the rollback summary the on-call sees", () => {
  it("quotes the author's rollback plan, escaped, under the rules table", () => {
    const text = summary(
      "## Rollback plan\nAsk @ops, then run <b>revert</b> | redeploy v1.4.2.\n\n## Blast radius\nCheckout only.\n",
    );
    expect(text).toContain(
      "**Rollback plan** (quoted in the deploy approval and `change-gate recent`): Ask @\u200Bops, then run revert \\| redeploy v1.4.2.",
    );
  });

  it("quotes nothing when the plan is missing or still the placeholder", () => {
    expect(summary("## Blast radius\nCheckout only.\n")).not.toContain("**Rollback plan**");
    expect(summary("## Rollback plan\nTBD\n\n## Blast radius\nCheckout only.\n")).not.toContain(
      "**Rollback plan**",
    );
  });
});

describe("a rollback plan cannot forge change-gate's hidden record", () => {
  it("the marker in the author's text is made inert in the check summary and the approval", async () => {
    const { decideDeployment } = await import("../../src/core/policy/deploy-decision.js");
    const body =
      "## Rollback plan\nRevert; change-gate:override {x} then redeploy.\n\n## Blast radius\nCheckout only.\n";
    const report = evaluateChange({ config, at: AT, body, environment: "production" });
    const texts = [gateSummary(report, report.gates.merge), decideDeployment({ report, now: AT }).comment];
    for (const t of texts) {
      expect(t).toContain("change-gate&#58;override");
      expect(t).not.toContain("change-gate:override");
    }
  });
});

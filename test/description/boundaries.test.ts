import { describe, expect, it } from "vitest";
import { parseDescription, readTemplates } from "../../src/core/description/index.js";

/** Issue 16, class 1: text from another section is never credited to a slot. */
const TEMPLATE = readTemplates([
  "## Summary\n\n## Rollback plan\nRevert this PR and redeploy the previous release.\n\n## Testing\n",
]);

const rollback = (body: string, template = TEMPLATE) => parseDescription(body, { template }).rollback;

describe("a sub-heading belongs to the nearest heading above it", () => {
  const tail = "\n\n## Testing\nRan the unit tests.\n\n### Summary\nWe know what it does.\n";

  it("template sentence left in place, later ### Summary: placeholder (template), nothing borrowed", () => {
    const f = rollback(
      `## Summary\nFix.\n\n## Rollback plan\nRevert this PR and redeploy the previous release.${tail}`,
    );
    expect([f.status, f.reason, f.answer]).toEqual(["placeholder", "template", ""]);
  });

  it("TBD, later ### Summary: the answer is only TBD", () => {
    const f = rollback(`## Rollback plan\nTBD${tail}`);
    expect([f.status, f.reason, f.answer]).toEqual(["placeholder", "stock", "TBD"]);
  });

  it("does not depend on whether the sub-section's words look relevant", () => {
    // "risk" makes the sub-section relevant to the parser, "ok" does not; neither belongs to Rollback.
    for (const sub of ["We know the risk.", "Looks ok."]) {
      const f = rollback(`## Rollback plan\nTBD\n\n## Testing\nunit\n\n### Notes\n${sub}\n`);
      expect(f.answer).toBe("TBD");
    }
  });

  it("a setext heading in a skipped section also ends the slot", () => {
    const f = rollback(`## Rollback plan\nTBD\n\nTesting\n=======\nunit\n\n### Notes\nWe accept the risk.\n`);
    expect(f.answer).toBe("TBD");
  });

  it("a sub-heading inside the slot still belongs to it", () => {
    const f = rollback("## Rollback plan\n### Steps\n1. helm rollback api 41\n\n## Testing\nunit\n");
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41"]);
  });
});

describe("bold lines, details, lists and tables end where their container ends", () => {
  it("a bold slot ends at a heading the parser skipped", () => {
    const f = rollback(
      "**Rollback plan**\nTBD\n\n## Testing\nunit\n\n### Notes\nWe accept the risk here.\n",
      undefined,
    );
    expect(f.answer).toBe("TBD");
  });

  it("a <details> slot ends at its </details>, not at the next heading", () => {
    const body =
      "<details>\n<summary>Rollback plan</summary>\n\nTBD\n\n</details>\n\nThis PR also refactors the whole billing module and its retries.\n";
    expect(rollback(body, undefined).answer).toBe("TBD");
  });

  it("a <details> slot keeps its own sub-headings and nested details", () => {
    const body =
      "## Notes\n<details>\n<summary>Rollback plan</summary>\n\n### Steps\n<details><summary>log</summary>\n\nold log\n\n</details>\n\nhelm rollback api 41\n\n</details>\n\nUnrelated words about risk.\n";
    const f = rollback(body, undefined);
    expect([f.status, f.answer]).toEqual(["present", "log old log helm rollback api 41"]);
  });

  it("an empty list label stops at the next field of the list", () => {
    const f = rollback("- Rollback:\n- Testing: ran the unit tests and the e2e suite\n", undefined);
    expect([f.status, f.reason]).toEqual(["placeholder", "empty"]);
  });

  it("an empty list label owns the items nested under it", () => {
    const f = rollback("- Rollback:\n  - helm rollback api 41\n- Testing: ran the unit tests\n", undefined);
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41"]);
  });

  it("an empty list label keeps sibling steps that are not fields", () => {
    const f = rollback("- Rollback:\n- helm rollback api 41\n- Step 2: purge the CDN\n", undefined);
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41 Step 2: purge the CDN"]);
  });

  it("a prompt bullet owns its nested answer", () => {
    const f = rollback(
      "## Summary\n- Rollback\n  - revert the PR and redeploy v1.4.2\n- Tests\n  - unit\n",
      undefined,
    );
    expect([f.status, f.answer]).toEqual(["present", "revert the PR and redeploy v1.4.2"]);
  });

  it("a table row slot holds only its own row", () => {
    const body =
      "| Field | Answer |\n|---|---|\n| Rollback | TBD |\n| Testing | ran the unit tests and e2e |\n";
    expect(rollback(body, undefined).answer).toBe("TBD");
  });
});

describe("bold labels are fields of a form", () => {
  it("a bold slot stops at the next bold field", () => {
    const f = rollback("**Rollback:**\n\n**Testing:** ran the unit tests and the e2e suite\n", undefined);
    expect([f.status, f.reason]).toEqual(["placeholder", "empty"]);
  });

  it("a bold slot in a list stops at the next bold field of the list", () => {
    const f = rollback("- **Rollback:**\n- **Testing:** ran the unit tests and the e2e suite\n", undefined);
    expect([f.status, f.reason]).toEqual(["placeholder", "empty"]);
  });

  it("numbered bold steps stay in the answer", () => {
    const f = rollback("**Rollback:**\n\n**Step 1:** helm rollback api 41\n", undefined);
    expect([f.status, f.answer]).toEqual(["present", "Step 1: helm rollback api 41"]);
  });
});

describe("task items own their nested blocks", () => {
  it("a ticked rollback box with the steps nested under it is answered", () => {
    const f = rollback("- [x] Rollback plan:\n  - `helm rollback api 41`\n- [x] Tests pass\n", undefined);
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41"]);
  });

  it("the next task item is not part of the answer", () => {
    const f = rollback("- [x] Rollback plan:\n- [x] Tests pass on staging and in CI\n", undefined);
    expect([f.status, f.reason]).toEqual(["placeholder", "claim"]);
  });
});

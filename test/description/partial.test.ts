import { describe, expect, it } from "vitest";
import { parseDescription, readTemplates } from "../../src/core/description/index.js";

/** Issue 16, class 2: template parts nested under a slot are template text, and a partial answer is a placeholder. */
const TEMPLATE = `## Rollback
> Explain when and why we will roll back the change.

### Procedure
> Explain how the rollback will look and how we recover fast.

#### Verification
_Describe how we know the rollback worked._

### Comments
Reports, screenshots, links.

### Existing operations
(If this changes how on-call operates a rollback, describe it)

## Testing
`;
const template = readTemplates([TEMPLATE]);
const rollback = (body: string) => parseDescription(body, { template }).rollback;
const fill = (parts: Record<string, string>) =>
  Object.entries(parts).reduce(
    (body, [prompt, answer]) => body.replace(prompt, `${prompt}\n\n${answer}`),
    TEMPLATE,
  );

const TRIGGER = "We will roll back if the p99 of the export job exceeds 5 minutes.";
const STEPS = "1. `helm rollback export 41`\n2. Re-run the last export by hand.";
const CHECK = "The export dashboard shows p99 under 1 minute again.";

describe("a partial answer is a placeholder", () => {
  it("a trigger with the Procedure left as the template had it is partial, and the message names the part", () => {
    const f = rollback(fill({ "and why we will roll back the change.": TRIGGER }));
    expect([f.status, f.reason, f.answer]).toEqual(["placeholder", "partial", TRIGGER]);
    expect(f.message).toMatch(/"Procedure" part unanswered/);
  });

  it("emptying the Procedure (prompt deleted, heading kept) is still partial", () => {
    const body = fill({ "and why we will roll back the change.": TRIGGER }).replace(
      "> Explain how the rollback will look and how we recover fast.\n",
      "",
    );
    expect(rollback(body).reason).toBe("partial");
  });

  it("a nested part left untouched at any depth is partial (#### Verification under ### Procedure)", () => {
    const body = fill({ "and why we will roll back the change.": TRIGGER, "how we recover fast.": STEPS });
    const f = rollback(body);
    expect([f.status, f.reason, f.message]).toEqual([
      "placeholder",
      "partial",
      expect.stringMatching(/"Verification" part/),
    ]);
  });

  it("every required part answered is present; extras and conditional parts may stay untouched", () => {
    const body = fill({
      "and why we will roll back the change.": TRIGGER,
      "how we recover fast.": STEPS,
      "how we know the rollback worked._": CHECK,
    });
    const f = rollback(body);
    expect([f.status, f.reason]).toEqual(["present", "answered"]);
  });

  it("answering the parts but leaving the slot's own prompt untouched is partial", () => {
    const body = fill({ "how we recover fast.": STEPS, "how we know the rollback worked._": CHECK });
    expect(rollback(body).reason).toBe("partial");
  });

  it("a slot named again inside a partial answer does not rescue it", () => {
    const tpl =
      "## Rollback\n**Rollback trigger:**\n_When do we roll back?_\n\n**Rollback steps:**\n_Which commands undo it?_\n";
    const t = readTemplates([tpl]);
    const body = tpl.replace("_When do we roll back?_", "When the error rate passes 2% for 10 minutes.");
    const f = parseDescription(body, { template: t }).rollback;
    expect([f.status, f.reason, f.line]).toEqual(["placeholder", "partial", 1]);
  });

  it("without a template there are no parts to leave untouched", () => {
    const f = parseDescription(fill({ "and why we will roll back the change.": TRIGGER })).rollback;
    expect(f.status).toBe("present");
  });
});

describe("partial answers in other languages", () => {
  it("Japanese: the condition written, the template's 手順 part left untouched", () => {
    const tpl = "## 切り戻し\n切り戻す条件を記載\n\n### 手順\n切り戻し手順を記載してください\n\n## テスト\n";
    const t = readTemplates([tpl]);
    const body = tpl.replace("切り戻す条件を記載", "エラー率が5分間2%を超えたら切り戻す。");
    const f = parseDescription(body, { template: t }).rollback;
    expect([f.status, f.reason]).toEqual(["placeholder", "partial"]);
    const filled = body.replace("切り戻し手順を記載してください", "`helm rollback api 41` を実行する。");
    expect(parseDescription(filled, { template: t }).rollback.status).toBe("present");
  });

  it("German: a conditional part (falls …) may stay untouched", () => {
    const tpl =
      "## Rückfallplan\n_Schritte zum Zurückrollen_\n\n### Datenbank\n_Falls Migrationen enthalten sind: wie werden sie zurückgerollt?_\n";
    const t = readTemplates([tpl]);
    const body = tpl.replace("_Schritte zum Zurückrollen_", "Vorheriges Image `api:1.4.2` ausrollen.");
    expect(parseDescription(body, { template: t }).rollback.status).toBe("present");
  });
});

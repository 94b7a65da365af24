import { describe, expect, it } from "vitest";
import { parseDescription } from "../../src/core/description/index.js";

const blast = (body: string) => parseDescription(body).blastRadius;
const rollback = (body: string) => parseDescription(body).rollback;

/** Issue 16, class 3: a rating says how big, not what: it names no system and no worst case. */
describe("a bare rating is not a blast radius", () => {
  it.each([
    "## Risk\nRisk level: Medium",
    "## Risk\nRisk: low",
    "Risk: low",
    "## Impact\n**High**",
    "## Risk assessment\n- [x] Medium",
    "## リスク\nリスクレベル：中",
    "## 风险\n风险等级：低",
    "## 위험\n위험도: 낮음",
    "## Riscos\nRisco: baixo",
    "## Riesgo\nNivel de riesgo: alto",
    "## Risiko\nRisiko: niedrig",
    "## Risque\nNiveau de risque : faible",
    "## Risk\nImpact: Medium (2/5)",
    "## Risk\nP2",
    "## Risk\nRisk level: 3",
  ])("%j → placeholder (claim)", (body) => {
    const f = blast(body);
    expect([f.status, f.reason]).toEqual(["placeholder", "claim"]);
    expect(f.message).toMatch(/gives only a rating/);
  });

  it("a rating followed by what it touches is an answer, and declares its level", () => {
    const r = parseDescription(
      "## Risk\nRisk level: Medium — only the billing export job; worst case a late CSV",
    );
    expect(r.blastRadius.status).toBe("present");
    expect(r.declaredRisk).toBe("medium");
  });

  it("a bare rating still declares its level for the risk gate", () => {
    expect(parseDescription("## Risk\nRisk level: High").declaredRisk).toBe("high");
  });

  it("a rating is not judged for the rollback plan", () => {
    expect(rollback("## Rollback\nLow").status).toBe("present");
  });
});

/** Issue 16, class 4: instructions left in place are placeholders, with or without the repository's template. */
describe("instruction-voiced prompts without a template", () => {
  it.each([
    ["## Impact\n_Describe any public API or user-facing change._", "blastRadius"],
    ["## Impact\n*Describe any public API or user-facing change…*", "blastRadius"],
    ["## Rollback\n> Explain how to roll back", "rollback"],
    ["## Impact\n**Describe the impact on users and on other services.**", "blastRadius"],
    ["## Rollback\n> Please list the steps to revert this change.", "rollback"],
    ["## Rollback\n> What do we do if this breaks production", "rollback"],
    ["## Auswirkungen\n_Beschreibe, welche Systeme betroffen sind._", "blastRadius"],
    ["## Plano de rollback\n> Descreva como reverter esta entrega.", "rollback"],
    ["## Plan de reversión\n_Describa cómo revertir el cambio._", "rollback"],
    ["## Plan de retour arrière\n> Décrivez comment revenir en arrière.", "rollback"],
    ["## 影響範囲\n_影響範囲を記載してください_", "blastRadius"],
    ["## 回滚方案\n> 请描述回滚步骤", "rollback"],
    ["## 롤백 계획\n> 롤백 절차를 작성해 주세요", "rollback"],
  ] as const)("%j → placeholder (prompt)", (body, section) => {
    const f = parseDescription(body)[section];
    expect([f.status, f.reason]).toEqual(["placeholder", "prompt"]);
  });

  it("a plain instruction waiting after a colon is a prompt too", () => {
    const f = blast("## Impact\nDescribe the impact:");
    expect([f.status, f.reason]).toEqual(["placeholder", "prompt"]);
  });

  it("a number next to something else is not a rating", () => {
    expect(blast("## Risk\nRisk: 2 services, billing and invoices; worst case late invoices").status).toBe(
      "present",
    );
  });

  it("an answer written under the prompt counts", () => {
    const f = rollback("## Rollback\n> Explain how to roll back\n\n`helm rollback api 41`");
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41"]);
  });

  it("an author's own emphasis or quote is an answer", () => {
    expect(rollback("## Rollback\n_Revert the PR and redeploy v1.4.2._").status).toBe("present");
    expect(blast("## Impact\n> Only the billing export job; worst case a late CSV.").status).toBe("present");
  });
});

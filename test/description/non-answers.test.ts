import { describe, expect, it } from "vitest";
import { parseDescription } from "../../src/core/description/index.js";

/** Issue 16, class 5: non-answers in every language of the alias table. */
type Case = [lang: string, kind: string, answer: string, status: "present" | "placeholder", reason: string];

const HEADING: Record<string, string> = {
  en: "## Rollback plan",
  ja: "## 切り戻し手順",
  zh: "## 回滚方案",
  ko: "## 롤백 계획",
  pt: "## Plano de rollback",
  es: "## Plan de reversión",
  de: "## Rückfallplan",
  fr: "## Plan de retour arrière",
};

const cases: Case[] = [
  ["en", "none", "None.", "placeholder", "stock"],
  ["en", "N/A", "N/A", "placeholder", "stock"],
  ["en", "see above", "See above.", "placeholder", "stock"],
  ["en", "TBD", "TBD - will add before merge", "placeholder", "stock"],
  ["en", "not applicable", "Not applicable", "placeholder", "stock"],
  [
    "en",
    "not applicable + reason",
    "Not applicable: docs-only change, nothing deployed",
    "present",
    "reasoned-na",
  ],
  ["en", "fix forward", "We will just fix forward if needed.", "placeholder", "fix-forward"],
  ["ja", "none", "なし", "placeholder", "stock"],
  ["ja", "none (polite)", "特にありません", "placeholder", "stock"],
  ["ja", "see above", "上記参照", "placeholder", "stock"],
  ["ja", "TBD", "未定", "placeholder", "stock"],
  ["ja", "later", "後で追記します", "placeholder", "stock"],
  ["ja", "not applicable", "該当なし", "placeholder", "stock"],
  ["ja", "not applicable + reason", "該当なし（ドキュメントのみの変更のため）", "present", "reasoned-na"],
  ["ja", "fix forward", "問題があれば前方修正で対応します", "placeholder", "fix-forward"],
  ["zh", "none", "无", "placeholder", "stock"],
  ["zh", "see above", "同上", "placeholder", "stock"],
  ["zh", "TBD", "待定", "placeholder", "stock"],
  ["zh", "later", "稍后补充", "placeholder", "stock"],
  ["zh", "not applicable", "不适用", "placeholder", "stock"],
  ["zh", "not applicable + reason", "不适用，本次只修改了文档", "present", "reasoned-na"],
  ["zh", "fix forward", "如有问题直接修复", "placeholder", "fix-forward"],
  ["ko", "none", "없음", "placeholder", "stock"],
  ["ko", "see above", "위와 같음", "placeholder", "stock"],
  ["ko", "TBD", "미정", "placeholder", "stock"],
  ["ko", "later", "추후 작성", "placeholder", "stock"],
  ["ko", "not applicable", "해당 없음", "placeholder", "stock"],
  ["ko", "not applicable + reason", "해당 없음 - 문서만 변경되어 배포가 없습니다", "present", "reasoned-na"],
  ["ko", "fix forward", "문제가 생기면 핫픽스로 대응", "placeholder", "fix-forward"],
  ["pt", "none", "Nenhum", "placeholder", "stock"],
  ["pt", "see above", "Ver acima", "placeholder", "stock"],
  ["pt", "TBD", "A definir", "placeholder", "stock"],
  ["pt", "later", "Depois", "placeholder", "stock"],
  ["pt", "not applicable", "Não se aplica", "placeholder", "stock"],
  ["pt", "not applicable + reason", "Não se aplica, só muda a documentação", "present", "reasoned-na"],
  ["pt", "fix forward", "Vamos corrigir para frente se necessário", "placeholder", "fix-forward"],
  ["es", "none", "Ninguno", "placeholder", "stock"],
  ["es", "see above", "Ver arriba", "placeholder", "stock"],
  ["es", "TBD", "Por definir", "placeholder", "stock"],
  ["es", "later", "Más tarde", "placeholder", "stock"],
  ["es", "not applicable", "No aplica", "placeholder", "stock"],
  ["es", "not applicable + reason", "No aplica: solo cambia la documentación", "present", "reasoned-na"],
  ["es", "fix forward", "Vamos a corregir hacia adelante", "placeholder", "fix-forward"],
  ["de", "none", "keine", "placeholder", "stock"],
  ["de", "see above", "siehe oben", "placeholder", "stock"],
  ["de", "TBD", "wird nachgereicht", "placeholder", "stock"],
  ["de", "later", "folgt", "placeholder", "stock"],
  ["de", "not applicable", "Nicht zutreffend", "placeholder", "stock"],
  ["de", "not applicable (entfällt)", "entfällt", "placeholder", "stock"],
  ["de", "not applicable + reason", "Nicht zutreffend, nur Dokumentation geändert", "present", "reasoned-na"],
  ["de", "fix forward", "Wir werden im Fehlerfall einfach vorwärts fixen", "placeholder", "fix-forward"],
  ["fr", "none", "Aucun", "placeholder", "stock"],
  ["fr", "see above", "Voir ci-dessus", "placeholder", "stock"],
  ["fr", "TBD", "À définir", "placeholder", "stock"],
  ["fr", "later", "Plus tard", "placeholder", "stock"],
  ["fr", "not applicable", "Sans objet", "placeholder", "stock"],
  ["fr", "not applicable + reason", "Sans objet : seule la documentation change", "present", "reasoned-na"],
  ["fr", "fix forward", "On va corriger en avant si nécessaire", "placeholder", "fix-forward"],
];

describe("non-answers in every language of the alias table", () => {
  it.each(cases)("%s %s: %s → %s (%s)", (lang, _kind, answer, status, reason) => {
    const f = parseDescription(`${HEADING[lang]}\n${answer}\n`).rollback;
    expect([f.status, f.reason]).toEqual([status, reason]);
  });

  it("covers every kind in every language", () => {
    const kinds = [
      "none",
      "see above",
      "TBD",
      "later",
      "not applicable",
      "not applicable + reason",
      "fix forward",
    ];
    for (const lang of Object.keys(HEADING))
      for (const kind of kinds.filter((k) => lang !== "en" || k !== "later"))
        expect(
          cases.some(([l, k]) => l === lang && k === kind),
          `${lang} ${kind}`,
        ).toBe(true);
  });

  it("a real plan that mentions fixing forward is still a plan", () => {
    const f = parseDescription(
      "## Rückfallplan\nHelm-Rollback auf Revision 41, danach Cache leeren; die Migration fixen wir vorwärts.\n",
    ).rollback;
    expect(f.status).toBe("present");
  });
});

describe('the "N/A with a reason" threshold: three words of reason', () => {
  const rows: [string, "present" | "placeholder"][] = [
    ["N/A docs", "placeholder"],
    ["N/A — docs only", "placeholder"],
    ["N/A: docs-only change", "present"],
    ["Nicht zutreffend: Doku", "placeholder"],
    ["Nicht zutreffend: nur Doku", "placeholder"],
    ["Nicht zutreffend: nur Doku geändert", "present"],
    ["該当なし：文書", "placeholder"],
    ["該当なし：文書のみ", "placeholder"],
    ["該当なし：文書のみ変更", "present"],
    ["해당 없음: 문서", "placeholder"],
    ["해당 없음: 문서 변경", "placeholder"],
    ["해당 없음: 문서만 변경 배포", "present"],
  ];
  it.each(rows)("%s → %s", (answer, status) => {
    expect(parseDescription(`## Rollback\n${answer}\n`).rollback.status).toBe(status);
  });

  it("a pointer followed by three words of its own is judged as an answer", () => {
    expect(parseDescription("## Rollback\nSee above: helm rollback api 41\n").rollback.status).toBe(
      "present",
    );
    expect(parseDescription("## Rollback\nSiehe oben, danke\n").rollback.status).toBe("placeholder");
  });
});

describe("words that only name the section again are no reason", () => {
  it.each([
    ["## Impact\nNone, no impact expected", "blastRadius", "placeholder"],
    ["## Rollback\nN/A - no rollback needed", "rollback", "placeholder"],
    ["## Risiko\nKeine Auswirkungen, kein Risiko", "blastRadius", "placeholder"],
    ["## 影響範囲\nなし（影響はありません）", "blastRadius", "placeholder"],
    ["## 롤백\n해당 없음 - 변경 없음 해당 없음", "rollback", "placeholder"],
    ["## Impact\nNone: only the README changes", "blastRadius", "present"],
    ["## Rollback\nN/A — docs-only change, nothing to roll back", "rollback", "present"],
  ] as const)("%j → %s", (body, section, status) => {
    expect(parseDescription(body)[section].status).toBe(status);
  });
});

describe("the section's own name around a non-answer says nothing more", () => {
  it.each([
    ["## Rollback\nRollback: N/A", "rollback"],
    ["## Backout\n- How to roll back: Revert: N/A", "rollback"],
    ["## Risiko\nAuswirkungen: keine", "blastRadius"],
    ["## Impact\nImpact: none", "blastRadius"],
    ["## Risk\nRisk: none identified", "blastRadius"],
    ["## Impact\nImpact on users: none, impact on ops: none", "blastRadius"],
    ["## 影響範囲\n影響なし", "blastRadius"],
    ["## 영향\n영향 없음", "blastRadius"],
    ["## 影响\n无影响", "blastRadius"],
    ["## Impact\nAucun impact", "blastRadius"],
    ["## Impacto\nSem impacto", "blastRadius"],
    ["## Impacto\nNingún impacto", "blastRadius"],
  ] as const)("%j → placeholder (stock)", (body, section) => {
    const f = parseDescription(body)[section];
    expect([f.status, f.reason]).toEqual(["placeholder", "stock"]);
  });

  it("a rollback step that starts with the section's verb is still a step", () => {
    for (const body of [
      "## Rollback\nrevert",
      "## Rollback\nRevert, nothing else needed",
      "## 切り戻し\n切り戻しはhelm rollbackで行う",
    ])
      expect(parseDescription(body).rollback.status, body).toBe("present");
  });

  it("a label naming the section answers with what follows it", () => {
    const f = parseDescription("## Rollback plan\nRollback: `helm rollback api 41`").rollback;
    expect([f.status, f.answer]).toEqual(["present", "helm rollback api 41"]);
  });
});

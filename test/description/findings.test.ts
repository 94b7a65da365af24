import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/core/config/load.js";
import { parseDescription, readTemplates } from "../../src/core/description/index.js";

const TEMPLATE = `## Summary
<!-- What does this PR do? -->

## Rollback plan
<!-- How do we get back to the previous state? -->
Steps to roll back:

## Blast radius
- [ ] Low
- [ ] High

Impact (Low / High / Critical):
`;
const template = readTemplates([TEMPLATE]);

type Row = [
  name: string,
  body: string,
  section: "rollback" | "blastRadius",
  status: string,
  reason: string,
  line: number,
];

/** One row per finding kind: what the author wrote and what change-gate must say about it. */
const rows: Row[] = [
  [
    "ATX heading, answered",
    "## Rollback plan\nRevert PR #12 and redeploy v1.4.2.",
    "rollback",
    "present",
    "answered",
    1,
  ],
  ["H4 heading", "#### Rollback\n`helm rollback api 41`", "rollback", "present", "answered", 1],
  [
    "setext heading",
    "Intro\n\nRollback plan\n-------------\nhelm rollback web 7",
    "rollback",
    "present",
    "answered",
    3,
  ],
  [
    "bold pseudo-heading",
    "**Rollback plan**\nkubectl rollout undo deploy/api",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "bold label with colon inside",
    "**Rollback:** flip the flag `new_checkout` off",
    "rollback",
    "present",
    "answered",
    1,
  ],
  ["label line", "Fixes #3\n\nRollback: revert and redeploy v1.4.2", "rollback", "present", "answered", 3],
  ["full-width colon label", "影響範囲：決済APIのみ", "blastRadius", "present", "answered", 1],
  [
    "checked task with text",
    "- [x] Rollback plan: disable the feature flag",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "checked task naming a method",
    "## Rollback\n- [x] Revert PR\n- [ ] Restore backup",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "checked task that only claims a plan",
    "- [x] Rollback plan documented and tested",
    "rollback",
    "placeholder",
    "claim",
    1,
  ],
  ["unchecked task", "- [ ] Rollback plan", "rollback", "placeholder", "unchecked", 1],
  [
    "table row",
    "| Item | Answer |\n|---|---|\n| Blast radius | billing API only; worst case invoices are late |",
    "blastRadius",
    "present",
    "answered",
    3,
  ],
  [
    "column table",
    "| Rollback | Impact |\n|---|---|\n| revert | none |",
    "rollback",
    "present",
    "answered",
    3,
  ],
  [
    "details/summary",
    "<details>\n<summary>Rollback plan</summary>\n\nRestore the snapshot taken before the migration.\n\n</details>",
    "rollback",
    "present",
    "answered",
    2,
  ],
  [
    "emoji + numbering",
    "## 3. 🔙 Rollback / Recovery Plan\nRedeploy the previous tag.",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "zero-width characters in the heading",
    "## Roll\u200bback\nrevert it",
    "rollback",
    "present",
    "answered",
    1,
  ],
  ["full-width letters", "## Ｒｏｌｌｂａｃｋ\nrevert it", "rollback", "present", "answered", 1],
  [
    "command in a fence under the slot",
    "## Rollback plan\n```sh\ngit revert abc123\n```",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "keyword only in an HTML comment",
    "<!-- ## Rollback plan\nrevert -->\nJust a fix.",
    "rollback",
    "missing",
    "no-slot",
    1,
  ],
  ["keyword only in a code fence", "```\n## Rollback plan\nrevert\n```", "rollback", "missing", "no-slot", 1],
  [
    "only a comment in the slot",
    "## Rollback plan\n<!-- describe it -->",
    "rollback",
    "placeholder",
    "comments",
    1,
  ],
  ["empty slot", "## Rollback plan\n\n## Testing\nunit", "rollback", "placeholder", "empty", 1],
  ["TBD", "## Rollback plan\nTBD", "rollback", "placeholder", "stock", 1],
  ["N/A alone", "## Impact\nN/A", "blastRadius", "placeholder", "stock", 1],
  ["dash", "## Impact\n-", "blastRadius", "placeholder", "empty", 1],
  ["ellipsis", "## Impact\n...", "blastRadius", "placeholder", "stock", 1],
  ["same as above", "## Rollback\nSame as above.", "rollback", "placeholder", "stock", 1],
  ["todo with words", "## Rollback\ntodo: will add later", "rollback", "placeholder", "stock", 1],
  [
    "reasoned N/A",
    "## Rollback\nN/A — docs-only change, nothing to roll back",
    "rollback",
    "present",
    "reasoned-na",
    1,
  ],
  ["bare fix forward", "## Rollback\nWe'll fix forward.", "rollback", "placeholder", "fix-forward", 1],
  [
    "fix forward with steps",
    "## Rollback\nRevert the deploy with helm rollback; if the migration ran we fix forward.",
    "rollback",
    "present",
    "answered",
    1,
  ],
  [
    "question-only slot without a template",
    "## Rollback\nHow would we roll this back?",
    "rollback",
    "placeholder",
    "question",
    1,
  ],
  [
    "combined slot, label lines split",
    "## Risk & Rollback\nRisk: auth service; worst case logins fail\nRollback: TBD",
    "rollback",
    "placeholder",
    "stock",
    3,
  ],
  [
    "combined slot answers the other section",
    "## Risk & Rollback\nRisk: auth service; worst case logins fail\nRollback: TBD",
    "blastRadius",
    "present",
    "answered",
    2,
  ],
  ["Japanese", "## 切り戻し手順\n前のバージョンを再デプロイ", "rollback", "present", "answered", 1],
  ["Portuguese", "## Plano de rollback\nReverter o deploy", "rollback", "present", "answered", 1],
  ["Spanish", "## Plan de reversión\nrevertir el despliegue", "rollback", "present", "answered", 1],
  ["German", "## Rückfallplan\nVorherige Version ausrollen", "rollback", "present", "answered", 1],
  ["Chinese", "## 影响范围\n仅支付服务", "blastRadius", "present", "answered", 1],
  ["front matter is metadata", "---\nrollback: git revert\n---\nFix", "rollback", "missing", "no-slot", 1],
  ["CRLF line ends", "## Rollback plan\r\nrevert\r\n", "rollback", "present", "answered", 1],
  ["BOM", "\uFEFF## Rollback plan\nrevert", "rollback", "present", "answered", 1],
  ["no slot at all", "Fixes a typo.", "rollback", "missing", "no-slot", 1],
];

describe("finding kinds without a template", () => {
  it.each(rows)("%s", (_name, body, section, status, reason, line) => {
    const f = parseDescription(body)[section];
    expect({ status: f.status, reason: f.reason, line: f.line }).toEqual({ status, reason, line });
  });
});

describe("comparison with the repository's own template", () => {
  it("the template left untouched is placeholder text, not an answer", () => {
    const r = parseDescription(TEMPLATE, { template });
    expect([r.rollback.status, r.rollback.reason, r.rollback.line]).toEqual(["placeholder", "template", 4]);
    expect(r.blastRadius.status).toBe("placeholder");
  });

  it("text appended after a template label counts as the author's answer", () => {
    const body = TEMPLATE.replace("Steps to roll back:", "Steps to roll back: helm rollback api 41");
    expect(parseDescription(body, { template }).rollback.status).toBe("present");
  });

  it("picking one option of a template line is not a blast radius", () => {
    const body = TEMPLATE.replace("Impact (Low / High / Critical):", "Impact: Low");
    expect(parseDescription(body, { template }).blastRadius.status).toBe("placeholder");
  });

  it("a fence copied from the template does not count; a new one does", () => {
    const tpl = "## Rollback\n```sh\nhelm rollback <release> <revision>\n```\n";
    const t = readTemplates([tpl]);
    expect(parseDescription(tpl, { template: t }).rollback.status).toBe("placeholder");
    expect(
      parseDescription("## Rollback\n```sh\nhelm rollback api 41\n```\n", { template: t }).rollback.status,
    ).toBe("present");
  });
});

describe("configuration", () => {
  it("extra headings from config name a section", () => {
    const rules = defaultConfig().description;
    rules.rollback.headings = ["Escape hatch"];
    expect(parseDescription("## Escape hatch\nflip the flag off", { rules }).rollback.status).toBe("present");
  });

  it("reasoned N/A can be turned off", () => {
    const rules = { ...defaultConfig().description, reasoned_na: false };
    expect(
      parseDescription("## Rollback\nN/A — docs-only change, nothing to roll back", { rules }).rollback
        .status,
    ).toBe("placeholder");
  });

  it("extra placeholders from config", () => {
    const rules = { ...defaultConfig().description, placeholders: ["see runbook"] };
    expect(parseDescription("## Rollback\nSee runbook", { rules }).rollback.reason).toBe("stock");
  });

  it("declared blast radius level is read", () => {
    expect(parseDescription("Blast radius: high — every tenant's login").declaredRisk).toBe("high");
  });
});

describe("hostile input", () => {
  it("gaining text in the rollback section never turns present into missing", () => {
    const base = "## Rollback plan\nrevert the deploy\n";
    for (const extra of [
      "\n## Testing\nok",
      "\n<!--",
      "\n```",
      "\n> > > >",
      "\n| a |\n|---|",
      "\u202E\u200B",
    ]) {
      expect(parseDescription(base + extra).rollback.status).not.toBe("missing");
    }
  });

  it("65,536 nested quote markers do not exhaust the stack", () => {
    expect(parseDescription(">".repeat(70_000)).warnings[0]).toMatch(/only the first 65536 were read/);
  });
});

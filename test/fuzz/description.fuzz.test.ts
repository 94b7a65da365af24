import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseDescription, readTemplates } from "../../src/core/description/index.js";
import { FUZZ, Slowest } from "./runs.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const templates = readdirSync(join(fixtures, "templates")).map((f) =>
  readFileSync(join(fixtures, "templates", f), "utf8"),
);

const STATUSES = ["present", "placeholder", "missing"];
const slowest = new Slowest();

const markdownPiece = fc.oneof(
  fc.constantFrom(
    "## Rollback plan\n",
    "### Impact\n",
    "**Rollback**\n",
    "Rollback: revert\n",
    "- [ ] Rollback plan\n",
    "- [x] Revert PR\n",
    "| Rollback | Impact |\n|---|---|\n| a | b |\n",
    "<!-- comment -->\n",
    "<!--",
    "-->",
    "```\n",
    "~~~\n",
    "> ",
    "- ",
    "1. ",
    "TBD\n",
    "N/A\n",
    "<details><summary>Rollback</summary>\n",
    "</details>\n",
    "---\n",
    "===\n",
    "\u200b",
    "\u202e",
    "\uFEFF",
    "\r\n",
    "\n\n",
    "*",
    "_",
    "[",
    "](",
    "`",
    "#",
    "\t",
    "影響範囲",
    "切り戻し",
    "Rückfallplan",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const body = fc.array(markdownPiece, { maxLength: 60 }).map((parts) => parts.join(""));

function wellFormed(r: ReturnType<typeof parseDescription>): void {
  for (const f of [r.rollback, r.blastRadius]) {
    expect(STATUSES).toContain(f.status);
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe("fuzz: PR bodies", () => {
  afterAll(() =>
    console.log(
      `description fuzz: slowest input ${slowest.ms.toFixed(1)} ms (${JSON.stringify(slowest.input)})`,
    ),
  );

  it("random Markdown never throws and always gives well-formed findings", () => {
    fc.assert(
      fc.property(body, (b) => wellFormed(slowest.time(b, () => parseDescription(b)))),
      FUZZ,
    );
  });

  it("mutated real templates, compared with themselves, never throw", () => {
    const mutation = fc.record({
      template: fc.integer({ min: 0, max: templates.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 200 }),
      insert: body,
    });
    fc.assert(
      fc.property(mutation, ({ template, at, cut, insert }) => {
        const t = templates[template]!;
        const i = at % (t.length + 1);
        const mutated = t.slice(0, i) + insert + t.slice(i + cut);
        wellFormed(slowest.time(mutated, () => parseDescription(mutated, { template: readTemplates([t]) })));
      }),
      { ...FUZZ, numRuns: Math.max(20, Math.floor(FUZZ.numRuns / 3)) },
    );
  });

  it("a body that gains text in its rollback section never goes from present to missing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (extra) => {
        const before = parseDescription("## Rollback plan\nhelm rollback api 41\n\n## Impact\nbilling only");
        const after = parseDescription(
          `## Rollback plan\nhelm rollback api 41\n${extra}\n\n## Impact\nbilling only`,
        );
        expect(before.rollback.status).toBe("present");
        expect(after.rollback.status).not.toBe("missing");
      }),
      FUZZ,
    );
  });

  it("deep nesting, huge tables and oversized bodies stay bounded", () => {
    const shapes = fc.record({
      depth: fc.integer({ min: 1, max: 5000 }),
      rows: fc.integer({ min: 1, max: 3000 }),
      marker: fc.constantFrom("> ", "- ", "1. ", "* ", ">"),
    });
    fc.assert(
      fc.property(shapes, ({ depth, rows, marker }) => {
        const b = `${marker.repeat(depth)}Rollback: x\n${"| Impact | y |\n|---|---|\n".repeat(1)}${"| a | b |\n".repeat(rows)}`;
        wellFormed(slowest.time(b, () => parseDescription(b)));
      }),
      { ...FUZZ, numRuns: Math.max(10, Math.floor(FUZZ.numRuns / 10)) },
    );
    const huge = `## Rollback\nrevert\n${"x".repeat(200_000)}`;
    expect(slowest.time(huge, () => parseDescription(huge)).warnings).toHaveLength(1);
  });
});

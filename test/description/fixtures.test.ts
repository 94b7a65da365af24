import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDescription, readTemplates } from "../../src/core/description/index.js";

const dir = join(import.meta.dirname, "../fixtures");

interface Row {
  body: string;
  template: string;
  rollback: string;
  blastRadius: string;
  note: string;
}

function rows(): Row[] {
  const [, ...lines] = readFileSync(join(dir, "expected.tsv"), "utf8").trimEnd().split("\n");
  return lines.map((line) => {
    const [body, template, rollback, blastRadius, note] = line.split("\t");
    return {
      body: body!,
      template: template!,
      rollback: rollback!,
      blastRadius: blastRadius!,
      note: note ?? "",
    };
  });
}

describe("fixture corpus: real PR templates and bodies written on them", () => {
  const table = rows();

  it("has at least 30 real templates and 80 bodies, each body in the table", () => {
    expect(
      readdirSync(join(dir, "templates")).filter((f) => f.endsWith(".md")).length,
    ).toBeGreaterThanOrEqual(30);
    const bodies = readdirSync(join(dir, "bodies")).filter((f) => f.endsWith(".md"));
    expect(bodies.length).toBeGreaterThanOrEqual(80);
    expect(new Set(table.map((r) => r.body))).toEqual(new Set(bodies));
  });

  it.each(table)("$body → rollback $rollback, blast radius $blastRadius ($note)", (row) => {
    const body = readFileSync(join(dir, "bodies", row.body), "utf8");
    const template =
      row.template === "-"
        ? undefined
        : readTemplates([readFileSync(join(dir, "templates", row.template), "utf8")]);
    const record = parseDescription(body, { template });
    expect({ rollback: record.rollback.status, blastRadius: record.blastRadius.status }).toEqual({
      rollback: row.rollback,
      blastRadius: row.blastRadius,
    });
  });
});

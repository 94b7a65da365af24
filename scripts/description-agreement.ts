/**
 * Agreement of the description gate with the hand-labelled answer key (test/fixtures/expected.tsv): the share of
 * rows whose rollback / blast-radius status matches the label. `node --import tsx scripts/description-agreement.ts`
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDescription, readTemplates } from "../src/core/description/index.js";

const dir = join(import.meta.dirname, "../test/fixtures");
const [, ...lines] = readFileSync(join(dir, "expected.tsv"), "utf8").trimEnd().split("\n");
const agree = { rollback: 0, blastRadius: 0 };
const misses: string[] = [];
for (const line of lines) {
  const [body, template, rollback, blastRadius] = line.split("\t") as [string, string, string, string];
  const text = readFileSync(join(dir, "bodies", body), "utf8");
  const tpl =
    template === "-" ? undefined : readTemplates([readFileSync(join(dir, "templates", template), "utf8")]);
  const r = parseDescription(text, { template: tpl });
  if (r.rollback.status === rollback) agree.rollback++;
  else misses.push(`${body}: rollback ${r.rollback.status}, labelled ${rollback}`);
  if (r.blastRadius.status === blastRadius) agree.blastRadius++;
  else misses.push(`${body}: blast radius ${r.blastRadius.status}, labelled ${blastRadius}`);
}
const pct = (n: number) => `${((100 * n) / lines.length).toFixed(1)}%`;
console.log(`${lines.length} labelled bodies`);
console.log(`rollback     ${agree.rollback}/${lines.length} ${pct(agree.rollback)}`);
console.log(`blast radius ${agree.blastRadius}/${lines.length} ${pct(agree.blastRadius)}`);
for (const m of misses) console.log(`  miss: ${m}`);

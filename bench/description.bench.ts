/**
 * Description parser benchmark (a plain script, not a timed test):
 *   node --import tsx bench/description.bench.ts
 * Parse + classify: a typical 4 KiB body, a realistic 64 KiB body (long notes and logs), and adversarial 64 KiB bodies;
 * then the wall time of `node dist/cli.js check` on a 4 KiB body against `node -e 0`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseDescription, readTemplates } from "../src/core/description/index.js";

const template = readTemplates([readFileSync("examples/pull_request_template.md", "utf8")]);
const good = readFileSync("examples/bodies/good.md", "utf8");
const prose =
  "The retry loop now backs off with jitter, so a burst of failures no longer hammers the payment provider. ";
const typical = `${good}\n## Notes\n\n${prose.repeat(30)}\n`.slice(0, 4096);
const log = "2026-11-24T10:00:00Z INFO checkout-api request_id=7f3a status=200 latency_ms=41\n";
const realistic =
  `${good}\n## Notes\n\n${prose.repeat(120)}\n\n<details><summary>Logs</summary>\n\n\`\`\`\n${log.repeat(500)}\`\`\`\n</details>\n`.slice(
    0,
    65_536,
  );

const adversarial: Record<string, string> = {
  "deep nesting": Array.from({ length: 3000 }, (_, i) => `${"> ".repeat(i % 200)}- Rollback: x`).join("\n"),
  "thousands of headings": Array.from({ length: 6000 }, (_, i) => `## Rollback ${i}\nx`).join("\n"),
  "one huge table": `| Rollback | Impact |\n|---|---|\n${"| revert the deploy | only the api |\n".repeat(2000)}`,
  "unclosed links": `Rollback: ${"[a](".repeat(16_000)}`,
  "emphasis soup": `## Rollback\n${"*a **_b_".repeat(8000)}`,
};

function measure(name: string, body: string, runs: number): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parseDescription(body, { template });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = times[Math.floor(times.length * 0.95)] ?? times[times.length - 1]!;
  console.log(
    `${name.padEnd(28)} ${String(body.length).padStart(6)} chars  mean ${mean.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`,
  );
}

parseDescription(typical, { template }); // warm-up: the first call pays module initialisation
console.log("description: parse + classify");
measure("typical 4 KiB", typical, 200);
measure("realistic 64 KiB", realistic, 50);
for (const [name, body] of Object.entries(adversarial))
  measure(`adversarial: ${name}`, body.slice(0, 65_536), 10);
console.log(`RSS after the runs: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);

function wall(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { input: typical, encoding: "utf8" });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
const base = wall(["-e", "0"]);
const check = wall(["dist/cli.js", "check", "--body", "-", "--format", "json"]);
console.log(
  `\nCLI wall time (median of 7): node -e 0 ${base.toFixed(0)} ms; node dist/cli.js check (4 KiB) ${check.toFixed(0)} ms = ${(check / base).toFixed(2)}x`,
);

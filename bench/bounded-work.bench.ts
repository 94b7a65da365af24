/**
 * Bounded-work ceilings (issue 14): the most expensive inputs that still validate, timed (a plain script, not a timed
 * test; the tests count steps instead):
 *   node --import tsx bench/bounded-work.bench.ts
 * - schedule: two hourly cron windows lasting 366 days (20k fires a year together, the config limit), evaluated at
 *   50 instants, cold and warm, with the cron fires enumerated per evaluation.
 * - globs: a risk rule with star-heavy globs against 3000 changed files with 125- and 4096-character names (the
 *   report's shape), through `assessRisk`: time and matching steps per decision (capped at MAX_GLOB_STEPS).
 */
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/core/config/load.js";
import { GlobSet, globBudget, MAX_GLOB_STEPS } from "../src/core/glob/index.js";
import { assessRisk } from "../src/core/risk/index.js";
import { cronFireCount } from "../src/core/schedule/cron-fires.js";
import { evaluateSchedule } from "../src/core/schedule/index.js";

function stats(samples: number[]): string {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)}, p95 ${at(0.95).toFixed(1)}, max ${at(1).toFixed(1)}`;
}

const CEILING = `timezone: Europe/Berlin
windows:
  - { cron: "0 * * * *", duration: 366d }
  - { cron: "30 * * * *", duration: 366d }
freezes:
  - { name: Quarter close, cron: "0 0 28 3,6,9,12 *", duration: 4d }
`;
const loaded = loadConfig(CEILING);
if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
const config = loaded.config;
const base = Date.parse("2026-01-01T00:00:00Z");
const instants = Array.from({ length: 50 }, (_, i) => new Date(base + i * 7.3 * 86_400_000));
for (const pass of ["cold", "warm"]) {
  const ms: number[] = [];
  const fires: number[] = [];
  for (const at of instants) {
    const f0 = cronFireCount();
    const t0 = performance.now();
    evaluateSchedule({ config }, at);
    ms.push(performance.now() - t0);
    fires.push(cronFireCount() - f0);
  }
  console.log(
    `schedule ceiling (2 hourly crons x 366d), ${pass}: ms ${stats(ms)}; fires/evaluation ${stats(fires)}`,
  );
}

const GLOBS = ["**/*{.md,.txt}", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b*", "**/a*/**/*a*a*a*b*"];
const risky = loadConfig(`risk:\n  rules:\n    - { paths: ${JSON.stringify(GLOBS)}, level: high }\n`);
if (!risky.ok) throw new Error(risky.errors.map((e) => e.message).join("\n"));
for (const length of [125, 4096]) {
  const files = Array.from({ length: 3000 }, (_, i) => ({
    path: `${"a".repeat(length - 6)}${String(i).padStart(4, "0")}.x`,
    additions: 1,
    deletions: 0,
  }));
  const ms: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    assessRisk(risky.config, { files, labels: [] }, null);
    ms.push(performance.now() - t0);
  }
  const budget = globBudget();
  const set = new GlobSet(GLOBS);
  for (const f of files) if (set.test(f.path, budget) === null) break;
  console.log(
    `globs ceiling (3 star-heavy globs x 3000 files of ${length} chars): ms ${stats(ms)}; steps ${(MAX_GLOB_STEPS - budget.steps).toLocaleString("en-US")} of ${MAX_GLOB_STEPS.toLocaleString("en-US")}`,
  );
}

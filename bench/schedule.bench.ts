/**
 * Schedule engine benchmark (a plain script, not a timed test):
 *   node --import tsx bench/schedule.bench.ts
 * Prints median / p95 of evaluateSchedule (including nextOpen/closesAt, 366-day look-ahead) on a 20-rule policy
 * over 1000 pseudo-random instants spread over two years, cold (all memo caches cleared first) and warm, and the
 * time of renderExplain for 30 days.
 */
import { performance } from "node:perf_hooks";
import { loadConfigAsync } from "../src/core/config/load.js";
import { evaluateSchedule, renderExplain, type ScheduleQuery } from "../src/core/schedule/index.js";

const POLICY = `
timezone: Europe/Berlin
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
  - { days: Fri, start: "09:00", end: "12:00" }
  - { days: Sat, start: "22:00", end: "02:00", name: Weekend maintenance }
  - { cron: "0 9 * * 5", duration: 3h }
  - { cron: "30 6 1 * *", duration: 2h, name: Monthly patch }
  - { days: Tue-Wed, start: "18:00", end: "20:00", timezone: America/New_York }
  - { days: Mon, start: "07:00", end: "08:00", timezone: Asia/Tokyo }
  - { cron: "0 14 * * 2", duration: 90m }
freezes:
  - { name: Peak season, from: "2026-11-20T00:00", to: "2026-12-01T00:00" }
  - { name: Year end, cron: "0 0 20 12 *", duration: 15d }
  - { name: No Friday afternoons, days: Fri, start: "12:00", end: "24:00" }
  - { name: Quarter close, cron: "0 0 28 3,6,9,12 *", duration: 4d }
  - { name: Black Friday, from: "2027-11-25T00:00", to: "2027-11-30T00:00" }
  - { name: Summer release, from: "2027-07-01T00:00Z", to: "2027-07-03T00:00Z" }
  - { name: Nightly batch, days: daily, start: "01:00", end: "03:00" }
  - { name: Monday standup, cron: "0 10 * * 1", duration: 30m }
  - { name: Audit, cron: "0 0 1 1 *", duration: 1w }
  - { name: DB upgrade, from: "2026-09-12T20:00", to: "2026-09-13T06:00" }
  - { name: Vendor freeze, days: Sun, start: "00:00", end: "24:00", timezone: America/Los_Angeles }
holidays: { country: DE, region: BE }
`;

const loaded = await loadConfigAsync(POLICY);
if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
const query: ScheduleQuery = { config: loaded.config };
const rules = loaded.config.windows.length + loaded.config.freezes.length + 1;

let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const base = Date.parse("2026-01-01T00:00:00Z");
const instants = Array.from({ length: 1000 }, () => new Date(base + Math.floor(random() * 730 * 86_400_000)));

function stats(samples: number[]): string {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${at(1).toFixed(3)} ms`;
}

function run(): number[] {
  const out: number[] = [];
  for (const at of instants) {
    const t0 = performance.now();
    evaluateSchedule(query, at);
    out.push(performance.now() - t0);
  }
  return out;
}

const first = run(); // caches fill as it goes: includes every cold zone/day/cron/holiday computation
const warm = run();
console.log(`policy: ${rules} rules (8 windows, 11 freezes, DE/BE holidays), 1000 instants over 2 years`);
console.log(`evaluateSchedule, first pass (caches filling): ${stats(first)}`);
console.log(`evaluateSchedule, warm:                       ${stats(warm)}`);

const explain: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  renderExplain(query, instants[i]!, 30);
  explain.push(performance.now() - t0);
}
console.log(`renderExplain 30 days:                        ${stats(explain)}`);

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/load.js";
import { MAX_CONFIG_CRON_FIRES_PER_YEAR } from "../../src/core/config/schedule-budget.js";
import { GlobSet, globBudget, globSyntaxError, MAX_PATH_LENGTH } from "../../src/core/glob/index.js";
import { cronFireCount, cronFiresPerYear } from "../../src/core/schedule/cron-fires.js";
import { evaluateSchedule } from "../../src/core/schedule/index.js";
import { FUZZ } from "./runs.js";

/**
 * Issue 14.6: every config that validates evaluates in bounded work, counted in cron fires enumerated (never wall
 * time). Generated configs mix ordinary rules with hostile ones: every-minute and step lists, huge and 52-week
 * durations, DST zones.
 */

/** One evaluation walks each cron rule over a few years at most (look-back as long as the duration, three look-ahead
 * horizons, the freeze's end): 12 years of fires is a generous ceiling that still catches any per-minute blow-up. */
const YEARS_OF_FIRES_PER_EVALUATION = 12;

const cronField = (max: number) =>
  fc.oneof(
    fc.constant("*"),
    fc.integer({ min: 0, max }).map(String),
    fc.integer({ min: 1, max: Math.max(1, max) }).map((n) => `*/${n}`),
    fc
      .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }), fc.integer({ min: 1, max: 7 }))
      .map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 2, maxLength: 4 }).map((l) => l.join(",")),
  );
const cron = fc
  .tuple(
    cronField(59),
    cronField(23),
    fc.oneof(fc.constant("*"), fc.integer({ min: 1, max: 31 }).map(String), fc.constant("L")),
    fc.oneof(fc.constant("*"), fc.integer({ min: 1, max: 12 }).map(String), fc.constant("2")),
    fc.oneof(fc.constant("*"), fc.constant("1-5"), fc.integer({ min: 0, max: 6 }).map(String)),
  )
  .map((f) => f.join(" "));
const duration = fc.oneof(
  fc.constantFrom("1m", "61m", "3h", "1d", "15d", "52w", "52w2d", "366d", "367d", "99999999999999999999w"),
  fc
    .tuple(fc.nat({ max: 53 }), fc.nat({ max: 9 }), fc.nat({ max: 48 }))
    .map(([w, d, h]) => `${w}w${d}d${h}h`),
);
const rule = fc.oneof(
  { weight: 4, arbitrary: fc.record({ cron, duration }) },
  { weight: 1, arbitrary: fc.constant({ days: "Mon-Fri", start: "09:00", end: "17:00" }) },
);
const policy = fc.record({
  zone: fc.constantFrom("UTC", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/New_York"),
  windows: fc.array(rule, { maxLength: 3 }),
  freezes: fc.array(rule, { maxLength: 3 }),
  at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
});

const stats = { valid: 0, worst: 0, maxSpent: 0, input: "" };

describe("fuzz: bounded schedule work", () => {
  afterAll(() =>
    console.log(
      `bounded work fuzz: ${stats.valid} valid configs evaluated; most fires in one evaluation ${stats.maxSpent} (${stats.worst.toFixed(2)} years of the config's fires: ${stats.input})`,
    ),
  );

  it("a config that validates evaluates with a bounded number of cron fires; hostile ones are refused", () => {
    fc.assert(
      fc.property(policy, ({ zone, windows, freezes, at }) => {
        // JSON is YAML: the generated policy goes through the real loader and schema.
        const r = loadConfig(JSON.stringify({ timezone: zone, windows, freezes }), "c.yml");
        const crons = [...windows, ...freezes].flatMap((x) => ("cron" in x ? [x.cron] : []));
        const yearly = crons.reduce((n, c) => n + cronFiresPerYear(c), 0);
        if (!r.ok) return;
        expect(yearly).toBeLessThanOrEqual(MAX_CONFIG_CRON_FIRES_PER_YEAR);
        const before = cronFireCount();
        evaluateSchedule({ config: r.config }, new Date(at));
        const spent = cronFireCount() - before;
        stats.valid++;
        if (yearly > 0 && spent / yearly > stats.worst) {
          stats.worst = spent / yearly;
          stats.input = JSON.stringify({ zone, windows, freezes, at: new Date(at), spent, yearly });
        }
        stats.maxSpent = Math.max(stats.maxSpent, spent);
        expect(spent).toBeLessThanOrEqual(YEARS_OF_FIRES_PER_EVALUATION * yearly + 50 * crons.length);
      }),
      { ...FUZZ, numRuns: Math.max(30, Math.floor(FUZZ.numRuns / 5)) },
    );
  });

  it("the hostile configs from the report are refused at validate", () => {
    const hostile = [
      '{ cron: "* * * * *", duration: 52w }',
      '{ cron: "0 9 * * 5", duration: 99999999999999999999w }',
      '{ cron: "*/2 * * * *", duration: 52w }',
    ];
    for (const h of hostile) expect(loadConfig(`freezes:\n  - ${h}\n`, "c.yml").ok).toBe(false);
    const steps = ["*/5 * * * *", "*/7 * * * *", "*/11 * * * *"].map(
      (c) => `  - { cron: "${c}", duration: 52w }`,
    );
    expect(loadConfig(`windows:\n${steps.join("\n")}\n`, "c.yml").ok).toBe(false);
  });
});

describe("fuzz: bounded glob work (issue 14.5)", () => {
  // Hostile shapes: star runs, globstars, classes and braces, against long names of the characters they hunt for.
  const atom = fc.constantFrom(
    "*",
    "**",
    "?",
    "a",
    ".",
    "/",
    "[a.]",
    "[!/]",
    "{a,*a}",
    "*.{md,txt}",
    "+(a|b)",
    "**/",
  );
  const glob = fc.array(atom, { minLength: 1, maxLength: 40 }).map((a) => a.join(""));
  const name = fc
    .tuple(fc.constantFrom("a", "a.", "a/", "/a", ".md"), fc.integer({ min: 1, max: MAX_PATH_LENGTH / 2 }))
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

  it("any glob that validates matches any name in at most name length × NFA states steps", () => {
    fc.assert(
      fc.property(
        fc.array(glob, { minLength: 1, maxLength: 5 }),
        fc.array(name, { maxLength: 4 }),
        (globs, names) => {
          const valid = globs.filter((g) => globSyntaxError(g) === null);
          if (valid.length === 0) return;
          const set = new GlobSet(valid);
          // Every alternative has at most 2 × (glob length + 1) states; braces give at most 64 alternatives.
          const states = valid.reduce((n, g) => n + 64 * 2 * (g.length + 1), 0);
          for (const n of names) {
            const counted = globBudget(1e12);
            set.test(n, counted);
            expect(1e12 - counted.steps).toBeLessThanOrEqual(n.length * states);
          }
        },
      ),
      { ...FUZZ, numRuns: Math.max(30, Math.floor(FUZZ.numRuns / 5)) },
    );
  });

  it("the reported extglob is refused at validate", () => {
    expect(loadConfig('description: { skip: { paths: ["**/+(*.md|*.txt)"] } }', "c.yml").ok).toBe(false);
  });
});

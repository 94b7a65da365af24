import { describe, expect, it } from "vitest";
import { cronFireCount, cronFires, MAX_FIRES_PER_CALL } from "../../src/core/schedule/cron-fires.js";
import { cli, tempFile } from "./helpers.js";

/** Issue 14.6: every config that validates evaluates in bounded work; what cannot be bounded is refused at validate. */
async function validate(yaml: string): Promise<{ code: number; lines: string[]; file: string }> {
  const file = tempFile("c.yml", yaml);
  const r = await cli(["validate", "--config", file]);
  return { code: r.code, lines: r.stderr.split("\n").filter(Boolean), file };
}

describe("change-gate validate refuses schedules that cannot be evaluated in bounded work", () => {
  it("a cron firing every minute with duration 52w is refused, saying what to do instead", async () => {
    const r = await validate('windows:\n  - { cron: "* * * * *", duration: 52w }\n');
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(
      `${r.file}:2:13: windows[0].cron: "* * * * *" fires 527,040 times a year; a cron rule may fire at most 10,000 times a year (hourly is 8,784): for a window open most of the day use { days, start, end }, or fire less often`,
    );
  });

  it("a duration of 99999999999999999999w is refused (it used to validate and then throw at evaluation)", async () => {
    const r = await validate('freezes:\n  - { cron: "0 0 20 12 *", duration: 99999999999999999999w }\n');
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(
      `${r.file}:2:38: freezes[0].duration: duration "99999999999999999999w" is longer than 366 days; use at most 52w2d (or 366d), or a one-off { from, to } freeze`,
    );
  });

  it("durations up to 366 days are fine, one minute more is not", async () => {
    expect((await validate('freezes:\n  - { cron: "0 0 1 1 *", duration: 52w2d }\n')).code).toBe(0);
    const r = await validate('freezes:\n  - { cron: "0 0 1 1 *", duration: 366d1m }\n');
    expect(r.lines[0]).toContain('freezes[0].duration: duration "366d1m" is longer than 366 days');
  });

  it("a list of step expressions that together fire too often is refused at the rule that crosses the limit", async () => {
    const rules = ["0 * * * *", "30 * * * *", "15 * * * *"].map(
      (cron) => `  - { cron: "${cron}", duration: 52w }`,
    );
    const r = await validate(`freezes:\n${rules.join("\n")}\n`);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(
      `${r.file}:4:13: freezes[2].cron: the cron rules fire 26,352 times a year together; at most 20,000 are allowed: use fewer or less frequent cron rules, or { days, start, end } rules`,
    );
  });

  it("a cron that can never fire is refused", async () => {
    const r = await validate('freezes:\n  - { cron: "0 0 31 2 *", duration: 1d }\n');
    expect(r.lines[0]).toBe(
      `${r.file}:2:13: freezes[0].cron: "0 0 31 2 *" never fires (no such date); check the day-of-month and month fields`,
    );
  });

  it("more than 200 window and freeze rules (environments counted) are refused", async () => {
    const rule = '{ days: Mon, start: "09:00", end: "10:00" }';
    const envs = Array.from(
      { length: 3 },
      (_, e) => `  env${e}:\n    windows: [${Array(70).fill(rule).join(", ")}]`,
    );
    const r = await validate(`environments:\n${envs.join("\n")}\n`);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(
      /environments\.env2\.windows\[60\]: the config has 210 window and freeze rules \(all environments and risk levels counted\); at most 200 are allowed/,
    );
  });

  it("an hourly cron is still allowed", async () => {
    expect((await validate('windows:\n  - { cron: "0 * * * *", duration: 30m }\n')).code).toBe(0);
  });
});

describe("cron enumeration is capped", () => {
  it("one query never enumerates more than MAX_FIRES_PER_CALL fires: it throws, so the gate fails closed", () => {
    const before = cronFireCount();
    expect(() => cronFires("* * * * *", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toThrow(
      /fires more than 30,000 times in one query; a cron rule may fire at most 10,000 times a year/,
    );
    expect(cronFireCount() - before).toBeLessThanOrEqual(MAX_FIRES_PER_CALL + 2);
  });
});

describe("config globs are matched in linear time (issue 14.5)", () => {
  it("validate refuses the extglob that blocked the event loop, saying what to write instead", async () => {
    const r = await validate('description:\n  skip:\n    paths: ["**/+(*.md|*.txt)"]\n');
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(
      `${r.file}:3:13: description.skip.paths[0]: "**/+(*.md|*.txt)": extglobs like +(a|b) are not supported ("(" at 5); use {a,b} for alternatives, or \\( for a literal (`,
    );
    expect((await validate('description:\n  skip:\n    paths: ["**/*.{md,txt}"]\n')).code).toBe(0);
  });

  it("a changed path too long to match counts as a match of a risk path rule (fail closed), with the reason", async () => {
    const config = tempFile(
      "c.yml",
      'risk:\n  rules:\n    - { paths: ["docs/**"], level: high, reason: docs }\n    - { paths: ["**/*.{md,txt}"], level: medium }\n',
    );
    const long = `src/${"a".repeat(5000)}.ts`;
    const files = tempFile("files.json", JSON.stringify([long, `docs/${"b".repeat(125)}.mdx`]));
    const r = await cli(["check", "--config", config, "--files", files, "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.risk.level).toBe("high");
    expect(out.risk.reasons).toEqual([
      `high: docs — 1 file match docs/** (docs/${"b".repeat(125)}.mdx); 1 file path could not be checked against docs/** (too long, or over the matching work limit), so the rule applies`,
      "medium: 1 file path could not be checked against **/*.{md,txt} (too long, or over the matching work limit), so the rule applies",
    ]);
  });
});

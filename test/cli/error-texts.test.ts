import { describe, expect, it } from "vitest";
import { cli, tempFile } from "./helpers.js";

async function validate(yaml: string): Promise<string[]> {
  const cfg = tempFile("c.yml", yaml);
  const r = await cli(["validate", "--config", cfg]);
  expect(r.code).toBe(2);
  return r.stderr
    .trim()
    .split("\n")
    .map((l) => l.replace(`${cfg}:`, ""));
}

describe("config errors read as advice", () => {
  it("an unknown key suggests the nearest known key at that place", async () => {
    const lines = await validate(
      'windwos: []\nenvironments:\n  production: { requires: [rollback] }\nmerge: { enforce_window: true }\nfreezes:\n  - { name: X, form: "2026-12-01", to: "2026-12-02" }\n',
    );
    expect(lines).toEqual([
      '1:1: windwos: unknown key "windwos"; did you mean "windows"?',
      '3:17: environments.production.requires: unknown key "requires"; did you mean "require"?',
      '4:10: merge.enforce_window: unknown key "enforce_window"; did you mean "enforce_windows"?',
      '6:5: freezes[0].from: missing "from"',
      '6:16: freezes[0].form: unknown key "form"; did you mean "from"?',
      expect.stringMatching(/^5 errors in /),
    ]);
  });

  it("an unknown key with nothing close gets no guess", async () => {
    expect(await validate("colour: red\n")).toEqual([
      '1:1: colour: unknown key "colour"',
      expect.stringMatching(/^1 error in/),
    ]);
  });

  it("a cron month 13 is reported as 13, with the allowed range", async () => {
    expect((await validate('freezes: [{ cron: "0 0 1 13 *", duration: 1d }]\n'))[0]).toBe(
      '1:19: freezes[0].cron: "0 0 1 13 *": month 13 is out of range; use 1-12',
    );
    expect((await validate('windows: [{ cron: "0 25 * * *", duration: 1h }]\n'))[0]).toBe(
      '1:19: windows[0].cron: "0 25 * * *": hour 25 is out of range; use 0-23',
    );
  });

  it("numeric bounds are said in words, not zod's", async () => {
    const lines = await validate(
      "risk:\n  rules:\n    - { lines_changed: 0, level: high }\noverrides: { approvals: 11 }\n",
    );
    expect(lines.slice(0, 2)).toEqual([
      "3:24: risk.rules[0].lines_changed: must be a whole number of at least 1",
      "4:25: overrides.approvals: must be at most 10",
    ]);
    expect(lines.join("\n")).not.toMatch(/Too (small|big)|expected number/);
  });

  it("types, unions, enums and record keys are said in YAML words, never zod's", async () => {
    const lines = await validate(
      'risk:\n  labels: { low: 5 }\nenvironments:\n  "": {}\n  prod: { require: [rollbak] }\noverrides: { approvals: 1.5 }\nwindows: 5\n',
    );
    expect(lines).toEqual([
      "2:11: risk.labels.medium: expected text or a mapping (key: value), but it is missing",
      "2:11: risk.labels.high: expected text or a mapping (key: value), but it is missing",
      "2:18: risk.labels.low: expected text or a mapping (key: value)",
      '4:7: environments."": a key here must be a non-empty name',
      '5:21: environments.prod.require[0]: expected one of "rollback", "blast_radius"; did you mean "rollback"?',
      "6:25: overrides.approvals: expected a whole number",
      "7:10: windows: expected a list",
      expect.stringMatching(/^7 errors in /),
    ]);
  });

  it("a holiday region error names its key once", async () => {
    expect((await validate("holidays: { country: DE, region: XX }\n"))[0]).toMatch(
      /^1:34: holidays\.region: unknown region "XX" for DE; known: BB, BE/,
    );
  });
});

describe("the CLI's own errors", () => {
  it("a --config file that does not exist is one line, not the usage", async () => {
    const r = await cli(["check", "--config", "/no/such/change-gate.yml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('change-gate: cannot read config "/no/such/change-gate.yml": no such file\n');
  });

  it("with environments.<env>.require: [] a description problem prints once, as the error it is", async () => {
    const cfg = tempFile("c.yml", "environments:\n  production: { require: [] }\n");
    const body = tempFile("b.md", "## Rollback\nTBD\n\n## Blast radius\nOnly the docs site.\n");
    const r = await cli(["check", "--config", cfg, "--env", "production", "--body", body]);
    expect(r.code).toBe(1);
    const rollback = r.stdout.split("\n").filter((l) => l.includes("Rollback plan:"));
    expect(rollback).toEqual([
      '  1:1     error  Rollback plan: Rollback plan says only "TBD" — describe the steps to return to the previous state',
    ]);
  });
});

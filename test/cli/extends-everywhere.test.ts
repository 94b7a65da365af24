// `explain`, `calendar` and `validate` resolve `_extends` as `check` does: merged over --extends FILE, or a warning.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "./helpers.js";

const AT = ["--at", "2026-11-24T10:00:00Z"];
const BASE = tempFile(
  "base.yml",
  `timezone: UTC
freezes:
  - { name: Org freeze, from: "2026-11-23T00:00", to: "2026-11-25T00:00" }
`,
);
const NEAR = tempFile("change-gate.yml", "_extends: .github\ndescription:\n  template: none\n");
const WARNING = `${NEAR}: _extends ".github" is not applied — the CLI cannot read another repository offline, so this is the repository's own config without its base; pass --extends FILE (the base config, e.g. from a checkout of .github) to decide as the App and the Action do`;

describe("explain and _extends", () => {
  it("without --extends prints the same warning as check, in the header", async () => {
    const r = await cli(["explain", "--config", NEAR, ...AT, "--days", "1"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Deploy schedule — time zone UTC",
      "Now: Tue 24 Nov 2026 10:00 UTC (2026-11-24T10:00:00.000Z)",
      "State: open — no windows configured",
      `Warning: ${WARNING}`,
    ]);
    const check = await cli(["check", "--config", NEAR, ...AT, "--format", "json"]);
    expect(JSON.parse(check.stdout).warnings).toEqual([WARNING]);
  });

  it("--extends FILE merges the base: the org freeze shows, and no warning", async () => {
    const r = await cli(["explain", "--config", NEAR, "--extends", BASE, ...AT, "--days", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Warning:");
    expect(r.stdout).toMatch(/^State: closed by freeze Org freeze — opens Wed 25 Nov 00:00 UTC/m);
    expect(r.stdout).toContain("00:00–24:00 UTC      closed  freeze Org freeze");
  });
});

describe("calendar and _extends", () => {
  it("without --extends warns on stderr and keeps stdout a clean .ics", async () => {
    const r = await cli(["calendar", "--config", NEAR, ...AT, "--days", "3"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`change-gate: warning: ${WARNING}\n`);
    expect(r.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(r.stdout).not.toContain("warning");
  });

  it("--extends FILE puts the base's freeze in the feed, without a warning", async () => {
    const r = await cli(["calendar", "--config", NEAR, "--extends", BASE, ...AT, "--days", "3"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const events = new ICAL.Component(ICAL.parse(r.stdout))
      .getAllSubcomponents("vevent")
      .map((e) => new ICAL.Event(e));
    const org = events.find((e) => e.summary.includes("Org freeze"));
    expect(org?.endDate.toJSDate().toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });
});

describe("validate and _extends", () => {
  it("without --extends says ok for the file and warns on stderr that the base was not checked", async () => {
    const r = await cli(["validate", "--config", NEAR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${NEAR}: ok\n`);
    expect(r.stderr).toBe(`change-gate: warning: ${WARNING}\n`);
  });

  it("--extends FILE validates the merged config: an error in the base exits 2", async () => {
    const bad = tempFile("bad-base.yml", 'windows:\n  - { days: Mon, start: "09:00", end: "25:00" }\n');
    const r = await cli(["validate", "--config", NEAR, "--extends", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${bad}:2:39: windows[0].end: end must be a time HH:MM from 00:00 to 24:00\n1 error in ${bad}\n`,
    );
    const ok = await cli(["validate", "--config", NEAR, "--extends", BASE]);
    expect(ok).toMatchObject({ code: 0, stdout: `${NEAR} (over ${BASE}): ok\n`, stderr: "" });
  });

  it("--help shows --extends for every command", async () => {
    const r = await cli(["--help"]);
    for (const cmd of ["explain", "calendar", "validate"])
      expect(r.stdout).toMatch(new RegExp(`change-gate ${cmd} +--config FILE \\[--extends FILE\\]`));
  });
});

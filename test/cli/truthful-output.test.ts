import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/load.js";
import { evaluateChange } from "../../src/core/policy/index.js";
import { gateSummary } from "../../src/core/render/index.js";
import { cli, tempFile } from "./helpers.js";

const OFFICE_HOURS = `timezone: Europe/Berlin
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
environments:
  production: {}
  staging: { windows: [] }
`;

describe("the merge gate with merge.enforce_windows: false", () => {
  it("after hours it says windows apply to deploys only, not that none are configured", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const r = await cli(["check", "--config", cfg, "--at", "2026-11-24T20:00", "--format", "json"]);
    const merge = JSON.parse(r.stdout).gates.merge;
    expect(merge.conclusion).toBe("success");
    expect(merge.rules[0]).toMatchObject({
      rule: "Freeze / window",
      status: "pass",
      detail: "open — windows apply to deploys only",
    });
  });

  it("inside a window it does not announce the window's closing time for merges", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const r = await cli(["check", "--config", cfg, "--at", "2026-11-24T10:00"]);
    expect(r.stdout).toContain("ok     Freeze / window: open — windows apply to deploys only\n");
    expect(r.stdout).toContain(
      "ok     Deploy window: open (window Mon-Thu 09:00-16:00) — closes Tue 24 Nov 16:00 CET",
    );
  });

  it("during a freeze the merge gate opens when the freeze lifts, not at the next deploy window", async () => {
    const cfg = tempFile(
      "c.yml",
      `${OFFICE_HOURS}freezes:\n  - { name: Peak, from: "2026-11-26T00:00", to: "2026-12-01T00:00" }\n`,
    );
    const r = await cli(["check", "--config", cfg, "--at", "2026-11-27T10:00", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.gates.merge.rules[0].detail).toBe(
      "closed by freeze Peak — opens Tue 1 Dec 00:00 CET (in 3d 14h)",
    );
    expect(out.schedule.nextOpen).toBe("2026-12-01T08:00:00.000Z");
  });

  it("with no windows anywhere it still says so", async () => {
    const cfg = tempFile("c.yml", "timezone: UTC\n");
    const r = await cli(["check", "--config", cfg, "--at", "2026-11-24T20:00", "--format", "json"]);
    expect(JSON.parse(r.stdout).gates.merge.rules[0].detail).toBe("open — no windows configured");
  });
});

describe("an --env that is not configured", () => {
  it("is a warning in the JSON naming the configured environments (and still decides)", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const r = await cli([
      "check",
      "--config",
      cfg,
      "--env",
      "prodution",
      "--at",
      "2026-11-24T10:00",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      'environment "prodution" is not configured, so the top-level rules apply; configured environments: "production", "staging"',
    ]);
  });

  it("is a warning line in the text output", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const r = await cli(["check", "--config", cfg, "--env", "prodution", "--at", "2026-11-24T10:00"]);
    expect(r.stdout).toContain('warn   environment "prodution" is not configured');
  });

  it("explain says it too", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const r = await cli([
      "explain",
      "--config",
      cfg,
      "--env",
      "prodution",
      "--at",
      "2026-11-24T10:00",
      "--days",
      "1",
    ]);
    expect(r.stdout).toContain('Warning: environment "prodution" is not configured');
  });

  it("the Action's job summary and the App's check summary carry it as a warning block", () => {
    const loaded = loadConfig(OFFICE_HOURS, "c.yml");
    if (!loaded.ok) throw new Error("config invalid");
    const report = evaluateChange({
      config: loaded.config,
      at: new Date("2026-11-24T09:00:00Z"),
      body: null,
      environment: "prodution",
    });
    expect(gateSummary(report, report.gates.deploy)).toContain(
      '> [!WARNING]\n> environment "prodution" is not configured, so the top-level rules apply',
    );
  });

  it("a configured environment, or a config without environments, gives no warning", async () => {
    const cfg = tempFile("c.yml", OFFICE_HOURS);
    const known = await cli(["check", "--config", cfg, "--env", "staging", "--format", "json"]);
    expect(JSON.parse(known.stdout).warnings).toEqual([]);
    const none = tempFile("n.yml", "timezone: UTC\n");
    const any = await cli(["check", "--config", none, "--env", "anything", "--format", "json"]);
    expect(JSON.parse(any.stdout).warnings).toEqual([]);
  });
});

describe("--help", () => {
  it("shows --env for calendar, which uses that environment's rules", async () => {
    const help = await cli(["--help"]);
    expect(help.stdout).toContain(
      "change-gate calendar --config FILE [--extends FILE] [--at ISO] [--env NAME] [--days N]",
    );
    const at = ["--config", "examples/change-gate.yml", "--at", "2026-11-24T10:00", "--days", "2"];
    const staging = await cli(["calendar", ...at, "--env", "staging"]);
    const top = await cli(["calendar", ...at]);
    expect(top.stdout).toContain("SUMMARY:Deploy window");
    expect(staging.stdout).not.toContain("SUMMARY:Deploy window"); // staging: windows [] = always open
  });
});

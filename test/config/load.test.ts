import { describe, expect, it } from "vitest";
import { defaultConfig, formatConfigError, loadConfig } from "../../src/core/config/load.js";

function errors(yaml: string): string[] {
  const r = loadConfig(yaml, "cfg.yml");
  if (r.ok) throw new Error("expected errors");
  return r.errors.map(formatConfigError);
}

describe("config loading", () => {
  it("an absent or empty file gives the documented defaults", () => {
    const r = loadConfig("", "cfg.yml");
    expect(r.ok && r.config).toEqual(defaultConfig());
    const d = defaultConfig();
    expect(d.timezone).toBe("UTC");
    expect(d.description.rollback.required).toBe(true);
    expect(d.windows).toEqual([]);
    expect(d.merge).toEqual({ enforce_freezes: true, enforce_windows: false });
    expect(d.risk.labels).toEqual({ low: "risk: low", medium: "risk: medium", high: "risk: high" });
    expect(d.commands.freeze.permission).toBe("maintain");
    expect(d.overrides).toEqual({ label: "emergency", approvals: 1 });
  });

  it("accepts the DESIGN example shape", () => {
    const r = loadConfig(
      `timezone: Europe/Berlin
description:
  rollback:     { required: true, headings: ["rollback", "roll back"] }
  blast_radius: { required: true, headings: ["blast radius"] }
  template: auto
  skip: { labels: ["docs-only"], authors: ["dependabot[bot]"], paths: ["docs/**"] }
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
  - { cron: "0 9 * * 5", duration: 3h }
freezes:
  - { name: Peak season, from: "2026-11-20T00:00", to: "2026-12-01T00:00" }
  - { name: Year end, cron: "0 0 20 12 *", duration: 15d }
holidays: { country: DE, region: BE }
environments:
  production: { windows: [{ days: Tue-Thu, start: "10:00", end: "15:00" }], require: [rollback, blast_radius] }
  staging:    { windows: [] }
risk:
  rules:
    - { paths: ["migrations/**", "**/*.sql"], level: high, reason: database migration }
    - { lines_changed: 500, level: medium }
  labels: { low: "risk: low", medium: "risk: medium", high: { name: "risk: high", color: "#b60205" } }
  windows: { high: [{ days: Tue-Thu, start: "10:00", end: "15:00" }] }
merge: { enforce_freezes: true, enforce_windows: false }
commands: { freeze: { permission: maintain, teams: [release-managers] } }
overrides: { label: emergency, approvals: 2 }
`,
      "cfg.yml",
    );
    expect(r.ok).toBe(true);
  });

  it("reports every kind of error with file:line:col", () => {
    expect(
      errors(`timezone: Mars/Olympus
windows:
  - { days: Mon-Thu, start: "25:00", end: "16:00" }
  - { cron: "0 9 * *", duration: 3h }
  - { cron: "0 9 * * 5", duration: 0h }
  - { days: Funday, start: "09:00", end: "10:00" }
  - { days: Mon, start: "09:00" }
freezes:
  - { name: Backwards, from: "2026-12-01T00:00", to: "2026-11-01T00:00" }
  - { name: Bad date, from: "2026-02-30T00:00", to: "2026-03-01T00:00" }
risk:
  rules:
    - { paths: ["[abc"], level: severe }
merge: { enforce_freeze: true }
overrides: { approvals: "two" }
`),
    ).toEqual([
      "cfg.yml:1:11: timezone: unknown time zone; use an IANA name such as Europe/Berlin or America/New_York",
      "cfg.yml:3:29: windows[0].start: start must be a time HH:MM from 00:00 to 24:00",
      'cfg.yml:4:13: windows[1].cron: "0 9 * *" has 4 fields; expected 5 (minute hour day month weekday)',
      "cfg.yml:5:36: windows[2].duration: duration must be a positive length like 90m, 3h, 1h30m, 2d or 1w (h/m exact, d/w calendar)",
      'cfg.yml:6:13: windows[3].days: days: "funday" is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun',
      'cfg.yml:7:5: windows[4].end: missing "end" (HH:MM)',
      'cfg.yml:9:54: freezes[0].to: "to" (2026-11-01T00:00) must be after "from" (2026-12-01T00:00)',
      'cfg.yml:10:29: freezes[1].from: "2026-02-30T00:00" is not a date-time; use YYYY-MM-DDTHH:MM (local) or ISO 8601',
      'cfg.yml:13:17: risk.rules[0].paths[0]: "[abc" is not a valid glob: "[" at 1 is not closed; write \\[ for a literal [',
      'cfg.yml:13:33: risk.rules[0].level: expected one of "low", "medium", "high"',
      'cfg.yml:14:10: merge.enforce_freeze: unknown key "enforce_freeze"; did you mean "enforce_freezes"?',
      "cfg.yml:15:25: overrides.approvals: expected a number",
    ]);
  });

  it("a file that is not YAML is a positioned syntax error, not a crash", () => {
    const out = errors("windows: [\n  { days: Mon\n");
    expect(out[0]).toMatch(/^cfg\.yml:\d+:\d+: invalid YAML: /);
  });

  it("a YAML document that is not a mapping is refused", () => {
    expect(errors("- a\n- b\n")).toEqual(["cfg.yml:1:1: config must be a YAML mapping (key: value)"]);
  });

  it("a rule that mixes kinds says which kinds exist", () => {
    expect(
      errors('windows:\n  - { days: Mon, start: "09:00", end: "10:00", cron: "0 9 * * 1", duration: 1h }\n'),
    ).toEqual([
      "cfg.yml:2:5: windows[0]: a rule must be exactly one of: {days, start, end} or {cron, duration}",
    ]);
  });

  it("duplicate keys and oversize files are errors", () => {
    expect(errors("timezone: UTC\ntimezone: UTC\n")[0]).toMatch(
      /^cfg\.yml:2:1: invalid YAML: Map keys must be unique/,
    );
    expect(errors(`# ${"x".repeat(300_000)}`)[0]).toMatch(/the limit is 262144/);
  });

  it("a billion-laughs alias bomb is refused, not expanded", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;
    expect(() => loadConfig(bomb, "cfg.yml")).not.toThrow();
    expect(loadConfig(bomb, "cfg.yml").ok).toBe(false);
  });
});

describe("defaults", () => {
  it("the plain-data defaults equal what the schema produces for an empty file", async () => {
    const { configSchema } = await import("../../src/core/config/schema.js");
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });
});

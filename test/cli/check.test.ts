import { describe, expect, it } from "vitest";
import { bundle, cli, tempFile } from "./helpers.js";

const TEMPLATE = "examples/pull_request_template.md";
const CONFIG = "examples/change-gate.yml";

describe("change-gate check --format json (the DESIGN §6 contract)", () => {
  it("a well-filled PR inside a window passes with exit 0 and the documented fields", async () => {
    const r = await cli([
      "check",
      "--body",
      "examples/bodies/good.md",
      "--template",
      TEMPLATE,
      "--config",
      CONFIG,
      "--at",
      "2026-11-24T10:00:00+01:00",
      "--env",
      "production",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      at: "2026-11-24T09:00:00.000Z",
      environment: "production",
      description: {
        rollback: { status: "present", line: 5, message: "Rollback plan found" },
        blastRadius: { status: "present", line: 16, message: "Blast radius found" },
      },
      schedule: {
        open: true,
        reason: "window",
        rule: "Mon-Thu 09:00-16:00",
        nextOpen: "2026-11-24T09:00:00.000Z",
        closesAt: "2026-11-24T15:00:00.000Z",
      },
      // The example's risk rules read paths and sizes; without --files nobody knows them.
      risk: { level: "unknown", labels: [] },
      gates: { merge: { conclusion: "success" }, deploy: { conclusion: "success" } },
    });
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(["at", "environment", "description", "schedule", "risk", "gates"]),
    );
  });

  it("a lazy PR (TBD / N/A) is blocked with exit 1 and says what to write", async () => {
    const r = await cli([
      "check",
      "--body",
      "examples/bodies/lazy.md",
      "--template",
      TEMPLATE,
      "--format",
      "json",
      "--at",
      "2026-11-24T10:00Z",
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.description.rollback).toMatchObject({
      status: "placeholder",
      line: 5,
      message: 'Rollback plan says only "TBD" — describe the steps to return to the previous state',
    });
    expect(out.description.blastRadius).toMatchObject({ status: "placeholder", line: 9 });
    expect(out.gates.merge.conclusion).toBe("failure");
    expect(out.risk.level).toBe("high");
  });

  it("the template left untouched is a placeholder, recognised through --template", async () => {
    const r = await cli([
      "check",
      "--body",
      "examples/bodies/untouched.md",
      "--template",
      TEMPLATE,
      "--format",
      "json",
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.description.rollback).toMatchObject({ status: "placeholder", reason: "template" });
    expect(out.description.rollback.message).toBe(
      "Rollback plan still holds the template text — describe the steps to return to the previous state",
    );
    expect(out.description.blastRadius).toMatchObject({ status: "placeholder", reason: "unchecked" });
    expect(r.code).toBe(1);
  });

  it("a body with no sections reports both missing at 1:1 with a heading to add", async () => {
    const body = tempFile("pr.md", "Fixes a typo in the README.\n");
    const out = JSON.parse((await cli(["check", "--body", body, "--format", "json"])).stdout);
    expect(out.description.rollback).toMatchObject({
      status: "missing",
      line: 1,
      column: 1,
      message:
        'No rollback plan found — add a "## Rollback plan" section and describe the steps to return to the previous state',
    });
    expect(out.description.blastRadius.status).toBe("missing");
  });

  it("schedule-only checks (no --body) fill the schedule object and leave description null", async () => {
    const r = await cli(["check", "--config", CONFIG, "--at", "2026-11-27T10:00", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.description).toBeNull();
    expect(out.schedule).toMatchObject({
      open: false,
      reason: "freeze",
      rule: "Peak season",
      nextOpen: "2026-12-01T08:00:00.000Z",
    });
    expect(out.gates.deploy.conclusion).toBe("failure");
    expect(r.code).toBe(1);
  });

  it("--files raises risk from path rules (numstat, JSON and plain lists)", async () => {
    const numstat = tempFile("files.txt", "12\t3\tmigrations/2026_add_index.sql\n4\t1\tsrc/app.ts\n");
    const json = tempFile(
      "files.json",
      JSON.stringify([{ filename: "src/a.ts", additions: 400, deletions: 200 }]),
    );
    const a = JSON.parse(
      (
        await cli([
          "check",
          "--body",
          "examples/bodies/good.md",
          "--config",
          CONFIG,
          "--files",
          numstat,
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(a.risk.level).toBe("high");
    expect(a.risk.labels).toEqual(["risk: high"]);
    expect(a.risk.reasons[0]).toMatch(/^high: database migration — 1 file match/);
    const b = JSON.parse(
      (
        await cli([
          "check",
          "--body",
          "examples/bodies/good.md",
          "--config",
          CONFIG,
          "--files",
          json,
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(b.risk.level).toBe("medium");
  });
});

describe("change-gate check --format text", () => {
  it("reads like a linter: positions, levels, the verdict", async () => {
    const r = await cli([
      "check",
      "--body",
      "examples/bodies/lazy.md",
      "--template",
      TEMPLATE,
      "--at",
      "2026-11-24T10:00Z",
    ]);
    expect(r.stdout).toMatchInlineSnapshot(`
      "examples/bodies/lazy.md
        5:1     error  Rollback plan: Rollback plan says only "TBD" — describe the steps to return to the previous state
        9:1     error  Blast radius: Blast radius says only "N/A" — describe which systems this change touches and the worst case if it goes wrong
        -       ok     Freeze / window: open — no windows configured
        -       info   Risk: high — high: rollback plan is placeholder
        -       ok     Deploy window: open — no windows configured

      ✖ blocked: the merge and deploy gates fail — fix the errors above
      "
    `);
  });
});

describe("bad input: clear messages, the right exit code, no crash", () => {
  it("usage errors exit 2", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["frobnicate"])).stderr).toMatch(
      /unknown command "frobnicate"; expected one of: check, explain, calendar, validate/,
    );
    expect((await cli(["check", "--bogus"])).code).toBe(2);
    expect((await cli(["check", "--format", "xml"])).stderr).toMatch(
      /--format must be json or text, not "xml"/,
    );
    expect((await cli(["check", "--body", "/no/such/file.md"])).stderr).toMatch(
      /cannot read body "\/no\/such\/file.md": no such file/,
    );
    expect((await cli(["check", "--at", "next tuesday"])).stderr).toMatch(
      /--at "next tuesday" is not a date-time/,
    );
    expect((await cli(["explain"])).stderr).toMatch(/explain needs --config FILE/);
    expect((await cli(["explain", "--config", CONFIG, "--days", "0"])).code).toBe(2);
  });

  it("an invalid config exits 2 with file:line:col errors (and JSON on stdout for --format json)", async () => {
    const cfg = tempFile(
      "cfg.yml",
      'timezone: Mars/Base\nwindows:\n  - { days: Mon, start: "25:00", end: "10:00" }\n',
    );
    const r = await cli(["check", "--body", "examples/bodies/good.md", "--config", cfg, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cfg}:1:11: timezone: unknown time zone`);
    expect(r.stderr).toContain(
      `${cfg}:3:25: windows[0].start: start must be a time HH:MM from 00:00 to 24:00`,
    );
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: "config",
      errors: [
        { line: 1, column: 11 },
        { line: 3, column: 25 },
      ],
    });
  });

  it("a config that is not YAML exits 2", async () => {
    const cfg = tempFile("cfg.yml", "windows: [\n  {days: Mon\n");
    const r = await cli(["validate", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cfg\.yml:\d+:\d+: invalid YAML/);
  });

  it("empty body, 5 MB body, deep nesting, binary blob and invalid UTF-8 all give a verdict", async () => {
    const cases: [string, string | Buffer][] = [
      ["empty.md", ""],
      ["huge.md", `## Rollback plan\nhelm rollback api 41\n\n${"lorem ipsum dolor ".repeat(300_000)}`],
      ["deep.md", `${"> ".repeat(20_000)}Rollback: revert\n${"- ".repeat(20_000)}x`],
      ["binary.bin", Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256))],
      [
        "bad-utf8.md",
        Buffer.concat([
          Buffer.from("## Rollback plan\n"),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from(" revert v1\n"),
        ]),
      ],
    ];
    for (const [name, content] of cases) {
      const r = await cli(["check", "--body", tempFile(name, content), "--format", "json"]);
      expect([0, 1], name).toContain(r.code);
      const out = JSON.parse(r.stdout);
      expect(["present", "placeholder", "missing"], name).toContain(out.description.rollback.status);
    }
    const huge = JSON.parse(
      (
        await cli([
          "check",
          "--body",
          tempFile("h.md", `## Rollback plan\nhelm rollback api 41\n\n${"x ".repeat(40_000)}`),
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(huge.description.rollback.status).toBe("present");
    expect(huge.warnings[0]).toMatch(/^The description is 80039 characters; only the first 65536 were read/);
  });

  it("the bundle reads the body from standard input with --body -", () => {
    const r = bundle(
      ["check", "--body", "-", "--format", "json"],
      "## Rollback\nrevert the deploy\n## Impact\nonly the billing API; worst case invoices are delayed\n",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).description.blastRadius.status).toBe("present");
  });

  it("the bundle prints usage with --help and exits 0", () => {
    const r = bundle(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("change-gate check    --body FILE|-");
  });
});

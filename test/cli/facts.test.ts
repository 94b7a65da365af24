// The CLI states the facts the App reads from GitHub: files, labels, author, and the `_extends` base.
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "./helpers.js";

const AT = ["--at", "2026-11-24T10:00:00Z"];
const SKIP_CONFIG = tempFile(
  "change-gate.yml",
  `timezone: UTC
description:
  skip:
    paths: ["docs/**", "**/*.md"]
    labels: ["docs-only"]
    authors: ["renovate-bot"]
risk:
  rules:
    - { paths: ["migrations/**"], level: high, reason: database migration }
    - { labels: ["hotfix"], level: medium, reason: hotfix }
`,
);
const NO_PLAN = tempFile("body.md", "Updated the README wording.\n");

async function json(argv: string[]) {
  const r = await cli(["check", ...argv, ...AT, "--format", "json"]);
  return { code: r.code, out: JSON.parse(r.stdout), stderr: r.stderr };
}

describe("change-gate check decides on the facts the App sees", () => {
  it("a docs-only --files list matching description.skip.paths is skipped, not blocked", async () => {
    const files = tempFile("files.txt", "docs/setup.md\nREADME.md\n");
    const r = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--files", files]);
    expect(r.code).toBe(0);
    expect(r.out.skipped).toBe("every changed file matches docs/**, **/*.md (description.skip.paths)");
    expect(r.out.gates.merge.conclusion).toBe("success");
    expect(r.out.risk).toMatchObject({ level: "low", labels: ["risk: low"] });
  });

  it("a file outside the skip paths keeps the description rules", async () => {
    const files = tempFile("files.txt", "docs/setup.md\nsrc/app.ts\n");
    const r = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--files", files]);
    expect(r.code).toBe(1);
    expect(r.out.skipped).toBeNull();
  });

  it("--labels: a skip label skips the description, a risk label raises the risk", async () => {
    const r = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--labels", "hotfix, docs-only"]);
    expect(r.code).toBe(0);
    expect(r.out.skipped).toBe('labelled "docs-only" (description.skip.labels)');
    expect(r.out.risk.reasons).toContain('medium: hotfix — labelled "hotfix"');
  });

  it("--author: a listed author and any [bot] login skip the description rules", async () => {
    const listed = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--author", "renovate-bot"]);
    expect(listed.code).toBe(0);
    expect(listed.out.skipped).toBe("authored by renovate-bot (description.skip.authors)");
    const bot = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--author", "dependabot[bot]"]);
    expect(bot.out.skipped).toBe("authored by the bot dependabot[bot]");
    const person = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--author", "octocat"]);
    expect(person.code).toBe(1);
  });

  it('risk reads "unknown" without --files when a path or size rule exists, and names why', async () => {
    const r = await json(["--config", SKIP_CONFIG]);
    expect(r.out.risk.level).toBe("unknown");
    expect(r.out.risk.labels).toEqual([]);
    expect(r.out.risk.reasons).toEqual([
      "unknown: the changed files are not known, and a rule reads them (risk.rules with paths, lines_changed or files_changed)",
    ]);
    const files = tempFile("files.txt", "src/app.ts\n");
    const known = await json(["--config", SKIP_CONFIG, "--files", files]);
    expect(known.out.risk.level).toBe("low");
  });

  it("an unknown risk is held to the strictest risk windows a file rule could need (fail closed)", async () => {
    const config = tempFile(
      "change-gate.yml",
      `timezone: UTC
risk:
  rules: [{ paths: ["migrations/**"], level: high }]
  windows: { high: [{ days: Mon-Fri, start: "13:00", end: "15:00" }] }
`,
    );
    const unknown = await json(["--config", config]);
    expect(unknown.out.schedule).toMatchObject({ open: false, nextOpen: "2026-11-24T13:00:00.000Z" });
    const files = tempFile("files.txt", "src/app.ts\n");
    const low = await json(["--config", config, "--files", files]);
    expect(low.out.schedule.open).toBe(true);
  });
});

it("--draft: the merge gate is neutral, as on a draft PR, and the exit code follows the deploy gate", async () => {
  const r = await json(["--body", NO_PLAN, "--config", SKIP_CONFIG, "--draft"]);
  expect(r.out.gates.merge).toMatchObject({ conclusion: "neutral" });
  expect(r.out.gates.merge.summary).toMatch(/^Draft PR — not enforced until it is ready for review; then: /);
});

describe("_extends offline", () => {
  const base = tempFile(
    "base.yml",
    `timezone: UTC
freezes:
  - { name: Org freeze, from: "2026-11-23T00:00", to: "2026-11-25T00:00" }
`,
  );
  const near = tempFile("change-gate.yml", "_extends: .github\ndescription:\n  template: none\n");

  it("without --extends the base is not applied, and both outputs say so", async () => {
    const r = await json(["--config", near]);
    expect(r.code).toBe(0);
    expect(r.out.warnings).toEqual([
      `${near}: _extends ".github" is not applied — the CLI cannot read another repository offline, so this is the repository's own config without its base; pass --extends FILE (the base config, e.g. from a checkout of .github) to decide as the App and the Action do`,
    ]);
    const text = await cli(["check", "--config", near, ...AT]);
    expect(text.stdout).toContain(`  -       warn   ${near}: _extends ".github" is not applied`);
  });

  it("--extends FILE merges the base under the config, as the App does", async () => {
    const r = await json(["--config", near, "--extends", base]);
    expect(r.code).toBe(1);
    expect(r.out.warnings).toEqual([]);
    expect(r.out.schedule).toMatchObject({ open: false, reason: "freeze", rule: "Org freeze" });
  });

  it("--help names the new flags", async () => {
    const r = await cli(["--help"]);
    for (const flag of ["--labels A,B", "--author LOGIN", "--extends FILE", "--draft"])
      expect(r.stdout).toContain(flag);
  });
});

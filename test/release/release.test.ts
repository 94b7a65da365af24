// The repository's own workflows, release flow and npm package: what a maintainer runs and what `npx change-gate`
// installs. Workflows are checked for what breaks them silently: YAML that does not parse, a script or input that
// does not exist.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { changelogSection, releaseProblems } from "../../scripts/release.mjs";
import { cli, tempFile } from "../cli/helpers.js";

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  services?: Record<string, { image: string; ports?: string[] }>;
  steps: Step[];
  strategy?: { matrix?: { node?: number[] } };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = ".github/workflows";
const files = readdirSync(DIR).filter((f) => f.endsWith(".yml"));
const workflows = Object.fromEntries(
  files.map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow]),
) as Record<string, Workflow>;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  name: string;
  version: string;
  repository: unknown;
  engines: { node: string };
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  overrides: Record<string, string>;
};
const action = parse(readFileSync("action.yml", "utf8")) as { inputs: Record<string, unknown> };

describe("GitHub workflows", () => {
  it("ci, release and change-gate exist and parse as workflows", () => {
    expect(files.sort()).toEqual(expect.arrayContaining(["change-gate.yml", "ci.yml", "release.yml"]));
    for (const [file, w] of Object.entries(workflows)) {
      expect(w.name, file).toBeTruthy();
      expect(Object.keys(w.on ?? {}).length, file).toBeGreaterThan(0);
      expect(w.permissions, `${file}: least permissions are declared`).toBeTypeOf("object");
      for (const [id, job] of Object.entries(w.jobs)) {
        expect(job["runs-on"], `${file} ${id}`).toBeTruthy();
        expect(job.steps.length, `${file} ${id}`).toBeGreaterThan(0);
        for (const s of job.steps)
          expect(Boolean(s.uses) !== Boolean(s.run), `${file} ${id}: uses xor run`).toBe(true);
      }
    }
  });

  it("runs only npm scripts and files that exist", () => {
    for (const [file, w] of Object.entries(workflows))
      for (const s of steps(w)) {
        const run = s.run ?? "";
        for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g))
          expect(pkg.scripts[script!], `${file}: npm run ${script}`).toBeDefined();
        for (const [, path] of run.matchAll(/(?:node|bash)\s+"?((?:scripts|\.ci)\/[\w./-]+)/g))
          expect(existsSync(path!), `${file}: ${path}`).toBe(true);
        if (/^\.ci\/run\b/m.test(run)) expect(existsSync(".ci/run"), file).toBe(true);
      }
  });

  it("pins third-party actions to a major version and passes the local Action only inputs it declares", () => {
    for (const [file, w] of Object.entries(workflows))
      for (const s of steps(w).filter((x) => x.uses)) {
        if (s.uses === "./") {
          for (const input of Object.keys(s.with ?? {}))
            expect(action.inputs[input], `${file}: input ${input} of ./action.yml`).toBeDefined();
        } else expect(s.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
  });

  it("CI tests every supported Node line (20, 22, 24), with engine-strict installs", () => {
    const ci = workflows["ci.yml"]!;
    const versions = new Set<number>();
    for (const job of Object.values(ci.jobs)) {
      for (const v of job.strategy?.matrix?.node ?? []) versions.add(v);
      for (const s of job.steps) {
        const v = s.with?.["node-version"];
        if (typeof v === "number") versions.add(v);
      }
    }
    expect([...versions].sort()).toEqual([20, 22, 24]);
    const installs = steps(ci)
      .map((s) => s.run ?? "")
      .filter((r) => /npm ci/.test(r));
    expect(installs.every((r) => r.includes("--engine-strict"))).toBe(true);
    expect(readFileSync(".ci/run", "utf8")).toMatch(/npm ci --engine-strict/);
    expect(steps(ci).some((s) => s.run === ".ci/run")).toBe(true);
  });

  it("every job that runs the tests has the Redis they need under CI", () => {
    for (const [file, w] of Object.entries(workflows))
      for (const [id, job] of Object.entries(w.jobs)) {
        const runsTests = job.steps.some((s) => /npm test|\.ci\/run/.test(s.run ?? ""));
        if (!runsTests) continue;
        expect(job.services?.redis, `${file} ${id}`).toMatchObject({
          image: expect.stringMatching(/^redis:/),
          ports: ["6379:6379"],
        });
      }
  });

  it("the repository checks its own PRs with the default branch's Action, not the PR's", () => {
    const w = workflows["change-gate.yml"]!;
    expect(Object.keys(w.on).sort()).toEqual(["merge_group", "pull_request"]);
    const [checkout, , gate] = steps(w);
    expect(checkout).toMatchObject({
      uses: "actions/checkout@v4",
      with: { ref: `\${{ github.event.repository.default_branch }}` },
    });
    expect(gate).toMatchObject({ uses: "./", with: { mode: "pr" } });
    expect(w.permissions).toMatchObject({ checks: "write", contents: "read" });
  });

  it("release: checks, builds, verifies dist, tags vX.Y.Z, publishes with provenance, moves vX, drafts notes", () => {
    const w = workflows["release.yml"]!;
    expect(Object.keys(w.on)).toEqual(["workflow_dispatch"]);
    expect(w.permissions).toEqual({ contents: "write", "id-token": "write" });
    const runs = steps(w).map((s) => s.run ?? "");
    const at = (re: RegExp) => {
      const i = runs.findIndex((r) => re.test(r));
      expect(i, String(re)).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at(/node scripts\/release\.mjs check "\$VERSION"/),
      at(/npm test/),
      at(/npm run build && npm run check-dist/),
      at(/git push origin "refs\/tags\/v\$VERSION"/),
      at(/npm publish --provenance/),
      at(/git push --force origin "refs\/tags\/\$major"/),
      at(/gh release create "v\$VERSION" --draft/),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The typed version reaches scripts through env only (no ${{ }} inside a run: script injection).
    expect(runs.some((r) => r.includes("${{"))).toBe(false);
  });
});

describe("release script (scripts/release.mjs)", () => {
  const CHANGELOG =
    "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-01-05\n\n### Fixed\n\n- a bug\n\n## [1.1.0]\n\n- older\n";
  const ok = { packageVersion: "1.2.0", changelog: CHANGELOG, tagExists: () => false };

  it("takes the notes of one version's CHANGELOG section", () => {
    expect(changelogSection(CHANGELOG, "1.2.0")).toBe("### Fixed\n\n- a bug");
    expect(changelogSection(CHANGELOG, "1.1.0")).toBe("- older");
    expect(changelogSection(CHANGELOG, "1.2")).toBeNull();
    expect(changelogSection(CHANGELOG, "1.3.0")).toBeNull();
  });

  it("releases X.Y.Z only when package.json and CHANGELOG.md agree and the tag is new", () => {
    expect(releaseProblems("1.2.0", ok)).toEqual([]);
    expect(releaseProblems("v1.2.0", ok)[0]).toMatch(/not a version X\.Y\.Z/);
    expect(releaseProblems("1.2.0; rm -rf /", ok)[0]).toMatch(/not a version/);
    expect(releaseProblems("1.2.0", { ...ok, packageVersion: "1.1.0" })[0]).toMatch(/npm version 1\.2\.0/);
    expect(releaseProblems("1.3.0", { ...ok, packageVersion: "1.3.0" })[0]).toMatch(
      /no "## \[1\.3\.0\]" section/,
    );
    expect(releaseProblems("1.2.0", { ...ok, tagExists: (t: string) => t === "v1.2.0" })[0]).toMatch(
      /tag v1\.2\.0 exists/,
    );
  });

  it("the repository's CHANGELOG.md has an Unreleased section to release from", () => {
    expect(readFileSync("CHANGELOG.md", "utf8")).toMatch(/^## \[Unreleased\]$/m);
  });

  it("refuses, with the reason, a version that package.json does not have", () => {
    const run = spawnSync(process.execPath, ["scripts/release.mjs", "check", "9.9.9"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`::error title=release 9.9.9::package.json says ${pkg.version}`);
  });
});

describe("npm package (npx change-gate)", () => {
  it("ships the self-contained CLI bundle as the change-gate bin, with a shebang", () => {
    expect(pkg.name).toBe("change-gate");
    // npm provenance checks that the package names the repository the release workflow runs in.
    expect(pkg.repository).toEqual({
      type: "git",
      url: "git+https://github.com/change-gate/change-gate.git",
    });
    expect(pkg.bin).toEqual({ "change-gate": "dist/cli.js" });
    expect(pkg.files).toContain("dist");
    expect(readFileSync("dist/cli.js", "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("the CLI runs from a copy of dist/ with no node_modules anywhere above it", () => {
    const root = mkdtempSync(join(tmpdir(), "change-gate-npx-"));
    cpSync("dist", join(root, "dist"), { recursive: true });
    const run = spawnSync(
      process.execPath,
      [join(root, "dist/cli.js"), "validate", "--config", ".github/change-gate.yml"],
      { encoding: "utf8", cwd: process.cwd(), env: { PATH: process.env.PATH ?? "" } },
    );
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: ".github/change-gate.yml: ok\n",
      stderr: "",
    });
  });

  it("pins content-type below 3 (3.x declares node >=22; 2.1.0 parses the same and supports Node 20)", () => {
    expect(pkg.overrides).toEqual({ "content-type": "2.1.0" });
    expect(pkg.engines.node).toBe("^20.19.0 || >=22.12.0");
  });
});

describe("the repository's own policy", () => {
  it("its config validates", async () => {
    expect(await cli(["validate", "--config", ".github/change-gate.yml"])).toMatchObject({ code: 0 });
  });

  it("its PR template has the two sections, and a PR that leaves them as they are is blocked", async () => {
    const template = readFileSync(".github/pull_request_template.md", "utf8");
    expect(template).toMatch(/^## Rollback plan$/m);
    expect(template).toMatch(/^## Blast radius$/m);
    const run = await cli([
      "check",
      "--body",
      tempFile("body.md", template),
      "--template",
      ".github/pull_request_template.md",
      "--config",
      ".github/change-gate.yml",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { description: Record<string, { status: string }> };
    expect(out.description.rollback?.status).toBe("placeholder");
    expect(out.description.blastRadius?.status).toBe("placeholder");
  });

  it("a PR that fills them in passes", async () => {
    const body = readFileSync(".github/pull_request_template.md", "utf8")
      .replace(
        "## Rollback plan\n",
        "## Rollback plan\n\nRevert the PR and re-tag the previous release as v1.\n",
      )
      .replace(
        "## Blast radius\n",
        "## Blast radius\n\nOnly the CLI's text output; the JSON contract is unchanged.\n",
      );
    const run = await cli([
      "check",
      "--body",
      tempFile("body.md", body),
      "--template",
      ".github/pull_request_template.md",
      "--config",
      ".github/change-gate.yml",
    ]);
    expect(run).toMatchObject({ code: 0 });
  });
});

describe("runtime", () => {
  it("the Docker image runs on Node 24 (the current LTS) as the non-root node user", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    expect(dockerfile).toMatch(/^FROM node:24-slim$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});

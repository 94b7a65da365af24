import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { INPUTS } from "../../src/action/inputs.js";

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; name?: string; shell?: string; env?: Record<string, string>; run?: string }[];
  };
}

const action = parse(readFileSync("action.yml", "utf8")) as ActionYml;
const step = action.runs.steps.find((s) => s.run?.includes("dist/action.js"))!;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("action.yml", () => {
  it("is a composite Marketplace action that runs the committed bundle without installing anything", () => {
    expect(action).toMatchObject({ name: "change-gate", runs: { using: "composite" } });
    expect(action.description).toBeTruthy();
    expect(action.author).toBeTruthy();
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(step.run).toBe(`node "\${{ github.action_path }}/dist/action.js"`);
    expect(action.runs.steps.some((s) => /npm|yarn|pnpm/.test(s.run ?? ""))).toBe(false);
  });

  it("passes every declared input to the node step through env, under the name the inputs table reads", () => {
    const declared = Object.keys(action.inputs).sort();
    expect(declared).toEqual(
      Object.values(INPUTS)
        .map((s) => s.input)
        .sort(),
    );
    for (const spec of Object.values(INPUTS)) {
      expect(step.env?.[spec.env], spec.input).toBe(`\${{ inputs.${spec.input} }}`);
      expect(action.inputs[spec.input]?.default ?? "", spec.input).toBe(
        spec.input === "token" ? `\${{ github.token }}` : spec.default,
      );
    }
    expect(Object.keys(step.env ?? {}).sort()).toEqual(
      Object.values(INPUTS)
        .map((s) => s.env)
        .sort(),
    );
  });

  it("maps every declared output from the step, and the code sets each of them", () => {
    const code = sourceFiles("src/action")
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const set = new Set([...code.matchAll(/setOutput\("([a-z-]+)"/g)].map((m) => m[1]));
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value, name).toBe(`\${{ steps.${step.id}.outputs.${name} }}`);
      expect(set.has(name), `setOutput("${name}") in src/action`).toBe(true);
    }
    expect([...set].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it("checks the runner's node before the bundle runs", () => {
    const steps = action.runs.steps;
    expect(steps.indexOf(step)).toBeGreaterThan(0);
    expect(steps[0]).toEqual({
      name: "Check Node.js",
      shell: "bash",
      run: `bash "\${{ github.action_path }}/scripts/require-node.sh"`,
    });
  });
});

describe("scripts/require-node.sh (the Action's node preflight)", () => {
  /** Runs the preflight with PATH holding only a `node` that prints `version` (or no node at all). */
  function preflight(version: string | null) {
    const bin = mkdtempSync(join(tmpdir(), "change-gate-node-"));
    if (version !== null) {
      writeFileSync(join(bin, "node"), `#!/bin/sh\necho ${version}\n`);
      chmodSync(join(bin, "node"), 0o755);
    }
    return spawnSync("/bin/bash", ["scripts/require-node.sh"], { env: { PATH: bin }, encoding: "utf8" });
  }

  it("fails with what to do when node is missing", () => {
    const run = preflight(null);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error title=change-gate needs Node\.js 20\+::node is not on this runner's PATH; add `actions\/setup-node`/,
    );
  });

  it.each(["v18.20.4", "v16.0.0", "garbage"])("fails with the version it found when node prints %s", (v) => {
    const run = preflight(v);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`found node ${v} at `);
    expect(run.stdout).toContain("actions/setup-node");
  });

  it.each(["v20.0.0", "v22.11.0", "v24.1.0"])("passes silently on %s", (v) => {
    const run = preflight(v);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: "" });
  });

  it("passes on this machine's node", () => {
    const run = spawnSync("/bin/bash", ["scripts/require-node.sh"], {
      env: { PATH: dirname(process.execPath) },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
  });
});

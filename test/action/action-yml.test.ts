import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
  runs: { using: string; steps: { id?: string; env?: Record<string, string>; run?: string }[] };
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
});

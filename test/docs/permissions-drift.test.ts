import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The example workflows are what users copy; every permissions list in the docs must say the same. */
interface Workflow {
  name: string;
  permissions: Record<string, string>;
}

const examples: Workflow[] = readdirSync("examples/workflows").map(
  (f) => parse(readFileSync(`examples/workflows/${f}`, "utf8")) as Workflow,
);
const byName = (name: string) => examples.find((w) => w.name === name);

const DOCS = [
  "README.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

function yamlBlocks(text: string): unknown[] {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => {
    try {
      return parse(m[1]!);
    } catch {
      return null;
    }
  });
}

describe("docs show the example workflows' permissions", () => {
  const blocks = DOCS.flatMap((file) =>
    yamlBlocks(readFileSync(file, "utf8"))
      .filter((b): b is Workflow => typeof b === "object" && b !== null && "permissions" in b && "name" in b)
      .map((b) => [file, b] as const),
  );

  it("finds the workflow snippets it checks", () => {
    expect(blocks.map(([file, b]) => `${file}: ${b.name}`)).toEqual(
      expect.arrayContaining(["README.md: change-gate PR check", "docs/action.md: change-gate PR check"]),
    );
  });

  it.each(blocks.filter(([, b]) => byName(b.name)).map(([file, b]) => [file, b.name, b] as const))(
    "%s: %s",
    (_file, name, block) => {
      expect(block.permissions).toEqual(byName(name)!.permissions);
    },
  );

  // Rows of the permission tables: `name: level` pairs, the first mention of each permission counts.
  const ROWS: [file: string, row: RegExp, workflow: string][] = [
    ["docs/security.md", /^\| PR check/, "change-gate PR check"],
    ["docs/security.md", /^\| Freeze commands/, "change-gate commands"],
    ["docs/security.md", /^\| Sweep/, "change-gate sweep"],
    ["docs/action.md", /^\| PR check/, "change-gate PR check"],
    ["docs/action.md", /^\| commands/, "change-gate commands"],
    ["docs/action.md", /^\| sweep/, "change-gate sweep"],
    ["docs/security.md", /^\| Deploy gate/, "deploy"],
    ["docs/action.md", /^\| deploy gate/, "deploy"],
  ];
  it.each(ROWS)("%s table row %s", (file, row, workflow) => {
    const line = readFileSync(file, "utf8")
      .split("\n")
      .find((l) => row.test(l));
    expect(line, `${file} has a row ${row}`).toBeDefined();
    const said: Record<string, string> = {};
    for (const m of line!.matchAll(/`([a-z-]+): (read|write)`/g)) said[m[1]!] ??= m[2]!;
    expect(said).toEqual(byName(workflow)!.permissions);
  });
});

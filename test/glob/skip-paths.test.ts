import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/core/config/schema.js";
import { MAX_PATH_LENGTH } from "../../src/core/glob/index.js";
import { descriptionSkipReason, pullRequestFacts } from "../../src/core/policy/skip.js";

const config = configSchema.parse({ description: { skip: { paths: ["docs/**", "**/*.{md,txt}"] } } });
const facts = (paths: string[]) =>
  pullRequestFacts(
    { user: { login: "alice", type: "User" } },
    paths.map((path) => ({ path, additions: 1, deletions: 0 })),
  );

describe("description.skip.paths (issue 14.5)", () => {
  it("skips when every changed file matches, dotfiles included", () => {
    expect(descriptionSkipReason(config, facts(["docs/.vale.ini", "README.md", "a/b/notes.txt"]))).toBe(
      "every changed file matches docs/**, **/*.{md,txt} (description.skip.paths)",
    );
    expect(descriptionSkipReason(config, facts(["docs/a.md", "src/a.ts"]))).toBeNull();
  });

  it("a path too long to match is not skipped: the description rules apply (fail closed)", () => {
    expect(descriptionSkipReason(config, facts([`docs/${"a".repeat(MAX_PATH_LENGTH)}`]))).toBeNull();
  });
});

import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { GlobSet, globBudget, globSyntaxError, MAX_PATH_LENGTH } from "../../src/core/glob/index.js";

const matches = (glob: string, path: string) => new GlobSet([glob]).test(path, globBudget());

describe("GlobSet: the glob syntax of config paths", () => {
  it.each([
    ["docs/**", ["docs", "docs/a", "docs/a/b", "docs/.github/x"], ["docsx/a", "x/docs/a"]],
    ["**/*.sql", ["a.sql", "x/a.sql", ".sql", "x/.a.sql", "x/y/z.sql"], ["a.sqlx", "sql"]],
    ["*.md", ["a.md", ".md", ".github.md"], ["x/a.md"]],
    ["**", ["a", "a/b", ".a/b"], []],
    ["a/**/b", ["a/b", "a/x/b", "a/x/y/b", "a/.x/b"], ["a/xb", "b"]],
    ["a**b", ["ab", "axb"], ["ax/b"]],
    ["?.md", ["a.md"], [".md", "ab.md"]],
    ["[abc].md", ["a.md"], ["d.md"]],
    ["[^a].md", ["b.md"], ["a.md"]],
    ["[a-c]", ["b"], ["-", "d"]],
    ["{a,b}.md", ["a.md", "b.md"], ["c.md"]],
    ["{a,b{c,d}}", ["a", "bc", "bd"], ["b"]],
    ["*.{md,txt}", ["a.md", "a.txt"], ["a.js"]],
    ["{1..3}.md", ["1.md", "3.md"], ["4.md"]],
    ["{a}", ["{a}"], ["a"]],
    ["\\*.md", ["*.md"], ["a.md"]],
    ["./docs/**", ["docs/a"], ["./docs/a"]],
    ["*", ["a", ".a"], ["a/b"]],
    ["**/a/**", ["a", "a/b", "x/a", "x/a/b"], ["xa"]],
    ["a/**/**/b", ["a/b", "a/x/b"], []],
    ["*/**", ["a/b"], ["a"]],
    ["migrations/**", ["migrations/001.sql"], ["db/migrations/001.sql"]],
  ])("%s", (glob, yes, no) => {
    for (const p of yes) expect(matches(glob, p), `${glob} should match ${p}`).toBe(true);
    for (const p of no) expect(matches(glob, p), `${glob} should not match ${p}`).toBe(false);
  });

  it("agrees with picomatch (dot: true) on generated globs and paths", () => {
    const atom = fc.constantFrom("a", "b", ".", "x", "*", "?", "[ab]", "[^a]", "[a-c]", "{a,b}", "{a,bx}");
    const segment = fc.oneof(
      { weight: 1, arbitrary: fc.constant("**") },
      { weight: 4, arbitrary: fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join("")) },
    );
    const glob = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("/"));
    const path = fc
      .array(fc.constantFrom("a", "b", "x", ".a", "ab", "a.b", ".x.a"), { minLength: 1, maxLength: 4 })
      .map((s) => s.join("/"));
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 6 }), (g, paths) => {
        fc.pre(globSyntaxError(g) === null);
        const expected = picomatch(g, { dot: true });
        const set = new GlobSet([g]);
        for (const p of paths) expect(set.test(p, globBudget()), `${g} vs ${p}`).toBe(expected(p));
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it("validate refuses what would backtrack or mean something else", () => {
    expect(globSyntaxError("**/+(*.md|*.txt)")).toBe(
      '"**/+(*.md|*.txt)": extglobs like +(a|b) are not supported ("(" at 5); use {a,b} for alternatives, or \\( for a literal (',
    );
    expect(globSyntaxError("!docs/**")).toMatch(/negated globs/);
    expect(globSyntaxError("/docs/**")).toMatch(/never start with "\/"; write docs\/\*\*/);
    expect(globSyntaxError("docs/")).toMatch(/write docs\/\*\* for everything under it/);
    expect(globSyntaxError("a[")).toMatch(/not closed/);
    expect(globSyntaxError("[[:alpha:]]")).toMatch(/POSIX classes/);
    expect(globSyntaxError("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}")).toMatch(/more than 64 alternatives/);
    expect(globSyntaxError("{1..1000}")).toMatch(/1000 alternatives; at most 64/);
    expect(globSyntaxError("docs/\\(old\\)/**")).toBeNull();
  });
});

describe("GlobSet: bounded work (issue 14.5)", () => {
  it("the reported hostile glob shape × 125-character names costs at most path × states steps", () => {
    // "**/+(*.md|*.txt)" is refused; its closest valid form, and a star-heavy glob, run in linear steps.
    for (const glob of ["**/*{.md,.txt}", "*a*a*a*a*a*a*a*a*a*a*a*a*b"]) {
      const set = new GlobSet([glob]);
      for (const name of ["a".repeat(125), `${"a/".repeat(62)}a`, `${"a.".repeat(62)}mdx`]) {
        const budget = globBudget();
        expect(set.test(name, budget)).toBe(false);
        const spent = globBudget().steps - budget.steps;
        const states = 2 * (glob.length + 1) * 2; // two alternatives at most, two phases per token
        expect(spent).toBeLessThanOrEqual(name.length * states);
      }
    }
  });

  it("a path longer than MAX_PATH_LENGTH and a spent budget give no answer (null), never a long run", () => {
    const set = new GlobSet(["*a*a*a*a*a*b*"]);
    expect(set.test("a".repeat(MAX_PATH_LENGTH + 1), globBudget())).toBeNull();
    const budget = globBudget(1000);
    expect(set.test("a".repeat(MAX_PATH_LENGTH), budget)).toBeNull();
    expect(budget.steps).toBeLessThan(0);
    expect(budget.steps).toBeGreaterThan(-20);
  });
});

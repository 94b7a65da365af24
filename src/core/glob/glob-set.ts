import { expandBraces, type GlobToken, globTokens, stripDotSlash } from "./parse-glob.js";

/** Paths longer than this are never matched (git's own limit is 4096 bytes). */
export const MAX_PATH_LENGTH = 4096;
/** Matching steps one decision (a PR's risk, or its skip check) may spend over all its files and globs. */
export const MAX_GLOB_STEPS = 5_000_000;

/** Steps left for one decision; shared by every `GlobSet.test` that decision makes. */
export interface GlobBudget {
  steps: number;
}

export function globBudget(steps = MAX_GLOB_STEPS): GlobBudget {
  return { steps };
}

/**
 * One alternative as an NFA run by simulation (Thompson): each path character advances a set of at most
 * 2 × (tokens + 1) states, so a match costs O(path × tokens) steps whatever the glob — no backtracking. A state is
 * `token index × 2 + phase`; phase 1 is "inside a directory" for `dirs`, "after the `/`" for `tail`.
 */
class Alternative {
  private readonly seen: Int32Array;
  private stamp = 0;
  /** Literal text every match starts / ends with: a cheap necessary check before the simulation. */
  private readonly prefix: string;
  private readonly suffix: string;
  constructor(private readonly tokens: GlobToken[]) {
    this.seen = new Int32Array(2 * (tokens.length + 1)).fill(-1);
    const literal = (t: GlobToken | undefined) => (t?.kind === "char" ? t.char : null);
    let p = 0;
    while (literal(tokens[p]) !== null) p++;
    let q = tokens.length;
    while (q > p && literal(tokens[q - 1]) !== null) q--;
    this.prefix = tokens.slice(0, p).map(literal).join("");
    this.suffix = tokens.slice(q).map(literal).join("");
  }

  /** Adds state (k, phase) and what it reaches without input. */
  private add(into: number[], k: number, phase: number): void {
    for (;;) {
      const id = 2 * k + phase;
      if (this.seen[id] === this.stamp) return;
      this.seen[id] = this.stamp;
      into.push(id);
      const t = this.tokens[k];
      if (phase !== 0 || !t || (t.kind !== "star" && t.kind !== "dirs")) return;
      k++; // `*` and `**/` may match nothing
    }
  }

  private accepts(states: number[]): boolean {
    for (const id of states) {
      const k = id >> 1;
      const t = this.tokens[k];
      if (k === this.tokens.length || t?.kind === "tail" || t?.kind === "all") return true;
    }
    return false;
  }

  /** True/false, or null when the budget ran out. */
  test(path: string, budget: GlobBudget): boolean | null {
    budget.steps -= this.prefix.length + this.suffix.length;
    if (budget.steps < 0) return null;
    if (
      path.length < this.prefix.length + this.suffix.length ||
      !path.startsWith(this.prefix) ||
      !path.endsWith(this.suffix)
    )
      return false;
    this.stamp++;
    let states: number[] = [];
    this.add(states, 0, 0);
    for (let i = 0; i < path.length && states.length > 0; i++) {
      budget.steps -= states.length;
      if (budget.steps < 0) return null;
      const ch = path[i]!;
      const slash = ch === "/";
      const next: number[] = [];
      this.stamp++;
      for (const id of states) {
        const k = id >> 1;
        const phase = id & 1;
        const t = this.tokens[k];
        if (!t) continue;
        switch (t.kind) {
          case "char":
            if (ch === t.char) this.add(next, k + 1, 0);
            break;
          case "any":
            if (!slash) this.add(next, k + 1, 0);
            break;
          case "class":
            if (t.test(ch)) this.add(next, k + 1, 0);
            break;
          case "star":
            if (!slash) this.add(next, k, 0);
            break;
          case "dirs":
            this.add(next, k, slash ? 0 : 1);
            break;
          case "tail":
            if (phase === 1 || slash) this.add(next, k, 1);
            break;
          case "all":
            this.add(next, k, 0);
            break;
        }
      }
      states = next;
    }
    return this.accepts(states);
  }
}

/** A list of globs (valid per `globSyntaxError`): a path matches when any glob matches it. */
export class GlobSet {
  private readonly alternatives: Alternative[];
  constructor(globs: readonly string[]) {
    this.alternatives = globs.flatMap((g) =>
      expandBraces(stripDotSlash(g)).map((a) => new Alternative(globTokens(a))),
    );
  }

  /** Whether `path` matches; null when it cannot be decided (a path over `MAX_PATH_LENGTH`, or the budget ran out). */
  test(path: string, budget: GlobBudget): boolean | null {
    if (path.length > MAX_PATH_LENGTH) return null;
    for (const alternative of this.alternatives) {
      const hit = alternative.test(path, budget);
      if (hit !== false) return hit;
    }
    return false;
  }
}

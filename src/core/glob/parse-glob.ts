/**
 * Glob syntax for config paths (`description.skip.paths`, `risk.rules[].paths`), compiled for `GlobSet`, a matcher
 * that runs in time linear in the path (no backtracking). Supported, as in picomatch with `dot: true`:
 * - `*` any characters but `/` (dotfiles included); `?` one character but `/`;
 * - `**` as a whole segment: any number of directories (`docs/**` also matches `docs`; `**` alone matches anything);
 *   elsewhere `**` is `*`;
 * - `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of (or not of) a set, never `/`;
 * - `{a,b}` alternatives (nested too) and `{1..5}` ranges, at most 64 alternatives per glob;
 * - `\` escapes the next character; a leading `./` is ignored.
 * Not supported (refused by `validate`): negation `!glob`, extglobs `+(a|b)` `@(…)` `!(…)` `*(…)` `?(…)`, bare
 * `(`, `)`, `|`, and POSIX classes `[[:alpha:]]`.
 */

export const MAX_GLOB_LENGTH = 500;
export const MAX_GLOB_ALTERNATIVES = 64;

/** The supported syntax in one sentence, for the schema text (docs/config.md and editors). */
export const GLOB_SYNTAX = `Glob syntax (matched in linear time, dotfiles included): * and ? (never /), [a-z] [!a], {a,b} and {1..5} (at most ${MAX_GLOB_ALTERNATIVES} alternatives), ** as a whole segment for any directories (docs/** also matches docs), \\ to escape; not supported: !negation, extglobs such as +(a|b), ( ) |, [[:alpha:]]. A path over 4096 characters (or past the matching work limit) is not checked: it counts as a risk-rule match and prevents a skip.`;

export type GlobToken =
  | { kind: "char"; char: string }
  | { kind: "any" }
  | { kind: "class"; negated: boolean; test: (ch: string) => boolean }
  | { kind: "star" }
  /** `**` followed by `/`: zero or more whole directories ("seg/"). */
  | { kind: "dirs" }
  /** A final `/**`: nothing, or `/` and anything. */
  | { kind: "tail" }
  /** A final `**` with nothing before it that needs a `/`: anything. */
  | { kind: "all" };

class GlobSyntaxError extends Error {}

/** Index of the `]` closing the class that opens at `open`, or -1. */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  if (glob[i] === "]") i++;
  for (; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "]") return i;
  }
  return -1;
}

/** Index of the `}` closing the group at `open` (skipping escapes, classes and nested groups), or -1. */
function braceEnd(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      const end = classEnd(glob, i);
      if (end > 0) i = end;
    } else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}

/** Top-level comma-separated parts of a group's inside. */
function splitTop(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      const end = classEnd(inner, i);
      if (end > 0) i = end;
    } else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

function range(inner: string): string[] | null {
  const num = /^(-?\d{1,6})\.\.(-?\d{1,6})$/.exec(inner);
  const letter = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
  if (!num && !letter) return null;
  const [a, b] = num
    ? [Number(num[1]), Number(num[2])]
    : [letter![1]!.charCodeAt(0), letter![2]!.charCodeAt(0)];
  const count = Math.abs(b - a) + 1;
  if (count > MAX_GLOB_ALTERNATIVES)
    throw new GlobSyntaxError(
      `{${inner}} expands to ${count} alternatives; at most ${MAX_GLOB_ALTERNATIVES}`,
    );
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const v = a <= b ? a + k : a - k;
    out.push(num ? String(v) : String.fromCharCode(v));
  }
  return out;
}

/** Brace expansion, capped: every alternative a glob stands for, without braces. */
export function expandBraces(glob: string): string[] {
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "[") {
      const end = classEnd(glob, i);
      if (end > 0) i = end;
      continue;
    }
    if (ch !== "{") continue;
    const end = braceEnd(glob, i);
    if (end < 0) return expandBraces(`${glob.slice(0, i)}\\{${glob.slice(i + 1)}`);
    const inner = glob.slice(i + 1, end);
    const parts = splitTop(inner);
    const options = parts.length > 1 ? parts : range(inner);
    // A group with one part and no range is literal text, as in picomatch: "{a}" matches "{a}".
    if (!options) return expandBraces(`${glob.slice(0, i)}\\{${inner}\\}${glob.slice(end + 1)}`);
    const head = glob.slice(0, i);
    const rest = expandBraces(glob.slice(end + 1));
    const out: string[] = [];
    for (const option of options)
      for (const middle of expandBraces(option))
        for (const tail of rest) {
          out.push(head + middle + tail);
          if (out.length > MAX_GLOB_ALTERNATIVES)
            throw new GlobSyntaxError(`it expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
        }
    return out;
  }
  return [glob];
}

type RawToken = GlobToken | { kind: "sep" } | { kind: "globstar" };

function classToken(body: string): GlobToken {
  let i = 0;
  let negated = false;
  if (body[0] === "!" || body[0] === "^") {
    negated = true;
    i = 1;
  }
  const singles = new Set<string>();
  const spans: [string, string][] = [];
  const chars: string[] = [];
  for (; i < body.length; i++) chars.push(body[i] === "\\" && i + 1 < body.length ? body[++i]! : body[i]!);
  for (let k = 0; k < chars.length; k++) {
    if (chars[k + 1] === "-" && k + 2 < chars.length) {
      spans.push([chars[k]!, chars[k + 2]!]);
      k += 2;
    } else singles.add(chars[k]!);
  }
  const inSet = (ch: string) => singles.has(ch) || spans.some(([a, b]) => a <= ch && ch <= b);
  return { kind: "class", negated, test: (ch) => ch !== "/" && inSet(ch) !== negated };
}

function rawTokens(glob: string): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "\\") {
      if (i + 1 < glob.length) out.push({ kind: "char", char: glob[++i]! });
      else out.push({ kind: "char", char: "\\" });
    } else if (ch === "/") out.push({ kind: "sep" });
    else if (ch === "*") {
      let j = i;
      while (glob[j + 1] === "*") j++;
      out.push(j === i + 1 ? { kind: "globstar" } : { kind: "star" }); // "**" only; "***" is "*", as in picomatch
      i = j;
    } else if (ch === "?") out.push({ kind: "any" });
    else if (ch === "[") {
      const end = classEnd(glob, i);
      if (end < 0) throw new GlobSyntaxError(`"[" at ${i + 1} is not closed; write \\[ for a literal [`);
      const body = glob.slice(i + 1, end);
      if (body.includes("[:"))
        throw new GlobSyntaxError("POSIX classes like [[:alpha:]] are not supported; use [a-zA-Z]");
      out.push(classToken(body));
      i = end;
    } else out.push({ kind: "char", char: ch });
  }
  return out;
}

/** The matcher tokens of one brace-free alternative. */
export function globTokens(alternative: string): GlobToken[] {
  const segments: RawToken[][] = [[]];
  for (const t of rawTokens(alternative)) {
    if (t.kind === "sep") segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  const whole = (s: RawToken[]) => s.length === 1 && s[0]!.kind === "globstar";
  // "a/**/**" is "a/**": one globstar stands for any number of directories.
  const kept = segments.filter((seg, i) => !(whole(seg) && i > 0 && whole(segments[i - 1]!)));
  segments.splice(0, segments.length, ...kept);
  const out: GlobToken[] = [];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (whole(segment)) {
      const before = segments[i - 1];
      if (!last) out.push({ kind: "dirs" });
      else if (!before) out.push({ kind: "all" });
      // "docs/**" also matches "docs" itself, but "*/**" (a segment ending in "*") needs the "/", as in picomatch.
      else if (before[before.length - 1]?.kind === "star" || before[before.length - 1]?.kind === "globstar")
        out.push({ kind: "char", char: "/" }, { kind: "all" });
      else out.push({ kind: "tail" });
      return;
    }
    for (const t of segment) out.push(t.kind === "globstar" ? { kind: "star" } : (t as GlobToken));
    // The "/" after this segment, unless the next segment is a final "**" (it says how the "/" is matched).
    const next = segments[i + 1];
    if (next && !(i + 1 === segments.length - 1 && whole(next))) out.push({ kind: "char", char: "/" });
  });
  return out;
}

/** Why a glob is refused, or null. Checks what would backtrack or mean something else than it says. */
export function globSyntaxError(glob: string): string | null {
  if (glob.trim() === "") return "a glob must not be empty";
  if (glob.length > MAX_GLOB_LENGTH) return `a glob may be at most ${MAX_GLOB_LENGTH} characters`;
  if (glob.startsWith("!"))
    return `"${glob}": negated globs (!…) are not supported; list the paths that should match`;
  if (glob.startsWith("/"))
    return `"${glob}": changed-file paths are relative and never start with "/"; write ${glob.replace(/^\/+/, "")}`;
  if (glob.endsWith("/") && !glob.endsWith("\\/"))
    return `"${glob}": a glob ending in "/" matches no file; write ${glob}** for everything under it`;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      const end = classEnd(glob, i);
      if (end > 0) i = end;
    } else if (ch === "(" || ch === ")" || ch === "|")
      return `"${glob}": extglobs like +(a|b) are not supported ("${ch}" at ${i + 1}); use {a,b} for alternatives, or \\${ch} for a literal ${ch}`;
  }
  try {
    for (const alternative of expandBraces(stripDotSlash(glob))) globTokens(alternative);
    return null;
  } catch (e) {
    if (e instanceof GlobSyntaxError) return `"${glob}" is not a valid glob: ${e.message}`;
    throw e;
  }
}

export function stripDotSlash(glob: string): string {
  return glob.startsWith("./") ? glob.slice(2) : glob;
}

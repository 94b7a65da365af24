import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { loadHolidayLibrary } from "../schedule/holiday-library.js";
import { type Config, configSchema } from "./schema.js";
import { keysAt, nearestKey } from "./suggest-key.js";

/** One problem in a config file, positioned for `file:line:col: message` output and check annotations. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  /** Dotted key path inside the document, e.g. "windows[0].start"; "" for the document itself. */
  key: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: Config; file: string }
  | { ok: false; errors: ConfigError[]; file: string };

export const DEFAULT_CONFIG_PATH = ".github/change-gate.yml";

/** Config files beyond this size are refused rather than parsed (a policy file is a few KiB). */
export const MAX_CONFIG_BYTES = 256 * 1024;

export { defaultConfig } from "./defaults.js";

export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.key ? `${e.key}: ` : ""}${e.message}`;
}

function keyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path)
    out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${p === "" ? '""' : String(p)}`;
  return out;
}

/** Parse YAML text into a raw object, collecting syntax errors with positions. */
export function parseYaml(
  text: string,
  file: string,
):
  | { ok: true; value: unknown; locate: (path: readonly PropertyKey[], key?: string) => [number, number] }
  | {
      ok: false;
      errors: ConfigError[];
    } {
  if (text.length > MAX_CONFIG_BYTES)
    return {
      ok: false,
      errors: [
        {
          file,
          line: 1,
          column: 1,
          key: "",
          message: `config is ${text.length} bytes; the limit is ${MAX_CONFIG_BYTES}`,
        },
      ],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => {
        const pos = lineCounter.linePos(err.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          key: "",
          message: `invalid YAML: ${err.message.split("\n")[0]}`,
        };
      }),
    };
  }
  const locate = (path: readonly PropertyKey[], key?: string): [number, number] => {
    let node = doc.getIn(path as unknown[], true) as Node | undefined;
    // Walk up until a node exists (a missing key is reported at its parent).
    for (let n = path.length; !node && n > 0; n--)
      node = doc.getIn(path.slice(0, n - 1) as unknown[], true) as Node;
    if (!node) node = doc.contents ?? undefined;
    if (key !== undefined && node && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key) && pair.key.range) node = pair.key;
    }
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return [pos.line, pos.col];
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // yaml throws on alias bombs ("Excessive alias count"); a hostile file is an error, never a crash.
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, key: "", message: `invalid YAML: ${(e as Error).message}` }],
    };
  }
  return { ok: true, value, locate };
}

/** zod's type names as a YAML author knows them. */
const TYPE_NOUN: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
};

const typeNoun = (expected: string) => TYPE_NOUN[expected] ?? expected;

/** What any branch of a union would have accepted: "text or a mapping (key: value)". */
function unionText(issue: z.core.$ZodIssueInvalidUnion): string {
  const accepted: string[] = [];
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code === "invalid_type") accepted.push(typeNoun(first.expected));
    else if (first?.code === "invalid_value") accepted.push(...first.values.map((v) => JSON.stringify(v)));
  }
  const unique = [...new Set(accepted)];
  return unique.length ? `expected ${unique.join(" or ")}` : "not a valid value here";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_type":
      return `expected ${typeNoun(issue.expected)}${"input" in issue && issue.input === undefined ? ", but it is missing" : ""}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
    case "too_big":
      return sizeText(issue);
    case "invalid_union":
      return unionText(issue);
    case "invalid_key":
      return "a key here must be a non-empty name";
    default:
      return issue.message;
  }
}

/** A bound in people's words: "must be at least 1", "must not be empty", "must be at most 10 characters long". */
function sizeText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === "string" || issue.origin === "array") {
    if (small && limit === 1 && inclusive) return "must not be empty";
    const unit = issue.origin === "string" ? "characters long" : `item${limit === 1 ? "" : "s"}`;
    return `must be ${small ? "at least" : "at most"} ${limit} ${unit}`;
  }
  // Integers above 0 read as "at least 1" (z.number().int().positive() reports "> 0").
  if (small && !inclusive && limit === 0) return "must be a whole number of at least 1";
  const bound = small ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
  return `must be ${bound} ${limit}`;
}

function unknownKeyText(path: readonly PropertyKey[], key: string): string {
  const near = nearestKey(key, keysAt(configSchema, path));
  return near ? `unknown key "${key}"; did you mean "${near}"?` : `unknown key "${key}"`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/** Validate a parsed value against the schema; errors are positioned with `locate`. */
export function validateConfigValue(
  value: unknown,
  file: string,
  locate: (path: readonly PropertyKey[], key?: string) => [number, number] = () => [1, 1],
): ConfigResult {
  const input = value === null || value === undefined ? {} : value;
  if (typeof input !== "object" || Array.isArray(input))
    return {
      ok: false,
      file,
      errors: [{ file, line: 1, column: 1, key: "", message: "config must be a YAML mapping (key: value)" }],
    };
  const result = configSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data, file };
  const errors: ConfigError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) {
        const [line, column] = locate(issue.path, k);
        errors.push({
          file,
          line,
          column,
          key: keyPath([...issue.path, k]),
          message: unknownKeyText(issue.path, k),
        });
      }
      continue;
    }
    const [line, column] = locate(issue.path);
    let message = describeIssue(issue);
    if (issue.code === "invalid_union" && valueAt(input, issue.path) === undefined)
      message += ", but it is missing";
    if (issue.code === "invalid_value") {
      const given = valueAt(input, issue.path);
      const near = typeof given === "string" ? nearestKey(given, issue.values.map(String)) : null;
      if (near) message += `; did you mean "${near}"?`;
    }
    errors.push({ file, line, column, key: keyPath(issue.path), message });
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, file, errors };
}

/** Load a config file's text. Empty text means "no settings": the documented defaults. */
export function loadConfig(text: string, file = DEFAULT_CONFIG_PATH): ConfigResult {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { ok: false, file, errors: parsed.errors };
  return validateConfigValue(parsed.value, file, parsed.locate);
}

/**
 * `loadConfig` for edges (CLI, App, Action): loads the holiday calendar first when the file configures holidays,
 * so holiday rules are validated and evaluated. Everything else is the same.
 */
export async function loadConfigAsync(text: string, file = DEFAULT_CONFIG_PATH): Promise<ConfigResult> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { ok: false, file, errors: parsed.errors };
  if (mentionsHolidays(parsed.value)) await loadHolidayLibrary();
  return validateConfigValue(parsed.value, file, parsed.locate);
}

/** Whether a parsed (possibly merged) config value configures holidays anywhere. */
export function mentionsHolidays(value: unknown): boolean {
  return typeof value === "object" && value !== null && "holidays" in value;
}

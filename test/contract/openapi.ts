/**
 * Checks a request against GitHub's published OpenAPI description (the request side of the operations change-gate
 * may call, in github-openapi-subset.json): known method + path, path and query parameters against their schemas
 * (no unknown query parameter; no `undefined`, `null` or empty path segment), request body schema.
 *
 * Strict where GitHub's description is closed: GitHub's request bodies list their properties but do not say
 * `additionalProperties: false`, and GitHub ignores an unknown property (`{"conclusoin": …}` is a silent no-op), so
 * every object schema that lists its properties is closed here. Schemas that say otherwise (`payload` of a
 * deployment: `additionalProperties: true`) and constraint-only branches without `type` (the `anyOf` of
 * checks/update) stay as GitHub wrote them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { validateGraphql } from "./graphql.js";

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema?: unknown }[];
  requestBody: unknown;
  requestBodyRequired: boolean;
}

const subset = JSON.parse(readFileSync(join(import.meta.dirname, "github-openapi-subset.json"), "utf8")) as {
  operations: Operation[];
};

/**
 * OpenAPI 3.0 → JSON Schema for ajv: `nullable: true` becomes a type union, and an object schema that lists its
 * properties without saying whether others are allowed is closed (`additionalProperties: false`).
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    if (k !== "nullable" && k !== "example" && k !== "examples")
      // `properties` maps names to schemas: recurse into each schema, not into the map as if it were one.
      out[k] =
        k === "properties" && v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, toJsonSchema(sub)]))
          : toJsonSchema(v);
  const o = node as {
    nullable?: boolean;
    type?: unknown;
    enum?: unknown[];
    properties?: unknown;
    additionalProperties?: unknown;
    patternProperties?: unknown;
  };
  if (o.nullable) {
    if (typeof o.type === "string") out.type = [o.type, "null"];
    if (Array.isArray(o.enum)) out.enum = [...o.enum, null];
  }
  const isObject = o.type === "object" || (Array.isArray(o.type) && o.type.includes("object"));
  if (isObject && o.properties && o.additionalProperties === undefined && o.patternProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/** Words a bug turns into a path segment or query value: `${undefined}`, `${null}`, `${NaN}`, `${{}}`. */
const NOT_A_VALUE = new Set(["undefined", "null", "NaN", "[object Object]"]);

/** Why a path or query parameter's value does not fit its schema, or null when it does. */
export function parameterError(raw: string, schema: unknown): string | null {
  const s = (schema ?? {}) as { type?: string; enum?: unknown[] };
  if (raw === "") return "is empty";
  if (NOT_A_VALUE.has(raw)) return `is "${raw}"`;
  if (s.type === "integer" && !/^-?\d+$/.test(raw)) return `"${raw}" is not an integer`;
  if (s.type === "number" && !Number.isFinite(Number(raw))) return `"${raw}" is not a number`;
  if (s.type === "boolean" && raw !== "true" && raw !== "false") return `"${raw}" is not a boolean`;
  if (Array.isArray(s.enum) && !s.enum.map(String).includes(raw))
    return `"${raw}" is not one of ${s.enum.join(", ")}`;
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<Operation, ValidateFunction | null>();

const matchers = subset.operations
  .map((op) => ({
    op,
    // A parameter matches an empty segment too, so `/issues//labels` is reported as a bad parameter.
    re: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]*)")}$`),
    params: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
  }))
  // Literal paths before templated ones: /pulls/{n}/files must not match /pulls/{n}/{x}.
  .sort((a, b) => a.params.length - b.params.length);

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

/** Errors for one request; empty when it is a valid call of a known GitHub operation. */
export function validateRequest(req: RecordedRequest): string[] {
  const url = new URL(req.url, "https://api.github.com");
  const path = url.pathname.replace(/^\/api\/v3/, "");
  const method = req.method.toUpperCase();
  if (method === "POST" && path === "/graphql")
    return validateGraphql(typeof req.body === "string" ? safeJson(req.body) : req.body);
  const candidates = matchers.filter((m) => m.op.method === method && m.re.test(path));
  if (!candidates.length) return [`${method} ${path}: not an operation in GitHub's OpenAPI description`];
  // Where two templates fit (`/issues/comments/{id}`, `/issues/{n}/comments`), the one whose parameters fit decides.
  const withErrors = candidates.map((m) => ({ m, errors: pathErrors(m, method, path) }));
  const chosen = withErrors.find((c) => c.errors.length === 0) ?? withErrors[0]!;
  const { op } = chosen.m;
  const errors = [...chosen.errors];
  for (const p of op.parameters)
    if (p.in === "query" && p.required && !url.searchParams.has(p.name))
      errors.push(`${method} ${op.path}: missing required query parameter "${p.name}"`);
  const query = new Map(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]));
  for (const [name, value] of url.searchParams) {
    if (!query.has(name)) errors.push(`${method} ${op.path}: unknown query parameter "${name}"`);
    else {
      const error = parameterError(value, query.get(name));
      if (error) errors.push(`${method} ${op.path}: query parameter "${name}" ${error}`);
    }
  }
  if (op.requestBody) {
    if (req.body === undefined || req.body === null || req.body === "") {
      if (op.requestBodyRequired) errors.push(`${method} ${op.path}: missing request body`);
    } else {
      let validate = compiled.get(op);
      if (validate === undefined) {
        validate = ajv.compile(toJsonSchema(op.requestBody) as object);
        compiled.set(op, validate);
      }
      const body = typeof req.body === "string" ? safeJson(req.body) : req.body;
      if (validate && !validate(body))
        errors.push(`${method} ${op.path} (${op.operationId}): body ${bodyErrors(validate.errors ?? [])}`);
    }
  }
  return errors;
}

/** ajv's messages, naming the property an unknown-property error is about (`must NOT have additional properties`). */
function bodyErrors(errors: ErrorObject[]): string {
  return errors
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const at = `data${e.instancePath.replaceAll("/", ".")}`;
      return extra === undefined ? `${at} ${e.message}` : `${at} ${e.message}: "${extra}"`;
    })
    .join(", ");
}

function pathErrors(m: (typeof matchers)[number], method: string, path: string): string[] {
  const values = m.re.exec(path)!.slice(1);
  return m.params.flatMap((name, i) => {
    const schema = m.op.parameters.find((p) => p.in === "path" && p.name === name)?.schema;
    const error = parameterError(decode(values[i]!), schema);
    return error ? [`${method} ${path} (${m.op.operationId}): path parameter "${name}" ${error}`] : [];
  });
}

/** A request or response body: parsed JSON when it is JSON, else the text itself. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

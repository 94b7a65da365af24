/**
 * Checks a request against GitHub's published OpenAPI description (the request side of the operations change-gate
 * may call, in github-openapi-subset.json): known method + path, required path/query parameters, request body schema.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
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

/** OpenAPI 3.0 `nullable: true` → JSON Schema type unions, so ajv understands it. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    if (k !== "nullable" && k !== "example" && k !== "examples") out[k] = toJsonSchema(v);
  const o = node as { nullable?: boolean; type?: unknown; enum?: unknown[] };
  if (o.nullable) {
    if (typeof o.type === "string") out.type = [o.type, "null"];
    if (Array.isArray(o.enum)) out.enum = [...o.enum, null];
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<Operation, ValidateFunction | null>();

const matchers = subset.operations
  .map((op) => ({
    op,
    re: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)")}$`),
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
  const match = matchers.find((m) => m.op.method === method && m.re.test(path));
  if (!match) return [`${method} ${path}: not an operation in GitHub's OpenAPI description`];
  const { op } = match;
  const errors: string[] = [];
  for (const p of op.parameters)
    if (p.in === "query" && p.required && !url.searchParams.has(p.name))
      errors.push(`${method} ${op.path}: missing required query parameter "${p.name}"`);
  const known = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  for (const name of url.searchParams.keys())
    if (!known.has(name)) errors.push(`${method} ${op.path}: unknown query parameter "${name}"`);
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
        errors.push(`${method} ${op.path} (${op.operationId}): body ${ajv.errorsText(validate.errors)}`);
    }
  }
  return errors;
}

/** A request or response body: parsed JSON when it is JSON, else the text itself. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Checks a GraphQL request against GitHub's published GraphQL schema (@octokit/graphql-schema): the document must
 * validate (fields, arguments, types) and the variables must coerce to the declared variable types.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";

let schema: GraphQLSchema | null = null;

/** Built on first use: the schema is large and most test files send no GraphQL. */
function githubSchema(): GraphQLSchema {
  if (schema) return schema;
  // The package exports only its index, which parses the 10 MB JSON schema too; the SDL file is all this needs.
  const file = join(import.meta.dirname, "../../node_modules/@octokit/graphql-schema/schema.graphql");
  schema = buildSchema(readFileSync(file, "utf8"), { assumeValidSDL: true });
  return schema;
}

export function validateGraphql(body: unknown): string[] {
  const b = body as { query?: unknown; variables?: unknown } | null;
  if (!b || typeof b.query !== "string") return ["POST /graphql: body has no query string"];
  if (b.variables !== undefined && (b.variables === null || typeof b.variables !== "object"))
    return ["POST /graphql: variables is not an object"];
  let document: ReturnType<typeof parse>;
  try {
    document = parse(b.query);
  } catch (error) {
    return [`POST /graphql: ${(error as Error).message}`];
  }
  const s = githubSchema();
  const errors = validate(s, document).map((e) => `POST /graphql: ${e.message}`);
  if (errors.length) return errors;
  for (const op of document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  )) {
    const coerced = getVariableValues(
      s,
      op.variableDefinitions ?? [],
      (b.variables ?? {}) as Record<string, unknown>,
    );
    if (coerced.errors) errors.push(...coerced.errors.map((e) => `POST /graphql: ${e.message}`));
  }
  return errors;
}

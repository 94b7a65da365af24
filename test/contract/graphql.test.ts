import { describe, expect, it } from "vitest";
import { validateRequest } from "./openapi.js";

const post = (body: unknown) =>
  validateRequest({ method: "POST", url: "https://api.github.com/graphql", body });

describe("GraphQL requests are checked against GitHub's schema", () => {
  const mutation = `mutation($issue: ID!, $body: String!) { addComment(input: { subjectId: $issue, body: $body }) { commentEdge { node { id } } } }`;

  it("accepts a valid mutation with its variables", () => {
    expect(post({ query: mutation, variables: { issue: "I_1", body: "hi" } })).toEqual([]);
  });

  it("rejects unknown fields, wrong enum values and missing variables", () => {
    expect(post({ query: "mutation { addCommentz(input: {}) { x } }" }).join("\n")).toMatch(/addCommentz/);
    expect(
      post({
        query: `mutation($c: ID!, $r: ReactionContent!) { addReaction(input: { subjectId: $c, content: $r }) { reaction { content } } }`,
        variables: { c: "IC_1", r: "+1" },
      }).join("\n"),
    ).toMatch(/ReactionContent/);
    expect(post({ query: mutation, variables: { issue: "I_1" } }).join("\n")).toMatch(/\$body/);
    expect(post({ variables: {} })).toEqual(["POST /graphql: body has no query string"]);
  });
});

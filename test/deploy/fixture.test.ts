import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { targetFromPayload } from "../../src/app/handlers/deployment-protection-rule.js";
import { PAYLOAD } from "./helpers.js";

// @octokit/webhooks-examples has no deployment_protection_rule example; the fixture is built from the event's
// documented shape and held to the community JSON schema here.
const require = createRequire(import.meta.url);
const schema = require("@octokit/webhooks-schemas") as object;
const examples = require("@octokit/webhooks-examples") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  formats: {
    uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
    "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
    "uri-template": /^\S+$/,
  },
});
ajv.addSchema(schema, "webhooks");
const validate = ajv.getSchema("webhooks#/definitions/deployment_protection_rule$requested")!;

describe("deployment_protection_rule.requested fixture", () => {
  it("is valid against @octokit/webhooks-schemas", () => {
    expect(validate(PAYLOAD), JSON.stringify(validate.errors)).toBe(true);
  });

  it("stays valid with a full pull request attached, and the schema rejects unknown keys", () => {
    const pr = examples
      .find((e) => e.name === "pull_request")!
      .examples.find((e) => e.action === "closed")!.pull_request;
    expect(
      validate({ ...PAYLOAD, event: "pull_request", pull_requests: [pr] }),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(validate({ ...PAYLOAD, deployment: { ...PAYLOAD.deployment, surprise: 1 } })).toBe(false);
  });

  it("names the run, environment and commit the gate answers for", () => {
    expect(targetFromPayload(PAYLOAD)).toEqual({
      ok: true,
      target: {
        owner: "terraform-test-github",
        repo: "sample-app",
        runId: 5460123987,
        environment: "production",
        sha: "8a3f2c1d9e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
        callbackUrl:
          "https://api.github.com/repos/terraform-test-github/sample-app/actions/runs/5460123987/deployment_protection_rule",
        pullRequests: [],
      },
    });
  });

  it("cannot answer without a callback URL that names a run", () => {
    expect(
      targetFromPayload({ ...PAYLOAD, deployment_callback_url: "https://example.com/hook" }),
    ).toMatchObject({ ok: false });
  });
});

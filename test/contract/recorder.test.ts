import { Octokit } from "@octokit/core";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordedRequest } from "./openapi.js";

const recorded = () => (globalThis as { __contractRequests?: RecordedRequest[] }).__contractRequests ?? [];

describe("contract recorder", () => {
  afterEach(() => nock.cleanAll());

  it("sees requests that nock answers, with their bodies, for validation after the file", async () => {
    nock("https://api.github.com").post("/repos/o/r/issues/7/labels").reply(200, []);
    const gh = new (Octokit.plugin(restEndpointMethods))({ auth: "t" });
    await gh.rest.issues.addLabels({ owner: "o", repo: "r", issue_number: 7, labels: ["risk: high"] });
    expect(recorded().at(-1)).toEqual({
      method: "POST",
      url: "https://api.github.com/repos/o/r/issues/7/labels",
      body: { labels: ["risk: high"] },
    });
  });
});

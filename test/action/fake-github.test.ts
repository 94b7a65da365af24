import { afterEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";

describe("fake GitHub API", () => {
  let api: FakeGitHub | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("answers matching routes, records every request, and 404s the rest", async () => {
    api = await startFakeGitHub(
      [
        { method: "GET", path: "/repos/o/r", body: { full_name: "o/r" } },
        {
          method: "POST",
          path: /^\/repos\/o\/r\/check-runs$/,
          status: 201,
          body: (req) => ({ echo: req.body }),
        },
        { method: "GET", path: "/once", body: { n: 1 }, times: 1 },
      ],
      { contract: false },
    );
    const get = await fetch(`${api.url}/repos/o/r?per_page=100`);
    expect(get.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await get.json()).toEqual({ full_name: "o/r" });

    const post = await fetch(`${api.url}/repos/o/r/check-runs`, {
      method: "POST",
      body: '{"name":"change-gate"}',
    });
    expect(post.status).toBe(201);
    expect(await post.json()).toEqual({ echo: { name: "change-gate" } });

    expect((await fetch(`${api.url}/once`)).status).toBe(200);
    const second = await fetch(`${api.url}/once`);
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ message: "Not Found" });

    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/o/r",
      "POST /repos/o/r/check-runs",
      "GET /once",
      "GET /once",
    ]);
    expect(api.requests[0]?.query).toEqual({ per_page: "100" });
  });

  it("holds the bundles to GitHub's contract: unknown body properties and bad path parameters fail close()", async () => {
    const strict = await startFakeGitHub([
      { method: "PATCH", path: /check-runs/, body: {} },
      { method: "POST", path: /labels/, body: [] },
    ]);
    await fetch(`${strict.url}/repos/o/r/check-runs/5`, {
      method: "PATCH",
      body: '{"conclusoin":"success"}',
    });
    await fetch(`${strict.url}/repos/o/r/issues/undefined/labels`, {
      method: "POST",
      body: '{"labels":["x"]}',
    });
    expect(strict.violations).toEqual([
      expect.stringMatching(/checks\/update.*must NOT have additional properties/),
      expect.stringMatching(/path parameter "issue_number" is "undefined"/),
    ]);
    await expect(strict.close()).rejects.toThrow(/does not allow/);
  });
});

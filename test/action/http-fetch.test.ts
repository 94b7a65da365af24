import { afterEach, describe, expect, it } from "vitest";
import { httpFetch } from "../../src/action/http-fetch.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";

describe("httpFetch (the Action's fetch over node:http)", () => {
  let api: FakeGitHub | undefined;
  afterEach(async () => api?.close());

  it("sends method, headers and body, and reads status, headers and JSON back", async () => {
    api = await startFakeGitHub(
      [
        {
          method: "POST",
          path: "/repos/o/r/check-runs",
          status: 201,
          headers: { "x-ratelimit-remaining": "4999" },
          body: (req) => ({ got: req.body, auth: req.headers.authorization }),
        },
      ],
      { contract: false },
    );
    const res = await httpFetch(`${api.url}/repos/o/r/check-runs`, {
      method: "POST",
      headers: { authorization: "token t", "content-type": "application/json" },
      body: JSON.stringify({ name: "change-gate" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("X-RateLimit-Remaining")).toBe("4999");
    expect([...res.headers].map(([k]) => k)).toContain("content-type");
    expect(await res.json()).toEqual({ got: { name: "change-gate" }, auth: "token t" });
  });

  it("follows a moved repository's redirect, as fetch does", async () => {
    api = await startFakeGitHub(
      [
        {
          method: "GET",
          path: "/repos/old/r",
          status: 301,
          headers: { location: "/repositories/42" },
          body: {},
        },
        { method: "GET", path: "/repositories/42", body: { id: 42 } },
      ],
      { contract: false },
    );
    const res = await httpFetch(`${api.url}/repos/old/r`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${api.url}/repositories/42`);
    expect(await res.json()).toEqual({ id: 42 });
  });

  it("a connection failure rejects like fetch (TypeError with the cause)", async () => {
    api = await startFakeGitHub([], { contract: false });
    const url = api.url;
    await api.close();
    api = undefined;
    await expect(httpFetch(`${url}/x`)).rejects.toMatchObject({
      name: "TypeError",
      cause: { code: "ECONNREFUSED" },
    });
  });
});

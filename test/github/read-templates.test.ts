import { describe, expect, it } from "vitest";
import { readPrTemplates } from "../../src/github/read-templates.js";
import { client, contents, github, isolateNetwork, REPO, ref } from "./helpers.js";

isolateNetwork();

const tree = (entries: [string, "blob" | "tree"][]) => ({
  sha: "t",
  url: "u",
  truncated: false,
  tree: entries.map(([path, type]) => ({ path, type, mode: "100644", sha: "s" })),
});
const listing = (folder: string, entries: [string, "file" | "dir"][]) =>
  entries.map(([name, type]) => ({ name, path: `${folder}/${name}`, type, sha: "s", size: 1 }));

describe("readPrTemplates", () => {
  it("finds templates at the root, in .github and in docs, reading only files the listings show", async () => {
    const api = github()
      .on(
        "GET",
        `${REPO}/git/trees/HEAD`,
        200,
        tree([
          ["pull_request_template.md", "blob"],
          ["docs", "tree"],
          ["src", "tree"],
        ]),
      )
      .on(
        "GET",
        `${REPO}/contents/.github`,
        200,
        listing(".github", [
          ["pull_request_template.md", "file"],
          ["workflows", "dir"],
        ]),
      )
      .on(
        "GET",
        `${REPO}/contents/docs`,
        200,
        listing("docs", [
          ["PULL_REQUEST_TEMPLATE.md", "file"],
          ["guide.md", "file"],
        ]),
      )
      .on("GET", contents(REPO, ".github/pull_request_template.md"), 200, "from .github")
      .on("GET", contents(REPO, "pull_request_template.md"), 200, "from the root")
      .on("GET", contents(REPO, "docs/PULL_REQUEST_TEMPLATE.md"), 200, "from docs");
    const texts = await readPrTemplates(await client(), ref);
    // GitHub's order of precedence: .github first, then the root, then docs.
    expect(texts).toEqual(["from .github", "from the root", "from docs"]);
    expect(api.calls).toHaveLength(6);
  });

  it("reads every .md of .github/PULL_REQUEST_TEMPLATE/, sorted by name, and nothing else there", async () => {
    const api = github()
      .on("GET", `${REPO}/git/trees/HEAD`, 200, tree([["README.md", "blob"]]))
      .on("GET", `${REPO}/contents/.github`, 200, listing(".github", [["PULL_REQUEST_TEMPLATE", "dir"]]))
      .on(
        "GET",
        contents(REPO, ".github/PULL_REQUEST_TEMPLATE"),
        200,
        listing(".github/PULL_REQUEST_TEMPLATE", [
          ["release.md", "file"],
          ["bugfix.md", "file"],
          ["notes.txt", "file"],
          ["old", "dir"],
        ]),
      )
      .on("GET", contents(REPO, ".github/PULL_REQUEST_TEMPLATE/bugfix.md"), 200, "bugfix")
      .on("GET", contents(REPO, ".github/PULL_REQUEST_TEMPLATE/release.md"), 200, "release");
    expect(await readPrTemplates(await client(), ref)).toEqual(["bugfix", "release"]);
    expect(api.requests().filter((r) => r.includes("notes.txt") || r.includes("/old"))).toEqual([]);
  });

  it("a repo without templates costs two listings and finds none (an empty repo's 409 included)", async () => {
    const api = github()
      .on("GET", `${REPO}/git/trees/HEAD`, 409, { message: "Git Repository is empty." })
      .on("GET", `${REPO}/contents/.github`, 404, { message: "Not Found" });
    expect(await readPrTemplates(await client(), ref)).toEqual([]);
    expect(api.requests().sort()).toEqual([`GET ${REPO}/contents/.github`, `GET ${REPO}/git/trees/HEAD`]);
  });

  it("a 500 on a listing throws rather than pretending there is no template", async () => {
    github()
      .on("GET", `${REPO}/git/trees/HEAD`, 200, tree([]))
      .on("GET", `${REPO}/contents/.github`, 500, { message: "Server Error" });
    await expect(readPrTemplates(await client(), ref)).rejects.toMatchObject({ status: 500 });
  });
});

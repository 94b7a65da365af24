import { describe, expect, it } from "vitest";
import { readRepoConfig } from "../../src/github/read-config.js";
import { client, contents, github, isolateNetwork, REPO, ref } from "./helpers.js";

isolateNetwork();

const CONFIG = ".github/change-gate.yml";
const ORG_BASE = [
  "timezone: Europe/Berlin",
  "windows:",
  '  - { days: Mon-Thu, start: "09:00", end: "16:00" }',
  '  - { days: Fri, start: "09:00", end: "12:00" }',
  "merge:",
  "  enforce_windows: true",
  "risk:",
  "  missing_rollback: medium",
  "  labels:",
  '    low: "risk/low"',
  '    medium: "risk/medium"',
  '    high: "risk/high"',
  "",
].join("\n");

function okConfig(result: Awaited<ReturnType<typeof readRepoConfig>>) {
  if (!result.ok) throw new Error(`expected a valid config, got ${JSON.stringify(result.errors)}`);
  return result.config;
}

describe("readRepoConfig with _extends", () => {
  it('"_extends: .github" reads the org\'s .github repo; the repo wins key by key and replaces arrays', async () => {
    const api = github()
      .on(
        "GET",
        contents(REPO, CONFIG),
        200,
        [
          "_extends: .github",
          "windows:",
          '  - { days: Tue, start: "10:00", end: "11:00" }',
          "risk:",
          "  labels:",
          '    high: "risk/HIGH"',
          "",
        ].join("\n"),
      )
      .on("GET", contents("/repos/octo-org/.github", CONFIG), 200, ORG_BASE);
    const config = okConfig(await readRepoConfig(await client(), ref));
    expect(api.requests()).toEqual([
      `GET ${REPO}/contents/${CONFIG}`,
      `GET /repos/octo-org/.github/contents/${CONFIG}`,
    ]);
    expect(config.timezone).toBe("Europe/Berlin");
    expect(config.merge.enforce_windows).toBe(true);
    // The repo's one window replaces the org's two, it is not appended to them.
    expect(config.windows).toEqual([{ days: "Tue", start: "10:00", end: "11:00" }]);
    // Nested mappings merge: the org's low label and missing_rollback stay, the repo's high label wins.
    expect(config.risk.missing_rollback).toBe("medium");
    expect(config.risk.labels).toEqual({ low: "risk/low", medium: "risk/medium", high: "risk/HIGH" });
  });

  it('"_extends: owner/repo" reads the same path in that repository', async () => {
    const api = github()
      .on("GET", contents(REPO, CONFIG), 200, "_extends: platform/policies\n")
      .on("GET", contents("/repos/platform/policies", CONFIG), 200, ORG_BASE);
    const config = okConfig(await readRepoConfig(await client(), ref));
    expect(api.requests()[1]).toBe(`GET /repos/platform/policies/contents/${CONFIG}`);
    expect(config.timezone).toBe("Europe/Berlin");
  });

  it('"_extends: owner/repo:path" reads that file', async () => {
    const api = github()
      .on("GET", contents(REPO, CONFIG), 200, "_extends: platform/policies:gates/api.yml\ntimezone: UTC\n")
      .on("GET", contents("/repos/platform/policies", "gates/api.yml"), 200, ORG_BASE);
    const config = okConfig(await readRepoConfig(await client(), ref));
    expect(api.requests()[1]).toBe("GET /repos/platform/policies/contents/gates/api.yml");
    expect(config.timezone).toBe("UTC");
    expect(config.windows).toHaveLength(2);
  });

  it("a base that does not exist is an error positioned at the _extends value", async () => {
    github()
      .on("GET", contents(REPO, CONFIG), 200, "timezone: UTC\n_extends: platform/gone\n")
      .on("GET", contents("/repos/platform/gone", CONFIG), 404, { message: "Not Found" });
    const result = await readRepoConfig(await client(), ref);
    expect(result).toMatchObject({
      ok: false,
      file: CONFIG,
      errors: [
        {
          file: CONFIG,
          line: 2,
          column: 11,
          key: "_extends",
          message: `platform/gone:${CONFIG} was not found`,
        },
      ],
    });
  });

  it("a repository without a config file gets the documented defaults", async () => {
    const api = github().on("GET", contents(REPO, CONFIG), 404, { message: "Not Found" });
    const result = await readRepoConfig(await client(), ref);
    expect(result).toMatchObject({ ok: true, source: "default", file: CONFIG });
    expect(okConfig(result).windows).toEqual([]);
    expect(api.calls).toHaveLength(1);
  });

  it("a 500 from GitHub throws (so the check fails closed) instead of falling back to defaults", async () => {
    github().on("GET", contents(REPO, CONFIG), 500, { message: "Server Error" });
    await expect(readRepoConfig(await client(), ref)).rejects.toMatchObject({ status: 500 });
  });

  it("a 500 while reading the base throws too", async () => {
    github()
      .on("GET", contents(REPO, CONFIG), 200, "_extends: .github\n")
      .on("GET", contents("/repos/octo-org/.github", CONFIG), 500, { message: "Server Error" });
    await expect(readRepoConfig(await client(), ref)).rejects.toMatchObject({ status: 500 });
  });
});

describe("readRepoConfig when the contents API answers JSON instead of the raw file (issue 14.14)", () => {
  const entry = (text: string) => ({
    type: "file",
    encoding: "base64",
    size: text.length,
    name: "change-gate.yml",
    path: CONFIG,
    content: Buffer.from(text)
      .toString("base64")
      .replace(/(.{60})/g, "$1\n"),
    sha: "3d21ec53a331a6f037a91c368710b99387d012c1",
  });

  it("a `type: file` entry (raw media type ignored by a proxy or GHES) is decoded and used", async () => {
    github().on("GET", contents(REPO, CONFIG), 200, entry(ORG_BASE));
    const result = await readRepoConfig(await client(), ref);
    expect(result).toMatchObject({ ok: true, source: "file" });
    expect(okConfig(result).timezone).toBe("Europe/Berlin");
    expect(okConfig(result).windows).toHaveLength(2);
  });

  it("bytes sent as application/octet-stream are read as the file", async () => {
    github().on("GET", contents(REPO, CONFIG), 200, Buffer.from(ORG_BASE), {
      "content-type": "application/octet-stream",
    });
    expect(okConfig(await readRepoConfig(await client(), ref)).timezone).toBe("Europe/Berlin");
  });

  it("a directory at the config path is a config error, not the defaults", async () => {
    github().on("GET", contents(REPO, CONFIG), 200, [
      {
        type: "file",
        name: "a.yml",
        path: `${CONFIG}/a.yml`,
        sha: "3d21ec53a331a6f037a91c368710b99387d012c1",
      },
    ]);
    expect(await readRepoConfig(await client(), ref)).toEqual({
      ok: false,
      file: CONFIG,
      source: "file",
      errors: [
        {
          file: CONFIG,
          line: 1,
          column: 1,
          key: "",
          message: `octo-org/api:${CONFIG} is a directory, not a file; point the setting at a file`,
        },
      ],
    });
  });

  it.each([
    [{ type: "symlink", target: "elsewhere.yml" }, "with a symlink, not the file"],
    [{ message: "ok" }, "with an answer that is not a file's contents, not the file"],
    [{ ...entry(""), encoding: "none", content: "" }, 'without its content (encoding "none"'],
  ])("%o is a config error, not the defaults", async (answer, message) => {
    github().on("GET", contents(REPO, CONFIG), 200, answer);
    const result = await readRepoConfig(await client(), ref);
    expect(result).toMatchObject({ ok: false, source: "file" });
    expect(result.ok ? "" : result.errors[0]?.message).toContain(message);
  });

  it("an `_extends` base answered with a directory is an error at the _extends value", async () => {
    github()
      .on("GET", contents(REPO, CONFIG), 200, "_extends: .github\n")
      .on("GET", contents("/repos/octo-org/.github", CONFIG), 200, []);
    expect(await readRepoConfig(await client(), ref)).toMatchObject({
      ok: false,
      errors: [
        {
          line: 1,
          column: 11,
          key: "_extends",
          message: `octo-org/.github:${CONFIG} is a directory, not a file; point the setting at a file`,
        },
      ],
    });
  });
});

// A GitHub client for the adapters, pointed at nock, and a log of every request that reached nock.
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach } from "vitest";
import type { GitHub } from "../../src/github/types.js";

export const API = "https://api.github.com";
export const ref = { owner: "octo-org", repo: "api" };
export const REPO = `/repos/${ref.owner}/${ref.repo}`;

const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export async function client(): Promise<GitHub> {
  const probot = new Probot({ githubToken: "test", Octokit: TestOctokit, logLevel: "fatal" });
  return (await probot.auth()) as unknown as GitHub;
}

export interface Call {
  method: string;
  path: string;
  body: any;
}

/** nock for api.github.com that records each answered request as `METHOD /path?query` plus its body. */
export function github() {
  const calls: Call[] = [];
  const scope = nock(API);
  const on = (
    method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
    path: string | RegExp,
    status: number,
    data?: unknown,
    headers?: Record<string, string>,
    times = 1,
  ) => {
    scope
      .intercept(path, method)
      .times(times)
      .reply((uri, body) => {
        calls.push({ method, path: uri, body: typeof body === "string" && body ? JSON.parse(body) : body });
        return [status, data as any, headers];
      });
    return api;
  };
  const api = {
    calls,
    on,
    /** `METHOD /path` without the query, in order. */
    requests: () => calls.map((c) => `${c.method} ${decodeURIComponent(c.path.split("?")[0]!)}`),
    writes: () => calls.filter((c) => c.method !== "GET"),
  };
  return api;
}

/** Every test file here talks only to nock. */
export function isolateNetwork(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

/** A contents path as a regex that accepts `/` sent raw or as %2F. */
export function contents(repoPath: string, file: string): RegExp {
  const escaped = file
    .split("/")
    .map((p) => p.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("(?:/|%2F)");
  return new RegExp(`^${repoPath.replace(/[.]/g, "\\.")}/contents/${escaped}(?:\\?.*)?$`);
}

import { createRequire } from "node:module";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import nock from "nock";
import { afterEach, beforeAll, expect } from "vitest";
import { type Config, type ConfigInput, configSchema } from "../../src/core/config/schema.js";
import type { GitHub } from "../../src/github/types.js";

export const API = "https://api.github.com";
export const REF = { owner: "Codertocat", repo: "Hello-World" };
/** REF's REST path, and where its collaborators' permissions are read. */
export const REPO = "/repos/Codertocat/Hello-World";
export const PERMISSION = (login: string) => `${REPO}/collaborators/${login}/permission`;
export const NOW = new Date("2026-11-24T09:00:00.000Z");

/** Every request the client made: "METHOD path?query" and the JSON body. */
export interface Call {
  line: string;
  body: unknown;
}

const TestOctokit = Octokit.plugin(restEndpointMethods, paginateRest);

export function client(): { gh: GitHub; calls: Call[] } {
  const calls: Call[] = [];
  const gh = new TestOctokit({ auth: "t", request: { retries: 0 } }) as unknown as GitHub;
  gh.hook.before("request", (options) => {
    const { method, url, body } = gh.request.endpoint(options);
    calls.push({ line: `${method} ${url.replace(API, "")}`, body });
  });
  return { gh, calls };
}

export function config(input: ConfigInput = {}): Config {
  return configSchema.parse({ timezone: "Europe/Berlin", ...input });
}

interface IssueCommentExample {
  action: string;
  comment: {
    id: number;
    node_id: string;
    body: string;
    html_url: string;
    user: { login: string; type: string };
  };
  issue: { number: number; node_id: string; locked?: boolean; pull_request?: unknown };
  repository: { name: string; owner: { login: string } };
}

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: IssueCommentExample[];
}[];

/** A real `issue_comment` payload from @octokit/webhooks-examples (Codertocat/Hello-World#1), with another body. */
export function commentPayload(
  body: string,
  opts: { action?: string; login?: string; type?: string; pullRequest?: boolean; locked?: boolean } = {},
): IssueCommentExample {
  const action = opts.action ?? "created";
  const found = examples.find((e) => e.name === "issue_comment")!.examples.find((e) => e.action === action)!;
  const payload = structuredClone(found);
  payload.comment.body = body;
  if (opts.login) payload.comment.user.login = opts.login;
  if (opts.type) payload.comment.user.type = opts.type;
  if (opts.pullRequest) payload.issue.pull_request = { url: `${API}/repos/Codertocat/Hello-World/pulls/1` };
  if (opts.locked !== undefined) payload.issue.locked = opts.locked;
  return payload;
}

/** The runCommand event for a payload, as the App and the Action build it. */
export function eventOf(payload: IssueCommentExample, cfg: Config = config(), now = NOW) {
  return {
    ref: { owner: payload.repository.owner.login, repo: payload.repository.name },
    config: cfg,
    now,
    action: payload.action,
    comment: payload.comment,
    issue: {
      number: payload.issue.number,
      is_pull_request: Boolean(payload.issue.pull_request),
      locked: payload.issue.locked ?? false,
    },
  };
}

/** A ledger issue as the REST list returns it. */
export function ledgerIssue(number: number, block: string | null, extra: Record<string, unknown> = {}) {
  return {
    number,
    html_url: `https://github.com/Codertocat/Hello-World/issues/${number}`,
    created_at: "2026-11-20T08:00:00Z",
    labels: [{ name: "change-freeze" }],
    body: block === null ? "A freeze, but someone deleted the block." : `Frozen.\n\n${block}`,
    ...extra,
  };
}

export function block(record: Record<string, unknown>): string {
  return `<!-- change-gate:freeze ${JSON.stringify({ v: 1, ...record })} -->`;
}

export const LIST_LEDGER =
  "/repos/Codertocat/Hello-World/issues?labels=change-freeze&state=open&sort=created&direction=asc&per_page=100";
export const LIST_ORG_LEDGER =
  "/repos/Codertocat/.github/issues?labels=change-freeze&state=open&sort=created&direction=asc&per_page=100";

/** As `eventOf`, with the issue's node id as well (the App and the Action pass both): closing feedback via GraphQL. */
export function eventWithNodeIds(payload: IssueCommentExample, cfg: Config = config(), now = NOW) {
  const event = eventOf(payload, cfg, now);
  return { ...event, issue: { ...event.issue, node_id: payload.issue.node_id } };
}

/** What the closing-feedback mutation asked for. */
export interface Feedback {
  variables: { issue: string; comment: string; body: string; reaction: string };
}

/**
 * Answers the closing-feedback GraphQL mutation (reply + reaction + eyes removed) as GitHub does; the fields in `fail`
 * come back null with an error each, as GitHub reports, e.g., a locked issue on `reply`.
 */
export function graphqlFeedback(fail: ("reply" | "reaction")[] = []): Feedback {
  const seen: Feedback = { variables: { issue: "", comment: "", body: "", reaction: "" } };
  nock(API)
    .post("/graphql")
    .reply(200, (_uri, body) => {
      seen.variables = (body as Feedback).variables;
      const data = {
        reply: fail.includes("reply") ? null : { commentEdge: { node: { id: "IC_reply" } } },
        reaction: fail.includes("reaction") ? null : { reaction: { content: seen.variables.reaction } },
        working: { reaction: { content: "EYES" } },
      };
      const errors = fail.map((field) => ({
        type: "UNPROCESSABLE",
        path: [field],
        message: `${field} failed`,
      }));
      return errors.length ? { data, errors } : { data };
    });
  return seen;
}

/** Answers one comment posted on `path` (an issue's comments) and keeps its text. */
export function postedComment(path: string): { body: string } {
  const seen = { body: "" };
  nock(API)
    .post(path, (b) => {
      seen.body = b.body;
      return true;
    })
    .reply(201, {});
  return seen;
}

/** No real network, and every mock a test registers must be used: call once at the top of a test file. */
export function expectEveryMockUsed(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
}

// GitHub as the parity rows describe it: one repository per row (acme/parity-<n>), so one App process and one fake
// API serve every row at once without one row's cached config or ledger leaking into another.
import { overrideRecordBody } from "../../src/github/freeze-ledger/override.js";
import { ledgerIssue } from "../action/ledger.js";
import type { Route } from "../support/fake-github.js";
import { AT, type Row, TEMPLATE } from "./scenarios.js";

export const OWNER = "acme";
export const PR = 7;
export const RUN_ID = 5460123987;
const ADMIN = "alice";

export const repoOf = (i: number) => `parity-${i}`;
/** The PR head (and deployed merge commit) of row i. */
export const shaOf = (i: number) => `${"c0ffee".repeat(6)}${i.toString(16).padStart(4, "0")}`;
export const groupShaOf = (i: number) => `${"9a".repeat(18)}${i.toString(16).padStart(4, "0")}`;
export const groupRef = (i: number) => `refs/heads/gh-readonly-queue/main/pr-${PR}-${shaOf(i)}`;

/** The PR as the REST API and webhooks send it (fields change-gate reads). */
export function pullOf(row: Row, i: number) {
  const files = row.files ?? ["src/app.ts"];
  const login = row.author ?? "octocat";
  return {
    number: PR,
    state: "open",
    title: row.name,
    body: row.body,
    draft: row.draft ?? false,
    user: { login, id: 583231, type: login.endsWith("[bot]") ? "Bot" : "User" },
    labels: [...(row.labels ?? []), ...(row.override === "label" ? ["emergency"] : [])].map((name, n) => ({
      id: n + 1,
      name,
      color: "ededed",
    })),
    head: { sha: shaOf(i), ref: "feature" },
    base: { ref: "main" },
    additions: 10 * files.length,
    deletions: 2,
    changed_files: files.length,
    merge_commit_sha: shaOf(i),
    merged_at: row.gate === "deploy" ? "2026-12-24T08:00:00Z" : null,
    created_at: "2026-12-20T08:00:00Z",
    updated_at: "2026-12-24T08:00:00Z",
  };
}

function comments(row: Row, i: number) {
  if (row.override !== "command") return [];
  const at = "2026-12-25T09:00:00Z";
  // The command as a person typed it, then the record change-gate wrote (citing it) after checking the person's
  // authority and auditing the approval: the App counts its own records, the Action the audited command.
  const command = { id: 1, user: { login: ADMIN, type: "User" }, body: "/override hotfix for the outage" };
  const source = `https://github.com/${OWNER}/${repoOf(i)}/pull/${PR}#issuecomment-1`;
  const record = {
    id: 2,
    user: { login: "change-gate[bot]", type: "Bot" },
    performed_via_github_app: { id: 1, slug: "change-gate" },
    body: overrideRecordBody(
      PR,
      { by: ADMIN, reason: "hotfix for the outage", sourceUrl: source },
      new Date(at),
      "Override approved by @alice",
    ),
  };
  return [command, record].map((c) => ({ ...c, created_at: at, updated_at: at }));
}

const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };

/** Routes answering for every row; `rows[i]` lives in acme/parity-<i>. */
export function parityRoutes(rows: readonly Row[]): Route[] {
  const repo = (path: string) => {
    const m = new RegExp(`^/repos/${OWNER}/parity-(\\d+)/`).exec(path);
    const i = m ? Number(m[1]) : -1;
    const row = rows[i];
    if (!row) throw new Error(`no parity row for ${path}`);
    return { row, i };
  };
  const R = `^/repos/${OWNER}/parity-\\d+`;
  const route = (method: string, tail: string, body: Route["body"], extra: Partial<Route> = {}): Route => ({
    method,
    path: new RegExp(`${R}${tail}$`),
    body,
    // GitHub's clock agrees with the instant the rows are decided at (the App trusts GitHub's Date header).
    headers: { date: new Date(AT).toUTCString(), ...extra.headers },
    ...(extra.status ? { status: extra.status } : {}),
  });
  return [
    {
      method: "POST",
      path: /^\/app\/installations\/\d+\/access_tokens$/,
      status: 201,
      body: { token: "ghs_parity", expires_at: "2099-01-01T00:00:00Z" },
    },
    route("GET", "/contents/\\.github/change-gate\\.yml", (req) => repo(req.path).row.config, {
      headers: RAW,
    }),
    route("GET", "/contents/\\.github", [
      { name: "pull_request_template.md", path: ".github/pull_request_template.md", type: "file" },
    ]),
    route("GET", "/contents/\\.github/pull_request_template\\.md", TEMPLATE, { headers: RAW }),
    route("GET", "/issues", (req) =>
      repo(req.path).row.ledgerFreeze
        ? [ledgerIssue(3, { from: "2026-12-24T06:00:00Z", until: null, reason: "incident" })]
        : [],
    ),
    { method: "GET", path: new RegExp(`^/repos/${OWNER}/\\.github/issues$`), body: [] },
    route("GET", `/pulls/${PR}/files`, (req) =>
      (repo(req.path).row.files ?? ["src/app.ts"]).map((filename) => ({
        sha: "0".repeat(40),
        filename,
        status: "modified",
        additions: 10,
        deletions: 2,
        changes: 12,
      })),
    ),
    route("GET", `/pulls/${PR}`, (req) => {
      const { row, i } = repo(req.path);
      return pullOf(row, i);
    }),
    route("GET", "/commits/[0-9a-f]{40}/pulls", (req) => {
      const { row, i } = repo(req.path);
      return [pullOf(row, i)];
    }),
    route("GET", `/issues/${PR}/comments`, (req) => {
      const { row, i } = repo(req.path);
      return comments(row, i);
    }),
    route("GET", `/issues/${PR}/events`, (req) =>
      repo(req.path).row.override === "label"
        ? [{ id: 1, event: "labeled", actor: { login: ADMIN, type: "User" }, label: { name: "emergency" } }]
        : [],
    ),
    route("GET", "/collaborators/[^/]+/permission", (req) => ({
      permission: "admin",
      role_name: "admin",
      user: { login: /collaborators\/([^/]+)\//.exec(req.path)![1] },
    })),
    route("GET", "/commits/[0-9a-f]{40}/check-runs", { total_count: 0, check_runs: [] }),
    route("POST", "/check-runs", (req) => ({ id: 4242, ...(req.body as object) }), { status: 201 }),
    route("POST", `/issues/${PR}/labels`, (req) =>
      (req.body as { labels: string[] }).labels.map((name) => ({
        name,
        color: "ededed",
        description: "risk",
      })),
    ),
    route("DELETE", `/issues/${PR}/labels/[^/]+`, []),
    route("POST", "/actions/runs/\\d+/deployment_protection_rule", null, { status: 204 }),
  ];
}

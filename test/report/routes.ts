// Fake GitHub answers for `recent` and `report`, shaped as the REST API sends them (fields change-gate reads).
import type { Route } from "../support/fake-github.js";

export const OWNER = "acme";
export const REPO_NAME = "shop";

export function base(prefix = ""): string {
  return `${prefix}/repos/${OWNER}/${REPO_NAME}`;
}

export const CONFIG = `timezone: UTC
windows:
  - { days: Mon-Fri, start: "09:00", end: "17:00" }
`;

export function user(login: string, type: "User" | "Bot" = "User") {
  return { login, id: login.length, type, html_url: `https://github.com/${login}` };
}

export function deployment(id: number, sha: string, createdAt: string, environment = "production") {
  return {
    url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}/deployments/${id}`,
    id,
    node_id: `DE_${id}`,
    sha,
    ref: "main",
    task: "deploy",
    payload: {},
    original_environment: environment,
    environment,
    description: null,
    creator: user("github-actions[bot]", "Bot"),
    created_at: createdAt,
    updated_at: createdAt,
    statuses_url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}/deployments/${id}/statuses`,
    repository_url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}`,
    transient_environment: false,
    production_environment: environment === "production",
  };
}

export function status(id: number, state: string, createdAt: string) {
  return {
    id,
    state,
    description: "",
    environment: "production",
    creator: user("github-actions[bot]", "Bot"),
    created_at: createdAt,
    updated_at: createdAt,
  };
}

export function pull(
  number: number,
  o: {
    body: string;
    title?: string;
    mergedAt?: string | null;
    sha?: string;
    labels?: string[];
    updatedAt?: string;
  },
) {
  return {
    number,
    title: o.title ?? `Change ${number}`,
    html_url: `https://github.com/${OWNER}/${REPO_NAME}/pull/${number}`,
    state: "closed",
    user: user("octocat"),
    body: o.body,
    labels: (o.labels ?? []).map((name, i) => ({ id: i, name, color: "ededed" })),
    created_at: "2026-11-01T08:00:00Z",
    updated_at: o.updatedAt ?? o.mergedAt ?? "2026-11-20T10:00:00Z",
    closed_at: o.mergedAt ?? null,
    merged_at: o.mergedAt ?? null,
    merge_commit_sha: o.sha ?? null,
  };
}

/** A person's `/override <reason>` comment on a PR. */
export function overrideCommand(id: number, pr: number, by: string, reason: string, at: string) {
  return {
    id,
    issue_url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}/issues/${pr}`,
    html_url: `https://github.com/${OWNER}/${REPO_NAME}/pull/${pr}#issuecomment-${id}`,
    user: user(by),
    body: `/override ${reason}`,
    created_at: at,
    updated_at: at,
  };
}

/**
 * A comment in which change-gate (a bot) recorded an override, as `recordOverride` writes it; `source` is the id of
 * the `/override` comment it answers.
 */
export function overrideComment(
  id: number,
  pr: number,
  by: string,
  reason: string,
  at: string,
  source: number | null,
  writer = user("change-gate[bot]", "Bot"),
) {
  const record = {
    v: 1,
    pr,
    by,
    reason,
    at,
    source:
      source === null ? null : `https://github.com/${OWNER}/${REPO_NAME}/pull/${pr}#issuecomment-${source}`,
  };
  return {
    id,
    issue_url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}/issues/${pr}`,
    html_url: `https://github.com/${OWNER}/${REPO_NAME}/pull/${pr}#issuecomment-${id}`,
    user: writer,
    body: `Override approved by @${by}: ${reason}\n\n<!-- change-gate:override ${JSON.stringify(record)} -->`,
    created_at: at,
    updated_at: at,
  };
}

/** `GET …/collaborators/{login}/permission`: what the approver may do now. */
export function permissionRoute(login: string, permission: "admin" | "write" | "read") {
  return {
    method: "GET",
    path: `${base()}/collaborators/${login}/permission`,
    body: { permission, role_name: permission, user: user(login) },
  };
}

export const configRoute = (prefix = ""): Route => ({
  method: "GET",
  path: `${base(prefix)}/contents/.github/change-gate.yml`,
  body: CONFIG,
  headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
});

import { existsSync, readFileSync } from "node:fs";
import type { RepoRef } from "../github/types.js";
import { InputError, type Mode } from "./inputs.js";

export interface WorkflowEvent {
  name: string;
  payload: Record<string, unknown>;
  /** `GITHUB_RUN_ATTEMPT`: above 1, the job is a re-run of the same event. */
  attempt?: number;
}

/** The events each mode can handle; the first mode listing an event is the one inferred for it. */
export const MODE_EVENTS: Record<Mode, readonly string[]> = {
  pr: ["pull_request", "pull_request_target", "merge_group"],
  command: ["issue_comment"],
  sweep: ["schedule", "workflow_dispatch", "repository_dispatch", "issues"],
  deploy: [
    "push",
    "workflow_dispatch",
    "release",
    "deployment",
    "deployment_status",
    "schedule",
    "repository_dispatch",
  ],
};

/** Which mode an event implies when `mode` is empty. */
const INFERRED: Record<string, Mode> = {
  pull_request: "pr",
  pull_request_target: "pr",
  merge_group: "pr",
  issue_comment: "command",
  schedule: "sweep",
  push: "deploy",
  workflow_dispatch: "deploy",
  release: "deploy",
  deployment: "deploy",
  issues: "sweep",
};

export function resolveMode(mode: Mode | null, eventName: string): Mode {
  if (mode === null) {
    const inferred = INFERRED[eventName];
    if (inferred) return inferred;
    const known = Object.entries(INFERRED)
      .map(([event, m]) => `${event} (${m})`)
      .join(", ");
    throw new InputError(
      `change-gate cannot infer a mode for the "${eventName}" event; it runs on ${known} — or set the mode input`,
    );
  }
  if (!MODE_EVENTS[mode].includes(eventName))
    throw new InputError(
      `mode ${mode} cannot handle the "${eventName}" event; supported events: ${MODE_EVENTS[mode].join(", ")}`,
    );
  return mode;
}

export function readEvent(env: NodeJS.ProcessEnv): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME;
  if (!name)
    throw new InputError("GITHUB_EVENT_NAME is not set: change-gate runs as a step of a GitHub Actions job");
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? 1) || 1;
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return { name, payload: {}, attempt };
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`the event payload in GITHUB_EVENT_PATH is not JSON: ${(error as Error).message}`);
  }
  return {
    name,
    payload: typeof payload === "object" && payload !== null ? (payload as WorkflowEvent["payload"]) : {},
    attempt,
  };
}

export function readRepo(env: NodeJS.ProcessEnv, payload: WorkflowEvent["payload"]): RepoRef {
  const full = env.GITHUB_REPOSITORY ?? (payload.repository as { full_name?: string } | undefined)?.full_name;
  const [owner, repo, extra] = (full ?? "").split("/");
  if (!owner || !repo || extra !== undefined)
    throw new InputError(`GITHUB_REPOSITORY is "${full ?? ""}"; expected owner/repo`);
  return { owner, repo };
}

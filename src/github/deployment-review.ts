import type { GitHub, RepoRef } from "./types.js";

/**
 * Answers to a custom deployment protection rule. GitHub takes both the review (`state` set) and a status report
 * (`state` omitted; at most 10 per deployment, ≤ 1024 characters of Markdown) at the run's
 * `deployment_callback_url`, i.e. `POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`.
 */
export interface DeploymentReview {
  /** `deployment_callback_url` exactly as the webhook sent it (or built by `deploymentCallbackUrl`). */
  callbackUrl: string;
  environment: string;
  comment: string;
}

/**
 * - `done`: GitHub accepted it.
 * - `already-done`: GitHub says there is nothing of ours waiting (already reviewed, by us or another replica, or
 *   the run is gone) — for an approval that is success, never a reason to retry.
 * - `failed`: a server error that outlived the retries, or a 4xx that means we may not review (permissions). The
 *   deployment stays waiting: an error never approves.
 */
export type ReviewOutcome =
  | { outcome: "done" | "already-done"; status: number; attempts: number }
  | { outcome: "failed"; status: number | null; attempts: number; message: string };

export interface RetryOptions {
  /** Attempts for server errors (5xx, network); default 3. */
  attempts?: number;
  /** Waits between attempts; default real time. Injected so tests and the registry's clock drive it. */
  sleep?: (ms: number) => Promise<void>;
}

/** Statuses with which GitHub says there is no pending protection rule of ours to answer. */
const NOTHING_WAITING = new Set([404, 409, 422]);
const BACKOFF_MS = [1_000, 4_000, 15_000];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status > 0 ? status : null;
}

async function post(
  gh: GitHub,
  url: string,
  body: Record<string, string>,
  retry: RetryOptions,
): Promise<ReviewOutcome> {
  const attempts = Math.max(1, retry.attempts ?? 3);
  const sleep = retry.sleep ?? realSleep;
  let last: { status: number | null; message: string } = { status: null, message: "not attempted" };
  let made = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    made = attempt;
    try {
      // Our loop is the only retry: the Octokit retry plugin would multiply attempts behind our back.
      const res = await gh.request(`POST ${url}`, { ...body, request: { retries: 0 } });
      return { outcome: "done", status: res.status, attempts: attempt };
    } catch (error) {
      const status = statusOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (status !== null && NOTHING_WAITING.has(status))
        return { outcome: "already-done", status, attempts: attempt };
      last = { status, message };
      if (status !== null && status < 500) break;
      if (attempt < attempts) await sleep(BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!);
    }
  }
  return { outcome: "failed", status: last.status, attempts: made, message: last.message };
}

/** Approve or reject the deployment: one review per protection-rule request. */
export function reviewDeployment(
  gh: GitHub,
  review: DeploymentReview & { state: "approved" | "rejected" },
  retry: RetryOptions = {},
): Promise<ReviewOutcome> {
  const body = { environment_name: review.environment, state: review.state, comment: review.comment };
  return post(gh, review.callbackUrl, body, retry);
}

/** Post a status report (no decision) on a waiting deployment. GitHub keeps at most 10 per deployment. */
export function reportDeployment(
  gh: GitHub,
  report: DeploymentReview,
  retry: RetryOptions = {},
): Promise<ReviewOutcome> {
  const body = { environment_name: report.environment, comment: report.comment };
  return post(gh, report.callbackUrl, body, { attempts: 2, ...retry });
}

/** The callback URL GitHub sends in `deployment_callback_url`, for deployments found by a sweep. */
export function deploymentCallbackUrl(gh: GitHub, ref: RepoRef, runId: number): string {
  const base = String(gh.request.endpoint.DEFAULTS.baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const path = `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/actions/runs/${runId}`;
  return `${base}${path}/deployment_protection_rule`;
}

/** A workflow run waiting on deployment protection rules, and the environments it waits for. */
export interface WaitingRun {
  runId: number;
  sha: string;
  /** PR numbers GitHub links to the run (empty for pushes to the default branch). */
  pullRequests: number[];
  environments: string[];
}

/**
 * Runs with status `waiting` and their pending deployments. The pending-deployments response does not say which
 * rule an environment waits on, so every waiting environment is returned; answering one that is not ours gets a
 * 4xx, which the caller reads as "nothing of ours waiting". Requests: 1 per 100 runs + 1 per run.
 */
export async function listWaitingRuns(gh: GitHub, ref: RepoRef): Promise<WaitingRun[]> {
  const runs = await gh.paginate("GET /repos/{owner}/{repo}/actions/runs", {
    ...ref,
    status: "waiting",
    per_page: 100,
  });
  const out: WaitingRun[] = [];
  for (const run of runs) {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments", {
      ...ref,
      run_id: run.id,
    });
    const environments = data
      .map((d) => d.environment.name)
      .filter((n): n is string => typeof n === "string");
    if (environments.length === 0) continue;
    const pullRequests = (run.pull_requests ?? []).map((p) => p.number);
    out.push({ runId: run.id, sha: run.head_sha, pullRequests, environments });
  }
  return out;
}

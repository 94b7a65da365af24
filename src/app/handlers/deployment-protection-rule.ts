import type { Probot } from "probot";
import type { GitHub } from "../../github/types.js";
import type { DeploymentTarget, PullRequestLike } from "../deploy-evaluation.js";
import type { WaitingDeployments } from "../waiting-deployments.js";

/** The fields of a `deployment_protection_rule.requested` payload the gate reads. */
export interface ProtectionRulePayload {
  environment?: string;
  deployment_callback_url?: string;
  deployment?: { sha?: string; ref?: string; environment?: string } | null;
  pull_requests?: PullRequestLike[];
  repository: { name: string; owner: { login: string } };
}

const RUN_IN_URL = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/;

/**
 * The deployment a protection-rule request is about, or why it cannot be answered. Without a callback URL (and so a
 * run id) there is nowhere to send a review or a report; the request is logged and left to GitHub, which fails the
 * job after 30 days — never approved.
 */
export function targetFromPayload(
  payload: ProtectionRulePayload,
): { ok: true; target: DeploymentTarget } | { ok: false; why: string } {
  const environment = payload.environment ?? payload.deployment?.environment;
  if (!environment) return { ok: false, why: "no environment in the payload" };
  const callbackUrl = payload.deployment_callback_url;
  const runId = callbackUrl ? Number(RUN_IN_URL.exec(callbackUrl)?.[1] ?? Number.NaN) : Number.NaN;
  if (!callbackUrl || !Number.isSafeInteger(runId))
    return {
      ok: false,
      why: `no usable deployment_callback_url (${callbackUrl ?? "missing"}), so no run to answer`,
    };
  const sha = payload.deployment?.sha;
  if (!sha) return { ok: false, why: "no deployment.sha in the payload" };
  return {
    ok: true,
    target: {
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
      runId,
      environment,
      sha,
      callbackUrl,
      pullRequests: payload.pull_requests ?? [],
    },
  };
}

/** `deployment_protection_rule.requested`: decide now, or hold the deployment until the gate opens. */
export function register(app: Probot, deps: { now: () => Date; waiting: WaitingDeployments }): void {
  app.on("deployment_protection_rule.requested", async (context) => {
    const received = deps.now();
    const found = targetFromPayload(context.payload as ProtectionRulePayload);
    if (!found.ok) {
      context.log.warn(`deployment_protection_rule: cannot answer: ${found.why}`);
      return;
    }
    const target = { ...found.target, installationId: context.payload.installation?.id };
    const outcome = await deps.waiting.request(context.octokit as unknown as GitHub, target);
    context.log.info(
      `deployment_protection_rule: ${target.owner}/${target.repo} run ${target.runId} → ${target.environment}: ${outcome} (${deps.now().getTime() - received.getTime()} ms)`,
    );
  });
}

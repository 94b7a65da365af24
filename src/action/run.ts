import { type Clock, systemClock } from "./clock.js";
import type { ActionContext, ModeHandler, ModeResult } from "./context.js";
import { readEvent, readRepo, resolveMode } from "./event.js";
import { createGitHub } from "./github-client.js";
import { InputError, type Mode, readInputs } from "./inputs.js";
import { setOutputs } from "./outputs.js";
import * as core from "./runner.js";

/** Each mode is its own chunk: a run loads only the code of the mode it runs. */
const MODES: Record<Mode, () => Promise<ModeHandler>> = {
  pr: async () => (await import("./mode-pr.js")).runPrMode,
  deploy: async () => (await import("./mode-deploy.js")).runDeployMode,
  command: async () => (await import("./mode-command.js")).runCommandMode,
  sweep: async () => (await import("./mode-sweep.js")).runSweepMode,
};

/** One Action step. `clock` is the system's in every real run (dist/action.js passes nothing). */
export async function run(env: NodeJS.ProcessEnv = process.env, clock: Clock = systemClock): Promise<void> {
  const inputs = readInputs(env);
  const event = readEvent(env);
  const mode = resolveMode(inputs.mode, event.name);
  if (!inputs.token)
    throw new InputError(`input token is empty; pass \`token: \${{ github.token }}\` or a PAT`);
  const log = { info: core.info, warning: core.warning };
  const ctx: ActionContext = {
    inputs,
    event,
    repo: readRepo(env, event.payload),
    sha: env.GITHUB_SHA || null,
    workspace: env.GITHUB_WORKSPACE || null,
    gh: await createGitHub(inputs.token, env, log, {
      fanOut: mode === "sweep" || mode === "command",
      sleep: (ms) => clock.sleep(ms),
      // Only a harness (dist/action-api.js) supplies another clock; waiting is then its business, not real time.
      virtualTime: clock !== systemClock,
    }),
    clock,
    log,
  };
  core.info(`change-gate: ${mode} mode on ${event.name} for ${ctx.repo.owner}/${ctx.repo.repo}`);
  const handler = await MODES[mode]();
  await report(await handler(ctx), inputs.failOn, env);
}

async function report(
  result: ModeResult,
  failOn: "failure" | "never",
  env: NodeJS.ProcessEnv,
): Promise<void> {
  setOutputs(result.outputs);
  if (!core.appendSummary(result.summary, env)) core.info(result.summary);
  if (result.warning) core.warning(result.warning);
  if (result.failure === null) return;
  if (failOn === "never" && !result.undecided)
    core.warning(`${result.failure} (not failing the job: fail-on is never)`);
  else core.setFailed(result.failure);
}

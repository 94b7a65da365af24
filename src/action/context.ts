import type { GitHub, RepoRef } from "../github/types.js";
import type { Clock } from "./clock.js";
import type { WorkflowEvent } from "./event.js";
import type { Inputs } from "./inputs.js";
import type { ActionOutputs } from "./outputs.js";

/** Everything a mode needs, passed in: no mode reads the environment or the global toolkit context. */
export interface ActionContext {
  inputs: Inputs;
  event: WorkflowEvent;
  repo: RepoRef;
  /** The commit the workflow runs on (GITHUB_SHA); null outside a runner. */
  sha: string | null;
  /** The job's checkout (GITHUB_WORKSPACE); config is read from it first. */
  workspace: string | null;
  gh: GitHub;
  clock: Clock;
  log: { info(message: string): void; warning(message: string): void };
}

/** What a mode decided; `run` writes the outputs and summary and applies `fail-on`. */
export interface ModeResult {
  outputs: ActionOutputs;
  /** Job summary Markdown. */
  summary: string;
  /** null = the step passes; otherwise why it fails (or only warns, with `fail-on: never`). */
  failure: string | null;
  /** The gate could not decide (invalid config): fail even with `fail-on: never`. */
  undecided?: boolean;
  /** Logged as a warning annotation when the step passes anyway (e.g. a missing permission). */
  warning?: string;
}

export type ModeHandler = (ctx: ActionContext) => Promise<ModeResult>;

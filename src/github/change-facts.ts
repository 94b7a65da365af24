import type { Config } from "../core/config/schema.js";
import {
  type ChangeFacts,
  type Override,
  pullRequestFacts,
  scheduleOnlyFacts,
} from "../core/policy/index.js";
import type { ChangedFile } from "../core/risk/index.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { type OverrideBatch, readActiveFreezes, readOverride } from "./freeze-ledger/index.js";
import { listPrFiles } from "./list-pr-files.js";
import type { GitHub, RepoRef } from "./types.js";

/**
 * The PR fields change-gate reads. A webhook's `pull_request`, `GET /pulls/{n}`, the items of `GET /pulls` and of
 * `GET /commits/{sha}/pulls` all fit; what one of them lacks (totals, the draft flag) is read or assumed here.
 */
export interface PullRequestSource {
  number: number;
  body?: string | null;
  draft?: boolean;
  user?: { login?: string; type?: string } | null;
  labels?: readonly { name?: string }[];
  base?: { ref?: string } | null;
  /** Totals GitHub sends with a single PR; they spare the file listing when no rule looks at paths. */
  additions?: number;
  deletions?: number;
  changed_files?: number;
}

export interface GatherOptions {
  config: Config;
  now: Date;
  /** The repo's PR template texts: as already read for this event or batch, or how to read them. */
  templates: readonly string[] | (() => Promise<readonly string[]>);
  /** The ledger as already read (or being read); absent = read it now. */
  ledger?: LedgerFreeze[] | Promise<LedgerFreeze[]>;
  environment?: string | null;
  mergeQueue?: boolean;
}

/**
 * The facts of one PR, read from GitHub for the App and the Action alike (the CLI has `src/cli/facts.ts`). Reads go
 * out together. The override is left null: whether it is worth reading is the caller's call (see
 * `readChangeOverride`), because it costs a comment listing and matters only when a schedule rule fails.
 */
export async function gatherPullRequestFacts(
  gh: GitHub,
  ref: RepoRef,
  pr: PullRequestSource,
  opts: GatherOptions,
): Promise<ChangeFacts> {
  const { config } = opts;
  const [templates, files, ledger] = await Promise.all([
    typeof opts.templates === "function" ? opts.templates() : opts.templates,
    needsFileList(config, pr) ? listPrFiles(gh, ref, pr.number) : totalsOf(pr),
    opts.ledger ?? readActiveFreezes(gh, ref, opts.now),
  ]);
  return {
    ...pullRequestFacts(pr, files),
    pullRequest: pr.number,
    body: pr.body ?? "",
    templates,
    baseBranch: pr.base?.ref ?? null,
    mergeQueue: opts.mergeQueue ?? false,
    environment: opts.environment ?? null,
    ledger,
    override: null,
  };
}

/**
 * The facts of a deployment: the PR its commit came from (body, templates, labels, files, author) with its override
 * approvals, or the schedule alone when no PR is known. The App's protection rule and the Action's deploy mode both
 * decide on exactly these.
 */
export async function gatherDeploymentFacts(
  gh: GitHub,
  ref: RepoRef,
  pr: PullRequestSource | null,
  opts: GatherOptions & { environment: string | null; appId?: number },
): Promise<ChangeFacts> {
  if (!pr) {
    const ledger = await (opts.ledger ?? readActiveFreezes(gh, ref, opts.now));
    return scheduleOnlyFacts({ environment: opts.environment, ledger });
  }
  const facts = await gatherPullRequestFacts(gh, ref, pr, opts);
  const override = await readChangeOverride(gh, ref, facts, opts.config, opts.now, { appId: opts.appId });
  return { ...facts, override };
}

/** Who may vouch for an override: the App passes its id (only its own records count); the Action passes none. */
export interface OverrideSource {
  appId?: number;
  /** Overrides of a fan-out page, read together (built with the same `appId`). */
  batch?: OverrideBatch;
}

/**
 * The one seam through which a PR's override approvals (`/override` and the override label) are read, for every
 * front door and batch: how approvals are recognised lives behind it, in `freeze-ledger/override.ts`.
 */
export function readChangeOverride(
  gh: GitHub,
  ref: RepoRef,
  facts: Pick<ChangeFacts, "pullRequest" | "labels">,
  config: Config,
  now: Date,
  source: OverrideSource = {},
): Promise<Override | null> {
  if (facts.pullRequest === null) return Promise.resolve(null);
  return source.batch
    ? source.batch.get(facts.pullRequest, facts.labels)
    : readOverride(gh, ref, facts.pullRequest, config, now, { labels: facts.labels, appId: source.appId });
}

const SIZE_RULE = (r: Config["risk"]["rules"][number]) =>
  r.lines_changed !== undefined || r.files_changed !== undefined;

/**
 * Whether the PR's file list must be read: path globs need it; sizes come with a single PR's totals, so sizes need
 * it only when the PR object carries none (list endpoints do not).
 */
function needsFileList(config: Config, pr: PullRequestSource): boolean {
  if (config.description.skip.paths.length > 0 || config.risk.rules.some((r) => r.paths !== undefined))
    return true;
  return config.risk.rules.some(SIZE_RULE) && totalsOf(pr) === null;
}

/**
 * The PR's totals as file facts: one entry per changed file, all lines on the first, so line and file counts match
 * GitHub's without listing the files. Null when the PR object carries no totals.
 */
function totalsOf(pr: PullRequestSource): ChangedFile[] | null {
  if (pr.changed_files === undefined || pr.additions === undefined || pr.deletions === undefined) return null;
  return Array.from({ length: pr.changed_files }, (_, i) => ({
    path: `(file ${i + 1} of ${pr.changed_files})`,
    additions: i === 0 ? pr.additions! : 0,
    deletions: i === 0 ? pr.deletions! : 0,
  }));
}

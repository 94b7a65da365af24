import type { Config } from "../config/schema.js";
import { readTemplates } from "../description/index.js";
import type { LedgerFreeze } from "../schedule/index.js";
import { type CheckReport, evaluateChange, type Override } from "./evaluate-change.js";
import { descriptionSkipReason, type PullRequestFacts } from "./skip.js";

/**
 * Everything a decision about one change rests on. One gatherer per source builds it — `src/github/change-facts.ts`
 * for the App and the Action, `src/cli/facts.ts` for the CLI — and `decideChange` is the only reader, so a new fact
 * is added in one type, one gatherer per source and one decision, and no front door can decide on facts the others
 * do not see.
 */
export interface ChangeFacts extends PullRequestFacts {
  /** The PR's number; null when no PR is known (a deploy of a commit without one, a CLI check). */
  pullRequest: number | null;
  /** The PR body; null when there is no PR to describe the change (schedule-only). */
  body: string | null;
  /** The repository's PR template texts, to recognise text left in place. */
  templates: readonly string[];
  /** The branch the PR merges into; null when unknown. */
  baseBranch: string | null;
  /** Decided for a merge-queue group: the PR is no longer a draft there. */
  mergeQueue: boolean;
  /** The deployment environment (`environments.<name>`); null = the top-level rules. */
  environment: string | null;
  /** Active freezes from the freeze ledger (`/freeze`). */
  ledger: LedgerFreeze[];
  /** Break-glass approvals (`/override`, the override label); how many suffice is the policy's decision. */
  override: Override | null;
}

/** The facts of a change no PR is known for: the schedule, freezes and environment only. */
export function scheduleOnlyFacts(
  facts: Partial<Pick<ChangeFacts, "environment" | "ledger" | "templates">> = {},
): ChangeFacts {
  return {
    pullRequest: null,
    body: null,
    templates: facts.templates ?? [],
    author: null,
    authorIsBot: false,
    labels: [],
    files: null,
    draft: false,
    baseBranch: null,
    mergeQueue: false,
    environment: facts.environment ?? null,
    ledger: facts.ledger ?? [],
    override: null,
  };
}

/**
 * The decision on `facts` under a freeze ledger and an override, for a change decided more than once (under the
 * ledger before and after a change, again with an override, each minute of a wait): the skip rules and the templates
 * depend on neither, so they are worked out once, here.
 */
export type ChangeDecider = (ledger: LedgerFreeze[], override: Override | null, at: Date) => CheckReport;

export function changeDecider(
  config: Config,
  facts: Omit<ChangeFacts, "ledger" | "override">,
): ChangeDecider {
  const skip = descriptionSkipReason(config, facts);
  // Templates are parsed only when a description is going to be compared with them.
  const template = facts.body !== null && !skip ? readTemplates(facts.templates) : undefined;
  return (ledger, override, at) =>
    evaluateChange({
      config,
      at,
      body: facts.body,
      template,
      environment: facts.environment,
      files: facts.files,
      labels: facts.labels,
      skip,
      draft: facts.draft && !facts.mergeQueue,
      ledger,
      override,
    });
}

/** The one decision every front door makes from its facts: skip rules, template comparison, then `evaluateChange`. */
export function decideChange(config: Config, facts: ChangeFacts, at: Date): CheckReport {
  return changeDecider(config, facts)(facts.ledger, facts.override, at);
}

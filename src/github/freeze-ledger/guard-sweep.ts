import type { GitHub, RepoRef } from "../types.js";
import { LEDGER_LABEL, readBlock } from "./block.js";
import {
  type GuardOptions,
  type GuardResult,
  guardLedgerChange,
  type LedgerChange,
  type LedgerChangeKind,
  type LedgerIssueState,
} from "./guard.js";
import { readRevision, sameRecord } from "./revision.js";

/** How far back a sweep looks for ledger issues changed by hand: issues updated in the last 7 days. */
export const LEDGER_GUARD_LOOKBACK_MS = 7 * 24 * 3_600_000;

export interface GuardedIssue {
  number: number;
  kind: LedgerChangeKind;
  /** Who made the change, from the issue's events; null for a body edit (GitHub does not say who). */
  by: string | null;
  outcome: GuardResult["outcome"];
}

/**
 * For a sweep that has no webhook to say what changed: every issue updated in the lookback that carries the
 * `change-freeze` label or a freeze block and has a change-gate revision is compared with it. A difference in
 * whether the freeze counts is attributed to whoever last closed, reopened, labelled or unlabelled the issue (its
 * events) and judged as the App judges the webhook; a changed state block cannot be attributed, so it is restored.
 * Requests: ⌈issues updated / 100⌉ + 1 per ledger issue, + the events, permission and writes per change found.
 */
export async function guardLedgerIssues(
  gh: GitHub,
  ref: RepoRef,
  opts: GuardOptions,
): Promise<GuardedIssue[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    state: "all",
    sort: "updated",
    direction: "desc",
    since: new Date(opts.now.getTime() - LEDGER_GUARD_LOOKBACK_MS).toISOString(),
    per_page: 100,
  });
  const guarded: GuardedIssue[] = [];
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
    const body = issue.body ?? null;
    if (!labels.includes(LEDGER_LABEL) && !(body ?? "").includes("change-gate:freeze")) continue;
    const revision = await readRevision(gh, ref, issue.number, opts.author);
    if (!revision) continue;
    const state: LedgerIssueState = { number: issue.number, state: issue.state, body, labels, ours: true };
    const active = issue.state === "open" && labels.includes(LEDGER_LABEL);
    let change: LedgerChange | null = null;
    if (revision.active !== active) {
      const last = await lastLedgerEvent(gh, ref, issue.number, active);
      const kind = last?.kind ?? (active ? "reopened" : issue.state === "closed" ? "closed" : "unlabeled");
      change = { kind, issue: state, actor: last?.actor ?? null, label: LEDGER_LABEL };
    } else if (active && !sameRecord(revision.record, readBlock(body))) {
      change = { kind: "edited", issue: state, actor: null };
    }
    if (!change) continue;
    const result = await guardLedgerChange(gh, ref, change, opts, revision);
    if (result.outcome === "accepted" || result.outcome === "restored")
      guarded.push({
        number: issue.number,
        kind: change.kind,
        by: change.actor?.login ?? null,
        outcome: result.outcome,
      });
  }
  return guarded;
}

/** The latest event that made the freeze count (`active`) or stop counting, with who did it. */
async function lastLedgerEvent(
  gh: GitHub,
  ref: RepoRef,
  issueNumber: number,
  active: boolean,
): Promise<{ kind: LedgerChangeKind; actor: { login: string; type: string } | null } | null> {
  const events = await gh.paginate(gh.rest.issues.listEvents, {
    ...ref,
    issue_number: issueNumber,
    per_page: 100,
  });
  const wanted = active ? ["reopened", "labeled"] : ["closed", "unlabeled"];
  for (const e of [...events].reverse()) {
    if (!wanted.includes(e.event)) continue;
    const label = (e as { label?: { name?: string } }).label?.name;
    if ((e.event === "labeled" || e.event === "unlabeled") && label !== LEDGER_LABEL) continue;
    return {
      kind: e.event as LedgerChangeKind,
      actor: e.actor ? { login: e.actor.login, type: e.actor.type ?? "User" } : null,
    };
  }
  return null;
}

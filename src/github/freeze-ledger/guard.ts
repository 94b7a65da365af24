import { type Authority, type CommandRule, checkAuthority } from "../permissions.js";
import type { GitHub, RepoRef } from "../types.js";
import { type FreezeRecord, LEDGER_LABEL, readBlock } from "./block.js";
import { isExpired } from "./list-ledger.js";
import { ledgerBody, ledgerTitle, scopeName, untilText } from "./render.js";
import {
  type LedgerRevision,
  type RevisionAuthor,
  readRevision,
  revisionComment,
  sameRecord,
} from "./revision.js";

/** The `issues` actions that can change what a ledger issue says. */
export type LedgerChangeKind = "closed" | "reopened" | "edited" | "labeled" | "unlabeled" | "deleted";

/** A ledger issue as it stands after the change (a webhook's `issue`, or the REST issue in a sweep). */
export interface LedgerIssueState {
  number: number;
  state: string;
  body: string | null;
  labels: string[];
  /** change-gate created it: labelled without a revision yet, its first one is still being written. */
  ours: boolean;
}

export interface LedgerChange {
  kind: LedgerChangeKind;
  issue: LedgerIssueState;
  /** Who made the change; null when nobody can tell (a sweep finding an edited body): never authorised. */
  actor: { login: string; type: string } | null;
  /** `labeled`/`unlabeled`: which label. */
  label?: string;
  /** `edited`: the body before the edit (`changes.body.from`), when the body changed. */
  previousBody?: string | null;
}

export interface GuardOptions {
  /** Who may change freezes (`commands.freeze`); null when the config has errors (nobody can be shown to). */
  rule: CommandRule | null;
  author: RevisionAuthor;
  /** IANA zone for the times people read. */
  zone: string;
  /** A freeze that has ended may be closed by anyone (the sweep would close it anyway). */
  now: Date;
}

export interface GuardResult {
  /**
   * ignored: not a ledger change; unchanged: the issue says what change-gate last wrote (its own writes land here);
   * accepted: an authorised change, recorded as a revision; restored: an unauthorised change, undone.
   */
  outcome: "ignored" | "unchanged" | "accepted" | "restored";
  /** What the ledger says changed (a lift, a re-instated or edited freeze, or an undo): re-check open PRs. */
  stateChanged: boolean;
  /** The audit reply written on the issue. */
  reply?: string;
}

/** The fields of an `issues` webhook payload the guard reads. */
export interface IssuesPayload {
  action: string;
  issue: {
    number: number;
    state?: string;
    body?: string | null;
    labels?: { name: string }[];
    pull_request?: unknown;
    user?: { login: string } | null;
    performed_via_github_app?: { id: number; slug?: string } | null;
  };
  label?: { name: string };
  changes?: { body?: { from: string } };
  sender: { login: string; type: string };
}

/**
 * The change an `issues` payload describes, as the guard reads it (`transferred` away is as good as deleted here).
 * `ours`: whether change-gate created the issue (the App: its App id; the Action: `github-actions[bot]`).
 */
export function ledgerChangeOf(
  payload: IssuesPayload,
  ours: (issue: IssuesPayload["issue"]) => boolean,
): LedgerChange {
  const { issue } = payload;
  return {
    kind: payload.action === "transferred" ? "deleted" : (payload.action as LedgerChangeKind),
    issue: {
      number: issue.number,
      state: issue.state ?? "open",
      body: issue.body ?? null,
      labels: (issue.labels ?? []).map((l) => l.name),
      ours: ours(issue),
    },
    actor: { login: payload.sender.login, type: payload.sender.type },
    ...(payload.label ? { label: payload.label.name } : {}),
    ...(payload.changes?.body ? { previousBody: payload.changes.body.from } : {}),
  };
}

const IGNORED: GuardResult = { outcome: "ignored", stateChanged: false };
const UNCHANGED: GuardResult = { outcome: "unchanged", stateChanged: false };

/**
 * Whether an `issues` event can concern the freeze ledger, from the payload alone (no request): a `change-freeze`
 * label added or removed, or any other change to an issue that carries the label or a freeze block.
 */
export function concernsLedger(change: LedgerChange): boolean {
  if (change.kind === "labeled" || change.kind === "unlabeled") return change.label === LEDGER_LABEL;
  const marked = (body: string | null | undefined) => (body ?? "").includes("change-gate:freeze");
  return (
    change.issue.labels.includes(LEDGER_LABEL) || marked(change.issue.body) || marked(change.previousBody)
  );
}

/**
 * A person (or another bot) closed, reopened, relabelled, edited or deleted a ledger issue. The issue is compared
 * with change-gate's latest revision of it (or, for an issue without one, with what the event says it was just
 * before). When it still says the same, nothing happens — change-gate's own writes always do. Otherwise the actor's
 * authority is checked as for `/freeze` and `/unfreeze`: an authorised change is accepted and audited (a close or an
 * unlabel counts as `/unfreeze`), an unauthorised one is undone and audited. Requests: 1 (the revision) when nothing
 * changed; + 1–2 (permission, teams) + 2 (audit, undo) otherwise.
 */
export async function guardLedgerChange(
  gh: GitHub,
  ref: RepoRef,
  change: LedgerChange,
  opts: GuardOptions,
  known?: LedgerRevision | null,
): Promise<GuardResult> {
  if (!concernsLedger(change)) return IGNORED;
  const { issue, kind } = change;
  const observed: LedgerRevision = {
    v: 1,
    active: issue.state === "open" && issue.labels.includes(LEDGER_LABEL),
    record: readBlock(issue.body),
  };
  if (kind === "deleted") return guardDeletion(gh, ref, change, observed, opts);
  const revision = known !== undefined ? known : await readRevision(gh, ref, issue.number, opts.author);
  // change-gate creates an issue with its label before it can comment its first revision.
  if (!revision && issue.ours && kind === "labeled") return IGNORED;
  const baseline = revision ?? impliedBefore(change, observed);
  if (!baseline || consistent(kind, baseline, observed) || endedAndLifted(baseline, observed, opts.now))
    return UNCHANGED;
  const authority = await authorityOf(gh, ref, change.actor, opts.rule);
  return authority.allowed
    ? accept(gh, ref, change, baseline, observed, authority, opts)
    : restore(gh, ref, change, baseline, authority, opts);
}

/** For an issue change-gate has no revision of: the state the event implies it had just before. */
function impliedBefore(change: LedgerChange, now: LedgerRevision): LedgerRevision | null {
  const open = change.issue.state === "open";
  const labelled = change.issue.labels.includes(LEDGER_LABEL);
  switch (change.kind) {
    case "closed":
      return labelled ? { v: 1, active: true, record: now.record } : null;
    case "reopened":
      return labelled ? { v: 1, active: false, record: now.record } : null;
    case "unlabeled":
      return open ? { v: 1, active: true, record: now.record } : null;
    case "labeled":
      return open ? { v: 1, active: false, record: now.record } : null;
    case "edited":
      return now.active
        ? { v: 1, active: true, record: readBlock(change.previousBody ?? change.issue.body) }
        : null;
    default:
      return null;
  }
}

/** The issue still says what the baseline says, in the respect this kind of change touches. */
function consistent(kind: LedgerChangeKind, baseline: LedgerRevision, now: LedgerRevision): boolean {
  if (kind !== "edited") return baseline.active === now.active;
  // An edit of a lifted freeze, or of one whose lift is another event's business, changes no freeze.
  return !baseline.active || !now.active || sameRecord(baseline.record, now.record);
}

/** Lifting a freeze whose `until` has passed changes nothing: it no longer counts. */
function endedAndLifted(baseline: LedgerRevision, now: LedgerRevision, at: Date): boolean {
  return !now.active && baseline.record !== null && isExpired(baseline.record, at);
}

async function authorityOf(
  gh: GitHub,
  ref: RepoRef,
  actor: LedgerChange["actor"],
  rule: CommandRule | null,
): Promise<Authority> {
  if (actor === null)
    return { allowed: false, permission: "none", reason: "nobody can tell who made this change" };
  if (rule === null)
    return {
      allowed: false,
      permission: "none",
      reason: "the config has errors, so who may change freezes cannot be read",
    };
  return checkAuthority(gh, ref, actor.login, actor.type, rule);
}

const DID: Record<Exclude<LedgerChangeKind, "deleted">, string> = {
  closed: "closed this freeze's issue",
  reopened: "reopened this lifted freeze's issue",
  edited: "edited this freeze's state block",
  labeled: `added the \`${LEDGER_LABEL}\` label`,
  unlabeled: `removed the \`${LEDGER_LABEL}\` label`,
};

function freezeText(record: FreezeRecord | null, zone: string): string {
  return record === null
    ? "a freeze whose state block is unreadable, so it counts with no known end"
    : `${scopeName(record.environment)} frozen ${untilText(record.until, zone)}`;
}

async function audit(gh: GitHub, ref: RepoRef, issue: number, text: string, revision: LedgerRevision) {
  const body = revisionComment(text, { active: revision.active, record: revision.record });
  await gh.rest.issues.createComment({ ...ref, issue_number: issue, body });
  return text;
}

async function accept(
  gh: GitHub,
  ref: RepoRef,
  change: LedgerChange,
  baseline: LedgerRevision,
  now: LedgerRevision,
  authority: Authority,
  opts: GuardOptions,
): Promise<GuardResult> {
  const who = `@${change.actor!.login}`;
  const kind = change.kind as Exclude<LedgerChangeKind, "deleted">;
  // A lift keeps the record it lifted; a re-instated or edited freeze is what the issue now says.
  const revision: LedgerRevision = now.active ? now : { v: 1, active: false, record: baseline.record };
  const text = !now.active
    ? `Freeze lifted by ${who}, who ${DID[kind]} (this counts as \`/unfreeze\`; ${authority.reason}).`
    : kind === "edited"
      ? `Freeze changed by hand by ${who} (${authority.reason}): now ${freezeText(now.record, opts.zone)}.`
      : `Freeze in force again: ${who} ${DID[kind]} (${authority.reason}): ${freezeText(now.record, opts.zone)}.`;
  const reply = await audit(gh, ref, change.issue.number, text, revision);
  return { outcome: "accepted", stateChanged: true, reply };
}

async function restore(
  gh: GitHub,
  ref: RepoRef,
  change: LedgerChange,
  baseline: LedgerRevision,
  authority: Authority,
  opts: GuardOptions,
): Promise<GuardResult> {
  const issue_number = change.issue.number;
  const kind = change.kind as Exclude<LedgerChangeKind, "deleted">;
  const who = change.actor
    ? `@${change.actor.login} ${DID[kind]}, but ${authority.reason}`
    : `Someone ${DID[kind]}, but ${authority.reason}`;
  const undo: Record<typeof kind, string> = {
    closed: "Reopened",
    reopened: "Closed again",
    labeled: "Label removed",
    unlabeled: "Label restored",
    edited: "State restored",
  };
  const next = baseline.active
    ? `The freeze stays: ${freezeText(baseline.record, opts.zone)}. Lift or change it with \`/unfreeze\` or \`/freeze\`.`
    : "The freeze stays lifted. Declare one with `/freeze`.";
  // The audit (with the revision restored to) first, so the event the undo causes finds the issue consistent.
  const reply = await audit(gh, ref, issue_number, `${undo[kind]}: ${who}. ${next}`, baseline);
  switch (kind) {
    case "closed":
    case "reopened":
      await gh.rest.issues.update({
        ...ref,
        issue_number,
        state: kind === "closed" ? "open" : "closed",
        ...(kind === "reopened" ? { state_reason: "completed" as const } : {}),
      });
      break;
    case "unlabeled":
      await gh.rest.issues.addLabels({ ...ref, issue_number, labels: [LEDGER_LABEL] });
      break;
    case "labeled":
      await gh.rest.issues.removeLabel({ ...ref, issue_number, name: LEDGER_LABEL });
      break;
    case "edited": {
      const record = baseline.record;
      const body = record ? ledgerBody(record, opts.zone) : (change.previousBody ?? null);
      if (body !== null)
        await gh.rest.issues.update({
          ...ref,
          issue_number,
          body,
          ...(record ? { title: ledgerTitle(record) } : {}),
        });
      break;
    }
  }
  return { outcome: "restored", stateChanged: true, reply };
}

/**
 * A deleted ledger issue cannot be reopened or commented on. Deleting needs admin, so it is normally authorised and
 * counts as `/unfreeze` (the caller logs it); otherwise the freeze is declared again in a new issue, as it stood.
 */
async function guardDeletion(
  gh: GitHub,
  ref: RepoRef,
  change: LedgerChange,
  was: LedgerRevision,
  opts: GuardOptions,
): Promise<GuardResult> {
  if (!was.active) return IGNORED;
  const authority = await authorityOf(gh, ref, change.actor, opts.rule);
  if (authority.allowed) return { outcome: "accepted", stateChanged: true };
  const record = was.record;
  const note = `This freeze was declared again: ${change.actor ? `@${change.actor.login}` : "someone"} deleted or moved #${change.issue.number}, but ${authority.reason}.`;
  const { data } = await gh.rest.issues.create({
    ...ref,
    title: record ? ledgerTitle(record) : "Change freeze (restored)",
    body: `${note}\n\n${record ? ledgerBody(record, opts.zone) : (change.issue.body ?? "")}`,
    labels: [LEDGER_LABEL],
  });
  const reply = await audit(gh, ref, data.number, note, was);
  return { outcome: "restored", stateChanged: true, reply };
}

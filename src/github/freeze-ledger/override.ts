import { z } from "zod";
import { parseCommand } from "../../core/commands/index.js";
import type { Config } from "../../core/config/schema.js";
import type { Override } from "../../core/policy/index.js";
import { isBotAccount } from "../../core/policy/skip.js";
import { readHiddenJson, withHiddenBlock } from "../hidden-block.js";
import { type Authority, checkAuthority, statusOf } from "../permissions.js";
import type { GitHub, RepoRef } from "../types.js";
import { unedited } from "../unedited.js";
import { isExpired, type LedgerIssue, listLedgerIssues } from "./list-ledger.js";
import { listOrgLedger, orgLedgerRepo } from "./read-active.js";

const MARKER = "change-gate:override";
const AUDIT_MARKER = "change-gate:override-audit";

const recordSchema = z.object({
  v: z.literal(1),
  pr: z.number().int(),
  by: z.string().min(1),
  reason: z.string().min(1),
  at: z.string(),
  source: z.string().nullable().default(null),
});

export interface OverrideApproval {
  by: string;
  reason: string;
  sourceUrl: string | null;
}

/**
 * The text of the comment that records an override approval on the PR: readable for people, with a hidden block
 * `readOverride` reads back. Posting it is both the reply to `/override` and the audit record.
 */
export function overrideRecordBody(
  prNumber: number,
  approval: OverrideApproval,
  now: Date,
  note: string,
): string {
  const record = {
    v: 1,
    pr: prNumber,
    by: approval.by,
    reason: approval.reason,
    at: now.toISOString(),
    source: approval.sourceUrl,
  };
  return withHiddenBlock(note, MARKER, record);
}

/** Posts the override record on the PR; returns the comment's URL. */
export async function recordOverride(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  approval: OverrideApproval,
  now: Date,
  note = `Override approved by @${approval.by}: ${approval.reason}`,
): Promise<string> {
  const { data } = await gh.rest.issues.createComment({
    ...ref,
    issue_number: prNumber,
    body: overrideRecordBody(prNumber, approval, now, note),
  });
  return data.html_url;
}

/**
 * Who may vouch for an override approval. The App passes its id: only records its own installation wrote count
 * (`performed_via_github_app.id`), as they are written after the approver's authority was checked. Without an App id
 * (the Action) records prove nothing — every workflow of the repository comments as `github-actions[bot]` — so the
 * approvals are the people's own `/override` comments, each counted when its author may override **now**.
 */
export interface OverrideReadOptions {
  /** The PR's current labels: when they hold `overrides.label`, whoever added it last counts too (if authorised). */
  labels?: readonly string[];
  /** This App's id; absent in the Action. */
  appId?: number;
}

/**
 * Override approvals for this PR, by distinct users, earliest first; null when there are none. In the App, the
 * records this App wrote on the PR (unedited); in the Action, the unedited `/override` comments of people who may
 * override now and whose approval was audited (a bot's record on the PR cites the comment: the ledger audit came
 * first). The override label's last adder counts too when authorised now. Whether there are enough approvals
 * (`overrides.approvals`) is the policy's decision.
 */
export async function readOverride(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  config: Config,
  now: Date,
  opts: OverrideReadOptions = {},
): Promise<Override | null> {
  const comments = await listPrComments(gh, ref, prNumber);
  const reader = new ApprovalReader(gh, ref, config, now, opts.appId);
  return reader.override(prNumber, comments, opts.labels);
}

/** An issue comment as the REST listings return it (the fields read here). */
type Comment = {
  id?: number;
  user?: { login?: string; type?: string } | null;
  body?: string;
  issue_url?: string;
  created_at?: string;
  updated_at?: string;
  performed_via_github_app?: { id?: number } | null;
};
type Approvals = Map<string, [by: string, reason: string]>;

function listPrComments(gh: GitHub, ref: RepoRef, prNumber: number): Promise<Comment[]> {
  return gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: prNumber, per_page: 100 });
}

/**
 * Reads approvals, remembering each person's authority for the run (a fan-out asks once per person, not per PR).
 */
class ApprovalReader {
  private readonly authority = new Map<string, Promise<Authority>>();

  constructor(
    private readonly gh: GitHub,
    private readonly ref: RepoRef,
    private readonly config: Config,
    private readonly now: Date,
    private readonly appId: number | undefined,
  ) {}

  /** `comments` of `prNumber`, earliest first, plus the label, as the policy's Override. */
  async override(
    prNumber: number,
    comments: readonly Comment[],
    labels: readonly string[] | undefined,
  ): Promise<Override | null> {
    const approvals =
      this.appId === undefined
        ? await this.fromCommands(prNumber, comments)
        : this.fromAppRecords(prNumber, comments, this.appId);
    return this.withLabel(prNumber, approvals, labels);
  }

  private may(login: string, type: string): Promise<Authority> {
    const key = login.toLowerCase();
    let known = this.authority.get(key);
    if (!known) {
      known = checkAuthority(this.gh, this.ref, login, type, this.config.commands.freeze);
      this.authority.set(key, known);
    }
    return known;
  }

  /** The App: its own unedited records, first per user. */
  private fromAppRecords(prNumber: number, comments: readonly Comment[], appId: number): Approvals {
    const approvals: Approvals = new Map();
    for (const c of comments) {
      if (c.performed_via_github_app?.id !== appId || !unedited(c)) continue;
      const record = parseRecord(c.body ?? "");
      if (!record || record.pr !== prNumber || Date.parse(record.at) > this.now.getTime()) continue;
      const key = record.by.toLowerCase();
      if (!approvals.has(key)) approvals.set(key, [record.by, record.reason]);
    }
    return approvals;
  }

  /**
   * The Action: people's unedited `/override` comments, first per user, counted when the author may override now
   * and a bot's record on the PR cites the comment (written only after the ledger audit; forging one can only vouch
   * for a real, authorised approval whose audit failed).
   */
  private async fromCommands(prNumber: number, comments: readonly Comment[]): Promise<Approvals> {
    const audited = new Set<number>();
    for (const c of comments) {
      if (!isBotAccount(c.user?.login, c.user?.type) || !c.body?.includes(MARKER)) continue;
      const record = parseRecord(c.body);
      const cited = Number(/#issuecomment-(\d+)$/.exec(record?.source ?? "")?.[1]);
      if (record?.pr === prNumber && Number.isSafeInteger(cited)) audited.add(cited);
    }
    const first = new Map<string, { login: string; type: string; reason: string }>();
    for (const c of comments) {
      const login = c.user?.login;
      if (!login || isBotAccount(login, c.user?.type) || c.id === undefined || !audited.has(c.id)) continue;
      if (!unedited(c) || Date.parse(c.created_at!) > this.now.getTime()) continue;
      const parsed = parseCommand(c.body ?? "", { now: this.now, timezone: this.config.timezone });
      if (!parsed?.ok || parsed.command.kind !== "override") continue;
      const key = login.toLowerCase();
      if (!first.has(key))
        first.set(key, { login, type: c.user?.type ?? "User", reason: parsed.command.reason });
    }
    const people = [...first.values()];
    const allowed = await Promise.all(people.map((p) => this.may(p.login, p.type)));
    const approvals: Approvals = new Map();
    people.forEach((p, i) => {
      if (allowed[i]!.allowed) approvals.set(p.login.toLowerCase(), [p.login, p.reason]);
    });
    return approvals;
  }

  /** Adds whoever last added the override label (if authorised now) and turns the approvals into an Override. */
  private async withLabel(
    prNumber: number,
    found: Approvals,
    labels: readonly string[] | undefined,
  ): Promise<Override | null> {
    const approvals: Approvals = new Map(found);
    const label = this.config.overrides.label.toLowerCase();
    if (labels?.some((l) => l.toLowerCase() === label)) {
      const labeller = await lastLabeller(this.gh, this.ref, prNumber, label);
      if (labeller && !approvals.has(labeller.login.toLowerCase())) {
        const authority = await this.may(labeller.login, labeller.type);
        if (authority.allowed) {
          approvals.set(labeller.login.toLowerCase(), [
            labeller.login,
            `\`${this.config.overrides.label}\` label`,
          ]);
        }
      }
    }
    if (approvals.size === 0) return null;
    const entries = [...approvals.values()];
    const reasons = [...new Set(entries.map(([, reason]) => reason))];
    return { by: entries.map(([by]) => by), reason: reasons.join("; ") };
  }
}

/** A PR as the pulls list returns it: `created_at` bounds which repository comments can belong to it. */
export interface BatchPullRequest {
  number: number;
  created_at?: string | null;
}

/** Override approvals for a batch of PRs (a fan-out page), read together. */
export interface OverrideBatch {
  /** As `readOverride(…, prNumber, …, { labels })`; the first call reads the comments for the whole batch. */
  get(prNumber: number, labels?: readonly string[]): Promise<Override | null>;
}

/**
 * `readOverride` for many PRs at once. Instead of one comment listing per PR, the repository's issue comments are
 * listed newest first (`GET /repos/{o}/{r}/issues/comments?sort=created&direction=desc&since=<oldest PR>`), 100 a
 * page, and each PR's comments are picked out by the issue they sit on. A PR is covered once the listing has
 * gone back past its creation (none of its comments can be older). Listing stops when it is done, or as soon as the
 * pages read are as many as the PRs still uncovered (reading those one by one is then no dearer); uncovered PRs fall
 * back to their own listing when asked for. Nothing is read until the first `get`, so a fan-out in which no PR's
 * schedule fails costs nothing here. The override label's author is looked up per labelled PR, as before; each
 * approver's authority (Action) is asked once for the whole batch.
 */
export function overrideBatch(
  gh: GitHub,
  ref: RepoRef,
  prs: readonly BatchPullRequest[],
  config: Config,
  now: Date,
  opts: { appId?: number } = {},
): OverrideBatch {
  const reader = new ApprovalReader(gh, ref, config, now, opts.appId);
  let read: Promise<{ comments: Map<number, Comment[]>; covered: Set<number> }> | undefined;
  const load = async () => {
    const wanted = new Set(prs.map((p) => p.number));
    const comments = new Map<number, Comment[]>();
    const covered = new Set<number>();
    const created = prs.map((p) => (p.created_at ? Date.parse(p.created_at) : Number.NaN));
    if (prs.length === 0) return { comments, covered };
    const since = created.every(Number.isFinite) ? new Date(Math.min(...created)).toISOString() : undefined;
    const iterator = gh.paginate.iterator(gh.rest.issues.listCommentsForRepo, {
      ...ref,
      sort: "created",
      direction: "desc",
      per_page: 100,
      ...(since ? { since } : {}),
    });
    let pages = 0;
    let stopped = false;
    let oldest = Number.POSITIVE_INFINITY;
    for await (const page of iterator) {
      pages++;
      for (const c of page.data) {
        oldest = Math.min(oldest, Date.parse(c.created_at));
        const issue = Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
        if (!wanted.has(issue)) continue;
        const list = comments.get(issue) ?? [];
        list.push(c);
        comments.set(issue, list);
      }
      if (!/\brel="next"/.test(page.headers.link ?? "")) break;
      const uncovered = prs.filter((_, i) => !(created[i]! > oldest)).length;
      if (uncovered <= pages) {
        stopped = true;
        break;
      }
    }
    prs.forEach((p, i) => {
      if (!stopped || created[i]! > oldest) covered.add(p.number);
    });
    return { comments, covered };
  };
  return {
    async get(prNumber, labels) {
      read ??= load();
      const { comments, covered } = await read;
      const own = covered.has(prNumber)
        ? // Newest first from the batch; approvals count earliest first.
          [...(comments.get(prNumber) ?? [])].reverse()
        : await listPrComments(gh, ref, prNumber);
      return reader.override(prNumber, own, labels);
    },
  };
}

/** Where an override was written into the freeze ledger: "#7" or "acme/.github#3". */
export interface LedgerAudit {
  where: string;
  html_url: string;
}

/**
 * Records an override in the freeze ledger: a comment on every open ledger issue that freezes the repository right
 * now (its own, and the org's `.github` ones), saying who let which PR through and why, so the freeze's issue shows
 * every exception made to it. An unreadable ledger issue counts as active (fail closed). Writing to the org's
 * ledger needs the App on `.github`; a 403/404 there is skipped (the PR comment still records the approval). Returns
 * where it was recorded and the repository's open ledger issues (for a fan-out). Requests: 2 lists + 1 per freeze.
 */
export async function recordOverrideInLedger(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  approval: OverrideApproval,
  now: Date,
): Promise<{ recorded: LedgerAudit[]; ledger: LedgerIssue[] }> {
  const ledger = await listLedgerIssues(gh, ref);
  const org = orgLedgerRepo(ref);
  const orgIssues = ref.repo === org.repo ? [] : await listOrgLedger(gh, org);
  const active = (issues: readonly LedgerIssue[]) =>
    issues.filter((i) => !i.record || !isExpired(i.record, now));
  const pr = `${ref.owner}/${ref.repo}#${prNumber}`;
  const where = approval.sourceUrl ? ` (${approval.sourceUrl})` : "";
  const record = {
    v: 1,
    pr: prNumber,
    repo: `${ref.owner}/${ref.repo}`,
    by: approval.by,
    reason: approval.reason,
    at: now.toISOString(),
    source: approval.sourceUrl,
  };
  const body = withHiddenBlock(
    `Override: @${approval.by} let ${pr} through this freeze${where}: ${approval.reason}`,
    AUDIT_MARKER,
    record,
  );
  const recorded: LedgerAudit[] = [];
  for (const [target, issues] of [
    [ref, active(ledger)],
    [org, active(orgIssues)],
  ] as const) {
    for (const issue of issues) {
      try {
        await gh.rest.issues.createComment({ ...target, issue_number: issue.number, body });
      } catch (error) {
        if (target === org && (statusOf(error) === 403 || statusOf(error) === 404)) continue;
        throw error;
      }
      recorded.push({
        where: target === org ? `${org.owner}/${org.repo}#${issue.number}` : `#${issue.number}`,
        html_url: issue.html_url,
      });
    }
  }
  return { recorded, ledger };
}

export function parseRecord(body: string): z.output<typeof recordSchema> | null {
  return readHiddenJson(MARKER, recordSchema, body);
}

async function lastLabeller(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  label: string,
): Promise<{ login: string; type: string } | null> {
  const events = await gh.paginate(gh.rest.issues.listEvents, {
    ...ref,
    issue_number: prNumber,
    per_page: 100,
  });
  let found: { login: string; type: string } | null = null;
  for (const e of events) {
    const name = (e as { label?: { name?: string } }).label?.name?.toLowerCase();
    if (name !== label || !e.actor) continue;
    if (e.event === "labeled") found = { login: e.actor.login, type: e.actor.type ?? "User" };
    if (e.event === "unlabeled") found = null;
  }
  return found;
}

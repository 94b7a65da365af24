import { z } from "zod";
import type { Config } from "../../core/config/schema.js";
import type { Override } from "../../core/policy/index.js";
import { checkAuthority, statusOf } from "../permissions.js";
import type { GitHub, RepoRef } from "../types.js";
import { escapeForComment, readHiddenJson } from "./block.js";
import { isExpired, type LedgerIssue, listLedgerIssues } from "./list-ledger.js";
import { listOrgLedger, orgLedgerRepo } from "./read-active.js";

const BLOCK = /<!--\s*change-gate:override\s+([\s\S]*?)\s*-->/;

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
  return `${note}\n\n<!-- change-gate:override ${escapeForComment(JSON.stringify(record))} -->`;
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
 * Override approvals recorded for this PR, by distinct users, earliest first; null when there are none. Only records
 * in comments written by a bot count (change-gate writes them after checking the approver's authority; a person
 * pasting the block into a comment approves nothing). When `opts.labels` (the PR's current labels) holds the
 * configured override label, whoever added it last counts as an approver too if authorised. Whether there are
 * enough approvals (`overrides.approvals`) is the policy's decision.
 */
export async function readOverride(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  config: Config,
  now: Date,
  opts: { labels?: readonly string[] } = {},
): Promise<Override | null> {
  const comments = await listPrComments(gh, ref, prNumber);
  return withLabel(gh, ref, prNumber, approvalsIn(comments, prNumber, now), config, opts.labels);
}

type Comment = { user?: { type?: string } | null; body?: string; issue_url?: string };
type Approvals = Map<string, [by: string, reason: string]>;

function listPrComments(gh: GitHub, ref: RepoRef, prNumber: number): Promise<Comment[]> {
  return gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: prNumber, per_page: 100 });
}

/** The approvals recorded in `comments` for `prNumber`, first per user. */
function approvalsIn(comments: readonly Comment[], prNumber: number, now: Date): Approvals {
  const approvals: Approvals = new Map();
  for (const c of comments) {
    if (c.user?.type !== "Bot" || !c.body?.includes("change-gate:override")) continue;
    const record = parseRecord(c.body);
    if (!record || record.pr !== prNumber || Date.parse(record.at) > now.getTime()) continue;
    const key = record.by.toLowerCase();
    if (!approvals.has(key)) approvals.set(key, [record.by, record.reason]);
  }
  return approvals;
}

/** Adds whoever last added the override label (if authorised) and turns the approvals into the policy's Override. */
async function withLabel(
  gh: GitHub,
  ref: RepoRef,
  prNumber: number,
  found: Approvals,
  config: Config,
  labels: readonly string[] | undefined,
): Promise<Override | null> {
  const approvals: Approvals = new Map(found);
  const label = config.overrides.label.toLowerCase();
  if (labels?.some((l) => l.toLowerCase() === label)) {
    const labeller = await lastLabeller(gh, ref, prNumber, label);
    if (labeller && !approvals.has(labeller.login.toLowerCase())) {
      const authority = await checkAuthority(gh, ref, labeller.login, labeller.type, config.commands.freeze);
      if (authority.allowed) {
        approvals.set(labeller.login.toLowerCase(), [labeller.login, `\`${config.overrides.label}\` label`]);
      }
    }
  }
  if (approvals.size === 0) return null;
  const entries = [...approvals.values()];
  const reasons = [...new Set(entries.map(([, reason]) => reason))];
  return { by: entries.map(([by]) => by), reason: reasons.join("; ") };
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
 * page, and the bot's override records are picked out by the issue they sit on. A PR is covered once the listing has
 * gone back past its creation (none of its comments can be older). Listing stops when it is done, or as soon as the
 * pages read are as many as the PRs still uncovered (reading those one by one is then no dearer); uncovered PRs fall
 * back to their own listing when asked for. Nothing is read until the first `get`, so a fan-out in which no PR's
 * schedule fails costs nothing here. The override label's author is looked up per labelled PR, as before.
 */
export function overrideBatch(
  gh: GitHub,
  ref: RepoRef,
  prs: readonly BatchPullRequest[],
  config: Config,
  now: Date,
): OverrideBatch {
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
      return withLabel(gh, ref, prNumber, approvalsIn(own, prNumber, now), config, labels);
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
  const body =
    `Override: @${approval.by} let ${pr} through this freeze${where}: ${approval.reason}\n\n` +
    `<!-- change-gate:override-audit ${escapeForComment(JSON.stringify(record))} -->`;
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
  return readHiddenJson(BLOCK, recordSchema, body);
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

import { parseCommand } from "../core/commands/index.js";
import { isBotAccount } from "../core/policy/index.js";
import { LEDGER_LABEL, readBlock } from "./freeze-ledger/block.js";
import { parseRecord } from "./freeze-ledger/override.js";
import type { GitHub, RepoRef } from "./types.js";
import { unedited } from "./unedited.js";

/** One override change-gate recorded on a PR (its own audit comment). */
export interface OverrideRecord {
  pr: number;
  by: string;
  reason: string;
  at: string;
}

type RepoComment = {
  id: number;
  html_url: string;
  issue_url: string;
  body?: string;
  user?: { login?: string; type?: string } | null;
  created_at: string;
  updated_at: string;
};

/**
 * Override records in the repository's issue comments created at or after `since`: one listing
 * (`GET /repos/{o}/{r}/issues/comments?since=…`, 100 a page). A record counts when a bot wrote it, unedited, on the
 * PR it names, and it cites (`source`) an unedited `/override` comment in the listing that the named approver wrote
 * on that PR — so a record pasted by a person, or written by any workflow, can only repeat an approval someone really
 * asked for. (The gate itself re-checks the approver's authority; a report of the past does not.) Overrides by the
 * override label cite no comment and are not listed.
 */
export async function listOverrideRecords(
  gh: GitHub,
  ref: RepoRef,
  since: Date,
  timezone: string,
): Promise<OverrideRecord[]> {
  const comments = (await gh.paginate(gh.rest.issues.listCommentsForRepo, {
    ...ref,
    since: since.toISOString(),
    sort: "created",
    direction: "asc",
    per_page: 100,
  })) as RepoComment[];
  const byId = new Map(comments.map((c) => [c.id, c]));
  const issueOf = (c: RepoComment) => Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
  const out: OverrideRecord[] = [];
  for (const c of comments) {
    if (!isBotAccount(c.user?.login, c.user?.type) || !c.body?.includes("change-gate:override")) continue;
    if (Date.parse(c.created_at) < since.getTime() || !unedited(c)) continue;
    const record = parseRecord(c.body);
    if (!record || record.pr !== issueOf(c)) continue;
    const source = byId.get(Number(/#issuecomment-(\d+)$/.exec(record.source ?? "")?.[1]));
    if (!source || issueOf(source) !== record.pr || !unedited(source)) continue;
    if (source.user?.login?.toLowerCase() !== record.by.toLowerCase()) continue;
    const parsed = parseCommand(source.body ?? "", { now: new Date(source.created_at), timezone });
    if (!parsed?.ok || parsed.command.kind !== "override") continue;
    out.push({ pr: record.pr, by: record.by, reason: record.reason, at: record.at });
  }
  return out;
}

/** A `/freeze` from the ledger, open or closed. */
export interface FreezeHistory {
  issue: number;
  by: string;
  reason: string | null;
  environment: string | null;
  from: string;
  until: string | null;
  /** When the issue was closed (`/unfreeze` or expiry); null while open. */
  closedAt: string | null;
}

/**
 * Ledger freezes touched at or after `since`, open and closed: one listing of `change-freeze` issues. A closed
 * freeze ends at the earlier of its `until` and the issue's closing.
 */
export async function listFreezeHistory(gh: GitHub, ref: RepoRef, since: Date): Promise<FreezeHistory[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    labels: LEDGER_LABEL,
    state: "all",
    since: since.toISOString(),
    per_page: 100,
  });
  const out: FreezeHistory[] = [];
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const record = readBlock(issue.body);
    if (!record) continue;
    out.push({
      issue: issue.number,
      by: record.by,
      reason: record.reason,
      environment: record.environment,
      from: record.from,
      until: record.until,
      closedAt: issue.closed_at ?? null,
    });
  }
  return out;
}

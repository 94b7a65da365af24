import { LEDGER_LABEL, readBlock } from "./freeze-ledger/block.js";
import { parseRecord } from "./freeze-ledger/override.js";
import type { GitHub, RepoRef } from "./types.js";

/** One override change-gate recorded on a PR (its own audit comment). */
export interface OverrideRecord {
  pr: number;
  by: string;
  reason: string;
  at: string;
}

/**
 * Override records in the repository's issue comments created at or after `since`: one listing
 * (`GET /repos/{o}/{r}/issues/comments?since=…`, 100 a page). Only comments written by a bot count — a person
 * pasting the hidden block records nothing.
 */
export async function listOverrideRecords(gh: GitHub, ref: RepoRef, since: Date): Promise<OverrideRecord[]> {
  const comments = await gh.paginate(gh.rest.issues.listCommentsForRepo, {
    ...ref,
    since: since.toISOString(),
    sort: "created",
    direction: "asc",
    per_page: 100,
  });
  const out: OverrideRecord[] = [];
  for (const c of comments) {
    if (c.user?.type !== "Bot" || !c.body?.includes("change-gate:override")) continue;
    if (Date.parse(c.created_at) < since.getTime()) continue;
    const record = parseRecord(c.body);
    const issue = Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
    if (!record || record.pr !== issue) continue;
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

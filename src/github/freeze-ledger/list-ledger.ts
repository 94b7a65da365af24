import type { GitHub, RepoRef } from "../types.js";
import { type FreezeRecord, LEDGER_LABEL, readBlock } from "./block.js";

/** An open ledger issue; `record` is null when its hidden block is missing or unreadable. */
export interface LedgerIssue {
  number: number;
  html_url: string;
  created_at: string;
  record: FreezeRecord | null;
}

/** Open issues (not pull requests) labelled `change-freeze`, oldest first. One request per 100 issues. */
export async function listLedgerIssues(gh: GitHub, ref: RepoRef): Promise<LedgerIssue[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    ...ref,
    labels: LEDGER_LABEL,
    state: "open",
    sort: "created",
    direction: "asc",
    per_page: 100,
  });
  return issues
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({
      number: issue.number,
      html_url: issue.html_url,
      created_at: issue.created_at,
      record: readBlock(issue.body),
    }))
    .sort((a, b) => a.number - b.number);
}

/** The scope a record covers, for matching: null (every environment) is its own scope. */
export function sameEnvironment(record: FreezeRecord | null, environment: string | null): boolean {
  return record !== null && (record.environment ?? null) === (environment ?? null);
}

export function isExpired(record: FreezeRecord, now: Date): boolean {
  return record.until !== null && Date.parse(record.until) <= now.getTime();
}

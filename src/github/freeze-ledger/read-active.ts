import type { LedgerFreeze } from "../../core/schedule/index.js";
import type { GitHub, RepoRef } from "../types.js";
import { isExpired, type LedgerIssue, listLedgerIssues } from "./list-ledger.js";

/** The org's `.github` repository, whose ledger applies to every repository of the owner. */
export function orgLedgerRepo(ref: RepoRef): RepoRef {
  return { owner: ref.owner, repo: ".github" };
}

/**
 * Freezes recorded in the ledger that have not ended by `now`: the repository's open `change-freeze` issues plus,
 * unless `orgWide` is false, those of `{owner}/.github`. A missing or inaccessible `.github` repository (404/403)
 * contributes none. An issue whose hidden block is missing or unreadable is an active freeze with no known end —
 * fail closed, and say so in its name. `opts.own`: the repository's open ledger issues when the caller has just listed
 * them (a command's post-write list, `CommandResult.ledger`), which spares that request.
 */
export async function readActiveFreezes(
  gh: GitHub,
  ref: RepoRef,
  now: Date,
  opts: { orgWide?: boolean; own?: readonly LedgerIssue[] } = {},
): Promise<LedgerFreeze[]> {
  const org = orgLedgerRepo(ref);
  const [own, orgIssues] = await Promise.all([
    opts.own ?? listLedgerIssues(gh, ref),
    withOrg(ref, opts.orgWide) ? listOrgLedger(gh, org) : [],
  ]);
  return [...toFreezes(own, null, now), ...toFreezes(orgIssues, org, now)];
}

const withOrg = (ref: RepoRef, orgWide: boolean | undefined) =>
  orgWide !== false && ref.repo !== orgLedgerRepo(ref).repo;

/**
 * The freezes before and after a command changed the repository's ledger (`own`: its open ledger issues as the
 * command listed them on both sides), with the org's ledger read once for both.
 */
export async function readLedgerChange(
  gh: GitHub,
  ref: RepoRef,
  now: Date,
  own: { before: readonly LedgerIssue[]; after: readonly LedgerIssue[] },
): Promise<{ before: LedgerFreeze[]; after: LedgerFreeze[] }> {
  const org = orgLedgerRepo(ref);
  const orgFreezes = withOrg(ref, undefined) ? toFreezes(await listOrgLedger(gh, org), org, now) : [];
  return {
    before: [...toFreezes(own.before, null, now), ...orgFreezes],
    after: [...toFreezes(own.after, null, now), ...orgFreezes],
  };
}

/** The org's ledger issues; none when `.github` is missing or out of reach (404/403). */
export async function listOrgLedger(gh: GitHub, org: RepoRef): Promise<LedgerIssue[]> {
  try {
    return await listLedgerIssues(gh, org);
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 404 || status === 403) return [];
    throw error;
  }
}

function toFreezes(issues: readonly LedgerIssue[], org: RepoRef | null, now: Date): LedgerFreeze[] {
  const out: LedgerFreeze[] = [];
  for (const issue of issues) {
    const where = org ? `${org.owner}/${org.repo}#${issue.number}` : `#${issue.number}`;
    const r = issue.record;
    if (r === null) {
      out.push({ name: `Freeze (ledger issue ${where} is unreadable)`, from: issue.created_at, until: null });
      continue;
    }
    if (isExpired(r, now)) continue;
    const freeze: LedgerFreeze = {
      name: org ? `Org-wide freeze ${where}` : `Freeze ${where}`,
      by: r.by,
      from: r.from,
      until: r.until,
      environment: r.environment,
    };
    if (r.reason !== null) freeze.reason = r.reason;
    out.push(freeze);
  }
  return out;
}

import type { LedgerFreeze } from "../../core/schedule/index.js";
import { statusOf } from "../permissions.js";
import { rateLimitOf } from "../rate-limited.js";
import type { GitHub, RepoRef } from "../types.js";
import { isExpired, type LedgerIssue, listLedgerIssues } from "./list-ledger.js";

/** The org's `.github` repository, whose ledger applies to every repository of the owner. */
export function orgLedgerRepo(ref: RepoRef): RepoRef {
  return { owner: ref.owner, repo: ".github" };
}

/**
 * Freezes recorded in the ledger that have not ended by `now`: the repository's open `change-freeze` issues plus,
 * unless `orgWide` is false, those of `{owner}/.github`. A `.github` repository that does not exist or that this
 * token cannot see (404) contributes none; any other failure reading it, every 403 included, is an error
 * (`OrgLedgerUnreadable`), so the gate fails closed. An issue whose hidden block is missing or unreadable is an active freeze with no known end —
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

/**
 * The org's ledger issues; none only when GitHub answers 404: the `.github` repository does not exist, or this
 * token cannot see it (GitHub answers 404, not 403, for a repository outside an App installation or a workflow
 * token's reach). A 403 proves nothing of the kind — rate limits, primary and secondary, are 403s, and so is a
 * permission GitHub refuses on a repository it does show — so it is an error like any other, and the gate that asked
 * fails closed until the org's freezes can be read.
 */
export async function listOrgLedger(gh: GitHub, org: RepoRef): Promise<LedgerIssue[]> {
  try {
    return await listLedgerIssues(gh, org);
  } catch (error) {
    if (statusOf(error) === 404) return [];
    throw new OrgLedgerUnreadable(org, error);
  }
}

/** The org's freeze ledger could not be read: what happened and what to do next; `status` is GitHub's. */
export class OrgLedgerUnreadable extends Error {
  readonly status: number | undefined;
  constructor(org: RepoRef, cause: unknown) {
    const where = `${org.owner}/${org.repo}`;
    const said = cause instanceof Error ? cause.message : String(cause);
    const limit = rateLimitOf(cause);
    const status = statusOf(cause);
    super(
      limit
        ? `GitHub's ${limit} refused reading the org-wide freeze ledger (${where}): ${said}. An org-wide freeze may ` +
            "be active, so change-gate fails closed until the ledger can be read; re-run the check once the limit resets"
        : status === 403
          ? `change-gate may not read the org-wide freeze ledger (${where}): ${said}. An org-wide freeze may be ` +
            `active, so change-gate fails closed; give it Issues: read on ${where}`
          : `change-gate could not read the org-wide freeze ledger (${where}): ${said}`,
      { cause },
    );
    this.name = "OrgLedgerUnreadable";
    this.status = status;
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

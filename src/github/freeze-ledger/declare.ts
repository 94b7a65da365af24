import type { GitHub, RepoRef } from "../types.js";
import { type FreezeRecord, LEDGER_LABEL } from "./block.js";
import { isExpired, type LedgerIssue, listLedgerIssues, sameEnvironment } from "./list-ledger.js";
import { ledgerBody, ledgerTitle, scopeName, untilText } from "./render.js";
import { revisionComment } from "./revision.js";

export interface FreezeDeclaration {
  by: string;
  reason: string | null;
  environment: string | null;
  /** ISO instant the freeze starts (usually now). */
  from: string;
  /** ISO instant it ends; null = until lifted. */
  until: string | null;
  sourceUrl: string | null;
  /** IANA zone for the times people read in the issue; UTC when absent. */
  timezone?: string;
}

export interface DeclaredFreeze {
  action: "created" | "updated";
  number: number;
  html_url: string;
  record: FreezeRecord;
  /** Newer duplicate ledger issues closed because another command raced this one. */
  closedDuplicates: number[];
  /**
   * The repository's open ledger issues after this declaration, from lists this call made anyway (the race check's
   * re-list when it created an issue): a fan-out right after can pass it to `readActiveFreezes` instead of listing
   * again.
   */
  ledger: LedgerIssue[];
  /** The repository's open ledger issues as listed before this declaration (a fan-out compares before and after). */
  previous: LedgerIssue[];
}

/**
 * Records a freeze: updates the open ledger issue for the same environment, or opens one. Two commands can race
 * (both see no issue, both create one); so after creating, the open issues are listed again, the oldest for the
 * environment is kept, newer duplicates are closed with a comment pointing at it, and the kept one gets this
 * declaration.
 */
export async function declareFreeze(
  gh: GitHub,
  ref: RepoRef,
  declaration: FreezeDeclaration,
  now: Date,
): Promise<DeclaredFreeze> {
  const zone = declaration.timezone ?? "UTC";
  const record = (previous: FreezeRecord | null): FreezeRecord => ({
    v: 1,
    by: declaration.by,
    reason: declaration.reason,
    environment: declaration.environment,
    // Extending a running freeze keeps when it began.
    from: previous && !isExpired(previous, now) ? previous.from : declaration.from,
    until: declaration.until,
    source: declaration.sourceUrl,
  });
  const before = await listLedgerIssues(gh, ref);
  const existing = before.find((i) => sameEnvironment(i.record, declaration.environment));
  if (existing) {
    const updated = record(existing.record);
    await update(gh, ref, existing.number, updated, zone);
    return {
      action: "updated",
      number: existing.number,
      html_url: existing.html_url,
      record: updated,
      closedDuplicates: [],
      ledger: afterWrite(before, [], { ...existing, record: updated }),
      previous: before,
    };
  }

  const created = record(null);
  const { data } = await gh.rest.issues.create({
    ...ref,
    title: ledgerTitle(created),
    body: ledgerBody(created, zone),
    labels: [LEDGER_LABEL],
  });
  if (!data.labels.some((l) => (typeof l === "string" ? l : l.name) === LEDGER_LABEL)) {
    // GitHub drops labels it cannot apply; create the label and apply it explicitly.
    await ensureLabel(gh, ref);
    await gh.rest.issues.addLabels({ ...ref, issue_number: data.number, labels: [LEDGER_LABEL] });
  }
  await writeRevision(gh, ref, data.number, created, zone, "declared");

  const relisted = await listLedgerIssues(gh, ref);
  const same = relisted.filter((i) => sameEnvironment(i.record, declaration.environment));
  const kept: LedgerIssue | undefined = same[0];
  if (!kept || kept.number === data.number) {
    const closed = await closeDuplicates(gh, ref, same.slice(1), data.number, data.html_url);
    return {
      action: "created",
      number: data.number,
      html_url: data.html_url,
      record: created,
      closedDuplicates: closed,
      ledger: afterWrite(relisted, closed, {
        number: data.number,
        html_url: data.html_url,
        created_at: data.created_at,
        record: created,
      }),
      previous: before,
    };
  }
  const duplicates = same.slice(1);
  if (!duplicates.some((d) => d.number === data.number)) {
    duplicates.push({
      number: data.number,
      html_url: data.html_url,
      created_at: data.created_at,
      record: created,
    });
  }
  const closed = await closeDuplicates(gh, ref, duplicates, kept.number, kept.html_url);
  const merged = record(kept.record);
  await update(gh, ref, kept.number, merged, zone);
  return {
    action: "updated",
    number: kept.number,
    html_url: kept.html_url,
    record: merged,
    closedDuplicates: closed,
    ledger: afterWrite(relisted, closed, { ...kept, record: merged }),
    previous: before,
  };
}

/**
 * A list made before this call's last writes, brought up to date: closed duplicates gone, the kept issue with its new
 * record (added when the list did not show it yet).
 */
function afterWrite(
  listed: readonly LedgerIssue[],
  closed: readonly number[],
  kept: LedgerIssue,
): LedgerIssue[] {
  const open = listed.filter((i) => !closed.includes(i.number) && i.number !== kept.number);
  return [...open, kept].sort((a, b) => a.number - b.number);
}

/**
 * The revision comment: what change-gate wrote, for people, and the state it wrote, for change-gate — a hand edit
 * of the issue is compared with (and restored to) the latest one. Written before the issue changes, so the event
 * the change causes already finds it.
 */
async function writeRevision(
  gh: GitHub,
  ref: RepoRef,
  issue_number: number,
  record: FreezeRecord,
  zone: string,
  what: "declared" | "updated",
) {
  const reason = record.reason ? `: ${record.reason}` : "";
  await gh.rest.issues.createComment({
    ...ref,
    issue_number,
    body: revisionComment(
      `Freeze ${what} by @${record.by}: ${scopeName(record.environment)} ${untilText(record.until, zone)}${reason}`,
      { active: true, record },
    ),
  });
}

async function update(gh: GitHub, ref: RepoRef, issue_number: number, record: FreezeRecord, zone: string) {
  await writeRevision(gh, ref, issue_number, record, zone, "updated");
  await gh.rest.issues.update({
    ...ref,
    issue_number,
    title: ledgerTitle(record),
    body: ledgerBody(record, zone),
  });
}

async function closeDuplicates(
  gh: GitHub,
  ref: RepoRef,
  duplicates: readonly LedgerIssue[],
  keptNumber: number,
  keptUrl: string,
): Promise<number[]> {
  for (const d of duplicates) {
    await gh.rest.issues.createComment({
      ...ref,
      issue_number: d.number,
      body: revisionComment(
        `Duplicate of #${keptNumber} (${keptUrl}): two freezes were declared at the same time; the freeze is recorded there.`,
        { active: false, record: d.record },
      ),
    });
    await gh.rest.issues.update({
      ...ref,
      issue_number: d.number,
      state: "closed",
      state_reason: "not_planned",
    });
  }
  return duplicates.map((d) => d.number);
}

/** Creates the `change-freeze` label; an existing one (422) is fine. */
export async function ensureLabel(gh: GitHub, ref: RepoRef): Promise<void> {
  try {
    await gh.rest.issues.createLabel({
      ...ref,
      name: LEDGER_LABEL,
      color: "1d76db",
      description: "change-gate freeze ledger: an open issue with this label is an active freeze",
    });
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status !== 422) throw error;
  }
}

import { z } from "zod";
import { readHiddenJson, withHiddenBlock } from "../hidden-block.js";
import type { GitHub, RepoRef } from "../types.js";
import { type FreezeRecord, recordSchema } from "./block.js";

const MARKER = "change-gate:ledger-revision";

const revisionSchema = z.object({
  v: z.literal(1),
  /** The freeze counts (issue open and labelled `change-freeze`); false once lifted, expired or closed as duplicate. */
  active: z.boolean(),
  /** The state block as change-gate last wrote it; null when it adopted an unreadable one (a freeze with no end). */
  record: recordSchema.nullable(),
});

/**
 * A ledger issue's state as change-gate last wrote it. The issue itself (body, open/closed, label) is editable by
 * anyone with triage or write; this revision sits in a comment change-gate wrote and nobody edited, so it is what a
 * hand-made change is compared with and restored to.
 */
export type LedgerRevision = z.output<typeof revisionSchema>;

/**
 * Who wrote a comment change-gate trusts: in the App, its own App (`performed_via_github_app.id`); in the Action,
 * the workflow token's `github-actions[bot]` (any workflow of the repository writes as it — see docs/security.md).
 */
export type RevisionAuthor = { appId: number } | { login: string };

export const ACTIONS_BOT = "github-actions[bot]";

/**
 * A revision comment: `visible` for people (made inert: no user text in it can open or close a comment or carry a
 * marker), then the revision's hidden block.
 */
export function revisionComment(visible: string, revision: Omit<LedgerRevision, "v">): string {
  return withHiddenBlock(visible, MARKER, { v: 1, ...revision });
}

/** The revision in a comment body: its last block (change-gate's own comes after any text it quotes). */
export function readRevisionBlock(body: string | null | undefined): LedgerRevision | null {
  return readHiddenJson(MARKER, revisionSchema, body);
}

interface CommentLike {
  body?: string | null;
  created_at: string;
  updated_at: string;
  user: { login: string } | null;
  performed_via_github_app?: { id: number } | null;
}

export function writtenBy(author: RevisionAuthor, c: Pick<CommentLike, "user" | "performed_via_github_app">) {
  return "appId" in author
    ? c.performed_via_github_app?.id === author.appId
    : c.user?.login === author.login && !c.performed_via_github_app;
}

/**
 * The issue's latest revision: the newest comment by change-gate carrying one and never edited (change-gate never
 * edits them; a collaborator with write can, so an edited one is not trusted). Null when there is none: an issue
 * from before revisions, or one a person declared by hand. One request per 100 comments.
 */
export async function readRevision(
  gh: GitHub,
  ref: RepoRef,
  issueNumber: number,
  author: RevisionAuthor,
): Promise<LedgerRevision | null> {
  const comments = (await gh.paginate(gh.rest.issues.listComments, {
    ...ref,
    issue_number: issueNumber,
    per_page: 100,
  })) as CommentLike[];
  for (const c of [...comments].reverse()) {
    if (!writtenBy(author, c) || c.updated_at !== c.created_at) continue;
    const revision = readRevisionBlock(c.body);
    if (revision) return revision;
  }
  return null;
}

/** Two records are the same state (key order aside). */
export function sameRecord(a: FreezeRecord | null, b: FreezeRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.by === b.by &&
    a.reason === b.reason &&
    a.environment === b.environment &&
    Date.parse(a.from) === Date.parse(b.from) &&
    (a.until === null ? b.until === null : b.until !== null && Date.parse(a.until) === Date.parse(b.until)) &&
    a.source === b.source
  );
}

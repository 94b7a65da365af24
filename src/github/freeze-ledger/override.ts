import { z } from "zod";
import type { Config } from "../../core/config/schema.js";
import type { Override } from "../../core/policy/index.js";
import { checkAuthority } from "../permissions.js";
import type { GitHub, RepoRef } from "../types.js";
import { escapeForComment, readHiddenJson } from "./block.js";

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
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    ...ref,
    issue_number: prNumber,
    per_page: 100,
  });
  const approvals = new Map<string, string>();
  for (const c of comments) {
    if (c.user?.type !== "Bot" || !c.body?.includes("change-gate:override")) continue;
    const record = parseRecord(c.body);
    if (!record || record.pr !== prNumber || Date.parse(record.at) > now.getTime()) continue;
    const key = record.by.toLowerCase();
    if (!approvals.has(key)) approvals.set(key, JSON.stringify([record.by, record.reason]));
  }
  const label = config.overrides.label.toLowerCase();
  if (opts.labels?.some((l) => l.toLowerCase() === label)) {
    const labeller = await lastLabeller(gh, ref, prNumber, label);
    if (labeller && !approvals.has(labeller.login.toLowerCase())) {
      const authority = await checkAuthority(gh, ref, labeller.login, labeller.type, config.commands.freeze);
      if (authority.allowed) {
        approvals.set(
          labeller.login.toLowerCase(),
          JSON.stringify([labeller.login, `\`${config.overrides.label}\` label`]),
        );
      }
    }
  }
  if (approvals.size === 0) return null;
  const entries = [...approvals.values()].map((v) => JSON.parse(v) as [string, string]);
  const reasons = [...new Set(entries.map(([, reason]) => reason))];
  return { by: entries.map(([by]) => by), reason: reasons.join("; ") };
}

function parseRecord(body: string): z.output<typeof recordSchema> | null {
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

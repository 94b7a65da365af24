import type { GitHub, RepoRef } from "./types.js";

/** Stable name, so branch protection and rulesets can require it. */
export const CHECK_NAME = "change-gate";

/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunContent {
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
  /** Only consider runs of this GitHub App (the App knows its id; the Action's runs belong to github-actions). */
  appId?: number;
  /**
   * What the caller already knows is on the head, to spare the read when a write is due anyway: a run it wrote
   * (updated in place when the verdict differs; read again when it looks the same, since only the read can prove
   * nothing changed) or null when the head is known to have none yet (created without a read).
   */
  prior?: CheckVerdict | null;
  /** The head's latest run as just read from GitHub (`latestCheckRun`): used as is, never read again. */
  current?: ExistingRun | null;
}

/** A run's verdict as change-gate compares it. */
export interface CheckVerdict {
  id: number;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
}

export interface CheckRunWrite {
  action: "created" | "updated" | "unchanged";
  id: number;
  /** What the head shows after this call. */
  verdict: CheckVerdict;
}

export interface ExistingRun {
  id: number;
  conclusion: string | null;
  status: string;
  output: { title: string | null; summary: string | null };
}

/**
 * The parts of a summary that move with the clock ("Evaluated at …", "(in 2d 13h)") are not a change: without this
 * every evaluation would rewrite the check.
 */
function comparableSummary(summary: string): string {
  return summary.replace(/Evaluated at \S+/g, "Evaluated at").replace(/\(in [^)]*\)/g, "(in …)");
}

/** What a check shows: the same verdict when these match, the parts that move with the clock aside. */
export interface VerdictText {
  conclusion: string | null;
  title: string | null;
  summary: string;
}

export function sameVerdict(a: VerdictText, b: VerdictText): boolean {
  return (
    a.conclusion === b.conclusion &&
    a.title === b.title &&
    comparableSummary(a.summary) === comparableSummary(b.summary)
  );
}

function sameContent(run: ExistingRun, c: CheckRunContent): boolean {
  return (
    run.status === "completed" &&
    sameVerdict({ conclusion: run.conclusion, title: run.output.title, summary: run.output.summary ?? "" }, c)
  );
}

/** Find this check's latest run on the head; write only when its verdict, title or summary changed. */
export async function upsertCheckRun(gh: GitHub, ref: RepoRef, c: CheckRunContent): Promise<CheckRunWrite> {
  const known =
    c.prior === undefined || (c.prior !== null && sameContent(asRun(c.prior), c)) ? undefined : c.prior;
  const existing =
    c.current !== undefined
      ? c.current
      : known === undefined
        ? await latestCheckRun(gh, ref, c.headSha, c.appId)
        : known && asRun(known);
  const verdict = (id: number): CheckVerdict => ({
    id,
    conclusion: c.conclusion,
    title: c.title,
    summary: c.summary,
  });
  if (existing && sameContent(existing, c))
    return { action: "unchanged", id: existing.id, verdict: verdict(existing.id) };

  const annotations = c.annotations ?? [];
  const output = (batch: CheckAnnotation[]) => ({
    title: c.title,
    summary: c.summary,
    ...(c.text ? { text: c.text } : {}),
    ...(batch.length ? { annotations: batch } : {}),
  });
  const first = annotations.slice(0, ANNOTATIONS_PER_REQUEST);
  const body = {
    ...ref,
    name: CHECK_NAME,
    status: "completed" as const,
    conclusion: c.conclusion,
    output: output(first),
  };
  let id: number;
  let action: CheckRunWrite["action"];
  if (existing) {
    const { data: run } = await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...body,
      check_run_id: existing.id,
    });
    id = Number(run.id);
    action = "updated";
  } else {
    const { data: run } = await gh.request("POST /repos/{owner}/{repo}/check-runs", {
      ...body,
      head_sha: c.headSha,
    });
    id = Number(run.id);
    action = "created";
  }
  // Further annotations are appended by updates that repeat the output.
  for (let i = ANNOTATIONS_PER_REQUEST; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...ref,
      check_run_id: id,
      output: output(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)),
    });
  return { action, id, verdict: verdict(id) };
}

/** This check's latest run on a head (of `appId`'s runs when given), or null. */
export async function latestCheckRun(
  gh: GitHub,
  ref: RepoRef,
  headSha: string,
  appId?: number,
): Promise<ExistingRun | null> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...ref,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "latest",
    ...(appId ? { app_id: appId } : {}),
  });
  return (data.check_runs[0] as ExistingRun | undefined) ?? null;
}

const asRun = (v: CheckVerdict): ExistingRun => ({
  id: v.id,
  status: "completed",
  conclusion: v.conclusion,
  output: { title: v.title, summary: v.summary },
});

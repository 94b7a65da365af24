import type { CheckVerdict } from "../github/check-run.js";
import type { RepoRef } from "../github/types.js";

/** Enough for every busy PR of a large installation; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

/**
 * What this process last wrote: the verdict on each PR head and the risk label on each PR. A webhook payload is a
 * snapshot from before our own writes (a redelivery can be hours old), so without this a redelivered event would
 * re-add a label we already added; knowing the run we wrote also spares reading it back before an update.
 * Lost on restart, which only costs the reads it saves.
 */
export class WriteJournal {
  private readonly runs = new Map<string, CheckVerdict>();
  private readonly labels = new Map<string, { name: string; at: number }>();

  checkRun(ref: RepoRef, headSha: string): CheckVerdict | undefined {
    return this.runs.get(`${keyOf(ref)}@${headSha}`);
  }

  recordCheckRun(ref: RepoRef, headSha: string, verdict: CheckVerdict): void {
    remember(this.runs, `${keyOf(ref)}@${headSha}`, verdict);
  }

  /**
   * The PR's labels as they are now, as far as we know: the payload's, unless it predates our last risk-label write
   * on the PR — then that write replaces whatever risk labels the payload still shows. A payload newer than our write
   * already includes it (and anyone's later change), so it is taken as it is.
   */
  currentLabels(
    ref: RepoRef,
    pr: { number: number; labels: { name: string }[]; updated_at?: string },
    riskLabelNames: readonly string[],
  ): string[] {
    const names = pr.labels.map((l) => l.name);
    const ours = this.labels.get(`${keyOf(ref)}#${pr.number}`);
    const seenAt = pr.updated_at === undefined ? Number.NaN : Date.parse(pr.updated_at);
    if (!ours || seenAt >= ours.at) return names;
    const isRisk = (name: string) => riskLabelNames.some((r) => r.toLowerCase() === name.toLowerCase());
    return [...names.filter((n) => !isRisk(n)), ours.name];
  }

  recordRiskLabel(ref: RepoRef, number: number, name: string, at: Date): void {
    remember(this.labels, `${keyOf(ref)}#${number}`, { name, at: at.getTime() });
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
}

const keyOf = (ref: RepoRef) => `${ref.owner}/${ref.repo}`.toLowerCase();

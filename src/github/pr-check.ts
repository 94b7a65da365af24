import { type ConfigResult, formatConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { type CheckReport, type Conclusion, changeDecider, type Override } from "../core/policy/index.js";
import { gateSummary, gateTitle } from "../core/render/index.js";
import { riskLabels } from "../core/risk/index.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { gatherPullRequestFacts, type PullRequestSource, readChangeOverride } from "./change-facts.js";
import {
  type CheckAnnotation,
  type CheckRunWrite,
  type CheckVerdict,
  type ExistingRun,
  latestCheckRun,
  sameVerdict,
  upsertCheckRun,
} from "./check-run.js";
import { type OverrideBatch, overrideBatch, readActiveFreezes } from "./freeze-ledger/index.js";
import { readRepoConfig } from "./read-config.js";
import { readRepoFile } from "./read-file.js";
import { readPrTemplates } from "./read-templates.js";
import { type LabelSync, syncRiskLabels } from "./sync-labels.js";
import type { GitHub, RepoRef } from "./types.js";

/**
 * A PR as the check on its head needs it: the fields the facts are read from (`PullRequestSource`), as a webhook
 * payload or `GET /pulls/{n}` carries them, with its head.
 */
export interface PullRequestLike extends PullRequestSource {
  head: { sha: string };
  body: string | null;
  user: { login: string; type?: string } | null;
  labels: { name: string }[];
  base: { ref: string };
  /** When the PR last changed (labels included), so a caller can tell a payload older than its own writes. */
  updated_at?: string;
}

/** What one event already knows; anything absent is read from GitHub. */
export interface PrCheckOptions {
  ref: RepoRef;
  pr: PullRequestLike;
  now: Date;
  ledger?: LedgerFreeze[];
  override?: Override | null;
  /** Pass when this event already read it (a batch reads it once). */
  config?: ConfigResult;
  templates?: string[];
  /** The App's id, so only its own check runs are compared and updated and only its override records count. */
  appId?: number;
  /** What the caller knows is on the head (see `CheckRunContent.prior`); absent = read it. */
  priorRun?: CheckVerdict | null;
  /** Overrides of a fan-out page, read together instead of one comment listing per PR. */
  overrides?: OverrideBatch;
  /**
   * The ledger before the change that prompted this check (a freeze fan-out; `ledger` is the one after). When the
   * PR's verdict is the same under both, the change does not touch it and nothing is read or written; when it
   * differs, the new verdict is written as a new run without looking up the old one (GitHub shows the latest run).
   */
  previousLedger?: LedgerFreeze[];
  /** Decided for a merge-queue group (the PR is no longer a draft there). */
  mergeQueue?: boolean;
}

/** What happened to the head's check: written (or found unchanged), or untouched by a fan-out it does not concern. */
export type PrCheckWrite = CheckRunWrite | { action: "untouched" };

export interface PrCheckResult {
  report: CheckReport | null;
  conclusion: Conclusion;
  check: PrCheckWrite;
  labels: LabelSync;
}

const NO_LABEL_CHANGE: LabelSync = { added: [], removed: [] };

/** gather → decide → render → write, for one PR head. Fails closed: an exception becomes a failing check, then rethrows. */
export async function runPrCheck(gh: GitHub, opts: PrCheckOptions): Promise<PrCheckResult> {
  const { ref, pr } = opts;
  let current: Promise<ExistingRun | null> | null = null;
  try {
    const config = opts.config ?? (await readRepoConfig(gh, ref));
    if (!config.ok) {
      const check = await writeConfigErrors(gh, ref, pr.head.sha, config, opts.appId, opts.priorRun);
      return { report: null, conclusion: "failure", check, labels: NO_LABEL_CHANGE };
    }
    const decide = { ...opts, config: config.config };
    if (opts.previousLedger && opts.ledger) {
      const [after, before] = await decideUnder(gh, decide, [opts.ledger, opts.previousLedger]);
      if (sameVerdict(checkText(after!), checkText(before!)))
        return {
          report: after!,
          conclusion: after!.gates.merge.conclusion,
          check: UNTOUCHED,
          labels: NO_LABEL_CHANGE,
        };
      return await writeVerdict(gh, decide, after!, null);
    }
    // The head's current run is read while the decision's inputs are (a caller that knows it passes priorRun).
    current = opts.priorRun === undefined ? settled(latestCheckRun(gh, ref, pr.head.sha, opts.appId)) : null;
    const report = await decidePr(gh, decide);
    return await writeVerdict(gh, decide, report, current ? await current : undefined);
  } catch (error) {
    // The head's run, if it was read before the failure, need not be read again; if that read is what failed, a new
    // run is written without it (null), so an earlier pass on the head cannot outlive the failure.
    const known = current ? await current.catch(() => null) : undefined;
    await writeInternalError(gh, ref, pr.head.sha, error, opts.appId, known);
    throw error;
  }
}

/** A fan-out that did not touch the head: its run was neither read nor written. */
const UNTOUCHED: PrCheckWrite = { action: "untouched" };

/**
 * The check and the risk labels for a decided PR. `existing`: the head's run as just read, null = none
 * (write a new run), undefined = look it up (or trust `priorRun`).
 */
async function writeVerdict(
  gh: GitHub,
  opts: DecideOptions,
  report: CheckReport,
  existing: ExistingRun | null | undefined,
): Promise<PrCheckResult> {
  const { ref, pr, config } = opts;
  const text = checkText(report);
  // One after the other: the check first (what merges wait for), then the labels. Concurrent events on one PR rely
  // on this order (the App records a label only after its write; written together, each event re-added it).
  const check = await upsertCheckRun(gh, ref, {
    headSha: pr.head.sha,
    ...text,
    appId: opts.appId,
    ...(existing !== undefined ? { current: existing } : { prior: opts.priorRun }),
  });
  // An unknown level (no file list to read) names no label: the labels stay as they are.
  const level = report.risk.level;
  const labels =
    level === "unknown"
      ? NO_LABEL_CHANGE
      : await syncRiskLabels(
          gh,
          ref,
          pr.number,
          pr.labels.map((l) => l.name),
          level,
          riskLabels(config.risk.labels),
        );
  return { report, conclusion: text.conclusion, check, labels };
}

/** The check a report renders: the merge gate's conclusion, title and summary. */
function checkText(report: CheckReport): { conclusion: Conclusion; title: string; summary: string } {
  const gate = report.gates.merge;
  return { conclusion: gate.conclusion, title: gateTitle(gate), summary: gateSummary(report, gate) };
}

/**
 * A read started ahead of its use: the rejection is held (so an earlier failure does not leave it unhandled) and
 * rethrown where the value is awaited.
 */
function settled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

type DecideOptions = Omit<PrCheckOptions, "config"> & { config: Config };

/** Gather what the decision needs for one PR (reading only what the caller did not pass) and decide. */
export async function decidePr(gh: GitHub, opts: DecideOptions): Promise<CheckReport> {
  const [report] = await decideUnder(gh, opts, [opts.ledger ?? readActiveFreezes(gh, opts.ref, opts.now)]);
  return report!;
}

/**
 * One PR decided under each of `ledgers`, from one gathering of its facts (templates, files, overrides). Independent
 * reads go out together: a PR check waits for the slowest of them, not for their sum.
 */
async function decideUnder(
  gh: GitHub,
  opts: DecideOptions,
  pending: readonly (LedgerFreeze[] | Promise<LedgerFreeze[]>)[],
): Promise<CheckReport[]> {
  const { ref, pr, config } = opts;
  const [facts, ledgers] = await Promise.all([
    gatherPullRequestFacts(gh, ref, pr, {
      config,
      now: opts.now,
      templates: opts.templates ?? (() => readTemplatesFor(gh, ref, config)),
      // The ledgers are read alongside; each decision below takes its own.
      ledger: [],
      mergeQueue: opts.mergeQueue,
    }),
    Promise.all(pending),
  ]);
  const decider = changeDecider(config, facts);
  const decide = (ledger: LedgerFreeze[], override: Override | null) => decider(ledger, override, opts.now);
  if (opts.override !== undefined) return ledgers.map((ledger) => decide(ledger, opts.override!));
  const reports = ledgers.map((ledger) => decide(ledger, null));
  // An override only changes a schedule rule that fails, so the ledger comments are read only then.
  if (!reports.some(failsSchedule)) return reports;
  const override = await readChangeOverride(gh, ref, facts, config, opts.now, {
    appId: opts.appId,
    batch: opts.overrides,
  });
  return override ? reports.map((r, i) => (failsSchedule(r) ? decide(ledgers[i]!, override) : r)) : reports;
}

const failsSchedule = (report: CheckReport) =>
  report.gates.merge.rules.some((r) => r.status === "fail" && r.rule === SCHEDULE_RULE);

/** The merge gate's schedule row (core/policy names it). */
const SCHEDULE_RULE = "Freeze / window";

/** `description.template`: "auto" = the repo's PR templates, "none" = no comparison, else one file's path. */
export async function readTemplatesFor(gh: GitHub, ref: RepoRef, config: Config): Promise<string[]> {
  const setting = config.description.template;
  if (setting === "none") return [];
  if (setting === "auto") return readPrTemplates(gh, ref);
  const text = await readRepoFile(gh, ref, setting);
  return text === null ? [] : [text];
}

/** Config errors as a failing check with one annotation per error on the config file. */
export function writeConfigErrors(
  gh: GitHub,
  ref: RepoRef,
  headSha: string,
  config: Extract<ConfigResult, { ok: false }>,
  appId?: number,
  prior?: CheckVerdict | null,
): Promise<CheckRunWrite> {
  const n = config.errors.length;
  const annotations: CheckAnnotation[] = config.errors.map((e) => ({
    path: config.file,
    start_line: e.line,
    end_line: e.line,
    start_column: e.column,
    end_column: e.column,
    annotation_level: "failure",
    title: e.key ? `change-gate config: ${e.key}` : "change-gate config",
    message: e.message,
  }));
  return upsertCheckRun(gh, ref, {
    headSha,
    conclusion: "failure",
    title: `${config.file} has ${n} error${n === 1 ? "" : "s"}`,
    summary: [
      `change-gate cannot evaluate this change until its config is fixed:`,
      "",
      "```",
      ...config.errors.map(formatConfigError),
      "```",
    ].join("\n"),
    annotations,
    appId,
    prior,
  });
}

/**
 * Fail closed: an internal error is a failing check that says so, never a pass. Best effort: it must not mask the
 * error. `current`: the head's run as already read (null = none, or the read failed). When the head's run cannot be
 * read, a new run is created anyway: GitHub shows the latest run of a name, so the failure replaces any earlier pass.
 */
export async function writeInternalError(
  gh: GitHub,
  ref: RepoRef,
  headSha: string,
  error: unknown,
  appId?: number,
  current?: ExistingRun | null,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const existing =
      current !== undefined ? current : await latestCheckRun(gh, ref, headSha, appId).catch(() => null);
    await upsertCheckRun(gh, ref, {
      headSha,
      conclusion: "failure",
      title: "change-gate hit an internal error",
      summary: `change-gate hit an internal error: ${message.replace(/\s+/g, " ").slice(0, 1000)}\n\nRe-run the check; if it keeps failing, tell the change-gate maintainers.`,
      appId,
      current: existing,
    });
  } catch {
    // The original error is what the caller rethrows and logs.
  }
}

export interface ReevaluateOptions {
  appId?: number;
  /** Per-PR failures are logged and counted; the batch goes on. */
  onError?: (pr: number, error: unknown) => void;
  /** Already read for this batch. */
  config?: ConfigResult;
  templates?: string[];
  /** The ledger as the caller just read or wrote it (a /freeze fan-out); absent = read it. */
  ledger?: LedgerFreeze[];
  /** The ledger before the command that prompted this fan-out (see `PrCheckOptions.previousLedger`). */
  previousLedger?: LedgerFreeze[];
}

export interface ReevaluateResult {
  evaluated: number;
  failures: number;
  /** PRs a ledger change did not concern: their checks were neither read nor written (see `previousLedger`). */
  untouched: number;
  /** Earliest instant at which any evaluated PR's schedule state flips (ISO), for the sweep's exact timer. */
  nextChange: string | null;
}

/** Re-run the check on every open PR, reading config, templates and the ledger once for the batch. */
export async function reevaluateOpenPrs(
  gh: GitHub,
  ref: RepoRef,
  now: Date,
  opts: ReevaluateOptions = {},
): Promise<ReevaluateResult> {
  const result: ReevaluateResult = { evaluated: 0, failures: 0, untouched: 0, nextChange: null };
  const iterator = gh.paginate.iterator(gh.rest.pulls.list, { ...ref, state: "open", per_page: 100 });
  type Shared = { templates?: string[]; ledger?: LedgerFreeze[]; previousLedger?: LedgerFreeze[] };
  let config: ConfigResult | null = opts.config ?? null;
  let shared: Shared | null = null;
  /** What every PR's decision needs, read once, when the first PR comes (a repo without open PRs reads nothing). */
  const readShared = async (): Promise<Shared> => {
    config ??= await readRepoConfig(gh, ref);
    if (!config.ok) return {};
    const [templates, ledger] = await Promise.all([
      opts.templates ?? readTemplatesFor(gh, ref, config.config),
      opts.ledger ?? readActiveFreezes(gh, ref, now),
    ]);
    return { templates, ledger, ...(opts.previousLedger ? { previousLedger: opts.previousLedger } : {}) };
  };
  let failed: unknown = null;
  for await (const page of iterator) {
    const prs = page.data as PullRequestLike[];
    if (prs.length > 0 && shared === null && failed === null)
      shared = await readShared().catch((error: unknown) => {
        failed = error;
        return null;
      });
    if (failed !== null) {
      // Fail closed: when what every PR's decision needs cannot be read, no earlier pass may stay on a head.
      for (const pr of prs) {
        await writeInternalError(gh, ref, pr.head.sha, failed, opts.appId);
        result.failures++;
        opts.onError?.(pr.number, failed);
      }
      continue;
    }
    if (!shared || !config) continue;
    const loaded: ConfigResult = config;
    const overrides = loaded.ok
      ? overrideBatch(gh, ref, prs, loaded.config, now, { appId: opts.appId })
      : undefined;
    for (const pr of prs) {
      try {
        const out = await runPrCheck(gh, {
          ref,
          pr,
          now,
          config: loaded,
          appId: opts.appId,
          ...shared,
          overrides,
        });
        if (out.check.action === "untouched") result.untouched++;
        result.nextChange = earliest(result.nextChange, out.report ? nextChangeOf(out.report) : null);
      } catch (error) {
        result.failures++;
        opts.onError?.(pr.number, error);
      }
      result.evaluated++;
    }
  }
  if (failed !== null) throw failed;
  return result;
}

/** When this report's schedule state next flips: the close of an open gate, or the opening of a closed one. */
export function nextChangeOf(report: CheckReport): string | null {
  return report.schedule.open ? report.schedule.closesAt : report.schedule.nextOpen;
}

export function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

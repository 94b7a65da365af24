import { type ConfigResult, formatConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { readTemplates } from "../core/description/index.js";
import {
  type CheckReport,
  type Conclusion,
  descriptionSkipReason,
  evaluateChange,
  type Override,
  pullRequestFacts,
} from "../core/policy/index.js";
import { gateSummary, gateTitle } from "../core/render/index.js";
import { type ChangedFile, riskLabels } from "../core/risk/index.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { type CheckAnnotation, type CheckRunWrite, type CheckVerdict, upsertCheckRun } from "./check-run.js";
import { type OverrideBatch, overrideBatch, readActiveFreezes, readOverride } from "./freeze-ledger/index.js";
import { listPrFiles } from "./list-pr-files.js";
import { readRepoConfig } from "./read-config.js";
import { readRepoFile } from "./read-file.js";
import { readPrTemplates } from "./read-templates.js";
import { type LabelSync, syncRiskLabels } from "./sync-labels.js";
import type { GitHub, RepoRef } from "./types.js";

/** The PR fields change-gate reads; the webhook payload and the REST object both fit. */
export interface PullRequestLike {
  number: number;
  head: { sha: string };
  body: string | null;
  draft?: boolean;
  user: { login: string; type?: string } | null;
  labels: { name: string }[];
  base: { ref: string };
  /** Totals GitHub sends with the PR; they spare the file listing when no rule looks at paths. */
  additions?: number;
  deletions?: number;
  changed_files?: number;
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
  /** The App's id, so only its own check runs are compared and updated. */
  appId?: number;
  /** What the caller knows is on the head (see `CheckRunContent.prior`); absent = read it. */
  priorRun?: CheckVerdict | null;
  /** Overrides of a fan-out page, read together instead of one comment listing per PR. */
  overrides?: OverrideBatch;
}

export interface PrCheckResult {
  report: CheckReport | null;
  conclusion: Conclusion;
  check: CheckRunWrite;
  labels: LabelSync;
}

const NO_LABEL_CHANGE: LabelSync = { added: [], removed: [] };

/** gather → decide → render → write, for one PR head. Fails closed: an exception becomes a failing check, then rethrows. */
export async function runPrCheck(gh: GitHub, opts: PrCheckOptions): Promise<PrCheckResult> {
  const { ref, pr } = opts;
  try {
    const config = opts.config ?? (await readRepoConfig(gh, ref));
    if (!config.ok) {
      const check = await writeConfigErrors(gh, ref, pr.head.sha, config, opts.appId, opts.priorRun);
      return { report: null, conclusion: "failure", check, labels: NO_LABEL_CHANGE };
    }
    const report = await decidePr(gh, { ...opts, config: config.config });
    const gate = report.gates.merge;
    const check = await upsertCheckRun(gh, ref, {
      headSha: pr.head.sha,
      conclusion: gate.conclusion,
      title: gateTitle(gate),
      summary: gateSummary(report, gate),
      appId: opts.appId,
      prior: opts.priorRun,
    });
    const labels = await syncRiskLabels(
      gh,
      ref,
      pr.number,
      pr.labels.map((l) => l.name),
      report.risk.level,
      riskLabels(config.config.risk.labels),
    );
    return { report, conclusion: gate.conclusion, check, labels };
  } catch (error) {
    await writeInternalError(gh, ref, pr.head.sha, error, opts.appId);
    throw error;
  }
}

type DecideOptions = Omit<PrCheckOptions, "config"> & { config: Config };

/** Gather what the decision needs for one PR (reading only what the caller did not pass) and decide. */
export async function decidePr(gh: GitHub, opts: DecideOptions): Promise<CheckReport> {
  const { ref, pr, config } = opts;
  const templates = opts.templates ?? (await readTemplatesFor(gh, ref, config));
  const files = needsFileList(config) ? await listPrFiles(gh, ref, pr.number) : totalsOf(pr);
  const ledger = opts.ledger ?? (await readActiveFreezes(gh, ref, opts.now));
  const facts = pullRequestFacts(pr, files);
  const { labels, draft } = facts;
  const skip = descriptionSkipReason(config, facts);
  const input = {
    config,
    at: opts.now,
    body: pr.body ?? "",
    template: readTemplates(templates),
    files,
    labels,
    skip,
    draft,
    ledger,
  };
  if (opts.override !== undefined) return evaluateChange({ ...input, override: opts.override });
  const report = evaluateChange(input);
  // An override only changes a schedule rule that fails, so the ledger comments are read only then.
  if (!report.gates.merge.rules.some((r) => r.status === "fail" && r.rule === SCHEDULE_RULE)) return report;
  const override = opts.overrides
    ? await opts.overrides.get(pr.number, labels)
    : await readOverride(gh, ref, pr.number, config, opts.now, { labels });
  return override ? evaluateChange({ ...input, override }) : report;
}

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

/** Only path globs need the file list; sizes come with the PR itself. */
export function needsFileList(config: Config): boolean {
  return config.description.skip.paths.length > 0 || config.risk.rules.some((r) => r.paths !== undefined);
}

/**
 * The PR's totals as file facts: one entry per changed file, all lines on the first, so line and file counts match
 * GitHub's without listing the files. Null when the PR object carries no totals.
 */
function totalsOf(pr: PullRequestLike): ChangedFile[] | null {
  if (pr.changed_files === undefined || pr.additions === undefined || pr.deletions === undefined) return null;
  return Array.from({ length: pr.changed_files }, (_, i) => ({
    path: `(file ${i + 1} of ${pr.changed_files})`,
    additions: i === 0 ? pr.additions! : 0,
    deletions: i === 0 ? pr.deletions! : 0,
  }));
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

/** Fail closed: an internal error is a failing check that says so, never a pass. Best effort: it must not mask the error. */
export async function writeInternalError(
  gh: GitHub,
  ref: RepoRef,
  headSha: string,
  error: unknown,
  appId?: number,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    await upsertCheckRun(gh, ref, {
      headSha,
      conclusion: "failure",
      title: "change-gate hit an internal error",
      summary: `change-gate hit an internal error: ${message.replace(/\s+/g, " ").slice(0, 1000)}\n\nRe-run the check; if it keeps failing, tell the change-gate maintainers.`,
      appId,
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
}

export interface ReevaluateResult {
  evaluated: number;
  failures: number;
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
  const result: ReevaluateResult = { evaluated: 0, failures: 0, nextChange: null };
  const iterator = gh.paginate.iterator(gh.rest.pulls.list, { ...ref, state: "open", per_page: 100 });
  let config: ConfigResult;
  let shared: { templates?: string[]; ledger?: LedgerFreeze[] };
  try {
    config = opts.config ?? (await readRepoConfig(gh, ref));
    shared = config.ok
      ? {
          templates: opts.templates ?? (await readTemplatesFor(gh, ref, config.config)),
          ledger: opts.ledger ?? (await readActiveFreezes(gh, ref, now)),
        }
      : {};
  } catch (error) {
    // Fail closed: when what every PR's decision needs cannot be read, no earlier pass may stay on a head.
    for await (const page of iterator)
      for (const pr of page.data as PullRequestLike[]) {
        await writeInternalError(gh, ref, pr.head.sha, error, opts.appId);
        result.failures++;
        opts.onError?.(pr.number, error);
      }
    throw error;
  }
  for await (const page of iterator) {
    const prs = page.data as PullRequestLike[];
    const overrides = config.ok ? overrideBatch(gh, ref, prs, config.config, now) : undefined;
    for (const pr of prs) {
      try {
        const out = await runPrCheck(gh, { ref, pr, now, config, appId: opts.appId, ...shared, overrides });
        result.nextChange = earliest(result.nextChange, out.report ? nextChangeOf(out.report) : null);
      } catch (error) {
        result.failures++;
        opts.onError?.(pr.number, error);
      }
      result.evaluated++;
    }
  }
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

import { buildChangeReport, REPORT_MAX_DAYS } from "../core/report/change-report.js";
import { renderReportMarkdown } from "../core/report/render-report.js";
import { renderReportHtml } from "../core/report/render-report-html.js";
import type { LedgerFreeze } from "../core/schedule/index.js";
import { listDeployments } from "../github/list-deployments.js";
import { listMergedPulls } from "../github/list-merged-pulls.js";
import { listFreezeHistory, listOverrideRecords } from "../github/list-override-records.js";
import type { RepoCommandArgs } from "./github-args.js";
import { cliGitHub } from "./github-client.js";
import { UsageError } from "./io.js";
import { readRepoPolicy } from "./repo-policy.js";

const DAY_MS = 86_400_000;

/**
 * `change-gate report`: the change load of a period. Requests: config and templates, then one listing each of
 * merged PRs, deployments, issue comments (override records) and `/freeze` ledger issues — one request per page, no
 * per-PR or per-deployment call.
 */
export async function runReport(
  args: RepoCommandArgs,
  io: { now: Date; env: NodeJS.ProcessEnv; out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  if (io.now.getTime() - args.since.getTime() > REPORT_MAX_DAYS * DAY_MS)
    throw new UsageError(`report --since covers at most ${REPORT_MAX_DAYS} days`);
  const { gh, requests } = await cliGitHub(io.env, io.err);
  const ref = { owner: args.owner, repo: args.repo };
  const byListing: Record<string, number> = {};
  const counted = async <T>(name: string, read: () => Promise<T>): Promise<T> => {
    const before = requests();
    const result = await read();
    byListing[name] = requests() - before;
    return result;
  };
  const { config, template, warnings } = await counted("config", () => readRepoPolicy(gh, ref));
  for (const w of warnings) io.err(`change-gate: ${w}\n`);
  const pulls = await counted("pulls", () => listMergedPulls(gh, ref, args.since));
  const deployments = await counted("deployments", () =>
    listDeployments(gh, ref, { environment: args.environment, since: args.since }),
  );
  const overrides = await counted("comments", () =>
    listOverrideRecords(gh, ref, args.since, config.timezone),
  );
  const freezes = await counted("ledger", () => listFreezeHistory(gh, ref, args.since));
  const ledger: LedgerFreeze[] = freezes.map((f) => ({
    name: `/freeze #${f.issue}`,
    ...(f.reason ? { reason: f.reason } : {}),
    by: f.by,
    from: f.from,
    until:
      f.closedAt && (f.until === null || Date.parse(f.closedAt) < Date.parse(f.until)) ? f.closedAt : f.until,
    environment: f.environment,
  }));
  const report = buildChangeReport({
    repository: `${ref.owner}/${ref.repo}`,
    environment: args.environment,
    since: args.since,
    until: io.now,
    config,
    template,
    pulls,
    deployments,
    overrides,
    ledger,
    requests: { total: requests(), byListing },
    warnings,
  });
  if (args.format === "json") io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (args.format === "html") io.out(renderReportHtml(report));
  else io.out(renderReportMarkdown(report));
  return 0;
}

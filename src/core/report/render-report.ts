import { cell } from "../render/markdown.js";
import type { ChangeReport } from "./change-report.js";

export function pct(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

export function minutes(m: number | null): string {
  if (m === null) return "–";
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h >= 48) return h % 24 ? `${Math.floor(h / 24)}d ${h % 24}h` : `${h / 24}d`;
  return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
}

/** The facts both the Markdown and the HTML page lead with. */
export function headline(r: ChangeReport): [string, string][] {
  const t = r.totals;
  return [
    ["Merged PRs", String(t.mergedPulls)],
    ["Deployments", String(t.deployments)],
    ["With a rollback plan", `${t.withRollback} (${pct(t.rollbackShare)})`],
    ["With a blast radius", `${t.withBlastRadius} (${pct(t.blastRadiusShare)})`],
    [
      "Risk low / medium / high",
      `${t.risk.low} / ${t.risk.medium} / ${t.risk.high}${t.risk.unknown ? ` (${t.risk.unknown} unknown: a risk rule reads changed files, which the report does not list)` : ""}`,
    ],
    ["Deploys outside windows or in freezes", String(t.outsideSchedule)],
    ["Overrides", String(t.overrides)],
    ["Freeze days", String(t.freezeDays)],
    [
      "Wait for a window after merge (median / p90 / max)",
      `${minutes(t.windowWait.medianMinutes)} / ${minutes(t.windowWait.p90Minutes)} / ${minutes(t.windowWait.maxMinutes)}`,
    ],
  ];
}

/** `change-gate report --format markdown`: user text goes through `cell` (no HTML, no mentions). */
export function renderReportMarkdown(r: ChangeReport): string {
  const out = [
    `# Change report: ${cell(r.repository)}${r.environment ? ` → ${cell(r.environment)}` : ""}`,
    "",
    `${r.since.slice(0, 10)} to ${r.until.slice(0, 10)} (weeks start Monday, ${r.timezone})`,
    "",
    "| | |",
    "|---|---|",
    ...headline(r).map(([k, v]) => `| ${k} | ${v} |`),
    "",
    "## Per week",
    "",
    "| Week | Merged | Deploys | Rollback plan | Blast radius | Risk L/M/H | Outside schedule | Freeze days |",
    "|---|---:|---:|---:|---:|---|---:|---:|",
    ...r.weeks.map(
      (w) =>
        `| ${w.week} | ${w.mergedPulls} | ${w.deployments} | ${w.withRollback} | ${w.withBlastRadius} | ${w.risk.low}/${w.risk.medium}/${w.risk.high} | ${w.outsideSchedule} | ${w.freezeDays} |`,
    ),
  ];
  if (r.outsideSchedule.length) {
    out.push(
      "",
      "## Deploys outside windows or during freezes",
      "",
      "| When | Env | Commit | Why closed | Override |",
    );
    out.push("|---|---|---|---|---|");
    for (const d of r.outsideSchedule)
      out.push(
        `| ${d.createdAt.slice(0, 16).replace("T", " ")} UTC | ${cell(d.environment)} | ${d.sha.slice(0, 7)} | ${d.reason}${d.rule ? `: ${cell(d.rule)}` : ""} | ${d.override ? `${d.override.by.map((b) => cell(`@${b}`)).join(", ")}: ${cell(d.override.reason)}` : "none recorded"} |`,
      );
  }
  if (r.overrides.length) {
    out.push("", "## Overrides", "", "| When | PR | By | Why |", "|---|---|---|---|");
    for (const o of r.overrides)
      out.push(
        `| ${o.at.slice(0, 16).replace("T", " ")} UTC | #${o.pr} | ${cell(`@${o.by}`)} | ${cell(o.reason)} |`,
      );
  }
  if (r.freezeDays.length) out.push("", "## Freeze days", "", r.freezeDays.join(", "));
  for (const w of r.warnings) out.push("", `> ${cell(w)}`);
  const by = Object.entries(r.requests.byListing)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out.push("", `_${r.requests.total} requests to GitHub (${by})._`, "");
  return out.join("\n");
}

import { formatIn, formatWhen } from "../schedule/index.js";
import { plain } from "./plain.js";
import type { DeployVerdict, RecentReport, SectionAnswer } from "./recent.js";

function gateLine(d: DeployVerdict, createdAt: string): string {
  const parts: string[] = [];
  if (d.gate === "not-held") parts.push("not held by a protection rule");
  else if (d.gate === "held-released")
    parts.push(`held ${formatIn(d.heldFrom ?? createdAt, d.releasedAt ?? createdAt)}, then released`);
  else if (d.gate === "held-stopped") parts.push("held, then stopped (rejected or failed before it started)");
  else parts.push("still waiting on a protection rule");
  if (d.override)
    parts.push(
      `overridden by ${d.override.by.map((u) => `@${plain(u, 40)}`).join(", ")}: ${plain(d.override.reason)}`,
    );
  const s = d.schedule;
  parts.push(
    s.open
      ? "inside the schedule"
      : `outside the schedule (${s.reason}${s.rule ? `: ${plain(s.rule, 80)}` : ""})`,
  );
  return parts.join("; ");
}

function section(title: string, a: SectionAnswer): string {
  if (a.status === "present") return `    ${title}: ${plain(a.answer)}`;
  return `    ${title}: ${a.status.toUpperCase()}${a.answer ? ` — ${plain(a.answer)}` : ""}`;
}

/** `change-gate recent` for people: newest deployment first, each PR's rollback plan and blast radius as written. */
export function renderRecentText(report: RecentReport, timezone: string): string {
  const head = `${report.repository} → ${report.environment}: ${report.deployments.length} deployment${report.deployments.length === 1 ? "" : "s"} since ${formatWhen(report.since, timezone)}`;
  const lines = [head];
  for (const d of report.deployments) {
    lines.push(
      "",
      `${formatWhen(d.createdAt, timezone)}  ${d.sha.slice(0, 7)} (${plain(d.ref, 80)})${d.creator ? ` by @${plain(d.creator, 40)}` : ""} — ${d.decision.state ?? "no status"}`,
      `  change-gate: ${gateLine(d.decision, d.createdAt)}`,
    );
    if (d.pullRequests.length === 0) lines.push("  no pull request found for this commit");
    for (const p of d.pullRequests) {
      lines.push(
        `  PR #${p.number} ${plain(p.title, 120)}${p.author ? ` (@${plain(p.author, 40)})` : ""} ${p.url}`,
        section("Rollback plan", p.rollback),
        section("Blast radius", p.blastRadius),
      );
    }
  }
  lines.push("", `${report.requests} request${report.requests === 1 ? "" : "s"} to GitHub`);
  return `${lines.join("\n")}\n`;
}

import type { CheckReport, GateDecision, GateRule } from "../policy/index.js";
import { inertText } from "./inert.js";

const ICON: Record<GateRule["status"], string> = { pass: "✅", fail: "❌", skip: "⏭️", info: "ℹ️" };

/** Make author-controlled text safe inside a Markdown table cell (no pipes, no line breaks, no HTML, no mentions). */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200B")
    .slice(0, 500);
}

export function rulesTable(rules: GateRule[]): string {
  const rows = rules.map(
    (r) => `| ${ICON[r.status]} ${cell(r.rule)} | ${cell(r.detail)} | ${r.fix ? cell(r.fix) : ""} |`,
  );
  return ["| Rule | Status | What to do |", "| --- | --- | --- |", ...rows].join("\n");
}

/** Check-run title: one line that says the verdict and the first thing to fix. */
export function gateTitle(gate: GateDecision): string {
  return gate.summary.length > 200 ? `${gate.summary.slice(0, 197)}…` : gate.summary;
}

/** Check-run / job-summary body for a gate. */
export function gateSummary(report: CheckReport, gate: GateDecision): string {
  const parts = [rulesTable(gate.rules)];
  // The on-call's rollback summary: the deploy approval and `change-gate recent` quote the same words.
  const rollback = report.description?.rollback;
  if (rollback?.status === "present" && rollback.answer)
    parts.push(
      `**Rollback plan** (quoted in the deploy approval and \`change-gate recent\`): ${inertText(cell(rollback.answer))}`,
    );
  if (report.override)
    parts.push(
      `**Override** by ${report.override.by.map((u) => `@${u}`).join(", ")}: ${cell(report.override.reason)}`,
    );
  for (const w of report.warnings) parts.push(`> [!WARNING]\n> ${cell(w)}`);
  parts.push(
    `<sub>Evaluated at ${report.at}${report.environment ? ` for environment \`${cell(report.environment)}\`` : ""} · risk ${report.risk.level}</sub>`,
  );
  return parts.join("\n\n");
}

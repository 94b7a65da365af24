import type { CheckReport, GateRule } from "../policy/index.js";

const LEVEL: Record<GateRule["status"], string> = { pass: "ok", fail: "error", skip: "skip", info: "info" };

const SEVERITY: Record<GateRule["status"], number> = { fail: 3, info: 2, skip: 1, pass: 0 };

/**
 * Each finding once across both gates: a section the merge gate requires and the deploy gate only reports
 * (`environments.<env>.require: []`) prints once, at its most severe level.
 */
function distinctRules(report: CheckReport): GateRule[] {
  const byFinding = new Map<string, GateRule>();
  for (const gate of Object.values(report.gates))
    for (const r of gate.rules) {
      const id = `${r.rule}|${r.detail}`;
      const seen = byFinding.get(id);
      // Map.set keeps the first position, so the lines stay in gate order.
      if (!seen || SEVERITY[r.status] > SEVERITY[seen.status]) byFinding.set(id, r);
    }
  return [...byFinding.values()];
}

/** Linter-style human view of a report: one line per rule, positions first, then the verdict. */
export function renderText(report: CheckReport, source: string): string {
  const lines: string[] = [source];
  const d = report.description;
  const positioned = (key: "rollback" | "blastRadius") => {
    const f = d?.[key];
    return f ? `${f.line}:${f.column}` : "-";
  };
  for (const r of distinctRules(report)) {
    const pos =
      r.rule === "Rollback plan"
        ? positioned("rollback")
        : r.rule === "Blast radius"
          ? positioned("blastRadius")
          : "-";
    // A passing row needs no repetition of its own name ("Rollback plan: Rollback plan found (line 5)").
    const detail = r.detail.startsWith(r.rule)
      ? r.detail
          .slice(r.rule.length)
          .replace(/ \(line \d+\)$/, "")
          .trim()
      : r.detail;
    lines.push(`  ${pos.padEnd(8)}${LEVEL[r.status].padEnd(7)}${r.rule}: ${r.fix ?? detail}`);
  }
  for (const w of report.warnings) lines.push(`  -       warn   ${w}`);
  const failed = Object.entries(report.gates)
    .filter(([, g]) => g.conclusion === "failure")
    .map(([name]) => name);
  lines.push("");
  lines.push(
    failed.length
      ? `✖ blocked: the ${failed.join(" and ")} gate${failed.length > 1 ? "s fail" : " fails"} — fix the errors above`
      : `✔ pass — merge: ${report.gates.merge.summary}; deploy: ${report.gates.deploy.summary}`,
  );
  return `${lines.join("\n")}\n`;
}
